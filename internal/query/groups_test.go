package query

import (
	"errors"
	"reflect"
	"testing"
)

func TestNewGroupTakesATermPerLineOrComma(t *testing.T) {
	g, err := NewGroup(" داعش ", "داعش\nتنظيم الدولة، ISIS, \"الدولة الإسلامية\"\n\nداعش")
	if err != nil {
		t.Fatal(err)
	}
	want := Group{Name: "داعش", Terms: []string{"داعش", "تنظيم الدولة", "ISIS", "الدولة الإسلامية"}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got %#v, want %#v", g, want)
	}
	if got, want := g.Query(), `(داعش OR "تنظيم الدولة" OR ISIS OR "الدولة الإسلامية")`; got != want {
		t.Errorf("Query() = %s, want %s", got, want)
	}
}

func TestNewGroupRefusesWhatCannotBeAGroup(t *testing.T) {
	for _, c := range []struct{ name, terms string }{
		{"", "داعش"},
		{"two words", "داعش"},
		{"a:b", "داعش"},
		{"منصات", " ،, \n"},
	} {
		if _, err := NewGroup(c.name, c.terms); !errors.Is(err, ErrGroup) {
			t.Errorf("NewGroup(%q, %q) error = %v, want an ErrGroup", c.name, c.terms, err)
		}
	}
}

func TestExpandGroupsReplacesKnownGroupsOutsideQuotes(t *testing.T) {
	gs := Groups{
		{Name: "منصات", Terms: []string{"تويتر", "فيسبوك", "تيليجرام"}},
		{Name: "daesh", Terms: []string{"داعش", "تنظيم الدولة"}},
	}
	for _, c := range []struct {
		in, want string
		used     int
		unknown  []string
	}{
		{"group:منصات حجب", "(تويتر OR فيسبوك OR تيليجرام) حجب", 1, nil},
		{"مجموعة:منصات", "(تويتر OR فيسبوك OR تيليجرام)", 1, nil},
		{"-group:DAESH اختراق", `-(داعش OR "تنظيم الدولة") اختراق`, 1, nil},
		{`"group:منصات" حجب`, `"group:منصات" حجب`, 0, nil},
		{"group:منصات group:daesh", `(تويتر OR فيسبوك OR تيليجرام) (داعش OR "تنظيم الدولة")`, 2, nil},
		{"group:unknown حجب", "group:unknown حجب", 0, []string{"unknown"}},
		{"subgroup:منصات", "subgroup:منصات", 0, nil},
		{"group: منصات", "group: منصات", 0, nil},
	} {
		got, used, unknown := ExpandGroups(c.in, gs)
		if got != c.want || len(used) != c.used || !reflect.DeepEqual(unknown, c.unknown) {
			t.Errorf("ExpandGroups(%q) = %q, %d used, unknown %v; want %q, %d, %v", c.in, got, len(used), unknown, c.want, c.used, c.unknown)
		}
		if _, errs := Read(got); len(errs) != 0 && c.used > 0 {
			t.Errorf("the expansion of %q does not read cleanly: %v", c.in, errs[0])
		}
	}
}

func TestGroupsRoundTripThroughJSON(t *testing.T) {
	gs := Groups{}.Put(Group{Name: "منصات", Terms: []string{"تويتر", "فيس بوك"}}).Put(Group{Name: "a", Terms: []string{"x"}})
	back, err := ReadGroups(gs.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, gs) {
		t.Errorf("round trip: got %#v, want %#v", back, gs)
	}
	byName, err := ReadGroups([]byte(`{"منصات": ["تويتر", "(فيسبوك"]}`))
	if err != nil || len(byName) != 1 || byName[0].Terms[1] != "فيسبوك" {
		t.Errorf("an object of names to terms reads as groups, cleaned: %#v, %v", byName, err)
	}
	for _, bad := range []string{`nonsense`, `[{"name": "", "terms": ["x"]}]`, `[{"name": "x", "terms": []}]`} {
		if _, err := ReadGroups([]byte(bad)); !errors.Is(err, ErrGroup) {
			t.Errorf("ReadGroups(%s) error = %v, want an ErrGroup", bad, err)
		}
	}
	// Two groups of one name in a file: which to keep is not the reader's
	// to guess, so the file is refused, naming the second.
	_, err = ReadGroups([]byte(`[{"name": "منصات", "terms": ["تويتر"]}, {"name": "منصات", "terms": ["يوتيوب"]}]`))
	var ge *GroupError
	if !errors.As(err, &ge) || ge.Problem != GroupsSameName || ge.Index != 2 || ge.Name != "منصات" {
		t.Errorf("a file with a name twice: %v, want GroupsSameName for group 2", err)
	}
}
