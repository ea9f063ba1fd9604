package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/query"
	"marsad/internal/search"
)

func (c *Explorer) renderResults() app.UI {
	res := c.result
	return app.Div().Class("layout").Body(
		app.If(res != nil, func() app.UI { return c.renderFacets(res.Facets) }),
		app.Section().Class("results").Aria("label", "النتائج").Body(
			app.If(c.queryErr != "", func() app.UI {
				return app.P().Class("query-error").Role("alert").Text(c.queryErr)
			}),
			app.If(res != nil, func() app.UI { return c.renderHits(res) }),
		),
	)
}

func (c *Explorer) renderHits(res *search.Result) app.UI {
	filtered := len(c.view.Sources) > 0 || len(c.view.Years) > 0
	var summary string
	switch {
	case c.view.Query == "":
		summary = "المدونة: " + articlesLabel(res.Total) + corpusSpan(res.Facets)
	default:
		summary = resultsLabel(res.Total)
	}
	// go-app matches the children of an element by their place: the notes
	// that come and go sit in a block of their own, so that the list of
	// results keeps its place and is updated, not built anew, when they
	// change.
	return app.Div().Body(
		app.Div().Class("count-row").Body(
			app.P().Class("count").Aria("live", "polite").Text(summary),
			app.If(c.view.Query != "" && res.Total > 1, func() app.UI { return c.renderSort() }),
		),
		app.Div().Class("notes").Body(c.renderNotes(res, filtered)...),
		app.Ol().Class("hits").Body(
			app.Range(res.Hits).Slice(func(i int) app.UI { return c.renderHit(res.Hits[i]) }),
		),
		c.renderPager(res.Total),
	)
}

// renderNotes says what the answer needs explained: partial matches, a
// spelling to try, the alias names and word forms searched, or why nothing
// was found.
func (c *Explorer) renderNotes(res *search.Result, filtered bool) []app.UI {
	return []app.UI{
		app.If(res.Partial, func() app.UI {
			return app.P().Class("partial-note").Role("status").Text(partialLabel(res.Mode, res.StrictTotal))
		}),
		app.If(len(res.ReadAsText) > 0, func() app.UI {
			return app.P().Class("query-note").Text(readAsTextLabel(res.ReadAsText))
		}),
		app.If(res.DidYouMean != "", func() app.UI {
			v := c.view
			v.Query, v.Page, v.DocID = res.DidYouMean, 0, ""
			return app.P().Class("did-you-mean").Body(
				app.Text("هل تقصد: "),
				app.A().Href(v.URL().String()).Text(res.DidYouMean),
				app.Text("؟"),
			)
		}),
		app.Range(res.Notes).Slice(func(i int) app.UI {
			return app.P().Class("query-note").Text(res.Notes[i])
		}),
		c.renderAliasNote(res.AlsoSearched),
		c.renderForms(res.Forms),
		app.If(res.Total == 0, func() app.UI { return c.renderNoResults(filtered) }),
	}
}

func (c *Explorer) renderHit(h search.Hit) app.UI {
	reader := c.view
	reader.DocID = h.ID
	return app.Li().Class("hit").DataSet("doc-id", h.ID).Body(
		app.H2().Class("hit-title").Body(
			app.A().Href(reader.URL().String()).Body(marked(h.Title, h.TitleMatches, -1, -1)...),
		),
		app.P().Class("meta").Body(
			app.Span().Class("source").Text(sourceLabel(h.Source)),
			app.Span().Class("date").Text(displayDate(h.Date, false)),
			app.If(len(h.Matches) > 0, func() app.UI {
				return app.Span().Class("hit-count").Text(matchesLabel(len(h.Matches)))
			}),
		),
		app.P().Class("snippet").Body(marked(h.Snippet.Text, h.Snippet.Marks, -1, -1)...),
	)
}

// sortOrders are the orders a visitor can pick, with their labels.
var sortOrders = []struct{ value, label string }{
	{search.SortRelevance, "الأنسب"},
	{search.SortNewest, "الأحدث"},
	{search.SortOldest, "الأقدم"},
}

func (c *Explorer) renderSort() app.UI {
	return app.Nav().Class("sort").Aria("label", "ترتيب النتائج").Body(
		app.Span().Text("رتّب: "),
		app.Range(sortOrders).Slice(func(i int) app.UI {
			o := sortOrders[i]
			v := c.view
			v.Sort, v.Page = o.value, 0
			a := app.A().Href(v.URL().String()).Text(o.label)
			if c.view.Sort == o.value {
				a = a.Aria("current", "true").Class("current")
			}
			return a
		}),
	)
}

// partialLabel says why the hits do not all have every word, and so which
// mode ranked them.
func partialLabel(mode search.Mode, strict int) string {
	if mode == search.ModeCoverage {
		return "استعلام طويل: رُتّبت المقالات بحسب ما تغطيه من كلماته، أندرها أثقلها وزنًا، ولم يُشترط أن تحوي كلها (" +
			articlesLabel(strict) + " تحوي كل الكلمات)."
	}
	lead := "لا يحوي أي مقال كل الكلمات"
	if strict > 0 {
		lead = "لا يحوي كل الكلمات إلا " + articlesLabel(strict)
	}
	return lead + "، فهذه مطابقات جزئية: المقالات التي تحوي بعض الكلمات، أكثرها كلماتٍ أولًا."
}

// readAsTextLabel says that part of the query looked like syntax but was
// read as text, with the parser's reason for the first such part.
func readAsTextLabel(hints []*query.Error) string {
	return "قُرئ بعض الاستعلام نصًّا لا صيغةَ بحث (" + hints[0].Msg + ")."
}

func (c *Explorer) renderNoResults(filtered bool) app.UI {
	clear := c.view
	clear.Sources, clear.Years, clear.Page = nil, nil, 0
	return app.Div().Class("no-results").Body(
		app.P().Text("لم نجد مقالًا يطابق «"+c.view.Query+"»."),
		app.If(len(c.suggestions) > 0, func() app.UI {
			return app.P().Class("suggestions").Body(
				app.Text("كل كلمة وحدها تجد: "),
				app.Range(c.suggestions).Slice(func(i int) app.UI {
					s := c.suggestions[i]
					v := c.view
					v.Query, v.Page = s.query, 0
					return app.A().Class("suggestion").Href(v.URL().String()).Body(
						app.Text(s.query),
						app.Span().Class("facet-count").Text(" ("+strconv.Itoa(s.total)+")"),
					)
				}),
			)
		}),
		app.Ul().Body(
			app.Li().Text("جرّب كلمة واحدة أو كلمة أعم: كل كلمات الاستعلام مطلوبة معًا."),
			app.Li().Text("اجمع البدائل بـ OR، مثل: فيسبوك OR تويتر"),
			app.Li().Text("احذف كلمة مستبعدة بعلامة الطرح (-) أو علامات الاقتباس حول العبارة."),
			app.If(filtered, func() app.UI {
				return app.Li().Body(app.A().Href(clear.URL().String()).Class("clear-filters").Text("ابحث بلا مرشّحات"))
			}),
		),
	)
}

func (c *Explorer) renderPager(total int) app.UI {
	pages := (total + pageSize - 1) / pageSize
	if pages <= 1 {
		return nil
	}
	prev, next := c.view, c.view
	prev.Page--
	next.Page++
	return app.Nav().Class("pager").Aria("label", "صفحات النتائج").Body(
		app.If(c.view.Page > 0, func() app.UI {
			return app.A().Href(prev.URL().String()).Text("→ السابقة")
		}),
		app.Span().Text("صفحة "+strconv.Itoa(c.view.Page+1)+" من "+strconv.Itoa(pages)),
		app.If(c.view.Page+1 < pages, func() app.UI {
			return app.A().Href(next.URL().String()).Text("التالية ←")
		}),
	)
}

func (c *Explorer) renderFacets(f search.Facets) app.UI {
	return app.Aside().Class("facets").Aria("label", "المرشّحات").Body(
		app.If(corpusEngine.entities == loadFailed, func() app.UI {
			// The entity table failed to load: say so, rather than leave
			// the entity groups silently missing.
			// The file name and message are Latin: isolate them so the
			// right-to-left line does not scatter their parts.
			return app.P().Class("query-error").Role("alert").Body(
				app.Text("تعذّر تحميل جدول الكيانات، فلا تظهر مرشّحاتها: "),
				app.Span().Class("error-file").Dir("ltr").Text(corpusEngine.entitiesErr.Error()),
			)
		}),
		c.renderFacetGroup("المصدر", f.Sources, c.view.Sources, true, sourceLabel, func(v view, value string) view {
			v.Sources = toggle(v.Sources, value)
			return v
		}),
		c.renderFacetGroup("السنة", f.Years, c.view.Years, true, yearLabel, func(v view, value string) view {
			v.Years = toggle(v.Years, value)
			return v
		}),
		app.Range(entityTypes).Slice(func(i int) app.UI {
			typ := entityTypes[i]
			values := topEntities(f.Entities, typ.name, c.view.Entities)
			// On a phone the entity groups start folded, unless one of
			// their values is picked, so the results stay near the top.
			open := !c.narrow || slices.ContainsFunc(values, func(v search.FacetValue) bool { return contains(c.view.Entities, v.Value) })
			return c.renderFacetGroup(typ.label, values, c.view.Entities, open, plainLabel, func(v view, value string) view {
				v.Entities = toggle(v.Entities, value)
				return v
			})
		}),
	)
}

// entityTypes are the entity facet groups in the order the page shows them,
// with their Arabic titles (the types are those of corpus.Entity).
var entityTypes = []struct{ name, label string }{
	{"organization", "منظمات"},
	{"media", "إعلام"},
	{"platform", "منصات"},
	{"place", "أماكن"},
	{"person", "أشخاص"},
}

// maxEntityValues bounds each entity group: a large corpus mentions
// thousands of places, and a facet is for the most frequent ones.
const maxEntityValues = 8

// topEntities returns the entity facet values of one type, most frequent
// first, at most maxEntityValues of them plus any selected one beyond.
func topEntities(values []search.FacetValue, typ string, selected []string) []search.FacetValue {
	var out []search.FacetValue
	for _, v := range values {
		if v.Type == typ && (len(out) < maxEntityValues || contains(selected, v.Value)) {
			out = append(out, v)
		}
	}
	return out
}

func plainLabel(s string) string { return s }

// renderFacetGroup lists a facet's values with their live counts; each value
// is a link to the same view with that value toggled, so filters are plain
// URLs that back/forward and shared links restore.
func (c *Explorer) renderFacetGroup(title string, values []search.FacetValue, selected []string, open bool,
	label func(string) string, toggled func(view, string) view) app.UI {
	// A group without values is hidden rather than left out, so the groups
	// after it keep their places and go-app updates them in place.
	return app.Details().Class("facet-group").Open(open).Hidden(len(values) == 0).Body(
		app.Summary().Text(title),
		app.Ul().Body(
			app.Range(values).Slice(func(i int) app.UI {
				fv := values[i]
				next := toggled(c.view, fv.Value)
				next.Page = 0
				on := contains(selected, fv.Value)
				class := "facet"
				if on {
					class += " selected"
				}
				return app.Li().Body(
					app.A().Class(class).Href(next.URL().String()).Aria("pressed", strconv.FormatBool(on)).
						DataSet("facet-value", fv.Value).Body(
						app.Span().Class("facet-label").Text(label(fv.Value)),
						app.Span().Class("facet-count").Text(strconv.Itoa(fv.Count)),
					),
				)
			}),
		),
	)
}

// corpusSpan describes what the corpus overview covers: how many named
// sources, and the years it spans.
func corpusSpan(f search.Facets) string {
	sources := 0
	for _, v := range f.Sources {
		if v.Value != "" && v.Count > 0 {
			sources++
		}
	}
	first, last := "", ""
	for _, v := range f.Years {
		if v.Value == "" || v.Count == 0 {
			continue
		}
		if first == "" || v.Value < first {
			first = v.Value
		}
		if v.Value > last {
			last = v.Value
		}
	}
	s := ""
	if sources > 0 {
		s += "، " + knownSourcesLabel(sources)
	}
	switch {
	case first != "" && first != last:
		s += "، من " + first + " إلى " + last
	case first != "":
		s += "، في " + first
	}
	return s
}

// renderAliasNote says which other names of the same entity were searched
// (داعش → تنظيم الدولة، ISIS…), with the switch to search only what was typed.
func (c *Explorer) renderAliasNote(notes []search.AliasNote) app.UI {
	toggled := c.view
	toggled.NoAliases = !c.view.NoAliases
	toggled.Page = 0
	if c.view.NoAliases {
		if c.view.Query == "" {
			return nil
		}
		return app.P().Class("aliases off").Body(
			app.Text("البحث بالأسماء الأخرى للكيان نفسه معطّل. "),
			app.A().Class("alias-toggle").Href(toggled.URL().String()).Text("فعّله"),
		)
	}
	if len(notes) == 0 {
		return nil
	}
	return app.P().Class("aliases").Body(
		app.Span().Class("aliases-label").Text("بحثنا أيضًا عن: "),
		app.Range(notes).Slice(func(i int) app.UI {
			n := notes[i]
			return app.Span().Class("alias-group").Body(
				app.Q().Text(n.Query),
				app.Text(" ← "),
				app.Range(n.Others).Slice(func(j int) app.UI {
					return app.Bdi().Class("alias").Text(n.Others[j])
				}),
			)
		}),
		app.A().Class("alias-toggle").Href(toggled.URL().String()).Text("ابحث عمّا كتبتُ فقط"),
	)
}

// renderForms shows which written forms a stemmed query word matched, with
// their counts in the corpus; each links to an exact-form search.
func (c *Explorer) renderForms(forms []search.WordForm) app.UI {
	if len(forms) == 0 {
		return nil
	}
	return app.Details().Class("forms").Body(
		app.Summary().Text("صيغ الكلمة التي طابقها البحث ("+strconv.Itoa(len(forms))+")"),
		app.Ul().Body(
			app.Range(forms).Slice(func(i int) app.UI {
				f := forms[i]
				exact := c.view
				exact.Query, exact.Page, exact.DocID = "="+f.Form, 0, ""
				return app.Li().Body(
					app.A().Class("form").Href(exact.URL().String()).Title("ابحث عن هذه الصيغة وحدها").Body(
						app.Span().Text(f.Form),
						app.Span().Class("facet-count").Text(" "+strconv.Itoa(f.Count)),
					),
				)
			}),
		),
	)
}
