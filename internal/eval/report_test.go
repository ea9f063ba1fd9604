package eval

import (
	"path/filepath"
	"strings"
	"testing"

	"marsad/internal/testcorpus"
)

// sharedDir is the shared material beside the project checkout.
var sharedDir = testcorpus.SharedDir()

func needShared(t *testing.T, rel string) {
	t.Helper()
	testcorpus.Shared(t, rel)
}

func TestRunMissingShared(t *testing.T) {
	_, err := Run(Options{SharedDir: filepath.Join(t.TempDir(), "nope"), SpeedBudget: -1})
	if err == nil || !strings.Contains(err.Error(), "eval needs ") || !strings.Contains(err.Error(), "corpus.jsonl") {
		t.Fatalf("err = %v, want it to name corpus.jsonl", err)
	}
}

func TestReportOnSharedData(t *testing.T) {
	needShared(t, "eval/xquad_r_ar/corpus.jsonl")
	needShared(t, "corpora/news-70k.jsonl.gz")
	// The search sets (an index of news-70k's SaudiNewsNet part) are make
	// eval's; their parts are tested on their own.
	opts := Options{SharedDir: sharedDir, NoSearch: true}
	if testing.Short() {
		opts.SpeedBudget = -1
	}
	r, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Write(&b)
	t.Log("\n" + b.String())
	if r.Ours.Retrieval.Topics == 0 || r.Baseline.Conflation.Pairs == 0 {
		t.Fatal("empty report")
	}
}

// TestReportStatesTheSearchTargets: with search sets, the report says
// whether each target of the search holds.
func TestReportStatesTheSearchTargets(t *testing.T) {
	r := &Report{Search: []SearchSet{
		{Name: "xquad_r_ar sentences", Engine: RankScore{Topics: 2, MRR10: 0.81}},
		{Name: "known items", Engine: RankScore{Topics: 2, MRR10: 0.9, NoHits: 1}},
	}}
	var b strings.Builder
	r.Write(&b)
	out := b.String()
	for _, want := range []string{
		"Target no query without results on any set: NOT MET (1)",
		"Target xquad_r_ar sentences MRR@10 >= 0.80: MET (0.810)",
		"Target conflation precision >= 0.92 with recall >= 0.95: NOT MET",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
