//go:build !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marsad/internal/site"

	"marsad/internal/testcorpus"
)

// The browser tests drive the built site in headless Chromium, served from
// 127.0.0.1 (a secure context, so the service worker runs), the way a visitor
// meets it. They use MARSAD_DIST when the Makefile has built the site, and
// otherwise build it once themselves.

var (
	distOnce sync.Once
	distDir  string
	distErr  error
)

func builtSite(t testing.TB) string {
	t.Helper()
	distOnce.Do(func() {
		if d := os.Getenv("MARSAD_DIST"); d != "" {
			distDir = d
			return
		}
		distDir, distErr = os.MkdirTemp("", "marsad-dist-")
		if distErr != nil {
			return
		}
		distErr = buildSiteInto(distDir)
	})
	if distErr != nil {
		t.Fatalf("building the site: %v", distErr)
	}
	if _, err := os.Stat(filepath.Join(distDir, "index.html")); err != nil {
		t.Fatalf("no built site in %s (run 'make build'): %v", distDir, err)
	}
	return distDir
}

func buildSiteInto(dir string) error {
	wasm := filepath.Join(dir, "web", "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build app.wasm: %v\n%s", err, out)
	}
	return generateSite(dir, testcorpus.SeedDir())
}

// generateSite runs 'marsad build' into dir, whose web/app.wasm exists.
// The copies for compression are left out (seconds of Brotli for each site
// a test builds); the site 'make build' writes has them.
func generateSite(dir, corpusDir string) error {
	var stderr strings.Builder
	if code := run([]string{"build", "-dist", dir, "-corpus", corpusDir, "-web", "../web", "-compress=false"}, new(strings.Builder), &stderr); code != 0 {
		return fmt.Errorf("marsad build: %s", stderr.String())
	}
	return nil
}

// chromiumPath finds the browser; make test installs Debian's chromium.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("the browser tests need Chromium: run 'make test' (it installs Debian's chromium), or 'apt-get install chromium', or set CHROMIUM=/path/to/chrome")
	return ""
}

// newBrowser starts a fresh headless Chromium with an empty profile (no
// service worker, no cache) and returns a tab context.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := startBrowser(t, 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// startBrowser starts a fresh headless Chromium with an empty profile, its
// tab context limited to limit, and the function that ends it.
func startBrowser(t testing.TB, limit time.Duration) (context.Context, context.CancelFunc) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
}

// serve serves dir on 127.0.0.1; close it to cut the network.
func serve(t testing.TB, dir string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(site.FileServer(dir))
	t.Cleanup(srv.Close)
	return srv
}

// visit serves the built site, starts a fresh browser and opens path.
func visit(t testing.TB, path string) (context.Context, *httptest.Server) {
	t.Helper()
	srv := serve(t, builtSite(t))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+path))
	return ctx, srv
}

func do(t testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func evalJS[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls a JS expression until it is truthy, and fails the test with
// what the page shows if it never is. It survives navigations (a reload
// replaces the page's JS context mid-poll).
// waitUntil polls a JS expression (a promise is awaited) until it is truthy.
// It survives navigations: a reload replaces the page's JS context mid-poll.
func waitUntil(ctx context.Context, d time.Duration, js string) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Promise.resolve(`+js+`).then(v => !!v, () => false)`, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

func waitFor(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	if waitUntil(ctx, 30*time.Second, js) {
		return
	}
	body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
	t.Fatalf("waiting for %s\npage text:\n%s", what, body)
}

// resultIDs is the JS expression for the ids of the listed results, in order.
const resultIDs = `Array.from(document.querySelectorAll("li.hit[data-doc-id]")).map(e => e.dataset.docId)`

func waitForResults(t testing.TB, ctx context.Context, ids ...string) {
	t.Helper()
	want := `["` + strings.Join(ids, `","`) + `"]`
	if len(ids) == 0 {
		want = "[]"
	}
	waitFor(t, ctx, "results "+want, `JSON.stringify(`+resultIDs+`.slice().sort()) === '`+want+`' && !document.getElementById("app-wasm-loader")`)
}

var (
	doc000 = "000_7fa01f341305d679"
	doc001 = "001_c483dde8c62f1c3b"
	doc002 = "002_42e37f6622a20da9"
	doc003 = "003_86d0032281bea5ec"
	doc004 = "004_5f3415fee05059e7"
)

func TestBrowserShowsTheCorpusRightToLeft(t *testing.T) {
	ctx, _ := visit(t, "/")
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)

	if dir := evalJS[string](t, ctx, `document.documentElement.dir`); dir != "rtl" {
		t.Errorf("html dir = %q, want rtl", dir)
	}
	if lang := evalJS[string](t, ctx, `document.documentElement.lang`); lang != "ar" {
		t.Errorf("html lang = %q, want ar", lang)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll('input[type="search"]').length`); n != 1 {
		t.Errorf("%d search inputs, want 1", n)
	}
	count := evalJS[string](t, ctx, `document.querySelector(".count").innerText`)
	if !strings.Contains(count, "5") {
		t.Errorf("corpus overview count %q does not say 5 articles", count)
	}
	sources := evalJS[string](t, ctx, `document.querySelector(".facets").innerText`)
	for _, want := range []string{"الجزيرة", "بوابة الوفد", "2018"} {
		if !strings.Contains(sources, want) {
			t.Errorf("facets %q lack %q", sources, want)
		}
	}
}

func TestBrowserSearchesAsYouTypeAndStepsThroughHits(t *testing.T) {
	ctx, _ := visit(t, "/")
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)

	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	if n := evalJS[int](t, ctx, `Array.from(document.querySelectorAll("li.hit")).filter(h => !h.querySelector(".snippet mark")).length`); n != 0 {
		t.Errorf("%d results have no <mark> in their snippet", n)
	}
	marks := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".snippet mark")).map(m => m.textContent)`)
	for _, m := range marks {
		if !strings.Contains(m, "تويتر") {
			t.Errorf("snippet mark %q is not a form of تويتر", m)
		}
	}
	if loc := evalJS[string](t, ctx, `decodeURIComponent(location.search)`); loc != "?q=تويتر" {
		t.Errorf("URL query = %q, want ?q=تويتر", loc)
	}

	// Open the reader on article 003 and step through its hits.
	do(t, ctx, chromedp.Click(chromedp.CSS(`li.hit[data-doc-id="`+doc003+`"] .hit-title a`)))
	waitFor(t, ctx, "the reader", `document.querySelector('article.reader[data-doc-id="`+doc003+`"] .hit-position')`)
	total := evalJS[int](t, ctx, `document.querySelectorAll(".reader-body mark").length`)
	if total < 2 {
		t.Fatalf("reader shows %d marks for تويتر in 003, want several", total)
	}
	position := func() string { return evalJS[string](t, ctx, `document.querySelector(".hit-position").innerText`) }
	current := func() string { return evalJS[string](t, ctx, `document.querySelector(".reader-body mark.current").id`) }
	if got := position(); got != fmt.Sprintf("الموضع 1 من %d", total) {
		t.Errorf("position = %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".next-hit")))
	waitFor(t, ctx, "the second hit", `document.querySelector(".reader-body mark.current").id === "hit-1"`)
	if got := position(); got != fmt.Sprintf("الموضع 2 من %d", total) {
		t.Errorf("after next, position = %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".prev-hit")), chromedp.Click(chromedp.CSS(".prev-hit")))
	waitFor(t, ctx, "wrapping to the last hit", fmt.Sprintf(`document.querySelector(".reader-body mark.current").id === "hit-%d"`, total-1))
	if got := current(); got != fmt.Sprintf("hit-%d", total-1) {
		t.Errorf("current = %q", got)
	}

	// Back returns to the results of the same query.
	do(t, ctx, chromedp.NavigateBack())
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
}

func TestBrowserFiltersBySourceAndRestoresFromURL(t *testing.T) {
	ctx, _ := visit(t, "/?q="+urlEscape("تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)

	do(t, ctx, chromedp.Click(chromedp.CSS(`button.facet[data-facet-value="الجزيرة"]`)))
	waitForResults(t, ctx, doc002)
	if on := evalJS[string](t, ctx, `document.querySelector('button.facet[data-facet-value="الجزيرة"]').getAttribute("aria-pressed")`); on != "true" {
		t.Errorf("selected facet aria-pressed = %q", on)
	}
	// The source facet keeps counting the other sources (drill-sideways), so
	// the visitor can widen the filter.
	if n := evalJS[int](t, ctx, `document.querySelectorAll("[data-facet='source'] button.facet").length`); n < 2 {
		t.Errorf("source facet shows %d values after filtering, want the others too", n)
	}
	loc := evalJS[string](t, ctx, `decodeURIComponent(location.search)`)
	if !strings.Contains(loc, "source=الجزيرة") {
		t.Errorf("URL %q does not carry the filter", loc)
	}

	do(t, ctx, chromedp.Reload())
	waitForResults(t, ctx, doc002)

	do(t, ctx, chromedp.NavigateBack())
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
}

// "No date" is a year facet value like the others, though its value is
// empty (the button carries no data-facet-value).
func TestBrowserFiltersTheArticlesWithoutADate(t *testing.T) {
	ctx, _ := visit(t, "/")
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	noDate := `document.querySelector('[data-facet="year"] button.facet:not([data-facet-value])')`
	n := evalJS[int](t, ctx, `+`+noDate+`.querySelector(".facet-count").textContent`)
	if n == 0 {
		t.Fatal("the seeds' year facet has no undated articles to pick")
	}
	runJS(t, ctx, noDate+`.click()`)
	waitFor(t, ctx, "the undated articles", `location.search.includes("year=") && document.querySelectorAll("li.hit").length === `+strconv.Itoa(n))
	if got := evalJS[string](t, ctx, `decodeURIComponent(location.search) + " " + document.querySelector(".filter-bar").innerText`); strings.Contains(got, "undefined") {
		t.Errorf("the address or the filter bar reads %q", got)
	}
	if on := evalJS[string](t, ctx, noDate+`.getAttribute("aria-pressed")`); on != "true" {
		t.Errorf("the no-date value's aria-pressed is %q once picked", on)
	}
}

func TestBrowserFiltersByTheEntitiesAnArticleMentions(t *testing.T) {
	// 002 is an al-Jazeera report on Daesh and Twitter; its reader lists
	// what it mentions, and each name filters the corpus on it.
	ctx, _ := visit(t, "/?doc="+doc002)
	waitFor(t, ctx, "entity chips in the reader", `document.querySelectorAll(".reader .entities a.entity").length > 3`)
	chips := evalJS[string](t, ctx, `document.querySelector(".reader .entities").innerText`)
	for _, want := range []string{"داعش", "تويتر", "فيسبوك", "الفلوجة"} {
		if !strings.Contains(chips, want) {
			t.Errorf("reader entities %q lack %q", chips, want)
		}
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.reader .entities a.entity[href*="`+urlEscape("تويتر")+`"]`)))
	// Twitter is named in the four articles on the electronic war, not in 004.
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	loc := evalJS[string](t, ctx, `decodeURIComponent(location.search)`)
	if !strings.Contains(loc, "entity=تويتر") {
		t.Errorf("URL %q does not carry the entity filter", loc)
	}
	if on := evalJS[string](t, ctx, `document.querySelector('.facets button.facet[data-facet-value="تويتر"]').getAttribute("aria-pressed")`); on != "true" {
		t.Errorf("entity facet تويتر aria-pressed = %q", on)
	}
	// The same filter typed in the query language, through a clitic.
	ctx, _ = visit(t, "/?q="+urlEscape("entity:بتويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
}

func TestBrowserWorksOfflineOnADeepLink(t *testing.T) {
	ctx, srv := visit(t, "/")
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
	// The worker activates only once everything is cached (waitUntil).
	waitFor(t, ctx, "the precache", `caches.keys().then(k => k.length > 0)`)

	base := srv.URL
	srv.Close() // the network is gone

	// داعش as written: the four articles that name it.
	do(t, ctx, chromedp.Navigate(base+"/?q="+urlEscape("داعش")+"&aliases=off"))
	waitForResults(t, ctx, doc000, doc001, doc003, doc004)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("li.hit .snippet mark").length`); n == 0 {
		t.Error("offline results have no highlights")
	}

	// With its other names (the default), also 002, which only says
	// «تنظيم الدولة», and the page says so.
	do(t, ctx, chromedp.Navigate(base+"/?q="+urlEscape("داعش")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	note := evalJS[string](t, ctx, `document.querySelector(".explain summary").textContent`)
	if !strings.Contains(note, "تنظيم الدولة") {
		t.Errorf("also-searched note %q does not name تنظيم الدولة", note)
	}
	marks := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('li.hit[data-doc-id="`+doc002+`"] .snippet mark')).map(m => m.textContent)`)
	if len(marks) == 0 {
		t.Error("002 is listed without a highlighted alias")
	}
	// The switch, in the unfolded note, searches only what was typed.
	do(t, ctx, chromedp.Click(chromedp.CSS(".explain summary")), chromedp.Click(chromedp.CSS(".alias-toggle")))
	waitForResults(t, ctx, doc000, doc001, doc003, doc004)
}

// TestBrowserNamesACorruptOrMissingBundle damages the bundle's root file,
// the one the page reads first (a damaged chunk is the offline tests' case).
func TestBrowserNamesACorruptOrMissingBundle(t *testing.T) {
	dist := builtSite(t)
	for _, tc := range []struct {
		name   string
		damage func(bundle string) error
		want   string
	}{
		{"corrupt", func(b string) error { return os.WriteFile(b, []byte("garbage, not a bundle"), 0o644) }, "not a Marsad bundle"},
		{"missing", os.Remove, "404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broken := copyDir(t, dist)
			bundles, _ := filepath.Glob(filepath.Join(broken, "web", "bundle", "corpus-*.mrsd"))
			if len(bundles) != 1 {
				t.Fatalf("want one bundle root in the site, found %v", bundles)
			}
			if err := tc.damage(bundles[0]); err != nil {
				t.Fatal(err)
			}
			srv := serve(t, broken)
			ctx := newBrowser(t)
			do(t, ctx, chromedp.Navigate(srv.URL+"/"))
			name := filepath.Base(bundles[0])
			// A missing root, named after its content, is first taken for
			// a new version: the page reloads once, then names the file.
			waitFor(t, ctx, "an error message naming the bundle", `(document.querySelector(".status.error") || {innerText: ""}).innerText.includes("`+name+`")`)
			msg := evalJS[string](t, ctx, `document.querySelector(".status.error").innerText`)
			if !strings.Contains(msg, name) || !strings.Contains(msg, tc.want) {
				t.Errorf("error message %q does not name %s and %q", msg, name, tc.want)
			}
			if n := evalJS[int](t, ctx, `document.querySelectorAll(".status.loading").length`); n != 0 {
				t.Error("the loader is still shown next to the error")
			}
		})
	}
}

func TestBrowserSurvivesHostileQueries(t *testing.T) {
	dist := builtSite(t)
	srv := serve(t, dist)
	ctx := newBrowser(t)

	// Markup in a query is shown as text, never parsed.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape(`<img src=x onerror="window.pwned=1">`)))
	waitFor(t, ctx, "the page to answer", `!document.getElementById("app-wasm-loader") && document.querySelector(".count, .query-error")`)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("main img").length`); n != 0 {
		t.Error("a query's markup became an element")
	}

	// A 100 KB query is cut at a word and answered, with a note saying
	// so, and the page keeps working.
	long := strings.Repeat("داعش ", 20_000)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape(long)))
	waitFor(t, ctx, "results and a note about the long query",
		`document.querySelector("[data-doc-id]") && [...document.querySelectorAll(".query-note")].some(p => p.textContent.includes("فقُطع عند كلمة"))`)
	evalJS[bool](t, ctx, `(document.querySelector('input[type="search"]').value = "") === ""`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)

	// A pasted question (a bullet dash, a question mark) is answered, and
	// the page says the long query was ranked by coverage.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("- كيف يستخدم تنظيم داعش الإرهابي تويتر وفيسبوك للدعاية؟")))
	waitFor(t, ctx, "results of a pasted question ranked by coverage",
		`document.querySelector("[data-doc-id]") && (document.querySelector(".partial-note") || {}).textContent.includes("استعلام طويل")`)

	// Unbalanced syntax is read as text: results, and a note, no error.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape(`"تنظيم الدولة`)))
	waitFor(t, ctx, "results for an unclosed quote",
		`!document.getElementById("app-wasm-loader") && document.querySelector("[data-doc-id]") && !document.querySelector(".query-error") && document.querySelector(".query-note")`)
}

func urlEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

func copyDir(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// swappableSite serves one built site, then another: a deploy of a new version.
type swappableSite struct{ dir atomic.Value }

func (s *swappableSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	site.FileServer(s.dir.Load().(string)).ServeHTTP(w, r)
}

// newerSite builds a second version of the site: the same app, a corpus with
// one more article, so a new Version and a new bundle.
func newerSite(t *testing.T, dist string) string {
	t.Helper()
	corpusDir := copyDir(t, testcorpus.SeedDir())
	extra := "مقال إضافي للاختبار\nهذا مقال جديد عن تويتر أضيف في الإصدار الثاني من المدونة.\n"
	if err := os.WriteFile(filepath.Join(corpusDir, "005_update_test.txt"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	newer := t.TempDir()
	wasm, err := os.ReadFile(filepath.Join(dist, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(newer, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(newer, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := generateSite(newer, corpusDir); err != nil {
		t.Fatalf("building the newer site: %v", err)
	}
	return newer
}

func TestBrowserOffersANewVersionOnlyWhenThereIsOne(t *testing.T) {
	dist := builtSite(t)
	newer := newerSite(t, dist)
	var handler swappableSite
	handler.dir.Store(dist)
	srv := httptest.NewServer(&handler)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)

	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	waitFor(t, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
	waitFor(t, ctx, "the worker to be active", `navigator.serviceWorker.ready.then(r => r.active && r.active.state === "activated")`)
	do(t, ctx, chromedp.Sleep(500*time.Millisecond))
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".update").length`); n != 0 {
		t.Fatal("the first visit announces an update: there is none")
	}

	handler.dir.Store(newer) // deploy
	// The page in hand was served by the old worker; a visit fetches the new
	// worker, which installs and announces itself.
	offered := false
	for attempt := 0; attempt < 3 && !offered; attempt++ {
		do(t, ctx, chromedp.Reload())
		offered = waitUntil(ctx, 10*time.Second, `document.querySelector(".update-reload")`)
	}
	if !offered {
		t.Fatal("no update offered after deploying a new version")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".update-reload")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004, "005_update_test")
}

// A phrase is counted and read as phrases, not as words: article 002 holds
// "تنظيم الدولة" N times, so its result says N matches, the reader "1 of N",
// and each step lights both words of the next occurrence.
func TestBrowserReaderStepsThroughAPhraseOccurrenceByOccurrence(t *testing.T) {
	ctx, _ := visit(t, "/?lang=en&q="+urlEscape(`"تنظيم الدولة"`))
	waitForResults(t, ctx, doc002)
	marks := evalJS[int](t, ctx, `document.querySelectorAll('li.hit[data-doc-id="`+doc002+`"] .snippet mark').length`)
	if marks == 0 {
		t.Fatal("the snippet marks nothing")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`li.hit[data-doc-id="`+doc002+`"] .hit-title a`)))
	waitFor(t, ctx, "the reader", `document.querySelector('article.reader[data-doc-id="`+doc002+`"] .hit-position')`)
	words := evalJS[int](t, ctx, `document.querySelectorAll(".reader-body mark").length`)
	if words < 2 || words%2 != 0 {
		t.Fatalf("the reader marks %d words, want the two words of each occurrence", words)
	}
	n := words / 2
	if got := evalJS[string](t, ctx, `document.querySelector(".hit-position").innerText`); got != fmt.Sprintf("Match 1 of %d", n) {
		t.Errorf("position = %q, want Match 1 of %d (%d words marked)", got, n, words)
	}
	if got := evalJS[int](t, ctx, `document.querySelectorAll(".reader-body mark.current").length`); got != 2 {
		t.Errorf("%d marks are current, want the 2 words of the first occurrence", got)
	}
	if got := evalJS[int](t, ctx, `document.querySelectorAll(".hitbar .strip span").length`); got != n {
		t.Errorf("the strip has %d ticks, want %d", got, n)
	}
	// The title, "…وتنظيم الدولة", has the phrase marked too, as in the results.
	if got := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll("#reader-title mark")).map(m => m.textContent)`); len(got) != 2 {
		t.Errorf("the title marks %q, want the phrase's two words", got)
	}
	do(t, ctx, chromedp.NavigateBack())
	waitForResults(t, ctx, doc002)
	if got := evalJS[string](t, ctx, `document.querySelector('li.hit[data-doc-id="`+doc002+`"] .hit-count').innerText`); got != fmt.Sprintf("%d match", n) && got != fmt.Sprintf("%d matches", n) {
		t.Errorf("the result's count reads %q, want %d occurrences", got, n)
	}
	if n < 2 {
		return
	}
	do(t, ctx, chromedp.Navigate(strings.Replace(evalJS[string](t, ctx, `location.href`), "?", "?doc="+doc002+"&", 1)))
	waitFor(t, ctx, "the reader again", `document.querySelector('article.reader[data-doc-id="`+doc002+`"] .next-hit')`)
	do(t, ctx, chromedp.Click(chromedp.CSS(".next-hit")))
	waitFor(t, ctx, "the second occurrence", `document.querySelector(".reader-body mark.current").id === "hit-1" && location.search.includes("hit=2")`)
	if got := evalJS[int](t, ctx, `document.querySelectorAll(".reader-body mark.current").length`); got != 2 {
		t.Errorf("after next, %d marks are current, want 2", got)
	}
}

// A query that only excludes lists the articles without the word, newest
// first: -داعش without other names keeps 002, which says only تنظيم الدولة;
// with them (the default) every seed is left out, and the note names what
// was excluded besides the word.
func TestBrowserAQueryThatOnlyExcludesListsTheOtherArticles(t *testing.T) {
	ctx, _ := visit(t, "/?q="+urlEscape("-داعش")+"&aliases=off")
	waitForResults(t, ctx, doc002)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("li.hit mark").length`); n != 0 {
		t.Errorf("%d marks in the results of an exclusion", n)
	}
	do(t, ctx, chromedp.Navigate(strings.Replace(evalJS[string](t, ctx, `location.href`), "&aliases=off", "", 1)))
	waitFor(t, ctx, "the excluded names", `document.querySelector(".explain summary") && document.querySelectorAll("li.hit").length === 0`)
	note := evalJS[string](t, ctx, `document.querySelector(".explain summary").textContent`)
	if !strings.Contains(note, "استبعدنا معها أيضًا") || !strings.Contains(note, "تنظيم الدولة") || strings.Contains(note, "بحثنا أيضًا") {
		t.Errorf("the note reads %q, want the names excluded with داعش", note)
	}
}

// Partial matches say how they are ranked, and offer the articles with
// every word alone: "تويتر اختراق" is in two seeds whole, in all five in
// part. The address keeps the choice; typing a new query drops it.
func TestBrowserPartialMatchesOfferTheArticlesWithEveryWord(t *testing.T) {
	ctx, _ := visit(t, "/?q="+urlEscape("تويتر اختراق"))
	waitFor(t, ctx, "the partial matches", `document.querySelectorAll("li.hit").length === 5 && document.querySelector(".partial-note a.all-words")`)
	note := evalJS[string](t, ctx, `document.querySelector(".partial-note").textContent`)
	if !strings.Contains(note, "الكلمة النادرة أثقل") || !strings.Contains(note, "اعرض المقالين اللذين يحويان كل الكلمات وحدهما") {
		t.Errorf("the note reads %q", note)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".partial-note a.all-words")))
	waitFor(t, ctx, "the two articles with both words", `document.querySelectorAll("li.hit").length === 2 && document.querySelector(".all-words-only")`)
	if !evalJS[bool](t, ctx, `location.search.includes("match=all")`) {
		t.Errorf("the address %s does not keep the choice", evalJS[string](t, ctx, `location.search`))
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".all-words-only a")))
	waitFor(t, ctx, "the partial matches again", `document.querySelectorAll("li.hit").length === 5 && !location.search.includes("match=all")`)
}
