package search

import (
	"fmt"
	"reflect"
	"testing"

	"marsad/internal/corpus"
)

// entityEngine is a corpus of three articles with hand-set entities, so the
// tests pin the filter and facet logic apart from the tagger.
func entityEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := buildEngine(entityDocs())
	if err != nil {
		t.Fatal(err)
	}
	if err := e.LoadEntities(); err != nil {
		t.Fatal(err)
	}
	return e
}

// entityDocs are the three articles of entityEngine.
func entityDocs() []corpus.Document {
	twitter := corpus.Entity{Type: "platform", Name: "تويتر", Count: 3}
	daesh := corpus.Entity{Type: "organization", Name: "داعش", Count: 2}
	iraq := corpus.Entity{Type: "place", Name: "العراق", Count: 1}
	docs := []corpus.Document{
		{ID: "a", Title: "حسابات", Source: "س1", Date: "2015-01-01", Text: "أغلق تويتر حسابات داعش", Entities: []corpus.Entity{twitter, daesh}},
		{ID: "b", Title: "معارك", Source: "س2", Date: "2016-01-01", Text: "معارك داعش في العراق", Entities: []corpus.Entity{daesh, iraq}},
		{ID: "c", Title: "منصات", Source: "س1", Date: "2016-02-01", Text: "تويتر يحذف تغريدات", Entities: []corpus.Entity{twitter}},
	}
	return docs
}

func entitySearch(t *testing.T, req Request) *Result {
	t.Helper()
	res, err := entityEngine(t).Search(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestEntityFieldMatchesAnyNameOfTheEntity(t *testing.T) {
	for _, q := range []string{"entity:تويتر", "entity:بتويتر", "كيان:«تويتر»", "entity:twitter"} {
		wantIDs(t, q, entitySearch(t, Request{Query: q}), "a", "c")
	}
	// ISIS and تنظيم الدولة are names of داعش in the alias table.
	for _, q := range []string{"entity:داعش", "entity:ISIS", `entity:"تنظيم الدولة"`} {
		wantIDs(t, q, entitySearch(t, Request{Query: q}), "a", "b")
	}
}

func TestEntityFieldCombinesWithWords(t *testing.T) {
	wantIDs(t, "entity:داعش -entity:العراق", entitySearch(t, Request{Query: "entity:داعش -entity:العراق"}), "a")
	wantIDs(t, "حسابات entity:داعش", entitySearch(t, Request{Query: "حسابات entity:داعش"}), "a")
}

func TestUnknownEntityFindsNothing(t *testing.T) {
	if res := entitySearch(t, Request{Query: "entity:فيسبوك"}); res.Total != 0 {
		t.Errorf("entity:فيسبوك found %v", ids(res))
	}
}

func TestEntityFilterIsConjunctive(t *testing.T) {
	res := entitySearch(t, Request{Entities: []string{"تويتر", "داعش"}})
	wantIDs(t, "تويتر AND داعش", res, "a")
}

func TestEntityFacetCountsTheFilteredResult(t *testing.T) {
	res := entitySearch(t, Request{})
	want := []FacetValue{
		{Value: "تويتر", Count: 2, Type: "platform"},
		{Value: "داعش", Count: 2, Type: "organization"},
		{Value: "العراق", Count: 1, Type: "place"},
	}
	if !reflect.DeepEqual(res.Facets.Entities, want) {
		t.Errorf("entity facet = %+v\nwant %+v", res.Facets.Entities, want)
	}
	// With a source filter, the entity facet counts only that source, and
	// the source facet counts with the entity filter applied.
	res = entitySearch(t, Request{Sources: []string{"س1"}, Entities: []string{"داعش"}})
	wantIDs(t, "source س1 + داعش", res, "a")
	want = []FacetValue{{Value: "تويتر", Count: 1, Type: "platform"}, {Value: "داعش", Count: 1, Type: "organization", Selected: true}}
	if !reflect.DeepEqual(res.Facets.Entities, want) {
		t.Errorf("entity facet = %+v\nwant %+v", res.Facets.Entities, want)
	}
	wantSources := []FacetValue{{Value: "س1", Count: 1, Selected: true}, {Value: "س2", Count: 1}}
	if !reflect.DeepEqual(res.Facets.Sources, wantSources) {
		t.Errorf("source facet = %+v\nwant %+v", res.Facets.Sources, wantSources)
	}
}

// TestEntityFacetKeepsEachTypesMostFrequent: with more places than the facet
// shows, it keeps the maxEntityFacets most frequent of the type (ties by
// name), every type apart, and a selected entity even from below the cut.
func TestEntityFacetKeepsEachTypesMostFrequent(t *testing.T) {
	var docs []corpus.Document
	places := maxEntityFacets + 5
	// Place k is named in k+1 articles; every article also names تويتر.
	for k := 0; k < places; k++ {
		for n := 0; n <= k; n++ {
			docs = append(docs, corpus.Document{
				ID: fmt.Sprintf("p%02d-%02d", k, n), Title: "خبر", Source: "س", Date: "2016-01-01", Text: "نص الخبر",
				Entities: []corpus.Entity{
					{Type: "place", Name: fmt.Sprintf("مكان%02d", k), Count: 1},
					{Type: "platform", Name: "تويتر", Count: 1},
				},
			})
		}
	}
	// Two places with equal counts at the cut: the name decides.
	docs = append(docs, corpus.Document{ID: "tie", Title: "خبر", Source: "س", Date: "2016-01-01", Text: "نص",
		Entities: []corpus.Entity{{Type: "place", Name: "مكان04", Count: 1}}})
	e, err := buildEngine(docs)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.LoadEntities(); err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Entities: nil})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	types := map[corpus.EntityType]int{}
	for _, f := range res.Facets.Entities {
		got[f.Value] = f.Count
		types[f.Type]++
	}
	if types["place"] != maxEntityFacets || types["platform"] != 1 {
		t.Fatalf("facet holds %v entities by type, want %d places and 1 platform", types, maxEntityFacets)
	}
	// Places 05…24 have 6…25 articles; 04 has 5 + the tie article = 6 too,
	// and its name sorts before 05, so 05 is the one left out.
	for k := 6; k < places; k++ {
		if name := fmt.Sprintf("مكان%02d", k); got[name] != k+1 {
			t.Errorf("%s: count %d, want %d", name, got[name], k+1)
		}
	}
	if got["مكان04"] != 6 || got["مكان05"] != 0 {
		t.Errorf("at the cut: مكان04 %d (want 6), مكان05 %d (want left out)", got["مكان04"], got["مكان05"])
	}
	res, err = e.Search(Request{Entities: []string{"مكان00"}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Facets.Entities {
		found = found || (f.Value == "مكان00" && f.Count == 1)
	}
	if !found {
		t.Errorf("selected مكان00 missing from the facet: %+v", res.Facets.Entities)
	}
}

// A first search that goes without the entity table answers with the other
// facets and says the entity facet is pending; once the table is loaded the
// same search counts it.
func TestEntitiesLaterLeavesTheEntityFacetForLater(t *testing.T) {
	e, err := buildEngine(entityDocs())
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "داعش", EntitiesLater: true})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "داعش", res, "a", "b")
	if !res.Facets.EntitiesPending || len(res.Facets.Entities) != 0 || len(res.Facets.Sources) == 0 {
		t.Fatalf("without the table: pending %v, %d entity values, %d sources; want pending, none, some",
			res.Facets.EntitiesPending, len(res.Facets.Entities), len(res.Facets.Sources))
	}
	if err := e.LoadEntities(); err != nil {
		t.Fatal(err)
	}
	res, err = e.Search(Request{Query: "داعش", EntitiesLater: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Facets.EntitiesPending || len(res.Facets.Entities) == 0 {
		t.Fatalf("with the table: pending %v, %d entity values; want counted", res.Facets.EntitiesPending, len(res.Facets.Entities))
	}
	// An entity filter needs the table, and loads it.
	e2, _ := buildEngine(entityDocs())
	res, err = e2.Search(Request{Query: "entity:تويتر", EntitiesLater: true})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "entity:تويتر", res, "a", "c")
}
