// Package explore is the researcher's workbench over a search engine's
// index: concordance lines, frequency over dates and sources, collocates,
// word forms and word lists, and keyness between two subcorpora. Package
// search answers "which documents, in which order"; explore answers "how is
// this word used across them".
//
// Every function takes the engine and a search.Request (a query and its
// filters; Offset, Limit and Sort are ignored) that selects the matches or
// the subcorpus, read the way Search reads it (one filter path, aliases
// with Request.Aliases), except that a query finding few documents is never
// relaxed to partial matches: a count of a query counts that query.
//
// What it costs. Counts come from the postings (search.Engine.Occurrences):
// exact, and no document is read for them. What needs the words of the
// articles themselves reads their records, which in the browser means
// downloading them: a concordance reads the articles of the lines on its
// page; sorting a concordance, collocates, word lists and keyness read at
// most a bounded number of articles (see each function), evenly spread over
// the selection, and say so in their result (Partial, DocsRead, Sampled).
// Nothing is silently left out.
package explore

import (
	"errors"
	"strings"
	"sync"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/search"
)

// ErrNoQuery is returned by the views that need something to look for
// (concordance, trends, collocates, word forms) when the request's query
// has no words, only filters or nothing.
var ErrNoQuery = errors.New("explore: the query has no words to look for")

// occurrences evaluates a request the way every view reads it.
func occurrences(e *search.Engine, req search.Request) (*search.Occurrences, error) {
	req.NoPartial = true
	req.Offset, req.Limit, req.Sort = 0, 0, ""
	return e.Occurrences(req)
}

// sortKey is the key a word sorts and counts by: its index term (clitics
// and affixes folded as the analysis folds them), or its normalized form
// for a stop word, or the text itself for what has neither.
func sortKey(t arabic.Token) string {
	if t.Term != "" {
		return t.Term
	}
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

// words sums the words of the documents (see docWords).
func words(ix *index.Index, docs []int32) int {
	n := 0
	for _, d := range docs {
		n += docWords(ix, d)
	}
	return n
}

// evenly picks at most n of docs, evenly spread (all of them when n <= 0 or
// there are no more): a sample that covers the whole span of dates rather
// than the newest articles only.
func evenly(docs []int32, n int) []int32 {
	if n <= 0 || len(docs) <= n {
		return docs
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = docs[i*len(docs)/n]
	}
	return out
}

// analyzer analyzes texts as arabic.Analyze does, remembering each
// spelling's norm and term from one view to the next: the words of news
// repeat, and normalizing and stemming them is most of the cost of reading
// an article, and a researcher going from collocates to a word list to a
// comparison reads many of the same words. One difference from Analyze: a
// stop word that is part of a person's name (كي of بان كي مون), which
// Analyze gives a term in that name, stays a stop word here.
//
// A view's counts live in the remembered spellings themselves (no map of
// its own to look each word up in again), stamped with the view's
// generation: one view uses the memory at a time, from newAnalyzer to done.
type analyzer struct {
	gen uint64
	// toks and infos are the memory of the last text analyzed, reused by
	// the next (see analyze).
	toks  []arabic.Token
	infos []*wordInfo
}

// wordInfo is what is known of one spelling.
type wordInfo struct {
	spelling, norm, term string
	// normed: norm is known; stemmed: term too (analyze). A spelling met
	// only by norms has its norm alone until then.
	normed, stemmed bool
	// gen is the generation of the view whose counts the fields below
	// hold; a later view starts them again.
	gen uint64
	// count and tc are a word count's: the spelling's occurrences, and
	// its term's count.
	count int
	tc    *termCount
	// col is a collocates table's count of the spelling's term.
	col *colStat
}

// spellings is the memory of the spellings analyzed. It holds at most
// maxSpellings (some tens of megabytes at worst) and starts again when
// full.
var spellings struct {
	mu  sync.Mutex
	gen uint64
	m   map[string]*wordInfo
}

const maxSpellings = 1 << 18

// newAnalyzer starts a view's use of the spellings; done must end it.
func newAnalyzer() *analyzer {
	spellings.mu.Lock()
	if spellings.m == nil || len(spellings.m) >= maxSpellings {
		spellings.m = map[string]*wordInfo{}
	}
	spellings.gen++
	return &analyzer{gen: spellings.gen}
}

// done ends the view's use of the spellings: their counts are not to be
// read after it.
func (a *analyzer) done() { spellings.mu.Unlock() }

// analyze returns the tokens of text with Norm and Term filled, and the
// spelling of each. Both slices are the analyzer's memory, valid until its
// next analyze: a view reads its articles one after the other, and keeps
// what it counts, not the tokens.
func (a *analyzer) analyze(text string) ([]arabic.Token, []*wordInfo) {
	toks := arabic.TokenizeInto(a.toks, text)
	a.toks = toks
	if cap(a.infos) < len(toks) {
		a.infos = make([]*wordInfo, len(toks))
	}
	infos := a.infos[:len(toks)]
	for i := range toks {
		w := a.spelling(toks[i].Text)
		if !w.stemmed {
			if one := arabic.Analyze(w.spelling); len(one) > 0 {
				w.norm, w.term = one[0].Norm, one[0].Term
			}
			w.normed, w.stemmed = true, true
		}
		if w.gen != a.gen {
			w.gen, w.count, w.tc, w.col = a.gen, 0, nil, nil
		}
		toks[i].Norm, toks[i].Term = w.norm, w.term
		infos[i] = w
	}
	return toks, infos
}

// norms returns the tokens of text with their Norm only (as arabic.Norms
// gives them), from the memory of spellings: a word met before is not
// normalized again, and one met for the first time is not stemmed. The
// slice is the analyzer's memory, valid until its next use.
func (a *analyzer) norms(text string) []arabic.Token {
	toks := arabic.TokenizeInto(a.toks, text)
	a.toks = toks
	for i := range toks {
		w := a.spelling(toks[i].Text)
		if !w.normed {
			w.norm, w.normed = arabic.NormOf(w.spelling), true
		}
		toks[i].Norm = w.norm
	}
	return toks
}

// spelling is the memory of one spelling, made the first time it is met.
func (a *analyzer) spelling(text string) *wordInfo {
	w := spellings.m[text]
	if w == nil {
		// A copy: the token is a slice of the article's text, which the
		// memory would otherwise keep whole.
		spelling := strings.Clone(text)
		w = &wordInfo{spelling: spelling}
		spellings.m[spelling] = w
	}
	return w
}

// eachDoc reads the documents nums and hands each to fn in order, then
// reports the progress: the articles are fetched together but decoded one
// at a time, so that a Progress that pauses (in the browser) pauses
// between two rather than after a hundred decoded at once.
func eachDoc(e *search.Engine, nums []int32, progress func(done, total int), fn func(k int, doc corpus.Document)) error {
	return e.Index().DocsEach(nums, func(k int, doc corpus.Document) error {
		fn(k, doc)
		if progress != nil {
			progress(k+1, len(nums))
		}
		return nil
	})
}
