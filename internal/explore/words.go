package explore

import (
	"slices"
	"strings"

	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/search"
)

// WordForm is one surface form that a query word matched in the selection.
type WordForm struct {
	// Word is the query word's index term (the stem the forms share).
	Word string
	// Form is the form's most frequent spelling in the corpus; Norm its
	// normalized form, what an exact search matches.
	Form, Norm string
	// Count is the form's occurrences (title and text) in the matching
	// articles, Docs the matching articles that have it: exact, from the
	// index's positions. CorpusCount is its occurrences in the whole
	// corpus.
	Count, Docs, CorpusCount int
	// Query searches this form only (an exact form: =وبتويتر), to be
	// combined with the request's filters.
	Query string
}

// WordForms lists, for each word of a request's query matched by its stem
// (not phrases, exact forms or stop words), the surface forms that occur in
// the matching articles, most frequent first. It costs the positions of the
// query's words (one chunk each) and no article.
func WordForms(e *search.Engine, req search.Request) ([]WordForm, error) {
	o, err := occurrences(e, req)
	if err != nil {
		return nil, err
	}
	if o.Text == nil {
		return nil, ErrNoQuery
	}
	ix := e.Index()
	var needs []index.Need
	for _, k := range o.Keys() {
		needs = append(needs, index.Need{Key: k, Positions: true})
	}
	_ = ix.Prefetch(needs) // errors come back with the reads below
	var out []WordForm
	for _, k := range o.Keys() {
		forms, err := ix.Forms(k)
		if err != nil {
			return nil, err
		}
		counts := make([]int, len(forms))
		docs := make([]int, len(forms))
		seen := map[[2]int32]bool{} // (document, form): a document counts once over both fields
		for f := index.Field(0); f < index.NumFields; f++ {
			ps, err := ix.Positions(f, k)
			if err != nil {
				return nil, err
			}
			i := 0
			for _, p := range ps {
				for i < len(o.Docs) && o.Docs[i] < p.Doc {
					i++
				}
				if i == len(o.Docs) {
					break
				}
				if o.Docs[i] != p.Doc {
					continue
				}
				for _, id := range p.Forms {
					if int(id) >= len(counts) {
						continue
					}
					counts[id]++
					if key := [2]int32{p.Doc, int32(id)}; !seen[key] {
						seen[key] = true
						docs[id]++
					}
				}
			}
		}
		var these []WordForm
		for id, fm := range forms {
			if counts[id] == 0 {
				continue
			}
			these = append(these, WordForm{Word: k.Text(), Form: fm.Spelling, Norm: fm.Norm, Count: counts[id],
				Docs: docs[id], CorpusCount: fm.Count, Query: exactQuery(fm.Spelling)})
		}
		out = append(out, these...)
	}
	// One list, the most frequent first, whatever word each form is of:
	// تلغرام searches all its spellings, and a table sorted word by word
	// read 32, 2, 1, 9.
	slices.SortStableFunc(out, func(a, b WordForm) int { return b.Count - a.Count })
	return out, nil
}

// exactQuery is the exact-form query of a word.
func exactQuery(word string) string {
	if strings.ContainsAny(word, " \"") {
		return "=\"" + strings.ReplaceAll(word, "\"", "") + "\""
	}
	return "=" + word
}

// WordListOptions shape a word list.
type WordListOptions struct {
	// Limit is the most words listed; 100 when 0, all when negative.
	Limit int
	// MaxDocs is the most articles read, evenly spread over the selection;
	// DefaultSampleDocs when 0, all when negative.
	MaxDocs int
	// Progress, if set, is called after each article read with the number
	// read so far and the number to read. In the browser, where this work
	// holds the page's only thread, a Progress that waits for the
	// browser every few dozen milliseconds (a browser timer: a sleeping
	// goroutine does not end the browser's task) gives the page back its
	// thread to draw a progress bar and take clicks. It must not start
	// another view of this package: views that read articles run one at a
	// time.
	Progress func(done, total int)
}

// WordListResult is the most frequent words of a selection.
type WordListResult struct {
	// Docs is the number of articles selected, DocsRead how many were read
	// and counted; Sampled is set when that is fewer (MaxDocs), and the
	// counts are then those of the articles read. Words is the words of
	// the selection (indexed terms, from the index), WordsRead those
	// counted (stop words left out).
	Docs, DocsRead int
	Words          int
	WordsRead      int
	Sampled        bool
	List           []Word
}

// Word is one word of a word list or of a comparison.
type Word struct {
	// Form is the word's most common spelling in the articles read; Term
	// what to search to find it in all its forms (a query of one word, the
	// Form); Key its index term, what it is counted by (a stem).
	Form, Term, Key string
	// Count is its occurrences (title and text) in the articles read, Docs
	// the articles read that have it, PerTenThousand Count × 10,000 over
	// the words read.
	Count, Docs    int
	PerTenThousand float64
}

// WordList lists the most frequent words (by index term, stop words left
// out, each shown by its most common spelling) of the articles a request
// selects: its query's matches within its filters, or every article its
// filters pass when it has no words. It reads and analyzes up to MaxDocs of
// them (see WordListResult.Sampled).
func WordList(e *search.Engine, req search.Request, opt WordListOptions) (*WordListResult, error) {
	if opt.Limit == 0 {
		opt.Limit = 100
	}
	if opt.MaxDocs == 0 {
		opt.MaxDocs = DefaultSampleDocs
	}
	o, err := occurrences(e, req)
	if err != nil {
		return nil, err
	}
	res := &WordListResult{Docs: len(o.Docs), Words: words(e.Index(), o.Docs)}
	c, err := countWords(e, evenly(o.Docs, opt.MaxDocs), opt.Progress)
	if err != nil {
		return nil, err
	}
	res.DocsRead, res.WordsRead = c.docs, c.words
	res.Sampled = res.DocsRead < res.Docs
	res.List = c.list(opt.Limit)
	return res, nil
}

// wordCounts are the words of a set of articles, by term.
type wordCounts struct {
	docs, words int
	terms       map[string]*termCount
}

type termCount struct {
	count, docs int
	lastDoc     int
	// spellings are the term's spellings seen while counting; forms their
	// counts, once the counting is done.
	spellings []*wordInfo
	forms     []formCount
}

type formCount struct {
	spelling string
	count    int
}

// form is the term's most common spelling (the first seen on a tie).
func (tc *termCount) form() string {
	best := tc.forms[0]
	for _, f := range tc.forms[1:] {
		if f.count > best.count {
			best = f
		}
	}
	return best.spelling
}

// countWords reads and analyzes documents and counts their words.
func countWords(e *search.Engine, docs []int32, progress func(done, total int)) (*wordCounts, error) {
	c := &wordCounts{terms: map[string]*termCount{}}
	an := newAnalyzer()
	defer an.done()
	err := eachDoc(e, docs, progress, func(n int, doc corpus.Document) { c.add(an, n, doc) })
	if err != nil {
		return nil, err
	}
	c.docs = len(docs)
	// The spellings' counts are the analyzer's until done: keep them.
	for _, tc := range c.terms {
		tc.forms = make([]formCount, len(tc.spellings))
		for i, w := range tc.spellings {
			tc.forms[i] = formCount{w.spelling, w.count}
		}
		tc.spellings = nil
	}
	return c, nil
}

func (c *wordCounts) add(an *analyzer, n int, doc corpus.Document) {
	for _, text := range [2]string{doc.Title, doc.Text} {
		_, infos := an.analyze(text)
		for _, w := range infos {
			if w.term == "" || strings.HasPrefix(w.term, "#") {
				continue
			}
			c.words++
			w.count++
			tc := w.tc
			if tc == nil {
				tc = c.terms[w.term]
				if tc == nil {
					tc = &termCount{lastDoc: -1}
					c.terms[w.term] = tc
				}
				w.tc = tc
				tc.spellings = append(tc.spellings, w)
			}
			tc.count++
			if tc.lastDoc != n {
				tc.lastDoc = n
				tc.docs++
			}
		}
	}
}

// list is the limit most frequent words (all when limit < 0).
func (c *wordCounts) list(limit int) []Word {
	type entry struct {
		term string
		tc   *termCount
	}
	all := make([]entry, 0, len(c.terms))
	for term, tc := range c.terms {
		all = append(all, entry{term, tc})
	}
	slices.SortFunc(all, func(a, b entry) int {
		if a.tc.count != b.tc.count {
			return b.tc.count - a.tc.count
		}
		return compareStrings(a.term, b.term)
	})
	if limit >= 0 && len(all) > limit {
		all = all[:limit]
	}
	out := make([]Word, len(all))
	for i, x := range all {
		form := x.tc.form()
		out[i] = Word{Form: form, Term: form, Key: x.term, Count: x.tc.count, Docs: x.tc.docs, PerTenThousand: rate(x.tc.count, c.words)}
	}
	return out
}
