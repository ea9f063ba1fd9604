package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cell is one cell of a data table: its text, and the address it links to
// ("" for none).
type cell struct {
	text, href, title string
}

// dataTable draws the workbench's tables of numbers (trends, collocates,
// word lists, keyness) from one function: a table of ARIA roles over a CSS
// grid, the first column naming each row. One renderer for every table
// keeps app.wasm small, where each view drawing its own rows cost kilobytes
// of code a table.
func dataTable(label string, head []string, rows [][]cell) app.UI {
	out := make([]app.UI, 0, len(rows)+1)
	headCells := make([]app.UI, len(head))
	for i, h := range head {
		headCells[i] = app.Span().Role("columnheader").Text(h)
	}
	out = append(out, app.Div().Class("data-row data-head").Role("row").Body(headCells...))
	for _, r := range rows {
		cells := make([]app.UI, len(r))
		for i, c := range r {
			role := "cell"
			if i == 0 {
				role = "rowheader"
			}
			var content app.UI = app.Bdi().Text(c.text)
			if c.href != "" {
				content = app.A().Href(c.href).Title(c.title).Dir("auto").Text(c.text)
			}
			cells[i] = app.Span().Role(role).Body(content)
		}
		out = append(out, app.Div().Class("data-row").Role("row").Body(cells...))
	}
	return app.Div().Class("data-table cols-"+strconv.Itoa(len(head))).Role("table").Aria("label", label).Body(out...)
}

// fixed writes a number with d decimals.
func fixed(v float64, d int) string { return strconv.FormatFloat(v, 'f', d, 64) }

// maxShownRows is how many rows a table of the workbench draws: the page
// draws what a visitor reads, and each row costs the page's one thread
// DOM work; the export has every row computed.
const maxShownRows = 50

func shownRows[T any](rows []T) []T {
	if len(rows) > maxShownRows {
		return rows[:maxShownRows]
	}
	return rows
}

// moreInExport says when a table shows fewer rows than the export holds.
func moreInExport(w *workTexts, shown, total int) app.UI {
	return app.If(total > shown, func() app.UI { return app.P().Class("hint").Text(w.moreInExport(shown, total)) })
}
