package eval

import (
	"math"
	"sort"
)

// BM25 parameters of Anserini's defaults.
const (
	BM25K1 = 0.9
	BM25B  = 0.4
)

// Index is an in-memory inverted index scored with textbook BM25:
//
//	score(d, q) = Σ_t qtf(t) · idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl))
//	idf(t)      = ln(1 + (N − df + 0.5) / (df + 0.5))
//
// where |d| is the number of terms of d (stop words excluded) and qtf(t) is
// how many times t occurs in the query: a repeated query term weighs as
// many times as it occurs (as in Anserini's bag-of-words queries). A
// document matches when it holds ANY query term (OR).
type Index struct {
	K1, B    float64
	ids      []string
	lens     []int
	avgLen   float64
	postings map[string][]posting
}

type posting struct {
	doc int
	tf  int
}

// Doc is one document to index.
type Doc struct {
	ID, Text string
}

// NewIndex analyzes and indexes docs with terms.
func NewIndex(docs []Doc, terms func(string) []string) *Index {
	ix := &Index{K1: BM25K1, B: BM25B, postings: map[string][]posting{}}
	total := 0
	for i, d := range docs {
		ts := terms(d.Text)
		ix.ids = append(ix.ids, d.ID)
		ix.lens = append(ix.lens, len(ts))
		total += len(ts)
		tf := map[string]int{}
		for _, t := range ts {
			tf[t]++
		}
		for t, n := range tf {
			ix.postings[t] = append(ix.postings[t], posting{i, n})
		}
	}
	if len(docs) > 0 {
		ix.avgLen = float64(total) / float64(len(docs))
	}
	return ix
}

// Hit is one ranked document.
type Hit struct {
	ID    string
	Score float64
}

// Search ranks every document holding at least one of the query terms by
// BM25, best first (ties by index order), and returns at most k hits (all
// when k <= 0).
func (ix *Index) Search(query []string, k int) []Hit {
	qtf := map[string]int{}
	for _, t := range query {
		if t != "" {
			qtf[t]++
		}
	}
	scores := map[int]float64{}
	n := float64(len(ix.ids))
	for t, q := range qtf {
		ps := ix.postings[t]
		if len(ps) == 0 {
			continue
		}
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ps {
			tf := float64(p.tf)
			norm := ix.K1 * (1 - ix.B + ix.B*float64(ix.lens[p.doc])/ix.avgLen)
			scores[p.doc] += float64(q) * idf * tf * (ix.K1 + 1) / (tf + norm)
		}
	}
	docs := make([]int, 0, len(scores))
	for d := range scores {
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool {
		si, sj := scores[docs[i]], scores[docs[j]]
		if si != sj {
			return si > sj
		}
		return docs[i] < docs[j]
	})
	if k > 0 && len(docs) > k {
		docs = docs[:k]
	}
	hits := make([]Hit, len(docs))
	for i, d := range docs {
		hits[i] = Hit{ix.ids[d], scores[d]}
	}
	return hits
}
