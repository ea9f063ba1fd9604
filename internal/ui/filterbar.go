package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/corpus"
	"marsad/internal/query"
)

// filterKind is what a filter narrows on.
type filterKind int

const (
	filterSource filterKind = iota
	filterYear
	filterEntity
	filterDate
)

// activeFilter is one filter in force: picked in the facets or the date
// range (it is in the address), or typed in the query (source:, date:,
// entity:). without is the view with just that filter removed.
type activeFilter struct {
	kind    filterKind
	value   string // as the facets name it: a source, a year, an entity, a date range
	typed   bool
	without view
}

// activeFilters lists the filters of v, those picked first, then those typed.
func activeFilters(v view) []activeFilter {
	var out []activeFilter
	for _, s := range v.Sources {
		w := v
		w.Sources = toggle(v.Sources, s)
		out = append(out, activeFilter{kind: filterSource, value: s, without: w})
	}
	for _, y := range v.Years {
		w := v
		w.Years = toggle(v.Years, y)
		out = append(out, activeFilter{kind: filterYear, value: y, without: w})
	}
	for _, e := range v.Entities {
		w := v
		w.Entities = toggle(v.Entities, e)
		out = append(out, activeFilter{kind: filterEntity, value: e, without: w})
	}
	// A date the search cannot read is left out of the search, with a note
	// saying so (the engine's ErrDateValue): it is no filter in force.
	if v.Dates != "" {
		if _, ok := readQuery(query.FieldDate + ":" + v.Dates).(query.DateRange); ok {
			w := v
			w.Dates = ""
			out = append(out, activeFilter{kind: filterDate, value: v.Dates, without: w})
		}
	}
	for _, f := range typedFilters(v.Query) {
		w := v
		w.Query = f.rest
		out = append(out, activeFilter{kind: f.kind, value: f.value, typed: true, without: w})
	}
	for i := range out {
		out[i].without.Page, out[i].without.DocID, out[i].without.Hit = 0, "", 0
	}
	return out
}

// typedFilter is a filter typed in the query, with the query it leaves when
// removed.
type typedFilter struct {
	kind  filterKind
	value string
	rest  string
}

// typedFilters finds the filters a query applies to every result: those
// at its top level, as the engine reads them (query.Read, then
// query.SplitFilters). A filter inside an OR or excluded is part of the
// question, not a narrowing of it, and stays in the query text.
func typedFilters(q string) []typedFilter {
	node, _ := query.Read(q)
	content, filters := query.SplitFilters(node)
	var out []typedFilter
	for i, n := range filters {
		f := typedFilter{kind: -1}
		switch n := n.(type) {
		case query.Field:
			switch n.Name {
			case query.FieldSource:
				f.kind, f.value = filterSource, n.Value
			case query.FieldEntity:
				f.kind, f.value = filterEntity, n.Value
			}
		case query.DateRange:
			f.kind, f.value = filterDate, dateRangeText(n)
		}
		if f.kind < 0 {
			continue
		}
		// What is left is the query's content and its other filters.
		var rest []string
		if content != nil {
			rest = append(rest, content.String())
		}
		for j, other := range filters {
			if j != i {
				rest = append(rest, other.String())
			}
		}
		f.rest = strings.Join(rest, " ")
		out = append(out, f)
	}
	return out
}

// dateRangeText writes a date range the short way a visitor types it:
// a whole year as "2018", a whole month as "2018-03".
func dateRangeText(d query.DateRange) string {
	short := func(day string, end bool) string {
		if len(day) != len("2006-01-02") {
			return day
		}
		y, m, dd := day[:4], day[5:7], day[8:]
		switch {
		case !end && m == "01" && dd == "01", end && m == "12" && dd == "31":
			return y
		case !end && dd == "01", end && dd == strconv.Itoa(daysIn(y, m)):
			return y + "-" + m
		}
		return day
	}
	from, to := short(d.From, false), short(d.To, true)
	if from == to {
		return from
	}
	return from + ".." + to
}

// readQuery is the query as the engine reads it (any text reads).
func readQuery(q string) query.Node {
	n, _ := query.Read(q)
	return n
}

// daysIn is the length of the month of "2016", "02".
func daysIn(y, m string) int {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	return corpus.DaysIn(year, month)
}

// typedYear is the year a typed date filter covers whole, if it is one.
func typedYear(f activeFilter) string {
	if f.kind == filterDate && f.typed && len(f.value) == 4 {
		return f.value
	}
	return ""
}

// FilterBar shows every filter in force, typed ones included, each with a
// one-click removal, and "clear all".
type FilterBar struct {
	app.Compo

	Lang lang
	View view
}

func (b *FilterBar) Render() app.UI {
	t := b.Lang.t()
	filters := activeFilters(b.View)
	if len(filters) == 0 {
		return app.Div().Class("filter-bar").Hidden(true)
	}
	clear := b.View
	clear.Sources, clear.Years, clear.Entities, clear.Dates = nil, nil, nil, ""
	if len(typedFilters(clear.Query)) > 0 {
		// Only the query's content is left: what it searches for.
		content, _ := query.SplitFilters(readQuery(clear.Query))
		clear.Query = ""
		if content != nil {
			clear.Query = content.String()
		}
	}
	clear.Page = 0
	return app.Div().Class("filter-bar").Role("region").Aria("label", t.activeFilters).Body(
		app.Span().Class("filter-bar-label").Text(t.activeFilters+":"),
		app.Ul().Body(
			app.Range(filters).Slice(func(i int) app.UI {
				f := filters[i]
				label := filterLabel(t, f)
				return app.Li().Body(
					app.A().Class("filter-chip").Href(f.without.URL().String()).
						Aria("label", t.removeFilter(label)).Title(t.removeFilter(label)).Body(
						// marked isolates what reads left to right in it (a
						// range of dates, 2015-01..2016-06, was drawn
						// 2016-06..2015-01 in Arabic).
						app.Bdi().Body(marked(label, nil, nil, -1)...),
						app.Span().Class("chip-x").Aria("hidden", "true").Text("×"),
					),
				)
			}),
		),
		app.If(len(filters) > 1, func() app.UI {
			return app.A().Class("clear-all").Href(clear.URL().String()).Text(t.clearAll)
		}),
	)
}

// filterLabel names a filter for the bar: its kind, then its value.
func filterLabel(t *texts, f activeFilter) string {
	switch f.kind {
	case filterSource:
		return t.source + ": " + t.sourceLabel(f.value)
	case filterYear:
		return t.year + ": " + t.yearLabel(f.value)
	case filterEntity:
		return t.entity + ": " + f.value
	}
	return t.date + ": " + f.value
}
