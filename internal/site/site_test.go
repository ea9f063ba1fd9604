package site

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/ui"
)

func TestVersionChangesWithEitherInput(t *testing.T) {
	base := Version([]byte("wasm"), []byte("root"))
	if base != Version([]byte("wasm"), []byte("root")) {
		t.Fatal("Version is not deterministic")
	}
	if base == Version([]byte("wasm2"), []byte("root")) {
		t.Error("Version ignores app.wasm")
	}
	if base == Version([]byte("wasm"), []byte("root2")) {
		t.Error("Version ignores the bundle's root")
	}
}

// testBundle builds a small bundle of a few Arabic articles.
func testBundle(t *testing.T) *index.Bundle {
	t.Helper()
	b := index.NewBuilder(index.Options{})
	for _, d := range []corpus.Document{
		{ID: "a", Title: "حرب إلكترونية", Text: "أغلق موقع تويتر آلاف الحسابات التي تروّج لتنظيم داعش."},
		{ID: "b", Title: "فيسبوك", Text: "قالت شركة فيسبوك إنها حذفت صفحات تابعة للتنظيم."},
		{ID: "c", Title: "الفلوجة", Text: "دارت معارك في مدينة الفلوجة بين الجيش العراقي وتنظيم الدولة."},
	} {
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	bundle, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if len(bundle.Files) < 2 {
		t.Fatalf("the test bundle has %d files; want a root and others", len(bundle.Files))
	}
	return bundle
}

var testAssets = fstest.MapFS{
	"marsad.css":           {Data: []byte("body{}")},
	"icons/icon-192.png":   {Data: []byte("png")},
	"corpus/000_x.txt":     {Data: []byte("نص")},
	"corpus/manifest.json": {Data: []byte("{}")},
}

const testWasm = "\x00asm"

// siteDir is an output folder with its app.wasm already built.
func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte(testWasm), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func rootData(b *index.Bundle) []byte {
	for _, f := range b.Files {
		if f.Name == b.Root {
			return f.Data
		}
	}
	return nil
}

func TestGenerateWritesAnOfflineCapableRTLSite(t *testing.T) {
	dir := siteDir(t)
	// A file of an earlier build is removed.
	stale := filepath.Join(dir, "web", "bundle", "t-stale.mrsd")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	bundle := testBundle(t)
	if err := Generate(Options{Dir: dir, Bundle: bundle, Assets: testAssets}); err != nil {
		t.Fatal(err)
	}
	index := readFile(t, dir, "index.html")
	for _, want := range []string{`dir="rtl"`, `lang="ar"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	worker := readFile(t, dir, "app-worker.js")
	// A small bundle is precached whole: it works offline after one visit.
	for _, f := range bundle.Files {
		if !strings.Contains(worker, `"/web/bundle/`+f.Name+`"`) {
			t.Errorf("service worker does not precache the bundle file %s", f.Name)
		}
		if got := readFile(t, dir, "web/bundle/"+f.Name); got != string(f.Data) {
			t.Errorf("bundle file %s not written as built", f.Name)
		}
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a bundle file of an earlier build is left in web/bundle")
	}
	if !strings.Contains(worker, Version([]byte(testWasm), rootData(bundle))) {
		t.Error("service worker cache is not named after the content version")
	}
	if strings.Contains(worker, "https://") {
		t.Error("service worker precaches a remote URL: offline install would fail")
	}
	if !strings.Contains(worker, "ignoreSearch: true") || !strings.Contains(worker, "event.waitUntil") {
		t.Error("service worker lacks the offline fixes")
	}
	if !strings.Contains(worker, `keptPrefix = "marsad-corpus-"`) || !strings.Contains(worker, "!key.startsWith(keptPrefix)") {
		t.Error("service worker does not spare and read the corpora kept offline")
	}
	appJS := readFile(t, dir, "app.js")
	for _, want := range []string{
		`"` + ui.BundleEnv + `":"/web/bundle/` + bundle.Root + `"`,
		`"` + ui.PrecachedEnv + `":"1"`,
	} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js env lacks %s", want)
		}
	}
	if !strings.Contains(readFile(t, dir, "manifest.webmanifest"), "/web/icons/icon-192.png") {
		t.Error("manifest does not use the local icons")
	}
	if _, err := os.Stat(filepath.Join(dir, "web", "corpus")); !os.IsNotExist(err) {
		t.Error("corpus sources were copied into the site")
	}
}

func TestALargeBundleHasOnlyItsRootPrecached(t *testing.T) {
	bundle := testBundle(t)
	for _, limit := range []int64{-1, bundle.Size() - 1} {
		dir := siteDir(t)
		o := Options{Dir: dir, Bundle: bundle, Assets: testAssets, PrecacheLimit: limit}
		if o.PrecachesAll() {
			t.Errorf("limit %d: PrecachesAll for a %d-byte bundle", limit, bundle.Size())
		}
		if err := Generate(o); err != nil {
			t.Fatal(err)
		}
		worker := readFile(t, dir, "app-worker.js")
		if !strings.Contains(worker, `"/web/bundle/`+bundle.Root+`"`) {
			t.Errorf("limit %d: the root is not precached", limit)
		}
		for _, f := range bundle.Files {
			if f.Name != bundle.Root && strings.Contains(worker, f.Name) {
				t.Errorf("limit %d: %s is precached", limit, f.Name)
			}
			if _, err := os.Stat(filepath.Join(dir, "web", "bundle", f.Name)); err != nil {
				t.Errorf("limit %d: %v", limit, err)
			}
		}
		appJS := readFile(t, dir, "app.js")
		for _, want := range []string{`"` + ui.PrecachedEnv + `":""`, `"` + ui.BundleSizeEnv + `":"` + strconv.FormatInt(bundle.Size(), 10) + `"`} {
			if !strings.Contains(appJS, want) {
				t.Errorf("limit %d: app.js env lacks %s", limit, want)
			}
		}
	}
	if !(Options{Bundle: bundle, PrecacheLimit: bundle.Size()}).PrecachesAll() {
		t.Error("a bundle of exactly the limit is not precached")
	}
	if !(Options{Bundle: bundle}).PrecachesAll() {
		t.Error("a small bundle is not precached under the default limit")
	}
}

func TestGenerateNamesWhatIsMissing(t *testing.T) {
	err := Generate(Options{Dir: t.TempDir(), Bundle: testBundle(t), Assets: fstest.MapFS{}})
	if err == nil || !strings.Contains(err.Error(), "app.wasm") {
		t.Errorf("err = %v, want one naming app.wasm", err)
	}
	bundle := testBundle(t)
	for name, b := range map[string]*index.Bundle{
		"no bundle":    nil,
		"no root file": {Root: "corpus-missing.mrsd", Files: bundle.Files},
		"a path":       {Root: bundle.Root, Files: append([]index.File{{Name: "../escape.mrsd", Data: []byte("x")}}, bundle.Files...)},
		"a twice":      {Root: bundle.Root, Files: append([]index.File{bundle.Files[1]}, bundle.Files...)},
	} {
		if err := Generate(Options{Dir: siteDir(t), Bundle: b, Assets: testAssets}); err == nil {
			t.Errorf("%s: Generate succeeded", name)
		}
	}
}

func TestFileServerServesRangesAndCachesHashedFiles(t *testing.T) {
	dir := siteDir(t)
	bundle := testBundle(t)
	if err := Generate(Options{Dir: dir, Bundle: bundle, Assets: testAssets}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(FileServer(dir))
	defer srv.Close()
	get := func(path, rangeHeader string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest("GET", srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rangeHeader != "" {
			req.Header.Set("Range", rangeHeader)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}
	var chunk index.File
	for _, f := range bundle.Files {
		if f.Name != bundle.Root && len(f.Data) > 8 {
			chunk = f
			break
		}
	}
	resp, body := get("/web/bundle/"+chunk.Name, "bytes=2-5")
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(body, chunk.Data[2:6]) {
		t.Errorf("range request: %s, %d bytes", resp.Status, len(body))
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("%s Cache-Control = %q, want immutable", chunk.Name, cc)
	}
	resp, body = get("/web/bundle/"+bundle.Root, "")
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, rootData(bundle)) {
		t.Errorf("root: %s, %d bytes", resp.Status, len(body))
	}
	for _, p := range []string{"/web/bundle/" + bundle.Root, "/", "/app-worker.js", "/web/app.wasm"} {
		if resp, _ := get(p, ""); resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s Cache-Control = %q, want no-cache", p, resp.Header.Get("Cache-Control"))
		}
	}
}
