package search

import (
	"errors"
	"reflect"
	"sync"
	"testing"

	"marsad/internal/corpus"
	"marsad/internal/index"
)

// A filter typed in the query and the same value picked in a facet are one
// filter: the same hits, the same drill-sideways counts, the value shown
// as selected either way. Only Result.Filters tells them apart.
func TestATypedFilterIsTheFacetSelectionItNames(t *testing.T) {
	for _, c := range []struct {
		typed  string
		picked Request
		facet  func(Facets) []FacetValue
		value  string
	}{
		{"source:س1", Request{Sources: []string{"س1"}}, func(f Facets) []FacetValue { return f.Sources }, "س1"},
		{"date:2016", Request{Years: []string{"2016"}}, func(f Facets) []FacetValue { return f.Years }, "2016"},
		{"year:2015", Request{Years: []string{"2015"}}, func(f Facets) []FacetValue { return f.Years }, "2015"},
		{"entity:تويتر", Request{Entities: []string{"تويتر"}}, func(f Facets) []FacetValue { return f.Entities }, "تويتر"},
	} {
		typed := entitySearch(t, Request{Query: c.typed})
		picked := entitySearch(t, c.picked)
		if !reflect.DeepEqual(ids(typed), ids(picked)) || typed.Total == 0 {
			t.Errorf("%s finds %v, the facet selection %v", c.typed, ids(typed), ids(picked))
		}
		if !reflect.DeepEqual(typed.Facets.Sources, picked.Facets.Sources) || !reflect.DeepEqual(typed.Facets.Years, picked.Facets.Years) || !reflect.DeepEqual(typed.Facets.Entities, picked.Facets.Entities) {
			t.Errorf("%s: facets %+v, the facet selection's %+v", c.typed, typed.Facets, picked.Facets)
		}
		if !selectedIn(c.facet(typed.Facets), c.value) {
			t.Errorf("%s: %s not selected in %+v", c.typed, c.value, c.facet(typed.Facets))
		}
		if len(typed.Filters) != 1 || !typed.Filters[0].Typed || len(picked.Filters) != 1 || picked.Filters[0].Typed {
			t.Errorf("%s: filters %+v, the facet selection's %+v", c.typed, typed.Filters, picked.Filters)
		}
	}
}

func selectedIn(values []FacetValue, v string) bool {
	for _, fv := range values {
		if fv.Value == v {
			return fv.Selected
		}
	}
	return false
}

// A typed source filter is counted drill-sideways like a picked one: the
// source facet still shows what the other sources would give.
func TestATypedSourceFilterLeavesTheOtherSourcesCounted(t *testing.T) {
	res := entitySearch(t, Request{Query: "داعش source:س1"})
	wantIDs(t, "داعش source:س1", res, "a")
	want := []FacetValue{{Value: "س1", Count: 1, Selected: true}, {Value: "س2", Count: 1}}
	if !reflect.DeepEqual(res.Facets.Sources, want) {
		t.Errorf("source facet = %+v\nwant %+v", res.Facets.Sources, want)
	}
}

// entity: finds the entity by any of its names, and the facet shows the
// entity it resolved to as selected.
func TestATypedEntityNameSelectsItsEntity(t *testing.T) {
	res := entitySearch(t, Request{Query: "entity:ISIS"})
	wantIDs(t, "entity:ISIS", res, "a", "b")
	if !selectedIn(res.Facets.Entities, "داعش") {
		t.Errorf("entity facet %+v: داعش not selected", res.Facets.Entities)
	}
	want := []Filter{{Kind: EntityFilter, Value: "ISIS", Typed: true}}
	if !reflect.DeepEqual(res.Filters, want) {
		t.Errorf("filters %+v, want %+v", res.Filters, want)
	}
}

func TestFiltersListTypedThenPickedEachValueOnce(t *testing.T) {
	res := entitySearch(t, Request{Query: "تويتر date:2015..2016", Sources: []string{"س1", "س2"}, Entities: []string{"تويتر"}})
	want := []Filter{
		{Kind: DateFilter, Value: "2015-01-01..2016-12-31", Typed: true},
		{Kind: SourceFilter, Value: "س1"},
		{Kind: SourceFilter, Value: "س2"},
		{Kind: EntityFilter, Value: "تويتر"},
	}
	if !reflect.DeepEqual(res.Filters, want) {
		t.Errorf("filters %+v\nwant %+v", res.Filters, want)
	}
	wantIDs(t, "تويتر date:2015..2016 + sources + entity", res, "a", "c")
}

// A query of filters and exclusions only keeps the filtered documents but
// the excluded ones.
func TestFiltersWithExclusionsOnly(t *testing.T) {
	wantIDs(t, "date:2016 -تويتر", entitySearch(t, Request{Query: "date:2016 -تويتر"}), "b")
	wantIDs(t, "-entity:داعش source:س1", entitySearch(t, Request{Query: "-entity:داعش source:س1"}), "c")
}

func TestYearFacetIsInDateOrder(t *testing.T) {
	e, err := buildEngine([]corpus.Document{
		{ID: "x", Title: "أ", Date: "2016-03-01", Text: "نص"},
		{ID: "y", Title: "ب", Date: "2014", Text: "نص"},
		{ID: "z", Title: "ج", Date: "2016-01-01", Text: "نص"},
		{ID: "w", Title: "د", Text: "نص"},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{})
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetValue{{Value: "2014", Count: 1}, {Value: "2016", Count: 2}, {Value: "", Count: 1}}
	if !reflect.DeepEqual(res.Facets.Years, want) {
		t.Errorf("year facet %+v, want %+v", res.Facets.Years, want)
	}
	// The year facet's "" is the articles without a date.
	if res, err = e.Search(Request{Years: []string{""}}); err != nil || !reflect.DeepEqual(ids(res), []string{"w"}) {
		t.Errorf("undated: %v, %v", ids(res), err)
	}
}

// The entity facet needs no call beforehand: a search loads the table.
func TestEntitiesLoadThemselves(t *testing.T) {
	bundle, err := index.Build(index.Options{}, entityDocs())
	if err != nil {
		t.Fatal(err)
	}
	e, err := Open(bundle.Fetcher(), bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "داعش"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facets.Entities) == 0 || res.Facets.EntitiesErr != nil {
		t.Errorf("first search: entity facet %+v, error %v", res.Facets.Entities, res.Facets.EntitiesErr)
	}
}

// A damaged entity table empties the entity facet and says why; the hits
// and the other facets stand.
func TestADamagedEntityTableLeavesTheRestOfTheResult(t *testing.T) {
	bundle, err := index.Build(index.Options{}, entityDocs())
	if err != nil {
		t.Fatal(err)
	}
	files := bundle.Fetcher()
	for name := range files {
		if name[0] == 'e' {
			files[name] = []byte("not an entity table")
		}
	}
	fetches := &countingFetcher{Fetcher: files, counts: map[string]int{}}
	e, err := Open(fetches, bundle.Root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "داعش"})
	if err != nil {
		t.Fatal(err)
	}
	var fileErr *index.FileError
	if res.Total != 2 || len(res.Facets.Sources) == 0 || res.Facets.Entities != nil || !errors.As(res.Facets.EntitiesErr, &fileErr) {
		t.Errorf("total %d, sources %v, entities %v, error %v", res.Total, res.Facets.Sources, res.Facets.Entities, res.Facets.EntitiesErr)
	}
	if _, err := e.Search(Request{Query: "entity:داعش"}); !errors.As(err, &fileErr) {
		t.Errorf("an entity filter without the table: error %v, want the file named", err)
	}
	// The damaged table is read once, not again at every search.
	for name, n := range fetches.counts {
		if name[0] == 'e' && n != 1 {
			t.Errorf("%s fetched %d times", name, n)
		}
	}
}

// countingFetcher counts the fetches of each file.
type countingFetcher struct {
	index.Fetcher
	mu     sync.Mutex
	counts map[string]int
}

func (f *countingFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	f.mu.Lock()
	f.counts[name]++
	f.mu.Unlock()
	return f.Fetcher.Fetch(name, off, length)
}

// A source filter that names no source of the corpus is told apart, with
// the sources whose names hold its words.
func TestSourcesLikeNamesTheSourcesAFilterMayMean(t *testing.T) {
	e := seeds(t)
	if known, like := e.SourcesLike("الجزيره"); !known || like != nil {
		t.Errorf("الجزيره (a source of the seeds, spelled otherwise): known %v, like %v", known, like)
	}
	if known, like := e.SourcesLike("الوفد"); known || len(like) != 1 || like[0] != "بوابة الوفد" {
		t.Errorf("الوفد: known %v, like %q; want بوابة الوفد", known, like)
	}
	if known, like := e.SourcesLike("رويترز"); known || like != nil {
		t.Errorf("رويترز: known %v, like %q; want nothing", known, like)
	}
}
