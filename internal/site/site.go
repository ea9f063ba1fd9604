// Package site turns the explorer into static files: the go-app handler (RTL
// Arabic page, local icons, Marsad's service worker), the index bundle with a
// content-hashed name, and a Version that changes exactly when app.wasm or the
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

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/ui"
)

//go:embed app-worker.js
var serviceWorkerTemplate string

// Config says what a handler serves.
type Config struct {
	// BundlePath is the bundle's path under the site root, e.g.
	// "/web/bundle/corpus-0123abcd.mrsd".
	BundlePath string
	// Version identifies this build; the service worker's cache is named after it.
	Version string
}

// Handler is the go-app handler for the explorer. It is used both to generate
// the static site and, in tests, to serve it.
func Handler(c Config) *app.Handler {
	cacheable := []string{"/web/icons/icon.svg"}
	if c.BundlePath != "" {
		cacheable = append(cacheable, c.BundlePath)
	}
	return &app.Handler{
		Name:        "مرصد — مستكشف الأخبار العربية",
		ShortName:   "مرصد",
		Title:       "مرصد",
		Description: "استكشف مدونة أخبار عربية وابحث فيها دون اتصال: كل البحث يجري في متصفحك.",
		Lang:        "ar",
		HTML: func() app.HTMLHtml {
			return app.Html().Dir("rtl").Lang("ar")
		},
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/icon-maskable-512.png",
			SVG:      "/web/icons/icon.svg",
		},
		BackgroundColor:       "#f7f4ee",
		ThemeColor:            "#0f4c5c",
		LoadingLabel:          "جارٍ تحميل مرصد… {progress}%",
		Styles:                []string{"/web/marsad.css"},
		CacheableResources:    cacheable,
		Env:                   map[string]string{ui.BundleEnv: c.BundlePath},
		Version:               c.Version,
		ServiceWorkerTemplate: serviceWorkerTemplate,
	}
}

// Version is a content hash of the files that make a build different for a
// visitor: app.wasm and the bundle. Empty would change on every build and a
// constant would never update, so it is derived from the bytes.
func Version(wasm, bundle []byte) string {
	h := sha256.New()
	h.Write(wasm)
	h.Write(bundle)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// BundleFileName names a bundle after its content, so caches never mix versions.
func BundleFileName(bundle []byte) string {
	sum := sha256.Sum256(bundle)
	return "corpus-" + hex.EncodeToString(sum[:])[:16] + ".mrsd"
}

// Options for Generate.
type Options struct {
	// Dir is the output directory; Dir/web/app.wasm must already be built.
	Dir string
	// Bundle is the encoded index bundle.
	Bundle []byte
	// Assets is the web/ folder of static assets (css, icons) copied to Dir/web.
	Assets fs.FS
}

// Generate writes the static site into o.Dir: the bundle, the assets, and the
// pages and PWA files go-app generates.
func Generate(o Options) error {
	wasmPath := filepath.Join(o.Dir, "web", "app.wasm")
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return fmt.Errorf("reading %s (build it first with GOOS=js GOARCH=wasm go build -o %s ./app): %w", wasmPath, wasmPath, err)
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
	name := BundleFileName(o.Bundle)
	if err := os.WriteFile(filepath.Join(bundleDir, name), o.Bundle, 0o644); err != nil {
		return fmt.Errorf("writing bundle: %w", err)
	}

	ui.Routes() // the pages to pre-render; registering twice is harmless
	h := Handler(Config{BundlePath: "/web/bundle/" + name, Version: Version(wasm, o.Bundle)})
	if err := app.GenerateStaticWebsite(o.Dir, h); err != nil {
		return fmt.Errorf("generating static website in %s: %w", o.Dir, err)
	}
	return nil
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
