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
// Latin and numeric runs that right-to-left display would scatter (an
// @handle, an English date, a URL) are isolated in <bdi dir="ltr">, with any
// mark inside them; a mark that crosses such a run's edge is cut in two, and
// only its first piece carries the hit's id.
func marked(text string, spans []search.Span, firstHit, currentHit int) []app.UI {
	kept := spans[:0:0]
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		kept = append(kept, s)
		at = s.End
	}
	runs := ltrRuns(text)
	if len(runs) == 0 {
		return markRange(text, 0, len(text), kept, firstHit, currentHit)
	}
	var nodes []app.UI
	at = 0
	for _, r := range runs {
		nodes = append(nodes, markRange(text, at, r.start, kept, firstHit, currentHit)...)
		nodes = append(nodes, app.Bdi().Dir("ltr").Body(markRange(text, r.start, r.end, kept, firstHit, currentHit)...))
		at = r.end
	}
	return append(nodes, markRange(text, at, len(text), kept, firstHit, currentHit)...)
}

// markRange renders text[from:to] with the parts of spans that fall inside
// it marked. The nodes alternate text, mark, text, …, text (a text may be
// empty), so that the next query's results have the same kind of node at
// the same place and go-app updates the page's nodes instead of replacing
// them: creating nodes is most of the cost of drawing a page of results.
func markRange(text string, from, to int, spans []search.Span, firstHit, currentHit int) []app.UI {
	nodes := make([]app.UI, 0, 3)
	at := from
	for i, s := range spans {
		start, end := max(s.Start, from), min(s.End, to)
		if start >= end {
			continue
		}
		nodes = append(nodes, app.Text(text[at:start]))
		m := app.Mark().Text(text[start:end])
		if firstHit >= 0 {
			n := firstHit + i
			if start == s.Start {
				m = m.ID("hit-" + strconv.Itoa(n))
			}
			if n == currentHit {
				m = m.Class("current")
			}
		}
		nodes = append(nodes, m)
		at = end
	}
	return append(nodes, app.Text(text[at:to]))
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
