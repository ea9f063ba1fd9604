package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/corpus"
	"marsad/internal/search"
)

// Facets lists the values the results can be narrowed to, with live
// counts: sources, years in date order, a date range, and the entities the
// articles mention by type. Each value is a toggle button; a filter typed
// in the query (source:, date:, entity:) shows as pressed, and releasing it
// removes it from the query. On a phone the facets are a drawer that the
// page's "filter" button opens.
//
// A facet is drawn from the filters of the view alone (facetFilters), and a
// press computes where it leads from the address at that moment: the facets
// are not drawn again when only the page, the order or the tool changes (a
// tab, the next page), and go-app compares equal fields rather than a
// callback that differs at each render.
type Facets struct {
	app.Compo

	Lang        lang
	View        view // the view's filters only: facetFilters
	Facets      search.Facets
	Open        bool   // the drawer, on a phone
	EntitiesErr string // why the entity table failed to load, if it did

	toggles map[string]facetToggle // by group: what a press of a value does
	typed   []activeFilter         // the filters typed in the query
}

// facetToggle gives, for a value of a group, the view a press of it leads to
// from v (whose typed filters are typed), and whether it is on in v.
type facetToggle func(v view, typed []activeFilter, value string) (view, bool)

// facetFilters is the part of a view that the facets show: the language,
// the query (for the filters typed in it) and the filters picked.
func facetFilters(v view) view {
	return view{Lang: v.Lang, Query: v.Query, Sources: v.Sources, Years: v.Years, Entities: v.Entities, Dates: v.Dates}
}

// closeFiltersAction closes the facets' drawer on a phone (the Explorer
// handles it).
const closeFiltersAction = "marsad/close-filters"

// maxEntityValues bounds each entity group: a large corpus mentions
// thousands of places, and a facet is for the most frequent ones.
const maxEntityValues = 8

func (f *Facets) close(ctx app.Context, e app.Event) {
	ctx.NewAction(closeFiltersAction)
}

func (f *Facets) Render() app.UI {
	t := f.Lang.t()
	f.toggles = map[string]facetToggle{}
	f.typed = activeFilters(f.View)
	years := f.Facets.Years // in date order, the undated last
	class := "facets"
	if f.Open {
		class += " open"
	}
	// The backdrop is always there, hidden while the drawer is closed: go-app
	// matches children by their place, and a child that came and went would
	// have the drawer rebuilt (and the focus lost) at each toggle.
	return app.Div().Class("facets-wrap").Body(
		// A tap outside the drawer closes it.
		app.Div().Class("facets-backdrop").Aria("hidden", "true").Hidden(!f.Open).OnClick(f.close),
		app.Aside().ID("facets").Class(class).Aria("label", t.filters).
			// Open on a phone, the drawer is a modal dialog over the page.
			Role(when(f.Open, "dialog")).Aria("modal", when(f.Open, "true")).Body(
			app.Div().Class("facets-head").Body(
				app.H2().Class("facets-title").Text(t.filters),
				app.Button().Type("button").ID("facets-close").Class("facets-close").
					Aria("label", t.closeFilters).Text("×").OnClick(f.close),
			),
			app.If(f.EntitiesErr != "", func() app.UI {
				// The file name and message are Latin: isolated so the
				// right-to-left line does not scatter their parts.
				return app.P().Class("query-error").Role("alert").Body(
					app.Text(t.entitiesFailed),
					app.Span().Class("error-file").Dir("ltr").Text(f.EntitiesErr),
				)
			}),
			f.renderGroup(t.source, "source", f.Facets.Sources, true, t.sourceLabel, func(v view, typed []activeFilter, value string) (view, bool) {
				return f.toggled(v, typed, filterSource, value, func(v view) view {
					v.Sources = toggle(v.Sources, value)
					return v
				})
			}),
			f.renderGroup(t.year, "year", years, true, t.yearLabel, func(v view, typed []activeFilter, value string) (view, bool) {
				for _, af := range typed {
					if typedYear(af) == value && value != "" {
						return af.without, true
					}
				}
				return f.toggled(v, typed, filterYear, value, func(v view) view {
					v.Years = toggle(v.Years, value)
					return v
				})
			}),
			&DateRange{Lang: f.Lang, View: f.View},
			app.Range(corpus.EntityTypes).Slice(func(i int) app.UI {
				typ := corpus.EntityTypes[i]
				values := topEntities(f.Facets.Entities, typ, f.View.Entities)
				return f.renderGroup(typ.Label(t.language), "entity-"+string(typ), values, true, plainLabel, func(v view, typed []activeFilter, value string) (view, bool) {
					return f.toggled(v, typed, filterEntity, value, func(v view) view {
						v.Entities = toggle(v.Entities, value)
						return v
					})
				})
			}),
		),
	)
}

// toggled is the view a facet value's button leads to, and whether the
// value is selected now: a typed filter on that very value is released by
// removing it from the query; otherwise the picked values toggle.
func (f *Facets) toggled(v view, active []activeFilter, kind filterKind, value string, pick func(view) view) (view, bool) {
	for _, af := range active {
		if af.typed && af.kind == kind && af.value == value {
			return af.without, true
		}
	}
	var picked []string
	switch kind {
	case filterSource:
		picked = v.Sources
	case filterYear:
		picked = v.Years
	case filterEntity:
		picked = v.Entities
	}
	next := pick(v)
	next.Page, next.DocID, next.Hit = 0, "", 0
	return next, slices.Contains(picked, value)
}

// topEntities returns the entity facet values of one type, most frequent
// first, at most maxEntityValues of them plus any selected one beyond.
func topEntities(values []search.FacetValue, typ corpus.EntityType, selected []string) []search.FacetValue {
	var out []search.FacetValue
	for _, v := range values {
		if v.Type == typ && (len(out) < maxEntityValues || slices.Contains(selected, v.Value)) {
			out = append(out, v)
		}
	}
	return out
}

func plainLabel(s string) string { return s }

// renderGroup lists a facet's values with their live counts. Each value is a
// toggle button (aria-pressed) that navigates to the view with that value
// toggled, so filters stay plain addresses that back/forward and shared
// links restore.
func (f *Facets) renderGroup(title, id string, values []search.FacetValue, open bool,
	label func(string) string, toggled facetToggle) app.UI {
	f.toggles[id] = toggled
	// A group without values is hidden rather than left out, so the groups
	// after it keep their places and go-app updates them in place.
	return app.Details().Class("facet-group").DataSet("facet", id).Open(open).Hidden(len(values) == 0).Body(
		app.Summary().Text(title),
		app.Ul().Body(
			app.Range(values).Slice(func(i int) app.UI {
				fv := values[i]
				_, on := toggled(f.View, f.typed, fv.Value)
				on = on || fv.Selected // the engine's word, for a typed value spelled otherwise
				class := "facet"
				if on {
					class += " selected"
				}
				return app.Li().Body(
					app.Button().Type("button").Class(class).Aria("pressed", boolString(on)).
						DataSet("facet-group", id).DataSet("facet-value", fv.Value).
						OnClick(f.onFacet).Body(
						app.Bdi().Class("facet-label").Text(label(fv.Value)),
						app.Span().Class("facet-count").Text(strconv.Itoa(fv.Count)),
					),
				)
			}),
		),
	)
}

// onFacet follows the press of a value: from the address as it is now (the
// source of truth, with the tool and the page the facets do not keep), to
// the view with the value toggled. It reads the value from the element,
// not from a closure: go-app keeps an element's first handler when a new
// one comes from the same function literal.
func (f *Facets) onFacet(ctx app.Context, e app.Event) {
	data := ctx.JSSrc().Get("dataset")
	toggled, ok := f.toggles[data.Get("facetGroup").String()]
	if !ok {
		return
	}
	now := parseView(ctx.Page().URL())
	now.Lang = f.View.Lang
	// An empty value ("no date") writes no attribute: undefined, not "".
	value := ""
	if v := data.Get("facetValue"); !v.IsUndefined() && !v.IsNull() {
		value = v.String()
	}
	next, _ := toggled(now, activeFilters(now), value)
	ctx.NavigateTo(next.URL())
}

// DateRange is the facets' from/to control: it writes the range into the
// address (date=FROM..TO), searched as the query's date: filter.
type DateRange struct {
	app.Compo

	Lang lang
	View view

	from, to string
}

func (d *DateRange) OnMount(ctx app.Context)  { d.fromView() }
func (d *DateRange) OnUpdate(ctx app.Context) { d.fromView() }

func (d *DateRange) fromView() {
	d.from, d.to, _ = strings.Cut(d.View.Dates, "..")
	if !strings.Contains(d.View.Dates, "..") {
		d.to = d.from
	}
}

func (d *DateRange) onApply(ctx app.Context, e app.Event) {
	e.PreventDefault()
	// From the address, not d.View: the facets keep only the view's filters.
	v := parseView(ctx.Page().URL())
	v.Lang = d.View.Lang
	from, to := strings.TrimSpace(d.from), strings.TrimSpace(d.to)
	switch {
	case from == "" && to == "":
		v.Dates = ""
	case from == to:
		v.Dates = from
	default:
		v.Dates = from + ".." + to
	}
	v.Page, v.DocID, v.Hit = 0, "", 0
	ctx.NavigateTo(v.URL())
}

func (d *DateRange) Render() app.UI {
	t := d.Lang.t()
	return app.Details().Class("facet-group date-range").DataSet("facet", "date").Open(d.View.Dates != "").Body(
		app.Summary().Text(t.dateRange),
		app.Form().Class("date-form").OnSubmit(d.onApply).Body(
			app.Label().For("date-from").Text(t.dateFrom),
			app.Input().ID("date-from").Name("from").Dir("ltr").Value(d.from).Placeholder("2015").
				Aria("describedby", "date-hint").
				OnInput(func(ctx app.Context, e app.Event) { d.from = ctx.JSSrc().Get("value").String() }),
			app.Label().For("date-to").Text(t.dateTo),
			app.Input().ID("date-to").Name("to").Dir("ltr").Value(d.to).Placeholder("2016-06").
				Aria("describedby", "date-hint").
				OnInput(func(ctx app.Context, e app.Event) { d.to = ctx.JSSrc().Get("value").String() }),
			app.Button().Type("submit").Class("date-apply").Text(t.dateApply),
			app.P().ID("date-hint").Class("date-hint").Text(t.dateHint),
		),
	)
}

// when is value when cond holds, else "": go-app writes no attribute for
// an empty value.
func when(cond bool, value string) string {
	if cond {
		return value
	}
	return ""
}
