package ui

import (
	"strings"

	"marsad/internal/explore"
	"marsad/internal/search"
)

// warmViews runs each workbench view once, small (a few articles), on the
// query of the page, and builds its drawing without showing it, while the
// visitor reads the first results. The browser compiles a WebAssembly
// function the first time it runs, on the page's one thread: without this,
// the first click on each tab paid for compiling its view's code (measured
// on daesh-news: trends drawn in 190-250 ms the first time, with tasks of
// 50-90 ms; 35-50 ms and no long task the second time). Each view is warmed
// in a task of its own; the articles it reads are the few a view of that
// query would read first.
func warmViews(engine *search.Engine, v view, q string) {
	if strings.TrimSpace(q) == "" {
		return
	}
	req := v.request(q)
	const few = 2 // articles a warmed view reads
	steps := []func(){
		func() {
			if r, err := explore.Concordance(engine, req, explore.ConcordanceOptions{Limit: few, Sort: explore.SortAfter1, SortLimit: few}); err == nil {
				(&Concordance{Lang: v.Lang, View: v.withTool(toolConcordance), Result: r}).Render()
			}
		},
		func() {
			if r, err := explore.Trends(engine, []search.Request{req}, explore.TrendOptions{}); err == nil {
				(&Trends{Lang: v.Lang, View: v.withTool(toolTrends), Result: r}).Render()
			}
		},
		func() {
			if r, err := explore.Collocates(engine, req, explore.CollocateOptions{Window: defaultWindow, MaxDocs: few}); err == nil {
				(&Collocates{Lang: v.Lang, View: v.withTool(toolCollocates), Result: r}).Render()
			}
		},
		func() {
			forms, _ := explore.WordForms(engine, req)
			if r, err := explore.WordList(engine, req, explore.WordListOptions{Limit: maxWordList, MaxDocs: few}); err == nil {
				(&WordsView{Lang: v.Lang, View: v.withTool(toolWords), Forms: forms, List: r}).Render()
			}
		},
		func() {
			if r, err := explore.Compare(engine, req, req, q, explore.CompareOptions{Limit: maxWordList, MaxDocs: few}); err == nil {
				(&Compare{Lang: v.Lang, View: v.withTool(toolCompare), Result: r}).Render()
			}
		},
	}
	for _, step := range steps {
		giveBackThread()
		step()
	}
}
