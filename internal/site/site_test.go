package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestVersionChangesWithEitherInput(t *testing.T) {
	base := Version([]byte("wasm"), []byte("bundle"))
	if base != Version([]byte("wasm"), []byte("bundle")) {
		t.Fatal("Version is not deterministic")
	}
	if base == Version([]byte("wasm2"), []byte("bundle")) {
		t.Error("Version ignores app.wasm")
	}
	if base == Version([]byte("wasm"), []byte("bundle2")) {
		t.Error("Version ignores the bundle")
	}
}

func TestBundleFileNameIsContentHashed(t *testing.T) {
	a, b := BundleFileName([]byte("a")), BundleFileName([]byte("b"))
	if a == b || !strings.HasPrefix(a, "corpus-") || !strings.HasSuffix(a, ".mrsd") {
		t.Errorf("names %q and %q", a, b)
	}
}

func TestGenerateWritesAnOfflineCapableRTLSite(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	assets := fstest.MapFS{
		"marsad.css":           {Data: []byte("body{}")},
		"icons/icon-192.png":   {Data: []byte("png")},
		"corpus/000_x.txt":     {Data: []byte("نص")},
		"corpus/manifest.json": {Data: []byte("{}")},
	}
	bundle := []byte("bundle bytes")
	if err := Generate(Options{Dir: dir, Bundle: bundle, Assets: assets}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	index := read("index.html")
	for _, want := range []string{`dir="rtl"`, `lang="ar"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	worker := read("app-worker.js")
	bundlePath := "/web/bundle/" + BundleFileName(bundle)
	if !strings.Contains(worker, bundlePath) {
		t.Errorf("service worker does not precache the bundle %s", bundlePath)
	}
	if !strings.Contains(worker, Version([]byte("\x00asm"), bundle)) {
		t.Error("service worker cache is not named after the content version")
	}
	if strings.Contains(worker, "https://") {
		t.Error("service worker precaches a remote URL: offline install would fail")
	}
	if !strings.Contains(worker, "ignoreSearch: true") || !strings.Contains(worker, "event.waitUntil") {
		t.Error("service worker lacks the offline fixes")
	}
	if !strings.Contains(read("manifest.webmanifest"), "/web/icons/icon-192.png") {
		t.Error("manifest does not use the local icons")
	}
	if read("web/bundle/"+BundleFileName(bundle)) != string(bundle) {
		t.Error("bundle not written under its content-hashed name")
	}
	if _, err := os.Stat(filepath.Join(dir, "web", "corpus")); !os.IsNotExist(err) {
		t.Error("corpus sources were copied into the site")
	}
}

func TestGenerateNamesTheMissingWasm(t *testing.T) {
	err := Generate(Options{Dir: t.TempDir(), Bundle: []byte("x"), Assets: fstest.MapFS{}})
	if err == nil || !strings.Contains(err.Error(), "app.wasm") {
		t.Fatalf("err = %v, want one naming app.wasm", err)
	}
}
