package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"marsad/internal/arabic"
	"marsad/internal/ingest"
	"marsad/internal/search"
)

// TestDumpMisses writes, for every xquad_r_ar sentence question whose
// relevant sentence the engine does not rank first, the question's terms,
// where the sentence ranked, the question's terms it has and lacks, and the
// same for the sentences ranked above it; each miss is given its kind (see
// missKind) and the file ends with the count of each. It is the material
// to classify the losses by, and runs only when MARSAD_MISSES names the
// file to write.
func TestDumpMisses(t *testing.T) {
	out := os.Getenv("MARSAD_MISSES")
	if out == "" {
		t.Skip("set MARSAD_MISSES=FILE to write the sentence-level misses")
	}
	dir := filepath.Join(sharedDir, "eval", "xquad_r_ar")
	lv := XQuADLevels[0]
	c, err := LoadEngineCollection(dir, lv)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Load(filepath.Join(dir, lv.Corpus), ingest.Options{Format: ingest.FormatJSONL})
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, d := range res.Documents {
		text[d.ID] = d.Text
	}
	e := c.engines[0]
	e.SetRanking(search.DefaultRanking)
	var b strings.Builder
	kinds := map[string]int{}
	misses := 0
	for _, tp := range c.Topics {
		rel := c.Qrels[tp.ID]
		r, err := e.Search(search.Request{Query: tp.Text, Limit: Depth, Aliases: true})
		if err != nil {
			t.Fatal(err)
		}
		rank, relevantID := 0, ""
		for id := range rel {
			relevantID = id
		}
		for i, h := range r.Hits {
			if rel[h.ID] {
				rank, relevantID = i+1, h.ID
				break
			}
		}
		if rank == 1 {
			continue
		}
		misses++
		q := questionTerms(tp.Text)
		first := ""
		if len(r.Hits) > 0 {
			first = text[r.Hits[0].ID]
		}
		kind := missKind(q, text[relevantID], first)
		kinds[kind]++
		fmt.Fprintf(&b, "## %s rank %d (0: not in the first %d), mode %s, %s\n", tp.ID, rank, Depth, r.Mode, kind)
		fmt.Fprintf(&b, "question  %s\n          %s\n", tp.Text, analyzed(tp.Text))
		fmt.Fprintf(&b, "relevant  %s %s\n          %s\n", relevantID, hasLacks(q, text[relevantID]), text[relevantID])
		for i, h := range r.Hits {
			if i >= 3 || (rank > 0 && i >= rank-1) {
				break
			}
			fmt.Fprintf(&b, "ranked %d  %s %.3f %s\n          %s\n", i+1, h.ID, h.Score, hasLacks(q, text[h.ID]), text[h.ID])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d misses of %d questions:", misses, len(c.Topics))
	for _, k := range []string{"no-shared-term", "fewer-terms", "same-terms", "other-terms"} {
		fmt.Fprintf(&b, " %s %d", k, kinds[k])
	}
	b.WriteString("\n")
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// questionTerms lists the index terms of a question, each once, in order.
func questionTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range arabic.Analyze(q) {
		if tok.Term != "" && !seen[tok.Term] {
			seen[tok.Term] = true
			out = append(out, tok.Term)
		}
	}
	return out
}

// matchedTerms is the set of the terms of q that text has.
func matchedTerms(q []string, text string) map[string]bool {
	want := map[string]bool{}
	for _, t := range q {
		want[t] = true
	}
	have := map[string]bool{}
	for _, tok := range arabic.Analyze(text) {
		if want[tok.Term] {
			have[tok.Term] = true
		}
	}
	return have
}

// missKind classifies a miss by the question's terms the relevant sentence
// has against those of the sentence ranked first:
//
//	no-shared-term  it has none of them (a paraphrase: no word to match);
//	fewer-terms     it has a strict subset of the first one's;
//	same-terms      the same ones (term frequency and length decided);
//	other-terms     some the first one lacks (the words' weights decided).
func missKind(q []string, relevant, first string) string {
	r := matchedTerms(q, relevant)
	if len(r) == 0 {
		return "no-shared-term"
	}
	f := matchedTerms(q, first)
	within := func(a, b map[string]bool) bool {
		for t := range a {
			if !b[t] {
				return false
			}
		}
		return true
	}
	switch {
	case within(r, f) && within(f, r):
		return "same-terms"
	case within(r, f):
		return "fewer-terms"
	}
	return "other-terms"
}

// hasLacks says which terms of q text has and lacks.
func hasLacks(q []string, text string) string {
	have := matchedTerms(q, text)
	var has, lacks []string
	for _, t := range q {
		if have[t] {
			has = append(has, t)
		} else {
			lacks = append(lacks, t)
		}
	}
	return "has [" + strings.Join(has, " ") + "] lacks [" + strings.Join(lacks, " ") + "]"
}

// analyzed shows each word of s with its term, stop words in brackets.
func analyzed(s string) string {
	var out []string
	for _, tok := range arabic.Analyze(s) {
		if tok.Term == "" {
			out = append(out, "("+tok.Text+")")
		} else {
			out = append(out, tok.Text+"→"+tok.Term)
		}
	}
	return strings.Join(out, " ")
}
