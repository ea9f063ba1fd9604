package explore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/ingest"
	"marsad/internal/search"
	"marsad/internal/testcorpus"
)

// The small corpus the tests count in. تويتر occurs (as تويتر, وتويتر,
// بتويتر) three times in the text of a (March 2016), once in the text and
// once in the title of b (May 2017), twice in d, dated only to the year
// 2016, and once in c, undated; e (April 2016) does not have it.
var twitterDocs = []corpus.Document{
	{ID: "a", Title: "حسابات مغلقة", Date: "2016-03-10", Source: "S1", URL: "https://example.org/a",
		Text: "أغلق تويتر حسابات كثيرة. وقال باحث إن وتويتر يعمل.\nنشر الخبر بتويتر أمس."},
	{ID: "b", Title: "خبر عن تويتر", Date: "2017-05-02", Source: "S2",
		Text: "ظهر تويتر جديد في السوق."},
	{ID: "c", Title: "بلا تاريخ", Source: "S1",
		Text: "كان تويتر هنا."},
	{ID: "d", Title: "سنة فقط", Date: "2016", Source: "S2",
		Text: "تويتر منصة. ويستعمل الناس تويتر كثيرا."},
	{ID: "e", Title: "لا شيء", Date: "2016-04-01", Source: "S1",
		Text: "لا شيء هنا عن المنصات الأخرى."},
}

// engineOf indexes documents and opens them as the browser does.
func engineOf(t testing.TB, docs []corpus.Document) *search.Engine {
	t.Helper()
	b, err := index.Build(index.Options{}, docs)
	if err != nil {
		t.Fatal(err)
	}
	e, err := search.Open(b.Fetcher(), b.Root)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func docWordsOf(t testing.TB, e *search.Engine, id string) int {
	t.Helper()
	n, ok, err := e.Index().DocNum(id)
	if err != nil || !ok {
		t.Fatalf("no document %s: %v", id, err)
	}
	return docWords(e.Index(), int32(n))
}

func TestConcordanceCountsEveryOccurrenceAndPagesInDocumentOrder(t *testing.T) {
	e := engineOf(t, twitterDocs)
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Text occurrences only: 3 (a) + 1 (b) + 1 (c) + 2 (d); b's title is not a line.
	if c.Total != 7 || c.Docs != 4 {
		t.Fatalf("Total %d, Docs %d; want 7 and 4", c.Total, c.Docs)
	}
	var got []string
	for _, l := range c.Lines {
		got = append(got, l.DocID+":"+l.Match)
	}
	want := "b:تويتر a:تويتر a:وتويتر a:بتويتر d:تويتر d:تويتر c:تويتر"
	if strings.Join(got, " ") != want {
		t.Errorf("lines\n got %s\nwant %s (newest article first, then text order)", strings.Join(got, " "), want)
	}
	// A page reads only its own articles: lines 2–4 are a's last two and
	// d's first.
	page, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Offset: 2, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, l := range page.Lines {
		got = append(got, l.DocID+":"+l.Match)
	}
	if strings.Join(got, " ") != "a:وتويتر a:بتويتر d:تويتر" || page.DocsRead != 2 || page.Total != 7 {
		t.Errorf("page 2–4: %v, read %d articles, total %d; want a:وتويتر a:بتويتر d:تويتر, 2, 7", got, page.DocsRead, page.Total)
	}
}

func TestConcordanceLineIsTheHitWithItsWordsInReadingOrder(t *testing.T) {
	e := engineOf(t, twitterDocs)
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Width: 2})
	if err != nil {
		t.Fatal(err)
	}
	var line *Line
	for i := range c.Lines {
		if c.Lines[i].DocID == "a" && c.Lines[i].Match == "بتويتر" {
			line = &c.Lines[i]
		}
	}
	if line == nil {
		t.Fatal("no line for بتويتر in a")
	}
	doc := twitterDocs[0]
	if doc.Text[line.Start:line.End] != "بتويتر" {
		t.Errorf("offsets %d–%d give %q, want the hit", line.Start, line.End, doc.Text[line.Start:line.End])
	}
	// The paragraph break becomes a space; the full stop after the last
	// word of the context is outside it.
	if line.Before != "نشر الخبر" || line.After != "أمس" {
		t.Errorf("before %q after %q; want %q and %q", line.Before, line.After, "نشر الخبر", "أمس")
	}
	if line.Title != doc.Title || line.Source != "S1" || line.Date != "2016-03-10" || line.URL != doc.URL {
		t.Errorf("line's article: %+v", line)
	}
	// Hit numbers the reader's highlights: بتويتر is a's third.
	spans, _, err := e.Highlights("a", search.Request{Query: "تويتر"})
	if err != nil {
		t.Fatal(err)
	}
	if line.Hit != 2 || spans[line.Hit].Start != line.Start {
		t.Errorf("Hit %d (spans %v); want 2, the span at the line's start", line.Hit, spans)
	}
	width1, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Width: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range width1.Lines {
		if l.DocID == "a" && l.Match == "وتويتر" && (l.Before != "إن" || l.After != "يعمل") {
			t.Errorf("width 1: before %q after %q; want إن and يعمل", l.Before, l.After)
		}
	}
}

// A page past the last line (an old link, an edited address) is empty, in
// every order, and says how many lines there are.
func TestAConcordancePagePastTheEndIsEmpty(t *testing.T) {
	e := engineOf(t, twitterDocs)
	for _, order := range ConcordanceSorts {
		for _, offset := range []int{7, 8, 20, 1 << 30} {
			c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Sort: order, Offset: offset, Limit: 5})
			if err != nil || len(c.Lines) != 0 || c.Total != 7 {
				t.Errorf("%q from line %d: %d lines of %d, %v; want none of 7", order, offset, len(c.Lines), c.Total, err)
			}
		}
	}
}

// A sorted concordance lists the lines of document order, each with the
// same Hit (the reader's highlight it opens at), on every page.
func TestEveryOrderListsTheSameLines(t *testing.T) {
	e := engineOf(t, twitterDocs)
	req := search.Request{Query: "تويتر OR بتويتر"}
	doc, err := Concordance(e, req, ConcordanceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	key := func(l Line) string { return l.DocID + "@" + itoa(l.Start) }
	want := map[string]Line{}
	for _, l := range doc.Lines {
		want[key(l)] = l
	}
	for _, order := range ConcordanceSorts[1:] {
		seen := 0
		for offset := 0; offset < doc.Total; offset += 3 {
			page, err := Concordance(e, req, ConcordanceOptions{Sort: order, Offset: offset, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range page.Lines {
				seen++
				if w, ok := want[key(l)]; !ok || w != l {
					t.Errorf("%s, page at %d: %+v; in document order %+v", order, offset, l, w)
				}
			}
		}
		if seen != doc.Total {
			t.Errorf("%s: %d lines over the pages, %d in document order", order, seen, doc.Total)
		}
	}
}

func TestConcordanceSortsByTheFoldedWordAfter(t *testing.T) {
	e := engineOf(t, twitterDocs)
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Sort: SortAfter1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Sorted != 7 || c.Partial || len(c.Lines) != 7 {
		t.Fatalf("sorted %d of %d lines, partial %v; want all 7", c.Sorted, len(c.Lines), c.Partial)
	}
	prev := ""
	for _, l := range c.Lines {
		first := strings.Fields(l.After)
		if len(first) == 0 {
			t.Fatalf("line without a word after: %+v", l)
		}
		toks := arabic.Analyze(first[0])
		key := toks[0].Term
		if key == "" {
			key = toks[0].Norm
		}
		if key < prev {
			t.Errorf("after1 order: %q after %q", key, prev)
		}
		prev = key
	}
	// The hit form sorts by its term: all seven are تويتر, so ties keep
	// document order.
	byHit, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Sort: SortHit, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(byHit.Lines) != 2 || byHit.Offset != 0 {
		t.Fatalf("a page of 2: %d lines", len(byHit.Lines))
	}
}

func TestConcordanceSortIsBoundedAndSaysSo(t *testing.T) {
	e := engineOf(t, twitterDocs)
	// Two lines: b's one and a's three, the article holding the second.
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Sort: SortBefore1, SortLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if c.Sorted != 4 || !c.Partial || c.Total != 7 || c.DocsRead != 2 {
		t.Errorf("sorted %d, partial %v, total %d, read %d; want 4, true, 7, 2", c.Sorted, c.Partial, c.Total, c.DocsRead)
	}
}

func TestConcordanceRefusesWhatItCannotDo(t *testing.T) {
	e := engineOf(t, twitterDocs)
	if _, err := Concordance(e, search.Request{Query: "source:S1"}, ConcordanceOptions{}); err != ErrNoQuery {
		t.Errorf("a query of filters only: %v, want ErrNoQuery", err)
	}
	if _, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Sort: "left"}); err == nil {
		t.Error("an unknown sort order was accepted")
	}
}

func TestConcordanceCountsAPhraseOnce(t *testing.T) {
	e := engineOf(t, []corpus.Document{{ID: "x", Date: "2020-01-05",
		Text: "قال تنظيم الدولة إن تنظيم الدولة باق. ثم تنظيم آخر."}})
	c, err := Concordance(e, search.Request{Query: `"تنظيم الدولة"`}, ConcordanceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Total != 2 || len(c.Lines) != 2 {
		t.Fatalf("total %d, %d lines; want 2 and 2", c.Total, len(c.Lines))
	}
	// The second line opens the reader at the second occurrence (&hit=2),
	// not at the third highlighted word: the reader steps by occurrence.
	if c.Lines[0].Match != "تنظيم الدولة" || c.Lines[0].Hit != 0 || c.Lines[1].Hit != 1 {
		t.Errorf("lines %+v; want the whole phrase as the match, the second line the second occurrence", c.Lines)
	}
}

func TestConcordanceListsAnEntitysMentionOnce(t *testing.T) {
	e := engineOf(t, []corpus.Document{
		{ID: "a", Date: "2018-10-20", Text: "أفرج تنظيم داعش الإرهابي عن رهائن، وقال تنظيم الدولة الإسلامية في العراق والشام إن داعش باق."},
		{ID: "b", Date: "2018-10-19", Title: "داعش على تويتر", Text: "حسابات الدولة الإسلامية على تويتر."},
	})
	c, err := Concordance(e, search.Request{Query: "داعش", Aliases: true}, ConcordanceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range c.Lines {
		got = append(got, l.Match)
	}
	// One line a mention: "تنظيم داعش" was also a line of داعش, and the
	// long name a line for each of its four names.
	want := []string{"تنظيم داعش", "تنظيم الدولة الإسلامية", "داعش", "الدولة الإسلامية"}
	if c.Total != len(want) || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%d occurrences, lines %q; want %q", c.Total, got, want)
	}
	// The title's mention is counted apart: trends counts it, a line has
	// only the text.
	if c.InTitles != 1 {
		t.Errorf("%d mentions in titles, want 1", c.InTitles)
	}
}

func TestTrendsCountsByMonthHonouringDatePrecision(t *testing.T) {
	e := engineOf(t, twitterDocs)
	tr, err := Trends(e, []search.Request{{Query: "تويتر"}}, TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 2016-01-01 (d's first day) to 2017-05-02: over 92 days, under five
	// years: by month, January 2016 to May 2017.
	if tr.Unit != UnitMonth || len(tr.Buckets) != 17 || tr.Buckets[0].Label != "2016-01" || tr.Buckets[16].Label != "2017-05" {
		t.Fatalf("unit %s, %d buckets from %v", tr.Unit, len(tr.Buckets), tr.Buckets)
	}
	s := tr.Series[0]
	at := func(label string) int {
		for i, b := range tr.Buckets {
			if b.Label == label {
				return i
			}
		}
		t.Fatalf("no bucket %s", label)
		return -1
	}
	march, may, jan, april := at("2016-03"), at("2017-05"), at("2016-01"), at("2016-04")
	if s.Counts[march] != 3 || s.Counts[may] != 2 || s.Counts[jan] != 0 || s.Counts[april] != 0 {
		t.Errorf("counts March 2016 %d, May 2017 %d, January 2016 %d, April 2016 %d; want 3, 2 (title too), 0 (a year is not a January), 0",
			s.Counts[march], s.Counts[may], s.Counts[jan], s.Counts[april])
	}
	if len(s.Coarse) != 1 || s.Coarse[0].Label != "2016" || s.Coarse[0].Count != 2 || s.Coarse[0].Docs != 1 {
		t.Errorf("coarse %+v; want d's 2 under 2016", s.Coarse)
	}
	if s.Undated.Count != 1 || s.Undated.Docs != 1 || s.Total != 8 || s.TotalDocs != 4 {
		t.Errorf("undated %+v, total %d in %d; want 1 in 1, 8 in 4", s.Undated, s.Total, s.TotalDocs)
	}
	wa, we := docWordsOf(t, e, "a"), docWordsOf(t, e, "e")
	if s.Words[march] != wa || s.Words[april] != we || tr.Buckets[april].Docs != 1 {
		t.Errorf("words March %d, April %d; want a's %d and e's %d", s.Words[march], s.Words[april], wa, we)
	}
	if want := 3 * 10000 / float64(wa); math.Abs(s.PerTenThousand[march]-want) > 1e-9 {
		t.Errorf("per 10,000 in March: %v, want %v", s.PerTenThousand[march], want)
	}
	if tr.Buckets[march].DateFilter != "2016-03" {
		t.Errorf("date filter %q", tr.Buckets[march].DateFilter)
	}
	// By source: S1 has a (3) and c (1), S2 b (2) and d (2).
	bySource := map[string]int{}
	for _, c := range s.BySource {
		bySource[c.Label] = c.Count
	}
	if bySource["S1"] != 4 || bySource["S2"] != 4 || len(bySource) != 2 {
		t.Errorf("by source %v", bySource)
	}
}

func TestTrendsUnitFollowsTheSpanAndFilters(t *testing.T) {
	e := engineOf(t, twitterDocs)
	// By year, d's 2016 is in 2016.
	tr, err := Trends(e, []search.Request{{Query: "تويتر"}, {Query: "حسابات"}}, TrendOptions{Unit: UnitYear})
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Buckets) != 2 || tr.Series[0].Counts[0] != 5 || tr.Series[0].Counts[1] != 2 || len(tr.Series[0].Coarse) != 0 {
		t.Errorf("by year: buckets %v, counts %v, coarse %v; want 2016: 5, 2017: 2", tr.Buckets, tr.Series[0].Counts, tr.Series[0].Coarse)
	}
	if tr.Series[1].Counts[0] != 2 {
		t.Errorf("حسابات in 2016: %d, want 2 (a's text and title)", tr.Series[1].Counts[0])
	}
	// Within March and April 2016 (a and e), by day.
	tr, err = Trends(e, []search.Request{{Query: "تويتر date:2016-03..2016-04"}}, TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Unit != UnitDay || tr.Buckets[0].Label != "2016-03-10" || len(tr.Buckets) != 23 || tr.Series[0].Counts[0] != 3 {
		t.Errorf("by day: %s, %d buckets from %v, counts %v", tr.Unit, len(tr.Buckets), tr.Buckets[0], tr.Series[0].Counts)
	}
	if _, err := Trends(e, make([]search.Request, 6), TrendOptions{}); err == nil {
		t.Error("six queries were accepted")
	}
}

func TestTrendsSaysWhenTwoQueriesFindTheSameOccurrences(t *testing.T) {
	docs := []corpus.Document{
		{ID: "a", Date: "2016-03-10", Text: "أغلق تويتر حسابات داعش وتنظيم الدولة الإسلامية"},
		{ID: "b", Date: "2016-05-01", Text: "حسابات ISIS على تويتر"},
		{ID: "c", Date: "2017-01-01", Text: "داعش يخسر حساباته"},
	}
	e := engineOf(t, docs)
	// With the entity's other names, ISIS and داعش find the same
	// occurrences: their lines are one, and the second says whose it is.
	tr, err := Trends(e, []search.Request{{Query: "داعش", Aliases: true}, {Query: "تويتر", Aliases: true}, {Query: "ISIS", Aliases: true}}, TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{tr.Series[0].SameAs, tr.Series[1].SameAs, tr.Series[2].SameAs}; !slices.Equal(got, []int{-1, -1, 0}) {
		t.Errorf("SameAs %v, want ISIS the same as داعش and nothing else", got)
	}
	// Without them, each searches its own word.
	tr, err = Trends(e, []search.Request{{Query: "داعش"}, {Query: "ISIS"}}, TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Series[1].SameAs != -1 {
		t.Errorf("without the other names, ISIS is still the same as داعش")
	}
}

func TestWordFormsCountsTheFormsInTheSelection(t *testing.T) {
	e := engineOf(t, twitterDocs)
	forms, err := WordForms(e, search.Request{Query: "تويتر date:2016"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, f := range forms {
		got[f.Form] = [2]int{f.Count, f.Docs}
		if f.Query != "="+f.Form {
			t.Errorf("query of %s: %q", f.Form, f.Query)
		}
	}
	// a and d are in 2016 (d filed under 2016-01-01).
	want := map[string][2]int{"تويتر": {3, 2}, "وتويتر": {1, 1}, "بتويتر": {1, 1}}
	if len(got) != len(want) {
		t.Fatalf("forms %v, want %v", got, want)
	}
	for f, n := range want {
		if got[f] != n {
			t.Errorf("%s: %v, want %v", f, got[f], n)
		}
	}
	if forms[0].Form != "تويتر" || forms[0].CorpusCount != 6 {
		t.Errorf("first form %+v; want تويتر, 6 in the whole corpus", forms[0])
	}
}

func TestWordListCountsTermsWithoutStopWords(t *testing.T) {
	e := engineOf(t, twitterDocs)
	wl, err := WordList(e, search.Request{}, WordListOptions{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if wl.Docs != 5 || wl.DocsRead != 5 || wl.Sampled {
		t.Fatalf("docs %d read %d sampled %v", wl.Docs, wl.DocsRead, wl.Sampled)
	}
	counts := map[string]int{}
	for _, w := range wl.List {
		counts[w.Key] = w.Count
	}
	if wl.List[0].Key != "تويتر" || wl.List[0].Count != 8 || wl.List[0].Form != "تويتر" || wl.List[0].Term != "تويتر" {
		t.Errorf("first word %+v; want تويتر 8 times", wl.List[0])
	}
	for _, stop := range []string{"ان", "عن", "في", "هنا"} {
		if _, ok := counts[stop]; ok {
			t.Errorf("stop word %s listed", stop)
		}
	}
	sampled, err := WordList(e, search.Request{}, WordListOptions{MaxDocs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !sampled.Sampled || sampled.DocsRead != 2 || sampled.Docs != 5 {
		t.Errorf("sampled: %v, read %d of %d", sampled.Sampled, sampled.DocsRead, sampled.Docs)
	}
}

func TestCollocatesFindTheWordBesideTheQuery(t *testing.T) {
	var docs []corpus.Document
	for i := range 6 {
		docs = append(docs, corpus.Document{ID: "n" + itoa(i), Date: "2020-01-0" + itoa(i+1),
			Text: "في الصباح أعلن الجيش النظامي تقدمه. ثم عاد الهدوء والسكون إلى المدينة الكبيرة مساء ذلك اليوم الطويل جدا."})
	}
	e := engineOf(t, docs)
	res, err := Collocates(e, search.Request{Query: "الجيش"}, CollocateOptions{Window: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Occurrences != 6 || res.DocsRead != 6 || res.Sampled {
		t.Fatalf("%d occurrences in %d articles", res.Occurrences, res.DocsRead)
	}
	byTerm := map[string]Collocate{}
	for _, c := range res.Collocates {
		byTerm[c.Key] = c
	}
	nizami := byTerm[arabic.Analyze("النظامي")[0].Term]
	if nizami.Count != 6 || nizami.After != 6 || nizami.Freq != 6 || !nizami.PairIsPhrase || nizami.Pair != `"الجيش النظامي"` {
		t.Errorf("النظامي: %+v; want 6 after, a phrase", nizami)
	}
	if toks := arabic.Analyze(nizami.Term); len(toks) != 1 || toks[0].Term != nizami.Key {
		t.Errorf("searching %q does not find the index term %q", nizami.Term, nizami.Key)
	}
	// A window of two words each side holds الصباح أعلن before and
	// النظامي تقدمه after: G² is that of the 2×2 table the counts make.
	// The articles read have 13 words each besides الجيش and its stop
	// words (في ثم إلى ذلك).
	if res.Words != 6*4 || res.WordsRead != 6*13 {
		t.Errorf("%d words in windows, %d read; want 24 and 78", res.Words, res.WordsRead)
	}
	n, r1 := float64(res.WordsRead), float64(res.Words)
	if want := LogLikelihood(6, r1-6, 0, n-r1); math.Abs(nizami.LogLikelihood-want) > 1e-9 {
		t.Errorf("G² %v, want %v", nizami.LogLikelihood, want)
	}
	if _, ok := byTerm[arabic.Analyze("المدينة")[0].Term]; ok {
		t.Error("a word outside every window is a collocate")
	}
}

// A collocate's Near query finds the articles where the two words stand
// within the window, the co-occurrences its count is made of.
func TestACollocatesNearQuerySearchesThePairWithinTheWindow(t *testing.T) {
	docs := []corpus.Document{
		{ID: "near1", Date: "2020-01-01", Text: "أعلن الجيش أمس تقدمه في الشمال."},
		{ID: "near2", Date: "2020-01-02", Text: "تقدمه أعلنه الجيش ذلك اليوم."},
		{ID: "near3", Date: "2020-01-03", Text: "قال الجيش إن تقدمه مستمر."},
		{ID: "far", Date: "2020-01-04", Text: "الجيش في الشمال والجنوب والشرق والغرب منذ أشهر طويلة وبعدها جاء تقدمه."},
	}
	e := engineOf(t, docs)
	res, err := Collocates(e, search.Request{Query: "الجيش"}, CollocateOptions{Window: 3, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	var col *Collocate
	for i, c := range res.Collocates {
		if c.Key == arabic.Analyze("تقدمه")[0].Term {
			col = &res.Collocates[i]
		}
	}
	if col == nil || col.Count != 3 {
		t.Fatalf("تقدمه: %+v; want 3 co-occurrences within 3 words", col)
	}
	if want := `"الجيش تقدمه"~3`; col.Near != want {
		t.Errorf("Near %q, want %q", col.Near, want)
	}
	found, err := e.Search(search.Request{Query: col.Near, NoPartial: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range found.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	if want := []string{"near1", "near2", "near3"}; !slices.Equal(ids, want) {
		t.Errorf("%s finds %v, want %v (far has the two words 13 apart)", col.Near, ids, want)
	}
	// A query of several words has no Near: proximity takes words.
	res, err = Collocates(e, search.Request{Query: "الجيش OR الشمال"}, CollocateOptions{Window: 3, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Collocates {
		if c.Near != "" {
			t.Errorf("%s: Near %q for a query of alternatives", c.Form, c.Near)
		}
	}
}

func TestCompareFindsEachSidesWords(t *testing.T) {
	var docs []corpus.Document
	for i := range 4 {
		docs = append(docs,
			corpus.Document{ID: "x" + itoa(i), Source: "X", Date: "2015-02-0" + itoa(i+1), Text: "الانتخابات البرلمانية تويتر والبرلمان والانتخابات."},
			corpus.Document{ID: "y" + itoa(i), Source: "Y", Date: "2016-02-0" + itoa(i+1), Text: "المباراة انتهت بفوز الفريق تويتر تويتر."})
	}
	e := engineOf(t, docs)
	c, err := Compare(e, search.Request{Sources: []string{"X"}}, search.Request{Query: "date:2016"}, "تويتر", CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.A.Docs != 4 || c.B.Docs != 4 || c.A.QueryCount.Count != 4 || c.B.QueryCount.Count != 8 {
		t.Errorf("sides %+v / %+v; want 4 articles each, تويتر 4 and 8 times", c.A, c.B)
	}
	if want := rate(8, c.B.Words); c.B.QueryCount.PerTenThousand != want {
		t.Errorf("rate in B %v, want %v", c.B.QueryCount.PerTenThousand, want)
	}
	if len(c.DistinctiveA) == 0 || c.DistinctiveA[0].Key != arabic.Analyze("الانتخابات")[0].Term {
		t.Fatalf("distinctive of A: %+v", c.DistinctiveA)
	}
	k := c.DistinctiveA[0]
	na, nb := float64(c.A.WordsRead), float64(c.B.WordsRead)
	if k.CountA != 8 || k.CountB != 0 || k.LogRatio != LogRatio(8, na, 0, nb) || k.LogLikelihood != LogLikelihood(8, na-8, 0, nb) {
		t.Errorf("%+v", k)
	}
	for _, k := range c.DistinctiveB {
		if k.Key == arabic.Analyze("الانتخابات")[0].Term {
			t.Error("A's word listed for B")
		}
	}
}

func TestLogLikelihoodIsDunningsG2(t *testing.T) {
	// A word 10 times in 100 words of a target, 20 times in 900 of a
	// reference: expected 3, 97, 27 and 873.
	want := 2 * (10*math.Log(10.0/3) + 90*math.Log(90.0/97) + 20*math.Log(20.0/27) + 880*math.Log(880.0/873))
	if got := LogLikelihood(10, 90, 20, 880); math.Abs(got-want) > 1e-9 {
		t.Errorf("G² %v, want %v", got, want)
	}
	if got := LogLikelihood(5, 95, 50, 950); math.Abs(got) > 1e-9 {
		t.Errorf("equal rates: G² %v, want 0", got)
	}
	// 4 in 1,000 against none in 2,000: 0.5 stands for the none, 16 times.
	if got := LogRatio(4, 1000, 0, 2000); math.Abs(got-4) > 1e-12 {
		t.Errorf("log ratio %v, want 4", got)
	}
}

func TestTablesWriteCSVWithBOMAndJSONObjects(t *testing.T) {
	tb := table([]string{"id", "text", "count"}, "count")
	tb.Rows = [][]string{{"a", `قال "نعم", ثم <ذهب>`, "3"}, {"b", "", ""}}
	var csvOut bytes.Buffer
	if err := tb.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFid,text,count\r\na,\"قال \"\"نعم\"\", ثم <ذهب>\",3\r\nb,,\r\n"
	if csvOut.String() != want {
		t.Errorf("CSV\n%q\nwant\n%q", csvOut.String(), want)
	}
	var jsonOut bytes.Buffer
	tb.Of = 7
	about := About{View: "kwic", Query: "تويتر", Filters: []string{"source:الجزيرة"}, OtherNames: true,
		Bundle: "corpus-0123.mrsd", Articles: 5, Link: "https://example.org/?view=kwic&q=x", Exported: time.Date(2026, 12, 2, 14, 0, 0, 0, time.UTC)}
	if err := tb.WriteJSON(&jsonOut, about); err != nil {
		t.Fatal(err)
	}
	var file struct {
		About map[string]any   `json:"about"`
		Rows  []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(jsonOut.Bytes(), &file); err != nil {
		t.Fatalf("%v in %s", err, jsonOut.String())
	}
	rows := file.Rows
	if len(rows) != 2 || rows[0]["text"] != `قال "نعم", ثم <ذهب>` || rows[0]["count"] != 3.0 || rows[1]["count"] != nil {
		t.Errorf("JSON rows %v", rows)
	}
	// The file says what it is of, and that it holds 2 rows of 7.
	a := file.About
	if a["view"] != "kwic" || a["query"] != "تويتر" || fmt.Sprint(a["filters"]) != "[source:الجزيرة]" || a["other_names"] != "on" ||
		a["bundle"] != "corpus-0123.mrsd" || a["articles"] != 5.0 || a["link"] != about.Link ||
		a["exported"] != "2026-12-02T14:00:00Z" || a["rows"] != 2.0 || a["rows_in_view"] != 7.0 {
		t.Errorf("JSON about %v", a)
	}
	if !strings.Contains(jsonOut.String(), "<ذهب>") {
		t.Error("JSON escapes < and >: a spreadsheet or a reader sees \\u003c")
	}
	// A whole table has no rows_in_view, and the command line no link.
	jsonOut.Reset()
	tb.Of = 0
	if err := tb.WriteJSON(&jsonOut, About{View: "kwic"}); err != nil || strings.Contains(jsonOut.String(), "rows_in_view") || strings.Contains(jsonOut.String(), "link") {
		t.Errorf("a whole table without a link: %s (%v)", jsonOut.String(), err)
	}
}

func TestConcordanceTableCarriesTheArticleAndOffsets(t *testing.T) {
	e := engineOf(t, twitterDocs)
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	tb := c.Table()
	if strings.Join(tb.Columns, ",") != "id,title,source,date,url,hit,start,end,before,match,after" || len(tb.Rows) != 2 {
		t.Fatalf("columns %v, %d rows", tb.Columns, len(tb.Rows))
	}
	l := c.Lines[1]
	row := tb.Rows[1]
	if row[0] != l.DocID || row[4] != l.URL || row[5] != itoa(l.Hit+1) || row[6] != itoa(l.Start) || row[9] != l.Match {
		t.Errorf("row %v for line %+v", row, l)
	}
}

// newsSample is an engine over the committed sample of 300 news articles.
func newsSample(t *testing.T) *search.Engine {
	t.Helper()
	res, err := ingest.Load(testcorpus.NewsSample(), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return engineOf(t, res.Documents)
}

// The concordance's exact count comes from the postings and its lines from
// the texts: the two must agree, article by article, or pages would skip
// or repeat lines.
func TestLinesAgreeWithThePostingsCounts(t *testing.T) {
	e := newsSample(t)
	for _, q := range []string{"الحكومة", "وزير", `"الأمم المتحدة"`, "=الرئيس", "اقتص*", "الولايات OR روسيا", "داعش", "سوريا -العراق"} {
		for _, aliases := range []bool{false, true} {
			o, err := occurrences(e, search.Request{Query: q, Aliases: aliases})
			if err != nil {
				t.Fatal(err)
			}
			docs, err := e.Index().Docs(o.Docs)
			if err != nil {
				t.Fatal(err)
			}
			for k, doc := range docs {
				text := len(o.Mark(doc.Text, nil).Occurrences)
				title := len(o.Mark(doc.Title, nil).Occurrences)
				if text != int(o.Text[k]) || title != int(o.Title[k]) {
					t.Errorf("%s (aliases %v) in %s: %d lines in the text, %d in the title; the index counts %d and %d",
						q, aliases, doc.ID, text, title, o.Text[k], o.Title[k])
				}
			}
		}
	}
}

func TestConcordanceSortsBeforeWordsByTermInArabicOrder(t *testing.T) {
	// The word before تويتر: بالموقع and الموقع fold to موقع; أمس (امس)
	// comes before زيد, and زيد before موقع, in the Arabic alphabet.
	e := engineOf(t, []corpus.Document{
		{ID: "1", Date: "2020-01-04", Text: "قال بالموقع تويتر شيئا."},
		{ID: "2", Date: "2020-01-03", Text: "كتب زيد تويتر أيضا."},
		{ID: "3", Date: "2020-01-02", Text: "عاد الموقع تويتر للعمل."},
		{ID: "4", Date: "2020-01-01", Text: "حدث أمس تويتر فجأة."},
	})
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Sort: SortBefore1, Width: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range c.Lines {
		got = append(got, l.Before)
	}
	if want := "أمس زيد بالموقع الموقع"; strings.Join(got, " ") != want {
		t.Errorf("sorted by the word before: %v, want %s (clitics folded, ties in document order)", got, want)
	}
}

func TestConcordanceKeepsLatinDigitsAndHashtagsAsWritten(t *testing.T) {
	e := engineOf(t, []corpus.Document{{ID: "x", Date: "2019-05-05",
		Text: "نشر @user_1 على Twitter يوم 12/5 وسم #داعش_الإرهابي ثم تويتر COVID-19 في 2019 و#سوريا ختاما."}})
	c, err := Concordance(e, search.Request{Query: "تويتر"}, ConcordanceOptions{Width: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Lines) != 1 {
		t.Fatalf("%d lines", len(c.Lines))
	}
	l := c.Lines[0]
	// Three words each side; a hashtag is one word, and everything is as
	// written, in reading order.
	if l.Before != "وسم #داعش_الإرهابي ثم" || l.After != "COVID-19 في 2019" {
		t.Errorf("before %q after %q", l.Before, l.After)
	}
}

func TestResultsTableHasEachHitsArticle(t *testing.T) {
	e := engineOf(t, twitterDocs)
	res, err := e.Search(search.Request{Query: "حسابات", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	tb := ResultsTable(res.Hits)
	if strings.Join(tb.Columns, ",") != "id,title,source,date,url,score,matches" || len(tb.Rows) != 1 {
		t.Fatalf("columns %v, rows %v", tb.Columns, tb.Rows)
	}
	if row := tb.Rows[0]; row[0] != "a" || row[4] != "https://example.org/a" || row[6] != "1" {
		t.Errorf("row %v; want a, its URL, one match in its text", row)
	}
}

func TestTrendsTableAccountsForEveryOccurrence(t *testing.T) {
	e := engineOf(t, twitterDocs)
	tr, err := Trends(e, []search.Request{{Query: "تويتر"}}, TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, row := range tr.Table().Rows {
		n, err := strconv.Atoi(row[4])
		if err != nil {
			t.Fatal(err)
		}
		sum += n
	}
	bySource := 0
	for _, row := range tr.SourceTable().Rows {
		n, _ := strconv.Atoi(row[2])
		bySource += n
	}
	if sum != 8 || bySource != 8 {
		t.Errorf("the periods, the coarse dates and the undated hold %d occurrences, the sources %d; want 8 and 8", sum, bySource)
	}
}

// TestASampledTableSaysSoInItsJSON: counts over a sample of the matching
// articles are not the corpus's, and the file says how many were read.
func TestASampledTableSaysSoInItsJSON(t *testing.T) {
	for _, tb := range []Table{(&CollocatesResult{Sampled: true, DocsRead: 100, Docs: 3414}).Table(), (&WordListResult{Sampled: true, DocsRead: 100, Docs: 3414}).Table()} {
		var out bytes.Buffer
		if err := tb.WriteJSON(&out, About{View: "collocates"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), `"articles_read": 100, "articles_matching": 3414`) {
			t.Errorf("a sampled table's JSON: %s", out.String())
		}
	}
	var out bytes.Buffer
	if err := (&CollocatesResult{Docs: 12, DocsRead: 12}).Table().WriteJSON(&out, About{}); err != nil || strings.Contains(out.String(), "articles_read") {
		t.Errorf("a table of every article says it was sampled: %s (%v)", out.String(), err)
	}
}

// The forms of a query of several words are one list, the most frequent
// first, not each word's forms in turn.
func TestWordFormsOfSeveralWordsAreOneListByCount(t *testing.T) {
	e := engineOf(t, []corpus.Document{{ID: "x", Date: "2020-01-05",
		Text: "تويتر لتويتر فيسبوك وفيسبوك وفيسبوك لفيسبوك فيسبوك فيسبوك تويتر."}})
	forms, err := WordForms(e, search.Request{Query: "تويتر OR فيسبوك"})
	if err != nil {
		t.Fatal(err)
	}
	var counts []int
	for _, f := range forms {
		counts = append(counts, f.Count)
	}
	if !slices.IsSortedFunc(counts, func(a, b int) int { return b - a }) || len(counts) != 5 {
		t.Errorf("counts %v of %+v, want five forms, the most frequent first", counts, forms)
	}
}

// A collocate's Near query finds what its count counted: with other names
// on, the co-occurrences of each name of the word (Telegram's spellings),
// since a quoted phrase is never widened to them.
func TestACollocatesNearQueryFindsWhatItCounted(t *testing.T) {
	var docs []corpus.Document
	for i, name := range []string{"تلغرام", "تليغرام", "تيليجرام", "تلغرام"} {
		docs = append(docs, corpus.Document{ID: string(rune('a' + i)), Date: "2018-01-0" + string(rune('1'+i)),
			Text: "أغلق تطبيق " + name + " قنوات كثيرة، وقال مسؤولون إن القنوات كانت تنشر دعاية."})
	}
	e := engineOf(t, docs)
	res, err := Collocates(e, search.Request{Query: "تلغرام", Aliases: true}, CollocateOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(res.Collocates, func(c Collocate) bool { return c.Form == "تطبيق" })
	if i < 0 {
		t.Fatalf("no تطبيق among %+v", res.Collocates)
	}
	c := res.Collocates[i]
	found, err := e.Search(search.Request{Query: c.Near, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if c.Count != 4 || found.Total != 4 {
		t.Errorf("تطبيق counted %d times, its Near query %q finds %d articles; want 4 and 4", c.Count, c.Near, found.Total)
	}
}

// The pair beside a collocate is one of the form the collocate is shown
// by: حسابات, written three times near تلغرام but never beside it, has no
// pair, though حساب, which the analysis joins to it, once stood beside it.
func TestACollocatesPairIsOfTheFormShown(t *testing.T) {
	// Each article goes on well past the window, so that a word near the
	// query is rarer near it than in the rest.
	far := " وفي المدينة القديمة سوق كبير يبيع الخضار والفواكه كل يوم منذ سنوات طويلة ويقصده الناس من القرى المجاورة في الصباح الباكر."
	e := engineOf(t, []corpus.Document{
		{ID: "a", Date: "2018-01-01", Text: "أغلق تلغرام حساب المتحدث أمس." + far},
		{ID: "b", Date: "2018-01-02", Text: "قال تلغرام إنه أغلق حسابات كثيرة." + far},
		{ID: "c", Date: "2018-01-03", Text: "وأعلن تلغرام أنه أوقف حسابات مشبوهة." + far},
		{ID: "d", Date: "2018-01-04", Text: "ونشر تلغرام بيانا عن حسابات الدعاية." + far},
	})
	res, err := Collocates(e, search.Request{Query: "تلغرام"}, CollocateOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(res.Collocates, func(c Collocate) bool { return c.Key == arabic.Analyze("حسابات")[0].Term })
	if i < 0 {
		t.Fatalf("no حساب among %+v", res.Collocates)
	}
	if c := res.Collocates[i]; c.Form != "حسابات" || c.PairIsPhrase {
		t.Errorf("collocate %+v: want the form حسابات and no pair (حساب was the one beside تلغرام)", c)
	}
}
