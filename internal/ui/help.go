package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Help teaches the query language (?help), each example a link that runs
// it, and the keyboard shortcuts.
type Help struct {
	app.Compo

	Lang lang
}

func (h *Help) Render() app.UI {
	t := h.Lang.t()
	back := view{Lang: h.Lang}
	return app.Article().Class("help").Body(
		app.A().Class("back").Href(back.URL().String()).Text(t.helpClose),
		app.H1().ID("help-title").Text(t.helpTitle),
		app.P().Text(t.helpIntro),
		// Lists, not a table and a definition list: each HTML element type
		// go-app renders costs app.wasm some 50 KB, paid by every visitor.
		app.Ul().Class("help-table").Body(
			app.Range(t.helpRows).Slice(func(i int) app.UI {
				row := t.helpRows[i]
				example := view{Lang: h.Lang, Query: row[0]}
				return app.Li().Body(
					app.A().Class("help-example").Href(example.URL().String()).Body(
						app.Span().Class("code").Dir("auto").Text(row[0]),
					),
					app.Span().Class("help-what").Text(row[1]),
				)
			}),
		),
		app.H2().Text(t.helpKeysTitle),
		app.Ul().Class("help-keys").Body(
			app.Range(t.helpKeys).Slice(func(i int) app.UI {
				k := t.helpKeys[i]
				return app.Li().Body(app.Span().Class("kbd").Dir("ltr").Text(k[0]), app.Span().Text(k[1]))
			}),
		),
	)
}
