package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Precompressed copies: the build writes NAME.br and NAME.gz beside each
// file a first visit downloads whole (app.wasm: 8.9 MB raw, about 2 MB in
// Brotli), so that a host can send them as they are with Content-Encoding
// instead of compressing on every request, or not at all. FileServer serves
// them; the README says what common hosts do.

// brotliQuality is Brotli's quality for the copies: 9 is within 13 % of
// 11 on app.wasm (2.06 vs 1.83 MB) in a tenth of the time (10 s vs 97 s on
// one core), which every build pays.
const brotliQuality = 9

// wasmBrotliQuality is Brotli's quality for app.wasm, which every first
// visit downloads before anything works: 11 makes it 11 % smaller than 9
// (1.92 vs 2.17 MB), for about 100 s of one core. The copy is kept in the
// user's cache under app.wasm's hash, so a build pays that only when
// app.wasm changes (see cachedBrotli).
const wasmBrotliQuality = 11

// wasmBrotliWindow is the log2 of Brotli's window for app.wasm: 24, the
// largest every decoder must accept (RFC 7932), lets the encoder reach back
// over the whole 11 MB file; the default, 22 (4 MB), makes it 1 % larger
// (2,157,439 against 2,135,847 bytes on app.wasm at 11,016,861 bytes).
const wasmBrotliWindow = 24

// minCompressSaving is the least a copy must save, as a fraction of the
// file, to be written: the bundle's files are deflated inside already.
const minCompressSaving = 0.1

// compressible tells the files of a generated site that get copies: the
// pages, scripts, styles and app.wasm, and the bundle's root, which the page
// reads whole. The bundle's other files are read by byte range, which a
// compressed copy cannot answer.
func compressible(rel string) bool {
	rel = filepath.ToSlash(rel)
	dir, name := path.Split(rel)
	switch path.Ext(name) {
	case ".html", ".js", ".css", ".wasm", ".webmanifest", ".svg", ".json":
		return dir == "" || dir == "web/" || dir == "web/icons/"
	case ".mrsd":
		return dir == "web/bundle/" && strings.HasPrefix(name, "corpus-")
	}
	return false
}

// writeCompressed writes the .br and .gz copies of every compressible file
// under dir that compresses by minCompressSaving or more, and removes stale
// copies of earlier builds.
func writeCompressed(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(p); ext == ".br" || ext == ".gz" {
			return os.Remove(p)
		}
		if rel, _ := filepath.Rel(dir, p); compressible(rel) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- compressFile(f)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func compressFile(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	for _, enc := range []struct {
		ext string
		new func(io.Writer) io.WriteCloser
	}{
		{".br", func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotliQuality) }},
		{".gz", func(w io.Writer) io.WriteCloser { z, _ := gzip.NewWriterLevel(w, gzip.BestCompression); return z }},
	} {
		var b bytes.Buffer
		if enc.ext == ".br" && filepath.Ext(p) == ".wasm" {
			data, err := cachedBrotli(data)
			if err != nil {
				return fmt.Errorf("compressing %s: %w", p, err)
			}
			b.Write(data)
		} else {
			w := enc.new(&b)
			if _, err := w.Write(data); err != nil {
				return fmt.Errorf("compressing %s: %w", p, err)
			}
			if err := w.Close(); err != nil {
				return fmt.Errorf("compressing %s: %w", p, err)
			}
		}
		if float64(b.Len()) > (1-minCompressSaving)*float64(len(data)) {
			continue
		}
		if err := os.WriteFile(p+enc.ext, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cachedBrotli compresses data with wasmBrotliQuality, or reads the copy
// an earlier build kept in the user's cache folder (marsad/brotli/<sha256>).
// A cache that cannot be read or written only costs the time.
func cachedBrotli(data []byte) ([]byte, error) {
	sum := sha256.Sum256(data)
	var cached string
	if dir, err := os.UserCacheDir(); err == nil {
		cached = filepath.Join(dir, "marsad", "brotli", fmt.Sprintf("%x-q%d-w%d.br", sum, wasmBrotliQuality, wasmBrotliWindow))
		if out, err := os.ReadFile(cached); err == nil {
			return out, nil
		}
	}
	var b bytes.Buffer
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: wasmBrotliQuality, LGWin: wasmBrotliWindow})
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if cached != "" && os.MkdirAll(filepath.Dir(cached), 0o755) == nil {
		tmp := cached + fmt.Sprintf(".%d.tmp", os.Getpid())
		if os.WriteFile(tmp, b.Bytes(), 0o644) == nil {
			_ = os.Rename(tmp, cached)
		}
	}
	return b.Bytes(), nil
}

// encodings are the precompressed copies FileServer serves, best first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// servePrecompressed answers r with a precompressed copy of the file at
// name under dir when the browser accepts its encoding and the request is
// for the whole file; it reports whether it did.
func servePrecompressed(w http.ResponseWriter, r *http.Request, dir, name string) bool {
	if !compressible(strings.TrimPrefix(name, "/")) {
		return false
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if r.Header.Get("Range") != "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		return false
	}
	accepted := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	for _, enc := range encodings {
		if !accepted[enc.name] {
			continue
		}
		f, err := http.Dir(dir).Open(name + enc.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || info.IsDir() {
			continue
		}
		ctype := mimeType(name)
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Encoding", enc.name)
		if tag := etags.of(dir, name+enc.ext); tag != "" {
			w.Header().Set("ETag", tag)
		}
		http.ServeContent(w, r, name, info.ModTime(), f)
		return true
	}
	return false
}

// acceptedEncodings reads Accept-Encoding, leaving out what has q=0.
func acceptedEncodings(header string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		if q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
			continue
		}
		out[strings.ToLower(strings.TrimSpace(name))] = true
	}
	return out
}

// mimeType is the Content-Type of a file by its extension.
func mimeType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
