//go:build !wasm

package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"marsad/internal/site"
)

// The page a researcher lives in: a phone, the keyboard, a screen reader,
// two languages, two themes, honest states. These tests drive the built
// site the way such a visitor does.

const (
	phoneWidth, phoneHeight     = 390, 844
	desktopWidth, desktopHeight = 1280, 900
)

// viewport sets the page's size (and touch, for a phone).
func viewport(w, h int64) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(w, h)
}

// press sends one key to the focused element, as a visitor types it.
func press(t testing.TB, ctx context.Context, key string) {
	t.Helper()
	do(t, ctx, chromedp.KeyEvent(key))
}

// pressShortcut presses a printable key the way a keyboard does: one
// keyDown carrying its text, whose default (typing the character) the page
// may prevent. chromedp.KeyEvent sends the text as a separate "char" event,
// which types it whatever the page does.
func pressShortcut(t testing.TB, ctx context.Context, key, code string, keyCode int64) {
	t.Helper()
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: code, Text: key, WindowsVirtualKeyCode: keyCode}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: key, Code: code, WindowsVirtualKeyCode: keyCode})
		return err
	}))
}

// tab presses Tab and returns a description of the focused element.
func tab(t testing.TB, ctx context.Context) string {
	t.Helper()
	press(t, ctx, "\t")
	return evalJS[string](t, ctx, `(e => e ? (e.id || e.className || e.tagName) + "|" + (e.closest("li.hit") ? e.closest("li.hit").dataset.docId : "") : "")(document.activeElement)`)
}

func TestBrowserPhoneShowsResultsFirstAndTheFiltersInADrawer(t *testing.T) {
	ctx, _ := visit(t, "/")
	do(t, ctx, viewport(phoneWidth, phoneHeight), chromedp.Navigate(strings.TrimSuffix(evalJS[string](t, ctx, `location.origin`), "/")+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)

	if top := evalJS[float64](t, ctx, `document.querySelector("li.hit").getBoundingClientRect().top`); top > phoneHeight/2 {
		t.Errorf("the first result starts %.0f px down on a %d px phone screen, want it in the upper half", top, phoneHeight)
	}
	if shown := evalJS[bool](t, ctx, `getComputedStyle(document.getElementById("facets")).display !== "none"`); shown {
		t.Error("the facets are on the phone's page before the filter button is pressed")
	}
	openDrawer := func() {
		do(t, ctx, chromedp.Click(chromedp.CSS("#filters-button")))
		waitFor(t, ctx, "the filters drawer", `document.querySelector("#facets.open") && getComputedStyle(document.getElementById("facets")).display !== "none" && document.activeElement.id === "facets-close"`)
	}
	closed := `!document.querySelector("#facets.open") && document.activeElement.id === "filters-button"`
	openDrawer()
	press(t, ctx, keys.Escape)
	waitFor(t, ctx, "Esc to close the drawer and return focus to its button", closed)
	openDrawer()
	do(t, ctx, chromedp.Click(chromedp.CSS("#facets-close")))
	waitFor(t, ctx, "the close button to close the drawer", closed)
	openDrawer()
	if role := evalJS[string](t, ctx, `document.getElementById("facets").getAttribute("role") + " " + document.getElementById("facets").getAttribute("aria-modal")`); role != "dialog true" {
		t.Errorf("the open drawer is %q, want a modal dialog", role)
	}
	// Picking filters one after another keeps the drawer open.
	runJS(t, ctx, `document.querySelector('[data-facet="year"] button.facet').click()`)
	waitFor(t, ctx, "a year picked, the drawer still open", `location.search.includes("year=") && document.querySelector("#facets.open") !== null`)
	runJS(t, ctx, `document.querySelector('[data-facet="year"] button.facet[aria-pressed="true"]').click()`)
	waitFor(t, ctx, "the year unpicked, the drawer still open", `!location.search.includes("year=") && document.querySelector("#facets.open") !== null`)
	// A tap outside the drawer, on the dimmed page.
	do(t, ctx, chromedp.MouseClickXY(phoneWidth-10, phoneHeight/2))
	waitFor(t, ctx, "a tap outside to close the drawer", closed)

	// The button counts the filters in force, typed ones included.
	do(t, ctx, chromedp.Navigate(evalJS[string](t, ctx, `location.origin`)+"/?q="+urlEscape("تويتر source:الجزيرة")+"&year=2015"))
	waitFor(t, ctx, "the filter count", `document.getElementById("filters-button") && document.getElementById("filters-button").innerText.includes("(2)")`)
}

// A corpus of hostile metadata: a title that is one 185-character hashtag,
// a URL as the source, an @handle and an English-style date in the text.
func hostileCorpus(t testing.TB) string {
	t.Helper()
	records := []map[string]string{
		{"id": "long-hashtag", "title": "#" + strings.Repeat("الدولة_الإسلامية_", 10) + "تويتر", "date": "2015-08-03",
			"source": "https://www.example-news-site.com/arabic/middle-east/2015/08/03/very-long-path-segment-that-never-breaks",
			"text":   "كتب الوزير على تويتر (@AdelAljubeir) في أغسطس 3, 2015 أن الحملة على حسابات داعش مستمرة.\nوقال إن الحسابات المغلقة تجاوزت عشرة آلاف حساب على تويتر في شهر واحد.",
			"url":    "https://www.example-news-site.com/a/1"},
		{"id": "plain", "title": "حملة على حسابات داعش في تويتر", "date": "2016-01-10", "source": "الجزيرة",
			"text": "أغلقت شركة تويتر آلاف الحسابات التابعة لتنظيم داعش خلال الشهر الماضي، بحسب بيان للشركة.\nوأضاف البيان أن الحملة مستمرة.",
			"url":  "javascript:alert(1)"},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "hostile.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	for _, r := range records {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

var (
	hostileOnce sync.Once
	hostileDir  string
	hostileErr  error
)

// hostileSite builds, once, a site over hostileCorpus with the app.wasm of
// the built site.
func hostileSite(t testing.TB) string {
	t.Helper()
	dist := builtSite(t)
	hostileOnce.Do(func() {
		hostileDir, hostileErr = os.MkdirTemp("", "marsad-hostile-")
		if hostileErr != nil {
			return
		}
		wasm, err := os.ReadFile(filepath.Join(dist, "web", "app.wasm"))
		if err != nil {
			hostileErr = err
			return
		}
		if err := os.MkdirAll(filepath.Join(hostileDir, "web"), 0o755); err != nil {
			hostileErr = err
			return
		}
		if err := os.WriteFile(filepath.Join(hostileDir, "web", "app.wasm"), wasm, 0o644); err != nil {
			hostileErr = err
			return
		}
		hostileErr = generateSite(hostileDir, hostileCorpus(t))
	})
	if hostileErr != nil {
		t.Fatalf("building the hostile site: %v", hostileErr)
	}
	return hostileDir
}

func TestBrowserNothingIsWiderThanTheWindowWhateverTheCorpusHolds(t *testing.T) {
	srv := serve(t, hostileSite(t))
	for _, size := range [][2]int64{{phoneWidth, phoneHeight}, {desktopWidth, desktopHeight}} {
		for _, path := range []string{"/", "/?q=" + urlEscape("تويتر"), "/?doc=long-hashtag&q=" + urlEscape("تويتر"), "/?lang=en&q=" + urlEscape("تويتر")} {
			ctx := newBrowser(t)
			do(t, ctx, viewport(size[0], size[1]), chromedp.Navigate(srv.URL+path))
			waitFor(t, ctx, "the page at "+path, `document.querySelector("li.hit, article.reader[data-doc-id]")`)
			if w := evalJS[int64](t, ctx, `document.documentElement.scrollWidth`); w > size[0] {
				wide := evalJS[string](t, ctx, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1).slice(0, 3).map(e => e.tagName + "." + e.className).join(", ")`)
				t.Errorf("%s at %d px: the page is %d px wide (%s)", path, size[0], w, wide)
			}
		}
	}
}

// Latin runs keep their order inside Arabic lines: the @handle reads
// "@AdelAljubeir" and the date "3, 2015", isolated, in the reader and the
// snippets alike.
func TestBrowserKeepsLatinRunsInOrderInsideArabic(t *testing.T) {
	srv := serve(t, hostileSite(t))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?doc=long-hashtag"))
	waitFor(t, ctx, "the reader", `document.querySelector("article.reader .reader-body")`)
	isolated := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('.reader-body bdi[dir="ltr"]')).map(b => b.textContent)`)
	want := map[string]bool{"@AdelAljubeir": false, "3, 2015": false}
	for _, s := range isolated {
		if _, ok := want[s]; ok {
			want[s] = true
		}
	}
	for s, found := range want {
		if !found {
			t.Errorf("%q is not isolated left-to-right in the reader (isolated: %q)", s, isolated)
		}
	}
	// On screen, "@" stands left of the handle's first letter, and "3"
	// left of "2015": the order a reader of Latin expects.
	order := evalJS[bool](t, ctx, `(() => {
		const rect = (node, from, to) => { const r = document.createRange(); r.setStart(node, from); r.setEnd(node, to); return r.getBoundingClientRect(); };
		const find = s => { const w = document.createTreeWalker(document.querySelector(".reader-body"), NodeFilter.SHOW_TEXT); let n; while ((n = w.nextNode())) { const i = n.data.indexOf(s); if (i >= 0) return [n, i]; } return null; };
		const [h, hi] = find("@AdelAljubeir"); const [d, di] = find("3, 2015");
		return rect(h, hi, hi + 1).left < rect(h, hi + 1, hi + 2).left && rect(d, di, di + 1).left < rect(d, di + 3, di + 7).left;
	})()`)
	if !order {
		t.Error("the @handle or the English date is scattered by the right-to-left line")
	}
	// The original article is linked, out of the page and without referrer;
	// a javascript: address in the corpus is never a link.
	link := evalJS[string](t, ctx, `(a => a ? a.href + " " + a.rel + " " + a.target : "")(document.querySelector("a.original-link"))`)
	if link != "https://www.example-news-site.com/a/1 noopener noreferrer _blank" {
		t.Errorf("original link = %q", link)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/?doc=plain"))
	waitFor(t, ctx, "the other article", `document.querySelector('article.reader[data-doc-id="plain"]')`)
	if n := evalJS[int](t, ctx, `document.querySelectorAll('a.original-link, a[href^="javascript"]').length`); n != 0 {
		t.Error("a javascript: address became a link")
	}
}

func TestBrowserKeyboardReachesResultsAndReadsArticles(t *testing.T) {
	ctx, srv := visit(t, "/?q="+urlEscape("تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)

	// A skip link leads to the results.
	if href := evalJS[string](t, ctx, `document.querySelector("a.skip-link").getAttribute("href")`); href != "#results" || !evalJS[bool](t, ctx, `!!document.getElementById("results")`) {
		t.Errorf("skip link to %q", href)
	}
	// "/" focuses the search box from anywhere.
	runJS(t, ctx, `document.activeElement.blur()`)
	pressShortcut(t, ctx, "/", "Slash", 191)
	waitFor(t, ctx, "/ to focus the search box", `document.activeElement.id === "q"`)
	if q := evalJS[string](t, ctx, `document.getElementById("q").value`); q != "تويتر" {
		t.Fatalf("/ typed into the box: %q", q)
	}

	// The first result is at most six Tabs from the box (the views, the
	// order of the results and what else was searched come before it).
	reached := 0
	var path []string
	for i := 1; i <= 6; i++ {
		f := tab(t, ctx)
		path = append(path, f)
		if !strings.HasSuffix(f, "|") {
			reached = i
			break
		}
	}
	if reached == 0 {
		t.Fatalf("six Tabs from the search box do not reach a result: %q", path)
	}
	first := evalJS[string](t, ctx, resultIDs+`[0]`)
	if got := evalJS[string](t, ctx, `document.activeElement.closest("li.hit").dataset.docId`); got != first {
		t.Errorf("Tab reached %s, want the first result %s", got, first)
	}
	// j and ↓ move down, k and ↑ up.
	focused := func() string {
		return evalJS[string](t, ctx, `(h => h ? h.dataset.docId : "")(document.activeElement.closest("li.hit"))`)
	}
	ids := evalJS[[]string](t, ctx, resultIDs)
	press(t, ctx, "j")
	press(t, ctx, keys.ArrowDown)
	if got := focused(); got != ids[2] {
		t.Errorf("j, ↓ focus %s, want the third result %s", got, ids[2])
	}
	press(t, ctx, "k")
	if got := focused(); got != ids[1] {
		t.Errorf("k focuses %s, want the second result %s", got, ids[1])
	}
	// Enter opens it; focus goes to the article's heading; the tab names it.
	if got := focused(); got != ids[1] {
		t.Fatalf("before Enter the focus is on %q", evalJS[string](t, ctx, `document.activeElement.outerHTML.slice(0, 300)`))
	}
	press(t, ctx, keys.Enter)
	waitFor(t, ctx, "the reader with focus on its heading", `document.querySelector('article.reader[data-doc-id="`+ids[1]+`"]') && document.activeElement.id === "reader-title"`)
	title := evalJS[string](t, ctx, `document.getElementById("reader-title").innerText`)
	if dt := evalJS[string](t, ctx, `document.title`); !strings.HasPrefix(dt, title) {
		t.Errorf("document.title = %q, want it to name the article %q", dt, title)
	}
	// n and p step through the hits, and the address keeps the hit.
	press(t, ctx, "n")
	waitFor(t, ctx, "n to the second hit", `document.querySelector(".reader-body mark.current").id === "hit-1" && location.search.includes("hit=2")`)
	press(t, ctx, "p")
	waitFor(t, ctx, "p back to the first hit", `document.querySelector(".reader-body mark.current").id === "hit-0"`)
	// Esc returns to the list, with focus on the result it came from.
	press(t, ctx, keys.Escape)
	waitFor(t, ctx, "Esc to return to the result it came from", `!document.querySelector("article.reader") && document.activeElement.closest && document.activeElement.closest('li.hit[data-doc-id="`+ids[1]+`"]')`)

	// A shared link opens the reader at its hit.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")+"&doc="+doc003+"&hit=3"))
	waitFor(t, ctx, "the third hit from the address", `document.querySelector(".reader-body mark.current") && document.querySelector(".reader-body mark.current").id === "hit-2"`)
}

func TestBrowserKeepsTheListsScrollOnBack(t *testing.T) {
	ctx, srv := visit(t, "/")
	do(t, ctx, viewport(phoneWidth, 500), chromedp.Navigate(srv.URL+"/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	last := evalJS[string](t, ctx, resultIDs+`.at(-1)`)
	runJS(t, ctx, `document.querySelector('li.hit[data-doc-id="`+last+`"]').scrollIntoView()`)
	before := evalJS[float64](t, ctx, `scrollY`)
	if before < 200 {
		t.Fatalf("the list scrolled only %.0f px: the test needs a longer list", before)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`li.hit[data-doc-id="`+last+`"] .hit-title a`)))
	waitFor(t, ctx, "the reader", `document.querySelector('article.reader[data-doc-id="`+last+`"]')`)
	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, "the list back where it was", fmt.Sprintf(`document.querySelector("li.hit") && Math.abs(scrollY - %f) < 40`, before))
}

func TestBrowserSaysWhenItIsSearchingAndShowsOnlyTheQueryInTheBox(t *testing.T) {
	// A site whose articles and chunks are not precached, behind a server
	// that can be slowed: every search then outlasts the 150 ms after which
	// the page says it is searching.
	dir, _ := largeSite(t)
	var slow atomic.Bool
	files := site.FileServer(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slow.Load() && strings.HasPrefix(r.URL.Path, "/web/bundle/") {
			time.Sleep(400 * time.Millisecond)
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	slow.Store(true)
	runJS(t, ctx, `window.__samples = []; (function sample() {
		const list = document.querySelector("ol.hits");
		const results = document.getElementById("results");
		window.__samples.push({t: performance.now(), box: document.getElementById("q").value,
			shown: list ? list.dataset.query : null, busy: results ? results.getAttribute("aria-busy") : null,
			count: (document.querySelector(".count") || {}).innerText || ""});
		requestAnimationFrame(sample);
	})()`)
	// Type fast, a letter every 40 ms, as a visitor does.
	do(t, ctx, chromedp.Focus(chromedp.CSS("#q")))
	var lastKey float64
	for _, r := range "داعش" {
		do(t, ctx, chromedp.KeyEvent(string(r)))
		lastKey = evalJS[float64](t, ctx, `performance.now()`)
		time.Sleep(40 * time.Millisecond)
	}
	waitFor(t, ctx, "the answer to the query in the box", `document.getElementById("results").getAttribute("aria-busy") === "false" && document.querySelector("ol.hits") && document.querySelector("ol.hits").dataset.query === document.getElementById("q").value`)
	type sample struct {
		T                float64
		Box, Shown, Busy string
		Count            string
	}
	samples := evalJS[[]sample](t, ctx, `window.__samples`)
	sawBusy := false
	for _, s := range samples {
		if s.Busy == "true" {
			sawBusy = true
			if !strings.Contains(s.Count, "جارٍ البحث") {
				t.Errorf("busy but the count says %q", s.Count)
			}
		}
		// Once a search has had 300 ms, the page either says it is
		// searching or shows the answer to the query in the box.
		if s.T > lastKey+300 && s.Busy != "true" && s.Shown != s.Box {
			t.Errorf("at %.0f ms the box says %q but the results are those of %q, and the page does not say it is searching", s.T-lastKey, s.Box, s.Shown)
			break
		}
	}
	if !sawBusy {
		t.Error("a search of 400 ms and more never set aria-busy")
	}
	if live := evalJS[string](t, ctx, `document.querySelector(".count").getAttribute("aria-live")`); live != "polite" {
		t.Errorf("the count is not a live region (aria-live=%q)", live)
	}
}

func TestBrowserActiveFiltersTypedOrPickedShowAndComeOff(t *testing.T) {
	ctx, srv := visit(t, "/?q="+urlEscape("تويتر source:الجزيرة"))
	waitForResults(t, ctx, doc002)
	// The typed filter shows as selected in the facets and in the bar.
	if on := evalJS[string](t, ctx, `document.querySelector('button.facet[data-facet-value="الجزيرة"]').getAttribute("aria-pressed")`); on != "true" {
		t.Errorf("typed source:الجزيرة shows aria-pressed=%q in the facets", on)
	}
	chips := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".filter-bar .filter-chip")).map(a => a.innerText)`)
	if len(chips) != 1 || !strings.Contains(chips[0], "الجزيرة") {
		t.Errorf("filter bar chips %q", chips)
	}
	// One click removes it: from the query too.
	do(t, ctx, chromedp.Click(chromedp.CSS(".filter-bar .filter-chip")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	if q := evalJS[string](t, ctx, `document.getElementById("q").value`); q != "تويتر" {
		t.Errorf("after removing the typed filter the box says %q", q)
	}
	// Facet values are toggle buttons, and each follows the address of the
	// view it is drawn in (go-app keeps an element's first handler).
	do(t, ctx, chromedp.Click(chromedp.CSS(`button.facet[data-facet-value="2015"]`)))
	waitForResults(t, ctx, doc000, doc003)
	// The year facet is in date order, the undated last.
	years := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll('[data-facet="year"] button.facet')).map(b => b.dataset.facetValue)`)
	if strings.Join(years, ",") != "2015,2018," {
		t.Errorf("years in the facet: %q, want 2015, 2018 then the undated", years)
	}
	// The date range writes date: into the address.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	runJS(t, ctx, `document.querySelector('[data-facet="date"]').open = true`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#date-from"), "2016"), chromedp.SendKeys(chromedp.CSS("#date-to"), "2018"),
		chromedp.Click(chromedp.CSS(".date-apply")))
	waitForResults(t, ctx, doc001)
	if loc := evalJS[string](t, ctx, `decodeURIComponent(location.search)`); !strings.Contains(loc, "date=2016..2018") {
		t.Errorf("the date range is not in the address: %s", loc)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".filter-bar .filter-chip")))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
}

func TestBrowserExplainsTheQuery(t *testing.T) {
	ctx, srv := visit(t, "/?q="+urlEscape("داعش"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	summary := evalJS[string](t, ctx, `document.querySelector(".explain summary").textContent`)
	if !strings.Contains(summary, "بحثنا أيضًا عن") || !strings.Contains(summary, "+") || strings.Count(summary, "، ") != 2 {
		t.Errorf("the also-searched line %q does not show three names, with separators, and +N", summary)
	}
	// A quoted phrase is literal: no other names.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape(`"تنظيم الدولة"`)))
	waitFor(t, ctx, "the phrase's results", `document.querySelector("ol.hits") && document.querySelector("ol.hits").dataset.query === '"تنظيم الدولة"'`)
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".explain .alias").length`); n != 0 {
		t.Errorf("a quoted phrase searched %d other names", n)
	}
	// A prefix says which words it matched.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?q="+urlEscape("تغري*")))
	waitFor(t, ctx, "the words a prefix matched", `document.querySelector(".expansions a.form")`)
	// Help teaches the language with examples that run.
	do(t, ctx, chromedp.Click(chromedp.CSS("a.help-link")))
	waitFor(t, ctx, "the help page", `document.querySelector("article.help h1")`)
	do(t, ctx, chromedp.Click(chromedp.CSS("a.help-example")))
	waitFor(t, ctx, "an example's results", `document.querySelector("li.hit") && document.getElementById("q").value !== ""`)
}

func TestBrowserSpeaksEnglishAndRemembersIt(t *testing.T) {
	ctx, srv := visit(t, "/?lang=en&q="+urlEscape("تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	if got := evalJS[string](t, ctx, `document.documentElement.lang + " " + document.documentElement.dir`); got != "en ltr" {
		t.Errorf("html lang dir = %q", got)
	}
	if count := evalJS[string](t, ctx, `document.querySelector(".count").innerText`); count != "4 results" {
		t.Errorf("count %q", count)
	}
	// Arabic text stays right-to-left inside the English page.
	if dir := evalJS[string](t, ctx, `getComputedStyle(document.querySelector(".snippet")).direction`); dir != "rtl" {
		t.Errorf("an Arabic snippet is %s in the English page", dir)
	}
	// No Arabic interface words left on the English page.
	chrome := evalJS[string](t, ctx, `Array.from(document.querySelectorAll(".top .tools, .count-row label, .facets summary, .filters-button, .foot")).map(e => e.innerText).join(" ")`)
	for _, ar := range []string{"المصدر", "السنة", "رتّب", "يجري كل البحث"} {
		if strings.Contains(chrome, ar) {
			t.Errorf("English page shows %q", ar)
		}
	}
	// Remembered: the next visit without ?lang is English too.
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "English remembered", `document.documentElement.lang === "en" && document.querySelector(".count") && document.querySelector(".count").innerText.startsWith("Corpus")`)
	// The toggle switches back, and that is remembered.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.lang-toggle")))
	waitFor(t, ctx, "Arabic again", `document.documentElement.lang === "ar" && document.documentElement.dir === "rtl" && document.querySelector(".count") && document.querySelector(".count").innerText.startsWith("المدونة")`)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "Arabic remembered", `document.documentElement.lang === "ar" && document.querySelector(".count")`)
}

func TestBrowserThemesFollowTheSystemAndTheToggle(t *testing.T) {
	ctx, srv := visit(t, "/")
	waitForResults(t, ctx, doc000, doc001, doc002, doc003, doc004)
	background := func() string { return evalJS[string](t, ctx, `getComputedStyle(document.body).backgroundColor`) }
	light := background()
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	}))
	dark := background()
	if dark == light {
		t.Fatalf("the page ignores a dark system theme (%s)", dark)
	}
	// The toggle cycles auto → light → dark, and a reload keeps it.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.theme-toggle")))
	waitFor(t, ctx, "light chosen", `document.documentElement.dataset.theme === "light"`)
	if got := background(); got != light {
		t.Errorf("light theme on a dark system: background %s, want %s", got, light)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.theme-toggle")))
	waitFor(t, ctx, "dark chosen", `document.documentElement.dataset.theme === "dark"`)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "dark kept", `document.documentElement.dataset.theme === "dark"`)
}

func TestBrowserPrintsTheArticleAlone(t *testing.T) {
	srv := serve(t, hostileSite(t))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?doc=long-hashtag"))
	waitFor(t, ctx, "the reader", `document.querySelector("article.reader .reader-body")`)
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	hidden := evalJS[[]string](t, ctx, `[".top", ".foot", ".hitbar", "a.back", ".skip-link"].filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== "none")`)
	if len(hidden) != 0 {
		t.Errorf("printed with the page's chrome: %q", hidden)
	}
	if url := evalJS[string](t, ctx, `(e => getComputedStyle(e).display === "none" ? "" : e.innerText)(document.querySelector(".print-url"))`); url != "https://www.example-news-site.com/a/1" {
		t.Errorf("the print does not carry the article's address: %q", url)
	}
}

// axeViolations runs axe-core on the page and returns its serious and
// critical violations, one line each.
func axeViolations(t testing.TB, ctx context.Context) []string {
	t.Helper()
	path := os.Getenv("MARSAD_AXE")
	if path == "" {
		path = filepath.Join("..", "build", "npm", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the accessibility tests need axe-core: run 'make test' (it installs it with npm), or set MARSAD_AXE to axe.min.js: %v", err)
	}
	runJS(t, ctx, string(src))
	return evalJSAwait[[]string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
		.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => v.impact + " " + v.id + " ×" + v.nodes.length + ": " + v.nodes.slice(0, 2).map(n => n.target.join(" ")).join(" | ")))`)
}

// runJS runs a script for its effect.
func runJS(t testing.TB, ctx context.Context, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js+"\n;true")); err != nil {
		t.Fatalf("running %.200s: %v", js, err)
	}
}

func evalJSAwait[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func TestBrowserEveryViewPassesAxe(t *testing.T) {
	srv := serve(t, builtSite(t))
	views := []struct {
		name, path, ready string
		w, h              int64
		dark              bool
		js                string
	}{
		{name: "start page", path: "/", ready: `document.querySelector("li.hit")`},
		{name: "results", path: "/?q=" + urlEscape("داعش"), ready: `document.querySelector("li.hit mark")`},
		{name: "results, filtered, English", path: "/?lang=en&q=" + urlEscape("تويتر source:الجزيرة"), ready: `document.querySelector("li.hit mark")`},
		{name: "no results", path: "/?q=" + urlEscape("زرافة"), ready: `document.querySelector(".no-results")`},
		{name: "reader", path: "/?q=" + urlEscape("تويتر") + "&doc=" + doc003, ready: `document.querySelector(".reader-body mark")`},
		{name: "reader, English, dark", path: "/?lang=en&q=" + urlEscape("تويتر") + "&doc=" + doc003, ready: `document.querySelector(".reader-body mark")`, dark: true},
		{name: "help", path: "/?help", ready: `document.querySelector("article.help")`},
		{name: "help, English", path: "/?help&lang=en", ready: `document.querySelector("article.help")`},
		{name: "results, dark", path: "/?q=" + urlEscape("تويتر"), ready: `document.querySelector("li.hit mark")`, dark: true},
		{name: "phone, filters open", path: "/?q=" + urlEscape("تويتر"), ready: `document.querySelector("li.hit mark")`, w: phoneWidth, h: phoneHeight,
			js: `document.getElementById("filters-button").click()`},
		{name: "concordance", path: "/?view=kwic&q=" + urlEscape("تويتر"), ready: `document.querySelector(".kwic-row:not(.kwic-head)")`},
		{name: "concordance, phone, English", path: "/?lang=en&view=kwic&q=" + urlEscape("تويتر"), ready: `document.querySelector(".kwic-row:not(.kwic-head)")`, w: phoneWidth, h: phoneHeight},
		{name: "trends, two queries", path: "/?view=trends&vs=" + urlEscape("فيسبوك") + "&q=" + urlEscape("تويتر"), ready: `document.querySelector("svg.chart rect.bar")`},
		{name: "trends, two names of one entity, English", path: "/?lang=en&view=trends&vs=ISIS&q=" + urlEscape("داعش"), ready: `document.querySelector(".same-names a")`},
		{name: "trends by source, two queries", path: "/?view=trends&by=source&vs=" + urlEscape("فيسبوك") + "&q=" + urlEscape("تويتر"), ready: `document.querySelector(".bar-list .bar-link")`},
		{name: "trends, table by source, English, dark", path: "/?lang=en&view=trends&by=source&table&q=" + urlEscape("تويتر"), ready: `document.querySelector(".data-table [role=cell]")`, dark: true},
		{name: "collocates", path: "/?view=collocates&q=" + urlEscape("تويتر"), ready: `document.querySelector(".data-table [role=cell]")`},
		{name: "words", path: "/?view=words&q=" + urlEscape("تويتر"), ready: `document.querySelector(".words-view .data-table")`},
		{name: "compare, phone", path: "/?view=compare&a=" + urlEscape("source:الجزيرة") + "&b=" + urlEscape("date:..2016") + "&q=" + urlEscape("تويتر"),
			ready: `document.querySelector(".comparison .data-table")`, w: phoneWidth, h: phoneHeight},
		{name: "saved: term groups and queries", path: "/?view=keep", ready: `document.getElementById("group-name")`},
		{name: "only exclusions, the excluded names unfolded, English", path: "/?lang=en&q=" + urlEscape("-فيسبوك -داعش"), ready: `document.querySelector(".explain summary")`,
			js: `document.querySelector(".explain").open = true`},
		{name: "partial matches, phone", path: "/?q=" + urlEscape("تويتر اختراق"), ready: `document.querySelector(".partial-note a.all-words")`, w: phoneWidth, h: phoneHeight},
		{name: "compare, a side naming no source", path: "/?view=compare&a=" + urlEscape("source:الوفد") + "&b=" + urlEscape("source:الجزيرة") + "&q=" + urlEscape("تويتر"),
			ready: `document.querySelector(".comparison .no-such-source a")`},
		{name: "no results, a Hijri year", path: "/?q=" + urlEscape("داعش date:١٤٣٦"), ready: `document.querySelector(".date-outside a")`},
		{name: "results, save form open", path: "/?q=" + urlEscape("تويتر"), ready: `document.querySelector("li.hit mark")`,
			js: `document.querySelector(".save-query summary").click()`},
		{name: "reader, citation shown", path: "/?q=" + urlEscape("تويتر") + "&doc=" + doc003, ready: `document.querySelector(".reader-body mark")`,
			js: `window.marsadPage.copy = (t, done) => done(false); document.querySelector(".cite-button").click()`},
	}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			ctx := newBrowser(t)
			if v.w > 0 {
				do(t, ctx, viewport(v.w, v.h))
			}
			if v.dark {
				do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
					return err
				}))
			}
			do(t, ctx, chromedp.Navigate(srv.URL+v.path))
			waitFor(t, ctx, v.name, v.ready)
			if v.js != "" {
				runJS(t, ctx, v.js)
				time.Sleep(300 * time.Millisecond)
			}
			if n := evalJS[int](t, ctx, `document.querySelectorAll("h1").length`); n != 1 {
				t.Errorf("%d <h1> on the page, want one", n)
			}
			for _, violation := range axeViolations(t, ctx) {
				t.Error(violation)
			}
		})
	}
}

// An address asking for a hit the article does not have opens at the first
// and says so, and the address then names the hit shown.
func TestBrowserReaderSaysAHitOfTheAddressIsNotInTheArticle(t *testing.T) {
	ctx, _ := visit(t, "/?q="+urlEscape("تويتر")+"&doc="+doc003+"&hit=999")
	waitFor(t, ctx, "the note", `document.querySelector(".reader .no-such-hit")`)
	note := evalJS[string](t, ctx, `document.querySelector(".reader .no-such-hit").textContent`)
	if !strings.Contains(note, "999") || !strings.Contains(note, "فهذا أولها") {
		t.Errorf("the note reads %q", note)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".hit-position").innerText`); !strings.HasPrefix(got, "الموضع 1 من ") {
		t.Errorf("position %q", got)
	}
	if evalJS[bool](t, ctx, `location.search.includes("hit=")`) {
		t.Errorf("the address still asks for a hit: %s", evalJS[string](t, ctx, `location.search`))
	}
}
