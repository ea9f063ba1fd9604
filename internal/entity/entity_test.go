package entity

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"marsad/internal/corpus"

	"marsad/internal/testcorpus"
)

func testTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// names renders tags as "name×count" for messages.
func names(es []corpus.Entity) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s×%d ", e.Name, e.Count)
	}
	return b.String()
}

func count(es []corpus.Entity, name string) int {
	for _, e := range es {
		if e.Name == name {
			return e.Count
		}
	}
	return 0
}

// TestMatchingRules: one case per rule. want lists canonical names with
// their counts; absent lists names that must not be tagged.
func TestMatchingRules(t *testing.T) {
	tg := testTagger(t)
	cases := []struct {
		rule, text string
		want       map[string]int
		absent     []string
	}{
		{"proclitics ب و ل", "نشر بتويتر وتويتر ولتويتر", map[string]int{"تويتر": 3}, nil},
		{"listed article variant", "حساب والتويتر والفيسبوك", map[string]int{"تويتر": 1, "فيسبوك": 1}, nil},
		{"clitics on a name", "هجوم لداعش وداعش فداعش", map[string]int{"داعش": 3}, nil},
		{"clitic on a multi-word name", "تصدى وتنظيم الدولة ولتنظيم الدولة", map[string]int{"داعش": 2}, []string{"الدولة"}},
		{"لل = ل + ال", "انتصار للعراق وللعراق", map[string]int{"العراق": 2}, nil},
		{"radical ل kept", "زار لبنان وللبنان", map[string]int{"لبنان": 2}, nil},
		{"two-word spelling", "نشر على فيس بوك وفيسبوك", map[string]int{"فيسبوك": 2}, nil},
		{"spelling variants", "تلجرام وتليجرام وتيليجرام وتلغرام", map[string]int{"تليجرام": 4}, nil},
		{"orthography folded", "أمريكا وامريكا وأميركا والولايات المتحدة الأمريكية", map[string]int{"الولايات المتحدة": 4}, nil},
		{"harakat and tatweel", "تُوِيتَر وتويـــتر", map[string]int{"تويتر": 2}, nil},
		{"longest match", "الدولة الإسلامية في العراق والشام", map[string]int{"داعش": 1}, []string{"العراق", "بلاد الشام"}},
		{"longest match with place inside", "الجيش السوري والجيش العراقي", map[string]int{"الجيش السوري": 1, "الجيش العراقي": 1}, []string{"العراق", "سوريا"}},
		{"Latin names", "ISIS and Daesh on Twitter and twitter", map[string]int{"داعش": 2, "تويتر": 2}, nil},
		{"short capitals keep their case", "this IS it, is it", map[string]int{"داعش": 1}, nil},
		{"hashtag words", "وسم #الدولة_الإسلامية و#داعش", map[string]int{"داعش": 2}, nil},
		{"no match across a full stop", "قال تنظيم. الدولة الحديثة", nil, []string{"داعش"}},
		{"life is not al-Hayat", "الحياة اليومية في الموصل", map[string]int{"الموصل": 1}, []string{"مركز الحياة للإعلام"}},
		{"full outlet name", "بثت مؤسسة الحياة إصدارا", map[string]int{"مركز الحياة للإعلام": 1}, nil},
		{"depths are not Amaq", "من أعماق البحر", nil, []string{"وكالة أعماق"}},
		{"the statement is not al-Bayan", "البيان الختامي", nil, []string{"إذاعة البيان"}},
		{"a base is not al-Qaeda", "القاعدة الجوية وتنظيم القاعدة", map[string]int{"القاعدة": 1}, nil},
		{"an account is not al-Nusra", "حساب النصرة المقدسية وجبهة النصرة", map[string]int{"جبهة النصرة": 1}, nil},
		{"victory is not al-Nusra", "حقق النصر", nil, []string{"جبهة النصرة"}},
		{"adjective is not the country", "الجيش السوري والشعب السوري", map[string]int{"الجيش السوري": 1}, []string{"سوريا"}},
		{"common words do not tag", "يوم الحرية والسلام والأمل في الحياة", nil, []string{"الحرية", "السلام", "أمل", "يوم"}},
		{"ك is not a proclitic", "دورا كبيرا كما", nil, []string{"بئرا"}},
		{"seed run-together word", "كشفت الولاياتالمتحدة عن خطة", map[string]int{"الولايات المتحدة": 1}, nil},
	}
	for _, c := range cases {
		got := tg.Tag(c.text)
		for name, n := range c.want {
			if g := count(got, name); g != n {
				t.Errorf("%s: %q: %s ×%d, want ×%d (got %s)", c.rule, c.text, name, g, n, names(got))
			}
		}
		for _, name := range c.absent {
			if count(got, name) > 0 {
				t.Errorf("%s: %q: %s tagged (got %s)", c.rule, c.text, name, names(got))
			}
		}
	}
}

func TestTagOrderAndTypes(t *testing.T) {
	tg := testTagger(t)
	got := tg.Tag("تويتر وداعش وداعش وفيسبوك وبغداد وأبو بكر البغدادي والجزيرة")
	want := []corpus.Entity{
		{Type: TypeOrganization, Name: "داعش", Count: 2},
		{Type: TypePerson, Name: "أبو بكر البغدادي", Count: 1},
		{Type: TypePlace, Name: "بغداد", Count: 1},
		{Type: TypePlatform, Name: "تويتر", Count: 1},
		{Type: TypePlatform, Name: "فيسبوك", Count: 1},
		{Type: TypeMedia, Name: "قناة الجزيرة", Count: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if tg.Tag("") != nil || tg.Tag("نص بلا أسماء") != nil {
		t.Error("text without names must give nil")
	}
}

func TestResolve(t *testing.T) {
	tg := testTagger(t)
	for _, c := range []struct {
		q, name string
		typ     corpus.EntityType
	}{
		{"تويتر", "تويتر", TypePlatform},
		{"بتويتر", "تويتر", TypePlatform},
		{"Twitter", "تويتر", TypePlatform},
		{"twitter", "تويتر", TypePlatform},
		{"فيس بوك", "فيسبوك", TypePlatform},
		{"تلجرام", "تليجرام", TypePlatform},
		{"isis", "داعش", TypeOrganization},
		{"تنظيم الدولة", "داعش", TypeOrganization},
		{"وتنظيم الدولة", "داعش", TypeOrganization},
		{"داعش", "داعش", TypeOrganization},
		{"أعماق للأنباء", "وكالة أعماق", TypeMedia},
		{"الموصل", "الموصل", TypePlace},
		{"البغدادي", "أبو بكر البغدادي", TypePerson},
	} {
		e, ok := tg.Resolve(c.q)
		if !ok || e.Name != c.name || e.Type != c.typ {
			t.Errorf("Resolve(%q) = %+v, %v; want %s (%s)", c.q, e, ok, c.name, c.typ)
		}
	}
	for _, q := range []string{"", "الحياة", "تنظيم", "النصرة المقدسية", "داعش تويتر"} {
		if e, ok := tg.Resolve(q); ok {
			t.Errorf("Resolve(%q) = %+v, want none", q, e)
		}
	}
}

func TestNew(t *testing.T) {
	tg, err := New([]Entry{
		{Type: TypePlace, Name: "باريس", Aliases: []string{"Paris"}, Origin: OriginCurated},
		{Type: TypePerson, Name: "باريس هيلتون", Origin: OriginCurated},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := tg.Tag("زارت باريس هيلتون باريس وParis")
	if count(got, "باريس") != 2 || count(got, "باريس هيلتون") != 1 {
		t.Errorf("got %s", names(got))
	}
	if _, err := New([]Entry{{Type: TypePlace, Name: " "}}); err == nil {
		t.Error("New accepted an entry without a name")
	}
}

// seedWant lists, for each seed article, entities its tags must include
// (read from the articles) and names that must not appear.
var seedWant = map[string]struct {
	top  string // the most mentioned entity
	must []string
	not  []string
}{
	"000_7fa01f341305d679": {"داعش", []string{"أنونيموس", "تويتر", "تليجرام", "فيسبوك", "سيناء", "باريس", "روسيا", "فرنسا", "الولايات المتحدة", "الكويت", "عمان", "الأزهر", "بوابة الوفد", "صبرة القاسمي", "الجبهة الوسطية لمواجهة الفكر التكفيري"}, []string{"التحالف الدولي"}},
	"001_c483dde8c62f1c3b": {"داعش", []string{"سوريا", "العراق", "تويتر", "فيسبوك", "تليجرام", "وكالة أعماق", "مؤسسة الفرقان", "مركز الحياة للإعلام", "موقع إصدارات", "التحالف الدولي", "يوروبول", "دمشق", "حلب", "الرقة", "منبج", "جرابلس", "دابق", "تدمر", "دير الزور", "كوباني", "تكريت", "الرمادي", "الموصل", "تلعفر", "روسيا", "الولايات المتحدة"}, []string{"مجلة دابق"}},
	"002_42e37f6622a20da9": {"داعش", []string{"تويتر", "فيسبوك", "قناة الجزيرة", "العراق", "بغداد", "الفلوجة", "سيف الخياط", "هشام الهاشمي", "زاهر موسى", "زياد العجيلي", "مرصد الحريات الصحفية"}, nil},
	"003_86d0032281bea5ec": {"داعش", []string{"تويتر", "الولايات المتحدة", "ترجمان الأساورتي", "المرصد السوري لحقوق الإنسان", "وحدات حماية الشعب", "الحسكة", "القامشلي", "الجيش التركي", "سليمان شاه", "هاني السباعي", "القاعدة", "أحمد القاسم", "جبهة النصرة", "سوريا"}, nil},
	"004_5f3415fee05059e7": {"داعش", []string{"الشرق الأوسط", "أفريقيا", "الصومال", "أفغانستان", "الباغوز", "وكالة ناشر"}, nil},
}

func TestSeeds(t *testing.T) {
	tg := testTagger(t)
	files, err := filepath.Glob(filepath.Join(testcorpus.SeedDir(), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("seed articles absent (web/corpus/*.txt)")
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		want, ok := seedWant[id]
		if !ok {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := tg.Tag(string(b))
		if len(got) == 0 || got[0].Name != want.top {
			t.Errorf("%s: top entity is not %s: %s", id, want.top, names(got))
		}
		for _, n := range want.must {
			if count(got, n) == 0 {
				t.Errorf("%s: %s missing: %s", id, n, names(got))
			}
		}
		for _, n := range want.not {
			if count(got, n) > 0 {
				t.Errorf("%s: %s tagged: %s", id, n, names(got))
			}
		}
	}
}

// allowedShared lists names deliberately shared by two entries (none yet):
// "normalized words" → true.
var allowedShared = map[string]bool{}

// TestDataFiles lints the embedded data: every line well-formed, every
// canonical name non-empty, the origin of every block known, and no name
// (after normalization) shared by two entries.
func TestDataFiles(t *testing.T) {
	owner := map[string]string{}
	files, err := fs.Glob(dataFS, "data/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range dataFiles {
		listed[f.file] = true
	}
	for _, f := range files {
		if !listed[f] {
			t.Errorf("%s is not listed in dataFiles", f)
		}
	}
	if _, err := fs.Stat(dataFS, "data/NOTICE"); err != nil {
		t.Error("data/NOTICE missing")
	}
	total := 0
	for _, df := range dataFiles {
		b, err := fs.ReadFile(dataFS, df.file)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if line != strings.TrimSpace(line) || strings.Contains(line, "\t\t") || strings.Contains(line, "  ") {
				t.Errorf("%s:%d: stray spaces or empty field: %q", df.file, n+1, line)
			}
		}
		entries, err := Parse(string(b), df.typ)
		if err != nil {
			t.Errorf("%s: %v", df.file, err)
			continue
		}
		for _, e := range entries {
			total++
			switch e.Origin {
			case OriginCurated, OriginNewsFANE, OriginWorldCities:
			default:
				t.Errorf("%s: %s: unknown origin %q", df.file, e.Name, e.Origin)
			}
			if strings.TrimSpace(e.Name) == "" {
				t.Errorf("%s: empty canonical name", df.file)
			}
			mine := map[string]bool{}
			for _, name := range append([]string{e.Name}, e.Aliases...) {
				f, ok := parseForm(name)
				if !ok {
					t.Errorf("%s: %s: name %q has no words", df.file, e.Name, name)
					continue
				}
				key := strings.Join(f.words, " ")
				if f.caseText != "" {
					key = f.caseText
				}
				if mine[key] {
					t.Errorf("%s: %s: %q listed twice", df.file, e.Name, name)
				}
				mine[key] = true
				who := string(e.Type) + ": " + e.Name
				if prev, ok := owner[key]; ok && prev != who && !allowedShared[key] {
					t.Errorf("%q names both %s and %s", name, prev, who)
				}
				owner[key] = who
			}
		}
	}
	if total < 100 {
		t.Errorf("only %d entries", total)
	}
}

// TestPrecisionSample prints 100 tags drawn at random from daesh-news,
// with their context, for a person to judge (MARSAD_ENTITY_SAMPLE=1;
// MARSAD_ENTITY_SAMPLE=imported draws among imported entries only).
func TestPrecisionSample(t *testing.T) {
	mode := os.Getenv("MARSAD_ENTITY_SAMPLE")
	if mode == "" {
		t.Skip("set MARSAD_ENTITY_SAMPLE=1 (or =imported) to print a sample of tags to judge")
	}
	tg := testTagger(t)
	type hit struct {
		ctx string
		e   Entry
	}
	var hits []hit
	for _, text := range corpusTexts(t, "daesh-news.jsonl.gz", 0) {
		for _, m := range tg.Mentions(text) {
			if mode == "imported" && m.Entry.Origin == OriginCurated {
				continue
			}
			a, b := max(0, m.Start-60), min(len(text), m.End+60)
			for a > 0 && text[a]&0xC0 == 0x80 {
				a--
			}
			for b < len(text) && text[b]&0xC0 == 0x80 {
				b++
			}
			ctx := strings.ReplaceAll(text[a:m.Start]+"[["+text[m.Start:m.End]+"]]"+text[m.End:b], "\n", " ")
			hits = append(hits, hit{ctx, m.Entry})
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	t.Logf("%d tags", len(hits))
	for i, k := range r.Perm(len(hits))[:min(100, len(hits))] {
		h := hits[k]
		t.Logf("%3d %s/%s (%s): %s", i+1, h.e.Type, h.e.Name, h.e.Origin, h.ctx)
	}
}
