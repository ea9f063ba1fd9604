//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// peer-site writes one page an article, with its text escaped and its
// source and year as Pagefind filters, and the search page.
func TestPeerSiteWritesOnePageAnArticle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pagefind")
	code, stdout, stderr := runCLI(t, "peer-site", "-corpus", seedCorpus, "-out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "a", "*", "*.html"))
	if len(pages) == 0 || !strings.Contains(stdout, "wrote ") {
		t.Fatalf("%d pages, output %q", len(pages), stdout)
	}
	page, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<main data-pagefind-body>`, `dir="rtl"`, `<h1>`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("%s lacks %s:\n%s", pages[0], want, page)
		}
	}
	search, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !strings.Contains(string(search), "/pagefind/pagefind.js") || !strings.Contains(string(search), "peer:query") {
		t.Errorf("search page: %v\n%s", err, search)
	}
}

// build -bundle makes the site from a bundle 'index' wrote, the same root.
func TestBuildFromAnIndexedBundle(t *testing.T) {
	dir := t.TempDir()
	bundle := filepath.Join(dir, "bundle")
	if code, _, errOut := runCLI(t, "index", "-corpus", seedCorpus, "-out", bundle); code != 0 {
		t.Fatalf("index: %s", errOut)
	}
	dist := filepath.Join(dir, "dist")
	if err := os.MkdirAll(filepath.Join(dist, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dist, "web", "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "build", "-bundle", bundle, "-dist", dist, "-web", filepath.Join("..", "web"), "-compress=false")
	if code != 0 || !strings.Contains(out, "from the bundle in") {
		t.Fatalf("exit %d, output %q %s", code, out, errOut)
	}
	roots, _ := filepath.Glob(filepath.Join(bundle, "corpus-*.mrsd"))
	if len(roots) != 1 {
		t.Fatalf("%d roots in %s", len(roots), bundle)
	}
	if _, err := os.Stat(filepath.Join(dist, "web", "bundle", filepath.Base(roots[0]))); err != nil {
		t.Errorf("the site lacks the bundle's root: %v", err)
	}
	if code, _, errOut := runCLI(t, "build", "-bundle", dir, "-dist", dist); code == 0 || !strings.Contains(errOut, "no bundle root") {
		t.Errorf("a folder without a root: exit %d, %s", code, errOut)
	}
}
