package explore

import (
	"math"
	"slices"

	"marsad/internal/search"
)

// CompareOptions shape a comparison.
type CompareOptions struct {
	// Limit is the most distinctive words listed for each side; 50 when 0.
	Limit int
	// MinCount is the fewest occurrences a word needs on the side it is
	// distinctive of; 3 when 0.
	MinCount int
	// MaxDocs is the most articles read on each side, evenly spread;
	// DefaultSampleDocs when 0, all when negative.
	MaxDocs int
	// Progress, if set, is called after each article read with the number
	// read so far and the number to read, both sides together (see
	// ConcordanceOptions.Progress).
	Progress func(done, total int)
}

// Comparison sets two subcorpora side by side.
type Comparison struct {
	A, B Side
	// Query is the compared query as given ("" for none); its counts are
	// in each Side's QueryCount.
	Query string
	// DistinctiveA are the words used more on side A than on side B, by
	// falling log-likelihood; DistinctiveB the other way round.
	DistinctiveA, DistinctiveB []Keyword
}

// Side is one subcorpus of a comparison: the articles its request selects
// (its query's matches within its filters, or what its filters pass).
type Side struct {
	// Query is the side's canonical query ("" when it is facet filters
	// only).
	Query string
	// Docs and Words are the side's size: articles, and words (indexed
	// terms of title and text, from the index).
	Docs, Words int
	// DocsRead and WordsRead are what was read for the keyness; Sampled is
	// set when that is fewer articles than Docs (CompareOptions.MaxDocs).
	DocsRead, WordsRead int
	Sampled             bool
	// QueryCount is the compared query's occurrences (title and text) in
	// the side's articles, the articles that have it, and the rate per
	// 10,000 words: exact, from the postings.
	QueryCount Count
}

// Keyword is a word distinctive of one side.
type Keyword struct {
	// Form is the word's most common spelling over both sides; Term what
	// to search to find it in all its forms (the Form); Key its index term,
	// what it is counted by.
	Form, Term, Key string
	// CountA and CountB are its occurrences in the articles read on each
	// side; PerTenThousandA and B the rates over the words read.
	CountA, CountB                   int
	PerTenThousandA, PerTenThousandB float64
	// LogLikelihood is Dunning's G² (keyness); LogRatio the effect size,
	// log₂ of the ratio of the two relative frequencies (1 is twice as
	// frequent), a count of 0 taken as 0.5 so that a word absent from one
	// side has a finite ratio (Hardie's convention).
	LogLikelihood, LogRatio float64
}

// Compare compares two subcorpora, each given as a request (a source, a
// date range date:2015..2016, an entity, a query): their sizes, the
// distinctive words of each (log-likelihood keyness with the log ratio as
// effect size, over the articles read on each side, see
// CompareOptions.MaxDocs), and the frequency of q in each (exact). The
// sides may overlap (a source against the whole corpus): each is counted
// as it is. q may be "".
func Compare(e *search.Engine, a, b search.Request, q string, opt CompareOptions) (*Comparison, error) {
	if opt.Limit == 0 {
		opt.Limit = 50
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.MaxDocs == 0 {
		opt.MaxDocs = DefaultSampleDocs
	}
	cmp := &Comparison{Query: q}
	sides := [2]*Side{&cmp.A, &cmp.B}
	var samples [2][]int32
	for i, req := range []search.Request{a, b} {
		o, err := occurrences(e, req)
		if err != nil {
			return nil, err
		}
		side := sides[i]
		side.Query, side.Docs, side.Words = o.Query, len(o.Docs), words(e.Index(), o.Docs)
		samples[i] = evenly(o.Docs, opt.MaxDocs)
		if q == "" {
			continue
		}
		qo, err := occurrences(e, search.Request{Query: q, Aliases: req.Aliases})
		if err != nil {
			return nil, err
		}
		if qo.Text == nil {
			return nil, ErrNoQuery
		}
		side.QueryCount = countIn(qo, o.Docs)
		side.QueryCount.Words = side.Words
		side.QueryCount.PerTenThousand = rate(side.QueryCount.Count, side.Words)
	}
	var counts [2]*wordCounts
	total := len(samples[0]) + len(samples[1])
	for i := range sides {
		var progress func(done, total int)
		if opt.Progress != nil {
			before := 0
			if i == 1 {
				before = len(samples[0])
			}
			progress = func(done, _ int) { opt.Progress(before+done, total) }
		}
		c, err := countWords(e, samples[i], progress)
		if err != nil {
			return nil, err
		}
		counts[i] = c
		sides[i].DocsRead, sides[i].WordsRead, sides[i].Sampled = c.docs, c.words, c.docs < sides[i].Docs
	}
	ca, cb := counts[0], counts[1]
	na, nb := float64(ca.words), float64(cb.words)
	terms := map[string]bool{}
	for t := range ca.terms {
		terms[t] = true
	}
	for t := range cb.terms {
		terms[t] = true
	}
	for t := range terms {
		var fa, fb int
		if tc := ca.terms[t]; tc != nil {
			fa = tc.count
		}
		if tc := cb.terms[t]; tc != nil {
			fb = tc.count
		}
		k := Keyword{Key: t, CountA: fa, CountB: fb,
			PerTenThousandA: rate(fa, ca.words), PerTenThousandB: rate(fb, cb.words),
			LogLikelihood: LogLikelihood(float64(fa), na-float64(fa), float64(fb), nb-float64(fb)),
			LogRatio:      LogRatio(float64(fa), na, float64(fb), nb)}
		switch {
		case k.LogRatio > 0 && fa >= opt.MinCount:
			cmp.DistinctiveA = append(cmp.DistinctiveA, k)
		case k.LogRatio < 0 && fb >= opt.MinCount:
			cmp.DistinctiveB = append(cmp.DistinctiveB, k)
		}
	}
	for _, list := range []*[]Keyword{&cmp.DistinctiveA, &cmp.DistinctiveB} {
		slices.SortFunc(*list, func(x, y Keyword) int {
			if x.LogLikelihood != y.LogLikelihood {
				if x.LogLikelihood > y.LogLikelihood {
					return -1
				}
				return 1
			}
			return compareStrings(x.Key, y.Key)
		})
		if opt.Limit > 0 && len(*list) > opt.Limit {
			*list = (*list)[:opt.Limit]
		}
		// The spelling shown is the commonest over both sides.
		for k := range *list {
			forms := map[string]int{}
			for _, tc := range [2]*termCount{ca.terms[(*list)[k].Key], cb.terms[(*list)[k].Key]} {
				if tc == nil {
					continue
				}
				for _, f := range tc.forms {
					forms[f.spelling] += f.count
				}
			}
			(*list)[k].Form = commonest(forms)
			(*list)[k].Term = (*list)[k].Form
		}
	}
	return cmp, nil
}

// LogRatio is log₂ of (fa/na) / (fb/nb), a frequency of 0 taken as 0.5; 0
// when a corpus is empty.
func LogRatio(fa, na, fb, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	return math.Log2((max(fa, 0.5) / na) / (max(fb, 0.5) / nb))
}

// countIn sums a query's occurrences over the documents of docs (both
// ascending).
func countIn(o *search.Occurrences, docs []int32) Count {
	var c Count
	i := 0
	for k, d := range o.Docs {
		for i < len(docs) && docs[i] < d {
			i++
		}
		if i == len(docs) {
			break
		}
		if docs[i] == d {
			c.Count += int(o.Text[k] + o.Title[k])
			c.Docs++
		}
	}
	return c
}
