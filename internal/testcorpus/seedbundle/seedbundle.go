// Package seedbundle gives tests the seed articles (testcorpus.SeedDir) as
// documents and as the bundle the site builds from them, each made once per
// test binary.
package seedbundle

import (
	"sync"
	"testing"

	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/testcorpus"
)

var (
	once    sync.Once
	docs    []corpus.Document
	bundle  *index.Bundle
	loadErr error
)

func load() {
	once.Do(func() {
		if docs, loadErr = corpus.LoadDir(testcorpus.SeedDir()); loadErr != nil {
			return
		}
		bundle, loadErr = index.Build(index.Options{}, docs)
	})
}

// Docs returns the seed articles, as corpus.LoadDir reads them. The slice is
// shared: a test that changes it must copy it first.
func Docs(tb testing.TB) []corpus.Document {
	tb.Helper()
	load()
	if loadErr != nil {
		tb.Fatalf("seed articles (%s): %v", testcorpus.SeedDir(), loadErr)
	}
	return docs
}

// Bundle returns the seeds' bundle, built with the default index.Options.
// It is shared: open it through Bundle.Fetcher, never change its files.
func Bundle(tb testing.TB) *index.Bundle {
	tb.Helper()
	load()
	if loadErr != nil {
		tb.Fatalf("seed bundle: %v", loadErr)
	}
	return bundle
}
