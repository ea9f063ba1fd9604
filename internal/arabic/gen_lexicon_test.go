package arabic

import (
	"encoding/binary"
	"math"
	"os"
	"strings"
	"testing"
)

// lexiconMinCount is how often a word must occur in the source articles to
// enter the lexicon: once or twice is mostly typos and run-together words.
const lexiconMinCount = 3

// lexiconFalsePositive is the Bloom filter's target false-positive rate.
const lexiconFalsePositive = 0.01

// TestGenerateLexicon rebuilds lexicon.bin. It runs only when
// MARSAD_GEN_LEXICON names news-70k.jsonl.gz; it reads only the articles
// whose "corpus" field starts with "antcorpus" (the ANT corpus, Apache-2.0),
// because the SaudiNewsNet part is licensed for research use only.
func TestGenerateLexicon(t *testing.T) {
	path := os.Getenv("MARSAD_GEN_LEXICON")
	if path == "" {
		t.Skip("set MARSAD_GEN_LEXICON to news-70k.jsonl.gz to regenerate lexicon.bin")
	}
	// Count words as the tokenizer sees them without a lexicon, so that
	// the output does not depend on the lexicon it replaces (the lexicon
	// splits run-together words).
	saved := lexicon
	lexicon = nil
	defer func() { lexicon = saved }()
	articles := 0
	counts := countWords(t, path, func(corpus string) bool {
		ant := strings.HasPrefix(corpus, "antcorpus")
		if ant {
			articles++
		}
		return ant
	})
	// Only words as written: stems computed here would carry the very
	// mistakes the lexicon is meant to prevent (كاليفورنيا → يفورن).
	keys := map[string]struct{}{}
	for word, n := range counts {
		if n >= lexiconMinCount {
			keys[word] = struct{}{}
		}
	}
	n := float64(len(keys))
	m := uint32(math.Ceil(-n * math.Log(lexiconFalsePositive) / (math.Ln2 * math.Ln2)))
	k := uint32(math.Round(float64(m) / n * math.Ln2))
	filter := &bloom{bits: make([]byte, (m+7)/8), m: uint64(m), k: k}
	for key := range keys {
		filter.add(key)
	}
	out := []byte(lexiconMagic)
	out = binary.LittleEndian.AppendUint32(out, k)
	out = binary.LittleEndian.AppendUint32(out, m)
	out = append(out, filter.bits...)
	if err := os.WriteFile("lexicon.bin", out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d ANT articles, %d distinct words, %d seen %d+ times, %d bytes, k=%d",
		articles, len(counts), len(keys), lexiconMinCount, len(out), k)
}
