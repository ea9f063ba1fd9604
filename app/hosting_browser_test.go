//go:build !wasm

package main

import (
	"cmp"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"marsad/internal/index"
	"marsad/internal/ingest"
	"marsad/internal/site"
)

// The hosting tests serve the site the way real hosts do, and the way they
// go wrong: under a path prefix, with app.wasm of the wrong type or
// missing, under a strict Content-Security-Policy.

// siteUnder builds the seed site with -base, reusing the built app.wasm.
func siteUnder(t *testing.T, base string) string {
	t.Helper()
	dir := t.TempDir()
	wasm, err := os.ReadFile(filepath.Join(builtSite(t), "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	if code := run([]string{"build", "-dist", dir, "-corpus", "../web/corpus", "-web", "../web", "-base", base, "-compress=false"}, new(strings.Builder), &stderr); code != 0 {
		t.Fatalf("marsad build -base %s: %s", base, stderr.String())
	}
	return dir
}

// prefixedHost serves a site under a folder of a host and answers 404 for
// everything outside it, noting what was asked there.
type prefixedHost struct {
	prefix string
	site   http.Handler
	mu     sync.Mutex
	astray []string
}

func (h *prefixedHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == h.prefix || strings.HasPrefix(r.URL.Path, h.prefix+"/") {
		http.StripPrefix(h.prefix, h.site).ServeHTTP(w, r)
		return
	}
	h.mu.Lock()
	h.astray = append(h.astray, r.URL.Path)
	h.mu.Unlock()
	http.NotFound(w, r)
}

func (h *prefixedHost) outside() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.astray...)
}

// recordCSPViolations makes every page of the tab keep the
// Content-Security-Policy violations it meets in window.cspViolations.
func recordCSPViolations(t *testing.T, ctx context.Context) {
	t.Helper()
	const js = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js}); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserWorksUnderAPathPrefix(t *testing.T) {
	host := &prefixedHost{prefix: "/marsad", site: site.FileServer(siteUnder(t, "/marsad/"))}
	srv := httptest.NewServer(host)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)
	recordCSPViolations(t, ctx)

	do(t, ctx, chromedp.Navigate(srv.URL+"/marsad/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	if path := evalJS[string](t, ctx, `location.pathname`); path != "/marsad/" {
		t.Errorf("typing a query moved the page to %s, want /marsad/", path)
	}
	// A result's link opens the reader inside the folder.
	do(t, ctx, chromedp.Click(chromedp.CSS(`li.hit[data-doc-id="`+doc003+`"] .hit-title a`)))
	waitFor(t, ctx, "the reader", `document.querySelector('article.reader[data-doc-id="`+doc003+`"] mark')`)
	if path := evalJS[string](t, ctx, `location.pathname`); path != "/marsad/" {
		t.Errorf("the reader is at %s, want /marsad/", path)
	}
	if href := evalJS[string](t, ctx, `document.querySelector("a.brand").getAttribute("href")`); href != "/marsad/" {
		t.Errorf("the brand links to %s, want /marsad/", href)
	}

	// The worker's scope is the folder, and it keeps the site offline.
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
	if scope := awaitJS[string](t, ctx, `navigator.serviceWorker.ready.then(r => new URL(r.scope).pathname)`); scope != "/marsad/" {
		t.Errorf("service worker scope %s, want /marsad/", scope)
	}
	if astray := host.outside(); len(astray) > 0 {
		t.Errorf("the page asked for files outside /marsad/: %v", astray)
	}
	if v := evalJS[[]string](t, ctx, `window.cspViolations`); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", v)
	}
	base := srv.URL
	srv.Close()
	do(t, ctx, chromedp.Navigate(base+"/marsad/?q="+urlEscape("داعش")+"&aliases=off"))
	waitForResults(t, ctx, doc000, doc001, doc003, doc004)
}

// TestBrowserPageKeepsAStrictContentSecurityPolicy: the policy is in the
// page, and searching, reading and the worker run under it untouched.
func TestBrowserPageKeepsAStrictContentSecurityPolicy(t *testing.T) {
	srv := serve(t, builtSite(t))
	ctx := newBrowser(t)
	recordCSPViolations(t, ctx)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	policy := evalJS[string](t, ctx, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ""`)
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy %q lacks %q", policy, want)
		}
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`li.hit[data-doc-id="`+doc003+`"] .hit-title a`)))
	waitFor(t, ctx, "the reader", `document.querySelector('article.reader[data-doc-id="`+doc003+`"] mark')`)
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
	// The policy is really enforced: an inline script is refused.
	evalJS[bool](t, ctx, `(() => { const s = document.createElement("script"); s.textContent = "window.inlineRan = true"; document.head.appendChild(s); return true })()`)
	if evalJS[bool](t, ctx, `window.inlineRan === true`) {
		t.Error("an inline script ran: the policy is not enforced")
	}
	v := evalJS[[]string](t, ctx, `window.cspViolations`)
	if len(v) != 1 || !strings.HasPrefix(v[0], "script-src") {
		t.Errorf("violations %v, want only the inline script this test tried", v)
	}
	for _, prop := range []string{"og:url", "og:image"} {
		if n := evalJS[int](t, ctx, `Array.from(document.querySelectorAll('meta[property="`+prop+`"]')).filter(m => m.content === "https://").length`); n != 0 {
			t.Errorf("%s is the bare https://", prop)
		}
	}
}

// wrongTypeHost serves app.wasm as application/octet-stream, as some hosts
// do, or answers 404 for it.
type wrongTypeHost struct {
	site    http.Handler
	missing bool
}

func (h wrongTypeHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/app.wasm") {
		if h.missing {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		data, err := os.ReadFile(filepath.Join(builtSiteDir, "web", "app.wasm"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Write(data)
		return
	}
	h.site.ServeHTTP(w, r)
}

// builtSiteDir is builtSite's folder, for handlers that read it.
var builtSiteDir string

func TestBrowserLoaderNeverHangs(t *testing.T) {
	builtSiteDir = builtSite(t)
	t.Run("app.wasm of the wrong type is run from its bytes", func(t *testing.T) {
		srv := httptest.NewServer(wrongTypeHost{site: site.FileServer(builtSiteDir)})
		t.Cleanup(srv.Close)
		ctx := newBrowser(t)
		do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
		waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	})
	for _, tc := range []struct {
		lang, query string
		want        []string
	}{
		{"ar", "", []string{"app.wasm", "404", "أعد تحميل الصفحة"}},
		{"en", "?lang=en", []string{"app.wasm", "404", "Reload the page"}},
	} {
		t.Run("a missing app.wasm is explained in "+tc.lang, func(t *testing.T) {
			srv := httptest.NewServer(wrongTypeHost{site: site.FileServer(builtSiteDir), missing: true})
			t.Cleanup(srv.Close)
			ctx := newBrowser(t)
			do(t, ctx, chromedp.Navigate(srv.URL+"/"+tc.query))
			waitFor(t, ctx, "the loader's message", `document.getElementById("app-wasm-loader").dataset.failed`)
			msg := evalJS[string](t, ctx, `document.getElementById("app-wasm-loader").innerText`)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("loader says %q, want %q in it", msg, w)
				}
			}
			if n := evalJS[int](t, ctx, `document.querySelectorAll(".marsad-loader-retry").length`); n != 1 {
				t.Errorf("%d reload buttons, want 1", n)
			}
		})
	}
}

// TestBrowserGetsAppWasmCompressed: the copies the build writes reach the
// browser, which runs the app from them.
func TestBrowserGetsAppWasmCompressed(t *testing.T) {
	dist := builtSite(t)
	if _, err := os.Stat(filepath.Join(dist, "web", "app.wasm.br")); err != nil {
		t.Fatalf("the built site has no app.wasm.br: %v", err)
	}
	ctx, _ := visit(t, "/")
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	sizes := evalJS[[]float64](t, ctx, `(e => [e.encodedBodySize, e.decodedBodySize])(performance.getEntriesByType("resource").find(e => e.name.endsWith("/web/app.wasm")))`)
	if len(sizes) != 2 || sizes[0] <= 0 || sizes[0] > sizes[1]/3 {
		t.Errorf("app.wasm came as %v (encoded, decoded bytes), want it compressed to under a third", sizes)
	}
}

// wireCounter counts the body bytes the server sends (compressed when it
// sends them compressed) and which encodings it used.
type wireCounter struct {
	next      http.Handler
	mu        sync.Mutex
	bytes     int64
	encodings map[string]int64
}

func (c *wireCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cw := &countingWriter{ResponseWriter: w}
	c.next.ServeHTTP(cw, r)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bytes += cw.bytes
	if c.encodings == nil {
		c.encodings = map[string]int64{}
	}
	c.encodings[cmp.Or(w.Header().Get("Content-Encoding"), "identity")] += cw.bytes
}

// BenchmarkFirstVisitBytes measures what a first visit to the seed site
// moves over the wire, up to the service worker holding the site offline:
// the body bytes the server sent (the page's requests and the worker's
// precache) and, as Chromium counts them, the encoded body sizes of the
// page's own requests (Resource Timing).
func BenchmarkFirstVisitBytes(b *testing.B) {
	dist := builtSite(b)
	var server, page []float64
	for i := 0; i < b.N; i++ {
		counter := &wireCounter{next: site.FileServer(dist)}
		srv := httptest.NewServer(counter)
		ctx, cancel := startBrowser(b, 90*time.Second)
		do(b, ctx, chromedp.Navigate(srv.URL+"/"))
		waitForResults(b, ctx, doc000, doc001, doc002, doc003, doc004)
		waitFor(b, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
		waitFor(b, ctx, "the worker to be active", `navigator.serviceWorker.ready.then(r => r.active && r.active.state === "activated")`)
		encoded := evalJS[float64](b, ctx, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + e.encodedBodySize, 0)`)
		cancel()
		srv.Close()
		server = append(server, float64(counter.bytes))
		page = append(page, encoded)
		b.Logf("first visit: %d bytes from the server by encoding %v; the page's own requests %.0f encoded bytes", counter.bytes, counter.encodings, encoded)
	}
	b.ReportMetric(median(server), "server-bytes")
	b.ReportMetric(median(page), "page-encoded-bytes")
	b.ReportMetric(0, "ns/op")
}

// TestBrowserMovesToANewVersionPublishedWhileItIsOpen: a new corpus is
// published while a page is open; the file the next query needs, named
// after the old version's content, is gone from the host. The page does not
// call that damage: it moves to the new version, keeping the query. (A
// site whose worker precaches only the bundle's root, as for a large
// corpus: the old version's files are in no cache of the browser.)
func TestBrowserMovesToANewVersionPublishedWhileItIsOpen(t *testing.T) {
	older := unprecachedSite(t, "../web/corpus")
	corpusDir := copyDir(t, "../web/corpus")
	extra := "مقال إضافي للاختبار\nهذا مقال جديد عن تويتر أضيف في الإصدار الثاني من المدونة.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "005_update_test.txt"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	newer := unprecachedSite(t, corpusDir)
	var handler swappableSite
	handler.dir.Store(older)
	srv := httptest.NewServer(&handler)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)

	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	waitFor(t, ctx, "the worker to be active", `navigator.serviceWorker.ready.then(r => r.active && r.active.state === "activated")`)

	handler.dir.Store(newer) // publish
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, "005_update_test")
	if q := evalJS[string](t, ctx, `new URLSearchParams(location.search).get("q")`); q != "تويتر" {
		t.Errorf("the new version opened on q=%q, want the query typed", q)
	}
	if strings.Contains(evalJS[string](t, ctx, `document.body.innerText`), "أعد بناء الموقع") {
		t.Error("the page tells the visitor to rebuild the site")
	}
}

// unprecachedSite builds a corpus into a site whose service worker
// precaches only the bundle's root, reusing the built app.wasm.
func unprecachedSite(t *testing.T, corpusDir string) string {
	t.Helper()
	dir := t.TempDir()
	wasm, err := os.ReadFile(filepath.Join(builtSite(t), "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Load(corpusDir, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := index.Build(index.Options{}, res.Documents)
	if err != nil {
		t.Fatal(err)
	}
	if err := site.Generate(site.Options{Dir: dir, Bundle: bundle, Assets: os.DirFS("../web"), PrecacheLimit: -1, NoCompress: true}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// versionCache is the service worker's cache of a version among cache names.
func versionCache(keys []string) string {
	for _, k := range keys {
		if strings.HasPrefix(k, "marsad-") && !strings.HasPrefix(k, "marsad-ranges-") && !strings.HasPrefix(k, "marsad-corpus-") {
			return k
		}
	}
	return ""
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestBrowserSaysWhatIsNotAvailableOffline: offline, an article the device
// does not keep is "not available offline", with the offer to keep the
// corpus and its size, and what was read before still works.
func TestBrowserSaysWhatIsNotAvailableOffline(t *testing.T) {
	dir, _ := largeSite(t)
	srv := serve(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	waitForOfflineState(t, ctx, "offered")

	base := srv.URL
	srv.Close()
	// 004 was never read while the worker kept what the page read.
	do(t, ctx, chromedp.Navigate(base+"/?doc="+doc004))
	const message = `(document.querySelector(".query-error, .status.error p, .status.error h1") || {}).innerText`
	waitFor(t, ctx, "a message", message)
	msg := evalJS[string](t, ctx, message)
	for _, want := range []string{"غير متاح دون اتصال", "احفظها على هذا الجهاز", "كيلوبايت"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	for _, wrong := range []string{"أعد بناء الموقع", "Failed to fetch", "تالف"} {
		if strings.Contains(msg, wrong) {
			t.Errorf("message %q says %q", msg, wrong)
		}
	}
	// The rest of the page keeps working: a search read before.
	evalJS[bool](t, ctx, `(document.querySelector('input[type="search"]').value = "") === ""`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
}
