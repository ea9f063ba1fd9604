package ui

import (
	"strconv"

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
		l := res.Lines[0]
		dir = textDir(l.Before + " " + l.Match + " " + l.After)
	}
	from, to := res.Offset+1, res.Offset+len(res.Lines)
	return app.Div().Class("kwic-view").Body(
		app.P().Class("view-summary").Role("status").Text(w.kwicHeading(res.Total, res.Docs)+w.kwicInTitles(res.InTitles)),
		c.renderSorts(),
		app.If(res.Partial, func() app.UI { return app.P().Class("note").Text(w.sortPartial(res.Sorted)) }),
		app.If(len(res.Lines) > 0, func() app.UI {
			return app.Div().Body(c.renderLines(dir), c.renderPager(from, to, res))
		}),
		app.If(len(res.Lines) == 0, func() app.UI {
			pages := max(1, pagesOf(pagedLines(res), linesPerPage))
			last := c.View
			last.Page = pages - 1
			return pastLastPage(c.Lang.t(), pages, last)
		}),
	)
}

// renderLines writes the lines as markup in one piece (htmlWriter): a page
// of lines is some three hundred elements. The line's direction is the
// corpus's, not the page's: before the hit is on its right in Arabic,
// whatever the interface language.
func (c *Concordance) renderLines(dir string) app.UI {
	w, t := c.Lang.w(), c.Lang.t()
	var h htmlWriter
	h.open("div", "class", "kwic", "role", "table", "aria-label", w.toolNames[toolConcordance], "dir", dir)
	h.open("div", "class", "kwic-row kwic-head", "role", "row")
	for _, head := range [][2]string{{"before", w.before}, {"match", w.hitWord}, {"after", w.after}, {"kwic-doc", w.docs}} {
		h.open("span", "class", head[0], "role", "columnheader")
		h.text(head[1])
		h.close("span")
	}
	h.close("div")
	for _, l := range c.Result.Lines {
		open := c.View.results()
		open.DocID, open.Hit = l.DocID, l.Hit
		h.open("div", "class", "kwic-row", "role", "row")
		// The outer cell clips the far end of the context; the inner span
		// holds the words.
		h.open("span", "class", "before", "role", "cell")
		h.open("span")
		h.bidiText(l.Before)
		h.close("span")
		h.close("span")
		h.open("span", "class", "match", "role", "cell")
		h.open("a", "href", open.URL().String())
		h.open("mark")
		h.bidiText(l.Match)
		h.close("mark")
		h.close("a")
		h.close("span")
		h.open("span", "class", "after", "role", "cell")
		h.open("span")
		h.bidiText(l.After)
		h.close("span")
		h.close("span")
		// Date and source each isolated: an English date inside an Arabic
		// line keeps its order. The date first: the cell is narrow, and a
		// long source's name, not the date, is what its end cuts.
		h.open("span", "class", "kwic-doc", "role", "cell", "title", l.Title)
		if l.Date != "" {
			h.open("bdi")
			h.text(t.displayDate(l.Date, false))
			h.close("bdi")
			h.text(" · ")
		}
		h.open("bdi")
		h.text(t.sourceLabel(l.Source))
		h.close("bdi")
		h.close("span")
		h.close("div")
	}
	h.close("div")
	return h.ui()
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
	last := pagedLines(res)
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

// pagedLines is how many lines the pages go through: all of them, or,
// sorted partially, those sorted.
func pagedLines(res *explore.ConcordanceResult) int {
	if res.Partial {
		return res.Sorted
	}
	return res.Total
}

// pagesOf is how many pages n items fill, per a page.
func pagesOf(n, per int) int { return (n + per - 1) / per }

// itoa is strconv.Itoa, short for the many counts the views print.
func itoa(n int) string { return strconv.Itoa(n) }
