package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
)

// WordsView shows, for a stemmed query, the surface forms that matched and
// how often (each searches that form exactly), and for any filter set the
// most frequent words, each by its most common spelling.
type WordsView struct {
	app.Compo

	Lang  lang
	View  view
	Forms []explore.WordForm
	List  *explore.WordListResult
	About explore.About // what the exports are of
}

func (c *WordsView) Render() app.UI {
	w := c.Lang.w()
	return app.Div().Class("words-view").Body(
		app.If(len(c.Forms) > 0, func() app.UI {
			forms := c.Forms
			return app.Section().Aria("labelledby", "forms-heading").Body(
				// With both tables, each has its export on its heading's
				// line (the view's own export then has none to write):
				// one under the forms' table read as the word list's.
				app.Div().Class("section-head").Body(
					app.H2().ID("forms-heading").Text(w.formsHeading),
					app.If(c.List != nil, func() app.UI {
						return &Export{Lang: c.Lang, Name: exportName(c.View) + "-forms", What: w.formsHeading,
							Table: func() (explore.Table, error) { return explore.WordFormsTable(forms), nil }, About: c.About}
					}),
				),
				c.renderForms(),
			)
		}),
		app.If(c.List != nil, func() app.UI {
			list := c.List
			return app.Section().Aria("labelledby", "words-heading").Body(
				app.Div().Class("section-head").Body(
					app.H2().ID("words-heading").Text(w.wordsHeading),
					app.If(len(c.Forms) > 0, func() app.UI {
						return &Export{Lang: c.Lang, Name: exportName(c.View), What: w.wordsHeading,
							Table: func() (explore.Table, error) { return list.Table(), nil }, About: c.About}
					}),
				),
				app.If(c.List.Sampled, func() app.UI {
					return app.P().Class("note").Text(w.sampled(c.List.DocsRead, c.List.Docs))
				}),
				c.renderList(),
			)
		}),
	)
}

// renderForms draws the forms' table. The count in the whole corpus is a
// column only where it says something: without filters, and for a query of
// one word, each form's count in the matching articles is its count in the
// corpus, and a second column of the same numbers reads as a mistake. (The
// exports keep both.)
func (c *WordsView) renderForms() app.UI {
	w := c.Lang.w()
	differ := false
	for _, f := range c.Forms {
		differ = differ || f.Count != f.CorpusCount
	}
	head := []string{w.form, w.count, w.docs}
	if differ {
		head = append(head, w.inCorpus)
	}
	rows := make([][]cell, len(c.Forms))
	for i, f := range c.Forms {
		rows[i] = []cell{
			{text: f.Form, href: c.View.searching(f.Query).URL().String(), title: w.searchExactly},
			{text: itoa(f.Count)}, {text: itoa(f.Docs)},
		}
		if differ {
			rows[i] = append(rows[i], cell{text: itoa(f.CorpusCount)})
		}
	}
	return dataTable(w.formsHeading, head, rows)
}

func (c *WordsView) renderList() app.UI {
	w := c.Lang.w()
	list := shownRows(c.List.List)
	rows := make([][]cell, len(list))
	for i, word := range list {
		rows[i] = []cell{
			{text: word.Form, href: c.View.searching(word.Form).URL().String()},
			{text: itoa(word.Count)}, {text: fixed(word.PerTenThousand, 1)}, {text: itoa(word.Docs)},
		}
	}
	return app.Div().Body(
		dataTable(w.wordsHeading, []string{w.word, w.count, w.perTenK, w.docs}, rows),
		moreInExport(w, len(list), len(c.List.List)),
	)
}
