// Package testcorpus locates the material tests read, in one place: the seed
// articles (web/corpus), the committed news sample (testdata here) and the
// shared corpora and evaluation sets, found from one environment variable,
// MARSAD_SHARED (default: ../shared beside the checkout).
//
// It imports nothing of Marsad, so that the tests of every package, the
// lowest (arabic, corpus, index) included, can use it; the seeds as
// documents and as a bundle are in the subpackage seedbundle.
package testcorpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SharedEnv names the environment variable that locates the shared test
// material.
const SharedEnv = "MARSAD_SHARED"

// RepoRoot is the folder of the repository (the one holding go.mod), found
// from this file's own location, so it does not depend on the working
// directory of the test.
func RepoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	// This file is internal/testcorpus/testcorpus.go.
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SeedDir is the folder of the five seed articles the site bundles, with
// their manifest.
func SeedDir() string { return filepath.Join(RepoRoot(), "web", "corpus") }

// NewsSample is a committed sample of 300 news articles (JSONL, gzipped):
// every 133rd ANT article of news-70k (Apache-2.0; see
// testdata/README.md). The ranking goldens and the tests that need more
// than the seeds read it; it is in the repository, so they never skip.
func NewsSample() string {
	return filepath.Join(RepoRoot(), "internal", "testcorpus", "testdata", "ant-sample.jsonl.gz")
}

// SharedDir is the folder of the shared test material: $MARSAD_SHARED, or
// ../shared beside the checkout.
func SharedDir() string {
	if d := os.Getenv(SharedEnv); d != "" {
		return d
	}
	return filepath.Join(RepoRoot(), "..", "shared")
}

// Shared returns the path of rel inside the shared material, or skips the
// test or benchmark when it is absent, saying what it needs and how to
// provide it.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(SharedDir(), rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipped: needs %s from the shared test material, absent here (set %s to the folder that holds it; default ../shared beside the checkout)", rel, SharedEnv)
	}
	return p
}

// BenchSitesEnv names the environment variable of the folder where 'make
// bench-sites' builds a site of each benchmark corpus (<corpus>/, like
// dist/).
const BenchSitesEnv = "MARSAD_BENCH_SITES"

// BenchSite is the folder of the benchmark site of a corpus; the benchmark
// is skipped when BenchSitesEnv is unset.
func BenchSite(tb testing.TB, corpus string) string {
	tb.Helper()
	dir := os.Getenv(BenchSitesEnv)
	if dir == "" {
		tb.Skip(BenchSitesEnv + " is unset: 'make bench' builds the benchmark sites and sets it; by hand, run 'make bench-sites' and set it to build/bench (a folder holding " + corpus + "/)")
	}
	return filepath.Join(dir, corpus)
}

// BenchBundle is the bundle folder of the benchmark site of a corpus (see
// BenchSite).
func BenchBundle(tb testing.TB, corpus string) string {
	tb.Helper()
	return filepath.Join(BenchSite(tb, corpus), "web", "bundle")
}
