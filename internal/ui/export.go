package ui

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
	"marsad/internal/query"
	"marsad/internal/search"
)

// Export downloads what a view shows as CSV (UTF-8 with a byte order mark,
// so that spreadsheet programs show Arabic) or JSON: the same files as the
// command line's -csv and -json. Table may read the bundle (all the lines
// of a concordance, every result), so it runs away from the UI goroutine.
type Export struct {
	app.Compo

	Lang lang
	Name string // the file's name, without extension
	// What names the table when a view has several ("" for its one).
	What  string
	Table func() (explore.Table, error)
	// About is what the table is of; the JSON file carries it, with the
	// page's address and the time of the export.
	About explore.About

	busy   bool
	status string
}

func (c *Export) Render() app.UI {
	w := c.Lang.w()
	label := w.exportLabel
	if c.What != "" {
		label += ": " + c.What
	}
	return app.Div().Class("export").Role("group").Aria("label", label).Body(
		app.Span().Class("label").Text(w.exportLabel+":"),
		app.Button().Type("button").Class("export-csv").Disabled(c.busy).DataSet("format", "csv").
			Aria("label", w.exportLabel+" "+w.exportCSV).Text(w.exportCSV).OnClick(c.onExport),
		app.Button().Type("button").Class("export-json").Disabled(c.busy).DataSet("format", "json").
			Aria("label", w.exportLabel+" "+w.exportJSON).Text(w.exportJSON).OnClick(c.onExport),
		app.Span().Class("export-status").Role("status").Text(c.status),
	)
}

func (c *Export) onExport(ctx app.Context, e app.Event) {
	format := ctx.JSSrc().Get("dataset").Get("format").String()
	w := c.Lang.w()
	make, name := c.Table, c.Name
	about := c.About
	about.Link, about.Exported = ctx.Page().URL().String(), time.Now()
	c.busy, c.status = true, w.loadingView
	ctx.Async(func() {
		table, err := make()
		var buf bytes.Buffer
		mime := "text/csv;charset=utf-8"
		if err == nil {
			if format == "json" {
				mime = "application/json"
				err = table.WriteJSON(&buf, about)
			} else {
				err = table.WriteCSV(&buf)
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			c.busy = false
			if err != nil {
				c.status = w.viewFailed(err.Error())
				return
			}
			file := downloadName(name, format, table)
			c.status = w.exported(file)
			if table.Of > len(table.Rows) {
				c.status = w.exportedFirst(file, len(table.Rows), table.Of)
			}
			download(file, mime, buf.Bytes())
		})
	})
}

// downloadName is the name of an export's file. One cut short says so
// in its name (-first-2000-of-3427): a CSV has no room for it, and a file
// is read long after the page's status is gone.
func downloadName(name, format string, t explore.Table) string {
	if t.Of > len(t.Rows) {
		name += "-first-" + strconv.Itoa(len(t.Rows)) + "-of-" + strconv.Itoa(t.Of)
	}
	return name + "." + format
}

// fileName makes a download's name from a view's tool and query: letters
// and digits kept (Arabic too), the rest dashes, at most 60 letters.
// exportName is the file name of a view's export: its tool, its query, and
// what else tells two exports apart (the filters picked on the page, the
// compared queries, by source, the two sides of a comparison), so that two
// files of one session do not take each other's name.
func exportName(v view) string {
	q := v.Query
	for _, f := range [][]string{v.Sources, v.Years, v.Entities, {v.Dates}} {
		for _, value := range f {
			q += " " + value
		}
	}
	switch v.Tool {
	case toolTrends:
		for _, c := range v.Compared {
			q += " " + c
		}
		if v.BySource {
			q += " by source"
		}
	case toolCompare:
		q += " " + v.SideA + " vs " + v.SideB
	}
	return fileName(v.Tool, q)
}

func fileName(t tool, q string) string {
	name := "marsad-results"
	if t != toolResults {
		name = "marsad-" + string(t)
	}
	var b strings.Builder
	n, dash := 0, false
	for _, r := range q {
		if n == 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			n++
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() > 0 {
		name += "-" + b.String()
	}
	return name
}

// aboutView is what an export of a view is of: its tool, query and the
// filters picked on the page (those typed are in the query), and the
// corpus's bundle.
func aboutView(v view, engine *search.Engine) explore.About {
	a := explore.About{View: v.Tool.name(), Query: v.Query, Filters: explore.FacetFilters(v.Sources, v.Years, v.Entities), OtherNames: !v.NoAliases}
	if v.Dates != "" {
		a.Filters = append(a.Filters, query.FieldDate+":"+v.Dates)
	}
	if engine != nil {
		a.Bundle, a.Articles = engine.Index().Root(), engine.Index().NumDocs()
	}
	return a
}
