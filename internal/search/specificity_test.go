package search

import (
	"testing"

	"marsad/internal/corpus"
)

// TestAWordCommonInNewsWeighsLess: two texts each hold one word of the
// query, each word in one text of the collection; the one holding the word
// news seldom uses ranks first, where the collection's IDF alone ties them.
func TestAWordCommonInNewsWeighsLess(t *testing.T) {
	e, err := buildEngine([]corpus.Document{
		{ID: "common", Text: "قال الرجل كلاما طويلا."},
		{ID: "specific", Text: "وجد الرجل الزبرجد طويلا."},
		{ID: "other1", Text: "أعلنت الحكومة عن خطة للاقتصاد."},
		{ID: "other2", Text: "فاز الفريق بالمباراة على أرضه."},
	})
	if err != nil {
		t.Fatal(err)
	}
	first := func(r Ranking) string {
		e.SetRanking(r)
		res, err := e.Search(Request{Query: "قال الزبرجد", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 2 {
			t.Fatalf("%d hits, want 2", len(res.Hits))
		}
		return res.Hits[0].ID
	}
	if got := first(DefaultRanking); got != "specific" {
		t.Errorf("default ranking: %s first, want specific", got)
	}
	off := DefaultRanking
	off.Specificity = 0
	if got := first(off); got != "common" {
		t.Errorf("without specificity: %s first, want common (a tie, broken by order)", got)
	}
}
