package ui

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestViewRoundTripsThroughTheURL(t *testing.T) {
	for _, v := range []view{
		{},
		{Query: "تويتر"},
		{Query: `"تنظيم الدولة" -داعش`, Sources: []string{"الجزيرة", ""}, Years: []string{"2018"}, Page: 2},
		{Query: "داعش", DocID: "001_c483dde8c62f1c3b"},
		{Query: "داعش", NoAliases: true},
		{Entities: []string{"تويتر", "تنظيم الدولة"}, Years: []string{"2015"}},
	} {
		got := parseView(v.URL())
		if !reflect.DeepEqual(normalizeNil(got), normalizeNil(v)) {
			t.Errorf("round trip of %+v gave %+v (URL %s)", v, got, v.URL())
		}
	}
}

func normalizeNil(v view) view {
	if len(v.Sources) == 0 {
		v.Sources = nil
	}
	if len(v.Years) == 0 {
		v.Years = nil
	}
	if len(v.Entities) == 0 {
		v.Entities = nil
	}
	return v
}

func TestViewIgnoresNonsenseInTheURL(t *testing.T) {
	u, _ := url.Parse("/?page=-3&page=x&q=a")
	if v := parseView(u); v.Page != 0 || v.Query != "a" {
		t.Errorf("got %+v", v)
	}
	many := "/?q=a"
	for i := 0; i < 100; i++ {
		many += "&source=s"
	}
	u, _ = url.Parse(many)
	if v := parseView(u); len(v.Sources) != maxURLFilters {
		t.Errorf("%d source filters kept, want at most %d", len(v.Sources), maxURLFilters)
	}
	// An order of lines that is none of the concordance's is the default
	// order, as any other mistyped value is its default: it replaced the
	// whole view with an error that blamed the corpus.
	u, _ = url.Parse("/?view=kwic&q=a&lines=bogus")
	if v := parseView(u); v.LineSort != "" || v.Tool != toolConcordance {
		t.Errorf("lines=bogus gives %+v", v)
	}
	u, _ = url.Parse("/?view=kwic&q=a&lines=after1")
	if v := parseView(u); v.LineSort != "after1" {
		t.Errorf("lines=after1 gives the order %q", v.LineSort)
	}
}

func TestToggleAddsAndRemoves(t *testing.T) {
	if got := toggle([]string{"a"}, "b"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("add: %v", got)
	}
	if got := toggle([]string{"a", "b"}, "a"); !reflect.DeepEqual(got, []string{"b"}) {
		t.Errorf("remove: %v", got)
	}
}

func TestArabicCountsAgreeWithTheNumber(t *testing.T) {
	for n, want := range map[int]string{0: "لا نتائج", 1: "نتيجة واحدة", 2: "نتيجتان", 4: "4 نتائج", 10: "10 نتائج", 11: "11 نتيجة", 103: "103 نتائج", 9717: "9717 نتيجة", 15677: "15,677 نتيجة"} {
		if got := arabicTexts.results(n); got != want {
			t.Errorf("results(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDatesKeepTheirPrecision(t *testing.T) {
	for iso, want := range map[string]string{"2018-11-03": "3 نوفمبر 2018", "2015-12": "ديسمبر 2015", "2015": "2015", "": "تاريخ غير مذكور"} {
		if got := arabicTexts.displayDate(iso, false); got != want {
			t.Errorf("displayDate(%q) = %q, want %q", iso, got, want)
		}
	}
	if got := arabicTexts.displayDate("2015-02", true); got != "فبراير 2015 (تقديري)" {
		t.Errorf("inferred date shown as %q", got)
	}
	if got := englishTexts.displayDate("2018-11-03", true); got != "3 November 2018 (estimated)" {
		t.Errorf("English date shown as %q", got)
	}
}

func TestEnglishCountsAgreeWithTheNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0 results", 1: "1 result", 2: "2 results", 12345: "12,345 results"} {
		if got := englishTexts.results(n); got != want {
			t.Errorf("results(%d) = %q, want %q", n, got, want)
		}
	}
}

// The filter bar reads a query's top-level filters as the engine does, and
// removing one leaves the rest of the query.
func TestTypedFiltersAreTheTopLevelOnes(t *testing.T) {
	got := typedFilters(`"تنظيم الدولة source:الجزيرة date:2016-02-01..2016-02-29 (تويتر OR entity:فيسبوك)`)
	if len(got) != 2 {
		t.Fatalf("filters %+v, want source and date (the entity is inside an OR)", got)
	}
	if got[0].kind != filterSource || got[0].value != "الجزيرة" || strings.Contains(got[0].rest, "source:") || !strings.Contains(got[0].rest, "date:") {
		t.Errorf("source filter %+v", got[0])
	}
	if got[1].kind != filterDate || got[1].value != "2016-02" {
		t.Errorf("date filter %+v, want the whole month 2016-02", got[1])
	}
}

// "Clear all" leads to the query's content alone: no typed filter, no
// picked one.
func TestClearAllKeepsOnlyWhatTheQuerySearchesFor(t *testing.T) {
	html := app.HTMLString(&FilterBar{Lang: arabic, View: view{Query: "تويتر source:الجزيرة date:2015", Years: []string{"2015"}}})
	// go-app prints attributes in no fixed order: find the link's tag.
	want := `href="/?q=` + url.QueryEscape("تويتر") + `"`
	tag := ""
	for _, part := range strings.Split(html, "<a ") {
		if strings.Contains(part, `class="clear-all"`) {
			tag, _, _ = strings.Cut(part, ">")
		}
	}
	if !strings.Contains(tag, want) {
		t.Errorf("clear-all link without %s in\n%s", want, html)
	}
}

// TestEveryTextIsGivenInBothLanguages: the texts are keyed literals, so a
// field left out of one language compiles, and shows nothing or panics
// (a nil func) where the page needs it.
func TestEveryTextIsGivenInBothLanguages(t *testing.T) {
	for _, set := range []struct {
		name string
		v    any
	}{{"arabicTexts", arabicTexts}, {"englishTexts", englishTexts}, {"arabicWorkTexts", arabicWorkTexts}, {"englishWorkTexts", englishWorkTexts}} {
		v := reflect.ValueOf(set.v)
		for v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				t.Errorf("%s.%s is not given", set.name, v.Type().Field(i).Name)
			}
		}
	}
}

// The address counts pages as the page does, from 1: page=2 is the page
// that says "page 2 of …", and the first page has no parameter.
func TestTheAddressCountsPagesFromOne(t *testing.T) {
	for _, tc := range []struct {
		query string
		page  int
	}{{"page=2", 1}, {"page=1", 0}, {"page=343", 342}, {"page=0", 0}} {
		u, _ := url.Parse("/?q=a&" + tc.query)
		v := parseView(u)
		if v.Page != tc.page {
			t.Errorf("%s: page %d, want %d", tc.query, v.Page, tc.page)
		}
		want := tc.query
		if tc.page == 0 {
			want = ""
		}
		if got := v.URL().Query().Get("page"); "page="+got != want && !(want == "" && got == "") {
			t.Errorf("%s: the address of that page says page=%s", tc.query, got)
		}
	}
}
