package entity

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// TestGenerateGazetteers rewrites the imported blocks of data/*.tsv from
// the shared gazetteers. It runs only with MARSAD_GEN_ENTITIES=1 (and the
// shared directory): the curated block of each file, everything before its
// first "#! origin: newsfane" or "#! origin: world-cities" line, is kept.
//
// What is imported, and what is filtered out (see also data/NOTICE):
//
//   - NewsFANE types Nation, Population-Center, State-or-Province,
//     GPE-Cluster, Continent, County-or-District, Land-Region-Natural and
//     Water-Body become places; Non-Governmental, Government, Religious_ORG
//     and Educational organisations; Media media; the person types people.
//     Group (demonyms: العرب، الشيعة), Sports (team names: النصر، الهلال),
//     Commercial, artefacts and the rest are left out.
//   - world-cities: every country, and the cities that are multi-word or
//     of ≥ 1,000,000 inhabitants or attested in the news corpus, with the
//     administrative prefix taken off (ولاية قندهار → قندهار: ولاية is also
//     a "province" of Daesh), and not labels of other things (جامعة،
//     مستشفى، مطار…).
//   - A name with a one-letter word, punctuation, digits or Latin letters
//     (typos and abbreviations: ا فريقيا، د ب ا), or whose first word
//     carries a proclitic (للامم المتحدة) is dropped, and so is a name
//     already in the curated list (any form) or in an earlier entry.
//   - People need two words besides the particles ابو ابن بن عبد ام.
//   - A one-word name is dropped when it is a common word: a stop word, a
//     word the news corpus shows as a common noun (commonWord; four times
//     stricter for the topN most frequent words of daesh-news, which are
//     salient names or common words), or listed in genDenylist.
func TestGenerateGazetteers(t *testing.T) {
	if os.Getenv("MARSAD_GEN_ENTITIES") == "" {
		t.Skip("set MARSAD_GEN_ENTITIES=1 to regenerate the imported blocks of data/*.tsv")
	}
	gaz := filepath.Join(sharedDir(), "gazetteers")

	curated := map[corpus.EntityType]map[string]bool{} // type → file head
	heads := map[corpus.EntityType]string{}
	taken := map[string]bool{} // joined normalized words of every form
	for _, f := range dataFiles {
		if f.typ == typeIgnore {
			continue
		}
		b, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		head := string(b)
		for _, marker := range []string{"#! origin: " + OriginNewsFANE, "#! origin: " + OriginWorldCities} {
			if i := strings.Index(head, marker); i >= 0 {
				head = head[:i]
			}
		}
		heads[f.typ] = strings.TrimRight(head, "\n") + "\n"
		entries, err := Parse(head, f.typ)
		if err != nil {
			t.Fatal(err)
		}
		curated[f.typ] = map[string]bool{}
		for _, e := range entries {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if fm, ok := parseForm(n); ok {
					taken[strings.Join(fm.words, " ")] = true
				}
			}
		}
	}

	type cand struct {
		typ     corpus.EntityType
		origin  string
		raw     string
		words   []string // normalized
		count   int      // NewsFANE count, or population
		pop     int      // world-cities population, 0 for NewsFANE
		country bool
		aliases [][]string
	}
	var raws []*cand
	var dropped = map[string][]string{} // reason → names
	drop := func(reason, name string) { dropped[reason] = append(dropped[reason], name) }

	// NewsFANE.
	b, err := os.ReadFile(filepath.Join(gaz, "newsfane_entities.tsv"))
	if err != nil {
		t.Skipf("gazetteers absent: %v", err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		typ, ok := newsfaneTypes[f[0]]
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(f[2])
		raws = append(raws, &cand{typ: typ, origin: OriginNewsFANE, raw: f[1], count: n})
	}

	// world-cities.
	cf, err := os.Open(filepath.Join(gaz, "world-cities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	rows, err := csv.NewReader(cf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	countries := map[string]bool{}
	for _, row := range rows[1:] {
		country, city := strings.TrimPrefix(row[0], "\ufeff"), row[2]
		pop, _ := strconv.Atoi(row[4])
		if !countries[country] {
			countries[country] = true
			raws = append(raws, &cand{typ: TypePlace, origin: OriginWorldCities, raw: country, count: 1 << 30, country: true})
		}
		if bad := labelWord(city); bad != "" {
			drop("not a place name ("+bad+")", city)
			continue
		}
		raws = append(raws, &cand{typ: TypePlace, origin: OriginWorldCities, raw: stripAdminPrefix(city), count: pop, pop: pop})
	}

	needed := map[string]bool{}
	var cands []*cand
	for _, c := range raws {
		words, why := cleanName(c.raw)
		if why != "" {
			drop(why, c.raw)
			continue
		}
		if c.typ == TypePerson && contentWords(words) < 2 {
			drop("person of one name", c.raw)
			continue
		}
		c.words = words
		for _, w := range words {
			needed[w] = true
		}
		cands = append(cands, c)
	}
	v := newVocab(t, needed)
	placeWords := map[string]bool{} // one-word place names, for genericOrg
	for _, c := range raws {
		if c.typ == TypePlace && len(c.words) == 1 {
			placeWords[c.words[0]] = true
		}
	}
	for k := range taken {
		if !strings.Contains(k, " ") {
			placeWords[k] = true
		}
	}
	raws, cands = cands, nil
	for _, c := range raws {
		words := c.words
		if c.origin == OriginWorldCities && !c.country {
			if attested := v.phrase(words) >= minAttested; !attested && c.pop < 1_000_000 {
				drop("city under 1M inhabitants, not in the news corpus", c.raw)
				continue
			}
			if len(words) == 1 && v.cued[words[0]] == 0 {
				// Attested words include fragments and loanwords
				// (ميديا، يان، هوف): a one-word city must be called a
				// city at least once (مدينة X، بلدة X، محافظة X…).
				drop("one-word city never named as a city in the news corpus", c.raw)
				continue
			}
		}
		if genDenylist[string(c.typ)+" "+strings.Join(words, "_")] {
			drop("denylist", c.raw)
			continue
		}
		if c.typ == TypeOrganization && genericOrg(words, placeWords) {
			drop("generic body without its country (البرلمان، وزارة الخارجية)", c.raw)
			continue
		}
		if len(words) == 1 && !c.country && c.origin == OriginNewsFANE {
			// A one-word place annotated once is often noise (ميديا as a
			// nation, يان as a town); a rare one must be called a place.
			if c.typ == TypePlace && (c.count < 2 || c.count < 5 && v.cued[words[0]] == 0) {
				drop("one-word NewsFANE place seen once, or rare and never named as a place", c.raw)
				continue
			}
		}
		if len(words) == 1 && !c.country {
			if genDenylist[string(c.typ)+" "+words[0]] {
				drop("denylist", c.raw)
				continue
			}
			if arabic.IsStopWord(words[0]) {
				drop("stop word", c.raw)
				continue
			}
			strict := 1.0
			if r := v.rank[words[0]]; r > 0 && r <= topN {
				// A frequent word is either a salient name (العراق، لندن)
				// or a common word (الشعب، يوم): it must pass a test four
				// times stricter.
				strict = 0.25
			}
			if why := v.commonWord(words[0], strict); why != "" {
				if strict < 1 {
					drop(fmt.Sprintf("top %d word of daesh-news, common word", topN), c.raw+" ("+why+")")
					continue
				}
				drop("common word", c.raw+" ("+why+")")
				continue
			}
		}
		cands = append(cands, c)
	}

	// Merge the names that differ only by the article (اليونيفيل، يونيفيل),
	// drop the names already taken, most frequent first.
	slices.SortStableFunc(cands, func(a, b *cand) int { return cmp.Compare(b.count, a.count) })
	var kept []*cand
	byBare := map[string]*cand{}
	for _, c := range cands {
		key := strings.Join(c.words, " ")
		if taken[key] {
			drop("already listed", key)
			continue
		}
		taken[key] = true
		bare := strings.TrimPrefix(key, "ال")
		if prev, ok := byBare[string(c.typ)+"\x00"+bare]; ok {
			prev.aliases = append(prev.aliases, c.words)
			continue
		}
		byBare[string(c.typ)+"\x00"+bare] = c
		kept = append(kept, c)
	}

	out := map[corpus.EntityType]*strings.Builder{}
	counts := map[string]int{}
	for _, origin := range []string{OriginNewsFANE, OriginWorldCities} {
		for _, c := range kept {
			if c.origin != origin {
				continue
			}
			w := out[c.typ]
			if w == nil {
				w = &strings.Builder{}
				out[c.typ] = w
			}
			if counts[string(c.typ)+origin] == 0 {
				fmt.Fprintf(w, "\n#! origin: %s\n", origin)
				fmt.Fprintf(w, "# %s\n", originNotice[origin])
			}
			counts[string(c.typ)+origin]++
			w.WriteString(v.display(c.words))
			for _, a := range c.aliases {
				w.WriteString("\t" + v.display(a))
			}
			w.WriteString("\n")
		}
	}
	for _, f := range dataFiles {
		if f.typ == typeIgnore {
			continue
		}
		body := heads[f.typ]
		if w := out[f.typ]; w != nil {
			body += w.String()
		}
		if err := os.WriteFile(f.file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d newsfane, %d world-cities", f.file, counts[string(f.typ)+OriginNewsFANE], counts[string(f.typ)+OriginWorldCities])
	}
	reasons := make([]string, 0, len(dropped))
	for r := range dropped {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	for _, r := range reasons {
		names := dropped[r]
		t.Logf("dropped %d: %s, e.g. %s", len(names), r, strings.Join(names[:min(len(names), 200)], "، "))
	}
}

// topN: a one-word imported name among the topN most frequent words of
// daesh-news is taken for a common word.
const topN = 2000

// minAttested is how often a city must occur in the news corpus to be
// imported when it is small.
const minAttested = 3

var originNotice = map[string]string{
	OriginNewsFANE:    "Imported from NewsFANE gold annotations (CC BY-SA 3.0), filtered; regenerate with MARSAD_GEN_ENTITIES=1 go test -run TestGenerateGazetteers.",
	OriginWorldCities: "Imported from world-cities (Wikidata, CC BY 4.0), filtered; regenerate with MARSAD_GEN_ENTITIES=1 go test -run TestGenerateGazetteers.",
}

var newsfaneTypes = map[string]corpus.EntityType{
	"Nation": TypePlace, "Population-Center": TypePlace, "State-or-Province": TypePlace,
	"GPE-Cluster": TypePlace, "Continent": TypePlace, "County-or-District": TypePlace,
	"Land-Region-Natural": TypePlace, "Water-Body": TypePlace,
	"Non-Governmental": TypeOrganization, "Government": TypeOrganization,
	"Religious_ORG": TypeOrganization, "Educational": TypeOrganization,
	"Media":      TypeMedia,
	"Politician": TypePerson, "Religious_PER": TypePerson, "Other_PER": TypePerson,
	"Businessperson": TypePerson, "Scientist": TypePerson, "Lawyer": TypePerson,
	"Artist": TypePerson, "Athlete": TypePerson, "Engineer": TypePerson,
}

// genDenylist: one-word names ("type word", normalized) that pass the
// frequency tests but in this corpus are common words or other things more
// often than the entity: القدس the newspaper is the city, الفرنسية "AFP" is
// "French", فارس a name and "knight", الريف "countryside".
var genDenylist = map[string]bool{}

func init() {
	for typ, list := range map[corpus.EntityType]string{
		TypePlace: `بندر بدر تل راس عين جسر بير دير كفر ام ابو بني سيدي جون ديفيد بشار المدينه الريف الباي بارا لينا تارا الحجاز سول الخليج الاناضول المنطقه الخضراء جباله نيبال
			الامل السلام الحريه النصر الوحده سلام امل نور فجر كرم الخير الرحمه العين الباب الميادين الجديد
			المنصوره الصويره العاشر الزهراء الحمراء النهضه الشروق الاتحاد السوق الجبل الوادي البحر القريه`,
		TypeMedia: `العربي الفرنسيه الاتحاد الدستور القدس الراي الديار الوفاق المجله محيط فوكس تايمز سيدتي
			الاوروبيه الرايه بترا سونا قنا الشرق الحياه البيان الاخبار الوطن الجمهوريه الشروق الصباح`,
		TypePerson:       `جون ديفيد بشار صلاح_الدين`,
		TypeOrganization: `فتح الامانه الجمعيه العامه المجلس الحكومه`,
	} {
		for _, w := range strings.Fields(list) {
			genDenylist[string(typ)+" "+w] = true
		}
	}
}

// genericHeads start the names of bodies every state has.
var genericHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields("وزاره الوزاره مجلس المجلس البرلمان الحكومه المحكمه محكمه الجيش الشرطه الخارجيه الداخليه الجمعيه الامانه هييه الهييه لجنه اللجنه مكتب المكتب الكونغرس الكونجرس الديوان ديوان صندوق") {
		genericHeads[w] = true
	}
}

// genericOrg reports whether an organisation name of one or two words is
// the name of a body every state has (البرلمان، وزارة الخارجية، مجلس
// النواب): a second word that names a nationality (الجيش الإسرائيلي,
// الحكومة العراقية) makes it specific.
func genericOrg(words []string, places map[string]bool) bool {
	if len(words) > 2 || !genericHeads[words[0]] {
		return false
	}
	if len(words) == 1 {
		return true
	}
	adj := strings.TrimPrefix(words[1], "ال")
	for _, suf := range []string{"يه", "ي"} {
		if stem, ok := strings.CutSuffix(adj, suf); ok {
			for _, p := range []string{stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ستان", "ال" + stem + "ا"} {
				if places[p] {
					return false
				}
			}
		}
	}
	return true
}

// adminPrefixes are taken off a world-cities name.
var adminPrefixes = []string{"ولاية ", "محافظة ", "مقاطعة ", "منطقة ", "مركز ", "مدينة ", "بلدية ", "ناحية ", "قضاء ", "إقليم ", "اقليم "}

func stripAdminPrefix(name string) string {
	for _, p := range adminPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return rest
		}
	}
	return name
}

// labelWord returns a word that shows a world-cities label names something
// other than the city (a university, a hospital, a junction).
func labelWord(name string) string {
	for _, w := range []string{"جامعة", "مستشفى", "مستشفي", "مثلث", "مطار", "شارع", "ميناء", "محطة", "قاعدة", "سجن", "فندق", "مسجد", "كنيسة", "قلعة", "ملعب", "حديقة"} {
		if strings.Contains(name, w) {
			return w
		}
	}
	return ""
}

// cleanName normalizes a gazetteer name into words, or says why it is not
// a usable name.
func cleanName(raw string) ([]string, string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, "empty"
	}
	if strings.ContainsAny(raw, ".\"'()«»-–_/0123456789٠١٢٣٤٥٦٧٨٩,،") {
		return nil, "punctuation or digits"
	}
	var words []string
	for _, tok := range arabic.Tokenize(raw) {
		w := arabic.Normalize(tok.Text)
		if w == "" {
			continue
		}
		if w[0] < 0x80 {
			return nil, "Latin letters"
		}
		if len(w) <= 2 {
			return nil, "one-letter word"
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return nil, "empty"
	}
	first := words[0]
	if strings.HasPrefix(first, "لل") || strings.HasPrefix(first, "وال") || strings.HasPrefix(first, "بال") {
		return nil, "proclitic on the first word"
	}
	return words, ""
}

// contentWords counts the words of a person's name besides the particles.
func contentWords(words []string) int {
	n := 0
	for _, w := range words {
		switch w {
		case "ابو", "ابن", "بن", "بنت", "عبد", "ام", "ال", "ابي":
		default:
			n++
		}
	}
	return n
}

// vocab holds word counts of the corpora, for the common-word tests.
type vocab struct {
	rank map[string]int // daesh-news rank of a normalized word, 1 = most frequent
	// news: counts of normalized words in news-70k and daesh-news, keyed
	// by the word without its proclitics و ف ب ك ل.
	news map[string]int
	// surface: the most frequent original spelling of a normalized word.
	surface map[string]string
	bigram  map[string]int
	// cued counts a word after a place noun (مدينة، بلدة، قرية، محافظة…).
	cued map[string]int
}

// placeCues are the normalized nouns that introduce a place name.
var placeCues = map[string]bool{}

func init() {
	for _, w := range strings.Fields("مدينه بلده قريه محافظه ولايه عاصمه العاصمه بلدات مدن قري مدينتي اقليم") {
		placeCues[w] = true
	}
}

func newVocab(t *testing.T, needed map[string]bool) *vocab {
	v := &vocab{rank: map[string]int{}, news: map[string]int{}, surface: map[string]string{}, bigram: map[string]int{}, cued: map[string]int{}}
	daesh := corpusTexts(t, "daesh-news.jsonl.gz", 0)
	counts := map[string]int{}
	for _, text := range daesh {
		for _, tok := range arabic.Tokenize(text) {
			counts[arabic.Normalize(tok.Text)]++
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b)) })
	for i, w := range words {
		v.rank[w] = i + 1
	}
	surf := map[string]map[string]int{}
	news := corpusTexts(t, "news-70k.jsonl.gz", 0)
	var ks [4]string
	var levels [4]uint8
	for _, text := range append(news, daesh...) {
		prev := ""
		for _, tok := range arabic.Tokenize(text) {
			w := arabic.Normalize(tok.Text)
			n := keys(w, &ks, &levels)
			for i := 0; i < n; i++ {
				v.news[ks[i]]++
			}
			if !needed[w] {
				prev = w
				continue
			}
			if prev != "" {
				base := prev
				if n := keys(prev, &ks, &levels); n > 1 {
					base = ks[n-1]
				}
				if placeCues[base] || placeCues[prev] {
					v.cued[w]++
				}
			}
			if prev != "" && needed[prev] {
				v.bigram[prev+" "+w]++
			}
			prev = w
			if surf[w] == nil {
				surf[w] = map[string]int{}
			}
			surf[w][tok.Text]++
		}
	}
	for w, m := range surf {
		best, bn := "", 0
		for s, n := range m {
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		v.surface[w] = best
	}
	return v
}

// phrase returns how often the words occur in the news corpora (one word:
// with or without proclitics; two words: as a bigram; more: the rarest
// bigram).
func (v *vocab) phrase(words []string) int {
	if len(words) == 1 {
		return v.news[words[0]]
	}
	n := -1
	for i := 0; i+1 < len(words); i++ {
		if c := v.bigram[words[i]+" "+words[i+1]]; n < 0 || c < n {
			n = c
		}
	}
	return n
}

// commonWord reports why a one-word name is a common word: a proper name
// rarely changes its article or takes a possessive. For الX, the corpus
// shows X bare or with a pronoun (حرية، حريته for الحرية); for X, it shows
// الX or X with a pronoun (الأمل، أمله for أمل).
func (v *vocab) commonWord(w string, strict float64) string {
	pron := func(x string) int {
		stem := x
		if strings.HasSuffix(stem, "ه") {
			stem = stem[:len(stem)-2] + "ت" // ة is written ت before a pronoun
		}
		n := 0
		for _, p := range []string{"ه", "ها", "هم", "نا", "كم"} {
			n += v.news[stem+p]
		}
		return n
	}
	if bare, ok := strings.CutPrefix(w, "ال"); ok && len(bare) >= 4 {
		art := v.news[w]
		other := v.news[bare] + pron(bare)
		if art > 0 && float64(other) > strict*0.5*float64(art) {
			return fmt.Sprintf("%s %d× beside %s %d×", bare, other, w, art)
		}
		return ""
	}
	self := v.news[w]
	other := v.news["ال"+w] + pron(w)
	if self > 0 && float64(other) > strict*0.2*float64(self) {
		return fmt.Sprintf("ال%s or with a pronoun %d× beside %d×", w, other, self)
	}
	return ""
}

// display spells normalized words as the corpus most often writes them.
func (v *vocab) display(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		if s, ok := v.surface[w]; ok && arabic.Normalize(s) == w && !strings.ContainsAny(s, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640") {
			out[i] = s
		} else {
			out[i] = w
		}
	}
	return strings.Join(out, " ")
}
