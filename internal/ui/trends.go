package ui

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
)

// Trends draws how often the query (and up to four compared queries) occurs
// over real dates, or by source, as counts or per 10,000 words, as a chart
// or a table. A click on a bar, or a number of the table, lists the
// articles behind it. Every setting is in the address.
type Trends struct {
	app.Compo

	Lang   lang
	View   view
	Result *explore.TrendsResult
	// ArabicDigits writes the numbers with Arabic-Indic digits (١٢٣), the
	// visitor's choice; OnDigits changes it.
	ArabicDigits bool
	OnDigits     func(ctx app.Context, arabicDigits bool)

	compared string // the query being typed in "compare with"
}

func (c *Trends) Render() app.UI {
	w := c.Lang.w()
	res := c.Result
	if res == nil {
		return app.Div()
	}
	total := 0
	for _, s := range res.Series {
		total += s.Total
	}
	return app.Div().Class("trends-view").Body(
		c.renderControls(),
		c.renderLegend(),
		c.renderNameNotes(),
		app.If(total == 0, func() app.UI { return app.P().Class("empty").Role("status").Text(w.trendsNone) }),
		app.If(total > 0, func() app.UI {
			switch {
			case c.View.AsTable && c.View.BySource:
				return c.renderSourceTable()
			case c.View.AsTable:
				return c.renderTimeTable()
			case c.View.BySource:
				return barList(w.chartLabel(c.queries()), c.sourceGroups(), c.format, c.Lang.dir() == "rtl")
			}
			return columnChart(w.chartLabel(c.queries()), c.timeGroups(), c.format, c.onBar)
		}),
		app.If(total > 0 && !c.View.AsTable && !c.View.BySource, func() app.UI { return c.renderDwarfed() }),
		c.renderNotes(),
	)
}

// queries names the series, for the chart's label.
func (c *Trends) queries() string {
	names := make([]string, len(c.Result.Series))
	for i, s := range c.Result.Series {
		names[i] = s.Query
	}
	return joinTerms(c.Lang, names)
}

func (c *Trends) renderControls() app.UI {
	w := c.Lang.w()
	link := func(label string, v view, current bool) app.UI {
		a := app.A().Href(v.URL().String()).Text(label)
		if current {
			a = a.Aria("current", "true")
		}
		return a
	}
	group := func(label string, links ...app.UI) app.UI {
		return app.Div().Class("control").Role("group").Aria("label", label).Body(
			append([]app.UI{app.Span().Class("label").Text(label + ":")}, links...)...,
		)
	}
	set := func(f func(*view)) view {
		v := c.View
		f(&v)
		return v
	}
	var units []app.UI
	for _, u := range w.units {
		units = append(units, link(u[1], set(func(v *view) { v.Unit = u[0] }), c.View.Unit == u[0]))
	}
	return app.Div().Class("view-controls").Body(
		app.Form().Class("compare-with").OnSubmit(c.onAddCompared).Body(
			app.Label().For("compared").Text(w.compareWith),
			app.Input().ID("compared").Type("search").Dir("auto").Placeholder(w.compareHint).
				Value(c.compared).OnInput(keepInput(func(v string) { c.compared = v })),
			app.Button().Type("submit").Text(w.addCompared).Disabled(len(c.View.Compared) >= maxCompared),
		),
		app.If(len(c.View.Compared) > 0, func() app.UI {
			return app.Ul().Class("compared").Body(app.Range(c.View.Compared).Slice(func(i int) app.UI {
				v := c.View
				v.Compared = append(append([]string(nil), v.Compared[:i]...), v.Compared[i+1:]...)
				return app.Li().Body(app.A().Href(v.URL().String()).Aria("label", w.removeCompared(c.View.Compared[i])).
					Body(app.Bdi().Text(c.View.Compared[i]), app.Span().Aria("hidden", "true").Text(" ×")))
			}))
		}),
		group(w.unitLabel, units...),
		group(w.toolNames[toolTrends],
			link(w.overTime, set(func(v *view) { v.BySource = false }), !c.View.BySource),
			link(w.bySource, set(func(v *view) { v.BySource = true }), c.View.BySource)),
		group(w.count,
			link(w.rawCounts, set(func(v *view) { v.PerWords = false }), !c.View.PerWords),
			link(w.perTenKLabel, set(func(v *view) { v.PerWords = true }), c.View.PerWords)),
		group(w.showChart+" / "+w.showTable,
			link(w.showChart, set(func(v *view) { v.AsTable = false }), !c.View.AsTable),
			link(w.showTable, set(func(v *view) { v.AsTable = true }), c.View.AsTable)),
		app.Div().Class("control").Role("group").Aria("label", w.digitsLabel).Body(
			app.Span().Class("label").Text(w.digitsLabel+":"),
			app.Button().Type("button").Class("digits-latin").Aria("pressed", boolString(!c.ArabicDigits)).
				Lang("en").Text(w.digitsLatin).OnClick(func(ctx app.Context, e app.Event) { c.OnDigits(ctx, false) }),
			app.Button().Type("button").Class("digits-arabic").Aria("pressed", boolString(c.ArabicDigits)).
				Lang("ar").Text(w.digitsArabic).OnClick(func(ctx app.Context, e app.Event) { c.OnDigits(ctx, true) }),
		),
	)
}

func (c *Trends) onAddCompared(ctx app.Context, e app.Event) {
	e.PreventDefault()
	q := strings.TrimSpace(c.compared)
	if q == "" || len(c.View.Compared) >= maxCompared {
		return
	}
	v := c.View
	v.Compared = append(append([]string(nil), v.Compared...), q)
	c.compared = ""
	ctx.NavigateTo(v.URL())
}

func (c *Trends) renderLegend() app.UI {
	w := c.Lang.w()
	return app.Ul().Class("legend").Body(app.Range(c.Result.Series).Slice(func(i int) app.UI {
		s := c.Result.Series[i]
		// The unit said: the chart counts occurrences, the results and a
		// bar's list of articles count articles.
		total := w.kwicHeading(s.Total, s.TotalDocs)
		if c.ArabicDigits {
			total = arabicIndic(total)
		}
		return app.Li().Body(
			app.Span().Class("swatch s"+strconv.Itoa(i)).Aria("hidden", "true"),
			app.Bdi().Text(s.Query),
			app.Span().Class("legend-total").Text(" ("+total+")"),
		)
	}))
}

// maxNamesSaid bounds the other names a trends note lists for a query.
const maxNamesSaid = 4

// renderNameNotes says of a query whose words were searched with an
// entity's other names that its counts include them, and of a compared
// query that searches the very names of another (ISIS and داعش) that its
// line is that one's; each with the way to count the words themselves.
func (c *Trends) renderNameNotes() app.UI {
	w := c.Lang.w()
	own := c.View
	own.NoAliases = true
	var notes []app.UI
	for _, s := range c.Result.Series {
		switch {
		case s.SameAs >= 0:
			notes = append(notes, app.P().Class("note same-names").Body(
				app.Text(w.sameNames(s.Query, c.Result.Series[s.SameAs].Query)+" "),
				app.A().Href(own.URL().String()).Text(w.compareWordsOnly),
			))
		case len(s.OtherNames) > 0:
			// Each name set apart (bdi): Arabic names listed in an English
			// sentence would otherwise run together right to left.
			names := s.OtherNames[:min(len(s.OtherNames), maxNamesSaid)]
			body := []app.UI{app.Text(w.namesCounted(s.Query))}
			for i, n := range names {
				if i > 0 {
					body = append(body, app.Text(c.Lang.comma()))
				}
				body = append(body, app.Bdi().Text(n))
			}
			body = append(body, app.Text(w.namesMore(len(s.OtherNames)-len(names))+" "),
				app.A().Href(own.URL().String()).Text(w.countWordsOnly))
			notes = append(notes, app.P().Class("note names-counted").Body(body...))
		}
	}
	if len(notes) == 0 {
		return nil
	}
	return app.Div().Body(notes...)
}

// value is what a series shows for one count: occurrences, or the rate.
func (c *Trends) value(count int, rate float64) float64 {
	if c.View.PerWords {
		return rate
	}
	return float64(count)
}

// format writes a number as the view shows it: a count whole, a rate with
// two decimals, in the visitor's digits.
func (c *Trends) format(v float64) string {
	var s string
	if c.View.PerWords && v != float64(int(v)) {
		s = strconv.FormatFloat(v, 'f', 2, 64)
	} else {
		s = strconv.FormatFloat(v, 'f', 0, 64)
	}
	if c.ArabicDigits {
		return arabicIndic(s)
	}
	return s
}

// articlesOf is the address listing the articles behind one number: the
// series' query, in a period or a source. A compared series' query trades
// places with the main one, so that trends, from there, compares the same
// queries rather than the compared one with itself.
func (c *Trends) articlesOf(series int, period, source string) string {
	v := c.View.withTool(toolResults)
	if series > 0 && series-1 < len(c.View.Compared) {
		v.Compared = slices.Clone(c.View.Compared)
		v.Query, v.Compared[series-1] = c.View.Compared[series-1], c.View.Query
	}
	if period != "" {
		v.Dates = period
	}
	if source != "" || period == "" {
		v.Sources = []string{source}
	}
	return v.URL().String()
}

func (c *Trends) timeGroups() []barGroup {
	w := c.Lang.w()
	res := c.Result
	groups := make([]barGroup, len(res.Buckets))
	for i, b := range res.Buckets {
		g := barGroup{label: c.periodLabel(b.Label)}
		for s, series := range res.Series {
			v := c.value(series.Counts[i], series.PerTenThousand[i])
			g.bars = append(g.bars, bar{
				value: v,
				title: w.barTitle(g.label, series.Query, c.format(v)),
				href:  c.articlesOf(s, b.DateFilter, ""),
			})
		}
		groups[i] = g
	}
	return groups
}

// maxSourceBars is how many sources the chart by source draws: the most
// frequent; the table lists them all.
const maxSourceBars = 15

func (c *Trends) sourceGroups() []barGroup {
	w, t := c.Lang.w(), c.Lang.t()
	labels := c.sources()
	if len(labels) > maxSourceBars {
		labels = labels[:maxSourceBars]
	}
	groups := make([]barGroup, len(labels))
	for i, src := range labels {
		g := barGroup{label: t.sourceLabel(src)}
		for s, series := range c.Result.Series {
			n := sourceCount(series, src)
			v := c.value(n.Count, n.PerTenThousand)
			g.bars = append(g.bars, bar{value: v, title: w.barTitle(g.label, series.Query, c.format(v)), href: c.articlesOf(s, "", src)})
		}
		groups[i] = g
	}
	return groups
}

// sources are the sources any series counts, in the first series' order
// (most occurrences first), then the others'.
func (c *Trends) sources() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range c.Result.Series {
		for _, n := range s.BySource {
			if !seen[n.Label] {
				seen[n.Label] = true
				out = append(out, n.Label)
			}
		}
	}
	return out
}

func sourceCount(s explore.Series, source string) explore.Count {
	for _, n := range s.BySource {
		if n.Label == source {
			return n
		}
	}
	return explore.Count{Label: source}
}

// periodLabel writes a bucket's label ("2016-03") in the visitor's digits.
func (c *Trends) periodLabel(label string) string {
	if c.ArabicDigits {
		return arabicIndic(label)
	}
	return label
}

// renderTimeTable is the chart's numbers as a table: a row per period, a
// column per query, each number a link to the articles behind it.
func (c *Trends) renderTimeTable() app.UI {
	w := c.Lang.w()
	res := c.Result
	rows := make([][]cell, len(res.Buckets))
	for i, b := range res.Buckets {
		rows[i] = []cell{{text: c.periodLabel(b.Label)}}
		for s, series := range res.Series {
			v := c.value(series.Counts[i], series.PerTenThousand[i])
			rows[i] = append(rows[i], cell{text: c.format(v), href: c.articlesOf(s, b.DateFilter, "")})
		}
	}
	return dataTable(w.chartLabel(c.queries()), c.tableHead(w.period), rows)
}

func (c *Trends) renderSourceTable() app.UI {
	w, t := c.Lang.w(), c.Lang.t()
	var rows [][]cell
	for _, src := range c.sources() {
		row := []cell{{text: t.sourceLabel(src)}}
		for s, series := range c.Result.Series {
			n := sourceCount(series, src)
			row = append(row, cell{text: c.format(c.value(n.Count, n.PerTenThousand)), href: c.articlesOf(s, "", src)})
		}
		rows = append(rows, row)
	}
	return dataTable(w.chartLabel(c.queries()), c.tableHead(w.source), rows)
}

func (c *Trends) tableHead(first string) []string {
	head := []string{first}
	for _, s := range c.Result.Series {
		head = append(head, s.Query)
	}
	return head
}

// renderNotes says what the chart leaves out: undated articles, and those
// dated more coarsely than its periods.
func (c *Trends) renderNotes() app.UI {
	w := c.Lang.w()
	undated := 0
	for _, s := range c.Result.Series {
		undated += s.Undated.Count
	}
	coarse := 0
	for _, s := range c.Result.Series {
		for _, n := range s.Coarse {
			coarse += n.Count
		}
	}
	return app.If(!c.View.BySource && undated+coarse > 0, func() app.UI {
		return app.Div().Body(
			app.If(undated > 0, func() app.UI { return app.P().Class("note").Text(w.undated(undated)) }),
			app.If(coarse > 0, func() app.UI { return app.P().Class("note").Text(w.coarse(coarse, w.unitNames[c.Result.Unit])) }),
		)
	})
}

// onBar opens the articles behind the bar clicked.
func (c *Trends) onBar(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if !target.Truthy() || target.Get("dataset").IsUndefined() {
		return
	}
	if href := target.Get("dataset").Get("href"); href.Truthy() {
		ctx.NavigateTo(parseHref(href.String()))
	}
}

// parseHref reads an address the page wrote itself.
func parseHref(href string) *url.URL {
	u, err := url.Parse(href)
	if err != nil {
		return &url.URL{Path: RootPath()}
	}
	return u
}

// dwarfedRatio is how many times smaller than the tallest line's peak a
// line's peak must be for the chart to say the line can hardly be seen:
// at a twentieth of the chart's height, its bars are a few pixels.
const dwarfedRatio = 20

// renderDwarfed says which compared lines the chart's one scale flattens
// (تلغرام's 44 beside داعش's peak of 3,910), with the way to see each: the
// line alone, or the table of numbers.
func (c *Trends) renderDwarfed() app.UI {
	w := c.Lang.w()
	peaks := make([]float64, len(c.Result.Series))
	top := 0.0
	for i, s := range c.Result.Series {
		for b := range s.Counts {
			peaks[i] = max(peaks[i], c.value(s.Counts[b], s.PerTenThousand[b]))
		}
		top = max(top, peaks[i])
	}
	var notes []app.UI
	for i, s := range c.Result.Series {
		if peaks[i] == 0 || peaks[i]*dwarfedRatio > top {
			continue
		}
		alone := c.View
		alone.Query, alone.Compared = s.Query, nil
		table := c.View
		table.AsTable = true
		notes = append(notes, app.P().Class("note dwarfed").Body(
			app.Text(w.dwarfed(s.Query, c.format(peaks[i]), c.format(top))+" "),
			app.A().Href(alone.URL().String()).Text(w.lineAlone),
			app.Text(w.orWord),
			app.A().Href(table.URL().String()).Text(w.asTableLink),
			app.Text("."),
		))
	}
	if len(notes) == 0 {
		return nil
	}
	return app.Div().Body(notes...)
}
