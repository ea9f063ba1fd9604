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
// grid, the first column naming each row, written as markup in one piece
// (htmlWriter): a table of fifty rows is some four hundred elements.
func dataTable(label string, head []string, rows [][]cell) app.UI {
	var w htmlWriter
	w.open("div", "class", "data-table cols-"+strconv.Itoa(len(head)), "role", "table", "aria-label", label)
	w.open("div", "class", "data-row data-head", "role", "row")
	for _, h := range head {
		w.open("span", "role", "columnheader")
		w.text(h)
		w.close("span")
	}
	w.close("div")
	for _, r := range rows {
		w.open("div", "class", "data-row", "role", "row")
		for i, c := range r {
			role := "cell"
			if i == 0 {
				role = "rowheader"
			}
			w.open("span", "role", role)
			if c.href != "" {
				attrs := []string{"href", c.href, "dir", "auto"}
				if c.title != "" {
					attrs = append(attrs, "title", c.title)
				}
				w.open("a", attrs...)
				w.text(c.text)
				w.close("a")
			} else {
				w.open("bdi")
				w.text(c.text)
				w.close("bdi")
			}
			w.close("span")
		}
		w.close("div")
	}
	w.close("div")
	return w.ui()
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
