package ui

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/corpus"
	"marsad/internal/explore"
	"marsad/internal/query"
	"marsad/internal/search"
)

func TestWorkbenchViewsRoundTripThroughTheURL(t *testing.T) {
	for _, v := range []view{
		{Query: "تويتر", Tool: toolConcordance, LineSort: "before1", Page: 3},
		{Query: "داعش", Tool: toolTrends, Compared: []string{"تيليجرام", "فيسبوك"}, Unit: "month", PerWords: true, AsTable: true, BySource: true},
		{Query: "تويتر", Tool: toolCollocates, Window: 8, Sources: []string{"الجزيرة"}},
		{Tool: toolWords, Years: []string{"2015"}},
		{Query: "حساب", Tool: toolCompare, SideA: "date:..2015", SideB: "source:العربية"},
		{Query: "group:منصات حجب", Tool: toolKeep, Groups: []string{"منصات=تويتر|فيس بوك"}},
		{Query: "تويتر", Tool: toolConcordance, DocID: "001_c483dde8c62f1c3b", Hit: 4},
	} {
		got := parseView(v.URL())
		if !reflect.DeepEqual(normalizeNil(got), normalizeNil(v)) {
			t.Errorf("round trip of %+v gave %+v (URL %s)", v, got, v.URL())
		}
	}
}

func TestWorkbenchURLIgnoresWhatItCannotShow(t *testing.T) {
	v := parseView(parseHref("/?view=nonsense&unit=week&window=99&vs=a&vs=b&vs=c&vs=d&vs=e&vs=f&per=x"))
	if v.Tool != toolResults || v.Unit != "" || v.Window != 0 || len(v.Compared) != maxCompared || v.PerWords {
		t.Errorf("got %+v", v)
	}
}

func TestSwitchingViewsKeepsTheQueryAndFilters(t *testing.T) {
	v := view{Query: "تويتر", Sources: []string{"الجزيرة"}, Page: 2, DocID: "x", Hit: 3, Tool: toolResults}
	got := v.withTool(toolTrends)
	if got.Query != v.Query || !reflect.DeepEqual(got.Sources, v.Sources) || got.Page != 0 || got.DocID != "" || got.Hit != 0 || got.Tool != toolTrends {
		t.Errorf("withTool(trends) = %+v", got)
	}
}

func TestLinksCarryTheTermGroupsTheyUse(t *testing.T) {
	own := query.Groups{{Name: "منصات", Terms: []string{"تويتر", "فيس بوك"}}}
	q, carried, unknown := expandGroups("group:منصات group:غائب", groupsFor(view{}, own))
	if q != `(تويتر OR "فيس بوك") group:غائب` || len(unknown) != 1 || unknown[0] != "غائب" {
		t.Errorf("expanded %q, unknown %v", q, unknown)
	}
	// Whoever opens the link reads the group as the sender did, without it.
	v := view{Query: "group:منصات", Groups: carried}
	q2, _, unknown2 := expandGroups(v.Query, groupsFor(parseView(v.URL()), nil))
	if q2 != `(تويتر OR "فيس بوك")` || len(unknown2) != 0 {
		t.Errorf("from the link: %q, unknown %v", q2, unknown2)
	}
}

func TestACitationQuotesThePassageAndSaysWhereItIsFrom(t *testing.T) {
	text := "فقرة أولى.\nأغلق موقع تويتر آلاف الحسابات. وقال متحدث إن العمل مستمر.\nفقرة أخيرة."
	at := strings.Index(text, "تويتر")
	d := &corpus.Document{ID: "d1", Title: "حرب إلكترونية", Source: "الجزيرة", Date: "2015-03-04", URL: "https://example.org/a", Text: text}
	spans := []search.Span{{Start: at, End: at + len("تويتر")}}
	read := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	got := citation(arabic, d, spans, 0, "https://marsad.example/?q=x&doc=d1", read)
	for _, want := range []string{
		"«أغلق موقع تويتر آلاف الحسابات. وقال متحدث إن العمل مستمر.»",
		"— حرب إلكترونية، الجزيرة، 4 مارس 2015",
		"الأصل: https://example.org/a",
		"في مرصد: https://marsad.example/?q=x&doc=d1 (اطُّلع عليه في 2 ديسمبر 2026)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("citation lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "فقرة أولى") || strings.Contains(got, "فقرة أخيرة") {
		t.Errorf("citation quotes other paragraphs:\n%s", got)
	}
	// A title ending in a question mark takes no comma after it.
	d.Title = "لماذا يغرد داعش؟"
	if got := citation(arabic, d, spans, 0, "https://marsad.example/", read); !strings.Contains(got, "— لماذا يغرد داعش؟ الجزيرة، 4 مارس 2015") {
		t.Errorf("a question's title is cited as:\n%s", got)
	}
	d.Title = "Why does ISIS tweet?"
	if got := citation(english, d, spans, 0, "https://marsad.example/", read); !strings.Contains(got, "— Why does ISIS tweet? الجزيرة, ") || !strings.Contains(got, "(accessed ") {
		t.Errorf("an English citation reads:\n%s", got)
	}
}

func TestALongPassageIsCutToTheSentencesAroundTheHit(t *testing.T) {
	sentence := strings.Repeat("كلمة ", 40) + "."
	text := strings.Repeat(sentence+" ", 10) + "هنا الهدف. " + strings.Repeat(sentence+" ", 10)
	at := strings.Index(text, "الهدف")
	got := passageAround(text, []search.Span{{Start: at, End: at + len("الهدف")}}, 0)
	if !strings.Contains(got, "هنا الهدف.") || len(got) > maxPassageBytes+len("…  …")+len(sentence) {
		t.Errorf("passage of %d bytes: %q", len(got), got)
	}
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("a cut passage says so at both ends: %q", got)
	}
}

func TestExportFileNamesKeepArabicAndDropTheRest(t *testing.T) {
	for q, want := range map[string]string{
		"":                       "marsad-kwic",
		"تنظيم \"الدولة\" -داعش": "marsad-kwic-تنظيم-الدولة-داعش",
		"../../etc/passwd":       "marsad-kwic-etc-passwd",
	} {
		if got := fileName(toolConcordance, q); got != want {
			t.Errorf("fileName(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestTwoExportsOfOneQueryTakeEachTheirOwnName(t *testing.T) {
	v := view{Query: "داعش", Tool: toolTrends}
	byTime := exportName(v)
	v.BySource = true
	bySource := exportName(v)
	v.Compared = []string{"ISIS"}
	compared := exportName(v)
	a := exportName(view{Tool: toolCompare, SideA: "date:..2016", SideB: "date:2017.."})
	b := exportName(view{Tool: toolCompare, SideA: "source:الجزيرة", SideB: "source:العربية"})
	// The filters picked on the page tell two exports of one query apart.
	results := exportName(view{Query: "تويتر إغلاق"})
	filtered := exportName(view{Query: "تويتر إغلاق", Sources: []string{"الشرق الأوسط"}, Years: []string{"2018"}})
	if filtered != "marsad-results-تويتر-إغلاق-الشرق-الأوسط-2018" {
		t.Errorf("a filtered export is %q", filtered)
	}
	names := []string{byTime, bySource, compared, a, b, results, filtered}
	for i := range names {
		for j := range i {
			if names[i] == names[j] {
				t.Errorf("two exports are both %q", names[i])
			}
		}
	}
	if b != "marsad-compare-source-الجزيرة-vs-source-العربية" {
		t.Errorf("a comparison's export is %q", b)
	}
}

func TestChartsUseRoundNumbersAndTheVisitorsDigits(t *testing.T) {
	for v, want := range map[float64]float64{0: 1, 7: 10, 12: 20, 126: 200, 0.3: 0.5, 1000: 1000} {
		if got := niceCeiling(v); got != want {
			t.Errorf("niceCeiling(%v) = %v, want %v", v, got, want)
		}
	}
	if got := arabicIndic("2016-03: 1,234.5"); got != "٢٠١٦-٠٣: ١٬٢٣٤٫٥" {
		t.Errorf("arabicIndic = %q", got)
	}
}

func TestTablesAndChartsShowCorpusTextAsText(t *testing.T) {
	hostile := `<img src=x onerror="alert(1)">&amp;`
	table := renderRaw(t, dataTable(hostile, []string{"كلمة", hostile}, [][]cell{{{text: hostile, href: `/?q="><script>`, title: hostile}, {text: "1"}}}))
	chart := renderRaw(t, columnChart(hostile, []barGroup{{label: hostile, bars: []bar{{value: 3, title: hostile, href: `/?q="'<>`}}}}, func(v float64) string { return fixed(v, 0) }, nil))
	for name, markup := range map[string]string{"table": table, "chart": chart} {
		if strings.Contains(markup, "<img") || strings.Contains(markup, "<script") || strings.Contains(markup, `q="`) {
			t.Errorf("the %s lets markup through:\n%s", name, markup)
		}
		if !strings.Contains(markup, "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&amp;amp;") {
			t.Errorf("the %s does not show the text escaped:\n%s", name, markup)
		}
	}
}

// renderRaw is the markup of a node written by htmlWriter.
func renderRaw(t *testing.T, n app.UI) string {
	t.Helper()
	return app.HTMLString(n)
}

func TestAViewAnsweredAgainKeepsItsWorkbenchAnswer(t *testing.T) {
	engine := seedEngine(t)
	v := view{Query: "تويتر", Tool: toolTrends}
	first := compute(engine, v, nil, knownAnswer{})
	if first.work == nil || first.work.trends == nil {
		t.Fatalf("no trends computed: %+v", first.work)
	}
	again := compute(engine, v, nil, knownAnswer{work: first.work})
	if again.work != first.work || again.result == nil {
		t.Errorf("the second answer recomputed the view (%p, was %p) or lost its facets", again.work, first.work)
	}
}

func TestTrendsSaysAComparedNameOfTheSameEntityDrawsItsLine(t *testing.T) {
	engine := seedEngine(t)
	html := renderAt(t, engine, "/?view=trends&q="+url.QueryEscape("داعش")+"&vs=ISIS&vs="+url.QueryEscape("تويتر"))
	if !strings.Contains(html, "«ISIS» و«داعش» يجدان المواضع نفسها") || strings.Count(html, `class="note same-names"`) != 1 {
		t.Errorf("the trends of داعش and ISIS do not say their lines are one:\n%.2000s", html)
	}
	if !strings.Contains(html, "aliases=off") {
		t.Error("no way to compare the words themselves")
	}
	html = renderAt(t, engine, "/?view=trends&q="+url.QueryEscape("داعش")+"&vs="+url.QueryEscape("تويتر"))
	if strings.Contains(html, "same-names") {
		t.Error("داعش and تويتر are said to be one entity")
	}
}

// TestTrendsSaysItsCountIncludesTheOtherNames: a word searched with an
// entity's other names draws a line that counts them, and the page says
// so, with the way to count the word alone; a word without other names,
// or with them off, has no such note.
func TestTrendsSaysItsCountIncludesTheOtherNames(t *testing.T) {
	engine := seedEngine(t)
	page := pageText(renderAt(t, engine, "/?view=trends&q="+url.QueryEscape("داعش")+"&vs="+url.QueryEscape("الإنترنت")))
	if !strings.Contains(page, "يشمل عدّ «داعش» أسماءه الأخرى: تنظيم الدولة") || !strings.Contains(page, "اعدد الكلمات بعينها") {
		t.Errorf("the trends of داعش do not say they count its other names:\n%.1500s", page)
	}
	if strings.Contains(page, "يشمل عدّ «الإنترنت»") {
		t.Error("الإنترنت, no entity's name, is said to be counted with other names")
	}
	if page := pageText(renderAt(t, engine, "/?view=trends&aliases=off&q="+url.QueryEscape("داعش"))); strings.Contains(page, "أسماءه الأخرى") {
		t.Error("with other names off, the count is still said to include them")
	}
	if page := pageText(renderAt(t, engine, "/?lang=en&view=trends&q="+url.QueryEscape("داعش"))); !strings.Contains(page, "The count of “داعش” includes its other names: ") {
		t.Error("no English note")
	}
}

func TestTheConcordanceSaysWhatItsCountLeavesToTrends(t *testing.T) {
	if got := arabic.w().kwicHeading(305, 227) + arabic.w().kwicInTitles(12); got != "305 مواضع في 227 مقالًا، عدا 12 موضعًا في العناوين (تعدّها الاتجاهات، ولا أسطر لها هنا)" {
		t.Errorf("the Arabic summary reads %q", got)
	}
	if got := english.w().kwicInTitles(1); got != ", besides 1 in a title (trends counts them; they have no lines here)" {
		t.Errorf("the English reads %q", got)
	}
	if arabic.w().kwicInTitles(0) != "" {
		t.Error("no title occurrence, yet something is said")
	}
}

// The forms' table has a column for the count in the whole corpus only
// when some form's count differs from it (a filter, a query of several
// words): otherwise it would repeat the count column number for number.
func TestTheFormsTableShowsTheCorpusCountOnlyWhereItDiffers(t *testing.T) {
	for _, tc := range []struct {
		forms   []explore.WordForm
		columns int
	}{
		{[]explore.WordForm{{Form: "داعش", Count: 5, Docs: 3, CorpusCount: 5}, {Form: "لداعش", Count: 2, Docs: 2, CorpusCount: 2}}, 3},
		{[]explore.WordForm{{Form: "داعش", Count: 5, Docs: 3, CorpusCount: 9}, {Form: "لداعش", Count: 2, Docs: 2, CorpusCount: 2}}, 4},
	} {
		c := &WordsView{Lang: arabic, Forms: tc.forms}
		got := app.HTMLString(c.renderForms())
		if n := strings.Count(got, `role="columnheader"`); n != tc.columns {
			t.Errorf("%d columns for %+v, want %d: %s", n, tc.forms, tc.columns, got)
		}
		if strings.Contains(got, arabic.w().inCorpus) != (tc.columns == 4) {
			t.Errorf("the corpus column's heading: %s", got)
		}
	}
}

// A bar of a compared query lists that query's articles; its address keeps
// the comparison with the two queries' places traded, so that trends from
// there draws the same lines, not the compared query beside itself.
func TestABarOfAComparedQueryKeepsTheComparison(t *testing.T) {
	c := &Trends{View: view{Query: "داعش", Tool: toolTrends, Compared: []string{"تلغرام", "تويتر"}}}
	u, err := url.Parse(c.articlesOf(1, "2018", ""))
	if err != nil {
		t.Fatal(err)
	}
	v := parseView(u)
	if v.Query != "تلغرام" || !reflect.DeepEqual(v.Compared, []string{"داعش", "تويتر"}) || v.Dates != "2018" || v.Tool != toolResults {
		t.Errorf("the bar leads to %+v", v)
	}
	if !reflect.DeepEqual(c.View.Compared, []string{"تلغرام", "تويتر"}) {
		t.Errorf("the trends' own comparison changed: %v", c.View.Compared)
	}
	if v := parseView(mustURL(t, c.articlesOf(0, "2018", ""))); v.Query != "داعش" || !reflect.DeepEqual(v.Compared, []string{"تلغرام", "تويتر"}) {
		t.Errorf("the main query's bar leads to %+v", v)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// A compare side's source that names no source is offered the sources like
// it: the link's side names the source whole, quoted, taking in the words
// typed after the value that belong to the name.
func TestWithSourceNamesTheSourceWhole(t *testing.T) {
	for _, tc := range []struct{ side, value, name, want string }{
		{"source:الجزيرة", "الجزيرة", "صحيفة الجزيرة", `source:"صحيفة الجزيرة"`},
		{"source:الشرق الأوسط", "الشرق", "الشرق الأوسط", `source:"الشرق الأوسط"`},
		{"داعش source:الوفد date:2015", "الوفد", "بوابة الوفد", `داعش source:"بوابة الوفد" date:2015`},
		{"source:الشرق تويتر", "الشرق", "الشرق الأوسط", `source:"الشرق الأوسط" تويتر`},
	} {
		if got := withSource(tc.side, tc.value, tc.name); got != tc.want {
			t.Errorf("withSource(%q, %q, %q) = %q, want %q", tc.side, tc.value, tc.name, got, tc.want)
		}
	}
}

// Counted nouns agree with their number: "رُتّب أول 504 مواضع", "501 موضع".
func TestTheSortedLinesNoteCountsInArabic(t *testing.T) {
	w := arabic.w()
	for n, want := range map[int]string{504: "أول 504 مواضع فقط", 501: "أول 501 موضع فقط", 520: "أول 520 موضعًا فقط", 2: "أول موضعين فقط"} {
		if got := w.sortPartial(n); !strings.Contains(got, want) {
			t.Errorf("sortPartial(%d) = %q, want %q", n, got, want)
		}
	}
}

// A compared line whose peak is a twentieth of the chart's or less is
// named, with the way to see it: alone, or in the table.
func TestTrendsNamesALineTheScaleFlattens(t *testing.T) {
	series := func(q string, counts ...int) explore.Series {
		return explore.Series{Query: q, Counts: counts, PerTenThousand: make([]float64, len(counts))}
	}
	c := &Trends{Lang: arabic, View: view{Query: "داعش", Tool: toolTrends, Compared: []string{"تلغرام", "تويتر"}},
		Result: &explore.TrendsResult{Series: []explore.Series{series("داعش", 3910, 200), series("تلغرام", 12, 44), series("تويتر", 300, 20)}}}
	got := app.HTMLString(c.renderDwarfed())
	if strings.Count(got, `class="note dwarfed"`) != 1 || !strings.Contains(got, "«تلغرام»") || !strings.Contains(got, "44") {
		t.Errorf("the notes: %s", got)
	}
	if !strings.Contains(got, "q="+url.QueryEscape("تلغرام")) || !strings.Contains(got, "table") {
		t.Errorf("the note's links: %s", got)
	}
	c.Result.Series[1] = series("تلغرام", 150, 300)
	if c.renderDwarfed() != nil {
		t.Error("a line at a thirteenth of the peak is said to be flattened")
	}
}
