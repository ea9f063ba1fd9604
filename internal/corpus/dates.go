package corpus

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"marsad/internal/arabic"
)

// Dates. Only three places are trusted to state the publication date: a
// line that is only a date ("السبت، 03 نوفمبر 2018 12:00 ص"), a wire
// dateline line ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس") and
// a date right after a publication marker in the first sentence of the
// lead ("… اليوم الثلاثاء 23 فيفري 2016 …"). Any other date in the body is
// an event date and is left alone.

// parseDateLine recognises a line that is only a date, e.g.
// "السبت، 03 نوفمبر 2018 12:00 ص", "٣ تشرين الثاني ٢٠١٨", "21/07/2015" or
// "2015 م", and returns it at the precision stated: "YYYY-MM-DD",
// "YYYY-MM" or "YYYY".
func parseDateLine(l string) (string, bool) {
	d, _, _, ok := parseDateLineFull(l)
	return d, ok
}

// parseDateLineFull is parseDateLine that also accepts a wire dateline: a
// city before the date and an agency after it, as SPA prints them. The city
// is taken only when the line also has an agency or a Hijri date with its
// Gregorian equivalent, so "وصل الرئيس 3 مارس 2015" stays prose.
func parseDateLineFull(l string) (date, city, agency string, ok bool) {
	if len(l) > maxDateLineBytes || !strings.ContainsFunc(l, isDigitAny) {
		return "", "", "", false
	}
	toks := dateTokens(l)
	if len(toks) == 0 || len(toks) > maxDateTokens+6 {
		return "", "", "", false
	}
	if len(toks) <= maxDateTokens {
		if d, ok := parseDateTokens(toks); ok {
			return d, "", "", true
		}
	}
	// Agency at the end: one to three words that name an outlet.
	words := strings.Fields(l)
	for n := min(3, len(words)-1); n >= 1; n-- {
		if c, ok := lookupOutlet(strings.Join(words[len(words)-n:], " ")); ok {
			agency = c
			words = words[:len(words)-n]
			break
		}
	}
	hasEquivalence := false
	for _, t := range toks {
		if t == equivalenceWord {
			hasEquivalence = true
		}
	}
	if agency == "" && !hasEquivalence {
		return "", "", "", false
	}
	// City at the start: up to three plain words before the date.
	k := 0
	for k < len(words) && k < 3 && isPlaceWord(words[k]) {
		k++
	}
	if k == 0 {
		return "", "", "", false
	}
	city = strings.Trim(strings.Join(words[:k], " "), "،,")
	toks = dateTokens(strings.Join(words[k:], " "))
	if len(toks) == 0 || len(toks) > maxDateTokens+4 {
		return "", "", "", false
	}
	d, ok := parseDateTokens(toks)
	if !ok {
		return "", "", "", false
	}
	return d, city, agency, true
}

// maxDateLineBytes keeps date detection to short lines.
const maxDateLineBytes = 200

func isDigitAny(r rune) bool { return unicode.IsDigit(r) }

// isPlaceWord: a word that may be part of a city name before a date.
func isPlaceWord(w string) bool {
	w = strings.TrimRight(w, "،,")
	k := matchKey(w)
	if w == "" || months[k] != 0 || hijriMonths[k] || dayNames[k] != 0 || dateFiller[k] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// dateTokens splits a line into date tokens in matchKey form with ASCII
// digits and Latin lower case; tokens of dashes only ("-") are dropped.
func dateTokens(l string) []string {
	toks := strings.FieldsFunc(arabic.ASCIIDigits(l), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(dateSeparators, r)
	})
	out := toks[:0]
	for _, t := range toks {
		t = strings.Trim(t, ".")
		if strings.Trim(t, "-/") == "" {
			continue
		}
		out = append(out, strings.ToLower(matchKey(t)))
	}
	return out
}

// parseDateTokens parses tokens that are all part of one date; a single
// token that is not (a word of prose) makes it fail.
func parseDateTokens(toks []string) (string, bool) {
	day, month, year, weekday := 0, 0, 0, 0
	hijri := false        // inside a Hijri date: its numbers are not ours
	sawGregorian := false // "م" after the year
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		// Marker glued to the year: "2015م", "1436هـ".
		if num, mark, ok := splitYearMarker(t); ok {
			t = num
			if hijriMarkers[mark] {
				next = mark
			} else {
				sawGregorian = true
			}
		}
		if t == equivalenceWord {
			// What came before was the Hijri (or other) date.
			day, month, year, hijri = 0, 0, 0, false
			continue
		}
		if next != "" {
			two := t + " " + next
			if hijriMonths[two] {
				day, hijri = 0, true
				i++
				continue
			}
			if m, ok := months[two]; ok && month == 0 && !hijri {
				month = m
				i++
				continue
			}
		}
		if hijriMonths[t] {
			day, hijri = 0, true
			continue
		}
		if m, ok := monthToken(t); ok {
			if month != 0 || hijri {
				return "", false
			}
			month = m
			continue
		}
		if hijriMarkers[t] {
			continue
		}
		if gregorianMarkers[t] {
			sawGregorian = true
			continue
		}
		if wd := dayNames[t]; wd != 0 {
			if !hijri {
				weekday = wd
			}
			continue
		}
		if dateFiller[t] || isClock(t) {
			continue
		}
		if d, m, y, ok := numericDate(t); ok {
			if y < minYear || y > maxYear {
				// "4-10-1436" before "الموافق" or "هـ": a Hijri date.
				if next == equivalenceWord || hijriMarkers[next] {
					continue
				}
				return "", false
			}
			if day != 0 || month != 0 || year != 0 {
				return "", false
			}
			day, month, year = d, m, y
			continue
		}
		n, err := strconv.Atoi(t)
		switch {
		case err != nil:
			return "", false // a word that is not part of a date: prose
		case hijri || hijriMarkers[next]:
			continue // a Hijri day or year
		case len(t) == 4 && year == 0 && n >= minYear && n <= maxYear:
			year = n
		case len(t) <= 2 && day == 0 && n >= 1 && n <= 31 && month == 0 && year == 0:
			day = n // the day precedes month and year in Arabic dates
		default:
			return "", false
		}
	}
	if year == 0 {
		return "", false
	}
	if month == 0 {
		if day == 0 && sawGregorian {
			return strconv.Itoa(year), true // "2015 م"
		}
		return "", false
	}
	d, ok := formatDate(year, month, day)
	if ok && day != 0 && weekday != 0 &&
		time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Weekday() != time.Weekday(weekday-1) {
		return "", false // the weekday contradicts the date
	}
	return d, ok
}

// formatDate renders a date at its precision, rejecting days the month
// does not have (31 نوفمبر, 29 فبراير 2015).
func formatDate(year, month, day int) (string, bool) {
	if month == 0 {
		return "", false
	}
	d, ok := DateOfParts(year, month, day)
	return d.String(), ok
}

// monthToken recognises a month name, also the double form of the BBC
// and Al Jazeera ("فبراير/شباط", "أغسطس/آب") when both halves agree.
func monthToken(t string) (int, bool) {
	if m, ok := months[t]; ok {
		return m, true
	}
	a, b, ok := strings.Cut(t, "/")
	if !ok {
		return 0, false
	}
	ma, okA := months[a]
	mb, okB := months[b]
	if okA && okB && ma == mb {
		return ma, true
	}
	return 0, false
}

// splitYearMarker splits "2015م" into "2015", "م", "1436هـ" into "1436",
// "هـ" and "20-7-2015م" into "20-7-2015", "م".
func splitYearMarker(t string) (num, mark string, ok bool) {
	for _, m := range yearMarkers {
		if n, found := strings.CutSuffix(t, m); found && n != "" && n[len(n)-1] >= '0' && n[len(n)-1] <= '9' {
			return n, m, true
		}
	}
	return "", "", false
}

// yearMarkers can be glued to a year; longest first.
var yearMarkers = []string{"هـ", "ه", "م"}

// numericDate parses "21/07/2015", "21-7-2015", "21.07.2015" (day first,
// the Arabic order) and "2015-07-21", "2015/07/21" (ISO order); the year has
// four digits. Month-year "07/2015" is accepted too, with day 0.
func numericDate(t string) (d, m, y int, ok bool) {
	var sep byte
	for i := 0; i < len(t); i++ {
		if c := t[i]; c == '/' || c == '-' || c == '.' {
			sep = c
			break
		} else if c < '0' || c > '9' {
			return 0, 0, 0, false
		}
	}
	if sep == 0 {
		return 0, 0, 0, false
	}
	parts := strings.Split(t, string(sep))
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) == 0 || len(p) > 4 {
			return 0, 0, 0, false
		}
		nums[i] = n
	}
	switch {
	case len(parts) == 3 && len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, m, d = nums[0], nums[1], nums[2]
	case len(parts) == 3 && len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d, m, y = nums[0], nums[1], nums[2]
	case len(parts) == 2 && len(parts[1]) == 4 && len(parts[0]) <= 2 && sep != '.':
		m, y = nums[0], nums[1]
	default:
		return 0, 0, 0, false
	}
	if m < 1 || m > 12 || (len(parts) == 3 && d < 1) {
		return 0, 0, 0, false
	}
	return d, m, y, true
}

// leadDate finds the publication date in the first sentence of the lead:
// a full date (day, month, year) right after "اليوم" (today), e.g.
// "أعلنت الوزارة، اليوم الاثنين 21 يوليو 2015، …". Dates anywhere else,
// and dates without a marker, are event dates.
func leadDate(line string) (string, bool) {
	s := firstSentence(headBytes(line, maxLeadBytes))
	if !strings.Contains(s, "اليوم") || !strings.ContainsFunc(s, isDigitAny) {
		return "", false
	}
	toks := dateTokens(s)
	for i, t := range toks {
		if !publicationMarkers[t] {
			continue
		}
		j := i + 1
		for k := min(len(toks), j+6); k > j+1; k-- {
			if d, ok := parseDateTokens(toks[j:k]); ok && len(d) == len("2006-01-02") {
				return d, true
			}
		}
	}
	return "", false
}

// maxLeadBytes: the first sentence is looked for in this much of the lead.
const maxLeadBytes = 600

// firstSentence cuts a paragraph at its first full stop (not a decimal
// point) or question mark.
func firstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '.':
			if i+1 == len(p) || p[i+1] == ' ' || p[i+1] == '\n' {
				return p[:i]
			}
		case '?':
			return p[:i]
		}
	}
	if i := strings.Index(p, "؟"); i >= 0 {
		return p[:i]
	}
	return p
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
