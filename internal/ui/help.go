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
		app.Table().Class("help-table").Body(
			app.TBody().Body(
				app.Range(t.helpRows).Slice(func(i int) app.UI {
					row := t.helpRows[i]
					example := view{Lang: h.Lang, Query: row[0]}
					return app.Tr().Body(
						app.Td().Body(app.A().Class("help-example").Href(example.URL().String()).Body(
							app.Code().Dir("auto").Text(row[0]),
						)),
						app.Td().Text(row[1]),
					)
				}),
			),
		),
		app.H2().Text(t.helpKeysTitle),
		app.Dl().Class("help-keys").Body(
			app.Range(t.helpKeys).Slice(func(i int) app.UI {
				k := t.helpKeys[i]
				return app.Div().Body(app.Dt().Body(app.Kbd().Dir("ltr").Text(k[0])), app.Dd().Text(k[1]))
			}),
		),
	)
}
