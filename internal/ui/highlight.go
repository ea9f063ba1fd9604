package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/search"
)

// marked renders text with the given spans in <mark>, every piece as a text
// node: corpus text is never parsed as HTML. Spans are byte offsets into text,
// sorted; out-of-range or overlapping spans are skipped rather than trusted.
// ids numbers the marks for the reader's next/previous controls: ids[i] is
// the occurrence spans[i] starts (its mark gets id "hit-N"), or -1 for a
// word inside an occurrence, and the marks of occurrence current are drawn
// as the current one. nil ids leave the marks plain.
//
// Latin and numeric runs that right-to-left display would scatter (an
// @handle, an English date, a URL) are isolated in <bdi dir="ltr">, with any
// mark inside them; a mark that crosses such a run's edge is cut in two, and
// only its first piece carries the hit's id.
func marked(text string, spans []search.Span, ids []int, current int) []app.UI {
	kept := spans[:0:0]
	var keptIDs []int
	at := 0
	for i, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		kept = append(kept, s)
		if ids != nil {
			keptIDs = append(keptIDs, ids[i])
		}
		at = s.End
	}
	runs := ltrRuns(text)
	if len(runs) == 0 {
		return markRange(text, 0, len(text), kept, keptIDs, current)
	}
	var nodes []app.UI
	at = 0
	for _, r := range runs {
		nodes = append(nodes, markRange(text, at, r.start, kept, keptIDs, current)...)
		nodes = append(nodes, app.Bdi().Dir("ltr").Body(markRange(text, r.start, r.end, kept, keptIDs, current)...))
		at = r.end
	}
	return append(nodes, markRange(text, at, len(text), kept, keptIDs, current)...)
}

// markRange renders text[from:to] with the parts of spans that fall inside
// it marked. The nodes alternate text, mark, text, …, text (a text may be
// empty), so that the next query's results have the same kind of node at
// the same place and go-app updates the page's nodes instead of replacing
// them: creating nodes is most of the cost of drawing a page of results.
func markRange(text string, from, to int, spans []search.Span, ids []int, current int) []app.UI {
	nodes := make([]app.UI, 0, 3)
	at := from
	for i, s := range spans {
		start, end := max(s.Start, from), min(s.End, to)
		if start >= end {
			continue
		}
		nodes = append(nodes, app.Text(text[at:start]))
		m := app.Mark().Text(text[start:end])
		if ids != nil {
			if start == s.Start && ids[i] >= 0 {
				m = m.ID("hit-" + strconv.Itoa(ids[i]))
			}
			if s.Occurrence == current {
				m = m.Class("current")
			}
		}
		nodes = append(nodes, m)
		at = end
	}
	return append(nodes, app.Text(text[at:to]))
}

// paragraph is one "\n"-separated block of a document's text, with the hits
// that fall inside it, rebased to the paragraph, and their ids (see marked).
type paragraph struct {
	text  string
	spans []search.Span
	ids   []int
}

func splitParagraphs(text string, spans []search.Span) []paragraph {
	var out []paragraph
	starts := search.OccurrenceStarts(spans)
	hit, start := 0, 0
	for start <= len(text) {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		p := paragraph{text: text[start:end]}
		for hit < len(spans) && spans[hit].Start < end {
			s := spans[hit]
			id := -1
			if s.Occurrence < len(starts) && starts[s.Occurrence] == hit {
				id = s.Occurrence
			}
			if s.Start >= start && s.End <= end {
				p.spans = append(p.spans, search.Span{Start: s.Start - start, End: s.End - start, Text: s.Text, Occurrence: s.Occurrence})
				p.ids = append(p.ids, id)
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
