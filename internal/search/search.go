// Package search runs queries against an index bundle: matching, BM25
// ranking, facets with drill-sideways counts, snippets and highlights.
//
// Work per query is proportional to the postings of the query's terms plus
// the re-analysis of the documents on the returned page (for highlights), so
// a search can run on every keystroke in the browser.
package search

import (
	"slices"

	"errors"
	"sort"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/query"
)

// BM25 parameters and the weight of a title match relative to a body match.
const (
	k1         = 1.2
	b          = 0.75
	titleBoost = 2.0
)

// Request is one search.
type Request struct {
	// Query in the language of package query. Blank lists every document.
	Query string
	// Sources and Years are facet filters: a document passes if its value is
	// one of the listed ones (any, when the list is empty). Values are exact
	// facet values as returned in Facets, "" selecting unknown ones.
	Sources []string
	Years   []string
	// Entities filters on the entities an article mentions, by canonical
	// name as returned in Facets.Entities. Unlike a source or a year, an
	// article mentions many entities, so the filter is conjunctive: every
	// listed entity must be mentioned (تويتر and داعش narrows to the
	// articles about both).
	Entities []string
	// Offset and Limit page the hits; Limit 0 returns all of them.
	Offset, Limit int
	// Aliases expands the query with the other names of what it names (see
	// arabic.FindAliases): داعش also searches "تنظيم الدولة", "فيس بوك" also
	// فيسبوك. A Latin word the corpus lacks is searched in Arabic instead
	// (daesh → داعش, see arabic.FromLatin). Result.AlsoSearched tells what
	// was added. Excluded words (-داعش) and exact forms are never expanded.
	Aliases bool
}

// Result is the answer to a Request.
type Result struct {
	// Query is the canonical form of the parsed query ("" for a blank one).
	Query string
	// Total is the number of matching documents before paging.
	Total int
	Hits  []Hit
	// Facets count the matching documents per value, drill-sideways.
	Facets Facets
	// Terms are the analyzed positive query terms and phrases, for display
	// (with Request.Aliases, the terms added by the expansion too). An exact
	// form is shown as =norm.
	Terms []string
	// Forms are, for each positive query word matched by its stem, the
	// surface forms that stem has in the corpus, most frequent first, at
	// most MaxForms per word. The counts are over the whole corpus (title and
	// text), not over the matching documents: they come from the index at no
	// cost per document.
	Forms []WordForm
	// AlsoSearched lists what Request.Aliases added to the query, in query
	// order; empty without Request.Aliases.
	AlsoSearched []AliasNote
}

// MaxForms is the most word forms Result.Forms lists per query word.
const MaxForms = 12

// WordForm is one surface form of a query word's stem.
type WordForm struct {
	// Term is the query word as typed (a Latin word searched in Arabic is
	// listed under the Latin word).
	Term string
	// Form is the form's most frequent spelling in the corpus ("وتويتر").
	Form string
	// Count is the number of occurrences of the form in the whole corpus.
	Count int
}

// AliasNote is one expansion made by Request.Aliases.
type AliasNote struct {
	// Query is what the visitor typed that matched: a word, or the run of a
	// quoted phrase that names the alias group.
	Query string
	// Others are the forms searched in addition, as written in the alias
	// table ("تنظيم الدولة", "ISIS"), or the Arabic word a Latin word was
	// turned into.
	Others []string
}

// Hit is one matching document on the requested page.
type Hit struct {
	ID, Title, Source, Date string
	Score                   float64
	Snippet                 Snippet
	// Matches are all highlighted spans of Document.Text, TitleMatches those
	// of Document.Title, in text order.
	Matches      []Span
	TitleMatches []Span
}

// Span is a highlighted stretch of text: Text == s[Start:End] of the string it
// refers to. It covers one word with its harakat and without punctuation.
type Span struct {
	Start, End int
	Text       string
}

// Snippet is a short extract of Document.Text around the best matches. Marks
// are relative to Snippet.Text.
type Snippet struct {
	Text  string
	Marks []Span
}

// Facets holds the live facet counts.
type Facets struct {
	Sources []FacetValue
	Years   []FacetValue
	// Entities count the articles mentioning each entity among those that
	// pass every filter, the entity filter included (it is conjunctive, so
	// the count is what adding that entity would leave). Type says which
	// kind of entity it is (see corpus.Entity).
	Entities []FacetValue
}

// FacetValue is one facet value and the number of documents that have it.
// Value "" stands for documents whose source or date is unknown.
type FacetValue struct {
	Value string
	Count int
	// Type is the entity type, for entity facet values only.
	Type string
}

// analyze is the analyzer the index was built with.
var analyze = arabic.Analyze

// analyzeQuery analyzes a query word or phrase. A hashtag yields a token for
// the whole tag and tokens for its words at the same positions; a visitor who
// types #داعش means the word, so the query keeps the words (documents are
// indexed with both, so the words find the tag too).
func analyzeQuery(text string) []arabic.Token {
	toks := analyze(text)
	out := toks[:0:0]
	for _, t := range toks {
		if strings.HasPrefix(t.Term, "#") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// Engine answers searches over one index. It is safe for concurrent use.
type Engine struct {
	ix *index.Index
	// overview is every document ordered for the blank query: newest first,
	// then by ID.
	overview []int32
	// sourceNorms holds each document's Source as a sequence of normalized
	// words, for the source: filter of the query language.
	sourceNorms [][]string
	// entityType maps each entity name of the corpus to its type;
	// entityKeys maps the analyzed terms of the name (see entityKey) to
	// the name, so entity:بتويتر finds تويتر.
	entityType map[string]string
	entityKeys map[string]string
}

// New returns an Engine over ix.
func New(ix *index.Index) *Engine {
	n := ix.NumDocs()
	e := &Engine{ix: ix, overview: make([]int32, n), sourceNorms: make([][]string, n),
		entityType: map[string]string{}, entityKeys: map[string]string{}}
	cache := map[string][]string{}
	for i := 0; i < n; i++ {
		for _, ent := range ix.Doc(i).Entities {
			if _, seen := e.entityType[ent.Name]; !seen {
				e.entityType[ent.Name] = ent.Type
				e.entityKeys[entityKey(ent.Name)] = ent.Name
			}
		}
		e.overview[i] = int32(i)
		src := ix.Source(i)
		norms, ok := cache[src]
		if !ok {
			norms = normWords(src)
			cache[src] = norms
		}
		e.sourceNorms[i] = norms
	}
	sort.SliceStable(e.overview, func(a, c int) bool {
		da, dc := ix.Doc(int(e.overview[a])), ix.Doc(int(e.overview[c]))
		if da.Date != dc.Date {
			return da.Date > dc.Date
		}
		return da.ID < dc.ID
	})
	return e
}

// Open decodes a bundle and returns an Engine over it.
func Open(data []byte) (*Engine, error) {
	ix, err := index.Decode(data)
	if err != nil {
		return nil, &wrapError{"reading bundle: ", err}
	}
	return New(ix), nil
}

type wrapError struct {
	prefix string
	err    error
}

func (e *wrapError) Error() string { return e.prefix + e.err.Error() }
func (e *wrapError) Unwrap() error { return e.err }

// Document returns the document with the given ID.
func (e *Engine) Document(id string) (corpus.Document, bool) {
	i, ok := e.ix.DocNum(id)
	if !ok {
		return corpus.Document{}, false
	}
	return e.ix.Doc(i), true
}

// Highlight returns every highlighted span of a document's Text for a
// request: the same spans as the Hit.Matches of that request (it honors
// Aliases and ignores the facet filters and paging). A blank query
// highlights nothing.
func (e *Engine) Highlight(id string, req Request) ([]Span, error) {
	i, ok := e.ix.DocNum(id)
	if !ok {
		return nil, errors.New("search: no document with ID " + id)
	}
	node, err := query.Parse(req.Query)
	if err != nil {
		return nil, err
	}
	if node == nil {
		return nil, nil
	}
	var groups map[leafKey]aliasMember
	if req.Aliases {
		x := e.expander(true)
		node = x.expand(node, true)
		groups = x.groups
	}
	p := e.plan(node, groups)
	return p.spans(e.ix.Doc(i).Text), nil
}

// Search runs a request. A query syntax error is returned as a *query.Error.
func (e *Engine) Search(req Request) (*Result, error) {
	node, err := query.Parse(req.Query)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	var matched []int32
	var p *plan
	if node == nil {
		matched = e.overview
	} else {
		res.Query = node.String()
		x := e.expander(req.Aliases)
		node = x.expand(node, true)
		res.AlsoSearched = x.notes
		res.Forms = e.forms(x.words)
		p = e.plan(node, x.groups)
		matched = p.docs
		res.Terms = p.terms()
	}

	sourceOK := e.filter(req.Sources, e.ix.Source)
	yearOK := e.filter(req.Years, e.ix.Year)
	entityOK := e.entityFilter(req.Entities)
	var hits []int32
	sourceCounts := map[string]int{}
	yearCounts := map[string]int{}
	entityCounts := map[string]int{}
	for _, d := range matched {
		s, y, en := sourceOK(d), yearOK(d), entityOK(d)
		// Drill sideways: each single-valued facet is counted with the
		// other filters applied but not its own, so a visitor sees what
		// picking another value of the same facet would give.
		if y && en {
			sourceCounts[e.ix.Source(int(d))]++
		}
		if s && en {
			yearCounts[e.ix.Year(int(d))]++
		}
		if s && y && en {
			hits = append(hits, d)
			for _, ent := range e.ix.Doc(int(d)).Entities {
				entityCounts[ent.Name]++
			}
		}
	}
	res.Facets.Sources = facetValues(sourceCounts, req.Sources)
	res.Facets.Years = facetValues(yearCounts, req.Years)
	res.Facets.Entities = facetValues(entityCounts, req.Entities)
	for i := range res.Facets.Entities {
		res.Facets.Entities[i].Type = e.entityType[res.Facets.Entities[i].Value]
	}
	res.Total = len(hits)

	var scores []float64
	if p != nil && p.scored() {
		scores = p.score(e.ix, hits)
		order := make([]int, len(hits))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, c int) bool {
			sa, sc := scores[order[a]], scores[order[c]]
			if sa != sc {
				return sa > sc
			}
			return e.ix.Doc(int(hits[order[a]])).ID < e.ix.Doc(int(hits[order[c]])).ID
		})
		sortedHits := make([]int32, len(hits))
		sortedScores := make([]float64, len(hits))
		for i, o := range order {
			sortedHits[i], sortedScores[i] = hits[o], scores[o]
		}
		hits, scores = sortedHits, sortedScores
	} else if node != nil {
		// Filters only: no relevance to rank by, so keep the overview order.
		hits = e.inOverviewOrder(hits)
	}

	from := min(max(req.Offset, 0), len(hits))
	to := len(hits)
	if req.Limit > 0 {
		to = min(from+req.Limit, len(hits))
	}
	res.Hits = make([]Hit, 0, to-from)
	for i := from; i < to; i++ {
		doc := e.ix.Doc(int(hits[i]))
		h := Hit{ID: doc.ID, Title: doc.Title, Source: doc.Source, Date: doc.Date}
		if scores != nil {
			h.Score = scores[i]
		}
		if p != nil {
			h.Matches = p.spans(doc.Text)
			h.TitleMatches = p.spans(doc.Title)
		}
		h.Snippet = makeSnippet(doc.Text, h.Matches)
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

// entityFilter returns a predicate that holds for the documents that
// mention every one of names.
func (e *Engine) entityFilter(names []string) func(int32) bool {
	if len(names) == 0 {
		return func(int32) bool { return true }
	}
	return func(d int32) bool {
		ents := e.ix.Doc(int(d)).Entities
		for _, name := range names {
			if !mentions(ents, name) {
				return false
			}
		}
		return true
	}
}

func mentions(ents []corpus.Entity, name string) bool {
	for _, ent := range ents {
		if ent.Name == name {
			return true
		}
	}
	return false
}

// entityKey is how an entity name is compared with what a visitor types:
// its analyzed terms, so clitics, hamza and spelling variants do not count.
func entityKey(name string) string {
	return strings.Join(arabic.Terms(name), " ")
}

// entityNames resolves what a visitor typed after entity: to the canonical
// names of the corpus: the name itself, or through the alias table
// (ISIS, تنظيم الدولة → داعش) any of its other names.
func (e *Engine) entityNames(typed string) []string {
	var names []string
	add := func(s string) {
		if name, ok := e.entityKeys[entityKey(s)]; ok && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	add(typed)
	for _, a := range arabic.FindAliases(arabic.Analyze(typed)) {
		add(a.Group)
		for _, other := range a.Others {
			add(other)
		}
	}
	return names
}

// filter returns a predicate for a facet filter.
func (e *Engine) filter(values []string, valueOf func(int) string) func(int32) bool {
	if len(values) == 0 {
		return func(int32) bool { return true }
	}
	set := make(map[string]bool, len(values))
	for _, v := range values {
		set[v] = true
	}
	return func(d int32) bool { return set[valueOf(int(d))] }
}

func (e *Engine) inOverviewOrder(docs []int32) []int32 {
	in := make(map[int32]bool, len(docs))
	for _, d := range docs {
		in[d] = true
	}
	out := make([]int32, 0, len(docs))
	for _, d := range e.overview {
		if in[d] {
			out = append(out, d)
		}
	}
	return out
}

// facetValues sorts counts by count descending then value. Selected values
// are listed even when no document has them any more, so the UI can still
// show them checked and let the visitor clear them.
func facetValues(counts map[string]int, selected []string) []FacetValue {
	for _, v := range selected {
		if _, ok := counts[v]; !ok {
			counts[v] = 0
		}
	}
	out := make([]FacetValue, 0, len(counts))
	for v, c := range counts {
		out = append(out, FacetValue{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// normWords returns the normalized forms of the words of s.
func normWords(s string) []string {
	var out []string
	for _, t := range analyze(s) {
		if t.Norm != "" {
			out = append(out, t.Norm)
		}
	}
	return out
}

// containsRun reports whether needle occurs as consecutive words in hay.
func containsRun(hay, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
outer:
	for i := 0; i+len(needle) <= len(hay); i++ {
		for j, w := range needle {
			if hay[i+j] != w {
				continue outer
			}
		}
		return true
	}
	return false
}

// stripStopKey renders a postings key for display.
func stripStopKey(key string) string {
	return strings.TrimPrefix(key, index.StopKey(""))
}
