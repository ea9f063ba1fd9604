package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
)

// Collocates lists the words most associated with the query within a
// window of words, by log-likelihood, with PMI and the raw counts beside
// it; each word searches the two within the window ("…"~n), what was
// counted, and the phrase they made side by side, when they did, searches
// that phrase.
type Collocates struct {
	app.Compo

	Lang   lang
	View   view
	Result *explore.CollocatesResult
}

// windows are the window sizes offered.
var windows = []int{2, 3, 5, 8, 10}

func (c *Collocates) Render() app.UI {
	w := c.Lang.w()
	res := c.Result
	if res == nil {
		return app.Div()
	}
	return app.Div().Class("collocates-view").Body(
		app.P().Class("view-summary").Role("status").Text(w.collocatesHeading(res.Window)),
		c.renderWindows(res.Window),
		app.If(res.Sampled, func() app.UI { return app.P().Class("note").Text(w.sampled(res.DocsRead, res.Docs)) }),
		app.If(len(res.Collocates) == 0, func() app.UI { return app.P().Class("empty").Text(w.collocatesNone) }),
		app.If(len(res.Collocates) > 0, func() app.UI { return c.renderTable(res) }),
	)
}

func (c *Collocates) renderWindows(current int) app.UI {
	w := c.Lang.w()
	links := []app.UI{app.Span().Class("label").Text(w.windowLabel + ":")}
	for _, n := range windows {
		v := c.View
		v.Window = n
		a := app.A().Href(v.URL().String()).Dir("ltr").Text("±" + strconv.Itoa(n))
		if n == current {
			a = a.Aria("current", "true")
		}
		links = append(links, a)
	}
	return app.Div().Class("view-controls").Body(app.Div().Class("control").Role("group").Aria("label", w.windowLabel).Body(links...))
}

func (c *Collocates) renderTable(res *explore.CollocatesResult) app.UI {
	w := c.Lang.w()
	rows := make([][]cell, len(res.Collocates))
	for i, col := range res.Collocates {
		// The word searches what was counted: the two within the window
		// ("…"~n), or, for a query of several parts, both words.
		search, title := col.Near, w.searchNear(res.Window)
		if search == "" {
			search, title = col.Pair, w.searchBoth
			if col.PairIsPhrase {
				title = w.searchPair
			}
		}
		word := cell{text: col.Form, href: c.View.searching(search).URL().String(), title: title + ": " + search}
		// Beside it, the phrase the two made most often, side by side.
		phrase := cell{text: "—"}
		if col.PairIsPhrase {
			phrase = cell{text: strings.Trim(col.Pair, `"`), href: c.View.searching(col.Pair).URL().String(), title: w.searchPair + ": " + col.Pair}
		}
		rows[i] = []cell{word, phrase,
			{text: fixed(col.LogLikelihood, 1)}, {text: fixed(col.PMI, 2)}, {text: itoa(col.Count)}, {text: itoa(col.Freq)},
		}
	}
	return dataTable(w.toolNames[toolCollocates], []string{w.collocate, w.sideBySide, w.logLikelihood, w.pmi, w.together, w.inArticlesRead}, rows)
}
