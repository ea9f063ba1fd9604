package eval

import (
	"math"
	"strings"
	"testing"
)

func TestBM25Toy(t *testing.T) {
	docs := []Doc{
		{"d1", "cat sat on the mat"},
		{"d2", "dog dog dog barked"},
		{"d3", "cat and dog"},
		{"d4", "a bird sang"},
	}
	ix := NewIndex(docs, strings.Fields)

	// Rare term outranks a common one; repeated term saturates.
	hits := ix.Search([]string{"dog"}, 0)
	if len(hits) != 2 || hits[0].ID != "d2" || hits[1].ID != "d3" {
		t.Fatalf("dog: %+v", hits)
	}
	hits = ix.Search([]string{"cat", "dog"}, 0)
	if len(hits) != 3 || hits[0].ID != "d3" {
		t.Fatalf("cat dog: %+v", hits)
	}
	if got := ix.Search([]string{"fish"}, 0); len(got) != 0 {
		t.Fatalf("fish: %+v", got)
	}
	if got := ix.Search([]string{"cat", "dog"}, 1); len(got) != 1 {
		t.Fatalf("k=1: %+v", got)
	}

	// Exact value for d4 on "bird": N=4, df=1, tf=1, |d|=3, avgdl=15/4.
	idf := math.Log(1 + (4-1+0.5)/(1+0.5))
	norm := 0.9 * (1 - 0.4 + 0.4*3/(15.0/4))
	want := idf * 1 * 1.9 / (1 + norm)
	hits = ix.Search([]string{"bird"}, 0)
	if len(hits) != 1 || math.Abs(hits[0].Score-want) > 1e-12 {
		t.Fatalf("bird: %+v, want score %v", hits, want)
	}
	// Query term frequency weighs the term.
	h2 := ix.Search([]string{"bird", "bird"}, 0)
	if math.Abs(h2[0].Score-2*want) > 1e-12 {
		t.Fatalf("bird bird: %v, want %v", h2[0].Score, 2*want)
	}
}

func TestScoreRetrievalToy(t *testing.T) {
	c := &Collection{
		Docs: []Doc{{"a", "red apple"}, {"b", "green apple tree"}, {"c", "blue sky"}},
		Topics: []Topic{
			{"q1", "green apple"}, // b first: MRR 1
			{"q2", "apple"},       // a first, b second: rel c not found
			{"q3", "purple"},      // no result
			{"q4", "unjudged"},
		},
		Qrels: map[string]map[string]bool{
			"q1": {"b": true},
			"q2": {"b": true, "c": true},
			"q3": {"c": true},
		},
	}
	s := ScoreRetrieval(c, Analyzer{Name: "ws", Terms: strings.Fields})
	if s.Topics != 3 || s.ZeroResults != 1 {
		t.Fatalf("%+v", s)
	}
	// q2: "apple" is in a (len 2) and b (len 3): a ranks first.
	wantMRR := (1 + 0.5 + 0) / 3
	wantR := (1 + 0.5 + 0) / 3
	if math.Abs(s.MRR10-wantMRR) > 1e-12 || math.Abs(s.Recall10-wantR) > 1e-12 || math.Abs(s.Recall100-wantR) > 1e-12 {
		t.Fatalf("%+v, want MRR %v recall %v", s, wantMRR, wantR)
	}
}
