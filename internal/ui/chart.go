package ui

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The charts are SVG the page draws itself: a chart library would cost
// app.wasm far more than these few functions, and SVG's sizes are
// attributes, which the page's Content-Security-Policy allows where it
// refuses style attributes. The SVG is written as markup in one piece
// (htmlWriter), a chart being hundreds of elements.

// bar is one bar of a chart: its value, the text of its tooltip, and the
// address a click on it opens ("" for none).
type bar struct {
	value float64
	title string
	href  string
}

// barGroup is the bars of one category (a period, a source), one per
// series, with the category's label.
type barGroup struct {
	label string
	bars  []bar
}

// Chart sizes, in the SVG's own units (it scales to the page's width).
const (
	chartWidth   = 800
	chartHeight  = 280
	chartLeft    = 56 // the least room for the value axis's labels
	chartRight   = 12
	chartTop     = 12
	chartBottom  = 44 // room for the category labels
	chartMaxTick = 7  // category labels drawn at most: they must fit a phone
)

// columnChart draws groups of vertical bars, categories from left to right
// (time runs left to right, as in the charts of the Arabic press), with a
// value axis and category labels. A click on a bar opens its address: the
// chart's box reads the bar's data-href (one handler for every bar).
func columnChart(label string, groups []barGroup, format func(float64) string, onBar app.EventHandler) app.UI {
	return app.Div().Class("chart-box").OnClick(onBar).Body(app.Raw(columnChartMarkup(label, groups, format)))
}

// columnChartMarkup is the SVG of columnChart.
func columnChartMarkup(label string, groups []barGroup, format func(float64) string) string {
	maxValue := 0.0
	series := 0
	for _, g := range groups {
		series = max(series, len(g.bars))
		for _, b := range g.bars {
			maxValue = math.Max(maxValue, b.value)
		}
	}
	top := niceCeiling(maxValue)
	// The value axis's labels need room for their longest at the phone's
	// font size (22 units, some 14 a digit): "10000" at 56 units lost its
	// first digit.
	left := float64(chartLeft)
	for _, v := range []float64{0, top / 2, top} {
		left = max(left, 10+14*float64(utf8.RuneCountInString(format(v))))
	}
	plotW := float64(chartWidth) - left - chartRight
	plotH := float64(chartHeight - chartTop - chartBottom)
	groupW := plotW / float64(max(len(groups), 1))
	barW := groupW * 0.8 / float64(max(series, 1))
	y := func(v float64) float64 { return chartTop + plotH - v/top*plotH }

	var w htmlWriter
	w.open("svg", "class", "chart", "viewBox", "0 0 "+strconv.Itoa(chartWidth)+" "+strconv.Itoa(chartHeight),
		"role", "img", "aria-label", label)
	// The value axis: 0, half and the top, with grid lines.
	for _, v := range []float64{0, top / 2, top} {
		w.open("line", "class", "grid", "x1", num(left), "x2", num(chartWidth-chartRight), "y1", num(y(v)), "y2", num(y(v)))
		w.close("line")
		w.open("text", "class", "axis-label", "x", num(left-6), "y", num(y(v)+4), "text-anchor", "end")
		w.text(format(v))
		w.close("text")
	}
	every := int(math.Ceil(float64(len(groups)) / chartMaxTick))
	for i, g := range groups {
		x0 := left + float64(i)*groupW + groupW*0.1
		for s, b := range g.bars {
			h := 0.0
			if top > 0 {
				h = b.value / top * plotH
			}
			attrs := []string{"class", "bar s" + strconv.Itoa(s), "x", num(x0 + float64(s)*barW), "y", num(y(b.value)),
				"width", num(math.Max(barW-1, 1)), "height", num(math.Max(h, 0))}
			if b.href != "" {
				attrs = append(attrs, "data-href", b.href)
			}
			w.open("rect", attrs...)
			w.open("title")
			w.text(b.title)
			w.close("title")
			w.close("rect")
		}
		if every <= 1 || i%every == 0 {
			w.open("text", "class", "axis-label", "x", num(left+float64(i)*groupW+groupW/2),
				"y", num(chartHeight-chartBottom+16), "text-anchor", "middle")
			w.text(g.label)
			w.close("text")
		}
	}
	w.open("line", "class", "axis", "x1", num(left), "x2", num(chartWidth-chartRight), "y1", num(y(0)), "y2", num(y(0)))
	w.close("line")
	w.close("svg")
	return w.b.String()
}

// niceCeiling rounds a chart's top value up to 1, 2 or 5 times a power of
// ten, so that the axis labels are round numbers.
func niceCeiling(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// arabicIndic writes the ASCII digits of s as Arabic-Indic digits, and the
// decimal and thousands separators as Arabic ones (٫ ٬).
func arabicIndic(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return '٠' + (r - '0')
		case r == '.':
			return '٫'
		case r == ',':
			return '٬'
		}
		return r
	}, s)
}
