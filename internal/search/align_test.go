package search

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// alignHits must find every document both lists hold, whichever of its three
// ways it takes: a merge when the lists are of like length, binary search
// when the hits are few against many postings or the postings few against
// many hits.
func TestAlignHitsFindsTheCommonDocuments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sorted := func(n, max int) []int32 {
		set := map[int32]bool{}
		for len(set) < n {
			set[int32(rng.IntN(max))] = true
		}
		out := make([]int32, 0, n)
		for d := range set {
			out = append(out, d)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct{ hits, docs int }{{0, 5}, {5, 0}, {3, 1000}, {40, 50}, {200, 3}, {1, 1}, {10, 5000}, {5000, 10}, {3000, 1}} {
		hits, docs := sorted(c.hits, 6000), sorted(c.docs, 6000)
		var want [][2]int
		for k, d := range hits {
			if i, ok := slices.BinarySearch(docs, d); ok {
				want = append(want, [2]int{k, i})
			}
		}
		var got [][2]int
		alignHits(hits, docs, func(k, i int) { got = append(got, [2]int{k, i}) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d hits against %d postings: got %v, want %v", c.hits, c.docs, got, want)
		}
	}
	// Hits between postings match nothing; the first and the last posting
	// are found (the binary search must not stop one short).
	postings := seq(0, 1000, 10) // 100 postings: 0, 10, …, 990
	var got [][2]int
	alignHits([]int32{5, 995}, postings, func(k, i int) { got = append(got, [2]int{k, i}) })
	if len(got) != 0 {
		t.Errorf("hits between postings: got %v, want none", got)
	}
	alignHits([]int32{0, 990}, postings, func(k, i int) { got = append(got, [2]int{k, i}) })
	if want := [][2]int{{0, 0}, {1, 99}}; !reflect.DeepEqual(got, want) {
		t.Errorf("first and last posting: got %v, want %v", got, want)
	}
	// The other way round: postings between hits match nothing; the first
	// and the last hit are found.
	got = nil
	alignHits(postings, []int32{5, 995}, func(k, i int) { got = append(got, [2]int{k, i}) })
	if len(got) != 0 {
		t.Errorf("postings between hits: got %v, want none", got)
	}
	alignHits(postings, []int32{0, 990}, func(k, i int) { got = append(got, [2]int{k, i}) })
	if want := [][2]int{{0, 0}, {99, 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("first and last hit: got %v, want %v", got, want)
	}
}

func seq(from, to, step int32) []int32 {
	var out []int32
	for d := from; d < to; d += step {
		out = append(out, d)
	}
	return out
}

// unionAll merges any number of lists into one ascending list without
// repeats, the same as merging them two at a time.
func TestUnionAllMergesLists(t *testing.T) {
	lists := [][]int32{{1, 5, 9}, {2, 5, 63, 64}, {}, {0, 9, 200}, {64, 65}}
	want := []int32{0, 1, 2, 5, 9, 63, 64, 65, 200}
	if got := unionAll(lists, 201); !reflect.DeepEqual(got, want) {
		t.Errorf("unionAll = %v, want %v", got, want)
	}
	if got := unionAll(lists[:2], 201); !reflect.DeepEqual(got, []int32{1, 2, 5, 9, 63, 64}) {
		t.Errorf("unionAll of two = %v", got)
	}
	if got := unionAll(nil, 10); len(got) != 0 {
		t.Errorf("unionAll of none = %v", got)
	}
}

// Scoring many hits looks each leaf's postings up in a map from document to
// hit instead of aligning them: both ways must give every hit the same score.
func TestDenseHitMapScoresLikeAlignment(t *testing.T) {
	e := seeds(t)
	for _, q := range []string{"داعش", "تويتر حسابات", "حسا*", "تنظيم الدولة", "تويتير~", "حسابات OR قنوات", "داعش -تويتر"} {
		req := Request{Query: q, Aliases: true}
		aligned, err := e.Search(req)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		saved := denseHits
		denseHits = 1
		dense, err := e.Search(req)
		denseHits = saved
		if err != nil {
			t.Fatalf("%s, dense: %v", q, err)
		}
		if len(aligned.Hits) == 0 {
			t.Errorf("%s: no hits to compare", q)
		}
		if !reflect.DeepEqual(scoresOf(aligned), scoresOf(dense)) {
			t.Errorf("%s: aligned scores %v, dense %v", q, scoresOf(aligned), scoresOf(dense))
		}
	}
}

func scoresOf(res *Result) map[string]float64 {
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score
	}
	return out
}
