package search

import "testing"

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
		for k, d := range o.Docs {
			doc, err := e.Index().Doc(int(d))
			if err != nil {
				t.Fatal(err)
			}
			m := o.Mark(doc.Text, nil)
			if len(m.Occurrences) != int(o.Text[k]) {
				t.Errorf("%s in %s: %d occurrences found in the text, %d counted", q, doc.ID, len(m.Occurrences), o.Text[k])
			}
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
