package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// barList draws categories that have no order of their own (sources) as
// rows of horizontal bars, one row a category: its name in full, then its
// bars, one per series, each a link to the articles behind it with its
// value beside it. A column chart of fifteen sources could name only one
// column in three under its axis; a row has room for any name, in either
// direction, on a phone too. The bars grow from the name, toward the left
// in Arabic and toward the right in English, as the text does.
//
// Each bar's length is an SVG rect's width, an attribute (the page's
// Content-Security-Policy refuses style attributes), in an SVG that
// stretches to its cell.
func barList(label string, groups []barGroup, format func(float64) string, rtl bool) app.UI {
	maxValue := 0.0
	for _, g := range groups {
		for _, b := range g.bars {
			maxValue = max(maxValue, b.value)
		}
	}
	var w htmlWriter
	w.open("div", "class", "bar-list", "role", "list", "aria-label", label)
	for _, g := range groups {
		w.open("div", "class", "bar-row", "role", "listitem")
		w.open("span", "class", "bar-name", "dir", textDir(g.label))
		w.bidiText(g.label)
		w.close("span")
		w.open("span", "class", "bar-bars")
		for s, b := range g.bars {
			length := 0.0
			if maxValue > 0 {
				length = b.value / maxValue * 100
			}
			x := 0.0
			if rtl {
				x = 100 - length
			}
			w.open("a", "class", "bar-link", "href", b.href, "title", b.title, "aria-label", b.title)
			w.open("svg", "class", "hbar", "viewBox", "0 0 100 10", "preserveAspectRatio", "none", "aria-hidden", "true", "focusable", "false")
			w.open("rect", "class", "bar s"+strconv.Itoa(s), "x", num(x), "y", "0", "width", num(length), "height", "10")
			w.close("rect")
			w.close("svg")
			w.open("span", "class", "bar-value")
			w.text(format(b.value))
			w.close("span")
			w.close("a")
		}
		w.close("span")
		w.close("div")
	}
	w.close("div")
	return w.ui()
}
