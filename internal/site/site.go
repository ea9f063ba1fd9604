// Package site turns the explorer into static files: the go-app handler (RTL
// Arabic page, local icons, Marsad's service worker), the index bundle's
// content-hashed files, and a Version that changes exactly when app.wasm or the
// bundle does.
package site

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/index"
	"marsad/internal/ui"
)

//go:embed app-worker.js
var serviceWorkerTemplate string

// Config says what a handler serves.
type Config struct {
	// BundlePath is the path of the bundle's root file under the site root,
	// e.g. "/web/bundle/corpus-0123abcd.mrsd". The bundle's other files sit
	// in the same folder.
	BundlePath string
	// BundleFiles are the paths of the bundle's other files, precached by
	// the service worker along with the root when PrecacheAll is set.
	BundleFiles []string
	// PrecacheAll makes the service worker precache the whole bundle, so the
	// corpus works offline after the first visit. Otherwise only the root is
	// precached and the page offers to keep the rest on the visitor's device.
	PrecacheAll bool
	// BundleSize is the total size of the bundle's files in bytes, the root
	// included: what keeping the corpus offline downloads.
	BundleSize int64
	// Version identifies this build; the service worker's cache is named after it.
	Version string
	// Base is the path the site is served under: "/" (or "") at a host's
	// root, "/marsad/" for a folder or a GitHub Pages project site.
	Base string
	// WasmSize is app.wasm's size in bytes, for the loader's progress when
	// the host sends it compressed.
	WasmSize int64
}

// basePrefix is Base without its trailing slash: "" at the root.
func (c Config) basePrefix() string {
	return strings.TrimSuffix(c.Base, "/")
}

// Handler is the go-app handler for the explorer. It is used both to generate
// the static site and, in tests, to serve it.
func Handler(c Config) *app.Handler {
	cacheable := []string{"/web/icons/icon.svg", "/web/fonts/noto-naskh-arabic-400.woff2", "/web/fonts/noto-naskh-arabic-700.woff2"}
	if c.BundlePath != "" {
		cacheable = append(cacheable, c.BundlePath)
	}
	precached := ""
	if c.PrecacheAll {
		cacheable = append(cacheable, c.BundleFiles...)
		precached = "1"
	}
	var resources app.ResourceResolver
	if prefix := c.basePrefix(); prefix != "" {
		// go-app writes every path of its files (app.js, the worker, the
		// wasm, /web/...) under the prefix, and GOAPP_ROOT_PREFIX for the
		// page's own links (ui.RootPath).
		resources = app.PrefixedLocation(prefix)
	}
	wasmSize := ""
	if c.WasmSize > 0 {
		wasmSize = strconv.FormatInt(c.WasmSize, 10)
	}
	return &app.Handler{
		Resources:         resources,
		WasmContentLength: wasmSize,
		Name:              "مرصد — مستكشف الأخبار العربية",
		ShortName:         "مرصد",
		Title:             "مرصد",
		Description:       "استكشف مدونة أخبار عربية وابحث فيها دون اتصال: كل البحث يجري في متصفحك.",
		Lang:              "ar",
		HTML: func() app.HTMLHtml {
			return app.Html().Dir("rtl").Lang("ar")
		},
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/icon-maskable-512.png",
			SVG:      "/web/icons/icon.svg",
		},
		BackgroundColor:    "#f7f4ee",
		ThemeColor:         "#0f4c5c",
		LoadingLabel:       "جارٍ تحميل مرصد… {progress}%",
		Styles:             []string{"/web/marsad.css"},
		Scripts:            []string{"/web/page.js", "/web/ranges.js"},
		CacheableResources: cacheable,
		Env: map[string]string{
			ui.BundleEnv:     c.BundlePath,
			ui.PrecachedEnv:  precached,
			ui.BundleSizeEnv: strconv.FormatInt(c.BundleSize, 10),
		},
		Version:               c.Version,
		ServiceWorkerTemplate: serviceWorkerTemplate,
		// app.wasm is asked for by app.js, a deferred script, once the page
		// and its styles and scripts are in: on a cold visit that was 0.5–0.7 s
		// after the page arrived. The preload starts it with the page; the
		// loader's fetch (same URL, mode and credentials) takes it over.
		RawHeaders: []string{`<link rel="preload" href="` + c.basePrefix() + `/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`},
	}
}

// Version is a content hash of the files that make a build different for a
// visitor: app.wasm and the bundle's root file. The root names every other
// bundle file by its content hash, so it changes whenever any of them does.
// An empty Version would change on every build and a constant would never
// update, so it is derived from the bytes.
func Version(wasm, root []byte) string {
	h := sha256.New()
	h.Write(wasm)
	h.Write(root)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// DefaultPrecacheLimit is the largest bundle the service worker precaches
// whole when Options.PrecacheLimit is 0.
const DefaultPrecacheLimit = 8 << 20

// Options for Generate.
type Options struct {
	// Base is the path the site will be served under, "/" when empty:
	// "/marsad/" for https://example.org/marsad/ (a GitHub Pages project
	// site, a folder on a university server).
	Base string
	// URL is the site's public address, e.g. "https://example.org/marsad/",
	// for the page's og:url and og:image (link previews). Without it the
	// page has no og:url or og:image: a wrong one is worse than none.
	URL string
	// Dir is the output directory; Dir/web/app.wasm must already be built.
	Dir string
	// Bundle is the built index bundle; its files are written, under their
	// content-hashed names, to Dir/web/bundle/.
	Bundle *index.Bundle
	// Assets is the web/ folder of static assets (css, icons) copied to Dir/web.
	Assets fs.FS
	// NoCompress leaves out the .br and .gz copies of app.wasm, the pages,
	// scripts, styles and the bundle's root that a host can send as they
	// are (Brotli takes some seconds on app.wasm).
	NoCompress bool
	// PrecacheLimit is the largest bundle, in bytes, that the service worker
	// precaches whole, so that the corpus works offline after the first
	// visit. A larger bundle has only its root precached; the rest is
	// fetched as queries need it, and the page offers to keep it all
	// offline. 0 means DefaultPrecacheLimit; a negative value never
	// precaches more than the root.
	PrecacheLimit int64
}

// PrecachesAll reports whether a site generated with these options has the
// service worker precache the whole bundle (rather than only its root).
func (o Options) PrecachesAll() bool {
	limit := o.PrecacheLimit
	if limit == 0 {
		limit = DefaultPrecacheLimit
	}
	return o.Bundle != nil && limit > 0 && o.Bundle.Size() <= limit
}

// Generate writes the static site into o.Dir: the bundle, the assets, and the
// pages and PWA files go-app generates.
func Generate(o Options) error {
	wasmPath := filepath.Join(o.Dir, "web", "app.wasm")
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return fmt.Errorf("reading %s (build it first with GOOS=js GOARCH=wasm go build -o %s ./app): %w", wasmPath, wasmPath, err)
	}
	root, err := checkBundle(o.Bundle)
	if err != nil {
		return err
	}
	if err := copyAssets(o.Assets, filepath.Join(o.Dir, "web")); err != nil {
		return err
	}

	bundleDir := filepath.Join(o.Dir, "web", "bundle")
	if err := os.RemoveAll(bundleDir); err != nil {
		return err
	}
	if err := os.MkdirAll(bundleDir, 0o755); err != nil {
		return err
	}
	base, err := CleanBase(o.Base)
	if err != nil {
		return err
	}
	publicURL, err := cleanPublicURL(o.URL)
	if err != nil {
		return err
	}
	c := Config{
		BundlePath:  "/web/bundle/" + o.Bundle.Root,
		PrecacheAll: o.PrecachesAll(),
		BundleSize:  o.Bundle.Size(),
		Version:     Version(wasm, root),
		Base:        base,
		WasmSize:    int64(len(wasm)),
	}
	for _, f := range o.Bundle.Files {
		if err := os.WriteFile(filepath.Join(bundleDir, f.Name), f.Data, 0o644); err != nil {
			return fmt.Errorf("writing bundle file: %w", err)
		}
		if f.Name != o.Bundle.Root {
			c.BundleFiles = append(c.BundleFiles, "/web/bundle/"+f.Name)
		}
	}

	ui.Routes() // the pages to pre-render; registering twice is harmless
	if err := app.GenerateStaticWebsite(o.Dir, Handler(c)); err != nil {
		return fmt.Errorf("generating static website in %s: %w", o.Dir, err)
	}
	if err := finishPages(o.Dir, c, publicURL); err != nil {
		return err
	}
	if o.NoCompress {
		return nil
	}
	return writeCompressed(o.Dir)
}

// checkBundle returns the bytes of the bundle's root file, after checking
// that every file name is a plain, unique file name.
func checkBundle(b *index.Bundle) ([]byte, error) {
	if b == nil || len(b.Files) == 0 {
		return nil, errors.New("no index bundle given")
	}
	var root []byte
	found := false
	seen := map[string]bool{}
	for _, f := range b.Files {
		if f.Name == "" || f.Name == "." || f.Name == ".." || strings.ContainsAny(f.Name, `/\`) || strings.HasPrefix(f.Name, ".") {
			return nil, fmt.Errorf("bundle file name %q is not a plain file name", f.Name)
		}
		if seen[f.Name] {
			return nil, fmt.Errorf("bundle file %s is listed twice", f.Name)
		}
		seen[f.Name] = true
		if f.Name == b.Root {
			root, found = f.Data, true
		}
	}
	if !found {
		return nil, fmt.Errorf("the bundle's root file %q is not among its files", b.Root)
	}
	return root, nil
}

// copyAssets copies the static assets, leaving out the corpus sources: the
// browser reads the bundle, never the raw articles.
func copyAssets(assets fs.FS, dst string) error {
	if assets == nil {
		return errors.New("no web assets given")
	}
	return fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == "corpus" || p == "bundle" {
				return fs.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, filepath.FromSlash(p)), 0o755)
		}
		if path.Ext(p) == ".wasm" {
			return nil
		}
		return copyFile(assets, p, filepath.Join(dst, filepath.FromSlash(p)))
	})
}

func copyFile(assets fs.FS, src, dst string) error {
	in, err := assets.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copying %s: %w", src, err)
	}
	return out.Close()
}
