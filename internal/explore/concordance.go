package explore

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/search"
)

// ConcordanceSort orders concordance lines.
type ConcordanceSort string

// The orders of a concordance. Words sort by their index term, so that
// clitics and affixes are folded as the analysis folds them (وتويتر and
// بتويتر sort as تويتر), in the order of the normalized Arabic alphabet
// (ا ب ت ث … ن ه و ي: hamza seats, alef maqsura and taa marbuta folded);
// Latin words and digits sort before Arabic ones, a missing word (the hit
// opens or closes the article) after every word. Ties keep document order.
const (
	// SortDocument is the newest article first, and in an article the
	// text's order.
	SortDocument ConcordanceSort = ""
	// SortHit orders by the matched form itself, then by the word after.
	SortHit ConcordanceSort = "hit"
	// SortBefore1 and SortBefore2 order by the first (nearest) or second
	// word before the hit, SortAfter1 and SortAfter2 by the first or second
	// after; ties by the next word out.
	SortBefore1 ConcordanceSort = "before1"
	SortBefore2 ConcordanceSort = "before2"
	SortAfter1  ConcordanceSort = "after1"
	SortAfter2  ConcordanceSort = "after2"
)

// ConcordanceSorts lists the orders, for validating input.
var ConcordanceSorts = []ConcordanceSort{SortDocument, SortHit, SortBefore1, SortBefore2, SortAfter1, SortAfter2}

// DefaultWidth is how many words a line shows on each side of its hit.
const DefaultWidth = 8

// DefaultSortLimit is how many lines a sorted concordance sorts at most:
// sorting needs the context of every line, so every article holding them is
// read. Five hundred lines of داعش are about a hundred and twenty articles
// of daesh-news (see bench_test.go for the cost); the command line sorts
// more by default.
const DefaultSortLimit = 500

// ConcordanceOptions shape a concordance.
type ConcordanceOptions struct {
	// Width is the number of words shown before and after the hit;
	// DefaultWidth when 0.
	Width int
	// Sort orders the lines (SortDocument when "").
	Sort ConcordanceSort
	// Offset and Limit page the lines; Limit 0 returns every line from
	// Offset on (which reads every article that has one).
	Offset, Limit int
	// SortLimit bounds a sorted concordance: the lines sorted are those of
	// the newest articles, up to the article holding the SortLimit-th line
	// (DefaultSortLimit when 0, every line when negative). In document
	// order nothing is bounded: a page reads only its own articles.
	SortLimit int
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

// ConcordanceResult is a page of the lines of a query's occurrences, key word in
// context, in the article texts (not the titles).
type ConcordanceResult struct {
	// Query is the canonical form of the query.
	Query string
	// Total is the exact number of occurrences in the texts of the matching
	// articles, and so of lines (see search.Occurrences.Text); Docs the
	// number of articles with at least one.
	Total, Docs int
	// InTitles is the number of occurrences in the titles of the matching
	// articles: counted by trends, not lines of the concordance.
	InTitles int
	// Offset is the index of the first line of Lines among all lines in
	// the order asked for.
	Offset int
	Lines  []Line
	// Sorted is the number of lines a sorted concordance put in order, and
	// Partial is set when that is fewer than Total: the order is that of the
	// lines of the newest articles only (ConcordanceOptions.SortLimit), and
	// a page past Sorted is empty.
	Sorted  int
	Partial bool
	// DocsRead is the number of articles read (fetched and analyzed) for
	// this page.
	DocsRead int
}

// Line is one occurrence of the query with the words around it.
type Line struct {
	DocID, Title, Source, Date, URL string
	// Hit is the 0-based number of this occurrence among the article's
	// highlighted occurrences (Span.Occurrence of Hit.Matches,
	// Engine.Highlights): the reader opens at &hit=Hit+1.
	Hit int
	// Start and End are the byte offsets of the occurrence in
	// Document.Text.
	Start, End int
	// Before is the text of the Width words preceding the hit, in reading
	// order (the right of the hit in Arabic), After that of the words
	// following it, each as written in the article (punctuation, Latin
	// words, digits and hashtags kept; line breaks as spaces); Match is the
	// occurrence itself.
	Before, Match, After string
}

// Concordance lists the occurrences of a request's query as lines (see
// the types). Counts are exact and cost no document; the lines of a page in
// document order read only the articles they come from; a sorted page reads
// the articles of every line it sorts (ConcordanceOptions.SortLimit).
func Concordance(e *search.Engine, req search.Request, opt ConcordanceOptions) (*ConcordanceResult, error) {
	if !slices.Contains(ConcordanceSorts, opt.Sort) {
		return nil, &OptionError{"sort", string(opt.Sort), "one of hit, before1, before2, after1, after2 or none"}
	}
	if opt.Width <= 0 {
		opt.Width = DefaultWidth
	}
	opt.Offset = max(opt.Offset, 0)
	o, err := occurrences(e, req)
	if err != nil {
		return nil, err
	}
	if o.Text == nil {
		return nil, ErrNoQuery
	}
	c := &ConcordanceResult{Query: o.Query, Offset: opt.Offset}
	for _, n := range o.Text {
		c.Total += int(n)
		if n > 0 {
			c.Docs++
		}
	}
	for _, n := range o.Title {
		c.InTitles += int(n)
	}
	end := c.Total
	if opt.Limit > 0 {
		end = min(opt.Offset+opt.Limit, c.Total)
	}
	if opt.Offset >= c.Total {
		return c, nil // a page past the last line (an old or edited link)
	}
	if opt.Sort == SortDocument {
		// The articles holding lines [Offset, end), by their counts.
		var docs []int32
		skip, seen := 0, 0
		for k, n := range o.Text {
			if n == 0 {
				continue
			}
			if seen+int(n) > opt.Offset && seen < end {
				if docs == nil {
					skip = opt.Offset - seen
				}
				docs = append(docs, o.Docs[k])
			}
			seen += int(n)
		}
		lines, err := readLines(e, o, docs, opt.Width, false, opt.Progress)
		if err != nil {
			return nil, err
		}
		c.DocsRead = len(docs)
		lines = lines[min(skip, len(lines)):]
		for _, l := range lines[:min(end-opt.Offset, len(lines))] {
			c.Lines = append(c.Lines, l.Line)
		}
		return c, nil
	}
	limit := opt.SortLimit
	if limit == 0 {
		limit = DefaultSortLimit
	}
	var docs []int32
	seen := 0
	for k, n := range o.Text {
		if n == 0 {
			continue
		}
		if limit > 0 && seen >= limit {
			break
		}
		docs = append(docs, o.Docs[k])
		seen += int(n)
	}
	lines, err := readLines(e, o, docs, opt.Width, true, opt.Progress)
	if err != nil {
		return nil, err
	}
	c.DocsRead = len(docs)
	c.Sorted = len(lines)
	c.Partial = c.Sorted < c.Total
	sortLines(lines, opt.Sort)
	from := min(opt.Offset, len(lines))
	c.Lines = make([]Line, 0, max(0, min(end, len(lines))-from))
	for _, l := range lines[from:min(max(end, from), len(lines))] {
		c.Lines = append(c.Lines, l.Line)
	}
	return c, nil
}

// keyedLine is a line with the sort keys of the words around its hit:
// before[0] is the nearest word before, after[0] the nearest after.
type keyedLine struct {
	Line
	hit           string
	before, after [2]string
}

// readLines reads the documents and lists their lines in document order;
// keys are filled when withKeys.
func readLines(e *search.Engine, o *search.Occurrences, docs []int32, width int, withKeys bool, progress func(done, total int)) ([]keyedLine, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	var out []keyedLine
	// The analyzer's memory of spellings gives each word its norm without
	// normalizing it again (a page of lines marks its articles whole).
	an := newAnalyzer()
	defer an.done()
	err := eachDoc(e, docs, progress, func(_ int, doc corpus.Document) {
		out = appendLines(out, o, doc, width, an, withKeys)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// appendLines adds a document's lines, with their sort keys withKeys.
func appendLines(out []keyedLine, o *search.Occurrences, doc corpus.Document, width int, an *analyzer, withKeys bool) []keyedLine {
	text := doc.Text
	var toks []arabic.Token
	if withKeys {
		toks, _ = an.analyze(text)
	} else {
		toks = an.norms(text)
	}
	m := o.Mark(text, toks)
	occs, toks := m.Occurrences, m.Tokens
	if len(occs) == 0 {
		return out
	}
	var groups []int
	for _, oc := range occs {
		l := keyedLine{Line: Line{DocID: doc.ID, Title: doc.Title, Source: doc.Source, Date: doc.Date, URL: doc.URL,
			Hit: hitNumber(m.Spans, oc.Span), Start: oc.Start, End: oc.End, Match: text[oc.Start:oc.End]}}
		if groups == nil {
			groups = wordGroups(text, toks)
		}
		before := wordsBefore(toks, groups, oc.First, width)
		after := wordsAfter(toks, groups, oc.Last, width)
		if len(before) > 0 {
			l.Before = flatten(text[toks[before[len(before)-1].edge].Start:oc.Start])
		}
		if len(after) > 0 {
			l.After = flatten(text[oc.End:toks[after[len(after)-1].edge].End])
		}
		if withKeys {
			for i := range 2 {
				if i < len(before) {
					l.before[i] = sortKey(toks[before[i].key])
				}
				if i < len(after) {
					l.after[i] = sortKey(toks[after[i].key])
				}
			}
			var hit []string
			for i := oc.First; i <= oc.Last; i++ {
				if i == oc.First || toks[i].Position != toks[i-1].Position {
					hit = append(hit, sortKey(toks[i]))
				}
			}
			l.hit = strings.Join(hit, " ")
		}
		out = append(out, l)
	}
	return out
}

// wordGroups numbers the words of a text as a reader counts them: tokens
// not parted by white space are one word (a hashtag and the words the
// tokenizer finds in it, COVID-19, a run-together pair).
func wordGroups(text string, toks []arabic.Token) []int {
	groups := make([]int, len(toks))
	g, end := 0, 0
	for i, t := range toks {
		if i > 0 && t.Start >= end && strings.ContainsFunc(text[end:t.Start], unicode.IsSpace) {
			g++
		}
		groups[i] = g
		end = max(end, t.End)
	}
	return groups
}

// word is one word of a line's context: edge is its token that starts
// first (before the hit) or ends last (after it), key the token it sorts by
// (its first one that is not a whole hashtag).
type word struct{ edge, key int }

// wordsBefore lists, nearest first, the n words before token i (a word
// that token i is part of does not count).
func wordsBefore(toks []arabic.Token, groups []int, i, n int) []word {
	var out []word
	last := groups[i]
	for j := i - 1; j >= 0; j-- {
		g := groups[j]
		if g == groups[i] {
			continue
		}
		if g != last {
			if len(out) == n {
				break
			}
			out = append(out, word{j, j})
			last = g
		}
		w := &out[len(out)-1]
		if toks[j].Start <= toks[w.edge].Start {
			w.edge = j
		}
		if !strings.HasPrefix(toks[j].Text, "#") || strings.HasPrefix(toks[w.key].Text, "#") {
			w.key = j
		}
	}
	return out
}

// wordsAfter lists, nearest first, the n words after token i.
func wordsAfter(toks []arabic.Token, groups []int, i, n int) []word {
	var out []word
	last := groups[i]
	for j := i + 1; j < len(toks); j++ {
		g := groups[j]
		if g == groups[i] {
			continue
		}
		if g != last {
			if len(out) == n {
				break
			}
			out = append(out, word{j, j})
			last = g
		}
		w := &out[len(out)-1]
		if toks[j].End >= toks[w.edge].End {
			w.edge = j
		}
		if strings.HasPrefix(toks[w.key].Text, "#") && !strings.HasPrefix(toks[j].Text, "#") {
			w.key = j
		}
	}
	return out
}

// flatten shows a stretch of text on one line.
func flatten(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// sortLines orders lines stably by the keys of an order; an empty key
// (no word there) sorts last.
func sortLines(lines []keyedLine, by ConcordanceSort) {
	keys := func(l *keyedLine) [3]string {
		switch by {
		case SortHit:
			return [3]string{l.hit, l.after[0], l.after[1]}
		case SortBefore1:
			return [3]string{l.before[0], l.before[1], l.hit}
		case SortBefore2:
			return [3]string{l.before[1], l.before[0], l.hit}
		case SortAfter1:
			return [3]string{l.after[0], l.after[1], l.hit}
		case SortAfter2:
			return [3]string{l.after[1], l.after[0], l.hit}
		}
		return [3]string{}
	}
	slices.SortStableFunc(lines, func(a, b keyedLine) int {
		ka, kb := keys(&a), keys(&b)
		for i := range ka {
			if c := compareKeys(ka[i], kb[i]); c != 0 {
				return c
			}
		}
		return 0
	})
}

func compareKeys(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Compare(a, b)
}

// OptionError is an option with a value a function does not take.
type OptionError struct {
	Option, Value, Want string
}

func (e *OptionError) Error() string {
	return "explore: " + e.Option + " " + quoteValue(e.Value) + ": want " + e.Want
}

func quoteValue(s string) string { return "\"" + s + "\"" }

// hitNumber is the occurrence number of spans[i], the first highlighted
// word of a line, or i when it has none.
func hitNumber(spans []search.Span, i int) int {
	if i >= 0 && i < len(spans) {
		return spans[i].Occurrence
	}
	return i
}
