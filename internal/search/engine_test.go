package search

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/query"

	"marsad/internal/testcorpus/seedbundle"
)

func TestPrefixFindsTheWordsThatStartWithIt(t *testing.T) {
	whole := search(t, Request{Query: "تغريدات"})
	res := search(t, Request{Query: "تغري*"})
	if whole.Total == 0 || res.Total < whole.Total {
		t.Fatalf("تغري* finds %d, تغريدات alone %d", res.Total, whole.Total)
	}
	for _, h := range res.Hits {
		found := false
		for _, m := range h.Matches {
			if strings.Contains(m.Text, "تغري") {
				found = true
			}
		}
		if !found {
			t.Errorf("hit %s highlights no word with تغري: %v", h.ID, h.Matches)
		}
	}
}

func TestFuzzyForgivesAnArabicConfusion(t *testing.T) {
	want := search(t, Request{Query: "داعش"})
	res := search(t, Request{Query: "داعس~"})
	if res.Total != want.Total || res.Total == 0 {
		t.Errorf("داعس~ finds %d, داعش finds %d", res.Total, want.Total)
	}
	if got := search(t, Request{Query: "داعس"}); got.Total != 0 {
		t.Errorf("without ~, داعس finds %d", got.Total)
	}
}

func TestDidYouMeanOffersTheCorpusSpelling(t *testing.T) {
	res := search(t, Request{Query: "تويتز"})
	if res.Total != 0 || res.DidYouMean != "تويتر" {
		t.Errorf("تويتز: total %d, did you mean %q; want 0 and تويتر", res.Total, res.DidYouMean)
	}
	if res := search(t, Request{Query: "تويتر"}); res.DidYouMean != "" {
		t.Errorf("a query that finds something offers %q", res.DidYouMean)
	}
}

func TestDidYouMeanOffersNothingForAWordOfOneOrTwoLetters(t *testing.T) {
	// A word of one or two letters is one edit from too many words to
	// offer any: the sign ﷺ was offered "3".
	var docs []corpus.Document
	for i, text := range []string{"قتل 3 في هجوم", "جرح 3 في انفجار", "اعتقل 3 في مداهمة", "تويتر يغلق حسابات", "حسابات على تويتر"} {
		docs = append(docs, corpus.Document{ID: "d" + strconv.Itoa(i), Title: "خبر", Text: text})
	}
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ﷺ", "4", "ب3"} {
		res, err := e.Search(Request{Query: q})
		if err != nil || res.DidYouMean != "" {
			t.Errorf("%s: offers %q (%v)", q, res.DidYouMean, err)
		}
	}
	if res, _ := e.Search(Request{Query: "تويتز"}); res.DidYouMean != "تويتر" {
		t.Errorf("تويتز: offers %q, want تويتر", res.DidYouMean)
	}
}

func TestDateRanges(t *testing.T) {
	tests := []struct {
		query    string
		from, to string
	}{
		{"تويتر date:2018", "2018", "2018-12-31"},
		{"date:2015-01..2016-06", "2015-01-01", "2016-06-30"},
		{"داعش date:..2015", "", "2015-12-31"},
		{"داعش تاريخ:2016..", "2016", ""},
	}
	for _, tt := range tests {
		res := search(t, Request{Query: tt.query})
		all := search(t, Request{Query: strings.Fields(tt.query)[0]})
		if res.Total == 0 || (strings.Contains(tt.query, " ") && res.Total >= all.Total) {
			t.Errorf("%s: %d hits (without the date %d)", tt.query, res.Total, all.Total)
		}
		for _, h := range res.Hits {
			if h.Date < tt.from || (tt.to != "" && h.Date > tt.to) {
				t.Errorf("%s: hit %s dated %s", tt.query, h.ID, h.Date)
			}
		}
	}
}

func TestPartialMatchesWhenEveryWordFindsTooLittle(t *testing.T) {
	res := search(t, Request{Query: "تويتر زرافة"})
	if !res.Partial || res.StrictTotal != 0 || res.Total != 4 {
		t.Errorf("partial %v, strict %d, total %d; want true, 0, 4", res.Partial, res.StrictTotal, res.Total)
	}
	if res := search(t, Request{Query: "تويتر زرافة", NoPartial: true}); res.Partial || res.Total != 0 {
		t.Errorf("NoPartial: partial %v, total %d", res.Partial, res.Total)
	}
	// A document with more of the words ranks first.
	res = search(t, Request{Query: "تويتر تليجرام زرافة"})
	if !res.Partial || len(res.Hits) == 0 {
		t.Fatalf("partial %v, %d hits", res.Partial, len(res.Hits))
	}
	top := res.Hits[0]
	if !strings.Contains(joinSpans(top.Matches), "تويتر") || !strings.Contains(joinSpans(top.Matches), "تليجرام") {
		t.Errorf("top partial hit %s lacks one of the two known words: %v", top.ID, top.Matches)
	}
}

// TestAWordWithALostSpaceIsRelaxedToItsWords: تويترالإنترنت reads as the
// phrase "تويتر الإنترنت" (a space lost before the article); when no
// article has the phrase, the articles with either word are the answer,
// as for the two words typed apart, never nothing.
func TestAWordWithALostSpaceIsRelaxedToItsWords(t *testing.T) {
	res := search(t, Request{Query: "تويترالإنترنت"})
	if res.Total == 0 || !res.Partial {
		t.Fatalf("تويترالإنترنت: %d hits, partial %v; want the articles with either word", res.Total, res.Partial)
	}
	// A question word before it changes nothing (it is a stop word).
	if with := search(t, Request{Query: "بما تويترالإنترنت؟"}); with.Total != res.Total {
		t.Errorf("بما تويترالإنترنت؟ finds %d, تويترالإنترنت %d", with.Total, res.Total)
	}
}

func joinSpans(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text + " ")
	}
	return b.String()
}

func TestSortByDate(t *testing.T) {
	for _, order := range []string{SortNewest, SortOldest} {
		res := search(t, Request{Query: "داعش", Sort: order})
		for i := 1; i < len(res.Hits); i++ {
			a, b := res.Hits[i-1].Date, res.Hits[i].Date
			if (order == SortNewest && a < b) || (order == SortOldest && a > b) {
				t.Errorf("%s: %s before %s", order, a, b)
			}
		}
	}
}

func TestADamagedChunkIsNamedAndTheRestWorks(t *testing.T) {
	bundle, err := index.Build(index.Options{ChunkBytes: 512, PosChunkBytes: 512}, seedbundle.Docs(t))
	if err != nil {
		t.Fatal(err)
	}
	files := bundle.Fetcher()
	e, err := Open(files, bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	// Find the term chunk تويتر lives in by damaging each until the query fails.
	var damaged string
	for name, data := range files {
		if !strings.HasPrefix(name, "t-") {
			continue
		}
		fresh, _ := Open(files, bundle.Root)
		files[name] = []byte("not a chunk")
		_, err := fresh.Search(Request{Query: "تويتر"})
		files[name] = data
		if err != nil {
			damaged = name
			if !strings.Contains(err.Error(), name) {
				t.Errorf("error does not name %s: %v", name, err)
			}
			break
		}
	}
	if damaged == "" {
		t.Fatal("no term chunk holds تويتر")
	}
	files[damaged] = []byte("not a chunk")
	if _, err := e.Search(Request{Query: "تويتر"}); err == nil || !strings.Contains(err.Error(), damaged) {
		t.Errorf("error %v does not name %s", err, damaged)
	}
	if res, err := e.Search(Request{Limit: 5}); err != nil || res.Total != 5 {
		t.Errorf("the overview broke: %v", err)
	}
}

// TestPrefixPastTheStemFindsTheStem: روسي* is typed on the way to روسيا,
// whose index term is the stem روس, which روسي does not start.
func TestPrefixPastTheStemFindsTheStem(t *testing.T) {
	e, err := buildEngine([]corpus.Document{
		{ID: "a", Title: "خبر", Source: "س", Date: "2018-01-01", Text: "زار الوفد روسيا أمس"},
		{ID: "b", Title: "خبر", Source: "س", Date: "2018-01-02", Text: "قالت الخارجية الروسية"},
		{ID: "c", Title: "خبر", Source: "س", Date: "2018-01-03", Text: "مباراة في روستوف"},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "روسي*", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "روسي*", res, "a", "b")
}

// The page's articles are fetched while the facets are counted; a damaged
// document pack is named in the result's Unreadable, whatever the order of
// the results, and its articles are left out.
func TestADamagedPackIsNamed(t *testing.T) {
	seeds(t)
	bundle := seedBundle
	files := bundle.Fetcher() // a copy: the damage stays in this test
	var packs []string
	for name := range files {
		if strings.HasPrefix(name, "d-") {
			packs = append(packs, name)
			files[name] = []byte("not a pack")
		}
	}
	if len(packs) == 0 {
		t.Fatal("the bundle has no document pack")
	}
	for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
		e, err := Open(files, bundle.Root)
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Search(Request{Query: "تويتر", Sort: sort, Limit: 10})
		if err != nil {
			t.Fatalf("sorted by %q: %v, want the result without the damaged articles", sort, err)
		}
		err = errors.Join(res.Unreadable...)
		if err == nil || !slices.ContainsFunc(packs, func(p string) bool { return strings.Contains(err.Error(), p) }) {
			t.Errorf("sorted by %q: unreadable %v names no damaged pack of %v", sort, err, packs)
		}
		if len(res.Hits) != 0 || res.Total != 4 {
			t.Errorf("sorted by %q: %d hits of %d, want 0 of the 4 found: every article is in the damaged pack", sort, len(res.Hits), res.Total)
		}
	}
}

// One flipped byte damages one article's record: the others are read, and
// the damage is named with the article.
func TestOneDamagedArticleLeavesTheOthers(t *testing.T) {
	seeds(t)
	files := seedBundle.Fetcher()
	for name, data := range files {
		if strings.HasPrefix(name, "d-") {
			damaged := slices.Clone(data)
			damaged[len(damaged)-20] ^= 0xff // inside the last article's record
			files[name] = damaged
		}
	}
	e, err := Open(files, seedBundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 4 || len(res.Unreadable) != 1 || !strings.Contains(res.Unreadable[0].Error(), "checksum mismatch in article 4") {
		t.Errorf("%d hits, unreadable %v; want 4 and a checksum mismatch in article 4", len(res.Hits), res.Unreadable)
	}
}

// A vocabulary that is gone costs "did you mean", not the answer.
func TestAMissingVocabularyLeavesZeroHits(t *testing.T) {
	seeds(t)
	files := seedBundle.Fetcher()
	var vocab string
	for name := range files {
		if strings.HasPrefix(name, "v-") {
			vocab = name
			delete(files, name)
		}
	}
	e, err := Open(files, seedBundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "تويتتر"})
	if err != nil {
		t.Fatalf("a misspelled word failed: %v", err)
	}
	if res.Total != 0 || len(res.Unreadable) != 1 || !strings.Contains(res.Unreadable[0].Error(), vocab) {
		t.Errorf("total %d, unreadable %v; want 0 hits and the vocabulary %s named", res.Total, res.Unreadable, vocab)
	}
}

// A fuzzy word reads at most maxFuzzyBytes of term chunks: the near words
// whose chunks would go over are left out, the nearest kept.
func TestFuzzyWordsAreBoundedInBytes(t *testing.T) {
	bundle, err := index.Build(index.Options{ChunkBytes: 256}, seedbundle.Docs(t))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Open(bundle.Fetcher(), bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	expansion := func() (Expansion, map[string]bool) {
		t.Helper()
		res, err := e.Search(Request{Query: "سوريه~"})
		if err != nil || len(res.Expansions) != 1 {
			t.Fatalf("سوريه~: %v, expansions %+v", err, res.Expansions)
		}
		m := e.matches(query.Fuzzy{Text: "سوريه"}, nil)
		names := map[string]bool{}
		for _, x := range m.expansions {
			for _, k := range x.keys {
				name, _ := e.ix.TermChunk(k)
				names[name] = true
			}
		}
		return res.Expansions[0], names
	}
	wide, names := expansion()
	if len(names) < 2 {
		t.Fatalf("سوريه~ reads %d term chunks: the test needs near words in other chunks", len(names))
	}
	defer func(was int64) { maxFuzzyBytes = was }(maxFuzzyBytes)
	maxFuzzyBytes = 0
	narrow, names := expansion()
	if len(names) != 1 || narrow.Searched >= wide.Searched || narrow.Total != wide.Total {
		t.Errorf("with no bytes to spare: %d chunks read, %d of %d words searched; %d of %d with the default bound",
			len(names), narrow.Searched, narrow.Total, wide.Searched, wide.Total)
	}
}
