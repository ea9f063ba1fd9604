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

	"marsad/internal/arabic"
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

// words sums the words (indexed terms, title and text) of the documents.
func words(ix *index.Index, docs []int32) int {
	n := 0
	for _, d := range docs {
		n += ix.DocLen(index.Title, int(d)) + ix.DocLen(index.Text, int(d))
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
