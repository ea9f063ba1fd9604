//go:build !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"marsad/internal/entity"
	"marsad/internal/index"
	"marsad/internal/ingest"
	"marsad/internal/site"

	"marsad/internal/testcorpus"
)

// The "keep this corpus offline" panel, on a site whose bundle is too large
// to precache (here: the seed corpus with precaching turned off).

// largeSite builds the seed corpus into a new site whose service worker
// precaches only the bundle's root, as it does for a large corpus. It reuses
// the app.wasm of the built site.
func largeSite(t *testing.T) (string, *index.Bundle) {
	t.Helper()
	wasm, err := os.ReadFile(filepath.Join(builtSite(t), "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	tagger, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Load(testcorpus.SeedDir(), ingest.Options{Tag: tagger.Tag})
	if err != nil {
		t.Fatal(err)
	}
	b := index.NewBuilder(index.Options{})
	for _, d := range res.Documents {
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	bundle, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := site.Generate(site.Options{Dir: dir, Bundle: bundle, Assets: os.DirFS("../web"), PrecacheLimit: -1, NoCompress: true}); err != nil {
		t.Fatal(err)
	}
	return dir, bundle
}

// offlineState is the JS expression for the offline panel's state.
const offlineState = `(document.querySelector(".foot .offline") || {dataset: {}}).dataset.offlineState`

// awaitJS evaluates a JS expression whose value is a promise.
func awaitJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func waitForOfflineState(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	waitFor(t, ctx, "the offline panel in state "+state, offlineState+` === "`+state+`"`)
}

func TestBrowserKeepsALargeCorpusOffline(t *testing.T) {
	dir, bundle := largeSite(t)
	srv := serve(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)

	// Not precached whole: the panel says what works offline and offers
	// the rest, with its size.
	waitForOfflineState(t, ctx, "offered")
	panel := evalJS[string](t, ctx, `document.querySelector(".foot .offline").innerText`)
	for _, want := range []string{"يعمل دون اتصال ما سبق تحميله فقط", "احفظ المدونة كلها للعمل دون اتصال"} {
		if !strings.Contains(panel, want) {
			t.Errorf("offline panel %q lacks %q", panel, want)
		}
	}
	// The seed corpus's bundle is some 30 KB.
	if !strings.Contains(panel, "كيلوبايت)") {
		t.Errorf("offline panel %q does not give the size in kilobytes", panel)
	}
	// A kept copy of another corpus (an earlier version of the site) is
	// stale: the page removes it on its next visit.
	awaitJS[bool](t, ctx, `caches.open("marsad-corpus-corpus-stale.mrsd").then(() => true)`)

	do(t, ctx, chromedp.Click(chromedp.CSS(".offline-keep")))
	waitForOfflineState(t, ctx, "kept")
	kept := evalJS[string](t, ctx, `document.querySelector(".offline-kept").innerText`)
	if !strings.Contains(kept, "المدونة كلها محفوظة على هذا الجهاز") || !strings.Contains(kept, "يعمل البحث والقراءة دون اتصال") {
		t.Errorf("kept state says %q", kept)
	}
	cacheName := "marsad-corpus-" + bundle.Root
	n := awaitJS[int](t, ctx, `caches.open("`+cacheName+`").then(c => c.keys()).then(k => k.length)`)
	if n != len(bundle.Files) {
		t.Errorf("the kept cache holds %d files, want the bundle's %d", n, len(bundle.Files))
	}

	// After a reload the page finds the kept copy, and the stale one is gone.
	do(t, ctx, chromedp.Reload())
	waitForOfflineState(t, ctx, "kept")
	waitFor(t, ctx, "the stale kept corpus to be removed", `caches.has("marsad-corpus-corpus-stale.mrsd").then(h => !h)`)

	// Offline, with the browser's HTTP cache emptied, so that the files can
	// only come from the kept copy: a search never made online, and an
	// article never opened online.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	base := srv.URL
	srv.Close()
	do(t, ctx, chromedp.Navigate(base+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("li.hit .snippet mark").length`); n == 0 {
		t.Error("offline results have no highlights")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`li.hit[data-doc-id="`+doc003+`"] .hit-title a`)))
	waitFor(t, ctx, "the reader, offline", `document.querySelector('article.reader[data-doc-id="`+doc003+`"] .reader-body mark')`)

	// The worker answers ranges of a kept file with just those bytes (the
	// page's articles do not each read a whole pack), several of them as a
	// server would, in a multipart answer.
	var pack []byte
	var packName string
	for _, f := range bundle.Files {
		if strings.HasPrefix(f.Name, "d-") {
			pack, packName = f.Data, f.Name
		}
	}
	type rangeAnswer struct {
		Status int    `json:"status"`
		Type   string `json:"type"`
		Range  string `json:"range"`
		Body   string `json:"body"`
	}
	ask := func(ranges string) rangeAnswer {
		return awaitJS[rangeAnswer](t, ctx, `fetch("/web/bundle/`+packName+`", {headers: {Range: "`+ranges+`", "X-Marsad-From-Caches": "1"}})
			.then(async r => ({status: r.status, type: r.headers.get("Content-Type") || "", range: r.headers.get("Content-Range") || "",
				body: Array.from(new Uint8Array(await r.arrayBuffer()), b => String.fromCharCode(b)).join("")}))`)
	}
	one := ask("bytes=10-59")
	if one.Status != 206 || one.Range != fmt.Sprintf("bytes 10-59/%d", len(pack)) || one.Body != latin1(pack[10:60]) {
		t.Errorf("one range of a kept pack: status %d, Content-Range %q, %d bytes; want 206, bytes 10-59/%d, the 50 bytes", one.Status, one.Range, len(one.Body), len(pack))
	}
	two := ask("bytes=1000-1099,10-59")
	if two.Status != 206 || !strings.HasPrefix(two.Type, "multipart/byteranges; boundary=") ||
		!strings.Contains(two.Body, fmt.Sprintf("Content-Range: bytes 1000-1099/%d\r\n\r\n%s\r\n", len(pack), latin1(pack[1000:1100]))) ||
		!strings.Contains(two.Body, fmt.Sprintf("Content-Range: bytes 10-59/%d\r\n\r\n%s\r\n", len(pack), latin1(pack[10:60]))) {
		t.Errorf("two ranges of a kept pack: status %d, Content-Type %q, %d bytes; want 206, multipart/byteranges with both", two.Status, two.Type, len(two.Body))
	}

	// Deleting the kept copy empties its cache.
	do(t, ctx, chromedp.Click(chromedp.CSS(".offline-delete")))
	waitForOfflineState(t, ctx, "offered")
	if has := awaitJS[bool](t, ctx, `caches.has("`+cacheName+`")`); has {
		t.Error("the kept copy is still there after deleting it")
	}
}

func TestBrowserShowsOfflineWhatItShowedOnline(t *testing.T) {
	// What the panel promises before anything is kept: the words searched
	// and the articles opened work offline. Whole bundle files come from the
	// browser's HTTP cache; documents, read by range requests, from the
	// pieces the service worker keeps.
	// (Only what is read once the worker controls the page: the first
	// moments of a first visit are not seen.)
	dir, _ := largeSite(t)
	srv := serve(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")+"&doc="+doc003))
	waitFor(t, ctx, "the reader", `document.querySelector('article.reader[data-doc-id="`+doc003+`"] .reader-body mark')`)
	waitForOfflineState(t, ctx, "offered")

	base := srv.URL
	srv.Close()
	do(t, ctx, chromedp.Navigate(base+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	do(t, ctx, chromedp.Navigate(base+"/?q="+urlEscape("تويتر")+"&doc="+doc003))
	waitFor(t, ctx, "the reader, offline", `document.querySelector('article.reader[data-doc-id="`+doc003+`"] .reader-body mark')`)
}

// failingServer serves dir, but answers 503 for one bundle file until told
// otherwise.
type failingServer struct {
	files   http.Handler
	name    string
	failing atomic.Bool
}

func (s *failingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.failing.Load() && strings.HasSuffix(r.URL.Path, "/"+s.name) {
		http.Error(w, "try later", http.StatusServiceUnavailable)
		return
	}
	s.files.ServeHTTP(w, r)
}

func TestBrowserNamesTheFileThatCouldNotBeKeptAndRetries(t *testing.T) {
	dir, bundle := largeSite(t)
	// The vocabulary is fetched only for fuzzy search, so the page works
	// while it fails.
	var vocab string
	for _, f := range bundle.Files {
		if strings.HasPrefix(f.Name, "v-") {
			vocab = f.Name
		}
	}
	if vocab == "" {
		t.Fatal("the bundle has no v-*.mrsd file")
	}
	handler := &failingServer{files: site.FileServer(dir), name: vocab}
	handler.failing.Store(true)
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	waitForOfflineState(t, ctx, "offered")

	// A browser that has no room says so, in Arabic.
	evalJS[bool](t, ctx, `(navigator.storage.estimate = () => Promise.resolve({quota: 1000, usage: 900}), true)`)
	do(t, ctx, chromedp.Click(chromedp.CSS(".offline-keep")))
	waitForOfflineState(t, ctx, "failed")
	if msg := evalJS[string](t, ctx, `document.querySelector(".offline-error").innerText`); !strings.Contains(msg, "لا تتسع مساحة التخزين") {
		t.Errorf("out of storage, the panel says %q", msg)
	}
	evalJS[bool](t, ctx, `delete navigator.storage.estimate`)

	do(t, ctx, chromedp.Click(chromedp.CSS(".offline-retry")))
	waitForOfflineState(t, ctx, "failed")
	waitFor(t, ctx, "the failing file named", `document.querySelector(".offline-error").innerText.includes("503")`)
	msg := evalJS[string](t, ctx, `document.querySelector(".offline-error").innerText`)
	if !strings.Contains(msg, "/web/bundle/"+vocab) || !strings.Contains(msg, "503") {
		t.Errorf("error %q does not name /web/bundle/%s and HTTP 503", msg, vocab)
	}
	// The page keeps working.
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)

	handler.failing.Store(false)
	do(t, ctx, chromedp.Click(chromedp.CSS(".offline-retry")))
	waitForOfflineState(t, ctx, "kept")
}

func TestBrowserNamesADamagedChunkAndKeepsWorking(t *testing.T) {
	dir, _ := largeSite(t)
	chunks, _ := filepath.Glob(filepath.Join(dir, "web", "bundle", "t-*.mrsd"))
	if len(chunks) != 1 {
		// The seed corpus fits one term chunk, so every word needs it.
		t.Fatalf("want one term chunk in the seed corpus's bundle, found %v", chunks)
	}
	if err := os.WriteFile(chunks[0], []byte("garbage, not a chunk"), 0o644); err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(chunks[0])
	srv := serve(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
	const errorShown = `document.querySelector(".query-error, .status.error")`
	waitFor(t, ctx, "an error message", errorShown)
	msg := evalJS[string](t, ctx, errorShown+`.innerText`)
	if !strings.Contains(msg, name) {
		t.Errorf("error message %q does not name %s", msg, name)
	}

	// The rest of the page works: the footer, and the search box, which
	// lists the corpus again once emptied (that needs no term chunk).
	waitForOfflineState(t, ctx, "offered")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "\b\b\b\b\b"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
}

// slowServer delays the bundle's files but the root, to catch the download
// in progress.
type slowServer struct {
	files http.Handler
	slow  atomic.Bool
}

func (s *slowServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.slow.Load() && strings.HasPrefix(r.URL.Path, "/web/bundle/") && !strings.HasPrefix(r.URL.Path, "/web/bundle/corpus-") {
		time.Sleep(3 * time.Second)
	}
	s.files.ServeHTTP(w, r)
}

// TestBrowserOfflinePanelScreenshots saves screenshots of the panel in each
// state, on a desktop and on a 360-pixel-wide phone, into the folder
// MARSAD_SCREENSHOTS names; it is skipped without it.
func TestBrowserOfflinePanelScreenshots(t *testing.T) {
	out := os.Getenv("MARSAD_SCREENSHOTS")
	if out == "" {
		t.Skip("set MARSAD_SCREENSHOTS=DIR to save screenshots of the offline panel")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	dir, bundle := largeSite(t)
	var vocab string
	for _, f := range bundle.Files {
		if strings.HasPrefix(f.Name, "v-") {
			vocab = f.Name
		}
	}
	for _, width := range []int64{1280, 360} {
		slow := &slowServer{files: site.FileServer(dir)}
		failing := &failingServer{files: slow, name: vocab}
		srv := httptest.NewServer(failing)
		ctx := newBrowser(t)
		do(t, ctx, chromedp.EmulateViewport(width, 800))
		shot := func(state string) {
			t.Helper()
			waitForOfflineState(t, ctx, state)
			evalJS[bool](t, ctx, `(document.querySelector(".foot").scrollIntoView({block: "end"}), true)`)
			do(t, ctx, chromedp.Sleep(300*time.Millisecond))
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(out, "offline-"+state+"-"+map[int64]string{1280: "desktop", 360: "phone"}[width]+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
			if width == 360 {
				if w := evalJS[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
					t.Errorf("state %s: the page is %d px wide on a 360-px phone", state, w)
				}
			}
		}
		do(t, ctx, chromedp.Navigate(srv.URL+"/"))
		waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
		shot("offered")
		failing.failing.Store(true)
		do(t, ctx, chromedp.Click(chromedp.CSS(".offline-keep")))
		shot("failed")
		failing.failing.Store(false)
		slow.slow.Store(true)
		do(t, ctx, chromedp.Click(chromedp.CSS(".offline-retry")))
		waitFor(t, ctx, "some progress", `document.querySelector(".offline-progress") && document.querySelector(".offline-progress").value > 0`)
		shot("running")
		slow.slow.Store(false)
		shot("kept")
		srv.Close()

		// The built site precaches its small corpus whole.
		srv = httptest.NewServer(site.FileServer(builtSite(t)))
		do(t, ctx, chromedp.Navigate(srv.URL+"/"))
		waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
		shot("precached")
		srv.Close()
	}
}

// latin1 is bytes as the page's test code reads them, one char a byte.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
