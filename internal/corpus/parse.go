package corpus

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad/internal/arabic"
)

// Parse turns one file's bytes into a Document (id = base name without
// extension). Metadata comes only from the text; LoadDir applies the
// manifest on top.
func Parse(id string, raw []byte) (Document, error) {
	doc, err := parse(raw)
	if err != nil {
		return Document{}, fmt.Errorf("corpus: document %s: %w", id, err)
	}
	doc.ID = id
	return doc, nil
}

var errBodyEmpty = errors.New("no body text left after removing title, metadata and furniture")

// parse does the work of Parse; its errors say what is wrong, and the caller
// says which file.
func parse(raw []byte) (Document, error) {
	doc, _, err := parseText(string(raw), false)
	return doc, err
}

// parseText cleans s and extracts the metadata the text states; the
// warnings say what cleaning repaired. With haveTitle (the record has one)
// no title is derived from the text.
func parseText(raw string, haveTitle bool) (Document, []Warning, error) {
	if len(raw) == 0 {
		return Document{}, nil, errors.New("empty file")
	}
	if err := checkNUL(raw); err != nil {
		// Binary; but a bad UTF-8 byte before it is the better diagnosis.
		if err8 := checkUTF8(raw); err8 != nil {
			return Document{}, nil, err8
		}
		return Document{}, nil, err
	}
	s, warns, err := cleanText(raw)
	if err != nil {
		return Document{}, nil, err
	}
	if strings.TrimSpace(s) == "" {
		return Document{}, warns, errors.New("empty file (only white space)")
	}
	lines := cleanLines(s)
	if len(lines) == 0 {
		return Document{}, warns, errBodyEmpty
	}

	var doc Document
	// Category label first: it sits above the title and would otherwise be
	// taken for it.
	if len(lines) > 1 && len(lines[0]) < 64 && sectionLabelSet[matchKey(lines[0])] {
		doc.Category = lines[0]
		lines = lines[1:]
	}
	// Date and source lines: a date may precede the title, a source usually
	// closes the article; the first one found wins, every such line leaves
	// the body.
	// Date lines count only in the header, before the first paragraph of
	// prose: further down a date alone on its line heads a list ("الأحد 26
	// فيفري 2017" over a match schedule) or a chronology, and stays text.
	header := true
	lines = extract(lines, func(l string) bool {
		if !header {
			return false
		}
		d, city, agency, ok := parseDateLineFull(l)
		if ok {
			setIfEmpty(&doc.Date, d)
			setIfEmpty(&doc.Dateline, city)
			setIfEmpty(&doc.Source, agency)
		} else if !isTitleLine(l) {
			header = false
		}
		return ok
	})
	lines = extract(lines, func(l string) bool {
		s, ok := parseSourceLine(l)
		if !ok {
			s, ok = parseCreditLine(l)
		}
		if ok {
			setIfEmpty(&doc.Source, s)
		}
		return ok
	})

	if len(lines) == 0 {
		return Document{}, warns, errBodyEmpty
	}
	_, firstIsByline := parseBylineFull(lines[0])
	hasTitle := len(lines) > 1 && isTitleLine(lines[0]) && !firstIsByline
	if hasTitle {
		doc.Title = lines[0]
		lines = lines[1:]
	}
	// Byline near the top. With a title, short header lines between it and
	// the byline (image alt text, captions) go with it; without one, only a
	// byline on the very first line is trusted.
	window := 1
	if hasTitle {
		window = bylineWindow
	}
	for i := 0; i < len(lines) && i < window; i++ {
		if b, ok := parseBylineFull(lines[i]); ok {
			doc.Author, doc.Dateline = b.author, firstNonEmpty(b.city, doc.Dateline)
			setIfEmpty(&doc.Source, b.source)
			lines = lines[i+1:]
			break
		}
		if !isTitleLine(lines[i]) { // prose: the header block is over
			break
		}
	}

	if len(lines) == 0 {
		return Document{}, warns, errBodyEmpty
	}
	// The lead may open with a wire dateline ("بغداد - (رويترز) - قال …");
	// it stays in the text, its city and agency fill what is missing.
	if dl, ok := parseLeadDateline(lines[0]); ok {
		setIfEmpty(&doc.Source, dl.source)
		setIfEmpty(&doc.Dateline, dl.city)
		setIfEmpty(&doc.Author, dl.author)
	}
	if doc.Date == "" {
		if d, ok := leadDate(lines[0]); ok {
			doc.Date = d
		}
	}
	doc.Text = strings.Join(lines, "\n")
	if doc.Title == "" && !haveTitle {
		doc.Title = deriveTitle(lines[0])
	}
	return doc, warns, nil
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// cleanLines normalises line ends, trims each line (Unicode spaces, so NBSP
// only lines count as blank), drops blank lines and furniture, and collapses
// a line repeated right after itself (a photo caption printed twice as alt
// text and caption) to one occurrence.
func cleanLines(s string) []string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	out := make([]string, 0, strings.Count(s, "\n")/2+1)
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.TrimSpace(l)
		if rest, ok := cutNavPrefix(l); ok {
			l = rest
		}
		l = cutFurnitureTail(l)
		if l == "" || furnitureRule(l) != "" {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == l {
			continue
		}
		out = append(out, l)
	}
	return out
}

// cutNavPrefix removes slider navigation glued before a byline
// ("Next Previous عين اليوم – الرياض").
func cutNavPrefix(l string) (string, bool) {
	for _, p := range navPrefixes {
		if rest, ok := strings.CutPrefix(l, p); ok && (rest == "" || rest[0] == ' ') {
			return strings.TrimSpace(rest), true
		}
	}
	return l, false
}

// cutFurnitureTail removes closing chrome glued to the end of a line (see
// furnitureTails).
func cutFurnitureTail(l string) string {
	for _, m := range furnitureTails {
		i := strings.Index(l, m)
		if i < 0 || wordCount(l[i:], maxTailWords+1) > maxTailWords {
			continue
		}
		return strings.TrimSpace(l[:i])
	}
	return l
}

// navPrefixes are Latin navigation labels a scraper glued to the next line.
var navPrefixes = []string{"Next Previous", "Previous Next"}

// isFurniture reports page chrome (see furnitureRules).
func isFurniture(l string) bool { return furnitureRule(l) != "" }

// furnitureRules are the furniture tests in order; each has the name the
// tests and the rule statistics use.
var furnitureRules = []struct {
	name  string
	match func(l, key string) bool
}{
	{"exact", func(l, k string) bool { return k != "" && len(l) < furnitureKeyBytes && foldedExact[k] }},
	{"prefix", matchFurniturePrefix},
	{"call-to-action", matchFurnitureSuffix},
	{"counter", func(l, _ string) bool { return isCounterLine(l) }},
	{"latin-token", func(l, _ string) bool { return isLatinToken(l) }},
	{"punctuation-only", func(l, _ string) bool { return isPunctLine(l) }},
	{"email-only", func(l, _ string) bool { return isEmailLine(l) }},
	{"sms-box", func(l, _ string) bool { return isSMSLine(l) }},
}

// furnitureRule names the rule that makes l furniture, or "".
func furnitureRule(l string) string {
	k := ""
	if len(l) < furnitureKeyBytes || startsLikeFurniture(l) {
		k = furnitureKey(l)
	}
	for _, r := range furnitureRules {
		if r.match(l, k) {
			return r.name
		}
	}
	return ""
}

// furnitureKey is the start of l in matchKey form without leading bullets
// and decorations ("** جميع المقالات…", "• اقرأ أيضا"). Only the first
// furnitureKeyBytes bytes are folded: every rule that reads the key looks at
// the start of the line, or needs a short line.
func furnitureKey(l string) string {
	return matchKey(headBytes(strings.TrimLeft(l, "*•●■▪-–—>» \u00a0"), furnitureKeyBytes))
}

// startsLikeFurniture: the first letter of l (folded) begins some exact
// entry or prefix. A quick filter so long paragraphs are not folded.
func startsLikeFurniture(l string) bool {
	k := matchKey(headBytes(strings.TrimLeft(l, "*•●■▪-–—>» \u00a0"), 8))
	r, _ := utf8.DecodeRuneInString(k)
	return furnitureStarts[r]
}

var furnitureStarts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, list := range [][]string{furnitureExact, furniturePrefixes, furnitureGluedPrefixes} {
		for _, e := range list {
			r, _ := utf8.DecodeRuneInString(matchKey(e))
			m[r] = true
		}
	}
	return m
}()

// furnitureKeyBytes bounds the folded head of a line; longer than every
// exact entry and prefix.
const furnitureKeyBytes = 128

var (
	sectionLabelSet = foldSet(sectionLabels)
	smsCarrierSet   = foldSet(smsCarriers)
	notCitySet      = foldSet(bylineNotCity)
	foldedExact     = foldSet(furnitureExact)
	foldedPrefixes  = foldList(furniturePrefixes)
	foldedGlued     = foldList(furnitureGluedPrefixes)
	foldedSuffixes  = foldList(furnitureSuffixes)
)

func foldSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, e := range list {
		m[matchKey(e)] = true
	}
	return m
}

func foldList(list []string) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = matchKey(e)
	}
	return out
}

func matchFurniturePrefix(l, k string) bool {
	if k == "" {
		return false
	}
	for _, p := range foldedGlued {
		if strings.HasPrefix(k, p) && wordCount(l, maxFurnitureWords+1) <= maxFurnitureWords {
			return true
		}
	}
	for _, p := range foldedPrefixes {
		if rest, ok := strings.CutPrefix(k, p); ok {
			if rest == "" {
				return true
			}
			r, _ := utf8.DecodeRuneInString(rest)
			if (r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r)) && wordCount(l, maxFurnitureWords+1) <= maxFurnitureWords {
				return true
			}
		}
	}
	return false
}

func matchFurnitureSuffix(l, _ string) bool {
	if wordCount(l, maxSuffixFurnitureWords+1) > maxSuffixFurnitureWords {
		return false
	}
	k := strings.TrimRight(matchKey(l), ".…! ")
	for _, s := range foldedSuffixes {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// wordCount counts the words of s, stopping at limit.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		var sp bool
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			sp = true
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // NBSP
			sp = true
			i++
		}
		if !sp && !in {
			n++
			if n >= limit {
				return n
			}
		}
		in = !sp
	}
	return n
}

// isCounterLine: a view or share counter ("197", "12,450"). One or two
// digits alone are section numbers of an essay ("1", "2") and stay.
func isCounterLine(l string) bool {
	return isNumberLine(l) && len(arabic.ASCIIDigits(l)) >= 3
}

func isNumberLine(l string) bool {
	digits := 0
	for _, r := range l {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == ',' || r == '.' || r == '٬' || r == '٫':
		default:
			return false
		}
	}
	return digits > 0
}

func isLatinToken(l string) bool {
	if len(l) > maxLatinFurniture {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i] | 0x20 // ASCII lower case
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isPunctLine: separators and decorations ("-----", "***", "* *", ".").
func isPunctLine(l string) bool {
	for _, r := range l {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isEmailLine: a contact address alone on its line ("tariq@asharqalawsat.com").
func isEmailLine(l string) bool {
	at := strings.IndexByte(l, '@')
	if at <= 0 || strings.ContainsAny(l, " \t") || !strings.Contains(l[at:], ".") {
		return false
	}
	for i := 0; i < len(l); i++ {
		if l[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSMSLine: the number boxes of an SMS subscription ("737221 - Zain",
// "88591 - Stc", "الاتصالات ,636250 موبايلي, 738303").
func isSMSLine(l string) bool {
	if len(l) > 80 {
		return false
	}
	words := strings.FieldsFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == ',' || r == '،' || r == '–'
	})
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	digits, carrier := 0, false
	for _, w := range words {
		switch {
		case isNumberLine(w):
			digits++
		case smsCarrierSet[strings.ToLower(w)]:
			carrier = true
		default:
			return false
		}
	}
	return digits > 0 && carrier
}

// extract removes the lines match accepts.
func extract(lines []string, match func(string) bool) []string {
	out := lines[:0]
	for _, l := range lines {
		if !match(l) {
			out = append(out, l)
		}
	}
	return out
}

// isTitleLine: short, and not ending like a sentence or a lead-in.
func isTitleLine(l string) bool {
	if wordCount(l, maxTitleWords+1) > maxTitleWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	return !strings.ContainsRune(titleEndsNot, r)
}

// deriveTitle stands in for a missing title line: the first clause of the
// text, at most derivedMaxWords words, and always "…" so a reader can tell
// it was not the author's headline.
func deriveTitle(first string) string {
	first = headBytes(first, 400)
	if i := strings.IndexAny(first, derivedCut); i >= 0 {
		first = first[:i]
	}
	words := strings.Fields(first)
	if len(words) > derivedMaxWords {
		words = words[:derivedMaxWords]
	}
	return strings.Join(words, " ") + ellipsis
}

// parseSourceLine recognises "المصدر : X" and "المصدر: X".
func parseSourceLine(l string) (string, bool) {
	rest, ok := strings.CutPrefix(l, sourcePrefix)
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimSpace(rest), ":")
	if !ok {
		return "", false
	}
	src := strings.TrimRight(strings.TrimSpace(rest), ".")
	if n := len(strings.Fields(src)); n == 0 || n > maxSourceWords {
		return "", false
	}
	return displaySource(src), true
}

// headBytes is the longest prefix of s of at most n bytes that ends on a
// rune boundary.
func headBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// matchKey folds spelling variants that do not change a word for matching:
// hamzated alefs to bare alef, and no tatweel or harakat ("أيضاً" = "ايضا").
// It works on the UTF-8 bytes: every rune it touches is two bytes, D8 xx or
// D9 xx, and the result is the input when nothing needs folding.
func matchKey(s string) string {
	i := 0
	for ; i+1 < len(s); i++ {
		if foldAction(s[i], s[i+1]) != 0 {
			break
		}
	}
	if i+1 >= len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if i+1 < len(s) {
			switch foldAction(s[i], s[i+1]) {
			case 1: // hamzated alef → ا (D8 A7)
				b = append(b, 0xD8, 0xA7)
				i++
				continue
			case 2: // dropped
				i++
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// foldAction: 1 for a hamzated alef (آ أ إ ٱ), 2 for a dropped rune
// (tatweel, harakat U+064B–0652, dagger alef U+0670), 0 otherwise.
func foldAction(c0, c1 byte) int {
	switch c0 {
	case 0xD8:
		if c1 == 0xA2 || c1 == 0xA3 || c1 == 0xA5 {
			return 1
		}
	case 0xD9:
		switch {
		case c1 == 0xB1:
			return 1
		case c1 == 0x80 || (c1 >= 0x8B && c1 <= 0x92) || c1 == 0xB0:
			return 2
		}
	}
	return 0
}

// inFold reports whether l equals an entry of list up to matchKey folding.
func inFold(list []string, l string) bool {
	k := matchKey(l)
	for _, e := range list {
		if matchKey(e) == k {
			return true
		}
	}
	return false
}
