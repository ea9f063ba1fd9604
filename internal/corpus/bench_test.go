package corpus

import (
	"path/filepath"
	"strings"
	"testing"

	"marsad/internal/testcorpus"
)

// sharedPath returns a file of the shared test material, or skips the test
// saying which file it needs (see testcorpus.Shared).
func sharedPath(tb testing.TB, rel string) string {
	tb.Helper()
	return testcorpus.Shared(tb, rel)
}

// allFurniture is every table phrase that must never survive in a text.
func allFurniture() []string {
	var out []string
	for _, list := range [][]string{furnitureExact, furniturePrefixes, furnitureGluedPrefixes} {
		for _, e := range list {
			if len([]rune(e)) >= 6 { // "شارك", "طباعة", "©" are also words or symbols of prose
				out = append(out, matchKey(e))
			}
		}
	}
	return out
}

// FromRecord over the first 2,000 articles of the daesh corpus: no error,
// and no furniture phrase of the tables left at the start of any line.
func TestBenchmarkSample(t *testing.T) {
	path := sharedPath(t, filepath.Join("corpora", "daesh-news.jsonl.gz"))
	phrases := allFurniture()
	n := 0
	readJSONL(t, path, 2000, func(j jsonRecord) {
		n++
		doc, err := FromRecord(j.record())
		if err != nil {
			t.Errorf("%s: %v", j.ID, err)
			return
		}
		for l := range strings.SplitSeq(doc.Text, "\n") {
			k := furnitureKey(l)
			for _, p := range phrases {
				if strings.HasPrefix(k, p) && isFurniture(l) {
					t.Errorf("%s: furniture %q left: %q", j.ID, p, l)
				}
			}
			if isFurniture(l) {
				t.Errorf("%s: furniture line left: %q", j.ID, l)
			}
		}
	})
	if n != 2000 {
		t.Errorf("read %d records, want 2000", n)
	}
}

// BenchmarkFromRecord runs FromRecord over the whole daesh corpus
// (shared/corpora/daesh-news.jsonl.gz, 3,469 articles); MB/s counts the
// bytes of text. The budget is 8 µs per KB (≥ 125 MB/s).
func BenchmarkFromRecord(b *testing.B) {
	path := sharedPath(b, filepath.Join("corpora", "daesh-news.jsonl.gz"))
	var recs []Record
	var size int64
	readJSONL(b, path, -1, func(j jsonRecord) {
		recs = append(recs, j.record())
		size += int64(len(j.Text))
	})
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range recs {
			if _, err := FromRecord(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
