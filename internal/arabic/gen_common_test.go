package arabic

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestGenerateCommonTerms rebuilds common_terms.txt (see Specificity). It
// runs only when MARSAD_GEN_COMMON names news-70k.jsonl.gz, and reads only
// the ANT corpus articles (Apache-2.0), as TestGenerateLexicon does.
func TestGenerateCommonTerms(t *testing.T) {
	path := os.Getenv("MARSAD_GEN_COMMON")
	if path == "" {
		t.Skip("set MARSAD_GEN_COMMON to news-70k.jsonl.gz to regenerate common_terms.txt")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	df := map[string]int{}
	articles := 0
	scanner := bufio.NewScanner(gz)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	for scanner.Scan() {
		var doc struct{ Text, Title, Corpus string }
		if err := json.Unmarshal(scanner.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(doc.Corpus, "antcorpus") {
			continue
		}
		articles++
		seen := map[string]bool{}
		for _, tok := range Analyze(doc.Title + "\n" + doc.Text) {
			if tok.Term != "" && !seen[tok.Term] {
				seen[tok.Term] = true
				df[tok.Term]++
			}
		}
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	min := int(math.Ceil(float64(articles) * commonMinShare))
	byPower := map[int][]string{}
	kept := 0
	for term, n := range df {
		if n < min {
			continue
		}
		p := 1 << int(math.Floor(math.Log2(float64(n))))
		byPower[p] = append(byPower[p], term)
		kept++
	}
	var powers []int
	for p := range byPower {
		powers = append(powers, p)
	}
	sort.Ints(powers)
	var b strings.Builder
	fmt.Fprintf(&b, "articles %d\n", articles)
	for _, p := range powers {
		terms := byPower[p]
		sort.Strings(terms)
		fmt.Fprintf(&b, "%d %s\n", p, strings.Join(terms, " "))
	}
	if err := os.WriteFile("common_terms.txt", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d ANT articles, %d terms, %d in %d+ of them, %d bytes", articles, len(df), kept, min, b.Len())
}
