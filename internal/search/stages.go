package search

import (
	"slices"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/query"
)

// A search runs in stages, each a function of what the one before produced:
//
//	parse       the query text, any text → parsedQuery: what it searches for, its filters
//	expand      aliases, Latin words → expandedQuery
//	evaluate    the index → matchedDocs: the documents, the leaves that score them
//	filter      typed filters and facet selections → filteredDocs
//	relaxIfFew  partial matches when too few pass, coverage for a long query → filteredDocs
//	rank        BM25 and the best few, or date order → rankedHits
//	page        the facets, rerank, the page's documents → the Result's hits
//
// Engine.Search calls them in this order; describe (after evaluate) and
// total (after relaxIfFew) write what the Result says about the query.

// parsedQuery is the query as typed: the whole of it (nil when blank), what
// it searches for (content, nil when it only filters) and its top-level
// filters.
type parsedQuery struct {
	node    query.Node
	content query.Node
	filters []query.Node
	// readAsText is what of the text was not well-formed syntax and was
	// read as words (query.Read); dropped, how many of the commonest words
	// of an over-long query were left out (keepInformative).
	readAsText []*query.Error
	dropped    int
}

// parse reads a request's query: any text reads as a query (query.Read),
// bounded to its query.MaxTerms most informative terms.
func (e *Engine) parse(req Request) (parsedQuery, error) {
	node, readAsText := query.Read(req.Query)
	node, dropped, err := e.keepInformative(node)
	if err != nil {
		return parsedQuery{}, err
	}
	content, filters := query.SplitFilters(node)
	return parsedQuery{node: node, content: content, filters: filters, readAsText: readAsText, dropped: dropped}, nil
}

// expandedQuery is what the query searches for once expanded (nil when it
// only filters), with the alias groups its words and phrases belong to and
// what the expansion added.
type expandedQuery struct {
	parsedQuery
	expanded     query.Node
	groups       map[leafKey]aliasMember
	aliasNames   map[int]string // see expander.names
	alsoSearched []AliasNote
	words        []typedWord
}

// expand adds the other names of what the query names, with
// Request.Aliases (see expander).
func (e *Engine) expand(q parsedQuery, aliases bool) (expandedQuery, error) {
	out := expandedQuery{parsedQuery: q}
	if q.content == nil {
		return out, nil
	}
	x := e.expander(aliases)
	out.expanded = x.expand(q.content, true)
	if x.err != nil {
		return out, x.err
	}
	out.groups, out.aliasNames, out.alsoSearched, out.words = x.groups, x.names, x.notes, x.words
	return out, nil
}

// matchedDocs is what the query's content matches in the index: its
// matches (nil when the query only filters, and every document matches)
// and their documents, ascending.
type matchedDocs struct {
	expandedQuery
	matches *matches
	docs    []int32
}

// evaluate matches the query against the index.
func (e *Engine) evaluate(q expandedQuery) (matchedDocs, error) {
	out := matchedDocs{expandedQuery: q}
	if q.expanded == nil {
		out.docs = e.all()
		return out, nil
	}
	out.matches = e.matches(q.expanded, q.groups)
	if out.matches.err != nil {
		return out, out.matches.err
	}
	out.docs = out.matches.docs
	return out, nil
}

// filteredDocs is the matches that pass every filter (hits, ascending),
// the filters, and what the facets count: the matches before filtering.
// partial says the hits are the relaxed query's (see relaxIfFew), and mode
// how they are ranked.
type filteredDocs struct {
	matchedDocs
	filters     filterSet
	hits        []int32
	partial     bool
	strictTotal int
	mode        Mode
}

// filter applies the typed filters and the facet selections.
func (e *Engine) filter(m matchedDocs, req Request) (filteredDocs, error) {
	fs, err := e.filterSet(m.filters, req)
	if err != nil {
		return filteredDocs{}, err
	}
	f := filteredDocs{matchedDocs: m, filters: fs, hits: fs.passing(m.docs)}
	if m.matches != nil {
		f.mode = ModeAllWords
	}
	return f, nil
}

// relaxIfFew falls back to partial matches when a query of several words
// finds fewer than PartialBelow hits, and a long query (Ranking.CoverageFrom
// units) is always read so: the documents with any of its words, those
// covering more of it ranking first (Result.Partial, Result.Mode).
func (e *Engine) relaxIfFew(f filteredDocs, req Request) (filteredDocs, error) {
	if f.matches == nil || req.NoPartial {
		return f, nil
	}
	coverage := e.rankByCoverage(f.matches)
	if len(f.hits) >= PartialBelow && !coverage {
		return f, nil
	}
	relaxed, ok := relax(f.expanded)
	if !ok {
		return f, nil
	}
	p := e.matches(relaxed, f.groups)
	if p.err != nil {
		return f, p.err
	}
	if len(p.docs) <= len(f.docs) {
		return f, nil
	}
	f.partial, f.strictTotal = true, len(f.hits)
	f.mode = ModePartial
	if coverage {
		f.mode = ModeCoverage
	}
	f.matches, f.docs = p, p.docs
	f.hits = f.filters.passing(p.docs)
	return f, nil
}

// rankedHits is the hits in the order the request asks for. With
// relevance, scores are those of the first want hits, of which the first
// reranked are to be reordered by rerank.
type rankedHits struct {
	filteredDocs
	order    []int32
	scores   []float64
	want     int
	reranked int
}

// rank orders the hits: by BM25, keeping the best few, or by date.
func (e *Engine) rank(f filteredDocs, req Request) rankedHits {
	r := rankedHits{filteredDocs: f, order: f.hits, want: len(f.hits)}
	if req.Limit > 0 {
		r.want = min(max(req.Offset, 0)+req.Limit, len(f.hits))
	}
	switch {
	case f.matches != nil && f.matches.scored() && req.Sort == SortRelevance:
		scores := f.matches.score(e.ix, e.ranking, f.hits, f.mode)
		// Rerank reorders the best few, so rank a few more than the page
		// needs; the rest keep their BM25 order.
		depth := min(len(f.hits), max(r.want, rerankDepth))
		r.order, r.scores = topK(f.hits, scores, depth)
		r.reranked = min(depth, rerankDepth)
	case req.Sort == SortOldest:
		r.order = slices.Clone(f.hits)
		slices.Reverse(r.order)
	}
	return r
}

// page counts the facets, reranks the best hits and reads the requested
// page's documents into res. The documents are fetched while the facets
// are counted: in the browser that counting overlaps the round trip.
func (e *Engine) page(r rankedHits, req Request, res *Result) error {
	if r.scores != nil {
		res.Mode = r.mode
	}
	_, docs := pageOf(req, r.order)
	prefetched := e.prefetchDocs(r.order[:r.reranked], docs)
	e.countFacets(res, req, r.filteredDocs)
	<-prefetched
	if r.scores != nil {
		r.matches.asksNumber, r.matches.givenNumbers = asksForNumber(r.content)
		if err := e.rerank(r.matches, r.order[:r.reranked], r.scores[:r.reranked]); err != nil {
			// An article that cannot be read: the best hits keep their
			// BM25 order, and the result says which file failed.
			res.addUnreadable(err)
		}
		r.order, r.scores = r.order[:r.want], r.scores[:r.want]
	}
	from, docs := pageOf(req, r.order)
	read, onPage := e.readDocs(docs, res)
	res.Hits = make([]Hit, 0, len(docs))
	for k, doc := range read {
		i := onPage[k]
		h := Hit{ID: doc.ID, Title: doc.Title, Source: doc.Source, Date: doc.Date, URL: doc.URL}
		if r.scores != nil {
			h.Score = r.scores[from+i]
		}
		if r.matches != nil {
			h.Matches = r.matches.spans(doc.Text)
			h.TitleMatches = r.matches.spans(doc.Title)
		}
		h.Snippet = makeSnippet(doc.Text, h.Matches)
		res.Hits = append(res.Hits, h)
	}
	return nil
}

// loadEntitiesAhead starts fetching the entity table, which the entity
// facet needs, so that it comes in while the query's chunks do (the first
// search of a visit). Called with e.mu held; the goroutine only reads the
// index, and entities waits for it.
func (e *Engine) loadEntitiesAhead() {
	if e.ents != nil || e.entitiesLoad != nil || e.entitiesErr != nil {
		return
	}
	l := &pendingLoad{done: make(chan struct{})}
	e.entitiesLoad = l
	go func() {
		defer close(l.done)
		_, l.err = e.ix.Entities()
	}()
}

// pendingLoad is a fetch in flight: done is closed when err is set.
type pendingLoad struct {
	done chan struct{}
	err  error
}

// pageOf is the part of the ordered hits a request shows, and where it
// starts among them.
func pageOf(req Request, hits []int32) (from int, page []int32) {
	from = min(max(req.Offset, 0), len(hits))
	to := len(hits)
	if req.Limit > 0 {
		to = min(from+req.Limit, len(hits))
	}
	return from, hits[from:to]
}

// prefetchDocs starts fetching the records of the documents a search is
// about to read (its page, and what rerank reads), and returns a channel
// closed when they are in the index's cache or failed (the search then reads
// them again and reports the error).
func (e *Engine) prefetchDocs(lists ...[]int32) <-chan struct{} {
	var want []int32
	for _, l := range lists {
		for _, d := range l {
			if !slices.Contains(want, d) {
				want = append(want, d)
			}
		}
	}
	done := make(chan struct{})
	if len(want) == 0 {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		_, _ = e.ix.Docs(want)
	}()
	return done
}

// all lists every document: the blank query, newest first.
func (e *Engine) all() []int32 {
	out := make([]int32, e.ix.NumDocs())
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

// relax turns a query of several positive terms into one that any of them
// satisfies, keeping its filters and exclusions.
func relax(n query.Node) (query.Node, bool) {
	if w, ok := n.(query.Word); ok {
		n = query.And{Children: []query.Node{w}}
	}
	and, ok := n.(query.And)
	if !ok {
		return nil, false
	}
	var terms, constraints []query.Node
	for _, c := range and.Children {
		switch c := c.(type) {
		case query.Field, query.DateRange, query.Not:
			constraints = append(constraints, c)
		case query.Word:
			terms = append(terms, wordsOf(c)...)
		default:
			terms = append(terms, c)
		}
	}
	if len(terms) < 2 {
		return nil, false
	}
	or := query.Or{Children: terms}
	if len(constraints) == 0 {
		return or, true
	}
	return query.And{Children: append([]query.Node{or}, constraints...)}, true
}

// wordsOf is a typed word as the words it reads as: one word that the
// analysis splits in several (a space lost before an article,
// تشتهرالبلد) is searched as a phrase, and relaxed, as its words, like
// words typed apart. A hashtag stays whole: its words are one name.
func wordsOf(w query.Word) []query.Node {
	if strings.HasPrefix(w.Text, "#") {
		return []query.Node{w}
	}
	var words []query.Node
	for _, tok := range arabic.Analyze(w.Text) {
		if tok.Term != "" {
			words = append(words, query.Word{Text: tok.Text})
		}
	}
	if len(words) < 2 {
		return []query.Node{w}
	}
	return words
}
