//go:build !wasm

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"marsad/internal/ingest"

	"marsad/internal/testcorpus"
)

// BenchmarkBundleBuildNews70k and BenchmarkBundleBuildDaesh time what
// 'marsad index' does natively: read and clean the corpus, tag its entities
// and build the bundle; they report the bundle's size without the document
// packs against the size of the text it indexes.
func BenchmarkBundleBuildNews70k(b *testing.B) { benchBuild(b, "news-70k") }
func BenchmarkBundleBuildDaesh(b *testing.B)   { benchBuild(b, "daesh-news") }

func benchBuild(b *testing.B, name string) {
	path := testcorpus.Shared(b, filepath.Join("corpora", name+".jsonl.gz"))
	tag, err := entityTagger()
	if err != nil {
		b.Fatal(err)
	}
	var textBytes, withoutPacks, total int64
	var files int
	for i := 0; i < b.N; i++ {
		res, err := ingest.Load(path, ingest.Options{Tag: tag})
		if err != nil {
			b.Fatal(err)
		}
		bundle, err := buildBundle(res.Documents)
		if err != nil {
			b.Fatal(err)
		}
		textBytes, withoutPacks, total, files = 0, 0, bundle.Size(), len(bundle.Files)
		for _, d := range res.Documents {
			textBytes += int64(len(d.Title) + len(d.Text))
		}
		for _, f := range bundle.Files {
			if !strings.HasPrefix(f.Name, "d-") {
				withoutPacks += int64(len(f.Data))
			}
		}
	}
	b.ReportMetric(float64(textBytes)/1e6, "MB-text")
	b.ReportMetric(float64(withoutPacks)/1e6, "MB-index")
	b.ReportMetric(100*float64(withoutPacks)/float64(textBytes), "%-of-text")
	b.ReportMetric(float64(total)/1e6, "MB-bundle")
	b.ReportMetric(float64(files), "files")
}
