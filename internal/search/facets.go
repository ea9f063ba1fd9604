package search

import (
	"cmp"
	"runtime"
	"slices"
	"sort"
	"strconv"

	"marsad/internal/corpus"
)

// maxEntityFacets is how many entities of each type the facet lists.
const maxEntityFacets = 20

// facetYield is how many matches countFacets counts between yields. In the
// browser, where goroutines take turns on one thread, the yields let the
// prefetch's requests go out early in a count over tens of thousands of
// matches.
const facetYield = 1024

// countFacets counts the facets of the matched documents into res: each
// single-valued facet with the filters of its own kind left out (drill
// sideways), the entity facet with every filter applied. The entity table
// is loaded when it is not yet (unless req.EntitiesLater: the facet is then
// left out, Facets.EntitiesPending); if it cannot be, the entity facet is
// empty and Facets.EntitiesErr says why.
func (e *Engine) countFacets(res *Result, req Request, f filteredDocs) {
	sourceCounts := make([]int, len(e.ix.Sources()))
	yearCounts := make([]int, e.years+1) // the last counts unknown dates
	var entityCounts []int
	var mentioned []int32 // the entities counted, each once
	if req.EntitiesLater && e.ents == nil && e.entitiesErr == nil {
		res.Facets.EntitiesPending = true
	} else if _, err := e.entities(); err != nil {
		res.Facets.EntitiesErr = err
	} else {
		if len(e.entityCounts) != len(e.ents.Names) {
			e.entityCounts = make([]int, len(e.ents.Names))
		}
		entityCounts = e.entityCounts
		defer func() {
			for _, id := range mentioned {
				entityCounts[id] = 0
			}
		}()
	}
	runtime.Gosched()
	for i, d := range f.docs {
		if i%facetYield == facetYield-1 {
			runtime.Gosched()
		}
		s, y, en := f.filters.passes(d)
		if y && en {
			sourceCounts[e.ix.SourceNum(int(d))]++
		}
		if s && en {
			if y := e.ix.YearNum(int(d)); y == 0 {
				yearCounts[e.years]++
			} else {
				yearCounts[y-e.firstYear]++
			}
		}
		if s && y && en && entityCounts != nil {
			for _, id := range e.ents.Of(int(d)) {
				if entityCounts[id] == 0 {
					mentioned = append(mentioned, id)
				}
				entityCounts[id]++
			}
		}
	}
	selSources, selYears, selEntities := e.selected(f.filters, req)
	counts := map[string]int{}
	for i, c := range sourceCounts {
		if c > 0 {
			counts[e.ix.Sources()[i]] = c
		}
	}
	res.Facets.Sources = facetValues(counts, selSources)
	byYear := map[string]int{}
	for i, c := range yearCounts {
		switch {
		case c == 0:
		case i == e.years:
			byYear[""] = c
		default:
			byYear[strconv.Itoa(e.firstYear+i)] = c
		}
	}
	res.Facets.Years = facetValues(byYear, selYears)
	slices.SortFunc(res.Facets.Years, func(a, b FacetValue) int {
		// Date order, the undated last.
		if (a.Value == "") != (b.Value == "") {
			return cmp.Compare(b.Value, a.Value)
		}
		return cmp.Compare(a.Value, b.Value)
	})
	if entityCounts != nil {
		res.Facets.Entities = e.entityFacet(entityCounts, mentioned, selEntities)
	}
}

// entityFacet lists the top entities of each type, and any selected one. A
// big result set mentions thousands of entities: each type's best few are
// kept as they come rather than all sorted.
func (e *Engine) entityFacet(entityCounts []int, mentioned []int32, selected []string) []FacetValue {
	before := func(a, b int32) bool {
		if entityCounts[a] != entityCounts[b] {
			return entityCounts[a] > entityCounts[b]
		}
		return e.ents.Names[a] < e.ents.Names[b]
	}
	best := map[corpus.EntityType][]int32{}
	for _, id := range mentioned {
		t := e.ents.Types[id]
		top := best[t]
		if len(top) == maxEntityFacets && !before(id, top[len(top)-1]) {
			continue
		}
		at := sort.Search(len(top), func(i int) bool { return before(id, top[i]) })
		if len(top) < maxEntityFacets {
			top = append(top, 0)
		}
		copy(top[at+1:], top[at:])
		top[at] = id
		best[t] = top
	}
	ec := map[string]int{}
	for _, top := range best {
		for _, id := range top {
			ec[e.ents.Names[id]] = entityCounts[id]
		}
	}
	for _, name := range selected {
		if id, ok := e.ents.Num(name); ok {
			ec[name] = entityCounts[id]
		}
	}
	out := facetValues(ec, selected)
	for i := range out {
		if id, ok := e.ents.Num(out[i].Value); ok {
			out[i].Type = e.ents.Types[id]
		}
	}
	return out
}

// facetValues sorts counts by count descending then value. Selected values
// are marked, and listed even when no document has them any more, so the UI
// can still show them checked and let the visitor clear them.
func facetValues(counts map[string]int, selected []string) []FacetValue {
	for _, v := range selected {
		if _, ok := counts[v]; !ok {
			counts[v] = 0
		}
	}
	out := make([]FacetValue, 0, len(counts))
	for v, c := range counts {
		out = append(out, FacetValue{Value: v, Count: c, Selected: slices.Contains(selected, v)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
