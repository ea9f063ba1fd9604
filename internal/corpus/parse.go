package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
	if err := checkBytes(raw); err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(string(raw)) == "" {
		return Document{}, errors.New("empty file (only white space)")
	}
	lines := cleanLines(string(raw))
	if len(lines) == 0 {
		return Document{}, errBodyEmpty
	}

	var doc Document
	// Category label first: it sits above the title and would otherwise be
	// taken for it.
	if len(lines) > 1 && inFold(sectionLabels, lines[0]) {
		doc.Category = lines[0]
		lines = lines[1:]
	}
	// Date and source lines are recognised wherever they are (a date may
	// precede the title, a source usually closes the article); the first one
	// found wins, every such line leaves the body.
	lines = extract(lines, func(l string) bool {
		d, ok := parseDateLine(l)
		if ok && doc.Date == "" {
			doc.Date = d
		}
		return ok
	})
	lines = extract(lines, func(l string) bool {
		s, ok := parseSourceLine(l)
		if ok && doc.Source == "" {
			doc.Source = s
		}
		return ok
	})

	if len(lines) == 0 {
		return Document{}, errBodyEmpty
	}
	_, _, firstIsByline := parseByline(lines[0])
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
		if author, city, ok := parseByline(lines[i]); ok {
			doc.Author, doc.Dateline = author, city
			lines = lines[i+1:]
			break
		}
		if !isTitleLine(lines[i]) { // prose: the header block is over
			break
		}
	}

	if len(lines) == 0 {
		return Document{}, errBodyEmpty
	}
	doc.Text = strings.Join(lines, "\n")
	if doc.Title == "" {
		doc.Title = deriveTitle(lines[0])
	}
	return doc, nil
}

// checkBytes rejects what is not UTF-8 text, naming the first bad byte so a
// broken file can be fixed by hand.
func checkBytes(raw []byte) error {
	if len(raw) == 0 {
		return errors.New("empty file")
	}
	if !utf8.Valid(raw) {
		for off := 0; off < len(raw); {
			r, n := utf8.DecodeRune(raw[off:])
			if r == utf8.RuneError && n <= 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d (0x%02x)", off, raw[off])
			}
			off += n
		}
	}
	// Valid UTF-8 can still be binary (NUL-padded, packed data): text files
	// hold no C0 controls other than tab and line ends.
	for off, r := range string(raw) {
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || r == 0x7f {
			return fmt.Errorf("binary content: control character 0x%02x at byte %d", r, off)
		}
	}
	return nil
}

// cleanLines normalises line ends, trims each line (Unicode spaces, so NBSP
// only lines count as blank), drops blank lines and furniture, and collapses
// a line repeated right after itself (a photo caption printed twice as alt
// text and caption) to one occurrence.
func cleanLines(s string) []string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || isFurniture(l) {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == l {
			continue
		}
		out = append(out, l)
	}
	return out
}

// isFurniture reports page chrome: listed lines and prefixes, view counters
// (a line that is only a number) and stray short Latin tokens.
func isFurniture(l string) bool {
	if inFold(furnitureExact, l) {
		return true
	}
	k := matchKey(l)
	for _, p := range furniturePrefixes {
		p = matchKey(p)
		if rest, ok := strings.CutPrefix(k, p); ok {
			if rest == "" || rest[0] == ':' || rest[0] == ' ' {
				return true
			}
		}
	}
	return isNumberLine(l) || isLatinToken(l)
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
	if len(strings.Fields(l)) > maxTitleWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	return !strings.ContainsRune(titleEndsNot, r)
}

// deriveTitle stands in for a missing title line: the first clause of the
// text, at most derivedMaxWords words, and always "…" so a reader can tell
// it was not the author's headline.
func deriveTitle(first string) string {
	if i := strings.IndexAny(first, derivedCut); i >= 0 {
		first = first[:i]
	}
	words := strings.Fields(first)
	if len(words) > derivedMaxWords {
		words = words[:derivedMaxWords]
	}
	return strings.Join(words, " ") + ellipsis
}

// parseByline recognises "Name-City" ("أحمد الأنباري-بغداد").
func parseByline(l string) (author, city string, ok bool) {
	i := strings.IndexAny(l, bylineHyphens)
	if i < 0 {
		return "", "", false
	}
	_, n := utf8.DecodeRuneInString(l[i:])
	name, place := strings.Fields(l[:i]), strings.Fields(l[i+n:])
	if len(name) < bylineMinName || len(name) > bylineMaxName ||
		len(place) < 1 || len(place) > bylineMaxCity {
		return "", "", false
	}
	for _, w := range append(name, place...) {
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				return "", "", false // punctuation, digits or a second hyphen
			}
		}
	}
	return strings.Join(name, " "), strings.Join(place, " "), true
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
	return src, true
}

// parseDateLine recognises a line that is only a date in words, e.g.
// "السبت، 03 نوفمبر 2018 12:00 ص" or "٣ تشرين الثاني ٢٠١٨", and returns it
// as "YYYY-MM-DD" or, without a day, "YYYY-MM".
func parseDateLine(l string) (string, bool) {
	tokens := strings.FieldsFunc(asciiDigits(l), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(dateSeparators, r)
	})
	if len(tokens) == 0 || len(tokens) > maxDateTokens {
		return "", false
	}
	day, month, year := 0, 0, 0
	for i := 0; i < len(tokens); i++ {
		t := strings.ToLower(matchKey(tokens[i]))
		if i+1 < len(tokens) { // two-word months: "كانون الثاني"
			if m, ok := months[t+" "+matchKey(tokens[i+1])]; ok && month == 0 {
				month = m
				i++
				continue
			}
		}
		if m, ok := months[t]; ok && month == 0 {
			month = m
			continue
		}
		if dateFiller[t] || isClock(t) {
			continue
		}
		n, err := strconv.Atoi(t)
		switch {
		case err != nil:
			return "", false // a word that is not part of a date: prose
		case len(t) == 4 && year == 0 && n >= 1000:
			year = n
		case len(t) <= 2 && day == 0 && n >= 1 && n <= 31 && month == 0 && year == 0:
			day = n // the day precedes month and year in Arabic dates
		default:
			return "", false
		}
	}
	if month == 0 || year == 0 {
		return "", false
	}
	if day == 0 {
		return fmt.Sprintf("%04d-%02d", year, month), true
	}
	if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Day() != day {
		return "", false // 31 نوفمبر
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

// isClock accepts "12:00" and "12:00:30".
func isClock(t string) bool {
	parts := strings.Split(t, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil || len(p) == 0 || len(p) > 2 {
			return false
		}
	}
	return true
}

// asciiDigits maps Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹)
// digits to ASCII so one number parser serves both.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
}

// matchKey folds spelling variants that do not change a word for matching:
// hamzated alefs to bare alef, and no tatweel or harakat ("أيضاً" = "ايضا").
func matchKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			return 'ا'
		case r == 'ـ' || (r >= 0x064B && r <= 0x0652) || r == 0x0670:
			return -1
		}
		return r
	}, s)
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
