//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"marsad/internal/explore"
	"marsad/internal/search"
	"marsad/internal/testcorpus"
	"marsad/internal/testcorpus/seedbundle"
)

// The researcher's workbench, driven in the browser on the seed site: each
// view's main path, its empty state and its address. What a view should
// show is computed natively by package explore on the same seed bundle, so
// the tests check that the page shows the engine's answer, not numbers
// written here.

func seedWorkbenchEngine(t *testing.T) *search.Engine {
	t.Helper()
	bundle := seedbundle.Bundle(t)
	e, err := search.Open(bundle.Fetcher(), bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// kwicRows is the JS expression for the concordance's lines, each as
// [before, match, after].
const kwicRows = `Array.from(document.querySelectorAll(".kwic-row:not(.kwic-head)")).map(r => [".before", ".match", ".after"].map(s => r.querySelector(s).textContent.trim()))`

func TestBrowserConcordanceCentresEveryOccurrenceWithBeforeOnTheReadingSide(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	req := search.Request{Query: "تويتر", Aliases: true}
	want, err := explore.Concordance(engine, req, explore.ConcordanceOptions{Limit: 25})
	if err != nil || want.Total == 0 {
		t.Fatalf("the seeds' concordance of تويتر: %+v, %v", want, err)
	}
	ctx, srv := visit(t, "/?view=kwic&q="+urlEscape("تويتر"))
	waitFor(t, ctx, "the concordance's lines", `document.querySelectorAll(".kwic-row:not(.kwic-head)").length === `+strconv.Itoa(len(want.Lines)))
	if got := evalJS[string](t, ctx, `document.querySelector(".view-summary").textContent`); !strings.Contains(got, strconv.Itoa(want.Total)) {
		t.Errorf("the summary %q does not give the %d occurrences", got, want.Total)
	}
	rows := evalJS[[][]string](t, ctx, kwicRows)
	for i, l := range want.Lines {
		if rows[i][1] != strings.TrimSpace(l.Match) || rows[i][0] != strings.TrimSpace(l.Before) || rows[i][2] != strings.TrimSpace(l.After) {
			t.Errorf("line %d shows %q, want %q | %q | %q", i, rows[i], l.Before, l.Match, l.After)
		}
	}
	// Before is on the right of the hit, after on its left: the Arabic
	// reading order, in the English interface too.
	geometry := `(() => { const r = document.querySelector(".kwic-row:not(.kwic-head)"); const b = r.querySelector(".before").getBoundingClientRect(), m = r.querySelector(".match").getBoundingClientRect(), a = r.querySelector(".after").getBoundingClientRect(); return b.left >= m.right - 1 && a.right <= m.left + 1; })()`
	if !evalJS[bool](t, ctx, geometry) {
		t.Error("the words before the hit are not on its right, or those after not on its left")
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/?lang=en&view=kwic&q="+urlEscape("تويتر")))
	waitFor(t, ctx, "the English concordance", `document.documentElement.lang === "en" && document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`)
	if !evalJS[bool](t, ctx, geometry) {
		t.Error("in English, the Arabic lines are not in Arabic reading order")
	}
	if got := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".kwic-head > *")).map(e => e.textContent)`); got[0] != "Before" || got[2] != "After" {
		t.Errorf("the columns are %q, want Before … After (never left or right)", got)
	}

	// Sorting by the word before is an address; it orders as explore does.
	sorted, err := explore.Concordance(engine, req, explore.ConcordanceOptions{Limit: 25, Sort: explore.SortBefore1})
	if err != nil {
		t.Fatal(err)
	}
	runJS(t, ctx, `document.querySelector('.line-sorts a[href*="lines=before1"]').click()`)
	waitFor(t, ctx, "the lines sorted by the word before", `location.search.includes("lines=before1") && JSON.stringify(`+kwicRows+`.map(r => r[0])) === `+jsString(mustJSON(t, befores(sorted.Lines))))
	// The view says it is busy only while the lines it shows are not the
	// address's.
	if got := evalJS[string](t, ctx, `document.querySelector(".work").getAttribute("aria-busy")`); got != "false" {
		t.Errorf("the sorted lines are shown, and the view's aria-busy is %q", got)
	}

	// A line opens the reader at its hit, and Esc comes back to the lines.
	first := sorted.Lines[0]
	runJS(t, ctx, `document.querySelector(".kwic-row:not(.kwic-head) .match a").click()`)
	waitFor(t, ctx, "the reader at the line's hit", `location.search.includes("doc=`+first.DocID+`") && document.querySelector(".reader-body mark.current") !== null`)
	if first.Hit > 0 && !evalJS[bool](t, ctx, `location.search.includes("hit=`+strconv.Itoa(first.Hit+1)+`")`) {
		t.Errorf("the reader's address does not say hit %d", first.Hit+1)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".reader-body mark.current").textContent`); got != strings.TrimSpace(first.Match) {
		t.Errorf("the reader's current hit is %q, the line's %q", got, first.Match)
	}
	press(t, ctx, keys.Escape)
	waitFor(t, ctx, "the concordance again", `location.search.includes("view=kwic") && !location.search.includes("doc=") && document.querySelector(".kwic-row:not(.kwic-head)") !== null`)
	// Focus returns to the line the reader was opened from.
	waitFor(t, ctx, "the focus back on the line", `document.activeElement === document.querySelector(".kwic-row:not(.kwic-head) .match a")`)
}

func befores(lines []explore.Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l.Before)
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBrowserWorkbenchViewsSayWhenThereIsNothingToShow(t *testing.T) {
	srv := serve(t, builtSite(t))
	ctx := newBrowser(t)
	for _, c := range []struct{ path, what, want string }{
		{"/?view=kwic&q=" + urlEscape("زرافة"), "no occurrence", "لا مواضع لهذا البحث."},
		{"/?view=kwic", "no query", "اكتب كلمة أو عبارة في مربع البحث لعرض هذه النافذة."},
		{"/?view=trends&q=" + urlEscape("زرافة"), "no occurrence", "لا مواضع لهذا البحث في مقالات مؤرخة."},
		{"/?view=collocates&q=" + urlEscape("زرافة"), "no collocate", "لا كلمات مرتبطة بما يكفي."},
		{"/?view=compare&q=" + urlEscape("تويتر"), "no sides", "حدّد المجموعتين لمقارنتهما."},
		{"/?lang=en&view=trends", "no query, English", "Type a word or phrase in the search box to see this view."},
	} {
		do(t, ctx, chromedp.Navigate(srv.URL+c.path))
		waitFor(t, ctx, c.path+": "+c.what, `document.querySelector(".work") !== null && document.querySelector(".work").textContent.includes(`+jsString(c.want)+`)`)
	}
}

func TestBrowserTrendsDrawsTheQueriesOverTimeAndEachBarListsItsArticles(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	one, err := explore.Trends(engine, []search.Request{{Query: "تويتر", Aliases: true}}, explore.TrendOptions{})
	if err != nil || len(one.Buckets) == 0 {
		t.Fatalf("the seeds' trend of تويتر: %+v, %v", one, err)
	}
	ctx, _ := visit(t, "/?view=trends&q="+urlEscape("تويتر"))
	waitFor(t, ctx, "one bar a period", `document.querySelectorAll("svg.chart rect.bar").length === `+strconv.Itoa(len(one.Buckets)))
	// The value axis's numbers end left of the plot, in an Arabic page
	// too (SVG text takes the page's direction unless told).
	if !evalJS[bool](t, ctx, `(() => { const axis = document.querySelector("svg.chart line.axis").x1.baseVal.value; return Array.from(document.querySelectorAll("svg.chart text[text-anchor=end]")).every(e => { const b = e.getBBox(); return b.width > 0 && b.x >= 0 && b.x + b.width <= axis; }); })()`) {
		t.Error("a value axis label runs into the plot, or out of the chart")
	}
	// The legend says what it counts: occurrences, in so many articles.
	s := one.Series[0]
	if got := evalJS[string](t, ctx, `document.querySelector(".legend .legend-total").textContent`); !strings.Contains(got, strconv.Itoa(s.Total)+" موضع") || !strings.Contains(got, strconv.Itoa(s.TotalDocs)) {
		t.Errorf("the legend's total reads %q; want %d occurrences in %d articles", got, s.Total, s.TotalDocs)
	}

	// A compared query draws its own bars beside, and goes in the address.
	two, err := explore.Trends(engine, []search.Request{{Query: "تويتر", Aliases: true}, {Query: "فيسبوك", Aliases: true}}, explore.TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#compared")), chromedp.SendKeys(chromedp.CSS("#compared"), "فيسبوك"))
	runJS(t, ctx, `document.querySelector(".compare-with button[type=submit]").click()`)
	waitFor(t, ctx, "two bars a period", `location.search.includes("vs=") && document.querySelectorAll("svg.chart rect.bar").length === `+strconv.Itoa(2*len(two.Buckets)))
	if got := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".legend li bdi")).map(e => e.textContent)`); len(got) != 2 || got[1] != "فيسبوك" {
		t.Errorf("the legend names %q", got)
	}

	// The table gives the same numbers, one row a period.
	runJS(t, ctx, `document.querySelector('.view-controls a[href*="table"]').click()`)
	waitFor(t, ctx, "the table", `document.querySelectorAll(".data-table .data-row:not(.data-head)").length === `+strconv.Itoa(len(two.Buckets)))
	firstCount := two.Series[0].Counts[0]
	if got := evalJS[string](t, ctx, `document.querySelector(".data-table .data-row:not(.data-head) [role=cell] a").textContent`); got != strconv.Itoa(firstCount) {
		t.Errorf("the first period's count is %q, want %d", got, firstCount)
	}

	// Digits by the visitor's choice, remembered.
	runJS(t, ctx, `document.querySelector(".digits-arabic").click()`)
	waitFor(t, ctx, "Arabic-Indic digits", `/[٠-٩]/.test(document.querySelector(".data-table [role=rowheader]").textContent)`)
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "Arabic-Indic digits after a reload", `document.querySelector(".data-table [role=rowheader]") && /[٠-٩]/.test(document.querySelector(".data-table [role=rowheader]").textContent)`)

	// A period's number lists the articles behind it.
	busiest := 0
	for i, n := range two.Series[0].Counts {
		if n > two.Series[0].Counts[busiest] {
			busiest = i
		}
	}
	bucket := two.Buckets[busiest]
	runJS(t, ctx, `document.querySelectorAll(".data-table .data-row:not(.data-head)")[`+strconv.Itoa(busiest)+`].querySelector("[role=cell] a").click()`)
	waitFor(t, ctx, "the articles of "+bucket.Label, `!location.search.includes("view=") && location.search.includes("date=`+urlEscape(bucket.DateFilter)+`") && document.querySelectorAll("li.hit").length === `+strconv.Itoa(two.Series[0].Docs[busiest]))
}

func TestBrowserTrendsBySourceNamesEachSourceAndEachBarListsItsArticles(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	res, err := explore.Trends(engine, []search.Request{{Query: "تويتر", Aliases: true}}, explore.TrendOptions{})
	if err != nil || len(res.Series) != 1 || len(res.Series[0].BySource) < 2 {
		t.Fatalf("the seeds' trend of تويتر by source: %+v, %v", res, err)
	}
	bySource := res.Series[0].BySource
	for _, lang := range []string{"ar", "en"} {
		var want []string
		for _, n := range bySource {
			want = append(want, n.Label)
			if n.Label == "" {
				want[len(want)-1] = map[string]string{"ar": "مصدر غير مذكور", "en": "Source not given"}[lang]
			}
		}
		ctx, _ := visit(t, "/?lang="+lang+"&view=trends&by=source&q="+urlEscape("تويتر"))
		waitFor(t, ctx, lang+": a row a source", `document.querySelectorAll(".bar-list .bar-row").length === `+strconv.Itoa(len(bySource)))
		// Every source is named, most occurrences first: a column chart
		// had room to name one in three.
		if got := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".bar-list .bar-name")).map(e => e.textContent)`); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: the rows name %q, want %q", lang, got, want)
		}
		// A bar is a link, so a keyboard reaches it; its value is beside it.
		i := 0
		for bySource[i].Label == "" {
			i++
		}
		first, bar := bySource[i], `document.querySelectorAll(".bar-list .bar-link")[`+strconv.Itoa(i)+`]`
		if got := evalJS[string](t, ctx, bar+`.querySelector(".bar-value").textContent`); got != strconv.Itoa(first.Count) {
			t.Errorf("%s: the bar of %s reads %q, want %d", lang, first.Label, got, first.Count)
		}
		runJS(t, ctx, bar+`.focus()`)
		if got := evalJS[bool](t, ctx, `document.activeElement === `+bar); !got {
			t.Errorf("%s: a bar takes no focus", lang)
		}
		runJS(t, ctx, bar+`.click()`)
		waitFor(t, ctx, lang+": the articles of "+first.Label, `!location.search.includes("view=") && new URLSearchParams(location.search).get("source") === `+jsString(first.Label)+` && document.querySelectorAll("li.hit").length === `+strconv.Itoa(first.Docs))
	}
}

func TestBrowserCollocatesAndWordFormsLeadToSearches(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	req := search.Request{Query: "تويتر", Aliases: true}
	coll, err := explore.Collocates(engine, req, explore.CollocateOptions{Window: 5, MaxDocs: 100})
	if err != nil || len(coll.Collocates) == 0 {
		t.Fatalf("the seeds' collocates of تويتر: %+v, %v", coll, err)
	}
	ctx, _ := visit(t, "/?view=collocates&q="+urlEscape("تويتر"))
	waitFor(t, ctx, "the collocates", `document.querySelectorAll(".data-table .data-row:not(.data-head)").length === `+strconv.Itoa(len(coll.Collocates)))
	if got := evalJS[string](t, ctx, `document.querySelector(".data-table .data-row:not(.data-head) a").textContent`); got != coll.Collocates[0].Form {
		t.Errorf("the first collocate is %q, want %q", got, coll.Collocates[0].Form)
	}
	// The word searches the two within the window: the articles where they
	// were counted together.
	first := coll.Collocates[0]
	found, err := engine.Search(search.Request{Query: first.Near, Aliases: true, Limit: 10})
	if err != nil || first.Near == "" || found.Total == 0 {
		t.Fatalf("the first collocate's near query %q: %+v, %v", first.Near, found, err)
	}
	var want []string
	for _, h := range found.Hits {
		want = append(want, h.ID)
	}
	runJS(t, ctx, `document.querySelector(".data-table .data-row:not(.data-head) a").click()`)
	waitFor(t, ctx, "the two searched within the window", `!location.search.includes("view=") && new URLSearchParams(location.search).get("q") === `+jsString(first.Near)+` && document.querySelector("li.hit") !== null`)
	waitForResults(t, ctx, want...)

	// Beside it, the phrase they made side by side searches that phrase.
	var phrase *explore.Collocate
	for i, c := range coll.Collocates {
		if c.PairIsPhrase {
			phrase = &coll.Collocates[i]
			break
		}
	}
	if phrase == nil {
		t.Fatal("no collocate of تويتر in the seeds was ever side by side with it")
	}
	runJS(t, ctx, `history.back()`)
	waitFor(t, ctx, "the collocates again", `document.querySelectorAll(".data-table .data-row:not(.data-head)").length === `+strconv.Itoa(len(coll.Collocates)))
	runJS(t, ctx, `Array.from(document.querySelectorAll(".data-table .data-row:not(.data-head) [role=cell]:nth-child(2) a")).find(a => a.textContent === `+jsString(strings.Trim(phrase.Pair, `"`))+`).click()`)
	waitFor(t, ctx, "the phrase searched", `new URLSearchParams(location.search).get("q") === `+jsString(phrase.Pair)+` && document.querySelector("li.hit") !== null`)

	forms, err := explore.WordForms(engine, req)
	if err != nil || len(forms) < 2 {
		t.Fatalf("the seeds' forms of تويتر: %+v, %v", forms, err)
	}
	do(t, ctx, chromedp.Navigate(evalJS[string](t, ctx, `location.origin`)+"/?view=words&q="+urlEscape("تويتر")))
	waitFor(t, ctx, "the word forms", `document.querySelectorAll("[aria-label] .data-row:not(.data-head)").length >= `+strconv.Itoa(len(forms)))
	shown := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".words-view section:first-child [role=rowheader] a")).map(a => a.textContent)`)
	for i, f := range forms {
		if i >= len(shown) || shown[i] != f.Form {
			t.Errorf("form %d shows %q, want %q", i, shown, f.Form)
			break
		}
	}
	// The forms have an export of their own, on their heading's line above
	// their table (under it, it read as the word list's), and it says it
	// downloaded.
	if !evalJS[bool](t, ctx, `(() => { const head = document.querySelector("#forms-heading").closest(".section-head"); const table = document.querySelector(".words-view section:first-child .data-table"); return !!head && !!head.querySelector(".export-json") && head.getBoundingClientRect().bottom <= table.getBoundingClientRect().top; })()`) {
		t.Error("the forms' export is not on their heading's line, above their table")
	}
	// So has the word list's, and no third export says neither.
	if !evalJS[bool](t, ctx, `document.querySelector(".work-bar .export") === null && document.querySelector("#words-heading").closest(".section-head").querySelector(".export-csv") !== null`) {
		t.Error("the word list's export is not on its heading's line, or the view has an export of its own besides")
	}
	runJS(t, ctx, captureDownloads+`document.querySelector(".words-view section:first-child .export-json").click()`)
	waitFor(t, ctx, "the forms exported", `window.__downloads.length === 1`)
	if got := evalJS[string](t, ctx, `window.__downloads[0].text`); !strings.Contains(got, forms[0].Form) || !strings.Contains(got, forms[1].Form) {
		t.Errorf("the forms' export is %.300s", got)
	}
	waitFor(t, ctx, "the export said done", `document.querySelector(".words-view section:first-child .export-status").textContent.includes(".json")`)
	runJS(t, ctx, `document.querySelectorAll(".words-view section:first-child [role=rowheader] a")[1].click()`)
	waitFor(t, ctx, "the exact form searched", `new URLSearchParams(location.search).get("q") === `+jsString(forms[1].Query)+` && document.querySelectorAll("li.hit").length === `+strconv.Itoa(forms[1].Docs))
}

func TestBrowserComparesTwoSetsOfArticles(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	a, b := `source:الجزيرة`, `source:"بوابة الوفد"`
	want, err := explore.Compare(engine, search.Request{Query: a, Aliases: true}, search.Request{Query: b, Aliases: true}, "تويتر", explore.CompareOptions{Limit: 100, MaxDocs: 100})
	if err != nil || want.A.Docs == 0 || want.B.Docs == 0 {
		t.Fatalf("the seeds' comparison: %+v, %v", want, err)
	}
	ctx, _ := visit(t, "/?view=compare&lang=en&q="+urlEscape("تويتر"))
	waitFor(t, ctx, "the compare form", `document.getElementById("side-a") !== null`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#side-a"), a), chromedp.SendKeys(chromedp.CSS("#side-b"), b))
	runJS(t, ctx, `document.querySelector(".compare-form button[type=submit]").click()`)
	waitFor(t, ctx, "the comparison", `new URLSearchParams(location.search).get("a") === `+jsString(a)+` && document.querySelectorAll(".comparison .side").length === 2`)
	sides := evalJS[[]string](t, ctx, `Array.from(document.querySelectorAll(".comparison .side")).map(e => e.textContent)`)
	for i, s := range []explore.Side{want.A, want.B} {
		if !strings.Contains(sides[i], strconv.Itoa(s.Docs)+" article") || !strings.Contains(sides[i], strconv.Itoa(s.QueryCount.Count)+" (") {
			t.Errorf("side %d says %q; want %d articles and %d occurrences of the query", i, sides[i], s.Docs, s.QueryCount.Count)
		}
	}
	rows := evalJS[int](t, ctx, `document.querySelectorAll("#keywords-a ~ .data-table .data-row:not(.data-head)").length`)
	if rows != len(want.DistinctiveA) {
		t.Errorf("%d distinctive words of A listed, want %d", rows, len(want.DistinctiveA))
	}
}

// captureDownloads makes the page's downloads land in window.__downloads.
// The bytes are decoded keeping a byte order mark, which the test checks.
const captureDownloads = `window.__downloads = []; window.marsadPage.download = (name, type, bytes) => window.__downloads.push({name, type, text: new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes)});`

func TestBrowserExportsAViewAsCSVAndJSON(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	all, err := explore.Concordance(engine, search.Request{Query: "تويتر", Aliases: true}, explore.ConcordanceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, _ := visit(t, "/?view=kwic&q="+urlEscape("تويتر"))
	waitFor(t, ctx, "the export buttons", `document.querySelector(".export-csv") !== null`)
	runJS(t, ctx, captureDownloads+`document.querySelector(".export-csv").click()`)
	waitFor(t, ctx, "a CSV download", `window.__downloads.length === 1`)
	csv := evalJS[map[string]string](t, ctx, `window.__downloads[0]`)
	if !strings.HasPrefix(csv["text"], "\uFEFF") || !strings.HasSuffix(csv["name"], ".csv") {
		t.Errorf("the CSV %q does not start with a byte order mark: %.80q", csv["name"], csv["text"])
	}
	lines := strings.Split(strings.TrimRight(csv["text"], "\r\n"), "\r\n")
	if len(lines) != all.Total+1 || !strings.HasPrefix(strings.TrimPrefix(lines[0], "\uFEFF"), "id,title,source,date,url") {
		t.Errorf("the CSV has %d lines (header %q), want a header and all %d occurrences, not only the page's", len(lines), lines[0], all.Total)
	}
	runJS(t, ctx, `document.querySelector(".export-json").click()`)
	waitFor(t, ctx, "a JSON download", `window.__downloads.length === 2`)
	var file struct {
		About struct {
			View, Query, Link, Exported string
			Rows                        int
		}
		Rows []map[string]any
	}
	if err := json.Unmarshal([]byte(evalJS[string](t, ctx, `window.__downloads[1].text`)), &file); err != nil || len(file.Rows) != all.Total {
		t.Errorf("the JSON has %d rows (%v), want %d", len(file.Rows), err, all.Total)
	}
	// It says what it is of: the view, the query, the page's address of
	// it, when.
	if a := file.About; a.View != "kwic" || a.Query != "تويتر" || a.Rows != all.Total || !strings.Contains(a.Link, "view=kwic") || a.Exported == "" {
		t.Errorf("the JSON's about: %+v", a)
	}
}

func TestBrowserCitesThePassageOfTheCurrentHit(t *testing.T) {
	ctx, _ := visit(t, "/?q="+urlEscape("تويتر")+"&doc="+doc003+"&hit=2")
	waitFor(t, ctx, "the reader", `document.querySelector(".reader-body mark.current") !== null`)
	title := evalJS[string](t, ctx, `document.getElementById("reader-title").textContent`)
	runJS(t, ctx, `window.marsadPage.copy = (text, done) => { window.__copied = text; done(true); }; document.querySelector(".cite-button").click()`)
	waitFor(t, ctx, "the citation copied", `window.__copied !== undefined && document.querySelector(".cite-status").textContent === "نُسخ الاقتباس."`)
	cited := evalJS[string](t, ctx, `window.__copied`)
	current := evalJS[string](t, ctx, `document.querySelector(".reader-body mark.current").closest("p").textContent`)
	for _, want := range []string{title, "«", "في مرصد: http", "doc=" + doc003, "hit=2"} {
		if !strings.Contains(cited, want) {
			t.Errorf("the citation lacks %q:\n%s", want, cited)
		}
	}
	if !strings.Contains(cited, strings.TrimSpace(current)) {
		t.Errorf("the citation does not quote the current hit's paragraph %q:\n%s", current, cited)
	}
	// A browser that refuses the clipboard shows the citation to copy by hand.
	runJS(t, ctx, `window.marsadPage.copy = (text, done) => done(false); document.querySelector(".cite-button").click()`)
	waitFor(t, ctx, "the citation shown", `document.querySelector("textarea.cite-text") !== null && document.querySelector("textarea.cite-text").value.includes(`+jsString(title)+`)`)
}

func TestBrowserKeepsTermGroupsAndSavedQueriesInTheBrowser(t *testing.T) {
	engine := seedWorkbenchEngine(t)
	want, err := engine.Search(search.Request{Query: "(تويتر OR فيسبوك)", Aliases: true, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, srv := visit(t, "/?view=keep")
	saveGroup(t, ctx, "منصات", "تويتر\nفيسبوك")
	// Saved, the form is empty again and says so: the next group's text
	// was typed after the last one's.
	waitFor(t, ctx, "the form emptied", `document.getElementById("group-name").value === "" && document.getElementById("group-terms").value === "" && document.querySelector(".groups .keep-status").textContent === "حُفظت المجموعة منصات."`)
	// What is wrong with a group is said in the page's language.
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#group-name"), "اسم طويل"), chromedp.SendKeys(chromedp.CSS("#group-terms"), "يوتيوب"))
	runJS(t, ctx, `document.querySelector(".group-save").click()`)
	waitFor(t, ctx, "the name refused", `document.querySelector(".groups .keep-status").textContent === "تعذّر حفظ المجموعة: اسم المجموعة «اسم طويل» يجب أن يكون كلمة واحدة (حروف وأرقام و- و_)."`)

	// group:منصات searches every term; the address carries the group.
	runJS(t, ctx, `document.querySelector(".group-use").click()`)
	waitFor(t, ctx, "the group searched", `new URLSearchParams(location.search).get("q") === "group:منصات" && document.querySelector(".count") && document.querySelector(".count").textContent.includes("`+strconv.Itoa(want.Total)+`")`)
	link := evalJS[string](t, ctx, `location.href`)
	if !strings.Contains(link, "groups=") {
		t.Errorf("the address %s does not carry the group", link)
	}

	// Saved with its view, listed in Saved, run again in one click.
	runJS(t, ctx, `document.querySelector(".save-query summary").click()`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#saved-name"), "المنصات"))
	runJS(t, ctx, `document.querySelector(".saved-save").click()`)
	waitFor(t, ctx, "the query saved", `document.querySelector(".save-query .keep-status").textContent === "حُفظ البحث."`)
	// Esc closes the panel from inside it, the focus back on its summary.
	runJS(t, ctx, `document.getElementById("saved-name").focus()`)
	press(t, ctx, keys.Escape)
	waitFor(t, ctx, "Esc to close the save panel", `!document.querySelector(".save-query").open && document.activeElement === document.querySelector(".save-query summary")`)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?view=keep"))
	waitFor(t, ctx, "the saved query listed", `document.querySelector(".saved-link") && document.querySelector(".saved-link").textContent === "المنصات"`)
	runJS(t, ctx, captureDownloads+`document.querySelector(".groups-export").click()`)
	waitFor(t, ctx, "the groups exported", `window.__downloads.length === 1`)
	exported := evalJS[string](t, ctx, `window.__downloads[0].text`)
	if !strings.Contains(exported, `"name": "منصات"`) || !strings.Contains(exported, "فيسبوك") {
		t.Errorf("the export is %s", exported)
	}
	runJS(t, ctx, `document.querySelector(".saved-link").click()`)
	waitFor(t, ctx, "the saved query run", `new URLSearchParams(location.search).get("q") === "group:منصات" && document.querySelector("li.hit") !== null`)

	// A query typed on the Saved tab is searched, in the results.
	do(t, ctx, chromedp.Navigate(srv.URL+"/?view=keep"))
	waitFor(t, ctx, "the saved tab", `document.querySelector(".saved-link") !== null`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "تويتر"))
	waitFor(t, ctx, "the typed query's results", `!location.search.includes("view=keep") && document.querySelector("li.hit") !== null`)

	// Another browser, without the group, reads the link the same way.
	other := newBrowser(t)
	do(t, other, chromedp.Navigate(link))
	waitFor(t, other, "the link's group searched elsewhere", `document.querySelector(".count") && document.querySelector(".count").textContent.includes("`+strconv.Itoa(want.Total)+`")`)
}

// saveGroup types a term group into the Saved view's form, saves it, and
// waits for it in the list.
func saveGroup(t *testing.T, ctx context.Context, name, terms string) {
	t.Helper()
	waitFor(t, ctx, "the groups form", `document.getElementById("group-name") !== null`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#group-name"), name), chromedp.SendKeys(chromedp.CSS("#group-terms"), terms))
	runJS(t, ctx, `document.querySelector(".group-save").click()`)
	waitFor(t, ctx, "the group "+name+" listed", `Array.from(document.querySelectorAll(".group-list .group-name")).some(e => e.textContent === `+jsString(name)+`)`)
}

func TestBrowserEditsRenamesAndUndeletesATermGroup(t *testing.T) {
	ctx, _ := visit(t, "/?view=keep")
	saveGroup(t, ctx, "منصات", "تويتر\nفيسبوك")
	groups := `JSON.parse(localStorage.getItem("marsad.groups") || "[]").map(g => g.name + "=" + g.terms.join("|")).join(" ")`

	// Edit puts the group in the form, one term a line; saved under a new
	// name with a new term, it replaces the old one.
	runJS(t, ctx, `document.querySelector(".group-edit").click()`)
	waitFor(t, ctx, "the group in the form", `document.getElementById("group-name").value === "منصات" && document.getElementById("group-terms").value === "تويتر\nفيسبوك" && document.activeElement.id === "group-terms" && document.querySelector(".groups .keep-status").textContent.startsWith("تعدّل المجموعة منصات")`)
	runJS(t, ctx, `document.getElementById("group-name").value = ""`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#group-name"), "شبكات"), chromedp.SendKeys(chromedp.CSS("#group-terms"), "\nتلغرام"))
	runJS(t, ctx, `document.querySelector(".group-save").click()`)
	waitFor(t, ctx, "the group renamed", `document.querySelectorAll(".group-list .group").length === 1 && document.querySelector(".group-list .group-name").textContent === "شبكات"`)
	if got := evalJS[string](t, ctx, groups); got != "شبكات=تويتر|فيسبوك|تلغرام" {
		t.Errorf("stored after the rename: %s", got)
	}

	// Deleted, it can be put back.
	runJS(t, ctx, `document.querySelector(".group-delete").click()`)
	waitFor(t, ctx, "the group deleted", `document.querySelectorAll(".group-list .group").length === 0 && document.querySelector(".groups .keep-status").textContent.startsWith("حُذفت المجموعة شبكات.")`)
	// The button pressed went with its group: the focus is on Undo, not
	// lost to the page's top. The status with its Undo button passes axe.
	waitFor(t, ctx, "the focus on Undo", `document.activeElement.id === "group-undo"`)
	for _, violation := range axeViolations(t, ctx) {
		t.Error(violation)
	}
	runJS(t, ctx, `document.querySelector(".group-undo").click()`)
	waitFor(t, ctx, "the group back", `document.querySelectorAll(".group-list .group").length === 1 && document.querySelector(".group-undo") === null`)
	if got := evalJS[string](t, ctx, groups); got != "شبكات=تويتر|فيسبوك|تلغرام" {
		t.Errorf("stored after the undo: %s", got)
	}

	// An import that replaces a group says so, and Undo brings it back. (The
	// file is picked as a page's script can: a DataTransfer's File.)
	pick := func(json string) {
		runJS(t, ctx, `(() => { const input = document.getElementById("groups-file"); const dt = new DataTransfer();
			dt.items.add(new File([`+jsString(json)+`], "groups.json", {type: "application/json"}));
			input.files = dt.files; input.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	}
	pick(`[{"name": "شبكات", "terms": ["يوتيوب"]}, {"name": "جديدة", "terms": ["تويتر"]}]`)
	waitFor(t, ctx, "the import said what it replaced", `document.querySelector(".groups .keep-status").textContent.startsWith("استُوردت مجموعتان. حلّت محلّ مجموعاتك بالأسماء نفسها: شبكات.") && document.querySelector(".group-undo") !== null`)
	if got := evalJS[string](t, ctx, groups); got != "جديدة=تويتر شبكات=يوتيوب" {
		t.Errorf("stored after the import: %s", got)
	}
	runJS(t, ctx, `document.querySelector(".group-undo").click()`)
	waitFor(t, ctx, "the groups as they were", `document.querySelector(".group-undo") === null && document.querySelectorAll(".group-list .group").length === 1`)
	if got := evalJS[string](t, ctx, groups); got != "شبكات=تويتر|فيسبوك|تلغرام" {
		t.Errorf("stored after undoing the import: %s", got)
	}
	// A file that names one group twice is refused, saying which.
	pick(`[{"name": "منصات", "terms": ["تويتر"]}, {"name": "منصات", "terms": ["يوتيوب"]}]`)
	waitFor(t, ctx, "the file refused", `document.querySelector(".groups .keep-status").textContent === "تعذّر استيراد الملف: المجموعة 2 في الملف: الاسم «منصات» لمجموعة قبلها في الملف."`)
}

var (
	daeshOnce sync.Once
	daeshDir  string
	daeshErr  error
)

// daeshSite builds the daesh-news corpus (../shared) into a site once, with
// the built site's app.wasm.
func daeshSite(t *testing.T) string {
	t.Helper()
	corpusFile := testcorpus.Shared(t, "corpora/daesh-news.jsonl.gz")
	daeshOnce.Do(func() {
		daeshDir, daeshErr = os.MkdirTemp("", "marsad-daesh-")
		if daeshErr != nil {
			return
		}
		var wasm []byte
		if wasm, daeshErr = os.ReadFile(filepath.Join(builtSite(t), "web", "app.wasm")); daeshErr != nil {
			return
		}
		if daeshErr = os.MkdirAll(filepath.Join(daeshDir, "web"), 0o755); daeshErr != nil {
			return
		}
		if daeshErr = os.WriteFile(filepath.Join(daeshDir, "web", "app.wasm"), wasm, 0o644); daeshErr != nil {
			return
		}
		daeshErr = generateSite(daeshDir, corpusFile)
	})
	if daeshErr != nil {
		t.Fatalf("building the daesh-news site: %v", daeshErr)
	}
	return daeshDir
}

func TestBrowserEveryWorkbenchViewWorksOnDaeshNews(t *testing.T) {
	srv := serve(t, daeshSite(t))
	ctx, cancel := startBrowser(t, 4*time.Minute)
	defer cancel()
	q := urlEscape("تويتر")
	for _, c := range []struct{ path, ready string }{
		{"/?view=kwic&q=" + q, `document.querySelectorAll(".kwic-row:not(.kwic-head)").length === 25`},
		{"/?view=kwic&lines=after1&q=" + q, `document.querySelectorAll(".kwic-row:not(.kwic-head)").length === 25`},
		{"/?view=trends&vs=" + urlEscape("تيليجرام") + "&q=" + q, `document.querySelectorAll("svg.chart rect.bar").length > 20`},
		{"/?view=trends&by=source&lang=en&q=" + q, `document.querySelectorAll(".bar-list .bar-row").length === 15`},
		{"/?view=collocates&q=" + q, `document.querySelectorAll(".data-table .data-row:not(.data-head)").length > 10`},
		{"/?view=words&q=" + q, `document.querySelectorAll(".words-view .data-table").length === 2`},
		{"/?view=compare&a=" + urlEscape("date:..2016") + "&b=" + urlEscape("date:2017..") + "&q=" + q, `document.querySelectorAll(".comparison .data-row:not(.data-head)").length > 20`},
	} {
		do(t, ctx, chromedp.Navigate(srv.URL+c.path))
		waitFor(t, ctx, c.path, c.ready)
	}
}

func TestBrowserTabMeetsTheViewsWhereTheyAreDrawnThenTheResultsAndVReachesThem(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"phone", phoneWidth, phoneHeight}} {
		t.Run(size.name, func(t *testing.T) {
			srv := serve(t, builtSite(t))
			ctx := newBrowser(t)
			do(t, ctx, viewport(size.w, size.h), chromedp.Navigate(srv.URL+"/?q="+urlEscape("تويتر")))
			waitForResults(t, ctx, doc000, doc001, doc002, doc003)
			// The views are drawn above the results, so Tab meets them first,
			// as one stop: the current view.
			if above := evalJS[bool](t, ctx, `document.querySelector(".tool-tabs").getBoundingClientRect().bottom <= document.querySelector("li.hit").getBoundingClientRect().top`); !above {
				t.Fatal("the views are not drawn above the first result")
			}
			runJS(t, ctx, `document.getElementById("q").focus()`)
			if first := tab(t, ctx); first != "tool-tab|" || evalJS[string](t, ctx, `document.activeElement.getAttribute("aria-current")`) != "page" {
				t.Errorf("the first Tab from the search box reached %q, want the current view's tab", first)
			}
			// Only one tab is a Tab stop: the hint on the arrows is read with
			// it and shown while it has the focus.
			hint := `(() => { const h = document.getElementById(document.activeElement.getAttribute("aria-describedby")); return h ? getComputedStyle(h).display + "|" + h.textContent : "" })()`
			if got := evalJS[string](t, ctx, hint); !strings.HasPrefix(got, "block|") || !strings.Contains(got, "v") {
				t.Errorf("the tab's hint: %q, want it shown and naming the keys", got)
			}
			var path []string
			reached := false
			for i := 0; i < 5 && !reached; i++ {
				f := tab(t, ctx)
				path = append(path, f)
				reached = !strings.HasSuffix(f, "|")
			}
			if !reached {
				t.Fatalf("six Tabs from the search box do not reach a result: %q", path)
			}
			if strings.Contains(strings.Join(path, " "), "tool-tab") {
				t.Errorf("the views are more than one Tab stop: %q", path)
			}
		})
	}
	// v focuses the views; ← is the next view in Arabic; Enter opens it.
	ctx, _ := visit(t, "/?q="+urlEscape("تويتر"))
	waitForResults(t, ctx, doc000, doc001, doc002, doc003)
	runJS(t, ctx, `document.activeElement.blur()`)
	pressShortcut(t, ctx, "v", "KeyV", 86)
	if got := evalJS[string](t, ctx, `document.activeElement.dataset.tool`); got != "results" {
		t.Fatalf("v focused %q, want the current view", got)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll('.tool-tabs a[tabindex="0"]').length`); n != 1 {
		t.Errorf("%d views are Tab stops, want one", n)
	}
	press(t, ctx, keys.ArrowLeft)
	if got := evalJS[string](t, ctx, `document.activeElement.dataset.tool`); got != "kwic" {
		t.Fatalf("← from the results focused %q, want the concordance", got)
	}
	press(t, ctx, keys.ArrowRight)
	press(t, ctx, keys.End)
	if got := evalJS[string](t, ctx, `document.activeElement.dataset.tool`); got != "keep" {
		t.Errorf("End focused %q, want the last view", got)
	}
	press(t, ctx, keys.Home)
	press(t, ctx, keys.ArrowLeft)
	press(t, ctx, keys.Enter)
	waitFor(t, ctx, "the concordance opened from the keyboard", `location.search.includes("view=kwic") && document.querySelector(".kwic-row:not(.kwic-head)") !== null`)
}

func TestBrowserAWorkbenchViewWaitsForTypingToPause(t *testing.T) {
	ctx, _ := visit(t, "/?view=kwic&q="+urlEscape("داعش"))
	waitFor(t, ctx, "the lines of داعش", `document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`)
	// The view is answered again once the entity table arrives: let that
	// happen first.
	waitFor(t, ctx, "the entity facet", `document.querySelector('details[data-facet^="entity-"]:not([hidden])') !== null`)
	time.Sleep(300 * time.Millisecond)
	answers := `performance.getEntriesByName("marsad:query").length`
	before := evalJS[int](t, ctx, answers)
	runJS(t, ctx, `document.getElementById("q").select()`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "تويتر"))
	waitFor(t, ctx, "the lines of تويتر", `new URLSearchParams(location.search).get("q") === "تويتر" && document.querySelector(".kwic-row:not(.kwic-head) .match").textContent.includes("تويتر")`)
	time.Sleep(500 * time.Millisecond)
	if n := evalJS[int](t, ctx, answers) - before; n != 1 {
		t.Errorf("typing five letters computed the concordance %d times, want once, when typing paused", n)
	}
}

// A compare side that names no source says so, as the results do, and
// offers the source like it: source:الوفد (the seeds have بوابة الوفد).
func TestBrowserCompareSaysASideNamesNoSource(t *testing.T) {
	ctx, _ := visit(t, "/?view=compare&q="+urlEscape("تويتر")+"&a="+urlEscape("source:الوفد")+"&b="+urlEscape("source:الجزيرة"))
	waitFor(t, ctx, "the note under side A", `document.querySelector(".comparison .side .no-such-source a")`)
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".comparison .no-such-source").length`); n != 1 {
		t.Errorf("%d notes, want one, under side A", n)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".comparison .no-such-source a")))
	waitFor(t, ctx, "side A as بوابة الوفد", `new URLSearchParams(location.search).get("a") === 'source:"بوابة الوفد"' && document.querySelector(".comparison") && !document.querySelector(".comparison .no-such-source")`)
}
