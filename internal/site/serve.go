package site

import (
	"mime"
	"net/http"
	"strings"
)

func init() {
	// Some systems' mime tables lack these; a wrong type breaks streaming
	// WebAssembly compilation and PWA installation.
	_ = mime.AddExtensionType(".wasm", "application/wasm")
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
	_ = mime.AddExtensionType(".mrsd", "application/octet-stream")
}

// FileServer serves a generated site the way any static host would, with one
// courtesy: files whose names do not change between versions are revalidated,
// so a new service worker is noticed on the next visit.
func FileServer(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/web/bundle/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}
