package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestBuildWritesCompressedCopiesAndServerSendsThem(t *testing.T) {
	dir := t.TempDir()
	wasm := append([]byte("\x00asm"), bytes.Repeat([]byte("مرصد marsad "), 8000)...)
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	bundle := testBundle(t)
	if err := Generate(Options{Dir: dir, Bundle: bundle, Assets: testAssets}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"web/app.wasm.br", "web/app.wasm.gz", "app.js.br", "app.js.gz", "index.html.gz"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("no %s: %v", name, err)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "web", "bundle", "[tpdevi]-*.*"))
	for _, m := range matches {
		if strings.HasSuffix(m, ".br") || strings.HasSuffix(m, ".gz") {
			t.Errorf("%s: a file read by range has a compressed copy", m)
		}
	}

	srv := httptest.NewServer(FileServer(dir))
	defer srv.Close()
	get := func(path, acceptEncoding, rangeHeader string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", acceptEncoding)
		if rangeHeader != "" {
			req.Header.Set("Range", rangeHeader)
		}
		// A transport of its own: the default one decompresses gzip and
		// hides Content-Encoding.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	decode := map[string]func([]byte) ([]byte, error){
		"br": func(b []byte) ([]byte, error) { return io.ReadAll(brotli.NewReader(bytes.NewReader(b))) },
		"gzip": func(b []byte) ([]byte, error) {
			z, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, err
			}
			return io.ReadAll(z)
		},
		"": func(b []byte) ([]byte, error) { return b, nil },
	}
	for _, tc := range []struct{ accept, rng, want string }{
		{"gzip, deflate, br, zstd", "", "br"},
		{"gzip, deflate", "", "gzip"},
		{"br;q=0, gzip", "", "gzip"},
		{"", "", ""},
		{"gzip, br", "bytes=0-3", ""}, // a range is of the file itself
	} {
		resp, body := get("/web/app.wasm", tc.accept, tc.rng)
		if got := resp.Header.Get("Content-Encoding"); got != tc.want {
			t.Errorf("Accept-Encoding %q, Range %q: Content-Encoding %q, want %q", tc.accept, tc.rng, got, tc.want)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type %q, want application/wasm", tc.accept, ct)
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: no Vary: Accept-Encoding", tc.accept)
		}
		raw, err := decode[tc.want](body)
		want := wasm
		if tc.rng != "" {
			want = wasm[:4]
		}
		if err != nil || !bytes.Equal(raw, want) {
			t.Errorf("Accept-Encoding %q, Range %q: body does not decode to app.wasm (%v)", tc.accept, tc.rng, err)
		}
	}
	if resp, _ := get("/", "br", ""); resp.Header.Get("Content-Encoding") != "br" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("the page: Content-Encoding %q, Content-Type %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
	}
}

// A file replaced by one of the same size and modification time (a deploy
// in the same second, or one that resets times) is not answered 304.
func TestFileServerTellsSameSizedVersionsApartByContent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "app.js")
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write := func(content string) {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	write(`const bundle = "corpus-aaaaaaaa.mrsd";`)
	srv := httptest.NewServer(FileServer(dir))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/app.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	tag := resp.Header.Get("ETag")
	write(`const bundle = "corpus-bbbbbbbb.mrsd";`)
	req, _ := http.NewRequest("GET", srv.URL+"/app.js", nil)
	req.Header.Set("If-None-Match", tag)
	req.Header.Set("If-Modified-Since", resp.Header.Get("Last-Modified"))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if tag == "" || resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "bbbbbbbb") {
		t.Errorf("ETag %q; the new file of the same size and time was answered %s %q", tag, resp.Status, body)
	}
}
