package site

import (
	"mime"
	"net/http"
	"path"
	"strings"
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
		w.Header().Set("Cache-Control", cacheControl(r.URL.Path))
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if servePrecompressed(w, r, dir, name) {
			return
		}
		files.ServeHTTP(w, r)
	})
}

// cacheControl is the Cache-Control header FileServer sends for a path.
func cacheControl(p string) string {
	dir, name := path.Split(p)
	if dir == "/web/bundle/" && strings.HasSuffix(name, ".mrsd") && !strings.HasPrefix(name, "corpus-") {
		return "public, max-age=31536000, immutable"
	}
	return "no-cache"
}
