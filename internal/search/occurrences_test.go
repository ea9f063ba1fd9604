package search

import (
	"testing"

	"marsad/internal/corpus"
)

// Occurrences selects what Search finds (every word required) and counts
// each article's occurrences as its highlights mark them.
func TestOccurrencesAreTheSearchsDocumentsCounted(t *testing.T) {
	e := seeds(t)
	for _, q := range []string{"تويتر", `"تنظيم الدولة"`, `"داعش تويتر"~5`, "داعش source:الجزيرة", "الإنترنت date:2018", "=وتويتر"} {
		req := Request{Query: q, Aliases: true, NoPartial: true}
		res, err := e.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		o, err := e.Occurrences(req)
		if err != nil {
			t.Fatal(err)
		}
		if len(o.Docs) != res.Total || res.Total == 0 {
			t.Errorf("%s: %d documents, Search finds %d", q, len(o.Docs), res.Total)
		}
		for _, md := range markEach(t, e, o, q) {
			doc, m := md.doc, md.marked
			found := o.Find(doc.Text, nil)
			for i, oc := range m.Occurrences {
				if i >= len(found) || found[i].Start != oc.Start || found[i].End != oc.End || found[i].Span != -1 {
					t.Errorf("%s in %s: Find gives %v, Mark %v", q, doc.ID, found, m.Occurrences)
					break
				}
			}
			for _, oc := range m.Occurrences {
				if oc.Span >= len(m.Spans) || m.Spans[oc.Span].Start != oc.Start {
					t.Errorf("%s in %s: occurrence at %d is not highlight %d", q, doc.ID, oc.Start, oc.Span)
				}
			}
		}
	}
}

func TestOccurrencesOfFiltersOnlySelectWithoutCounting(t *testing.T) {
	o, err := seeds(t).Occurrences(Request{Query: "source:الجزيرة"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Text != nil || len(o.Docs) != 1 || len(o.Selected) != 1 || o.Docs[0] != o.Selected[0] {
		t.Errorf("docs %v, selected %v, counts %v; want the one article of الجزيرة, nothing counted", o.Docs, o.Selected, o.Text)
	}
}

type markedDoc struct {
	doc    corpus.Document
	marked Marked
}

// markEach marks the text of each article the occurrences select, and
// checks that the text holds as many as the postings counted.
func markEach(t *testing.T, e *Engine, o *Occurrences, what string) []markedDoc {
	t.Helper()
	var out []markedDoc
	for k, d := range o.Docs {
		doc, err := e.Index().Doc(int(d))
		if err != nil {
			t.Fatal(err)
		}
		m := o.Mark(doc.Text, nil)
		if len(m.Occurrences) != int(o.Text[k]) {
			t.Errorf("%s in %s: %d occurrences found in the text, %d counted", what, doc.ID, len(m.Occurrences), o.Text[k])
		}
		out = append(out, markedDoc{doc, m})
	}
	return out
}

// A name of an alias group is counted by the group's mentions: where its
// names overlap ("تنظيم الدولة الإسلامية في العراق والشام" holds four of
// them), one mention, one occurrence; the count and the occurrences agree.
func TestAnAliasGroupIsCountedOnceAMention(t *testing.T) {
	docs := []corpus.Document{
		{ID: "a", Title: "بيان", Text: "أعلن تنظيم الدولة الإسلامية في العراق والشام مسؤوليته، وقال داعش إن #تنظيم_الدولة باق."},
		{ID: "b", Title: "داعش", Text: "حسابات ISIS على تويتر أغلقت."},
		{ID: "c", Title: "خبر", Text: "لا ذكر هنا للتنظيم."},
	}
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"داعش", "ISIS", "داعش ISIS"} {
		o, err := e.Occurrences(Request{Query: q, Aliases: true})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][2]int32{"a": {3, 0}, "b": {1, 1}} // text, title
		if len(o.Docs) != len(want) {
			t.Fatalf("%s: %d documents, want 2", q, len(o.Docs))
		}
		for k, d := range o.Docs {
			doc, err := e.Index().Doc(int(d))
			if err != nil {
				t.Fatal(err)
			}
			if got := [2]int32{o.Text[k], o.Title[k]}; got != want[doc.ID] {
				t.Errorf("%s in %s: counted %v, want %v", q, doc.ID, got, want[doc.ID])
			}
			found := o.Find(doc.Text, nil)
			if int32(len(found)) != o.Text[k] {
				t.Errorf("%s in %s: %d occurrences found for a count of %d: %v", q, doc.ID, len(found), o.Text[k], found)
			}
			if doc.ID == "a" && len(found) == 3 {
				if got := doc.Text[found[0].Start:found[0].End]; got != "تنظيم الدولة الإسلامية" {
					t.Errorf("%s: the first mention is %q", q, got)
				}
			}
		}
	}
	// Without the other names, داعش is the word alone.
	o, err := e.Occurrences(Request{Query: "داعش"})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Docs) != 2 || o.Text[0]+o.Text[1] != 1 {
		t.Errorf("داعش alone: %v in %v", o.Text, o.Docs)
	}
}

// A highlighted text counts what the index counts: the words of a phrase
// or of a name of several words are one occurrence (one Span.Occurrence),
// the longest name placed first, so that the results' match count, the
// reader's steps and the concordance agree.
func TestTheHighlightsOfAPhraseAreOneOccurrence(t *testing.T) {
	docs := []corpus.Document{
		{ID: "a", Title: "بيان", Text: "أعلن تنظيم الدولة الإسلامية في العراق والشام مسؤوليته، وقال داعش إن #تنظيم_الدولة باق."},
		{ID: "b", Title: "خبر", Text: "قال تنظيم الدولة إن تنظيم الدولة باق، ثم تنظيم آخر."},
	}
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query, doc string
		want       int
	}{
		{`"تنظيم الدولة"`, "b", 2},
		{"داعش", "a", 3},
	} {
		req := Request{Query: tc.query, Aliases: true}
		spans, _, err := e.Highlights(tc.doc, req)
		if err != nil {
			t.Fatal(err)
		}
		if got := CountOccurrences(spans); got != tc.want {
			t.Errorf("%s in %s: %d occurrences in the highlights %+v, want %d", tc.query, tc.doc, got, spans, tc.want)
		}
		for i, s := range spans {
			if i > 0 && s.Occurrence < spans[i-1].Occurrence {
				t.Errorf("%s in %s: occurrences out of order: %+v", tc.query, tc.doc, spans)
			}
		}
		o, err := e.Occurrences(req)
		if err != nil {
			t.Fatal(err)
		}
		for k, d := range o.Docs {
			if doc, _ := e.Index().Doc(int(d)); doc.ID == tc.doc && int(o.Text[k]) != tc.want {
				t.Errorf("%s in %s: the index counts %d, the highlights %d", tc.query, tc.doc, o.Text[k], tc.want)
			}
		}
	}
}
