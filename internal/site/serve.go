package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

func init() {
	// Some systems' mime tables lack these; a wrong type breaks streaming
	// WebAssembly compilation and PWA installation.
	_ = mime.AddExtensionType(".wasm", "application/wasm")
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
	_ = mime.AddExtensionType(".mrsd", "application/octet-stream")
}

// FileServer serves a generated site the way any static host would, with
// Range requests (the browser reads documents out of the bundle's packs a
// byte range at a time) and these cache rules: the bundle's files are named
// after their content and never change, so they are cached for a year, except
// the root, which is revalidated like every other file; files whose names do
// not change between versions are revalidated, so a new service worker is
// noticed on the next visit.
//
// A whole-file request for a file the build wrote .br and .gz copies of is
// answered with the copy the browser accepts, with Content-Encoding and
// Vary: Accept-Encoding; a range request gets the file itself.
func FileServer(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cache := cacheControl(r.URL.Path)
		w.Header().Set("Cache-Control", cache)
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if servePrecompressed(w, r, dir, name) {
			return
		}
		// Files named after their content never change: they need no ETag
		// (and with one, the browser would answer their ranges from its
		// cache, ranges.js's fallback for hosts without multipart ranges
		// aside).
		if cache == "no-cache" {
			if tag := etags.of(dir, name); tag != "" {
				w.Header().Set("ETag", tag)
			}
		}
		files.ServeHTTP(w, r)
	})
}

// etags are strong ETags from the files' content. Last-Modified alone has
// one-second steps, and a deploy can keep or reset modification times: a
// new app.js of the same second and size would be answered 304, and the
// service worker would precache the old one with the new version's name.
var etags etagCache

type etagCache struct{ m sync.Map } // path → etagEntry

// etagAlwaysHashed is the size up to which a file's ETag is computed anew
// for every request.
const etagAlwaysHashed = 1 << 20

type etagEntry struct {
	size    int64
	modTime time.Time
	tag     string
}

// of returns the ETag of the file at name under dir, "" for a folder or a
// file that cannot be read.
func (c *etagCache) of(dir, name string) string {
	p := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+name)))
	info, err := os.Stat(p)
	if err != nil || info.IsDir() {
		return ""
	}
	// Small files (the pages, app.js, the worker: what names the version)
	// are hashed on every request, since their size and time can stay the
	// same; large ones (app.wasm, packs) only when either changes.
	if e, ok := c.m.Load(p); ok && info.Size() > etagAlwaysHashed {
		if e := e.(etagEntry); e.size == info.Size() && e.modTime.Equal(info.ModTime()) {
			return e.tag
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	tag := `"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`
	c.m.Store(p, etagEntry{info.Size(), info.ModTime(), tag})
	return tag
}

// cacheControl is the Cache-Control header FileServer sends for a path.
func cacheControl(p string) string {
	dir, name := path.Split(p)
	if dir == "/web/bundle/" && strings.HasSuffix(name, ".mrsd") && !strings.HasPrefix(name, "corpus-") {
		return "public, max-age=31536000, immutable"
	}
	return "no-cache"
}
