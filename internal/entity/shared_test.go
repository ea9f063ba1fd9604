package entity

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"marsad/internal/testcorpus"
)

// sharedDir is the shared material beside the checkout (see
// testcorpus.SharedDir).
func sharedDir() string { return testcorpus.SharedDir() }

// corpusTexts reads the "text" field of up to max articles (all when max
// <= 0) of a JSONL.gz corpus in the shared directory, skipping tb with a
// message naming the file when it is absent.
func corpusTexts(tb testing.TB, name string, max int) []string {
	tb.Helper()
	path := testcorpus.Shared(tb, filepath.Join("corpora", name))
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() && (max <= 0 || len(texts) < max) {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, doc.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

// BenchmarkTag tags every article of daesh-news.jsonl.gz (3,469 articles)
// with the embedded gazetteer; the ingest budget asks ≥ 20 MB/s per core
// (run with -cpu 1).
func BenchmarkTag(b *testing.B) {
	texts := corpusTexts(b, "daesh-news.jsonl.gz", 0)
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			tg.Tag(t)
		}
	}
}
