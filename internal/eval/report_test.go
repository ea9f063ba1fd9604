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
	opts := Options{SharedDir: sharedDir}
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
