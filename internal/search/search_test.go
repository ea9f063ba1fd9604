package search

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/index"

	"marsad/internal/testcorpus/seedbundle"
)

const (
	id000 = "000_7fa01f341305d679"
	id001 = "001_c483dde8c62f1c3b"
	id002 = "002_42e37f6622a20da9"
	id003 = "003_86d0032281bea5ec"
	id004 = "004_5f3415fee05059e7"
)

var (
	seedOnce   sync.Once
	seedEngine *Engine
	seedDocs   []corpus.Document
	seedBundle *index.Bundle
	seedErr    error
)

// buildEngine indexes docs into a bundle and opens it, as the browser does.
func buildEngine(docs []corpus.Document) (*Engine, error) {
	bundle, err := index.Build(index.Options{}, docs)
	if err != nil {
		return nil, err
	}
	return Open(bundle.Fetcher(), bundle.Root)
}

// seeds builds (once) an engine over the seed articles, through a bundle
// round trip as in the browser.
func seeds(t testing.TB) *Engine {
	t.Helper()
	seedOnce.Do(func() {
		seedDocs, seedBundle = seedbundle.Docs(t), seedbundle.Bundle(t)
		if seedEngine, seedErr = Open(seedBundle.Fetcher(), seedBundle.Root); seedErr != nil {
			return
		}
		seedErr = seedEngine.LoadEntities()
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedEngine
}

func search(t *testing.T, req Request) *Result {
	t.Helper()
	res, err := seeds(t).Search(req)
	if err != nil {
		t.Fatalf("Search(%+v): %v", req, err)
	}
	checkResult(t, seeds(t), res)
	return res
}

func ids(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return out
}

func wantIDs(t *testing.T, q string, res *Result, want ...string) {
	t.Helper()
	got := ids(res)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("query %q: hits %v, want %v", q, got, want)
	}
	if res.Total != len(want) {
		t.Errorf("query %q: Total %d, want %d", q, res.Total, len(want))
	}
}

// checkResult asserts the invariants every result must hold.
func checkResult(t *testing.T, e *Engine, res *Result) {
	t.Helper()
	for _, h := range res.Hits {
		doc, ok, _ := e.Document(h.ID)
		if !ok {
			t.Fatalf("hit %s is not a document", h.ID)
		}
		checkSpans(t, h.ID+" text", doc.Text, h.Matches)
		checkSpans(t, h.ID+" title", doc.Title, h.TitleMatches)
		checkSpans(t, h.ID+" snippet", h.Snippet.Text, h.Snippet.Marks)
		if n := utf8.RuneCountInString(h.Snippet.Text); n > snippetRunes+2 {
			t.Errorf("%s: snippet has %d characters", h.ID, n)
		}
	}
}

// checkSpans asserts spans are ordered, point at their text, cover whole
// words and no punctuation. A span may start or end between two letters
// only where the tokenizer itself splits the written word: a run-together
// pair (الولاياتالمتحدة) is two words, and either may be the one found.
func checkSpans(t *testing.T, what, text string, spans []Span) {
	t.Helper()
	tokenStarts, tokenEnds := map[int]bool{}, map[int]bool{}
	for _, tok := range arabic.Tokenize(text) {
		tokenStarts[tok.Start], tokenEnds[tok.End] = true, true
	}
	prevEnd := 0
	for _, s := range spans {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
			t.Errorf("%s: span %+v out of order or range", what, s)
			continue
		}
		prevEnd = s.End
		if text[s.Start:s.End] != s.Text {
			t.Errorf("%s: text[%d:%d] = %q, span says %q", what, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		if strings.ContainsAny(s.Text, "«»،,.:\"“”()؟ \n") {
			t.Errorf("%s: span %q contains punctuation or space", what, s.Text)
		}
		if s.Start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:s.Start]); isWordInside(r) && !tokenStarts[s.Start] {
				t.Errorf("%s: span %q starts inside a word (after %q)", what, s.Text, r)
			}
		}
		if s.End < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[s.End:]); isWordInside(r) && !tokenEnds[s.End] {
				t.Errorf("%s: span %q ends inside a word (before %q)", what, s.Text, r)
			}
		}
	}
}

func isWordInside(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func TestWordMatchesStemmedTerm(t *testing.T) {
	res := search(t, Request{Query: "تويتر"})
	wantIDs(t, "تويتر", res, id000, id001, id002, id003)
	for _, h := range res.Hits {
		found := false
		for _, m := range h.Matches {
			if strings.Contains(m.Text, "تويتر") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no match containing تويتر in %v", h.ID, h.Matches)
		}
		if h.Score <= 0 {
			t.Errorf("%s: score %v", h.ID, h.Score)
		}
	}
	if want := arabic.Terms("تويتر"); !reflect.DeepEqual(res.Terms, want) {
		t.Errorf("Terms = %q, want the analyzer's term %q", res.Terms, want)
	}
}

func TestWordDoesNotMatchOtherName(t *testing.T) {
	// 002 calls the group تنظيم الدولة, never داعش.
	wantIDs(t, "داعش", search(t, Request{Query: "داعش"}), id000, id001, id003, id004)
}

func TestPhrase(t *testing.T) {
	res := search(t, Request{Query: `"تنظيم الدولة"`})
	wantIDs(t, "phrase", res, id002)
	h := res.Hits[0]
	if len(h.Matches) < 2 {
		t.Fatalf("phrase matches %v", h.Matches)
	}
	if len(h.TitleMatches) != 2 {
		t.Errorf("title matches %v, want the two words of the phrase", h.TitleMatches)
	}
}

func TestPhraseNeedsAdjacency(t *testing.T) {
	// Both words occur in 004, but never next to each other.
	res := search(t, Request{Query: "تنظيم الدولة"})
	if res.Total < 2 {
		t.Fatalf("words: Total %d", res.Total)
	}
	if r := search(t, Request{Query: `"الدولة تنظيم"`}); r.Total != 0 {
		t.Errorf("reversed phrase matched %v", ids(r))
	}
}

func TestNotExcludes(t *testing.T) {
	wantIDs(t, "تويتر -فيسبوك", search(t, Request{Query: "تويتر -فيسبوك"}), id000, id001, id003)
}

func TestOr(t *testing.T) {
	res := search(t, Request{Query: "تليجرام OR فيسبوك"})
	wantIDs(t, "OR", res, id000, id002)
}

func TestQuerySourceFilter(t *testing.T) {
	e := seeds(t)
	doc, _, _ := e.Document(id002)
	if doc.Source == "" {
		t.Skip("seed 002 has no source")
	}
	res := search(t, Request{Query: "تويتر source:" + `"` + doc.Source + `"`})
	for _, h := range res.Hits {
		if h.Source != doc.Source {
			t.Errorf("hit %s from %q", h.ID, h.Source)
		}
	}
	if res.Total == 0 {
		t.Error("no hits")
	}
}

func TestFacetFilters(t *testing.T) {
	all := search(t, Request{})
	e := seeds(t)
	doc, _, _ := e.Document(id001)
	year := doc.Date[:4]
	res := search(t, Request{Query: "داعش", Years: []string{year}})
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.Date, year) {
			t.Errorf("year filter %s let %s (%s) through", year, h.ID, h.Date)
		}
	}
	if res.Total == 0 {
		t.Errorf("year %s: no hits", year)
	}
	// Drill sideways: year counts ignore the year filter.
	unfiltered := search(t, Request{Query: "داعش"})
	if !reflect.DeepEqual(unselected(res.Facets.Years), unselected(unfiltered.Facets.Years)) {
		t.Errorf("year facets changed with the year filter: %v vs %v", res.Facets.Years, unfiltered.Facets.Years)
	}
	// Source counts honor the year filter.
	total := 0
	for _, v := range res.Facets.Sources {
		total += v.Count
	}
	if total != res.Total {
		t.Errorf("source facet counts sum to %d, Total %d", total, res.Total)
	}
	src := search(t, Request{Sources: []string{doc.Source}})
	for _, h := range src.Hits {
		if h.Source != doc.Source {
			t.Errorf("source filter let %s (%q) through", h.ID, h.Source)
		}
	}
	_ = all
}

// unselected is a facet's values and counts, what they select aside.
func unselected(values []FacetValue) []FacetValue {
	out := slices.Clone(values)
	for i := range out {
		out[i].Selected = false
	}
	return out
}

func TestFacetCounts(t *testing.T) {
	res := search(t, Request{Query: "تويتر"})
	e := seeds(t)
	want := map[string]int{}
	for _, h := range res.Hits {
		d, _, _ := e.Document(h.ID)
		want[d.Source]++
	}
	got := map[string]int{}
	for i, v := range res.Facets.Sources {
		got[v.Value] = v.Count
		if i > 0 {
			p := res.Facets.Sources[i-1]
			if p.Count < v.Count || (p.Count == v.Count && p.Value > v.Value) {
				t.Errorf("facets not sorted: %v", res.Facets.Sources)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("source facets %v, want %v", got, want)
	}
}

func TestSelectedFacetValueStaysListed(t *testing.T) {
	res := search(t, Request{Query: "تويتر", Sources: []string{"no such source"}})
	if res.Total != 0 {
		t.Fatalf("Total %d", res.Total)
	}
	found := false
	for _, v := range res.Facets.Sources {
		if v.Value == "no such source" && v.Count == 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("selected value missing from %v", res.Facets.Sources)
	}
}

func TestEmptyQueryListsAllNewestFirst(t *testing.T) {
	res := search(t, Request{Query: "  "})
	if res.Total != 5 || len(res.Hits) != 5 {
		t.Fatalf("Total %d, hits %d", res.Total, len(res.Hits))
	}
	for i := 1; i < len(res.Hits); i++ {
		a, c := res.Hits[i-1], res.Hits[i]
		if a.Date < c.Date || (a.Date == c.Date && a.ID > c.ID) {
			t.Errorf("order: %s (%s) before %s (%s)", a.ID, a.Date, c.ID, c.Date)
		}
	}
	n := 0
	for _, v := range res.Facets.Years {
		n += v.Count
	}
	if n != 5 {
		t.Errorf("year facets count %d docs", n)
	}
	if res.Hits[0].Snippet.Text == "" {
		t.Error("no snippet for the overview")
	}
}

func TestPaging(t *testing.T) {
	all := search(t, Request{Query: "تويتر"})
	var paged []Hit
	for off := 0; off < all.Total; off += 2 {
		res := search(t, Request{Query: "تويتر", Offset: off, Limit: 2})
		if res.Total != all.Total {
			t.Errorf("Total %d on page at %d", res.Total, off)
		}
		paged = append(paged, res.Hits...)
	}
	if !reflect.DeepEqual(paged, all.Hits) {
		t.Error("pages do not concatenate to the full list")
	}
	if res := search(t, Request{Query: "تويتر", Offset: 99}); len(res.Hits) != 0 || res.Total != all.Total {
		t.Errorf("offset past the end: %d hits, Total %d", len(res.Hits), res.Total)
	}
}

func TestRankingIsByScoreThenID(t *testing.T) {
	res := search(t, Request{Query: "تويتر"})
	for i := 1; i < len(res.Hits); i++ {
		a, c := res.Hits[i-1], res.Hits[i]
		if a.Score < c.Score || (a.Score == c.Score && a.ID > c.ID) {
			t.Errorf("%s (%v) ranked before %s (%v)", a.ID, a.Score, c.ID, c.Score)
		}
	}
}

func TestNoResults(t *testing.T) {
	res := search(t, Request{Query: "كمبيوترخارق"})
	if res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("Total %d", res.Total)
	}
}

func TestStopWordsOnlyFallBackToExactForm(t *testing.T) {
	res := search(t, Request{Query: "على"})
	if res.Total == 0 || res.Total == 5 && len(res.Hits[0].Matches) == 0 {
		t.Errorf("stop-word query: Total %d", res.Total)
	}
	for _, h := range res.Hits {
		if len(h.Matches) == 0 {
			t.Errorf("%s: no highlight for the stop word", h.ID)
		}
	}
	// Besides a real word, the stop word is ignored.
	a := search(t, Request{Query: "تويتر على"})
	b := search(t, Request{Query: "تويتر"})
	if !reflect.DeepEqual(ids(a), ids(b)) {
		t.Errorf("تويتر على = %v, تويتر = %v", ids(a), ids(b))
	}
}

func TestSnippetMarksMatches(t *testing.T) {
	res := search(t, Request{Query: "تويتر"})
	for _, h := range res.Hits {
		if len(h.Snippet.Marks) == 0 {
			t.Errorf("%s: snippet %q has no marks", h.ID, h.Snippet.Text)
		}
	}
}

func TestHighlightEqualsMatches(t *testing.T) {
	e := seeds(t)
	res := search(t, Request{Query: `تويتر OR "تنظيم الدولة"`})
	for _, h := range res.Hits {
		spans, titleSpans, err := e.Highlights(h.ID, Request{Query: `تويتر OR "تنظيم الدولة"`})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(spans, h.Matches) {
			t.Errorf("%s: Highlights %v, Matches %v", h.ID, spans, h.Matches)
		}
		if !reflect.DeepEqual(titleSpans, h.TitleMatches) {
			t.Errorf("%s: Highlights of the title %v, TitleMatches %v", h.ID, titleSpans, h.TitleMatches)
		}
	}
	if _, _, err := e.Highlights("nope", Request{Query: "تويتر"}); err == nil {
		t.Error("Highlight of an unknown ID succeeded")
	}
}

func TestNotTermsAreNotHighlighted(t *testing.T) {
	res := search(t, Request{Query: "داعش -فيسبوك"})
	for _, h := range res.Hits {
		for _, m := range h.Matches {
			if strings.Contains(m.Text, "فيسبوك") {
				t.Errorf("%s: excluded word highlighted", h.ID)
			}
		}
	}
}

// TestPastedSyntaxIsReadAsText: an unclosed quote is a hint, not an empty
// page: the words are searched.
func TestPastedSyntaxIsReadAsText(t *testing.T) {
	res := search(t, Request{Query: `"تنظيم`})
	if res.Total == 0 || len(res.ReadAsText) != 1 || !strings.Contains(res.ReadAsText[0].Msg, "unclosed quote") {
		t.Errorf("got %d hits, read as text %v; want hits and the unclosed quote named", res.Total, res.ReadAsText)
	}
	res = search(t, Request{Query: "- تنظيم"})
	if res.Total == 0 || len(res.ReadAsText) != 0 {
		t.Errorf("a bullet dash: %d hits, read as text %v; want hits, no hint", res.Total, res.ReadAsText)
	}
}

func TestHugeQueryIsCutNotRefused(t *testing.T) {
	res := search(t, Request{Query: strings.Repeat("تويتر ", 20000)})
	if res.Total == 0 || len(res.ReadAsText) != 1 || !strings.Contains(res.ReadAsText[0].Msg, "query too long (max 4096 bytes)") {
		t.Errorf("got %d hits, read as text %v", res.Total, res.ReadAsText)
	}
}

func TestInvalidUTF8Query(t *testing.T) {
	// The bytes become U+FFFD, which ends the Arabic word as any symbol does.
	res := search(t, Request{Query: "تويتر\xff\xfe"})
	if res.Total != 4 {
		t.Errorf("Total %d", res.Total)
	}
	// Not text at all (/?q=%ff%fe): nothing matches, as for any symbol,
	// where reading the bytes as spaces listed the whole corpus.
	for _, q := range []string{"\xff\xfe", "\uFFFD", "★"} {
		if res := search(t, Request{Query: q}); res.Total != 0 {
			t.Errorf("%q: %d hits, want 0", q, res.Total)
		}
	}
}

func TestOpenRejectsGarbage(t *testing.T) {
	_, err := Open(index.MemFetcher{"corpus-x.mrsd": []byte("<!doctype html>")}, "corpus-x.mrsd")
	if err == nil || !strings.HasPrefix(err.Error(), "reading bundle: ") || !errors.Is(err, index.ErrNotBundle) {
		t.Errorf("err = %v", err)
	}
}

func TestBundleSize(t *testing.T) {
	seeds(t)
	t.Logf("bundle for %d seeds: %d files, %d bytes", len(seedDocs), len(seedBundle.Files), seedBundle.Size())
}

// FuzzSearch: any text is a query. Every string gets results or a
// well-formed empty answer, never an error (the seed bundle is whole, so
// no file can fail to read).
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"تويتر", `"تنظيم الدولة"`, "تويتر -فيسبوك", "a OR b", "على", "source:x", "year:2018", "«", "\xff", "=بتويتر", `="تنظيم الدولة"`, "daesh", "dAE$",
		"- أين تقع مصر؟", "ترامب - كيم", `… "ذا العشيرة؟`, "تويتر)", "(داعش", "OR", "-تويتر", "a*b", "date:2018-13", "source:", "="} {
		f.Add(s)
	}
	e := seeds(f)
	f.Fuzz(func(t *testing.T, q string) {
		for _, aliases := range []bool{false, true} {
			res, err := e.Search(Request{Query: q, Limit: 3, Aliases: aliases})
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			checkResult(t, e, res)
			if _, _, err := e.Highlights(id000, Request{Query: q, Aliases: aliases}); err != nil {
				t.Fatalf("Highlight(%q): %v", q, err)
			}
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	e := seeds(b)
	for _, q := range []string{"تويتر", "داعش -فيسبوك", `"تنظيم الدولة"`, ""} {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := e.Search(Request{Query: q, Limit: 10}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestPhraseKeepsStopWordSlots(t *testing.T) {
	// 004: "تنظيم ما يسمى" — ما is a stop word but holds its place.
	res := search(t, Request{Query: `"تنظيم ما يسمى"`})
	wantIDs(t, "phrase with a stop word", res, id004)
	if len(res.Hits) == 1 && len(res.Hits[0].Matches) != 3 {
		t.Errorf("matches %v, want the three words", res.Hits[0].Matches)
	}
	if r := search(t, Request{Query: `"تنظيم في يسمى"`}); r.Total != 0 {
		t.Errorf("another stop word in the slot matched %v", ids(r))
	}
}

func TestQueryYearFilter(t *testing.T) {
	res := search(t, Request{Query: "داعش year:2018"})
	wantIDs(t, "داعش year:2018", res, id001)
}

func TestHighlightCoversTatweel(t *testing.T) {
	// 003 writes لـ«داعش»: the clitic's highlight must include the tatweel.
	res := search(t, Request{Query: `"ل"`})
	found := false
	for _, h := range res.Hits {
		for _, m := range h.Matches {
			if m.Text == "لـ" {
				found = true
			}
		}
	}
	if !found {
		t.Error("no highlight covering لـ")
	}
}

func TestExactForm(t *testing.T) {
	tests := []struct {
		q     string
		want  []string
		marks []string // every highlight of every hit is one of these
	}{
		{q: "=بتويتر"}, // no seed writes بتويتر
		{q: "تويتر", want: []string{id000, id001, id002, id003}, marks: []string{"تويتر", "وتويتر"}},
		{q: "=تويتر", want: []string{id000, id001, id002, id003}, marks: []string{"تويتر"}},
		{q: "=وتويتر", want: []string{id001}, marks: []string{"وتويتر"}},
		{q: "=وتُويتر", want: []string{id001}, marks: []string{"وتويتر"}}, // harakat do not count
		{q: "=لداعش", want: []string{id000, id004}, marks: []string{"لداعش"}},
		{q: `="تنظيم الدولة"`, want: []string{id002}, marks: []string{"تنظيم", "الدولة"}},
		{q: `="لتنظيم الدولة"`, want: []string{id002}, marks: []string{"لتنظيم", "الدولة"}},
		{q: "تويتر -=وتويتر", want: []string{id000, id002, id003}, marks: []string{"تويتر"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := search(t, Request{Query: tt.q})
			wantIDs(t, tt.q, res, tt.want...)
			for _, h := range res.Hits {
				if len(h.Matches) == 0 {
					t.Errorf("%s: no highlight", h.ID)
				}
				for _, m := range h.Matches {
					if !slices.Contains(tt.marks, m.Text) {
						t.Errorf("%s: highlight %q, want one of %q", h.ID, m.Text, tt.marks)
					}
				}
			}
		})
	}
}

func TestWordForms(t *testing.T) {
	tests := []struct {
		name string
		req  Request
		want []WordForm // in order; Count 0 means any positive count
		none bool
	}{
		{name: "stemmed word", req: Request{Query: "تويتر"},
			want: []WordForm{{Term: "تويتر", Form: "تويتر", Count: 15}, {Term: "تويتر", Form: "وتويتر", Count: 1}}},
		{name: "word as typed", req: Request{Query: "وتويتر"},
			want: []WordForm{{Term: "وتويتر", Form: "تويتر", Count: 15}, {Term: "وتويتر", Form: "وتويتر", Count: 1}}},
		{name: "excluded and exact words have none", req: Request{Query: `=تويتر -داعش "تنظيم الدولة"`}, none: true},
		{name: "Latin word searched in Arabic", req: Request{Query: "twitter", Aliases: true},
			want: []WordForm{{Term: "twitter", Form: "تويتر", Count: 15}, {Term: "twitter", Form: "وتويتر", Count: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, tt.req)
			if tt.none {
				if len(res.Forms) != 0 {
					t.Errorf("Forms = %v, want none", res.Forms)
				}
				return
			}
			if !reflect.DeepEqual(res.Forms, tt.want) {
				t.Errorf("Forms = %v, want %v", res.Forms, tt.want)
			}
		})
	}
	// Most frequent first, at most MaxForms per word.
	res := search(t, Request{Query: "داعش الدولة"})
	per := map[string]int{}
	for i, f := range res.Forms {
		per[f.Term]++
		if i > 0 && res.Forms[i-1].Term == f.Term && res.Forms[i-1].Count < f.Count {
			t.Errorf("forms not by count: %v", res.Forms)
		}
	}
	if len(per) != 2 || per["داعش"] > MaxForms || per["الدولة"] > MaxForms {
		t.Errorf("forms per word %v", per)
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		name  string
		req   Request
		want  []string
		also  []AliasNote // nil: none
		marks []string    // highlights that must appear in some hit
	}{
		{name: "داعش without aliases", req: Request{Query: "داعش"}, want: []string{id000, id001, id003, id004}},
		{name: "داعش with aliases finds تنظيم الدولة", req: Request{Query: "داعش", Aliases: true},
			want: []string{id000, id001, id002, id003, id004}, marks: []string{"تنظيم", "الدولة"}},
		{name: `"فيس بوك" without aliases`, req: Request{Query: `"فيس بوك"`}, want: []string{id000, id001}},
		// A quoted phrase is literal: researchers quote a name to count who
		// writes it that way, so its other names are not searched.
		{name: `"فيس بوك" with aliases is still the phrase as written`, req: Request{Query: `"فيس بوك"`, Aliases: true},
			want: []string{id000, id001}, also: []AliasNote{}},
		{name: "daesh without aliases", req: Request{Query: "daesh"}},
		{name: "daesh with aliases", req: Request{Query: "daesh", Aliases: true},
			want: []string{id000, id001, id002, id003, id004}, marks: []string{"داعش"}},
		{name: "Buckwalter", req: Request{Query: "dAE$", Aliases: true},
			want: []string{id000, id001, id002, id003, id004}, marks: []string{"داعش"}},
		{name: "Buckwalter without aliases", req: Request{Query: "dAE$"}},
		{name: "twitter", req: Request{Query: "twitter", Aliases: true},
			want: []string{id000, id001, id002, id003}, also: []AliasNote{{Query: "twitter", Others: []string{"تويتر"}}}},
		// An excluded name excludes every name of its entity, as it
		// searches them all: 002 says تنظيم الدولة, not داعش.
		{name: "excluded names exclude the other names", req: Request{Query: "تويتر -داعش", Aliases: true}, want: nil},
		{name: "excluded names without aliases", req: Request{Query: "تويتر -داعش"}, want: []string{id002}},
		{name: "exact forms are not expanded", req: Request{Query: "=داعش", Aliases: true}, want: []string{id000, id001, id003, id004}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, tt.req)
			wantIDs(t, tt.req.Query, res, tt.want...)
			if tt.also != nil && len(tt.also)+len(res.AlsoSearched) > 0 && !reflect.DeepEqual(res.AlsoSearched, tt.also) {
				t.Errorf("AlsoSearched = %v, want %v", res.AlsoSearched, tt.also)
			}
			if !tt.req.Aliases && len(res.AlsoSearched) != 0 {
				t.Errorf("AlsoSearched = %v without Aliases", res.AlsoSearched)
			}
			for _, m := range tt.marks {
				found := false
				for _, h := range res.Hits {
					for _, s := range h.Matches {
						found = found || s.Text == m
					}
				}
				if !found {
					t.Errorf("no hit highlights %q", m)
				}
			}
		})
	}
}

func TestAliasNotes(t *testing.T) {
	res := search(t, Request{Query: "داعش", Aliases: true})
	if len(res.AlsoSearched) != 1 || res.AlsoSearched[0].Query != "داعش" || !slices.Contains(res.AlsoSearched[0].Others, "تنظيم الدولة") {
		t.Fatalf("AlsoSearched = %v", res.AlsoSearched)
	}
	daesh := search(t, Request{Query: "daesh", Aliases: true})
	if n := daesh.AlsoSearched; len(n) != 1 || n[0].Query != "daesh" || n[0].Others[0] != "داعش" || !slices.Contains(n[0].Others, "تنظيم الدولة") {
		t.Errorf("daesh: AlsoSearched = %v", n)
	}
	// 002 is found through داعش: its تنظيم الدولة is highlighted, and
	// Highlight agrees with the hit.
	e := seeds(t)
	for _, h := range res.Hits {
		spans, _, err := e.Highlights(h.ID, Request{Query: "داعش", Aliases: true})
		if err != nil || !reflect.DeepEqual(spans, h.Matches) {
			t.Errorf("%s: Highlight = %v, %v; Matches %v", h.ID, spans, err, h.Matches)
		}
		if h.ID == id002 && (len(h.TitleMatches) == 0 || len(h.Snippet.Marks) == 0) {
			t.Errorf("002: title marks %v, snippet marks %v", h.TitleMatches, h.Snippet.Marks)
		}
	}
}

func TestAliasBudget(t *testing.T) {
	// Each of these names a group with many forms; the expansion stays
	// within maxAliasTerms added words and phrases.
	res := search(t, Request{Query: "داعش OR النصرة OR القاعدة OR تويتر OR فيسبوك", Aliases: true})
	added := 0
	for _, n := range res.AlsoSearched {
		added += len(n.Others)
	}
	if added == 0 || added > maxAliasTerms {
		t.Errorf("aliases added %d terms: %v", added, res.AlsoSearched)
	}
}

func TestHashtagQueryFindsTheWord(t *testing.T) {
	tag := search(t, Request{Query: "#داعش"})
	word := search(t, Request{Query: "داعش"})
	if tag.Total == 0 || tag.Total != word.Total {
		t.Errorf("#داعش finds %d documents, داعش %d", tag.Total, word.Total)
	}
}

func TestAliasMatchesRankBelowWhatWasTyped(t *testing.T) {
	res := search(t, Request{Query: "داعش", Aliases: true})
	if res.Total != 5 {
		t.Fatalf("داعش with aliases finds %d documents, want all 5", res.Total)
	}
	// 002 never says داعش, only تنظيم الدولة (25 times): a rare alias
	// must not outweigh the word typed, so the articles that say داعش most
	// come first.
	var order []string
	for _, h := range res.Hits {
		order = append(order, h.ID[:3])
	}
	if got := strings.Join(order[:2], " "); got != "000 003" {
		t.Errorf("ranking %v: want 000 and 003, which say داعش most, first", order)
	}
}

// A prefix or fuzzy word says which corpus words it matched, by their
// usual spelling and most frequent first, so the page can show them.
func TestExpansionsListTheWordsMatched(t *testing.T) {
	res := search(t, Request{Query: "تغري*"})
	if len(res.Expansions) != 1 {
		t.Fatalf("Expansions = %+v, want one", res.Expansions)
	}
	x := res.Expansions[0]
	if x.Typed != "تغري*" || x.Total == 0 || x.Searched != x.Total || len(x.Words) == 0 || len(x.Words) > MaxExpansionWords {
		t.Fatalf("expansion %+v", x)
	}
	for i, w := range x.Words {
		if !strings.Contains(w.Form, "غري") || w.Count <= 0 || i > 0 && x.Words[i-1].Count < w.Count {
			t.Errorf("word %d: %+v in %+v", i, w, x.Words)
		}
	}
	res = search(t, Request{Query: "تنضيم~"})
	if len(res.Expansions) != 1 || res.Expansions[0].Typed != "تنضيم~" || len(res.Expansions[0].Words) == 0 {
		t.Errorf("fuzzy Expansions = %+v", res.Expansions)
	}
	if res := search(t, Request{Query: "تويتر"}); len(res.Expansions) != 0 {
		t.Errorf("a plain word has Expansions %+v", res.Expansions)
	}
}

// "تنظيم الدولة" in quotes is the phrase as written: with aliases on it does
// not find the articles that only say داعش.
func TestAQuotedNameIsLiteral(t *testing.T) {
	quoted := search(t, Request{Query: `"تنظيم الدولة"`, Aliases: true})
	bare := search(t, Request{Query: `"تنظيم الدولة"`})
	if quoted.Total != bare.Total || len(quoted.AlsoSearched) != 0 {
		t.Errorf("quoted with aliases: %d hits, also %v; without: %d", quoted.Total, quoted.AlsoSearched, bare.Total)
	}
	if word := search(t, Request{Query: "داعش", Aliases: true}); word.Total <= quoted.Total {
		t.Errorf("داعش with aliases finds %d, the quoted phrase %d: the test no longer tells them apart", word.Total, quoted.Total)
	}
}

func TestRunTogetherPairHighlightsTheWordFound(t *testing.T) {
	// 000 writes الولاياتالمتحدة without its space; the tokenizer reads two
	// words, and a query for either marks that word alone, inside the run.
	for _, q := range []string{"المتحدة", "الولايات", `"الولايات المتحدة"`} {
		res := search(t, Request{Query: q})
		checkResult(t, seeds(t), res)
		var marked []string
		for _, h := range res.Hits {
			if h.ID != id000 {
				continue
			}
			for _, m := range h.Matches {
				marked = append(marked, m.Text)
			}
		}
		if !slices.Contains(marked, "المتحدة") && !slices.Contains(marked, "الولايات") {
			t.Errorf("%s: 000 marks %q, want the half of الولاياتالمتحدة searched for", q, marked)
		}
	}
}

// A query that only excludes lists every article but the excluded ones,
// newest first, with nothing highlighted: the articles that do not mention
// a word (-تويتر, NOT تويتر).
func TestAQueryThatOnlyExcludesListsEveryOtherArticle(t *testing.T) {
	all := ids(search(t, Request{Limit: 100}))
	for _, tc := range []struct {
		query, excluded string
		aliases         bool
	}{
		{"-تويتر", "تويتر", false},
		{"NOT تويتر", "تويتر", false},
		{"-تويتر -فيسبوك", "تويتر OR فيسبوك", false},
	} {
		excluded := map[string]bool{}
		for _, id := range ids(search(t, Request{Query: tc.excluded, Limit: 100, Aliases: tc.aliases})) {
			excluded[id] = true
		}
		var want []string
		for _, id := range all {
			if !excluded[id] {
				want = append(want, id)
			}
		}
		if len(excluded) == 0 || len(want) == 0 {
			t.Fatalf("%s: the seeds should hold articles with and without %s", tc.query, tc.excluded)
		}
		res := search(t, Request{Query: tc.query, Limit: 100, Aliases: tc.aliases})
		wantIDs(t, tc.query, res, want...)
		if len(res.ReadAsText) > 0 {
			t.Errorf("%s: read as text %v, want an exclusion", tc.query, res.ReadAsText)
		}
		for _, h := range res.Hits {
			if len(h.Matches) > 0 || len(h.TitleMatches) > 0 {
				t.Errorf("%s: %s has highlights %v %v", tc.query, h.ID, h.Matches, h.TitleMatches)
			}
		}
	}
	e, err := buildEngine([]corpus.Document{
		{ID: "a", Date: "2015-01-01", Title: "بيان", Text: "أعلن تنظيم الدولة الإسلامية مسؤوليته."},
		{ID: "b", Date: "2015-01-02", Title: "خبر", Text: "قال داعش إنه باق."},
		{ID: "c", Date: "2015-01-03", Title: "خبر", Text: "أغلق تويتر حسابات."},
	})
	if err != nil {
		t.Fatal(err)
	}
	// With other names, -داعش also leaves out the article that says تنظيم
	// الدولة الإسلامية, and says so; without, only the word is excluded.
	for _, tc := range []struct {
		aliases bool
		want    []string
	}{{true, []string{"c"}}, {false, []string{"c", "a"}}} {
		res, err := e.Search(Request{Query: "-داعش", Aliases: tc.aliases})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, slices.Sorted(slices.Values(tc.want))) || res.Hits[0].ID != tc.want[0] {
			t.Errorf("-داعش, other names %v: hits %v, want %v, the newest first", tc.aliases, got, tc.want)
		}
		if noted := len(res.AlsoSearched) == 1 && res.AlsoSearched[0].Excluded && slices.Contains(res.AlsoSearched[0].Others, "تنظيم الدولة الإسلامية"); noted != tc.aliases {
			t.Errorf("-داعش, other names %v: notes %+v", tc.aliases, res.AlsoSearched)
		}
	}
}
