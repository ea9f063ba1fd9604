package arabic

import (
	"slices"
	"strings"
	"testing"
)

func TestFindAliases(t *testing.T) {
	type want struct {
		group      string
		start, end int
	}
	tests := []struct {
		name  string
		query string
		want  []want
	}{
		{"arabic name", "داعش", []want{{"داعش", 0, 1}}},
		{"proclitic on a platform name", "بتويتر", []want{{"تويتر", 0, 1}}},
		{"split spelling matches the two-token form", "حساب على فيس بوك", []want{{"فيسبوك", 2, 4}}},
		{"longest run first", "تنظيم الدولة الإسلامية في سوريا", []want{{"داعش", 0, 3}}},
		{"stop word inside a form", "الدولة الإسلامية في العراق والشام", []want{{"داعش", 0, 5}}},
		{"latin forms compare lowercased", "daesh ISIS", []want{{"داعش", 0, 1}, {"داعش", 1, 2}}},
		{"two-word latin form", "Islamic State", []want{{"داعش", 0, 2}}},
		{"several groups left to right", "داعش يستخدم تلغرام وتويتر", []want{{"داعش", 0, 1}, {"تليجرام", 2, 3}, {"تويتر", 3, 4}}},
		{"spelling variant of a platform", "تيليجرام", []want{{"تليجرام", 0, 1}}},
		{"exact form fires on its spelling", "جبهة النصرة", []want{{"جبهة النصرة", 0, 2}}},
		{"exact form alone", "النصرة", []want{{"جبهة النصرة", 0, 1}}},
		{"exact form does not fire on a word with the same stem", "النصر", nil},
		{"base is not al-qaeda", "قاعدة عسكرية", nil},
		{"hashtag words match, whole-hashtag token skipped", "#الدولة_الإسلامية", []want{{"داعش", 1, 3}}},
		{"no alias", "وزارة الداخلية", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tokens := Analyze(tc.query)
			got := FindAliases(tokens)
			if len(got) != len(tc.want) {
				t.Fatalf("%q: got %+v, want %+v", tc.query, got, tc.want)
			}
			for i, w := range tc.want {
				if got[i].Group != w.group || got[i].Start != w.start || got[i].End != w.end {
					t.Errorf("%q: alias %d = %+v, want %+v", tc.query, i, got[i], w)
				}
			}
		})
	}
}

func TestAliasOthers(t *testing.T) {
	got := FindAliases(Analyze("بتنظيم الدولة"))
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	others := got[0].Others
	for _, w := range []string{"داعش", "الدولة الإسلامية", "ISIS", "Daesh"} {
		if !slices.Contains(others, w) {
			t.Errorf("Others %q lacks %q", others, w)
		}
	}
	if slices.Contains(others, "تنظيم الدولة") {
		t.Errorf("Others %q contains the matched form", others)
	}
	// A form that analyzes like the match is left out too: فيسبوك matched by
	// والفيسبوك.
	got = FindAliases(Analyze("والفيسبوك"))
	if len(got) != 1 || slices.Contains(got[0].Others, "فيسبوك") || !slices.Contains(got[0].Others, "فيس بوك") {
		t.Errorf("got %+v", got)
	}
}

func TestAliasTable(t *testing.T) {
	tab := aliases()
	if len(tab.groups) < 15 {
		t.Fatalf("only %d groups", len(tab.groups))
	}
	seen := map[string]string{}
	for _, g := range tab.groups {
		if g.arabic == "" {
			t.Errorf("group %q has no Arabic form", g.name)
		}
		for i, f := range g.forms {
			k := strings.Join(g.keys[i], " ")
			if prev, dup := seen[k]; dup && prev != g.name {
				t.Errorf("form %q of %q is also in %q", f, g.name, prev)
			}
			seen[k] = g.name
		}
	}
}

func TestFromLatin(t *testing.T) {
	vocab := map[string]bool{}
	for _, w := range []string{"داعش", "حلب", "تويتر", "موصل", "كتاب"} {
		vocab[termOf(t, w)] = true
	}
	known := func(term string) bool { return vocab[term] }
	tests := []struct {
		name  string
		word  string
		known func(string) bool
		want  string
		ok    bool
	}{
		{"latin alias", "daesh", nil, "داعش", true},
		{"latin alias any case", "Twitter", nil, "تويتر", true},
		{"latin alias of a multi-word group", "usa", nil, "الولايات المتحدة", true},
		{"buckwalter with a signal character", "dAE$", nil, "داعش", true},
		{"buckwalter harakat dropped", "daAEi$N", nil, "داعش", true},
		{"buckwalter hamza seats", ">m~p", nil, "أمة", true},
		{"buckwalter capital letter is a signal", "Hlb", nil, "حلب", true},
		{"english word is not buckwalter", "hello", nil, "", false},
		{"plain lowercase buckwalter needs the vocabulary", "ktAb", nil, "كتاب", true},
		{"all lowercase without vocabulary is refused", "ktb", nil, "", false},
		{"all lowercase accepted by the vocabulary", "ktAb", known, "كتاب", true},
		{"vocabulary rejects an unknown decoding", "qlm", known, "", false},
		{"vocabulary accepts lowercase buckwalter", "mwSl", known, "موصل", true},
		{"alias first with vocabulary", "twitter", known, "تويتر", true},
		{"harakat only", "aui", nil, "", false},
		{"empty", "", nil, "", false},
		{"non-latin", "داعش", nil, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromLatin(tc.word, tc.known)
			if got != tc.want || ok != tc.ok {
				t.Errorf("FromLatin(%q) = %q, %v; want %q, %v", tc.word, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestAnAliasMentionIsCountedOnceWhereItsFormsOverlap(t *testing.T) {
	var got []string
	text := "أعلن تنظيم الدولة الإسلامية في العراق والشام وداعش و#داعش_الإرهابي بيانًا"
	toks := Analyze(text)
	EachAliasMention(toks, func(group string, start, end int) {
		got = append(got, group+": "+text[toks[start].Start:toks[end-1].End])
	})
	want := []string{"داعش: تنظيم الدولة الإسلامية", "داعش: وداعش", "داعش: داعش"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("mentions %q, want %q", got, want)
	}
}
