package ui

import (
	"strconv"
	"strings"
	"testing"

	"marsad/internal/explore"
	"marsad/internal/search"
)

// An export holds at most so many rows; one cut short says so, with how
// many there were, and its status says it (a researcher citing a count
// must know the file is not all of it).
func TestAnExportCutShortSaysHowManyRowsThereWere(t *testing.T) {
	engine := seedEngine(t)
	req := search.Request{Query: "تويتر", Aliases: true}
	all, err := explore.Concordance(engine, req, explore.ConcordanceOptions{})
	if err != nil || all.Total < 3 {
		t.Fatalf("the seeds' concordance of تويتر: %+v, %v", all, err)
	}
	res, err := engine.Search(search.Request{Query: "تويتر", Aliases: true, Limit: 10})
	if err != nil || res.Total < 3 {
		t.Fatalf("the seeds' results for تويتر: %+v, %v", res, err)
	}
	defer func(rows, results int) { maxExportRows, maxExportResults = rows, results }(maxExportRows, maxExportResults)
	maxExportRows, maxExportResults = 2, 2

	c := explorerAt(t, engine, "/?view=kwic&q=تويتر")
	kwic, err := c.exportTable(&workAnswer{tool: toolConcordance})()
	if err != nil || len(kwic.Rows) != 2 || kwic.Of != all.Total {
		t.Errorf("the concordance's export: %d rows of %d (%v), want 2 of %d", len(kwic.Rows), kwic.Of, err, all.Total)
	}
	results, err := c.resultsTable()()
	if err != nil || len(results.Rows) != 2 || results.Of != res.Total {
		t.Errorf("the results' export: %d rows of %d (%v), want 2 of %d", len(results.Rows), results.Of, err, res.Total)
	}
	if name, want := downloadName("marsad-kwic-تويتر", "csv", kwic), "marsad-kwic-تويتر-first-2-of-"+strconv.Itoa(all.Total)+".csv"; name != want {
		t.Errorf("the cut export's file is %q, want %q", name, want)
	}
	if s := arabic.w().exportedFirst("f.csv", 2, all.Total); !strings.Contains(s, "أول سطرين من") {
		t.Errorf("the Arabic status reads %q", s)
	}

	maxExportRows, maxExportResults = 10000, 2000
	whole, err := c.exportTable(&workAnswer{tool: toolConcordance})()
	if err != nil || whole.Of != 0 || len(whole.Rows) != all.Total {
		t.Errorf("a whole export: %d rows, Of %d (%v)", len(whole.Rows), whole.Of, err)
	}
	if name := downloadName("marsad-kwic-تويتر", "json", whole); name != "marsad-kwic-تويتر.json" {
		t.Errorf("a whole export's file is %q", name)
	}
}
