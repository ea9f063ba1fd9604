package arabic

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"marsad/internal/testcorpus"
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

// TestGolden compares the analysis of the start of every seed (copies in
// testdata/seeds, so that editing the demo corpus leaves them alone) with
// testdata/golden/<seed-id>.golden: one line per token, "start end text norm
// term" (term "-" for a stop word). Rerun with -update after an intended
// change and review the diff.
//
// The goldens are bound to Version: testdata/golden/VERSION records the
// version they were made under and a digest of their content. A change of
// analysis under the same Version fails here, and -update refuses it, since
// bundles built before the change would be read with the new terms
// silently; a bumped Version with goldens of the old one fails too.
func TestGolden(t *testing.T) {
	outputs := map[string]string{}
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
		outputs[id] = b.String()
	}
	recordFile := filepath.Join("testdata", "golden", "VERSION")
	record := goldenRecord(outputs)
	recorded, _ := os.ReadFile(recordFile)
	recordedVersion, recordedDigest := parseGoldenRecord(string(recorded))
	digest := goldenDigest(outputs)
	if *update {
		if digest != recordedDigest && recordedVersion == Version {
			t.Fatalf("the analysis changed but arabic.Version is still %d: bump it in version.go (bundles built before must be rebuilt), then run -update again", Version)
		}
		for id, got := range outputs {
			file := filepath.Join("testdata", "golden", id+".golden")
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(recordFile, []byte(record), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for id, got := range outputs {
		file := filepath.Join("testdata", "golden", id+".golden")
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
	if recordedVersion != Version {
		t.Errorf("%s records analysis version %d, arabic.Version is %d: run go test ./internal/arabic -update and review the goldens' diff", recordFile, recordedVersion, Version)
	} else if digest != recordedDigest && !t.Failed() {
		t.Errorf("%s: digest %s, the goldens give %s: run go test ./internal/arabic -update", recordFile, recordedDigest, digest)
	}
}

// goldenDigest is a SHA-256 over the golden outputs, in seed order.
func goldenDigest(outputs map[string]string) string {
	h := sha256.New()
	for _, id := range slices.Sorted(maps.Keys(outputs)) {
		fmt.Fprintf(h, "%s\n%s", id, outputs[id])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goldenRecord is the content of testdata/golden/VERSION.
func goldenRecord(outputs map[string]string) string {
	return fmt.Sprintf("version %d\nsha256 %s\n", Version, goldenDigest(outputs))
}

func parseGoldenRecord(s string) (version int, digest string) {
	fmt.Sscanf(s, "version %d\nsha256 %s", &version, &digest)
	return version, digest
}

// newsTexts reads the text of the first n articles of the news corpus.
func newsTexts(b *testing.B, n int) []string {
	path := testcorpus.Shared(b, filepath.Join("corpora", "news-70k.jsonl.gz"))
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	scanner := bufio.NewScanner(gz)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	for i := 0; i < n && scanner.Scan(); i++ {
		var doc struct{ Text string }
		if err := json.Unmarshal(scanner.Bytes(), &doc); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, doc.Text)
	}
	if err := scanner.Err(); err != nil {
		b.Fatal(err)
	}
	return texts
}

// BenchmarkAnalyzeNews analyzes the text of the first 2,000 articles of the
// news corpus, the speed that index building sees (target: ≥ 20 MB/s per
// core, run with -cpu 1). Beside MB/s on the wall clock it reports
// cpu-MB/s, the bytes per second of the process's CPU time, which a machine
// busy with other work disturbs far less (with -cpu 1 the garbage collector
// shares the one core, so both count it).
//
// It analyzes the articles one by one, as the index builder and make eval
// do. It once analyzed them joined into one 8.8 MB text; that made one slice
// of a million tokens, whose copying and scanning by the garbage collector
// took a third of the time (16 against 23.5 MB/s on a quiet machine), a
// cost no real caller pays.
func BenchmarkAnalyzeNews(b *testing.B) {
	texts := newsTexts(b, 2000)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0, cpuOK := processCPU()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Analyze(t)
		}
	}
	b.StopTimer()
	if cpu1, ok := processCPU(); cpuOK && ok && cpu1 > cpu0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpu1-cpu0).Seconds(), "cpu-MB/s")
	}
}
