package arabic

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// How specific a term is in Arabic news at large. A collection's own IDF
// is what BM25 weighs a word by, but a small collection (a few thousand
// sentences, or a researcher's few hundred articles) counts too few
// documents for it: a word of the frame of a question (عدد، اسم، نوع، تم،
// يمكن) may be as rare there as the name the question is about. Weighing
// the local IDF by the word's specificity in a large news corpus, the way
// IR on small collections borrows statistics from a bigger one, lets the
// words every article uses weigh less. See search.DefaultRanking.
//
// common_terms.txt lists the terms found in at least one article in
// commonMinShare of the Apache-2.0 ANT corpus articles of news-70k, by
// powers of two of their document frequency (TestGenerateCommonTerms). A
// term it lacks is rare in news, and fully specific.

//go:embed common_terms.txt
var commonTermsTxt string

// commonMinShare: a term in fewer articles than this share is left out of
// the table (1 in 300 articles).
const commonMinShare = 1.0 / 300

// commonTable is read on first use: only a search needs it.
var commonTable = sync.OnceValues(func() (map[string]float64, float64) { return parseCommonTerms(commonTermsTxt) })

// parseCommonTerms reads the table: a first line "articles N", then lines
// "DF term term…", every term of the line in DF to 2·DF articles.
func parseCommonTerms(s string) (map[string]float64, float64) {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) == 0 {
		return nil, 0
	}
	head := strings.Fields(lines[0])
	if len(head) != 2 || head[0] != "articles" {
		return nil, 0
	}
	n, err := strconv.Atoi(head[1])
	if err != nil || n <= 0 {
		return nil, 0
	}
	terms := map[string]float64{}
	for _, line := range lines[1:] {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		df, err := strconv.Atoi(f[0])
		if err != nil || df <= 0 {
			continue
		}
		for _, t := range f[1:] {
			terms[t] = float64(df) * math.Sqrt2 // the middle of [df, 2df)
		}
	}
	return terms, float64(n)
}

// Specificity is how specific an index term is in Arabic news: its IDF
// over the ANT articles relative to that of a word in three of them, from
// near 0 (a word of every article) to 1 (a word the table does not list:
// rare, a name, another language).
func Specificity(term string) float64 {
	terms, articles := commonTable()
	df, ok := terms[term]
	if !ok || articles == 0 {
		return 1
	}
	idf := func(df float64) float64 { return math.Log(1 + (articles-df+0.5)/(df+0.5)) }
	return math.Min(1, idf(df)/idf(3))
}
