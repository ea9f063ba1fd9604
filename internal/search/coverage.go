package search

// Ranking by coverage: a long query (a pasted question, headline or lede)
// is never a filter. From CoverageFrom scoring units on, every article that
// has any of the query's words is ranked, by how much of the query it
// covers (each unit weighted by its IDF, so a missing rare name costs more
// than a missing اليوم), then by BM25. Short queries keep all words, with
// the partial fallback when that finds too little.

import (
	"math"
	"sort"

	"marsad/internal/index"
	"marsad/internal/query"
)

// Mode says how the hits of a search were ranked (Result.Mode).
type Mode string

const (
	// ModeAllWords: every hit has every word of the query (or the query
	// has a single word, a phrase, an OR…); BM25 orders them.
	ModeAllWords Mode = "all-words"
	// ModePartial: requiring every word found fewer than PartialBelow
	// articles, so the hits have some of the words, BM25 scaled by the
	// IDF-weighted share of the words they have.
	ModePartial Mode = "partial"
	// ModeCoverage: the query is long (CoverageFrom units or more), so the
	// hits are every article with any of its words, BM25 scaled by the
	// IDF-weighted share of the query they cover.
	ModeCoverage Mode = "coverage"
)

// coverage weighs, per hit, the query units it matches, each by its IDF:
// in both relaxed modes a hit that lacks a rare word (a name, a date) loses
// more than one that lacks a common one (تم، عدد، اليوم). Counting every
// word as one in partial mode ranked a sentence holding two common words
// of a short question above the one holding its rarest: on the xquad_r_ar
// sentences, where 41 % of the questions are ranked in partial mode,
// MRR@10 0.780 → 0.784, the other sets unchanged (see DefaultRanking). A
// nil *coverage (all words) does nothing.
type coverage struct {
	exponent float64
	matched  []float64 // per hit
	total    float64
}

func newCoverage(mode Mode, hits int, r Ranking) *coverage {
	switch mode {
	case ModePartial:
		return &coverage{exponent: 1, matched: make([]float64, hits)}
	case ModeCoverage:
		return &coverage{exponent: r.CoverageExponent, matched: make([]float64, hits)}
	}
	return nil
}

// unit counts one scoring unit of the query (a word, a phrase, an alias
// group) with its IDF.
func (c *coverage) unit(idf float64) {
	if c != nil {
		c.total += idf
	}
}

// add records that hit k matches a unit of that IDF.
func (c *coverage) add(k int, idf float64) {
	if c != nil {
		c.matched[k] += idf
	}
}

// apply scales each hit's score by the share of the query it covers,
// raised to the exponent.
func (c *coverage) apply(scores []float64) []float64 {
	if c == nil || c.total == 0 {
		return scores
	}
	for k := range scores {
		share := c.matched[k] / c.total
		if c.exponent == 1 {
			scores[k] *= share
		} else {
			scores[k] *= math.Pow(share, c.exponent)
		}
	}
	return scores
}

// units counts the scoring units of a plan: each word or phrase on its
// own, each alias group (or prefix, or fuzzy word) once.
func (p *matches) units() int {
	n := 0
	groups := map[int]bool{}
	for _, l := range p.leaves {
		if g := l.alias.group; g == 0 {
			n++
		} else if !groups[g] {
			groups[g] = true
			n++
		}
	}
	return n
}

// rankByCoverage reports whether a query is long enough to be ranked by
// coverage rather than filtered by its words.
func (e *Engine) rankByCoverage(p *matches) bool {
	return e.ranking.CoverageFrom > 0 && p.units() >= e.ranking.CoverageFrom
}

// keepInformative bounds a query read from pasted text to query.MaxTerms
// terms: when it has more, the words of its top level with the most
// documents (the least informative, by IDF) are dropped until it fits, and
// it says how many. Phrases, filters, exclusions and operators are
// kept; if they alone pass the bound, the last of them go.
func (e *Engine) keepInformative(n query.Node) (query.Node, int, error) {
	terms := countTerms(n)
	if terms <= query.MaxTerms {
		return n, 0, nil
	}
	and, ok := n.(query.And)
	if !ok {
		// An Or of more than MaxTerms: keep its first MaxTerms.
		if or, isOr := n.(query.Or); isOr && len(or.Children) > query.MaxTerms {
			or.Children = or.Children[:query.MaxTerms]
			return or, terms - query.MaxTerms, nil
		}
		return n, 0, nil
	}
	type word struct {
		at int
		df int
	}
	var words []word
	for i, c := range and.Children {
		w, ok := c.(query.Word)
		if !ok {
			continue
		}
		df, err := e.wordDocFreq(w.Text)
		if err != nil {
			return nil, 0, err
		}
		words = append(words, word{i, df})
	}
	// The most common first; among equals, the later word goes first.
	sort.SliceStable(words, func(a, b int) bool {
		if words[a].df != words[b].df {
			return words[a].df > words[b].df
		}
		return words[a].at > words[b].at
	})
	drop := map[int]bool{}
	for _, w := range words {
		if terms-len(drop) <= query.MaxTerms {
			break
		}
		drop[w.at] = true
	}
	var kept []query.Node
	for i, c := range and.Children {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	dropped, left := len(drop), terms-len(drop)
	for ; left > query.MaxTerms && len(kept) > 1; dropped++ {
		left -= countTerms(kept[len(kept)-1])
		kept = kept[:len(kept)-1]
	}
	if len(kept) == 1 {
		return kept[0], dropped, nil
	}
	return query.And{Children: kept}, dropped, nil
}

// countTerms counts the words, phrases, prefixes, fuzzy words and filters
// of a query.
func countTerms(n query.Node) int {
	terms := 0
	query.Walk(n, func(x query.Node) bool {
		switch x.(type) {
		case query.And, query.Or, query.Not:
		default:
			terms++
		}
		return true
	})
	return terms
}

// wordDocFreq is the number of documents a word's most widespread term is
// in; a word with no term to search for (a stop word, punctuation) counts
// as in every document, the first to drop.
func (e *Engine) wordDocFreq(text string) (int, error) {
	df := -1
	for _, t := range analyzeQuery(text) {
		key := index.KeyOf(t)
		if key == "" || key.IsStop() {
			continue
		}
		n, err := e.ix.DocFreq(key)
		if err != nil {
			return 0, err
		}
		df = max(df, n)
	}
	if df < 0 {
		return e.ix.NumDocs() + 1, nil
	}
	return df, nil
}
