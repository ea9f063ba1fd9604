package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The charts are SVG the page draws itself: a chart library would cost
// app.wasm far more than these few functions, and SVG's sizes are
// attributes, which the page's Content-Security-Policy allows where it
// refuses style attributes.
const svgNS = "http://www.w3.org/2000/svg"

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

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
	chartLeft    = 56 // room for the value axis's labels
	chartRight   = 12
	chartTop     = 12
	chartBottom  = 44 // room for the category labels
	chartMaxTick = 7  // category labels drawn at most: they must fit a phone
)

// columnChart draws groups of vertical bars, categories from left to right
// (time runs left to right, as in the charts of the Arabic press), with a
// value axis and category labels. A click on a bar opens its address:
// the handler reads the bar's data-href, since go-app keeps the handler an
// element was first drawn with.
func columnChart(label string, groups []barGroup, format func(float64) string, onBar app.EventHandler) app.UI {
	maxValue := 0.0
	series := 0
	for _, g := range groups {
		series = max(series, len(g.bars))
		for _, b := range g.bars {
			maxValue = math.Max(maxValue, b.value)
		}
	}
	top := niceCeiling(maxValue)
	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := float64(chartHeight - chartTop - chartBottom)
	groupW := plotW / float64(max(len(groups), 1))
	barW := groupW * 0.8 / float64(max(series, 1))
	y := func(v float64) float64 { return chartTop + plotH - v/top*plotH }

	var parts []app.UI
	// The value axis: 0, half and the top, with grid lines.
	for _, v := range []float64{0, top / 2, top} {
		parts = append(parts,
			svg("line").Class("grid").Attr("x1", num(chartLeft)).Attr("x2", num(chartWidth-chartRight)).
				Attr("y1", num(y(v))).Attr("y2", num(y(v))),
			svg("text").Class("axis-label").Attr("x", num(chartLeft-6)).Attr("y", num(y(v)+4)).
				Attr("text-anchor", "end").Text(format(v)),
		)
	}
	every := int(math.Ceil(float64(len(groups)) / chartMaxTick))
	for i, g := range groups {
		x0 := chartLeft + float64(i)*groupW + groupW*0.1
		for s, b := range g.bars {
			h := 0.0
			if top > 0 {
				h = b.value / top * plotH
			}
			rect := svg("rect").Class("bar s"+strconv.Itoa(s)).
				Attr("x", num(x0+float64(s)*barW)).Attr("y", num(y(b.value))).
				Attr("width", num(math.Max(barW-1, 1))).Attr("height", num(math.Max(h, 0))).
				Body(svg("title").Text(b.title))
			if b.href != "" {
				rect = rect.DataSet("href", b.href).OnClick(onBar)
			}
			parts = append(parts, rect)
		}
		if every <= 1 || i%every == 0 {
			parts = append(parts, svg("text").Class("axis-label").
				Attr("x", num(chartLeft+float64(i)*groupW+groupW/2)).Attr("y", num(chartHeight-chartBottom+16)).
				Attr("text-anchor", "middle").Text(g.label))
		}
	}
	parts = append(parts, svg("line").Class("axis").Attr("x1", num(chartLeft)).Attr("x2", num(chartWidth-chartRight)).
		Attr("y1", num(y(0))).Attr("y2", num(y(0))))
	return svg("svg").Class("chart").Attr("viewBox", "0 0 "+strconv.Itoa(chartWidth)+" "+strconv.Itoa(chartHeight)).
		Attr("role", "img").Aria("label", label).Dir("ltr").Body(parts...)
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
