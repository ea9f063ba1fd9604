package arabic

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current analyzer")

// goldenPrefix is the start of a seed the golden files cover: its first
// ~1500 bytes, cut at the end of a line.
func goldenPrefix(text string) string {
	if len(text) <= 1500 {
		return text
	}
	if i := strings.LastIndexByte(text[:1500], '\n'); i > 0 {
		return text[:i+1]
	}
	return text[:1500]
}

// TestGolden compares the analysis of the start of every seed with
// testdata/golden/<seed-id>.golden: one line per token, "start end text norm
// term" (term "-" for a stop word). Rerun with -update after an intended
// change and review the diff.
func TestGolden(t *testing.T) {
	for path, text := range seedTexts(t) {
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		var b strings.Builder
		for _, tok := range Analyze(goldenPrefix(text)) {
			term := tok.Term
			if term == "" {
				term = "-"
			}
			fmt.Fprintf(&b, "%d %d %s %s %s\n", tok.Start, tok.End, tok.Text, tok.Norm, term)
		}
		got := b.String()
		file := filepath.Join("testdata", "golden", id+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/arabic -update)", err)
		}
		if got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := 0; i < max(len(gl), len(wl)); i++ {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("%s line %d:\n got %q\nwant %q", file, i+1, g, w)
					break
				}
			}
		}
	}
}

// newsTexts reads the text of the first n articles of the news corpus.
func newsTexts(b *testing.B, n int) string {
	const path = "/work/shared/corpora/news-70k.jsonl.gz"
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("news corpus absent (%v): BenchmarkAnalyzeNews needs %s", err, path)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var all strings.Builder
	scanner := bufio.NewScanner(gz)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	for i := 0; i < n && scanner.Scan(); i++ {
		var doc struct{ Text string }
		if err := json.Unmarshal(scanner.Bytes(), &doc); err != nil {
			b.Fatal(err)
		}
		all.WriteString(doc.Text)
		all.WriteByte('\n')
	}
	if err := scanner.Err(); err != nil {
		b.Fatal(err)
	}
	return all.String()
}

// BenchmarkAnalyzeNews analyzes the text of the first 2,000 articles of the
// news corpus, the speed that index building sees (target: ≥ 20 MB/s per
// core, run with -cpu 1).
func BenchmarkAnalyzeNews(b *testing.B) {
	text := newsTexts(b, 2000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Analyze(text)
	}
}
