package ingest

import (
	"path/filepath"
	"testing"

	"marsad/internal/entity"

	"marsad/internal/testcorpus"
)

// sharedCorpus finds a corpus of the shared material, or skips: the project
// builds and tests without it.
func sharedCorpus(b *testing.B, name string) string {
	return testcorpus.Shared(b, filepath.Join("corpora", name))
}

func benchmarkIngest(b *testing.B, name string, tagged bool) {
	p := sharedCorpus(b, name)
	var opts Options
	if tagged {
		tagger, err := entity.Default()
		if err != nil {
			b.Fatal(err)
		}
		opts.Tag = tagger.Tag
	}
	b.ReportAllocs()
	var res *Result
	for b.Loop() {
		var err error
		if res, err = Load(p, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Summary.Kept), "articles")
}

// BenchmarkIngest70k: the whole ingest of news-70k.jsonl.gz as `marsad
// index` does it (gunzip, JSON, FromRecord, dedup, entity tagging).
// Target: under 30 s on two cores.
func BenchmarkIngest70k(b *testing.B) { benchmarkIngest(b, "news-70k.jsonl.gz", true) }

// BenchmarkIngest70kUntagged is the same without the entity tagger, to
// show what tagging costs.
func BenchmarkIngest70kUntagged(b *testing.B) { benchmarkIngest(b, "news-70k.jsonl.gz", false) }

// BenchmarkIngestDaesh: the same for daesh-news.jsonl.gz (3.5k articles).
func BenchmarkIngestDaesh(b *testing.B) { benchmarkIngest(b, "daesh-news.jsonl.gz", true) }
