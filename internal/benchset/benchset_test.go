package benchset

import (
	"strings"
	"testing"

	"marsad/internal/index"

	"marsad/internal/testcorpus/seedbundle"
)

func TestQueriesAreDrawnFromTheCorpusEveryKindInTurn(t *testing.T) {
	bundle := seedbundle.Bundle(t)
	ix, err := index.Open(bundle.Fetcher(), bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := Queries(ix, 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 12 {
		t.Fatalf("%d queries: %v", len(qs), qs)
	}
	for i, q := range qs {
		if q.Kind != Kinds[i%len(Kinds)] {
			t.Errorf("query %d is a %s, want a %s", i, q.Kind, Kinds[i%len(Kinds)])
		}
		want := map[string]string{"phrase": `"`, "prefix": "*", "fuzzy": "~", "filter": ":"}[q.Kind]
		if !strings.Contains(q.Text, want) {
			t.Errorf("%s query %q lacks %q", q.Kind, q.Text, want)
		}
	}
	again, _ := Queries(ix, 12)
	for i := range qs {
		if qs[i] != again[i] {
			t.Errorf("query %d differs between runs: %v, %v", i, qs[i], again[i])
		}
	}
}
