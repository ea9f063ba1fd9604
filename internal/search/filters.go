package search

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/query"
)

// One filter path: a source:, date: or entity: typed in the query and a
// facet value picked on the page (Request.Sources, Years, Entities) are the
// same query node, evaluated here, with one meaning each:
//
//   - source: the articles of the source whose name is the value, spelled
//     either way (compared after normalization: hamza, harakat, case); ""
//     is the articles whose source is unknown.
//   - date: the articles whose day falls in the range, bounds included. A
//     document dated only to the month or the year is filed under its
//     first day (corpus.Date.FirstDay), as the index orders it; a year facet
//     value is the range of its days, "" the articles without a date.
//   - entity: the articles that mention the entity, by its number in the
//     entity table. A typed value finds the entity by any of its names
//     (entity:ISIS is داعش); a facet value is the canonical name itself.
//
// Filters at the top of the query and facet selections narrow every result
// and are counted drill-sideways (each facet with its own filters left out);
// a filter inside an OR or excluded with - is part of what the query
// searches for and is evaluated by the same filterDocs.

// FilterKind is what a filter looks at.
type FilterKind string

// The kinds of filter, one per facet.
const (
	SourceFilter FilterKind = query.FieldSource
	DateFilter   FilterKind = query.FieldDate
	EntityFilter FilterKind = query.FieldEntity
)

// Filter is one filter a search applied (Result.Filters), so that the page
// can show a typed filter as selected as well as a picked facet value.
type Filter struct {
	Kind FilterKind
	// Value is the filter as given. Source: the source name ("" for an
	// unknown source). Date: a typed range as the query language writes it
	// ("2018-01-01..2018-12-31", an open end empty: "..2015-12-31"), or a
	// year facet value ("2018", "" for the articles without a date).
	// Entity: the name as typed, or the canonical name picked in the facet.
	Value string
	// Typed is true for a filter typed in the query (source:, date:, year:
	// or entity: at its top level, which every hit must pass), false for a
	// facet selection of the Request.
	Typed bool
}

// filterValue is one value a filter keeps: a query.Field (source, entity)
// or a query.DateRange. undated stands for the year facet's "" (articles
// without a date) and none for a year facet value that is no year: the
// query language can write neither. canonical marks an entity value that
// is a canonical name (a facet selection), not a name to look up.
type filterValue struct {
	node      query.Node
	undated   bool
	none      bool
	canonical bool
}

// clause is a filter every hit must pass: a document passes when it passes
// any of its values. A typed filter is a clause of one value; the picked
// values of a source or year facet are one clause (any of them), those of
// the entity facet one clause each (an article mentions many entities, so
// picking two narrows to the articles about both).
type clause struct {
	kind  FilterKind
	typed bool
	// given are the values as given, for Result.Filters: one for a typed
	// filter, the picked values of a facet.
	given  []string
	values []filterValue
	keep   *docSet // the documents that pass, once evaluated
}

// filterSet is the clauses of a search, evaluated.
type filterSet struct {
	clauses []clause
}

// filterSet builds the clauses of a search: the query's top-level filters,
// then the Request's facet selections, and evaluates them.
func (e *Engine) filterSet(typed []query.Node, req Request) (filterSet, error) {
	var fs filterSet
	for _, n := range typed {
		c := clause{typed: true, values: []filterValue{{node: n}}}
		switch n := n.(type) {
		case query.DateRange:
			c.kind, c.given = DateFilter, []string{n.From + ".." + n.To}
		case query.Field:
			c.kind, c.given = FilterKind(n.Name), []string{n.Value}
		}
		fs.clauses = append(fs.clauses, c)
	}
	if len(req.Sources) > 0 {
		c := clause{kind: SourceFilter, given: req.Sources}
		for _, s := range req.Sources {
			c.values = append(c.values, filterValue{node: query.Field{Name: query.FieldSource, Value: s}})
		}
		fs.clauses = append(fs.clauses, c)
	}
	if len(req.Years) > 0 {
		c := clause{kind: DateFilter, given: req.Years}
		for _, y := range req.Years {
			c.values = append(c.values, yearValue(y))
		}
		fs.clauses = append(fs.clauses, c)
	}
	for _, name := range req.Entities {
		fs.clauses = append(fs.clauses, clause{kind: EntityFilter, given: []string{name},
			values: []filterValue{{node: query.Field{Name: query.FieldEntity, Value: name}, canonical: true}}})
	}
	for i := range fs.clauses {
		c := &fs.clauses[i]
		c.keep = newDocSet(e.ix.NumDocs())
		for _, v := range c.values {
			docs, err := e.filterDocs(v)
			if err != nil {
				return filterSet{}, err
			}
			c.keep.addAll(docs)
		}
	}
	return fs, nil
}

// yearValue is the filter of a year facet value: the days of that year.
func yearValue(y string) filterValue {
	if y == "" {
		return filterValue{undated: true}
	}
	n, err := strconv.Atoi(y)
	if err != nil || n <= 0 || len(y) != 4 {
		return filterValue{none: true}
	}
	return filterValue{node: query.DateRange{From: y + "-01-01", To: y + "-12-31"}}
}

// filters lists the clauses for Result.Filters.
func (fs filterSet) filters() []Filter {
	var out []Filter
	for _, c := range fs.clauses {
		for _, v := range c.given {
			out = append(out, Filter{Kind: c.kind, Value: v, Typed: c.typed})
		}
	}
	return out
}

// passes reports whether a document passes the clauses of each kind.
func (fs filterSet) passes(d int32) (source, date, entity bool) {
	source, date, entity = true, true, true
	for i := range fs.clauses {
		c := &fs.clauses[i]
		if c.keep.has(d) {
			continue
		}
		switch c.kind {
		case SourceFilter:
			source = false
		case DateFilter:
			date = false
		case EntityFilter:
			entity = false
		}
	}
	return source, date, entity
}

// passing returns the documents that pass every clause.
func (fs filterSet) passing(docs []int32) []int32 {
	if len(fs.clauses) == 0 {
		return slices.Clone(docs)
	}
	var out []int32
	for _, d := range docs {
		if s, y, en := fs.passes(d); s && y && en {
			out = append(out, d)
		}
	}
	return out
}

// filterDocs returns the documents a filter value keeps, ascending: the one
// place a filter is evaluated, typed or picked, at the top of the query or
// inside it.
func (e *Engine) filterDocs(v filterValue) ([]int32, error) {
	switch {
	case v.none:
		return nil, nil
	case v.undated:
		return e.undatedDocs(), nil
	}
	switch n := v.node.(type) {
	case query.DateRange:
		return e.dateDocs(n), nil
	case query.Field:
		switch n.Name {
		case query.FieldSource:
			return e.sourceDocs(n.Value), nil
		case query.FieldEntity:
			return e.entityFilterDocs(n.Value, v.canonical)
		}
	}
	return nil, nil
}

// sourceKey is how a source name is compared: its normalized words.
func sourceKey(s string) string { return strings.Join(normWords(s), " ") }

// sourceDocs returns the documents of the source named value.
func (e *Engine) sourceDocs(value string) []int32 {
	want := sourceKey(value)
	ok := make([]bool, len(e.ix.Sources()))
	found := false
	for i, s := range e.ix.Sources() {
		ok[i] = e.sourceMatches(i, s, value, want)
		found = found || ok[i]
	}
	if !found {
		return nil
	}
	var out []int32
	for d := 0; d < e.ix.NumDocs(); d++ {
		if ok[e.ix.SourceNum(d)] {
			out = append(out, int32(d))
		}
	}
	return out
}

// SourcesLike tells whether a source filter's value names a source of the
// corpus and, when it does not, the sources whose names hold all of its
// words (صحيفة الجزيرة for الجزيرة), in the index's order, at most
// maxSourcesLike: a filter naming no source finds nothing, and the page
// says why and what it may mean.
func (e *Engine) SourcesLike(value string) (known bool, like []string) {
	want := sourceKey(value)
	words := normWords(value)
	for i, s := range e.ix.Sources() {
		if e.sourceMatches(i, s, value, want) {
			return true, nil
		}
		if len(words) > 0 && len(like) < maxSourcesLike && holdsWords(e.sourceKeys[i], words) {
			like = append(like, s)
		}
	}
	return false, like
}

const maxSourcesLike = 3

// holdsWords reports whether a source key (normalized words, one space
// apart) holds every word of words.
func holdsWords(key string, words []string) bool {
	have := strings.Fields(key)
	for _, w := range words {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// sourceMatches reports whether source number i (named s) is the one a
// filter names: the same words once normalized, or, for a name without
// words ("" for the unknown source), the same string.
func (e *Engine) sourceMatches(i int, s, value, want string) bool {
	if want == "" || e.sourceKeys[i] == "" {
		return s == value
	}
	return e.sourceKeys[i] == want
}

// dateDocs returns the documents dated within a range. Documents are numbered
// newest first, so the range is one run of numbers found by binary search.
func (e *Engine) dateDocs(r query.DateRange) []int32 {
	n := e.ix.NumDocs()
	lo, hi := 0, n
	if r.To != "" {
		to := corpus.DayOfDate(r.To)
		lo = sort.Search(n, func(i int) bool { return e.ix.Day(i) <= to })
	}
	from := corpus.NoDay + 1
	if r.From != "" {
		from = corpus.DayOfDate(r.From)
	}
	hi = sort.Search(n, func(i int) bool { return e.ix.Day(i) < from })
	return docRange(lo, hi)
}

// undatedDocs returns the documents without a date: the last ones, since
// documents are numbered by falling day and NoDay sorts first.
func (e *Engine) undatedDocs() []int32 {
	n := e.ix.NumDocs()
	lo := sort.Search(n, func(i int) bool { return e.ix.Day(i) == corpus.NoDay })
	return docRange(lo, n)
}

func docRange(lo, hi int) []int32 {
	out := make([]int32, 0, max(hi-lo, 0))
	for i := lo; i < hi; i++ {
		out = append(out, int32(i))
	}
	return out
}

// entityFilterDocs returns the documents that mention the entity a filter
// names: a canonical name, or for a typed value any entity it is a name of.
func (e *Engine) entityFilterDocs(value string, canonical bool) ([]int32, error) {
	ents, err := e.entities()
	if err != nil {
		return nil, err
	}
	if canonical {
		return e.entityDocs(ents, value), nil
	}
	var out []int32
	for _, name := range e.entityNames(ents, value) {
		out = union(out, e.entityDocs(ents, name))
	}
	return out, nil
}

// entityDocs lists the documents that mention an entity, ascending.
func (e *Engine) entityDocs(ents *index.Entities, name string) []int32 {
	id, ok := ents.Num(name)
	if !ok {
		return nil
	}
	return e.byEntity[id]
}

// entityKey is how an entity name is compared with what a visitor types:
// its analyzed terms, so clitics, hamza and spelling variants do not count.
func entityKey(name string) string {
	return strings.Join(arabic.Terms(name), " ")
}

// entityNames resolves what a visitor typed after entity: to the canonical
// names of the corpus: the name itself, or through the alias table
// (ISIS, تنظيم الدولة → داعش) any of its other names.
func (e *Engine) entityNames(ents *index.Entities, typed string) []string {
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

// selected lists, per facet, the values a filter in force selects: the
// facet's picked values, and the values a typed filter names (the source
// it names, the year a date range covers exactly, the entities a name
// resolves to), so the page shows typed filters as selected too.
func (e *Engine) selected(fs filterSet, req Request) (sources, years, entities []string) {
	sources = slices.Clone(req.Sources)
	years = slices.Clone(req.Years)
	entities = slices.Clone(req.Entities)
	add := func(list []string, v string) []string {
		if slices.Contains(list, v) {
			return list
		}
		return append(list, v)
	}
	for _, c := range fs.clauses {
		if !c.typed {
			continue
		}
		switch n := c.values[0].node.(type) {
		case query.DateRange:
			if y := n.From[:min(4, len(n.From))]; len(y) == 4 && n.From == y+"-01-01" && n.To == y+"-12-31" {
				years = add(years, y)
			}
		case query.Field:
			switch n.Name {
			case query.FieldSource:
				want := sourceKey(n.Value)
				for i, s := range e.ix.Sources() {
					if e.sourceMatches(i, s, n.Value, want) {
						sources = add(sources, s)
					}
				}
			case query.FieldEntity:
				if e.ents != nil {
					for _, name := range e.entityNames(e.ents, n.Value) {
						entities = add(entities, name)
					}
				}
			}
		}
	}
	return sources, years, entities
}
