package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/query"
	"marsad/internal/search"
)

// Results is the list of results with what explains it: the count (a live
// region, so a screen reader hears it when a search ends), the sort order,
// how the query was read (other names searched, word forms, expansions),
// partial matches, "did you mean" and the pager.
type Results struct {
	app.Compo

	Lang lang
	View view
	// Answered is the query the results on the page answer (data-query);
	// while it differs from the box, a search is running.
	Answered    string
	Result      *search.Result
	Suggestions []suggestion
	SourceHints []sourceHint
	DateHints   []dateHint
	Err         string
	Busy        bool
}

func (r *Results) Render() app.UI {
	t := r.Lang.t()
	res := r.Result
	if res == nil {
		return app.Div().Class("results-body").Body(
			app.P().Class("count").Aria("live", "polite").Text(r.status("")),
			app.If(r.Err != "", func() app.UI { return app.P().Class("query-error").Role("alert").Text(r.Err) }),
		)
	}
	summary := t.results(res.Total)
	if r.View.Query == "" && r.View.Dates == "" {
		summary = corpusSummary(t, res)
	}
	hints := readAsTextHints(res.ReadAsText)
	// go-app matches the children of an element by their place: the notes
	// that come and go sit in a block of their own, so that the list of
	// results keeps its place and is updated, not built anew, when they
	// change.
	return app.Div().Class("results-body").Body(
		app.Div().Class("count-row").Body(
			app.P().Class("count").Aria("live", "polite").Text(r.status(summary)),
			app.If(r.View.Query != "" && res.Total > 1, func() app.UI { return r.renderSort() }),
		),
		app.Div().Class("notes").Body(
			app.If(r.Err != "", func() app.UI { return app.P().Class("query-error").Role("alert").Text(r.Err) }),
			app.Range(hints).Slice(func(i int) app.UI {
				return app.P().Class("query-note read-as-text").Text(t.readAsText[hints[i]])
			}),
			app.If(res.DroppedTerms > 0, func() app.UI {
				return app.P().Class("query-note").Text(t.droppedTerms(res.DroppedTerms))
			}),
			app.If(r.View.AllWords && !res.Partial, func() app.UI {
				wider := r.View.results()
				wider.AllWords, wider.Page = false, 0
				return app.P().Class("partial-note all-words-only").Body(
					app.Text(t.allWordsOnly+" "),
					app.A().Href(wider.URL().String()).Text(t.withPartialMatches),
				)
			}),
			// With nothing found, the note on partial matches would announce
			// matches the page does not have.
			app.If(res.Partial && res.Total > 0, func() app.UI {
				if res.Mode == search.ModeCoverage {
					return app.P().Class("partial-note coverage").DataSet("mode", string(res.Mode)).Text(t.coverage(res.StrictTotal))
				}
				note := app.P().Class("partial-note").DataSet("mode", string(res.Mode))
				if res.StrictTotal == 0 {
					return note.Text(t.partial(res.StrictTotal))
				}
				strict := r.View.results()
				strict.AllWords, strict.Page = true, 0
				return note.Body(app.Text(t.partial(res.StrictTotal)+" "), app.A().Class("all-words").Href(strict.URL().String()).Text(t.onlyAllWords(res.StrictTotal)))
			}),
			app.If(res.DidYouMean != "", func() app.UI {
				v := r.View.results()
				v.Query, v.Page = res.DidYouMean, 0
				return app.P().Class("did-you-mean").Body(
					app.Text(t.didYouMean),
					app.A().Href(v.URL().String()).Dir("auto").Text(res.DidYouMean),
					app.Text(questionMark(r.Lang)),
				)
			}),
			app.Range(r.SourceHints).Slice(func(i int) app.UI { return r.renderSourceHint(r.SourceHints[i]) }),
			app.Range(r.DateHints).Slice(func(i int) app.UI { return r.renderDateHint(r.DateHints[i]) }),
			&QueryExplained{Lang: r.Lang, View: r.View, Result: res},
			app.If(res.Total == 0, func() app.UI { return r.renderNoResults() }),
		),
		app.Ol().Class("hits").DataSet("query", r.Answered).Body(
			app.Range(res.Hits).Slice(func(i int) app.UI { return r.renderHit(res.Hits[i]) }),
		),
		app.If(len(res.Hits) == 0 && res.Total > 0, func() app.UI {
			pages := pagesOf(res.Total, pageSize)
			last := r.View.results()
			last.Page = pages - 1
			return pastLastPage(t, pages, last)
		}),
		r.renderPager(res.Total),
	)
}

// renderSourceHint says that a source filter names no source of the
// corpus, and offers the sources whose names hold its words.
func (r *Results) renderSourceHint(h sourceHint) app.UI {
	return noSuchSourceNote(r.Lang, h.value, h.like, func(name string) view {
		v := h.without
		v.Sources = append(slices.Clone(v.Sources), name)
		v.Page = 0
		return v
	})
}

// noSuchSourceNote says that a source filter's value names no source of
// the corpus, and offers the sources like it, each a link to the view
// withSource gives for it.
func noSuchSourceNote(l lang, value string, like []string, withSource func(name string) view) app.UI {
	t := l.t()
	body := []app.UI{app.Text(t.noSuchSource(value))}
	if len(like) > 0 {
		body = append(body, app.Text(" "+t.didYouMean))
		for i, name := range like {
			if i > 0 {
				body = append(body, app.Text(t.or))
			}
			body = append(body, app.A().Href(withSource(name).URL().String()).Body(app.Bdi().Text(name)))
		}
		body = append(body, app.Text(questionMark(l)))
	}
	return app.P().Class("query-note no-such-source").Body(body...)
}

// renderDateHint says that a date filter lies outside the corpus's dated
// articles, and offers its Hijri reading when that falls within them.
func (r *Results) renderDateHint(h dateHint) app.UI {
	t := r.Lang.t()
	body := keepWhole(t.noDatedArticles(h.value, h.first, h.last), h.first, h.last)
	if h.hijriFrom != "" {
		body = append(body, app.Text(" "))
		body = append(body, keepWhole(t.hijriReading(h.value, h.hijriFrom, h.hijriTo), h.hijriFrom, h.hijriTo)...)
		body = append(body, app.A().Class("hijri-dates").Href(h.hijri.URL().String()).Text(t.searchHijri))
	}
	return app.P().Class("query-note date-outside").Body(body...)
}

// keepWhole renders text with each of its dates (2015-02-01) as a piece
// that a line does not break at its hyphens.
func keepWhole(text string, dates ...string) []app.UI {
	var out []app.UI
	for text != "" {
		at, date := len(text), ""
		for _, d := range dates {
			if i := strings.Index(text, d); i >= 0 && i < at {
				at, date = i, d
			}
		}
		if at > 0 {
			out = append(out, app.Text(text[:at]))
		}
		if date == "" {
			break
		}
		out = append(out, app.Span().Class("nowrap").Text(date))
		text = text[at+len(date):]
	}
	return out
}

// pastLastPage says that a page (of an old link, an edited address) is
// past the last, and leads to the last.
func pastLastPage(t *texts, pages int, last view) app.UI {
	return app.P().Class("empty past-last").Role("status").Body(
		app.Text(t.pastLastPage(pages)+" "),
		app.A().Href(last.URL().String()).Text(t.toLastPage),
	)
}

// readAsTextHints are the kinds of what the query had that was not
// well-formed syntax and was read as words, each kind once, in query order:
// the page says each gently, in its own language, above the results.
func readAsTextHints(hints []*query.Error) []query.ErrorKind {
	var kinds []query.ErrorKind
	for _, h := range hints {
		if !slices.Contains(kinds, h.Kind) && h.Kind != "" {
			kinds = append(kinds, h.Kind)
		}
	}
	return kinds
}

// status is the count line: what is on the page, or that a search runs.
func (r *Results) status(summary string) string {
	if r.Busy {
		return r.Lang.t().searching(r.View.effectiveQuery())
	}
	return summary
}

func questionMark(l lang) string {
	if l == english {
		return "?"
	}
	return "؟"
}

// corpusSummary describes what the corpus overview covers: how many named
// sources, and the years it spans.
func corpusSummary(t *texts, res *search.Result) string {
	sources := 0
	for _, v := range res.Facets.Sources {
		if v.Value != "" && v.Count > 0 {
			sources++
		}
	}
	first, last := "", ""
	for _, v := range res.Facets.Years {
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
	return t.corpusSummary(res.Total, sources, first, last)
}

func (r *Results) renderHit(h search.Hit) app.UI {
	t := r.Lang.t()
	reader := r.View.results()
	reader.DocID = h.ID
	return app.Li().Class("hit").DataSet("doc-id", h.ID).Body(
		app.H2().Class("hit-title").Body(
			app.A().Href(reader.URL().String()).Dir(textDir(h.Title)).Body(marked(h.Title, h.TitleMatches, nil, -1)...),
		),
		app.P().Class("meta").Body(
			app.Bdi().Class("source").Text(t.sourceLabel(h.Source)),
			app.Span().Class("date").Text(t.displayDate(h.Date, false)),
			app.If(len(h.Matches) > 0, func() app.UI {
				return app.Span().Class("hit-count").Text(t.matches(search.CountOccurrences(h.Matches)))
			}),
		),
		app.P().Class("snippet").Dir(textDir(h.Snippet.Text)).Body(marked(h.Snippet.Text, h.Snippet.Marks, nil, -1)...),
	)
}

// sortOrders are the orders a visitor can pick, in the order of
// texts.sortNames.
var sortOrders = []string{search.SortRelevance, search.SortNewest, search.SortOldest}

// renderSort is a group of radio buttons: one stop for the keyboard on the
// way from the search box to the first result (the arrows move within
// it), and no <select>, whose go-app element type would cost app.wasm some
// 50 KB.
func (r *Results) renderSort() app.UI {
	t := r.Lang.t()
	return app.Div().Class("sort").Role("radiogroup").Aria("labelledby", "sort-label").Body(
		app.Span().ID("sort-label").Text(t.sortLabel+": "),
		app.Range(sortOrders).Slice(func(i int) app.UI {
			order := sortOrders[i]
			id := "sort-" + order
			if order == "" {
				id = "sort-relevance"
			}
			return app.Label().For(id).Class("sort-option").Body(
				app.Input().Type("radio").ID(id).Name("sort").Value(order).Checked(r.View.Sort == order).
					OnChange(func(ctx app.Context, e app.Event) {
						v := r.View.results()
						v.Sort, v.Page = order, 0
						ctx.NavigateTo(v.URL())
					}),
				app.Text(t.sortNames[i]),
			)
		}),
	)
}

func (r *Results) renderNoResults() app.UI {
	t := r.Lang.t()
	clear := r.View.results()
	clear.Sources, clear.Years, clear.Entities, clear.Dates, clear.Page = nil, nil, nil, "", 0
	filtered := len(activeFilters(r.View)) > 0
	shape := shapeOf(r.View.effectiveQuery())
	return app.Div().Class("no-results").Body(
		app.P().Body(app.Text(t.noResults(r.View.Query))),
		app.If(len(r.Suggestions) > 0, func() app.UI {
			return app.P().Class("suggestions").Body(
				app.Text(t.eachWordFinds),
				app.Range(r.Suggestions).Slice(func(i int) app.UI {
					s := r.Suggestions[i]
					v := r.View.results()
					v.Query, v.Page = s.query, 0
					return app.A().Class("suggestion").Href(v.URL().String()).Body(
						app.Bdi().Text(s.query),
						app.Span().Class("facet-count").Text(" ("+strconv.Itoa(s.total)+")"),
					)
				}),
			)
		}),
		app.Ul().Body(
			// The filters first: with them, they are the likeliest cause.
			app.If(filtered, func() app.UI {
				return app.Li().Body(app.A().Href(clear.URL().String()).Class("clear-filters").Text(t.searchNoFilters))
			}),
			app.If(shape.words > 1, func() app.UI { return app.Li().Text(t.tryOneWord) }),
			app.Li().Text(t.tryOr),
			app.If(shape.excludes || shape.phrases, func() app.UI { return app.Li().Text(t.tryExclude) }),
			app.If(!filtered && shape.words <= 1 && !shape.excludes && !shape.phrases, func() app.UI { return app.Li().Text(t.tryOtherSpelling) }),
		),
	)
}

// queryShape is what a query searches for, as the advice for a search that
// found nothing needs it: how many words, and whether it excludes or quotes.
type queryShape struct {
	words             int
	excludes, phrases bool
}

func shapeOf(q string) queryShape {
	var s queryShape
	content, _ := query.SplitFilters(readQuery(q))
	query.Walk(content, func(n query.Node) bool {
		switch n.(type) {
		case query.Word, query.Prefix, query.Fuzzy:
			s.words++
		case query.Phrase:
			s.words++
			s.phrases = true
		case query.Not:
			s.excludes = true
		}
		return true
	})
	return s
}

func (r *Results) renderPager(total int) app.UI {
	t := r.Lang.t()
	pages := pagesOf(total, pageSize)
	if pages <= 1 || r.View.Page >= pages {
		return nil // past the end, pastLastPage links to the last page
	}
	prev, next := r.View.results(), r.View.results()
	prev.Page--
	next.Page++
	return app.Nav().Class("pager").Aria("label", t.pagerLabel).Body(
		app.If(r.View.Page > 0, func() app.UI {
			return app.A().Rel("prev").Href(prev.URL().String()).Text(t.previousPage)
		}),
		app.Span().Text(t.pageOf(r.View.Page+1, pages)),
		app.If(r.View.Page+1 < pages, func() app.UI {
			return app.A().Rel("next").Href(next.URL().String()).Text(t.nextPage)
		}),
	)
}
