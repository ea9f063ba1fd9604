package ui

import (
	"errors"
	htmlpkg "html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/index"
	"marsad/internal/query"
	"marsad/internal/search"
	"marsad/internal/testcorpus/seedbundle"
)

func seedBundle(t *testing.T) *index.Bundle {
	t.Helper()
	return seedbundle.Bundle(t)
}

// seedEngine is the seed corpus loaded, its entity table included.
func seedEngine(t *testing.T) *search.Engine {
	t.Helper()
	bundle := seedBundle(t)
	engine, err := search.Open(bundle.Fetcher(), bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.LoadEntities(); err != nil {
		t.Fatal(err)
	}
	return engine
}

// explorerAt is the page at the given address once its answer has come.
func explorerAt(t *testing.T, engine *search.Engine, address string) *Explorer {
	t.Helper()
	u, err := url.Parse(address)
	if err != nil {
		t.Fatal(err)
	}
	c := &Explorer{view: parseView(u)}
	if c.view.Lang == "" {
		c.view.Lang = arabic
	}
	c.lang = c.view.Lang
	c.engine = engineState{Status: engineReady, Engine: engine}
	c.answer, c.answered = compute(engine, c.view, nil, knownAnswer{}), c.view
	return c
}

// renderAt renders the page at the given address as HTML.
func renderAt(t *testing.T, engine *search.Engine, address string) string {
	t.Helper()
	return app.HTMLString(explorerAt(t, engine, address))
}

func TestExplorerListsTheCorpusWithoutAQuery(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/")
	if n := strings.Count(html, `data-doc-id=`); n != 5 {
		t.Errorf("%d documents listed, want the 5 of the corpus", n)
	}
	for _, want := range []string{"المدونة: 5 مقالات، مصدران معروفان، من 2015 إلى 2018", "الجزيرة", "بوابة الوفد", arabicTexts.noSource, "2018"} {
		if !strings.Contains(html, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
}

func TestExplorerMarksHitsInEachResult(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر"))
	for _, id := range []string{"000_7fa01f341305d679", "001_c483dde8c62f1c3b", "002_42e37f6622a20da9", "003_86d0032281bea5ec"} {
		if !strings.Contains(html, `data-doc-id="`+id+`"`) {
			t.Errorf("result %s missing", id)
		}
	}
	if strings.Contains(html, `data-doc-id="004_5f3415fee05059e7"`) {
		t.Error("004 does not mention تويتر but is listed")
	}
	if !strings.Contains(html, "<mark>تويتر</mark>") && !strings.Contains(html, "<mark>وتويتر</mark>") {
		t.Error("no highlighted تويتر in the snippets")
	}
	if !strings.Contains(html, "4 نتائج") {
		t.Error("count does not say 4 results")
	}
}

func TestExplorerRendersCorpusTextAsText(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape(`<b>تويتر</b>`))
	if !strings.Contains(html, "«&lt;b&gt;تويتر&lt;/b&gt;»") {
		t.Error("markup from the query is not shown as text in the no-results message")
	}
}

func TestExplorerSaysWhenNothingMatches(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("زرافة")+"&source="+url.QueryEscape("الجزيرة"))
	for _, want := range []string{"لا نتائج", "لم نجد مقالًا يطابق «زرافة»", "OR", "ابحث بلا مرشّحات"} {
		if !strings.Contains(html, want) {
			t.Errorf("no-results view lacks %q", want)
		}
	}
	// The advice fits the query: a word alone is not told that all its
	// words are required, nor about exclusions it does not have.
	for _, unwanted := range []string{"كل كلمات الاستعلام مطلوبة معًا", "علامة الطرح"} {
		if strings.Contains(html, unwanted) {
			t.Errorf("the advice for one word says %q", unwanted)
		}
	}
	html = renderAt(t, engine, "/?q="+url.QueryEscape("زرافة أسد -تويتر"))
	for _, want := range []string{"كل كلمات الاستعلام مطلوبة معًا", "علامة الطرح"} {
		if !strings.Contains(html, want) {
			t.Errorf("the advice for two words and an exclusion lacks %q", want)
		}
	}
}

func TestExplorerFallsBackToPartialMatches(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر زرافة"))
	if !strings.Contains(html, "لا يحوي أي مقال كل الكلمات، فهذه مطابقات جزئية") {
		t.Error("the page does not say the hits are partial matches")
	}
	if n := strings.Count(html, `data-doc-id=`); n != 4 {
		t.Errorf("%d partial matches listed, want the 4 articles that mention تويتر", n)
	}
}

func TestExplorerSaysWhichOtherNamesItSearched(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("داعش"))
	for _, want := range []string{"بحثنا أيضًا عن", "تنظيم الدولة", `data-doc-id="002_42e37f6622a20da9"`, "ابحث عمّا كتبتُ فقط", "aliases=off"} {
		if !strings.Contains(html, want) {
			t.Errorf("with aliases, the page lacks %q", want)
		}
	}
	off := renderAt(t, engine, "/?q="+url.QueryEscape("داعش")+"&aliases=off")
	if strings.Contains(off, `data-doc-id="002_42e37f6622a20da9"`) || strings.Contains(off, "بحثنا أيضًا عن") {
		t.Error("with aliases off, 002 or the note is still shown")
	}
	if !strings.Contains(off, "فعّله") {
		t.Error("with aliases off, no way to switch them back on")
	}
}

func TestExplorerShowsTheWordFormsAStemmedQueryMatched(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر"))
	if !strings.Contains(html, "صيغ الكلمة") || !strings.Contains(html, "وتويتر") {
		t.Error("no word forms for تويتر")
	}
	// Each form links to its exact-form search.
	if !strings.Contains(html, `href="/?q=`+url.QueryEscape("=وتويتر")+`"`) {
		t.Error("the form وتويتر does not link to an exact search")
	}
}

// Any text is a query: what is not well-formed syntax is read as words,
// the results come, and the page says gently what it read so, in its
// language.
func TestExplorerReadsMalformedSyntaxAsTextWithAHint(t *testing.T) {
	engine := seedEngine(t)
	for _, tc := range []struct{ query, lang, want string }{
		{`"تنظيم الدولة`, "", "علامة اقتباس لا تُغلق"},
		{`"تنظيم الدولة`, "en", "A quote is not closed"},
		{"تويتر OR", "", "OR بلا كلمة"},
		{strings.Repeat("داعش ", 20000), "", "فقُطع عند كلمة"},
	} {
		html := renderAt(t, engine, "/?q="+url.QueryEscape(tc.query)+"&lang="+tc.lang)
		if strings.Contains(html, `class="query-error"`) || !strings.Contains(html, tc.want) || !strings.Contains(html, "data-doc-id=") {
			t.Errorf("%.40q (%s): want results and the hint %q", tc.query, tc.lang, tc.want)
		}
	}
}

func TestEveryKindOfHintIsSaidInBothLanguages(t *testing.T) {
	for _, kind := range []query.ErrorKind{query.ErrUnpairedQuote, query.ErrUnpairedBracket, query.ErrDanglingOr,
		query.ErrOnlyExclusions, query.ErrExclusion, query.ErrPrefix, query.ErrFuzzy, query.ErrWithin, query.ErrExact,
		query.ErrFilterValue, query.ErrDateValue, query.ErrTooManyTerms, query.ErrTooLong, query.ErrUnexpected} {
		if arabicTexts.readAsText[kind] == "" || englishTexts.readAsText[kind] == "" {
			t.Errorf("no text for %s", kind)
		}
	}
}

// A pasted question is ranked by how much of it each article covers, and
// the page says so.
func TestExplorerSaysALongQueryWasRankedByCoverage(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("- كيف يستخدم تنظيم داعش الإرهابي تويتر وفيسبوك للدعاية؟"))
	if !strings.Contains(html, "رُتّبت المقالات بحسب ما تغطيه من كلماته") || !strings.Contains(html, "data-doc-id=") {
		t.Error("a pasted question shows no results ranked by coverage")
	}
}

func TestExplorerFiltersByYear(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?year=2018")
	if n := strings.Count(html, `data-doc-id=`); n != 1 || !strings.Contains(html, `data-doc-id="001_c483dde8c62f1c3b"`) {
		t.Errorf("year 2018 lists %d documents, want only 001", n)
	}
}

func TestExplorerFacetLinksToggleFilters(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر")+"&source="+url.QueryEscape("الجزيرة"))
	if strings.Count(html, `data-doc-id=`) != 1 {
		t.Error("source filter does not narrow to the one الجزيرة article")
	}
	if !strings.Contains(html, `class="facet selected"`) {
		t.Error("selected facet not marked as selected")
	}
	// Its link removes the filter again.
	if !strings.Contains(html, `href="/?q=`+url.QueryEscape("تويتر")+`"`) {
		t.Error("selected facet does not link to the unfiltered view")
	}
}

func TestExplorerReaderMarksEveryHit(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر")+"&doc=003_86d0032281bea5ec")
	if !strings.Contains(html, `class="reader"`) {
		t.Fatal("reader not shown")
	}
	marks := strings.Count(html, "<mark")
	if marks < 3 {
		t.Errorf("reader shows %d marks, want every تويتر of 003", marks)
	}
	// go-app writes attributes in no fixed order.
	if !strings.Contains(html, `<mark id="hit-0" class="current">`) && !strings.Contains(html, `<mark class="current" id="hit-0">`) {
		t.Error("first hit is not the current one")
	}
	if !strings.Contains(html, "الموضع 1 من") {
		t.Error("no hit position shown")
	}
}

func TestExplorerReaderNamesAnUnknownDocument(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?doc=nope")
	if !strings.Contains(html, "«nope»") {
		t.Error("unknown document id not named")
	}
}

// serveBundle is a fetch that serves a bundle under /web/bundle/, and the
// URLs it fetched.
func serveBundle(files index.MemFetcher) (fetchFunc, *[]string) {
	var fetched []string
	return func(u string, off, length int64) ([]byte, error) {
		fetched = append(fetched, u)
		name, ok := strings.CutPrefix(u, "/web/bundle/")
		if !ok {
			return nil, errors.New("HTTP 404 Not Found")
		}
		return files.Fetch(name, off, length)
	}, &fetched
}

func TestOpenBundleFetchesTheRootThenWhatAQueryNeeds(t *testing.T) {
	bundle := seedBundle(t)
	fetch, fetched := serveBundle(bundle.Fetcher())
	engine, err := openBundle("/web/bundle/"+bundle.Root, fetch)
	if err != nil {
		t.Fatal(err)
	}
	if len(*fetched) != 1 || (*fetched)[0] != "/web/bundle/"+bundle.Root {
		t.Errorf("opening fetched %q, want only the root", *fetched)
	}
	if _, ok, err := engine.Document("002_42e37f6622a20da9"); !ok || err != nil {
		t.Errorf("loaded engine lacks a seed document: %v", err)
	}
}

func TestExplorerNamesADamagedChunkAndKeepsWorking(t *testing.T) {
	bundle := seedBundle(t)
	files := bundle.Fetcher()
	var damaged string
	for name := range files {
		if strings.HasPrefix(name, "t-") {
			damaged = name
			files[name] = []byte("garbage")
		}
	}
	fetch, _ := serveBundle(files)
	engine, err := openBundle("/web/bundle/"+bundle.Root, fetch)
	if err != nil {
		t.Fatal(err)
	}
	html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر"))
	if !strings.Contains(html, damaged) || !strings.Contains(html, `id="q"`) {
		t.Errorf("the page does not name the damaged chunk %s, or lost its search box:\n%s", damaged, html)
	}
	// The overview needs no chunk and still lists the corpus.
	if html := renderAt(t, engine, "/"); strings.Count(html, `data-doc-id=`) != 5 {
		t.Error("the overview broke with a damaged chunk")
	}
}

func TestExplorerNamesTheBundleWhenLoadingFails(t *testing.T) {
	for name, fetch := range map[string]func(string, int64, int64) ([]byte, error){
		"network": func(string, int64, int64) ([]byte, error) { return nil, errors.New("HTTP 404 Not Found") },
		"corrupt": func(string, int64, int64) ([]byte, error) { return []byte("garbage"), nil },
	} {
		t.Run(name, func(t *testing.T) {
			_, err := openBundle("/web/bundle/corpus-x.mrsd", fetch)
			if err == nil {
				t.Fatal("no error")
			}
			html := app.HTMLString(&Explorer{lang: arabic, engine: engineState{Status: engineFailed, Err: err}})
			if !strings.Contains(html, "تعذّر تحميل فهرس المدونة") || !strings.Contains(html, "corpus-x.mrsd") {
				t.Errorf("error view does not name the bundle:\n%s", html)
			}
			if !strings.Contains(html, "أعد المحاولة") {
				t.Error("no retry offered")
			}
			if strings.Contains(html, "جارٍ تحميل") {
				t.Error("the loader is still shown")
			}
		})
	}
}

func TestOpenBundleNeedsABundleName(t *testing.T) {
	if _, err := openBundle("", newBrowserFetch()); err == nil || !strings.Contains(err.Error(), BundleEnv) {
		t.Errorf("err = %v", err)
	}
}

func TestExplorerSaysWhenTheEntityTableFailed(t *testing.T) {
	engine := seedEngine(t)
	c := explorerAt(t, engine, "/?q="+url.QueryEscape("تويتر"))
	c.answer.result.Facets.EntitiesErr = errors.New("/web/bundle/e-x.mrsd: HTTP 503")
	html := app.HTMLString(c)
	if !strings.Contains(html, "تعذّر تحميل جدول الكيانات") || !strings.Contains(html, "e-x.mrsd") {
		t.Error("a failed entity table is not reported with its file")
	}
}

// A page past the last (an old link, an edited address) says so and leads
// to the last page, in the results and in the concordance.
func TestAPagePastTheLastLeadsToTheLast(t *testing.T) {
	engine := seedEngine(t)
	q := url.QueryEscape("تويتر")
	for _, tc := range []struct{ address, last string }{
		{"/?q=" + q + "&page=9999", "?q="}, // one page: the first
		{"/?q=" + q + "&view=kwic&page=9999", "view=kwic"},
		{"/?q=" + q + "&view=kwic&lines=after1&page=9999", "lines=after1"},
	} {
		html := renderAt(t, engine, tc.address)
		if !strings.Contains(html, "past-last") || !strings.Contains(html, arabicTexts.toLastPage) {
			t.Errorf("%s: no word of the page being past the last", tc.address)
			continue
		}
		i := strings.Index(html, "past-last")
		link := html[i:min(len(html), i+600)]
		if !strings.Contains(link, tc.last) || strings.Contains(link, "page=9") {
			t.Errorf("%s: the way out is %.300s", tc.address, link)
		}
	}
}

// Arabic counts after a round hundred or thousand take the genitive singular, and ل before ال is لل.
func TestArabicCountsOfHundredsTakeTheSingular(t *testing.T) {
	for n, want := range map[int]string{
		1: "مقال واحد", 2: "مقالان", 3: "3 مقالات", 10: "10 مقالات", 11: "11 مقالًا", 99: "99 مقالًا",
		100: "100 مقال", 101: "101 مقال", 103: "103 مقالات", 111: "111 مقالًا", 3000: "3000 مقال",
	} {
		if got := countNoun(n, "مقال واحد", "مقالان", "مقالات", "مقالًا"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	if got := arabicWorkTexts.distinctiveOf(arabicWorkTexts.sideA); got != "الكلمات المميِّزة للمجموعة أ" {
		t.Errorf("the keyness heading reads %q", got)
	}
}

// A source filter, picked or typed, that names no source of the corpus
// says so, and offers the sources whose names hold its words.
func TestASourceFilterNamingNoSourceSaysSo(t *testing.T) {
	engine := seedEngine(t)
	for _, address := range []string{
		"/?q=" + url.QueryEscape("تويتر") + "&source=" + url.QueryEscape("الوفد"),
		"/?q=" + url.QueryEscape("تويتر source:الوفد"),
	} {
		html := renderAt(t, engine, address)
		i := strings.Index(html, "no-such-source")
		if i < 0 {
			t.Errorf("%s: nothing says الوفد names no source", address)
			continue
		}
		note := html[i:min(len(html), i+800)]
		if !strings.Contains(note, "الوفد") || !strings.Contains(note, url.QueryEscape("بوابة الوفد")) {
			t.Errorf("%s: the note does not offer بوابة الوفد: %.400s", address, note)
		}
	}
	if html := renderAt(t, engine, "/?q="+url.QueryEscape("تويتر source:الجزيره")); strings.Contains(html, "no-such-source") {
		t.Error("a source of the corpus, spelled otherwise, is said to be none")
	}
}

// TestExplorerSaysADateFilterIsOutsideTheCorpusAndOffersItsHijriReading:
// a year no article is dated in finds nothing for a reason the page names,
// and a year that reads as a Hijri year within the corpus's dates (١٤٣٦ is
// 2014-10-25 … 2015-10-14 in the tabular calendar) leads to those days.
func TestExplorerSaysADateFilterIsOutsideTheCorpusAndOffersItsHijriReading(t *testing.T) {
	engine := seedEngine(t)
	first, last, ok := engine.DatedSpan()
	if !ok || first.String() != "2015-02-01" || last.String() != "2018-11-03" {
		t.Fatalf("the seed corpus's dated span is %s … %s (%v), want 2015-02-01 … 2018-11-03", first, last, ok)
	}
	c := explorerAt(t, engine, "/?q="+url.QueryEscape("داعش date:١٤٣٦"))
	if c.answer.result == nil || c.answer.result.Total != 0 || len(c.answer.dateHints) != 1 {
		t.Fatalf("date:١٤٣٦ gives %v and hints %+v, want nothing found and one date hint", c.answer.result, c.answer.dateHints)
	}
	page := pageText(app.HTMLString(c))
	for _, want := range []string{"لا مقالات مؤرخة في 1436", "من 2015-02-01 إلى 2018-11-03", "من 2014-10-25 إلى 2015-10-14 تقريبًا", "ابحث في هذه التواريخ"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	hijri := c.answer.dateHints[0].hijri
	if hijri.Query != "داعش" || hijri.Dates != "2014-10-25..2015-10-14" {
		t.Fatalf("the Hijri link is query %q, dates %q; want داعش and 2014-10-25..2015-10-14", hijri.Query, hijri.Dates)
	}
	found := explorerAt(t, engine, hijri.URL().String())
	if found.answer.result == nil || found.answer.result.Total == 0 {
		t.Error("the Hijri year's days find nothing, want the article of February 2015")
	}

	en := pageText(renderAt(t, engine, "/?lang=en&q="+url.QueryEscape("داعش")+"&date=1990"))
	if !strings.Contains(en, "No article is dated 1990: the corpus's articles are dated from 2015-02-01 to 2018-11-03") {
		t.Error("English: a year before the corpus is not named as outside it")
	}
	if strings.Contains(en, "Hijri") {
		t.Error("1990 is offered a Hijri reading (about 2550), want none")
	}
	// A year inside the corpus's span that finds nothing has no such note.
	if page := renderAt(t, engine, "/?q="+url.QueryEscape("داعش date:2016")); strings.Contains(page, "لا مقالات مؤرخة") {
		t.Error("2016 lies between the corpus's dates, yet the page says no article is dated then")
	}
}

// pageText is the text of rendered HTML, its tags removed and its
// whitespace runs made one space (HTMLString puts line breaks between
// elements that the page's DOM does not have, so a word next to an element
// may come out with a space before it).
func pageText(markup string) string {
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(markup, " ")
	return strings.Join(strings.Fields(htmlpkg.UnescapeString(text)), " ")
}

// TestADateTheSearchCannotReadIsNoFilterInForce: a date= of the address
// that is no date (2015-13) is left out of the search with a note, and the
// filter bar does not list it as a filter in force.
func TestADateTheSearchCannotReadIsNoFilterInForce(t *testing.T) {
	engine := seedEngine(t)
	c := explorerAt(t, engine, "/?q="+url.QueryEscape("داعش")+"&date=2015-13")
	page := pageText(app.HTMLString(c))
	if !strings.Contains(page, "تاريخ لا يفهمه البحث") {
		t.Error("the page does not say the date was left out")
	}
	if strings.Contains(page, "التاريخ: 2015-13") {
		t.Error("the filter bar lists 2015-13 as a filter in force")
	}
	if all := explorerAt(t, engine, "/?q="+url.QueryEscape("داعش")); c.answer.result.Total != all.answer.result.Total {
		t.Errorf("date=2015-13 finds %d, the query alone %d: want the same", c.answer.result.Total, all.answer.result.Total)
	}
	// A date that reads is a filter in force.
	if page := pageText(app.HTMLString(explorerAt(t, engine, "/?q="+url.QueryEscape("داعش")+"&date=2015"))); !strings.Contains(page, "التاريخ: 2015") {
		t.Error("date=2015 is not listed as a filter in force")
	}
}
