package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
	"marsad/internal/query"
	"marsad/internal/search"
)

// Compare sets two subcorpora side by side (each a query or a filter:
// source:الجزيرة, date:..2015, entity:تويتر, a word): their sizes, the
// query's frequency in each, and the words distinctive of each by
// log-likelihood keyness with the log ratio as effect size.
type Compare struct {
	app.Compo

	Lang   lang
	View   view
	Result *explore.Comparison
	// Unknown are each side's source filters that name no source: a side
	// of "0 articles" says why, as the results do (source:الجزيرة where
	// the corpus has صحيفة الجزيرة and قناة الجزيرة).
	Unknown [2][]unknownSource

	sideA, sideB string // as typed, before Compare is pressed
	typed        bool
}

func (c *Compare) OnMount(ctx app.Context) { c.sync() }

func (c *Compare) OnUpdate(ctx app.Context) { c.sync() }

// sync fills the form from the address until the visitor types in it.
func (c *Compare) sync() {
	if !c.typed {
		c.sideA, c.sideB = c.View.SideA, c.View.SideB
	}
}

func (c *Compare) Render() app.UI {
	w := c.Lang.w()
	return app.Div().Class("compare-view").Body(
		app.P().Class("hint").Body(
			app.Text(w.compareIntro),
			app.Range(compareExamples).Slice(func(i int) app.UI {
				sep := ""
				if i > 0 {
					sep = c.Lang.comma()
				}
				return app.Span().Body(app.Text(sep), app.Bdi().Dir("ltr").Text(compareExamples[i]))
			}),
			app.Text(w.compareIntroEnd),
		),
		app.Form().Class("compare-form").OnSubmit(c.onCompare).Body(
			app.Label().For("side-a").Text(w.sideA),
			app.Input().ID("side-a").Type("search").Dir("auto").Placeholder(w.sideHint).Value(c.sideA).
				OnInput(keepInput(func(v string) { c.sideA, c.typed = v, true })),
			app.Label().For("side-b").Text(w.sideB),
			app.Input().ID("side-b").Type("search").Dir("auto").Placeholder(w.sideHint).Value(c.sideB).
				OnInput(keepInput(func(v string) { c.sideB, c.typed = v, true })),
			app.Button().Type("submit").Text(w.compareRun),
		),
		app.If(c.Result == nil, func() app.UI { return app.P().Class("empty").Role("status").Text(w.compareNeedsSides) }),
		app.If(c.Result != nil, func() app.UI { return c.renderResult(c.Result) }),
	)
}

// compareExamples are sets a visitor can compare, in the query language.
var compareExamples = []string{"source:الجزيرة", "date:2014..2015", "entity:تويتر"}

func (c *Compare) onCompare(ctx app.Context, e app.Event) {
	e.PreventDefault()
	v := c.View
	v.SideA, v.SideB = strings.TrimSpace(c.sideA), strings.TrimSpace(c.sideB)
	c.typed = false
	ctx.NavigateTo(v.URL())
}

func (c *Compare) renderResult(r *explore.Comparison) app.UI {
	w := c.Lang.w()
	side := func(name string, s explore.Side, query string, unknown []unknownSource, isB bool) app.UI {
		return app.Div().Class("side").Body(
			app.H2().Body(app.Text(name+": "), app.Bdi().Text(query)),
			app.P().Text(w.sideSize(s.Docs, s.Words)),
			app.Range(unknown).Slice(func(i int) app.UI { return c.renderUnknownSource(query, unknown[i], isB) }),
			app.If(s.Sampled, func() app.UI { return app.P().Class("note").Text(w.sampled(s.DocsRead, s.Docs)) }),
			app.If(r.Query != "", func() app.UI {
				return app.P().Class("query-rate").Text(w.queryIn(r.Query) + ": " + w.queryRate(s.QueryCount.Count, fixed(s.QueryCount.PerTenThousand, 2)))
			}),
		)
	}
	return app.Div().Class("comparison").Body(
		app.Div().Class("sides").Body(
			side(w.sideA, r.A, c.View.SideA, c.Unknown[0], false),
			side(w.sideB, r.B, c.View.SideB, c.Unknown[1], true),
		),
		app.Div().Class("sides").Body(
			c.renderKeywords("keywords-a", w.distinctiveOf(w.sideA), r.DistinctiveA),
			c.renderKeywords("keywords-b", w.distinctiveOf(w.sideB), r.DistinctiveB),
		),
	)
}

func (c *Compare) renderKeywords(id, heading string, all []explore.Keyword) app.UI {
	w := c.Lang.w()
	words := shownRows(all)
	rows := make([][]cell, len(words))
	for i, k := range words {
		rows[i] = []cell{
			{text: k.Form, href: c.View.searching(k.Form).URL().String()},
			{text: fixed(k.LogLikelihood, 1)}, {text: fixed(k.LogRatio, 2)}, {text: itoa(k.CountA)}, {text: itoa(k.CountB)},
		}
	}
	return app.Section().Class("keywords").Aria("labelledby", id).Body(
		app.H2().ID(id).Text(heading),
		dataTable(heading, []string{w.word, w.keyness, w.logRatio, w.inA, w.inB}, rows),
		moreInExport(w, len(words), len(all)),
	)
}

// unknownSource is a source filter of a compare side that names no source
// of the corpus, with the sources whose names hold its words.
type unknownSource struct {
	value string
	like  []string
}

// unknownSources lists the source filters of a side's query that name no
// source of the corpus.
func unknownSources(engine *search.Engine, side string) []unknownSource {
	node, _ := query.Read(side)
	_, filters := query.SplitFilters(node)
	var out []unknownSource
	for _, f := range filters {
		if field, ok := f.(query.Field); ok && field.Name == query.FieldSource {
			if known, like := engine.SourcesLike(field.Value); !known {
				out = append(out, unknownSource{value: field.Value, like: like})
			}
		}
	}
	return out
}

// renderUnknownSource says that a side's source filter names no source,
// and offers the sources like it, each a link comparing that source.
func (c *Compare) renderUnknownSource(side string, u unknownSource, isB bool) app.UI {
	return noSuchSourceNote(c.Lang, u.value, u.like, func(name string) view {
		v := c.View
		if isB {
			v.SideB = withSource(side, u.value, name)
		} else {
			v.SideA = withSource(side, u.value, name)
		}
		return v
	})
}

// withSource is a side's query with its filter source:value naming the
// source name instead, quoted; the words typed right after the value that
// are words of name go into it too (source:الشرق الأوسط, typed without the
// quotes a name of two words needs, becomes source:"الشرق الأوسط").
func withSource(side, value, name string) string {
	filter := query.FieldSource + ":" + value
	at := strings.Index(side, filter)
	if at < 0 {
		return side
	}
	rest := side[at+len(filter):]
	inName := map[string]bool{}
	for _, w := range strings.Fields(name) {
		inName[w] = true
	}
	for {
		trimmed := strings.TrimLeft(rest, " ")
		word, after, _ := strings.Cut(trimmed, " ")
		if word == "" || !inName[word] || strings.Contains(value, word) {
			break
		}
		rest = after
		if after != "" {
			rest = " " + after
		}
	}
	return side[:at] + query.FieldSource + ":" + strconv.Quote(name) + rest
}
