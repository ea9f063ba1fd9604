// Package benchset draws the benchmark queries from a bundle: the same
// queries for the native and the browser benchmarks, the same every run.
package benchset

import (
	"strings"
	"unicode/utf8"

	"marsad/internal/arabic"
	"marsad/internal/index"
)

// Kinds of query, in the order Queries cycles through them.
var Kinds = []string{"word", "pair", "phrase", "prefix", "fuzzy", "filter"}

// Query is one benchmark query and its kind.
type Query struct {
	Kind, Text string
}

// Queries returns n queries drawn from the titles of documents spread evenly
// over the bundle: single words, pairs, two-word phrases, prefixes (the first
// four letters and *), fuzzy words (a letter dropped, and ~) and a word with a
// source or date filter, in turn.
func Queries(ix *index.Index, n int) ([]Query, error) {
	var out []Query
	numDocs := ix.NumDocs()
	if numDocs == 0 {
		return nil, nil
	}
	step := max(1, numDocs/(n+1))
	for i := 0; len(out) < n && i < numDocs*4; i++ {
		d := (i*step + i/numDocs) % numDocs
		doc, err := ix.Doc(d)
		if err != nil {
			return nil, err
		}
		words := contentWords(doc.Title)
		if len(words) == 0 {
			continue
		}
		kind := Kinds[len(out)%len(Kinds)]
		w := words[len(out)%len(words)]
		var q string
		switch kind {
		case "word":
			q = w.text
		case "pair":
			if len(words) < 2 {
				continue
			}
			q = words[0].text + " " + words[len(words)-1].text
		case "phrase":
			p := phrase(words)
			if p == "" {
				continue
			}
			q = `"` + p + `"`
		case "prefix":
			r := []rune(w.text)
			// A visitor types the start of a word, not of a word with a
			// conjunction or preposition glued to it (وتعب*, بتفج*).
			if len(r) < 5 || (strings.ContainsRune("وبلفك", r[0]) && !strings.HasPrefix(w.text[len(string(r[0])):], "ال")) {
				continue
			}
			q = string(r[:4]) + "*"
		case "fuzzy":
			r := []rune(w.text)
			if len(r) < 5 {
				continue
			}
			q = string(r[:2]) + string(r[3:]) + "~"
		case "filter":
			if ix.Year(d) != "" && len(out)%2 == 0 {
				q = w.text + " date:" + ix.Year(d)
			} else if src := ix.Source(d); src != "" && !strings.ContainsAny(src, `"«»“”`) {
				q = w.text + ` source:"` + src + `"`
			} else {
				continue
			}
		}
		out = append(out, Query{kind, q})
	}
	return out, nil
}

type word struct {
	text string
	pos  int
}

// contentWords are the title's words that are indexed terms of at least
// three letters, in order with their positions.
func contentWords(title string) []word {
	var out []word
	for _, t := range arabic.Analyze(title) {
		if t.Term == "" || strings.HasPrefix(t.Term, "#") || utf8.RuneCountInString(t.Text) < 3 || !isArabicWord(t.Text) {
			continue
		}
		out = append(out, word{t.Text, t.Position})
	}
	return out
}

func isArabicWord(s string) bool {
	for _, r := range s {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return true
}

// phrase returns two adjacent content words of a title, or "".
func phrase(words []word) string {
	for i := 1; i < len(words); i++ {
		if words[i].pos == words[i-1].pos+1 {
			return words[i-1].text + " " + words[i].text
		}
	}
	return ""
}
