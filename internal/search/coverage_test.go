package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"marsad/internal/corpus"
	"marsad/internal/query"
)

// coverageEngine indexes the situation of a pasted lede: six long articles
// have every word of it, scattered, and the article it was copied from
// lacks one incidental word (اليوم).
func coverageEngine(t *testing.T) *Engine {
	t.Helper()
	var docs []corpus.Document
	for i := range 6 {
		docs = append(docs, corpus.Document{
			ID:    fmt.Sprintf("common%d", i),
			Title: "أخبار",
			Text: "أعلنت الحكومة اليوم عن خطة. " + strings.Repeat("وقال مسؤول إن الأمر جيد. ", 20) +
				"وهي جديدة للاقتصاد في المدينة. " + strings.Repeat("وقال مسؤول آخر إن الأمر جيد. ", 20) +
				"تشمل ميناء الزبرجد ومصفاة القرنفل.",
		})
	}
	docs = append(docs, corpus.Document{
		ID:    "source",
		Title: "خطة الحكومة للاقتصاد",
		Text:  "أعلنت الحكومة عن خطة جديدة للاقتصاد في المدينة تشمل ميناء الزبرجد ومصفاة القرنفل.",
	})
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

const coverageLede = "أعلنت الحكومة اليوم عن خطة جديدة للاقتصاد في المدينة تشمل ميناء الزبرجد ومصفاة القرنفل"

// TestALongQueryIsRankedByCoverageNotFiltered: the article the lede was
// taken from is ranked, although it lacks اليوم and six articles have
// every word; short queries still require every word.
func TestALongQueryIsRankedByCoverageNotFiltered(t *testing.T) {
	e := coverageEngine(t)
	res, err := e.Search(Request{Query: coverageLede, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != ModeCoverage || !res.Partial || res.StrictTotal != 6 || !slices.Contains(ids(res), "source") {
		t.Errorf("mode %q, partial %v, strict %d, hits %v; want coverage mode, 6 with every word, the source article ranked",
			res.Mode, res.Partial, res.StrictTotal, ids(res))
	}
	res, err = e.Search(Request{Query: "الحكومة اليوم", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != ModeAllWords || res.Total != 6 {
		t.Errorf("short query: mode %q, %d hits; want all words, 6", res.Mode, res.Total)
	}
	// Without the coverage mode (as before it) the all-words filter drops
	// the source article.
	off := DefaultRanking
	off.CoverageFrom = 0
	e.SetRanking(off)
	res, err = e.Search(Request{Query: coverageLede, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != ModeAllWords || slices.Contains(ids(res), "source") {
		t.Errorf("coverage off: mode %q, hits %v; want all words without the source article", res.Mode, ids(res))
	}
}

// TestCoverageWeighsRareWordsMore: of two articles that each miss one
// word of a long query, the one missing the common word ranks first.
func TestCoverageWeighsRareWordsMore(t *testing.T) {
	c := newCoverage(ModeCoverage, 2, Ranking{CoverageExponent: 1})
	c.unit(0.1) // a common word
	c.unit(3)   // a rare word
	c.add(0, 3)
	c.add(1, 0.1)
	got := c.apply([]float64{1, 1})
	if !(got[0] > got[1]) || got[0] > 1 {
		t.Errorf("scores %v: want the hit with the rare word first, and no hit above its BM25", got)
	}
}

// TestAQueryOfManyWordsKeepsTheRarest: past query.MaxTerms words the most
// common are dropped, the result says how many, and the query is answered.
func TestAQueryOfManyWordsKeepsTheRarest(t *testing.T) {
	words := []string{"تويتر", "فيسبوك"}
	for i := range query.MaxTerms + 6 {
		words = append(words, fmt.Sprintf("كلمةغريبة%d", i))
	}
	res := search(t, Request{Query: strings.Join(words, " ")})
	if res.DroppedTerms != 8 {
		t.Errorf("DroppedTerms = %d, want the 8 words past query.MaxTerms", res.DroppedTerms)
	}
	if res.Total == 0 {
		t.Error("a long query found nothing")
	}
}

// TestNearDuplicatesTieByDateThenID: articles that score the same are
// ordered newest first, then by id, whatever their order of input.
func TestNearDuplicatesTieByDateThenID(t *testing.T) {
	text := "أعلنت الحكومة عن خطة جديدة للاقتصاد."
	docs := []corpus.Document{
		{ID: "b-old", Date: "2015-01-01", Title: "خطة", Text: text},
		{ID: "c-new", Date: "2018-05-01", Title: "خطة", Text: text},
		{ID: "a-new", Date: "2018-05-01", Title: "خطة", Text: text},
		{ID: "d-mid", Date: "2016-03-01", Title: "خطة", Text: text},
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}} {
		var in []corpus.Document
		for _, i := range order {
			in = append(in, docs[i])
		}
		e, err := buildEngine(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"خطة الاقتصاد", coverageLede} {
			res, err := e.Search(Request{Query: q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if want := []string{"a-new", "c-new", "d-mid", "b-old"}; !slices.Equal(got, want) {
				t.Errorf("input order %v, query %q: %v, want %v", order, q, got, want)
			}
		}
	}
}

// TestPartialMatchesWeighRareWordsMore: when no article has every word of
// a short query, an article with its rare word ranks above one with two
// of its commoner words (each in a third of the articles).
func TestPartialMatchesWeighRareWordsMore(t *testing.T) {
	var docs []corpus.Document
	add := func(n int, id, text string) {
		for i := range n {
			docs = append(docs, corpus.Document{ID: fmt.Sprintf("%s-%02d", id, i), Title: "خبر", Text: text})
		}
	}
	add(9, "city", "مدينة سوق كبير")
	add(9, "port", "ميناء سوق كبير")
	add(10, "other", "سوق كبير جديد")
	add(1, "two-common", "مدينة ميناء كبير")
	add(1, "rare", "زلزال سوق كبير")
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "مدينة ميناء زلزال", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != ModePartial || len(res.Hits) < 2 {
		t.Fatalf("mode %q, %d hits; want partial matches", res.Mode, len(res.Hits))
	}
	if res.Hits[0].ID != "rare-00" || res.Hits[1].ID != "two-common-00" {
		t.Errorf("hits %s, %s; want the article with the rare word, then the one with both common words", res.Hits[0].ID, res.Hits[1].ID)
	}
}
