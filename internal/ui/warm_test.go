package ui

import (
	"reflect"
	"testing"
)

// Warming the views (run small, and drawn unseen) changes no view's answer:
// they share the engine's caches and the analyzer's memory of spellings.
func TestWarmingTheViewsChangesNoAnswer(t *testing.T) {
	engine := seedEngine(t)
	const q = "تويتر"
	tools := []tool{toolConcordance, toolTrends, toolCollocates, toolWords, toolCompare}
	answers := func() []*workAnswer {
		var out []*workAnswer
		for _, tl := range tools {
			v := view{Query: q, Tool: tl, SideA: "date:..2015", SideB: "date:2016.."}
			out = append(out, computeWork(engine, v, q))
		}
		return out
	}
	before := answers()
	warmViews(engine, view{Query: q}, q)
	after := answers()
	for i, tl := range tools {
		if before[i].err != nil {
			t.Fatalf("%s: %v", tl, before[i].err)
		}
		if !reflect.DeepEqual(before[i], after[i]) {
			t.Errorf("%s answers otherwise once the views were warmed:\n%+v\n%+v", tl, before[i], after[i])
		}
	}
}
