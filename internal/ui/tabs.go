package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// toolTabs switches between the workbench's views of one query: each is a
// link keeping the query, the filters and every view's settings, so the
// switch is an address like any other (Back returns to the previous view).
func toolTabs(l lang, current view) app.UI {
	w := l.w()
	return app.Nav().Class("tool-tabs").Aria("label", w.toolsLabel).Body(
		app.Ul().Body(
			app.Range(tools).Slice(func(i int) app.UI {
				t := tools[i]
				// go-app leaves out an empty attribute: the results are named.
				a := app.A().Class("tool-tab").DataSet("tool", t.name()).Aria("describedby", "tool-tabs-hint").
					Href(current.withTool(t).URL().String()).Text(w.toolNames[t])
				// One Tab stop for all the views (the arrow keys move between
				// them, web/page.js), so that the results stay a few Tabs from
				// the search box.
				if t == current.Tool {
					a = a.Aria("current", "page").TabIndex(0)
				} else {
					a = a.TabIndex(-1)
				}
				return app.Li().Body(a)
			}),
		),
		// How to reach the other views, since only one is a Tab stop: read
		// with each tab, and shown while the focus is on them.
		app.P().ID("tool-tabs-hint").Class("tabs-hint").Text(w.tabsHint),
	)
}
