package explore

import (
	"math"
	"slices"
	"strings"

	"marsad/internal/corpus"
	"marsad/internal/query"
	"marsad/internal/search"
)

// DefaultSampleDocs is how many articles a view that reads the words of the
// articles themselves (collocates, word lists, keyness) reads at most,
// evenly spread over the selection, unless told otherwise. The cost of such
// a view is that of fetching and analyzing these articles: in WebAssembly,
// on daesh-news, from a third of a millisecond an article (a word list whose
// words were seen before) to a few (collocates on a first visit, fetching
// included; see bench_test.go). A hundred articles keep a word list within
// the page's tenth of a second and collocates and keyness within a few
// tenths; the command line reads more by default.
const DefaultSampleDocs = 100

// CollocateOptions shape a collocates table.
type CollocateOptions struct {
	// Window is the number of words on each side of an occurrence that
	// count as its neighbours; 5 when 0.
	Window int
	// MinCount is the fewest co-occurrences a collocate needs; 3 when 0.
	MinCount int
	// Limit is the most collocates listed; 50 when 0, all when negative.
	Limit int
	// MaxDocs is the most articles read, evenly spread over those with an
	// occurrence; DefaultSampleDocs when 0, all when negative.
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

// CollocatesResult lists the words most associated with a query.
//
// The association is measured within the articles read: a word's
// co-occurrences in the windows around the occurrences against its
// frequency in those same articles (Dunning's log-likelihood on the 2×2
// table of in-window and out-of-window words). Words count by index term,
// so clitic and inflected forms fold together (وتويتر, بتويتر, تويتر); stop
// words, the query's own occurrences and a hashtag as a whole (its words
// count) are left out. Only words seen more often near the query than
// expected are listed, by falling log-likelihood.
type CollocatesResult struct {
	// Query is the canonical form of the query.
	Query string
	// Window is the window used, in words each side.
	Window int
	// Occurrences is the number of occurrences whose windows were read;
	// Words the words (not stop words) in all windows together, and
	// WordsRead those of the articles read.
	Occurrences, Words, WordsRead int
	// Docs is the number of articles with an occurrence, DocsRead how many
	// were read; Sampled is set when that is fewer (MaxDocs).
	Docs, DocsRead int
	Sampled        bool
	Collocates     []Collocate
}

// Collocate is a word associated with the query.
type Collocate struct {
	// Form is the word's most common spelling in the windows.
	Form string
	// Term is what to search to find the word in all its forms: a query
	// of one word (its Form, which analyzes to Key).
	Term string
	// Key is the word's index term, what it is counted by (a stem).
	Key string
	// Count is the number of co-occurrences (times the word is in a
	// window); Freq its occurrences in the articles read.
	Count, Freq int
	// Before and After split Count by the side of the occurrence the word
	// stood on.
	Before, After int
	// LogLikelihood is Dunning's G² for the word in the windows against the
	// rest of the articles read; PMI is log₂ of observed over expected
	// co-occurrences.
	LogLikelihood, PMI float64
	// Pair is a query for the pair, to search with the request's filters:
	// the phrase, as written, of their commonest adjacent
	// arrangement ("تنظيم داعش") when the two were ever side by side,
	// otherwise both words, which finds the articles with both anywhere
	// (the query language has no operator for "within n words").
	Pair string
	// PairIsPhrase tells the two kinds of Pair apart.
	PairIsPhrase bool
	// Near is a query for the two words within the window of each other,
	// the co-occurrences counted ("داعش حسابات"~5), when the query is one
	// word; "" otherwise (a proximity query takes words, not a query's
	// alternatives or phrases). When the word was searched with other
	// names, as the counts were, Near is one such query a name, ORed
	// ("تلغرام تطبيق"~5 OR "تليغرام تطبيق"~5 …): a quoted phrase is never
	// widened to other names.
	Near string
}

// Collocates finds the words most associated with a request's query (see
// CollocatesResult). It reads up to MaxDocs articles with an occurrence
// and analyzes every word of them.
func Collocates(e *search.Engine, req search.Request, opt CollocateOptions) (*CollocatesResult, error) {
	if opt.Window <= 0 {
		opt.Window = 5
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.Limit == 0 {
		opt.Limit = 50
	}
	if opt.MaxDocs == 0 {
		opt.MaxDocs = DefaultSampleDocs
	}
	o, err := occurrences(e, req)
	if err != nil {
		return nil, err
	}
	if o.Text == nil {
		return nil, ErrNoQuery
	}
	res := &CollocatesResult{Query: o.Query, Window: opt.Window}
	var withText []int32
	for k, n := range o.Text {
		if n > 0 {
			withText = append(withText, o.Docs[k])
		}
	}
	res.Docs = len(withText)
	read := evenly(withText, opt.MaxDocs)
	res.DocsRead = len(read)
	res.Sampled = len(read) < len(withText)
	stats := map[string]*colStat{}
	// get is the stat of a spelling's term: looked up once per spelling.
	get := func(w *wordInfo) *colStat {
		if w.col == nil {
			w.col = stats[w.term]
			if w.col == nil {
				w.col = &colStat{forms: map[string]int{}}
				stats[w.term] = w.col
			}
		}
		return w.col
	}
	an := newAnalyzer()
	defer an.done()
	err = eachDoc(e, read, opt.Progress, func(_ int, doc corpus.Document) {
		text := doc.Text
		toks, infos := an.analyze(text)
		occs := o.Find(text, toks)
		inOcc := make([]bool, len(toks))
		for _, oc := range occs {
			for i := oc.First; i <= oc.Last; i++ {
				inOcc[i] = true
			}
		}
		// side[i] is -1 or +1 for a token in some window (before or after
		// an occurrence), 0 outside; adjacent[i] the occurrence it touches.
		side := make([]int8, len(toks))
		adjacent := make([]int, len(toks))
		for i := range adjacent {
			adjacent[i] = -1
		}
		for n, oc := range occs {
			res.Occurrences++
			lo, hi := toks[oc.First].Position-opt.Window, toks[oc.Last].Position+opt.Window
			for i := oc.First - 1; i >= 0 && toks[i].Position >= lo; i-- {
				if side[i] == 0 {
					side[i] = -1
				}
				if toks[i].Position == toks[oc.First].Position-1 {
					adjacent[i] = n
				}
			}
			for i := oc.Last + 1; i < len(toks) && toks[i].Position <= hi; i++ {
				if side[i] == 0 {
					side[i] = 1
				}
				if toks[i].Position == toks[oc.Last].Position+1 {
					adjacent[i] = n
				}
			}
		}
		for i, t := range toks {
			if t.Term == "" || strings.HasPrefix(t.Term, "#") || inOcc[i] {
				continue
			}
			res.WordsRead++
			s := get(infos[i])
			s.freq++
			if side[i] == 0 {
				continue
			}
			res.Words++
			s.count++
			s.forms[t.Text]++
			if side[i] < 0 {
				s.before++
			} else {
				s.after++
			}
			if n := adjacent[i]; n >= 0 {
				oc := occs[n]
				match := phraseWords(text[oc.Start:oc.End])
				pair := match + " " + phraseWords(t.Text)
				if side[i] < 0 {
					pair = phraseWords(t.Text) + " " + match
				}
				if s.pairs == nil {
					s.pairs = map[string]map[string]int{}
				}
				if s.pairs[t.Text] == nil {
					s.pairs[t.Text] = map[string]int{}
				}
				s.pairs[t.Text][pair]++
			}
		}
	})
	if err != nil {
		return nil, err
	}
	content, word := contentOf(o.Query)
	n, r1 := float64(res.WordsRead), float64(res.Words)
	for term, s := range stats {
		if s.count < opt.MinCount {
			continue
		}
		a, c := float64(s.count), float64(s.freq)
		expected := r1 * c / n
		if a <= expected {
			continue
		}
		form := commonest(s.forms)
		col := Collocate{Form: form, Term: form, Key: term, Count: s.count, Freq: s.freq,
			Before: s.before, After: s.after,
			LogLikelihood: LogLikelihood(a, r1-a, c-a, n-r1-c+a), PMI: math.Log2(a / expected)}
		if p := commonest(s.pairs[form]); p != "" {
			col.Pair, col.PairIsPhrase = "\""+p+"\"", true
		} else {
			col.Pair = content + " " + col.Form
		}
		if word != "" {
			col.Near = nearQuery(namesOf(word, o.AlsoSearched), col.Form, opt.Window)
		}
		res.Collocates = append(res.Collocates, col)
	}
	slices.SortFunc(res.Collocates, func(a, b Collocate) int {
		if a.LogLikelihood != b.LogLikelihood {
			if a.LogLikelihood > b.LogLikelihood {
				return -1
			}
			return 1
		}
		return compareStrings(a.Key, b.Key)
	})
	if opt.Limit > 0 && len(res.Collocates) > opt.Limit {
		res.Collocates = res.Collocates[:opt.Limit]
	}
	return res, nil
}

// colStat counts a term around the occurrences: in the windows (count,
// on each side, the spellings there and the phrases it made with an
// occurrence) and in all the articles read (freq).
type colStat struct {
	count, freq, before, after int
	forms                      map[string]int
	// pairs are the phrases the word made side by side with the query,
	// by the word's surface form: the column beside a collocate shows a
	// pair of the form it is shown by (أعمال, not عملية, which the
	// analysis joins to it).
	pairs map[string]map[string]int
}

// contentOf is a canonical query without its typed filters (which the
// request applies anyway), in parentheses when it is several parts, to be
// combined with another word; word is that content when it is a single
// word (what a proximity query can take), "" otherwise.
func contentOf(canonical string) (content, word string) {
	node, _ := query.Read(canonical)
	c, _ := query.SplitFilters(node)
	switch c := c.(type) {
	case nil:
		return "", ""
	case query.Word:
		return c.String(), c.Text
	case query.And, query.Or:
		return "(" + c.String() + ")", ""
	}
	return c.String(), ""
}

// phraseWords is text as words of a quoted phrase: on one line, without
// the quotation marks that would end the phrase.
func phraseWords(text string) string {
	return flatten(quoteMarks.Replace(text))
}

// quoteMarks blanks the quotation marks (built once: a Replacer is costly
// to make, and phraseWords runs for every word beside a hit).
var quoteMarks = strings.NewReplacer("\"", " ", "«", " ", "»", " ", "“", " ", "”", " ")

// commonest is the key with the highest count, the smallest key on a tie;
// "" for none.
func commonest(m map[string]int) string {
	best, n := "", 0
	for k, c := range m {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

// LogLikelihood is Dunning's G² of a 2×2 contingency table: a and b are
// the first row (the word, the other words, in the target), c and d the
// second (in the reference): 2 Σ O ln(O/E), where E is what the row and
// column totals predict. Empty cells contribute nothing.
func LogLikelihood(a, b, c, d float64) float64 {
	n := a + b + c + d
	if n == 0 {
		return 0
	}
	term := func(o, row, col float64) float64 {
		if o <= 0 {
			return 0
		}
		return o * math.Log(o*n/(row*col))
	}
	return 2 * (term(a, a+b, a+c) + term(b, a+b, b+d) + term(c, c+d, a+c) + term(d, c+d, b+d))
}

// namesOf is word and the other names searched for it (AliasNote).
func namesOf(word string, notes []search.AliasNote) []string {
	names := []string{word}
	for _, n := range notes {
		if n.Query == word && !n.Excluded {
			names = append(names, n.Others...)
		}
	}
	return names
}

// nearQuery is the query for form within window words of any of names.
func nearQuery(names []string, form string, window int) string {
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = query.Phrase{Text: phraseWords(name) + " " + phraseWords(form), Within: window}.String()
	}
	return strings.Join(parts, " OR ")
}
