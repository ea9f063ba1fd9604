package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/search"
)

// marked renders text with the given spans in <mark>, every piece as a text
// node: corpus text is never parsed as HTML. Spans are byte offsets into text,
// sorted; out-of-range or overlapping spans are skipped rather than trusted.
// firstHit numbers the marks (id "hit-N") for the reader's next/previous
// controls; -1 leaves them without ids.
//
// The nodes always alternate text, mark, text, …, text (a text may be
// empty), so that the next query's results have the same kind of node at
// the same place, and go-app updates the page's nodes instead of replacing
// them: creating nodes is most of the cost of drawing a page of results.
func marked(text string, spans []search.Span, firstHit, currentHit int) []app.UI {
	nodes := make([]app.UI, 0, 2*len(spans)+1)
	at := 0
	n := firstHit
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		nodes = append(nodes, app.Text(text[at:s.Start]))
		m := app.Mark().Text(text[s.Start:s.End])
		if firstHit >= 0 {
			m = m.ID("hit-" + strconv.Itoa(n))
			if n == currentHit {
				m = m.Class("current")
			}
			n++
		}
		nodes = append(nodes, m)
		at = s.End
	}
	return append(nodes, app.Text(text[at:]))
}

// paragraph is one "\n"-separated block of a document's text, with the hits
// that fall inside it, rebased to the paragraph.
type paragraph struct {
	text     string
	spans    []search.Span
	firstHit int
}

func splitParagraphs(text string, spans []search.Span) []paragraph {
	var out []paragraph
	hit, kept := 0, 0
	start := 0
	for start <= len(text) {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		p := paragraph{text: text[start:end], firstHit: kept}
		for hit < len(spans) && spans[hit].Start < end {
			s := spans[hit]
			if s.Start >= start && s.End <= end {
				p.spans = append(p.spans, search.Span{Start: s.Start - start, End: s.End - start, Text: s.Text})
				kept++
			}
			hit++
		}
		if len(p.text) > 0 {
			out = append(out, p)
		}
		start = end + 1
	}
	return out
}
