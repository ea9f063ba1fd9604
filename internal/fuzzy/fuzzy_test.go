package fuzzy

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDistance specifies the costs: plain edits cost 1, the confusions
// Arabic readers make cost less.
func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
		why  string
	}{
		{"تنظيم", "تنظيم", 0, "identical"},
		{"", "", 0, "both empty"},
		{"", "دعش", 3, "three insertions"},
		{"", "داعش", 3.6, "three insertions and an alef"},
		{"kitten", "sitting", 3, "plain Levenshtein on Latin"},
		{"داعش", "داعس", 1, "ش/س is a plain substitution"},
		{"ضرب", "خرب", 1, "ض/خ is a plain substitution"},
		{"ضرب", "ظرب", 0.5, "ض/ظ merged in dialects, cheaper than a plain one"},
		{"التنضيم", "التنظيم", 0.5, "the common misspelling of التنظيم"},
		{"عملية", "عمليه", 0.3, "ta marbuta typed as heh"},
		{"على", "علي", 0.3, "alef maqsura / yeh"},
		{"أسامة", "اسامة", 0.3, "hamza seat dropped"},
		{"إسلام", "أسلام", 0.3, "hamza seats among themselves"},
		{"مسؤول", "مسئول", 0.3, "hamza on waw / on yeh"},
		{"مسؤول", "مسوول", 0.3, "hamza on waw dropped"},
		{"هيئة", "هيية", 0.3, "hamza on yeh dropped"},
		{"مستشفى", "مستشفا", 0.5, "alef maqsura sounds like alef"},
		{"ذكرى", "زكرى", 0.5, "ذ said z"},
		{"ظابط", "زابط", 0.5, "ظ said z"},
		{"ثانية", "سانية", 0.5, "ث said s"},
		{"صورة", "سورة", 0.5, "emphatic / plain"},
		{"طالبان", "تالبان", 0.5, "emphatic / plain"},
		{"قطر", "كطر", 0.5, "ق said k"},
		{"ديمقراطية", "ديموقراطية", 0.6, "long vowel added"},
		{"يونيو", "يونو", 0.6, "long vowel dropped"},
		{"سماء", "سما", 0.5, "final hamza dropped"},
		{"التنظيم", "التنظمي", 1, "adjacent letters swapped"},
		{"ab", "ba", 1, "transposition on Latin"},
		{"تَنْظِيم", "تنظيم", 0, "harakat ignored"},
		{"تنـــظيم", "تنظيم", 0, "tatweel ignored"},
		{"التنضيمه", "التنظيمة", 0.8, "two confusions add up"},
		{"داعش", "تويتر", 4.6, "unrelated"},
	}
	for _, tt := range tests {
		for _, pair := range [][2]string{{tt.a, tt.b}, {tt.b, tt.a}} {
			got, ok := Distance(pair[0], pair[1], 10)
			if !ok || got != tt.want {
				t.Errorf("Distance(%q, %q, 10) = %v, %v; want %v (%s)", pair[0], pair[1], got, ok, tt.want, tt.why)
			}
			// Exactly at the budget is within it; just below is not.
			if got, ok := Distance(pair[0], pair[1], tt.want); !ok || got != tt.want {
				t.Errorf("Distance(%q, %q, %v) = %v, %v; want within", pair[0], pair[1], tt.want, got, ok)
			}
			if tt.want > 0 {
				if got, ok := Distance(pair[0], pair[1], tt.want-0.1); ok || got <= tt.want-0.1 {
					t.Errorf("Distance(%q, %q, %v) = %v, %v; want false and a cost above max", pair[0], pair[1], tt.want-0.1, got, ok)
				}
			}
		}
	}
}

func TestDistanceEarlyExit(t *testing.T) {
	if c, ok := Distance("داعش", "تويتر", 0.5); ok || c <= 0.5 {
		t.Errorf("Distance(داعش, تويتر, 0.5) = %v, %v; want false with a cost above 0.5", c, ok)
	}
	if c, ok := Distance("داعش", "تويتر", 100); !ok || c != 4.6 {
		t.Errorf("Distance(داعش, تويتر, 100) = %v, %v; want 4.6, true", c, ok)
	}
	if c, ok := Distance("a", "a", -1); ok || c <= -1 {
		t.Errorf("negative max: got %v, %v", c, ok)
	}
	long := "التنظيمالتنظيمالتنظيمالتنظيمالتنظيمالتنظيمالتنظيم"
	if c, ok := Distance(long, long+"ب", 2); !ok || c != 1 {
		t.Errorf("long strings: got %v, %v; want 1, true", c, ok)
	}
}

func subCost(a, b rune) int32 {
	if a == b {
		return 0
	}
	return int32(subTab[letterIndex(a)][letterIndex(b)])
}

// naive is the full dynamic program, no cut-off, in tenths.
func naive(a, b string) int32 {
	ra, rb := appendLetters(nil, a), appendLetters(nil, b)
	n, m := len(ra), len(rb)
	d := make([][]int32, n+1)
	for i := range d {
		d[i] = make([]int32, m+1)
	}
	for i := 1; i <= n; i++ {
		d[i][0] = d[i-1][0] + indelCost(ra[i-1])
	}
	for j := 1; j <= m; j++ {
		d[0][j] = d[0][j-1] + indelCost(rb[j-1])
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			v := min(d[i-1][j-1]+subCost(ra[i-1], rb[j-1]), d[i-1][j]+indelCost(ra[i-1]), d[i][j-1]+indelCost(rb[j-1]))
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] && ra[i-1] != ra[i-2] {
				v = min(v, d[i-2][j-2]+transpose)
			}
			d[i][j] = v
		}
	}
	return d[n][m]
}

// randomWord draws from confusable letters, long vowels, hamza, harakat,
// tatweel and a few other letters, so that every cost path is exercised.
func randomWord(r *rand.Rand, maxLen int) string {
	const alphabet = "اأإآءؤئوىيةهضظذزثسصطتقكدعشنملبَُِـx"
	letters := []rune(alphabet)
	n := r.IntN(maxLen + 1)
	out := make([]rune, n)
	for i := range out {
		out[i] = letters[r.IntN(len(letters))]
	}
	return string(out)
}

func TestDistanceMatchesFullDP(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 20000; k++ {
		a, b := randomWord(r, 9), randomWord(r, 9)
		if r.IntN(3) == 0 {
			// Near pairs: b is a few random edits of a.
			b = mutate(r, a)
		}
		want := naive(a, b)
		for _, max := range []float64{0, 0.3, 0.5, 0.9, 1, 1.5, 2, 3.3, 100} {
			got, ok := Distance(a, b, max)
			within := float64(want)/unit <= max+1e-9
			if ok != within || ok && got != float64(want)/unit || !ok && got <= max {
				t.Fatalf("Distance(%q, %q, %v) = %v, %v; full DP says %v", a, b, max, got, ok, float64(want)/unit)
			}
		}
		// The class mask bound never exceeds the distance.
		ra, rb := appendLetters(nil, a), appendLetters(nil, b)
		if lb := maskBound(maskOf(ra), maskOf(rb)); lb > want {
			t.Fatalf("maskBound(%q, %q) = %d > distance %d", a, b, lb, want)
		}
	}
}

func mutate(r *rand.Rand, s string) string {
	rs := []rune(s)
	other := []rune(randomWord(r, 3) + "ب")
	for e := r.IntN(3); e >= 0; e-- {
		i := 0
		if len(rs) > 0 {
			i = r.IntN(len(rs))
		}
		switch r.IntN(4) {
		case 0:
			rs = append(rs[:i], append([]rune{other[0]}, rs[i:]...)...)
		case 1:
			if len(rs) > 0 {
				rs = append(rs[:i], rs[i+1:]...)
			}
		case 2:
			if len(rs) > 0 {
				rs[i] = other[len(other)-1]
			}
		case 3:
			if i+1 < len(rs) {
				rs[i], rs[i+1] = rs[i+1], rs[i]
			}
		}
	}
	return string(rs)
}

func TestMaxCost(t *testing.T) {
	tests := []struct {
		key  string
		want float64
	}{
		{"", 0.5},
		{"قطر", 0.5},
		{"قَطَر", 0.5}, // harakat are not letters
		{"داعش", 1},
		{"تويتر", 1},
		{"الدولة", 1},
		{"التنظيم", 2},
		{"ديموقراطية", 2},
	}
	for _, tt := range tests {
		if got := MaxCost(tt.key); got != tt.want {
			t.Errorf("MaxCost(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

var smallVocab = []Entry{
	{"التنظيم", 900},
	{"التنظيمات", 120},
	{"التنضيم", 3},
	{"التنظيمي", 40},
	{"التنطيم", 1},
	{"تنظيم", 700},
	{"داعش", 5000},
	{"داعس", 2},
	{"دعش", 4},
	{"عملية", 800},
	{"عمليه", 30},
	{"عملاء", 60},
	{"تويتر", 400},
	{"تويتر", 100}, // duplicate: counts add up
	{"", 9},        // dropped
}

func TestNewVocab(t *testing.T) {
	v := NewVocab(smallVocab)
	if v.Len() != 13 {
		t.Errorf("Len() = %d, want 13", v.Len())
	}
	for key, want := range map[string]int{"تويتر": 500, "داعش": 5000, "غائب": 0, "": 0, "التنظيمات": 120} {
		if got := v.Count(key); got != want {
			t.Errorf("Count(%q) = %d, want %d", key, got, want)
		}
	}
	empty := NewVocab(nil)
	if m := empty.Near("داعش", 2, 5); m != nil {
		t.Errorf("empty vocabulary: Near = %v", m)
	}
	if _, ok := empty.Suggest("داعش"); ok {
		t.Error("empty vocabulary suggests something")
	}
}

func TestNear(t *testing.T) {
	v := NewVocab(smallVocab)
	tests := []struct {
		key   string
		max   float64
		limit int
		want  []Match
	}{
		{"التنظيم", 0.5, 10, []Match{{"التنضيم", 0.5, 3}}},
		{"التنظيم", 1, 10, []Match{
			{"التنضيم", 0.5, 3},
			{"التنظيمي", 0.6, 40}, // a long vowel added
			{"التنطيم", 1, 1},     // ط/ظ is no confusion
		}},
		{"التنظيم", 2, 10, []Match{
			{"التنضيم", 0.5, 3}, {"التنظيمي", 0.6, 40}, {"التنطيم", 1, 1},
			{"تنظيم", 1.6, 700}, {"التنظيمات", 1.6, 120}, // equal costs: the more frequent first
		}},
		// The limit keeps the closest.
		{"التنظيم", 2, 1, []Match{{"التنضيم", 0.5, 3}}},
		{"التنظيم", 2, 4, []Match{{"التنضيم", 0.5, 3}, {"التنظيمي", 0.6, 40}, {"التنطيم", 1, 1}, {"تنظيم", 1.6, 700}}},
		// The key itself is left out, even when it is in the vocabulary.
		{"داعش", 1, 10, []Match{{"دعش", 0.6, 4}, {"داعس", 1, 2}}},
		{"عمليه", 0.5, 10, []Match{{"عملية", 0.3, 800}}},
		{"غائب", 0.5, 10, nil},
		{"داعش", 1, 0, nil},
		{"داعش", -1, 10, nil},
	}
	for _, tt := range tests {
		got := v.Near(tt.key, tt.max, tt.limit)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Near(%q, %v, %d) = %v, want %v", tt.key, tt.max, tt.limit, got, tt.want)
		}
	}
}

// TestNearMatchesBruteForce checks the length buckets, class masks and
// shrinking budget against computing every distance.
func TestNearMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var entries []Entry
	for i := 0; i < 3000; i++ {
		entries = append(entries, Entry{randomWord(r, 8), r.IntN(50)})
	}
	v := NewVocab(entries)
	for k := 0; k < 200; k++ {
		key := randomWord(r, 8)
		if k%2 == 0 {
			key = mutate(r, entries[r.IntN(len(entries))].Key)
		}
		max := []float64{0.5, 1, 2}[k%3]
		limit := []int{1, 5, 1000}[k%3]
		var want []Match
		for i, key2 := range v.keys {
			if key2 == key {
				continue
			}
			if c, ok := Distance(key, key2, max); ok {
				want = append(want, Match{key2, c, v.counts[i]})
			}
		}
		sortMatches(want)
		if len(want) > limit {
			want = want[:limit]
		}
		got := v.Near(key, max, limit)
		if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("Near(%q, %v, %d) = %v, want %v", key, max, limit, got, want)
		}
	}
}

func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0; j-- {
			a, b := ms[j], ms[j-1]
			if a.Cost < b.Cost || a.Cost == b.Cost && (a.Count > b.Count || a.Count == b.Count && a.Key < b.Key) {
				ms[j], ms[j-1] = b, a
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	v := NewVocab(smallVocab)
	tests := []struct {
		key    string
		want   string
		wantOK bool
		why    string
	}{
		{"التنضيم", "التنظيم", true, "the frequent spelling"},
		{"داعس", "داعش", true, "rare typo to the frequent word"},
		{"عمليه", "عملية", true, "ta marbuta"},
		{"التنظيم", "", false, "a frequent word is not corrected to rarer neighbours"},
		{"داعش", "", false, "nothing more frequent nearby"},
		{"التنضيمات", "التنظيمات", true, "not in the vocabulary at all"},
		{"كلمة", "", false, "nothing nearby"},
	}
	for _, tt := range tests {
		got, ok := v.Suggest(tt.key)
		if ok != tt.wantOK || got.Key != tt.want {
			t.Errorf("Suggest(%q) = %v, %v; want %q, %v (%s)", tt.key, got, ok, tt.want, tt.wantOK, tt.why)
		}
	}

	// Cost against frequency: from ضرب, ظرب costs 0.5 and خرب costs 1.
	freq := []struct {
		rare, frequent int
		want           string
	}{
		{1, 20, "خرب"},  // 20 times more frequent at 0.5 more cost wins
		{3, 100, "خرب"}, // so does more than 20 times
		{1, 10, "ظرب"},  // 10 times is not enough for 0.5
		{50, 60, "ظرب"}, // similar counts: the closer one
	}
	for _, tt := range freq {
		v := NewVocab([]Entry{{"ظرب", tt.rare}, {"خرب", tt.frequent}})
		if m, ok := v.Suggest("ضرب"); !ok || m.Key != tt.want {
			t.Errorf("counts ظرب %d, خرب %d: Suggest(ضرب) = %v, %v; want %s", tt.rare, tt.frequent, m, ok, tt.want)
		}
	}
	// The budget grows with the word: 1 up to 4 letters, 1.5 up to 7, 2 beyond.
	v = NewVocab([]Entry{{"داعش", 100}, {"تويتر", 100}, {"التنظيم", 100}, {"ديموقراطية", 100}})
	for key, want := range map[string]bool{
		"دعشا":      false, // 1.6 > 1
		"دعس":       false, // 1.6 > 1
		"توتخر":     false, // 1.6 > 1.5
		"تتر":       false,
		"التنضيمم":  true, // 1.5
		"التنضم":    true, // 1.1 ≤ 1.5
		"دموقراطيت": true, // 1.1 ≤ 2
		"ديمقراطيت": true, // 1.6 ≤ 2
	} {
		if _, ok := v.Suggest(key); ok != want {
			t.Errorf("Suggest(%q) found = %v, want %v", key, ok, want)
		}
	}
}

// BenchmarkNear100k measures one Near query against 100,000 synthetic
// Arabic keys of realistic lengths.
func BenchmarkNear100k(b *testing.B) {
	v := NewVocab(syntheticVocab(100000))
	for _, q := range []struct {
		name string
		key  string
	}{
		{"7letters_max2", "التنظيم"},
		{"5letters_max1", "تويتر"},
		{"4letters_max1", "داعش"},
	} {
		b.Run(q.name, func(b *testing.B) {
			max := MaxCost(q.key)
			for b.Loop() {
				v.Near(q.key, max, 20)
			}
		})
	}
	b.Run("suggest_7letters", func(b *testing.B) {
		for b.Loop() {
			v.Suggest("التنضيم")
		}
	})
}

// syntheticVocab draws words of 2 to 12 letters (mostly 4 to 7) with
// roughly the letter frequencies of Arabic text; a third start with ال.
func syntheticVocab(n int) []Entry {
	r := rand.New(rand.NewPCG(42, 42))
	const common = "اااالللييييمممووونننهههررتتتببعددسسفكقحجةةشطصذخثزضغظءأىإئؤآ"
	letters := []rune(common)
	lengths := []int{2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 9, 10, 11, 12}
	entries := make([]Entry, n)
	for i := range entries {
		l := lengths[r.IntN(len(lengths))]
		w := make([]rune, 0, l+2)
		if r.IntN(3) == 0 {
			w = append(w, 'ا', 'ل')
		}
		for len(w) < l {
			w = append(w, letters[r.IntN(len(letters))])
		}
		entries[i] = Entry{string(w), 1 + int(1000/(1+r.ExpFloat64()*50))}
	}
	return entries
}

// TestCostTable checks the invariants the cut-offs rely on.
func TestCostTable(t *testing.T) {
	lowest := int32(plain)
	for i := range indelTab {
		lowest = min(lowest, int32(indelTab[i]))
		for j := range subTab {
			if subTab[i][j] != subTab[j][i] {
				t.Errorf("subTab not symmetric at %d, %d", i, j)
			}
			if i != j && (subTab[i][j] == 0 || subTab[i][j] > plain) {
				t.Errorf("subTab[%d][%d] = %d", i, j, subTab[i][j])
			}
		}
	}
	if lowest != minIndel {
		t.Errorf("cheapest insertion costs %d, minIndel is %d", lowest, minIndel)
	}
	for _, g := range cheapSubs {
		if g.cost > unit/2 {
			t.Errorf("confusion %s costs %d tenths, want 0.5 or less", g.letters, g.cost)
		}
	}
	classes := map[uint64]bool{}
	for _, b := range classBit {
		if b != 0 {
			classes[b] = true
		}
	}
	if len(classes) > classBits {
		t.Errorf("%d letter classes share %d mask bits", len(classes), classBits)
	}
}

// BenchmarkNewVocab builds a vocabulary of 100,000 keys as the engine does,
// from the index's vocabulary (in key order), and from keys in no order.
func BenchmarkNewVocab(b *testing.B) {
	shuffled := syntheticVocab(100000)
	sorted := slices.Clone(shuffled)
	slices.SortFunc(sorted, func(x, y Entry) int { return strings.Compare(x.Key, y.Key) })
	b.Run("in_key_order", func(b *testing.B) {
		for b.Loop() {
			NewVocab(sorted)
		}
	})
	b.Run("unordered", func(b *testing.B) {
		for b.Loop() {
			NewVocab(shuffled)
		}
	})
}

// NewVocab takes a short way with keys already in order (the index's
// vocabulary): it must build the same vocabulary as from keys in any order,
// duplicates merged alike.
func TestNewVocabIsTheSameInAnyOrder(t *testing.T) {
	entries := syntheticVocab(3000)
	entries = append(entries, entries[7], Entry{"", 3}, entries[100])
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(x, y Entry) int { return strings.Compare(x.Key, y.Key) })
	a, b := NewVocab(sorted), NewVocab(entries)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("vocabularies differ: %d keys from ordered entries, %d from unordered", len(a.keys), len(b.keys))
	}
	for i := 1; i < len(a.keys); i++ {
		if a.keys[i] == a.keys[i-1] {
			t.Fatalf("key %q twice", a.keys[i])
		}
	}
}
