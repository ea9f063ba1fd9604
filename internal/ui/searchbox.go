package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// SearchBox is the query field. It reports each keystroke to the page,
// which searches as the visitor types; "/" anywhere on the page focuses it
// (web/page.js).
type SearchBox struct {
	app.Compo

	Lang  lang
	Query string
	// OnType gets the text after each keystroke, OnSubmit the Enter key.
	OnType   func(app.Context, string)
	OnSubmit func(app.Context)
}

func (s *SearchBox) onInput(ctx app.Context, e app.Event) {
	if s.OnType != nil {
		s.OnType(ctx, ctx.JSSrc().Get("value").String())
	}
}

func (s *SearchBox) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if s.OnSubmit != nil {
		s.OnSubmit(ctx)
	}
}

func (s *SearchBox) Render() app.UI {
	t := s.Lang.t()
	return app.Form().Class("search").Role("search").OnSubmit(s.onSubmit).Body(
		app.Label().For("q").Class("visually-hidden").Text(t.searchLabel),
		app.Input().
			Type("search").
			ID("q").
			Name("q").
			// Queries are Arabic whatever the interface language: the
			// field takes the direction of what is typed.
			Dir("auto").
			Value(s.Query).
			Placeholder(t.searchHint).
			Title(t.searchShortcut).
			AutoComplete(false).
			Spellcheck(false).
			AutoFocus(true).
			Aria("keyshortcuts", "/").
			OnInput(s.onInput),
	)
}
