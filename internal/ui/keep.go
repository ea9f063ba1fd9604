package ui

import (
	"errors"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/query"
)

// Keep is the view of what the visitor keeps in this browser: term groups
// (named sets of terms searched as one with group:name), with export and
// import as JSON, and saved queries, each a link that runs it again.
type Keep struct {
	app.Compo

	Lang   lang
	View   view
	Groups query.Groups
	// OnGroups is told the groups after every change, already stored.
	OnGroups func(ctx app.Context, gs query.Groups)

	name, terms string
	status      string
	saved       []savedQuery
	// editing is the name of the group the form holds for editing ("" for
	// a new one): saved under another name, the group is renamed.
	editing string
	// before is the groups as they were before the last deletion or the
	// last import that replaced some, which Undo puts back; nil when there
	// is nothing to undo.
	before *query.Groups
}

func (k *Keep) OnMount(ctx app.Context) { k.saved = storedQueries() }

func (k *Keep) Render() app.UI {
	w := k.Lang.w()
	return app.Section().Class("keep").Body(
		app.H2().Class("work-title").Text(w.keepHeading),
		app.Section().Class("groups").Aria("labelledby", "groups-heading").Body(
			app.H2().ID("groups-heading").Text(w.groupsHeading),
			app.P().Class("hint").Text(w.groupsIntro),
			app.Form().Class("group-form").OnSubmit(k.onSaveGroup).Body(
				app.Label().For("group-name").Text(w.groupName),
				app.Input().ID("group-name").Type("text").Placeholder(w.groupNameHint).Dir("auto").
					Value(k.name).OnInput(keepInput(func(v string) { k.name = v })),
				app.Label().For("group-terms").Text(w.groupTerms),
				app.Textarea().ID("group-terms").Rows(4).Placeholder(w.groupTermsHint).Dir("auto").
					Text(k.terms).OnInput(keepInput(func(v string) { k.terms = v })),
				app.Button().Type("submit").Class("group-save").Text(w.groupSave),
			),
			app.P().Class("keep-status").Role("status").Body(
				app.Text(k.status),
				app.If(k.before != nil, func() app.UI {
					return app.Button().Type("button").ID("group-undo").Class("group-undo").Text(w.groupUndo).OnClick(k.onUndo)
				}),
			),
			app.If(len(k.Groups) == 0, func() app.UI { return app.P().Class("empty").Text(w.groupsNone) }),
			app.Ul().Class("group-list").Body(
				app.Range(k.Groups).Slice(func(i int) app.UI { return k.renderGroup(k.Groups[i]) }),
			),
			app.Div().Class("group-files").Body(
				app.Button().Type("button").Class("groups-export").Text(w.groupsExport).
					Disabled(len(k.Groups) == 0).OnClick(k.onExport),
				app.Label().Class("groups-import").For("groups-file").Text(w.groupsImport),
				app.Input().ID("groups-file").Class("visually-hidden-file").Type("file").Accept(".json,application/json").
					OnChange(k.onImport),
			),
		),
		app.Section().Class("saved").Aria("labelledby", "saved-heading").Body(
			app.H2().ID("saved-heading").Text(w.savedHeading),
			app.P().Class("hint").Text(w.savedIntro),
			app.If(len(k.saved) == 0, func() app.UI { return app.P().Class("empty").Text(w.savedNone) }),
			app.Ul().Class("saved-list").Body(
				app.Range(k.saved).Slice(func(i int) app.UI {
					s := k.saved[i]
					return app.Li().Body(
						app.A().Class("saved-link").Href(RootPath()+s.Link).Dir("auto").Text(s.Name),
						app.Button().Type("button").Class("saved-delete").Aria("label", w.savedDelete+": "+s.Name).
							Text(w.savedDelete).DataSet("link", s.Link).OnClick(k.onDeleteSaved),
					)
				}),
			),
		),
	)
}

func (k *Keep) renderGroup(g query.Group) app.UI {
	w := k.Lang.w()
	use := k.View.searching(query.FieldGroup + ":" + g.Name)
	use.Groups = nil
	return app.Li().Class("group").Body(
		app.Bdi().Class("group-name").Text(g.Name),
		app.Span().Class("group-terms").Dir("auto").Text(joinTerms(k.Lang, g.Terms)),
		app.A().Class("group-use").Href(use.URL().String()).Text(w.groupUse(g.Name)),
		app.Button().Type("button").Class("group-edit").Aria("label", w.groupEdit+": "+g.Name).Text(w.groupEdit).
			DataSet("name", g.Name).OnClick(k.onEditGroup),
		app.Button().Type("button").Class("group-delete").Aria("label", w.groupDelete+": "+g.Name).Text(w.groupDelete).
			DataSet("name", g.Name).OnClick(k.onDeleteGroup),
	)
}

// keepInput adapts a setter to go-app's input handler: it keeps the field's
// value without redrawing the page on each keystroke.
func keepInput(set func(string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		set(ctx.JSSrc().Get("value").String())
		ctx.PreventUpdate()
	}
}

func (k *Keep) onSaveGroup(ctx app.Context, e app.Event) {
	e.PreventDefault()
	w := k.Lang.w()
	g, err := query.NewGroup(k.name, k.terms)
	if err != nil {
		k.status = w.groupError + groupProblem(w, err)
		return
	}
	k.name, k.terms, k.status, k.before = "", "", w.groupSaved(g.Name), nil
	setFields("", "")
	gs := k.Groups
	if k.editing != "" {
		gs = gs.Remove(k.editing) // a rename: the old name goes
		k.editing = ""
	}
	k.setGroups(ctx, gs.Put(g))
}

// setFields writes the group form's fields. They are typed into without
// redrawing (keepInput), so the page still holds the values of its last
// drawing: only the elements themselves can be set.
func setFields(name, terms string) {
	for _, f := range []struct{ id, value string }{{"group-name", name}, {"group-terms", terms}} {
		if el := app.Window().GetElementByID(f.id); el.Truthy() {
			el.Set("value", f.value)
		}
	}
}

// onEditGroup puts a group into the form, one term a line, and says so;
// saving it replaces it, under its new name if the name was changed.
func (k *Keep) onEditGroup(ctx app.Context, e app.Event) {
	g, ok := k.Groups.Find(ctx.JSSrc().Get("dataset").Get("name").String())
	if !ok {
		return
	}
	k.editing, k.name, k.terms = g.Name, g.Name, strings.Join(g.Terms, "\n")
	k.status, k.before = k.Lang.w().groupEditing(g.Name), nil
	setFields(k.name, k.terms)
	if el := app.Window().GetElementByID("group-terms"); el.Truthy() {
		el.Call("focus")
	}
}

// groupProblem says what is wrong with a group in the page's language.
func groupProblem(w *workTexts, err error) string {
	var ge *query.GroupError
	if errors.As(err, &ge) {
		return w.groupProblem(ge)
	}
	return err.Error()
}

func (k *Keep) setGroups(ctx app.Context, gs query.Groups) {
	storeGroups(gs)
	k.Groups = gs
	if k.OnGroups != nil {
		k.OnGroups(ctx, gs)
	}
}

func (k *Keep) onExport(ctx app.Context, e app.Event) {
	download("marsad-groups.json", "application/json", k.Groups.JSON())
}

func (k *Keep) onImport(ctx app.Context, e app.Event) {
	w := k.Lang.w()
	readPickedFile(ctx, "groups-file", func(ctx app.Context, text, readErr string) {
		if readErr != "" {
			k.status = w.groupImportError + readErr
			return
		}
		gs, err := query.ReadGroups([]byte(text))
		if err != nil {
			k.status = w.groupImportError + groupProblem(w, err)
			return
		}
		before, all := k.Groups, k.Groups
		var replaced []string
		for _, g := range gs {
			if old, ok := all.Find(g.Name); ok && !slices.Equal(old.Terms, g.Terms) {
				replaced = append(replaced, old.Name)
			}
			all = all.Put(g)
		}
		k.status, k.before = w.groupsImported(len(gs)), nil
		if len(replaced) > 0 {
			// An import replaces groups of the same names: it says which,
			// and Undo brings back what they were.
			k.status += w.groupsReplaced(joinTerms(k.Lang, replaced))
			k.before = &before
		}
		k.setGroups(ctx, all)
	})
}

// The delete buttons say what they delete in a data attribute, read at the
// click: go-app keeps the first handler an element was drawn with, so a
// closure over a list position would delete the wrong entry once the list
// has changed.
func (k *Keep) onDeleteGroup(ctx app.Context, e app.Event) {
	g, ok := k.Groups.Find(ctx.JSSrc().Get("dataset").Get("name").String())
	if !ok {
		return
	}
	before := k.Groups
	k.status, k.before = k.Lang.w().groupDeleted(g.Name), &before
	k.setGroups(ctx, k.Groups.Remove(g.Name))
	// The button pressed is gone with its group: the focus goes to Undo,
	// next to the status that says what was deleted, not to the page's top.
	// (Not in ctx.Defer, which drops what an unmounted element asked; the
	// page waits for the button to be drawn.)
	focusElement("group-undo")
}

// onUndo puts back the groups as they were before the last deletion or
// replacing import.
func (k *Keep) onUndo(ctx app.Context, e app.Event) {
	if k.before == nil {
		return
	}
	gs := *k.before
	k.status, k.before = k.Lang.w().groupsRestored, nil
	k.setGroups(ctx, gs)
}

func (k *Keep) onDeleteSaved(ctx app.Context, e app.Event) {
	link := ctx.JSSrc().Get("dataset").Get("link").String()
	kept := make([]savedQuery, 0, len(k.saved))
	for _, s := range k.saved {
		if s.Link != link {
			kept = append(kept, s)
		}
	}
	k.saved = kept
	storeQueries(k.saved)
}
