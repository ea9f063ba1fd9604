package eval

import (
	"fmt"
	"reflect"
	"testing"

	"marsad/internal/corpus"
)

func TestFirstSentence(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"قال الوزير إن النمو بلغ 3.5 في المئة. وأضاف أن…", "قال الوزير إن النمو بلغ 3.5 في المئة"},
		{"هل ينجح الاتفاق؟ يرى خبراء…", "هل ينجح الاتفاق"},
		{"سطر أول\nسطر ثان.", "سطر أول"},
		{"  نص بلا نهاية  ", "نص بلا نهاية"},
	} {
		if got := FirstSentence(tc.in); got != tc.want {
			t.Errorf("FirstSentence(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestKnownItemSetsAreAFixedSample: the same seed draws the same topics
// whatever the input order; each topic's only relevant document is its
// source; short first sentences and missing titles are left out.
func TestKnownItemSetsAreAFixedSample(t *testing.T) {
	var docs []corpus.Document
	for i := range 40 {
		d := corpus.Document{ID: fmt.Sprintf("d%02d", i), Title: fmt.Sprintf("عنوان الخبر رقم %d", i),
			Text: "هذه الجملة الأولى من الخبر وهي طويلة بما يكفي. ثم جملة أخرى."}
		if i%4 == 0 {
			d.Title = ""
		}
		if i%5 == 0 {
			d.Text = "جملة قصيرة. ثم الباقي من الخبر."
		}
		docs = append(docs, d)
	}
	h1, s1 := KnownItemSets(docs, 20, 7)
	reversed := make([]corpus.Document, len(docs))
	for i, d := range docs {
		reversed[len(docs)-1-i] = d
	}
	h2, s2 := KnownItemSets(reversed, 20, 7)
	if !reflect.DeepEqual(h1, h2) || !reflect.DeepEqual(s1, s2) {
		t.Error("the sample depends on the input order")
	}
	if h3, _ := KnownItemSets(docs, 20, 8); reflect.DeepEqual(h1.Topics, h3.Topics) {
		t.Error("another seed drew the same sample")
	}
	byID := map[string]corpus.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, set := range []KnownItemSet{h1, s1} {
		if len(set.Topics) == 0 || len(set.Topics) > 20 {
			t.Fatalf("%s: %d topics", set.Name, len(set.Topics))
		}
		for _, tp := range set.Topics {
			rel := set.Qrels[tp.ID]
			if len(rel) != 1 {
				t.Fatalf("%s %s: %d relevant", set.Name, tp.ID, len(rel))
			}
			for id := range rel {
				d := byID[id]
				if tp.Text != d.Title && tp.Text != FirstSentence(d.Text) || tp.Text == "" {
					t.Errorf("%s %s: %q is neither the title nor the first sentence of %s", set.Name, tp.ID, tp.Text, id)
				}
				if set.Name == "first sentence" && tp.Text == "جملة قصيرة" {
					t.Errorf("a first sentence of two words was kept")
				}
			}
		}
	}
}
