package ui

import (
	"strconv"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
)

// Concordance shows every occurrence of the query as a line, key word in
// context: the words before the hit on its reading side (the right, for
// Arabic), the words after it on the other, whatever the page's language.
// Columns say "before" and "after", never left and right. Lines come by
// page; each opens the reader at its hit.
type Concordance struct {
	app.Compo

	Lang   lang
	View   view
	Result *explore.ConcordanceResult
}

func (c *Concordance) Render() app.UI {
	w := c.Lang.w()
	res := c.Result
	if res == nil {
		return app.Div()
	}
	if res.Total == 0 {
		return app.P().Class("empty").Text(w.kwicNone)
	}
	dir := "rtl"
	if len(res.Lines) > 0 {
		dir = textDir(res.Lines[0].Match)
	}
	from, to := res.Offset+1, res.Offset+len(res.Lines)
	return app.Div().Class("kwic-view").Body(
		app.P().Class("view-summary").Role("status").Text(w.kwicHeading(res.Total, res.Docs)),
		c.renderSorts(),
		app.If(res.Partial, func() app.UI { return app.P().Class("note").Text(w.sortPartial(res.Sorted)) }),
		app.Div().Class("kwic").Role("table").Aria("label", w.toolNames[toolConcordance]).Dir(dir).Body(
			app.Div().Class("kwic-row kwic-head").Role("row").Body(
				app.Span().Class("before").Role("columnheader").Text(w.before),
				app.Span().Class("match").Role("columnheader").Text(w.hitWord),
				app.Span().Class("after").Role("columnheader").Text(w.after),
				app.Span().Class("kwic-doc").Role("columnheader").Text(w.docs),
			),
			app.Range(res.Lines).Slice(func(i int) app.UI { return c.renderLine(res.Lines[i]) }),
		),
		app.If(len(res.Lines) > 0, func() app.UI {
			return c.renderPager(from, to, res)
		}),
	)
}

func (c *Concordance) renderLine(l explore.Line) app.UI {
	t := c.Lang.t()
	open := c.View.results()
	open.DocID, open.Hit = l.DocID, l.Hit
	open.Tool = toolConcordance
	meta := t.sourceLabel(l.Source)
	if l.Date != "" {
		meta += " · " + t.displayDate(l.Date, false)
	}
	return app.Div().Class("kwic-row").Role("row").Body(
		// The outer cell clips the far end of the context; the inner span
		// holds the words, kept in their order by the bidi isolation
		// marked gives Latin runs.
		app.Span().Class("before").Role("cell").Body(app.Span().Body(marked(l.Before, nil, -1, -1)...)),
		app.Span().Class("match").Role("cell").Body(
			app.A().Href(open.URL().String()).Body(app.Mark().Body(marked(l.Match, nil, -1, -1)...)),
		),
		app.Span().Class("after").Role("cell").Body(app.Span().Body(marked(l.After, nil, -1, -1)...)),
		app.Span().Class("kwic-doc").Role("cell").Title(l.Title).Body(app.Bdi().Text(meta)),
	)
}

// renderSorts offers the line orders, each a link (the order is in the
// address).
func (c *Concordance) renderSorts() app.UI {
	w := c.Lang.w()
	return app.Nav().Class("line-sorts").Aria("label", w.sortLines).Body(
		app.Span().Class("label").Text(w.sortLines+":"),
		app.Range(w.lineSorts).Slice(func(i int) app.UI {
			s := w.lineSorts[i]
			v := c.View
			v.LineSort, v.Page = s[0], 0
			a := app.A().Href(v.URL().String()).Text(s[1])
			if c.View.LineSort == s[0] {
				a = a.Aria("current", "true")
			}
			return a
		}),
	)
}

func (c *Concordance) renderPager(from, to int, res *explore.ConcordanceResult) app.UI {
	w := c.Lang.w()
	prev, next := c.View, c.View
	prev.Page--
	next.Page++
	last := res.Total
	if res.Partial {
		last = res.Sorted
	}
	return app.Nav().Class("pager").Aria("label", w.linesOfPage(from, to, res.Total)).Body(
		app.If(c.View.Page > 0, func() app.UI {
			return app.A().Class("prev").Href(prev.URL().String()).Text(w.previousLines)
		}),
		app.Span().Text(w.linesOfPage(from, to, res.Total)),
		app.If(to < last, func() app.UI {
			return app.A().Class("next").Href(next.URL().String()).Text(w.nextLines)
		}),
	)
}

// textDir is the direction of a text by its first strong letter: "rtl" for
// Arabic (and Hebrew, Syriac…), "ltr" for Latin, "rtl" when it has neither,
// the corpus being Arabic.
func textDir(s string) string {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
			return "rtl"
		case unicode.IsLetter(r):
			return "ltr"
		}
	}
	return "rtl"
}

// itoa is strconv.Itoa, short for the many counts the views print.
func itoa(n int) string { return strconv.Itoa(n) }
