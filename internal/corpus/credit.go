package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines, credit lines and wire datelines: the places where a text names
// its author, its city and the outlet or agency it comes from. An outlet is
// only taken from these patterns, never from a mention in a sentence.

// byline is what a byline line states.
type byline struct{ author, city, source string }

// parseByline recognises "Name-City" ("أحمد الأنباري-بغداد").
func parseByline(l string) (author, city string, ok bool) {
	b, ok := parseBylineFull(l)
	if !ok || b.source != "" {
		return "", "", false
	}
	return b.author, b.city, true
}

// parseBylineFull recognises a byline line:
//
//	أحمد الأنباري-بغداد         author, city
//	عين اليوم – الرياض          outlet, city
//	عمر إبراهيم – عين اليوم      author, outlet
//	سلوى سعد – متابعات          author (the kind of report is not a city)
//	كتب: محمد علي / بقلم: …     author (optionally " - City")
func parseBylineFull(l string) (byline, bool) {
	if len(l) > 120 {
		return byline{}, false
	}
	if b, ok := parseAuthorMarker(l); ok {
		return b, true
	}
	left, right, ok := splitDash(l)
	if !ok {
		return byline{}, false
	}
	lw, rw := strings.Fields(left), strings.Fields(right)
	if !plainWords(lw) || !plainWords(rw) || len(lw) == 0 || len(rw) == 0 {
		return byline{}, false // punctuation, digits or a second hyphen
	}
	lo, lIsOutlet := lookupOutlet(left)
	ro, rIsOutlet := lookupOutlet(right)
	switch {
	case lIsOutlet && (rIsOutlet || notCitySet[matchKey(right)]):
		return byline{source: lo}, true
	case lIsOutlet && len(rw) <= bylineMaxCity:
		return byline{source: lo, city: right}, true
	case rIsOutlet && isNameWords(lw):
		return byline{author: left, source: ro}, true
	case isNameWords(lw) && notCitySet[matchKey(right)]:
		return byline{author: left}, true
	case isNameWords(lw) && len(rw) <= bylineMaxCity:
		return byline{author: strings.Join(lw, " "), city: strings.Join(rw, " ")}, true
	}
	return byline{}, false
}

// authorMarkersByLength is authorMarkers in matchKey form, longest first
// so "بقلم الكاتب" wins over "بقلم".
var authorMarkersByLength = func() []string {
	out := foldList(authorMarkers)
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// parseAuthorMarker: "كتب: فلان الفلاني", "بقلم فلان الفلاني - القاهرة".
// Only "بقلم" may go without a colon; "كتب الرئيس رسالة" is prose.
func parseAuthorMarker(l string) (byline, bool) {
	k := matchKey(l)
	for _, m := range authorMarkersByLength {
		rest, ok := strings.CutPrefix(k, m)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		colon := strings.HasPrefix(rest, ":")
		if !colon && !strings.HasPrefix(m, "بقلم") {
			return byline{}, false
		}
		if !colon && len(rest) == len(k)-len(m) { // "بقلمه": not the marker
			return byline{}, false
		}
		rest = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
		// rest is in matchKey form; take the same words from the original.
		words := strings.Fields(l)
		n := len(strings.Fields(rest))
		if n == 0 || n > len(words) {
			return byline{}, false
		}
		orig := strings.Join(words[len(words)-n:], " ")
		var b byline
		name, city, hasCity := splitDash(orig)
		if !hasCity {
			name = orig
		}
		nw := strings.Fields(name)
		if !isNameWords(nw) {
			return byline{}, false
		}
		b.author = strings.Join(nw, " ")
		if hasCity {
			cw := strings.Fields(city)
			if !plainWords(cw) || len(cw) == 0 || len(cw) > bylineMaxCity {
				return byline{}, false
			}
			b.city = strings.Join(cw, " ")
		}
		return b, true
	}
	return byline{}, false
}

// splitDash splits l at its dash: one of bylineHyphens, or a tatweel
// between spaces ("خالد الفرج ـ عنيزة").
func splitDash(l string) (left, right string, ok bool) {
	i := strings.IndexAny(l, bylineHyphens)
	n := 0
	if i >= 0 {
		_, n = utf8.DecodeRuneInString(l[i:])
	}
	if j := strings.Index(l, tatweelDash); j >= 0 && (i < 0 || j < i) {
		i, n = j, len(tatweelDash)
	}
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(l[:i]), strings.TrimSpace(l[i+n:]), true
}

// plainWords: letters and combining marks only (no digits, punctuation).
func plainWords(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				return false
			}
		}
	}
	return true
}

func isNameWords(words []string) bool {
	return len(words) >= bylineMinName && len(words) <= bylineMaxName && plainWords(words)
}

// parseCreditLine recognises a closing credit line and returns the outlet:
// "*نقلاً عن الرؤية الإماراتية", "فرانس24/ أ ف ب", "(رويترز)".
func parseCreditLine(l string) (string, bool) {
	if len(l) > 100 {
		return "", false
	}
	k := furnitureKey(l)
	for _, m := range foldedCreditMarkers {
		if rest, ok := strings.CutPrefix(k, m); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			// Take the outlet from the original spelling.
			words := strings.Fields(l)
			n := len(strings.Fields(strings.TrimLeft(rest, " :")))
			if n == 0 || n > maxCreditWords || n > len(words) {
				return "", false
			}
			src := strings.Trim(strings.Join(words[len(words)-n:], " "), "«»\"“”.()")
			if !plainWords(strings.Fields(src)) {
				return "", false
			}
			return displaySource(src), true
		}
	}
	// A line of outlets only: "فرانس24/ أ ف ب", "(رويترز)", "رويترز، أ ف ب".
	parts := strings.FieldsFunc(l, func(r rune) bool { return r == '/' || r == '،' || r == ',' || r == '+' })
	first := ""
	for _, p := range parts {
		c, ok := lookupOutlet(strings.TrimSpace(p))
		if !ok {
			return "", false
		}
		if first == "" {
			first = c
		}
	}
	return first, first != ""
}

var foldedCreditMarkers = foldList(creditMarkers)

// leadDateline is what a wire dateline at the start of a lead states.
type leadDateline struct{ city, source, author string }

// parseLeadDateline recognises the dateline that opens a lead; the
// segments before the text are separated by dashes or a colon:
//
//	بغداد - (رويترز) - قال …                      city, agency
//	القاهرة – أ ف ب – …                            city, agency
//	دبي، الإمارات العربية المتحدة (CNN)— قال …     city, outlet
//	(CNN)--ساعدت …                                 outlet
//	سبق- الدمام: قالت …                            outlet, city
//	عوض الفهمي- سبق- أضم: أعلنت …                  author, outlet, city
//
// Without an outlet from the table nothing is taken: "الرياض - محمد
// الحيدر نظمت …" has no marked end to the author's name.
func parseLeadDateline(l string) (leadDateline, bool) {
	type seg struct {
		text string
		sep  byte // '-' or ':' after the segment
	}
	var segs []seg
	rest := l
	for len(segs) < 3 {
		i := strings.IndexAny(headBytes(rest, maxDatelineBytes+4), "-–—:")
		if i < 0 || i > maxDatelineBytes {
			break
		}
		_, n := utf8.DecodeRuneInString(rest[i:])
		text := strings.TrimSpace(rest[:i])
		sep := byte('-')
		if rest[i] == ':' {
			sep = ':'
		}
		rest = rest[i+n:]
		if text == "" {
			if len(segs) == 0 {
				return leadDateline{}, false
			}
			segs[len(segs)-1].sep = sep
			continue
		}
		// "دبي، الإمارات العربية المتحدة (CNN)": the outlet in brackets
		// closes the place.
		if strings.HasSuffix(text, ")") {
			if o := strings.LastIndexByte(text, '('); o >= 0 {
				if _, ok := lookupOutlet(text[o:]); ok {
					if place := strings.TrimSpace(text[:o]); place != "" {
						segs = append(segs, seg{place, '-'})
					}
					text = text[o:]
				}
			}
		}
		segs = append(segs, seg{text, sep})
	}
	if strings.TrimSpace(rest) == "" || len(segs) == 0 {
		return leadDateline{}, false
	}
	out := func(i int) (string, bool) {
		if i >= len(segs) {
			return "", false
		}
		return lookupOutlet(segs[i].text)
	}
	if o, ok := out(0); ok {
		if len(segs) > 1 && segs[1].sep == ':' {
			if c, ok := placeName(segs[1].text); ok {
				return leadDateline{source: o, city: c}, true
			}
		}
		return leadDateline{source: o}, true
	}
	if o, ok := out(1); ok {
		if len(segs) > 2 && segs[2].sep == ':' && isNameWords(strings.Fields(segs[0].text)) {
			if c, ok := placeName(segs[2].text); ok {
				return leadDateline{author: segs[0].text, source: o, city: c}, true
			}
		}
		if c, ok := placeName(segs[0].text); ok {
			return leadDateline{source: o, city: c}, true
		}
	}
	return leadDateline{}, false
}

// maxDatelineBytes: the dateline ends within the first words of the lead.
const maxDatelineBytes = 90

// placeName accepts "بغداد", "مكة المكرمة" and "دبي، الإمارات العربية
// المتحدة" (city, country) and returns the city.
func placeName(s string) (string, bool) {
	city, country, _ := strings.Cut(s, "،")
	if c2, k2, ok := strings.Cut(city, ","); ok {
		city, country = c2, k2
	}
	cw, kw := strings.Fields(city), strings.Fields(country)
	if len(cw) == 0 || len(cw) > 3 || len(kw) > 4 || !plainWords(cw) || !plainWords(kw) ||
		notCitySet[matchKey(strings.Join(cw, " "))] {
		return "", false
	}
	return strings.Join(cw, " "), true
}
