package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/search"
)

// maxNamesShown is how many other names of an entity the summary line
// shows before "+N".
const maxNamesShown = 3

// QueryExplained says how the query was read: which other names of an
// entity were searched (داعش → تنظيم الدولة، ISIS…), which written forms a
// stemmed word matched, which words a prefix or fuzzy word stood for. It is
// one disclosure: its summary line shows the first names and "+N", the rest
// unfolds, so the keyboard passes it in one stop on the way to the results.
type QueryExplained struct {
	app.Compo

	Lang   lang
	View   view
	Result *search.Result
}

func (q *QueryExplained) Render() app.UI {
	t := q.Lang.t()
	res := q.Result
	toggled := q.View.results()
	toggled.NoAliases = !q.View.NoAliases
	toggled.Page = 0
	if q.View.NoAliases && q.View.Query != "" {
		return app.Div().Class("explained").Body(
			app.P().Class("aliases off").Body(
				app.Text(t.aliasesOff),
				app.A().Class("alias-toggle").Href(toggled.URL().String()).Text(t.aliasesOn),
			),
			q.renderExpansions(),
		)
	}
	var names, excluded []string
	for _, n := range res.AlsoSearched {
		if n.Excluded {
			excluded = append(excluded, n.Others...)
		} else {
			names = append(names, n.Others...)
		}
	}
	if len(names)+len(excluded) == 0 && len(res.Forms) == 0 {
		return app.Div().Class("explained").Body(q.renderExpansions())
	}
	return app.Div().Class("explained").Body(
		app.Details().Class("explain").Body(
			app.Summary().Body(q.summary(t, names, excluded)...),
			app.If(len(res.AlsoSearched) > 0, func() app.UI {
				return app.Div().Class("aliases").Body(
					app.Range(res.AlsoSearched).Slice(func(i int) app.UI {
						n := res.AlsoSearched[i]
						return app.P().Class("alias-group").Body(
							app.Q().Dir("auto").Text(n.Query),
							app.Text(" ← "),
							app.If(n.Excluded, func() app.UI { return app.Span().Class("aliases-label").Text(t.alsoExcluded) }),
							app.Span().Body(listed(q.Lang, n.Others)...),
						)
					}),
					app.A().Class("alias-toggle").Href(toggled.URL().String()).Text(t.onlyWhatITyped),
				)
			}),
			q.renderForms(res.Forms),
		),
		q.renderExpansions(),
	)
}

// summary is the disclosure's one line: the first other names searched and
// how many more, then those excluded with an excluded word, or else the
// number of word forms.
func (q *QueryExplained) summary(t *texts, names, excluded []string) []app.UI {
	if len(names)+len(excluded) == 0 {
		return []app.UI{app.Text(t.formsSummary(len(q.Result.Forms)))}
	}
	var out []app.UI
	part := func(label string, names []string) {
		if len(names) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, app.Text(q.Lang.semicolon()))
		}
		shown := names[:min(len(names), maxNamesShown)]
		out = append(out, app.Span().Class("aliases-label").Text(label))
		out = append(out, listed(q.Lang, shown)...)
		if more := len(names) - len(shown); more > 0 {
			out = append(out, app.Text(" "), app.Span().Class("more-names").Dir("ltr").Text(t.moreNames(more)))
		}
	}
	part(t.alsoSearched, names)
	part(t.alsoExcluded, excluded)
	return out
}

// listed writes names as a list a screen reader and a copy keep apart:
// each isolated (a Latin name inside Arabic keeps its order), with a real
// comma between them, not only a gap drawn by the style sheet.
func listed(l lang, names []string) []app.UI {
	sep := l.comma()
	out := make([]app.UI, 0, 2*len(names))
	for i, n := range names {
		if i > 0 {
			out = append(out, app.Text(sep))
		}
		out = append(out, app.Bdi().Class("alias").Text(n))
	}
	return out
}

// renderForms shows which written forms a stemmed query word matched, with
// their counts in the corpus; each links to an exact-form search.
func (q *QueryExplained) renderForms(forms []search.WordForm) app.UI {
	if len(forms) == 0 {
		return nil
	}
	t := q.Lang.t()
	return app.Div().Class("forms").Body(
		app.P().Class("forms-title").Text(t.formsSummary(len(forms))),
		app.Ul().Body(
			app.Range(forms).Slice(func(i int) app.UI {
				f := forms[i]
				exact := q.View.results()
				exact.Query, exact.Page = "="+f.Form, 0
				return app.Li().Body(
					app.A().Class("form").Href(exact.URL().String()).Title(t.formSearchTitle).Body(
						app.Bdi().Text(f.Form),
						app.Span().Class("facet-count").Text(" "+strconv.Itoa(f.Count)),
					),
				)
			}),
		),
	)
}

// renderExpansions says which words each prefix or fuzzy word matched, the
// most frequent first, each a link to search it alone.
func (q *QueryExplained) renderExpansions() app.UI {
	xs := q.Result.Expansions
	if len(xs) == 0 {
		return nil
	}
	t := q.Lang.t()
	return app.Div().Class("expansions").Body(
		app.Range(xs).Slice(func(i int) app.UI {
			x := xs[i]
			if x.TooBroad {
				return app.P().Class("query-note").Text(t.prefixTooBroad(x.Typed))
			}
			return app.P().Class("query-note").Body(
				app.Text(t.expansions(x.Typed, len(x.Words), x.Total)),
				app.Range(x.Words).Slice(func(j int) app.UI {
					w := x.Words[j]
					v := q.View.results()
					v.Query, v.Page = "="+w.Form, 0
					sep := ""
					if j > 0 {
						sep = q.Lang.comma()
					}
					return app.Span().Body(
						app.Text(sep),
						app.A().Class("form").Href(v.URL().String()).Body(app.Bdi().Text(w.Form)),
						app.Span().Class("facet-count").Text(" ("+strconv.Itoa(w.Count)+")"),
					)
				}),
			)
		}),
	)
}
