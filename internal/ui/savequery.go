package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SaveQuery keeps the current view (query, filters, view and its settings)
// under a name, listed in the Saved view to run again in one click.
type SaveQuery struct {
	app.Compo

	Lang lang
	View view

	name   string
	status string
}

func (s *SaveQuery) Render() app.UI {
	w := s.Lang.w()
	return app.Details().Class("save-query").Body(
		app.Summary().Text(w.saveThisQuery),
		app.Form().OnSubmit(s.onSave).Body(
			app.Label().For("saved-name").Text(w.savedName),
			app.Input().ID("saved-name").Type("text").Dir("auto").Value(s.name).
				OnInput(keepInput(func(v string) { s.name = v })),
			app.Button().Type("submit").Class("saved-save").Text(w.saveCurrent),
			app.Span().Class("keep-status").Role("status").Text(s.status),
		),
	)
}

func (s *SaveQuery) onSave(ctx app.Context, e app.Event) {
	e.PreventDefault()
	w := s.Lang.w()
	name := strings.TrimSpace(s.name)
	if name == "" {
		name = strings.TrimSpace(s.View.Query)
	}
	if name == "" {
		s.status = w.savedNameNeeded
		return
	}
	v := s.View.results()
	v.Lang = ""
	link := "?" + v.URL().RawQuery
	saved := storedQueries()
	kept := saved[:0]
	for _, q := range saved {
		if q.Name != name {
			kept = append(kept, q)
		}
	}
	storeQueries(append(kept, savedQuery{Name: name, Link: link}))
	s.name, s.status = "", w.savedSaved
}
