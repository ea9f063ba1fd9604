package search

import (
	"strings"
	"testing"

	"marsad/internal/corpus"
)

// nearEngine holds داعش and تويتر at known distances (in words, stop words
// counted): 1 (side by side), 4 and 8 apart, and in reverse order 2 apart.
func nearEngine(t *testing.T) *Engine {
	t.Helper()
	docs := []corpus.Document{
		{ID: "adjacent", Title: "أخبار", Text: "حسابات داعش تويتر مغلقة."},
		{ID: "four", Title: "أخبار", Text: "نشر داعش صورا كثيرة على تويتر أمس."},
		{ID: "eight", Title: "أخبار", Text: "داعش " + strings.Repeat("كلمة ", 7) + "تويتر."},
		{ID: "reversed", Title: "أخبار", Text: "أغلق تويتر حسابات داعش أمس."},
		{ID: "twice", Title: "أخبار", Text: "داعش نشر ثم داعش عاد."},
	}
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// "…"~n finds the phrase's words within n words of each other, in either
// order; the words of a query such as داعش تويتر anywhere in the article.
func TestAPhraseWithinNWordsFindsItsWordsThatNearEachOther(t *testing.T) {
	e := nearEngine(t)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{`"داعش تويتر"`, []string{"adjacent"}},
		{`"داعش تويتر"~1`, []string{"adjacent"}},
		{`"داعش تويتر"~2`, []string{"adjacent", "reversed"}},
		{`"تويتر داعش"~2`, []string{"adjacent", "reversed"}},
		{`"داعش تويتر"~5`, []string{"adjacent", "reversed", "four"}},
		{`"داعش تويتر"~8`, []string{"adjacent", "eight", "reversed", "four"}},
		{`"داعش، على تويتر"~5`, []string{"adjacent", "reversed", "four"}}, // a stop word and punctuation do not count
		{`"داعش داعش"~3`, []string{"twice"}},                              // a word asked twice: two occurrences of it
		{`"داعش تويتر"~5 -نشر`, []string{"adjacent", "reversed"}},
	} {
		res, err := e.Search(Request{Query: tc.q, NoPartial: true})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, tc.q, res, tc.want...)
		checkResult(t, e, res)
	}
}

// The words of each nearness are what the highlights mark and what the
// concordance counts: the counts from the positions are those found again
// in the texts.
func TestANearPhraseIsMarkedAndCountedWhereItsWordsNear(t *testing.T) {
	e := nearEngine(t)
	req := Request{Query: `"داعش تويتر"~4`, NoPartial: true}
	o, err := e.Occurrences(req)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, md := range markEach(t, e, o, req.Query) {
		doc, m := md.doc, md.marked
		total += len(m.Occurrences)
		for _, oc := range m.Occurrences {
			hit := doc.Text[oc.Start:oc.End]
			if !strings.HasPrefix(hit, "داعش") && !strings.HasPrefix(hit, "تويتر") || !strings.Contains(hit, "داعش") || !strings.Contains(hit, "تويتر") {
				t.Errorf("%s: the occurrence %q does not run from one word to the other", doc.ID, hit)
			}
		}
		var marked []string
		for _, s := range m.Spans {
			marked = append(marked, s.Text)
		}
		if strings.Join(marked, " ") != "داعش تويتر" && strings.Join(marked, " ") != "تويتر داعش" {
			t.Errorf("%s: marked %q, want the two words", doc.ID, marked)
		}
	}
	if total != 3 {
		t.Errorf("%d nearnesses in all, want 3 (adjacent, four, reversed)", total)
	}
}
