package ui

import (
	"errors"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
	"marsad/internal/search"
)

// workAnswer is a workbench view's answer, computed off the UI goroutine
// like the results: one of its fields is set, by the view's tool.
type workAnswer struct {
	tool        tool
	concordance *explore.ConcordanceResult
	trends      *explore.TrendsResult
	collocates  *explore.CollocatesResult
	forms       []explore.WordForm
	words       *explore.WordListResult
	comparison  *explore.Comparison
	// unknownSources are the compare sides' source filters that name no
	// source of the corpus (A, then B).
	unknownSources [2][]unknownSource
	// needQuery: the view looks for something and the query has no words.
	needQuery bool
	err       error
}

// linesPerPage is how many concordance lines a page shows: each page reads
// only the articles its lines come from.
const linesPerPage = 25

// defaultWindow is the collocates' window when the address gives none.
const defaultWindow = 5

// maxWordList is how many words the word list and the keyness tables show.
const maxWordList = 100

// request is the search request a workbench view reads: the query (its term
// groups expanded) and the view's filters.
func (v view) request(q string) search.Request {
	return search.Request{Query: q, Sources: v.Sources, Years: v.Years, Entities: v.Entities, Aliases: !v.NoAliases}
}

// computeWork runs a workbench view for the query q.
func computeWork(engine *search.Engine, v view, q string) *workAnswer {
	a := &workAnswer{tool: v.Tool}
	req := v.request(q)
	switch v.Tool {
	case toolConcordance:
		a.concordance, a.err = explore.Concordance(engine, req, explore.ConcordanceOptions{
			Sort: explore.ConcordanceSort(v.LineSort), Offset: v.Page * linesPerPage, Limit: linesPerPage,
			Progress: yieldEvery(),
		})
	case toolTrends:
		reqs := []search.Request{req}
		for _, c := range v.Compared {
			other := v
			other.Query = c
			reqs = append(reqs, other.request(other.effectiveQuery()))
		}
		a.trends, a.err = explore.Trends(engine, reqs, explore.TrendOptions{Unit: explore.DateUnit(v.Unit)})
	case toolCollocates:
		a.collocates, a.err = explore.Collocates(engine, req, explore.CollocateOptions{Window: v.window(), Progress: yieldEvery()})
	case toolWords:
		if strings.TrimSpace(v.Query) != "" {
			a.forms, a.err = explore.WordForms(engine, req)
			if errors.Is(a.err, explore.ErrNoQuery) {
				a.forms, a.err = nil, nil
			}
		}
		if a.err == nil {
			a.words, a.err = explore.WordList(engine, req, explore.WordListOptions{Limit: maxWordList, Progress: yieldEvery()})
		}
	case toolCompare:
		if strings.TrimSpace(v.SideA) == "" || strings.TrimSpace(v.SideB) == "" {
			return a
		}
		sideA, sideB := v, v
		sideA.Query, sideB.Query = v.SideA, v.SideB
		a.unknownSources = [2][]unknownSource{unknownSources(engine, v.SideA), unknownSources(engine, v.SideB)}
		a.comparison, a.err = explore.Compare(engine, sideA.request(sideA.effectiveQuery()), sideB.request(sideB.effectiveQuery()),
			q, explore.CompareOptions{Limit: maxWordList, Progress: yieldEvery()})
	}
	if errors.Is(a.err, explore.ErrNoQuery) {
		a.err, a.needQuery = nil, true
	}
	return a
}

// yieldEvery returns an explore Progress function: a view that reads a few
// hundred articles shares the page's one thread (pageThread) rather than
// freezing the page for as long.
func yieldEvery() func(done, total int) {
	return func(done, total int) { pageThread.pause() }
}

// computeView answers a workbench view: the search (for the facets and the
// filter bar's count; taken from the page when it searched the same), then
// the view's own computation, each after a pause of the pacer's: the click
// that opened the view, its search and its computation share tasks of at
// most a slice of work each, and the answer is drawn in a task of its own
// when the work before it used up its slice.
func computeView(engine *search.Engine, v view, q string, req search.Request, known knownAnswer, s pageState) pageState {
	if known.search != nil && known.searched == keyOf(s.searched) {
		s.result = known.search
	} else {
		pageThread.pause()
		res, err := engine.Search(req)
		if err != nil {
			s.err = err
			return s
		}
		s.result = res
	}
	s.work = known.work
	if s.work == nil {
		pageThread.pause()
		s.work = computeWork(engine, v, q)
		pageThread.pause()
	}
	return s
}

func (v view) window() int {
	if v.Window > 0 {
		return v.Window
	}
	return defaultWindow
}

// maxExportRows bounds what one export reads: every line of a concordance
// and every result, up to this many.
var maxExportRows = 10000 // a variable so that a test can bound it low

// renderWork draws the workbench view of the address, with the means to
// save the query and to export what the view shows.
func (c *Explorer) renderWork(errText string) app.UI {
	w := c.lang.w()
	if c.view.Tool == toolKeep {
		return &Keep{Lang: c.lang, View: c.view, Groups: c.groups, OnGroups: c.onGroups}
	}
	a := c.answer.work
	if c.answered.Tool != c.view.Tool || c.answered.DocID != "" {
		a = nil // the answer on the page is another view's
	}
	var body app.UI
	switch {
	case errText != "":
		body = app.P().Class("query-error").Role("alert").Text(errText)
	case a == nil:
		body = app.P().Class("status loading").Role("status").Body(
			app.Span().Class("spinner").Aria("hidden", "true"), app.Text(w.loadingView))
	case a.err != nil:
		body = app.P().Class("query-error").Role("alert").Text(w.viewFailed(describeError(c.lang.t(), a.err)))
	case a.needQuery:
		body = app.P().Class("empty").Role("status").Text(w.needQuery)
	default:
		body = c.renderAnswer(a)
	}
	// The view is busy while the answer on the page is not the address's
	// (the next page of lines, another sort): assistive technology then
	// knows the lines it reads are about to change.
	stale := c.answered.URL().String() != c.view.URL().String()
	return app.Div().Class("work").Aria("busy", boolString(stale)).Body(
		app.H2().Class("work-title").Text(w.toolNames[c.view.Tool]),
		app.Div().Class("work-bar").Body(
			&SaveQuery{Lang: c.lang, View: c.view},
			app.If(a != nil && a.err == nil && !a.needQuery && c.exportable(a), func() app.UI {
				return &Export{Lang: c.lang, Name: exportName(c.view), Table: c.exportTable(a), About: aboutView(c.view, c.engine.Engine)}
			}),
		),
		body,
	)
}

func (c *Explorer) renderAnswer(a *workAnswer) app.UI {
	switch a.tool {
	case toolConcordance:
		return &Concordance{Lang: c.lang, View: c.view, Result: a.concordance}
	case toolTrends:
		return &Trends{Lang: c.lang, View: c.view, Result: a.trends, ArabicDigits: c.arabicDigits, OnDigits: c.onDigits}
	case toolCollocates:
		return &Collocates{Lang: c.lang, View: c.view, Result: a.collocates}
	case toolWords:
		return &WordsView{Lang: c.lang, View: c.view, Forms: a.forms, List: a.words, About: aboutView(c.view, c.engine.Engine)}
	case toolCompare:
		return &Compare{Lang: c.lang, View: c.view, Result: a.comparison, Unknown: a.unknownSources}
	}
	return app.Div()
}

// exportable says whether a view's answer has rows to export.
func (c *Explorer) exportable(a *workAnswer) bool {
	switch a.tool {
	case toolConcordance:
		return a.concordance != nil && a.concordance.Total > 0
	case toolTrends:
		return a.trends != nil && len(a.trends.Series) > 0
	case toolCollocates:
		return a.collocates != nil && len(a.collocates.Collocates) > 0
	case toolWords:
		// Both tables: each has its export on its heading's line
		// (WordsView), which says which table it writes.
		return (a.words != nil) != (len(a.forms) > 0)
	case toolCompare:
		return a.comparison != nil
	}
	return false
}

// exportTable is what the export of a view writes: the whole concordance
// (not only its page) in the order shown, the trend's numbers as shown
// (over time or by source), the tables of the other views.
func (c *Explorer) exportTable(a *workAnswer) func() (explore.Table, error) {
	engine, v, groups := c.engine.Engine, c.view, c.groups
	switch a.tool {
	case toolConcordance:
		return func() (explore.Table, error) {
			q, _, _ := expandGroups(v.effectiveQuery(), groupsFor(v, groups))
			all, err := explore.Concordance(engine, v.request(q), explore.ConcordanceOptions{
				Sort: explore.ConcordanceSort(v.LineSort), Limit: maxExportRows, Progress: yieldEvery(),
			})
			if err != nil {
				return explore.Table{}, err
			}
			t := all.Table()
			if all.Total > len(t.Rows) {
				t.Of = all.Total
			}
			return t, nil
		}
	case toolTrends:
		if v.BySource {
			return func() (explore.Table, error) { return a.trends.SourceTable(), nil }
		}
		return func() (explore.Table, error) { return a.trends.Table(), nil }
	case toolCollocates:
		return func() (explore.Table, error) { return a.collocates.Table(), nil }
	case toolWords:
		return func() (explore.Table, error) {
			if a.words == nil {
				return explore.WordFormsTable(a.forms), nil
			}
			return a.words.Table(), nil
		}
	case toolCompare:
		return func() (explore.Table, error) { return a.comparison.Table(), nil }
	}
	return func() (explore.Table, error) { return explore.Table{}, nil }
}

// digitsStorageKey is where the browser remembers the visitor's digits.
const digitsStorageKey = "marsad.digits"

func (c *Explorer) onDigits(ctx app.Context, arabicDigits bool) {
	c.arabicDigits = arabicDigits
	value := "latn"
	if arabicDigits {
		value = "arab"
	}
	storeString(digitsStorageKey, value)
}

// maxExportResults bounds an export of results: each row needs its
// article's record (for the URL), which the browser downloads.
var maxExportResults = 2000 // a variable so that a test can bound it low

// resultsTable exports the results in the order shown, from the first.
func (c *Explorer) resultsTable() func() (explore.Table, error) {
	engine, v, groups := c.engine.Engine, c.view, c.groups
	return func() (explore.Table, error) {
		q, _, _ := expandGroups(v.effectiveQuery(), groupsFor(v, groups))
		res, err := engine.Search(search.Request{
			Query: q, Sources: v.Sources, Years: v.Years, Entities: v.Entities,
			Limit: maxExportResults, Aliases: !v.NoAliases, Sort: v.Sort, NoPartial: v.AllWords,
		})
		if err != nil {
			return explore.Table{}, err
		}
		t := explore.ResultsTable(res.Hits)
		if res.Total > len(t.Rows) {
			t.Of = res.Total
		}
		return t, nil
	}
}
