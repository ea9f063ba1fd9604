package ui

import (
	"unicode"
	"unicode/utf8"
)

// ltrRun is a stretch of text, by byte offsets, that must be shown as one
// left-to-right unit inside right-to-left text.
type ltrRun struct{ start, end int }

// ltrRuns finds the Latin and numeric stretches of a line that the Unicode
// bidirectional algorithm would scatter in a right-to-left paragraph: an
// @handle or #hashtag ("(@AdelAljubeir)" shows as "(AdelAljubeir@)"), a
// date written the English way ("أغسطس 3, 2015" shows as "2015 ,3"), a URL,
// an e-mail address, "covid-19". The weak and neutral characters inside
// them (@ # . , : / - and spaces) take the direction of the Arabic around
// them unless the run is isolated. A plain Latin word or number needs no
// isolation and is not listed: fewer elements, the same display.
func ltrRuns(text string) []ltrRun {
	var runs []ltrRun
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !startsLTR(r, text[i+size:]) {
			i += size
			continue
		}
		start, end, j := i, i, i
	scan:
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			switch {
			case isLatinOrDigit(r) || r == '%':
				end = j + size
			case insideLTR(r):
				// Kept only if letters or digits follow: a run never ends
				// on a separator, which belongs to the text around it.
			default:
				break scan
			}
			j += size
		}
		// A run of letters and digits alone keeps its order; one with
		// separators inside it, or led by @ or #, does not.
		if end > start && (text[start] == '@' || text[start] == '#' || hasInnerNeutral(text[start:end])) {
			runs = append(runs, ltrRun{start, end})
		}
		if j == i {
			j = i + size
		}
		i = j
	}
	return runs
}

func startsLTR(r rune, rest string) bool {
	if isLatinOrDigit(r) {
		return true
	}
	if r == '@' || r == '#' {
		next, _ := utf8.DecodeRuneInString(rest)
		return next < utf8.RuneSelf && isLatinOrDigit(next)
	}
	return false
}

func isLatinOrDigit(r rune) bool {
	return r >= '0' && r <= '9' || unicode.Is(unicode.Latin, r)
}

// insideLTR are the characters that may continue a left-to-right run:
// the separators of URLs, addresses, handles, numbers and English dates.
func insideLTR(r rune) bool {
	switch r {
	case ' ', '.', ',', ':', '/', '-', '_', '@', '#', '&', '?', '=', '+', '~', '\'':
		return true
	}
	return false
}

func hasInnerNeutral(s string) bool {
	for _, r := range s {
		if !isLatinOrDigit(r) {
			return true
		}
	}
	return false
}

// textDir is the direction of a text from the corpus: "rtl" when most of
// its first letters (up to dirSample) are Arabic (or Hebrew, Syriac…),
// "ltr" when most are Latin or another left-to-right script, and "rtl"
// when it has no letter, the corpus being Arabic. The browser's dir=auto
// takes the first strong letter instead, and an Arabic paragraph that
// opens with "(CNN)--" or "ISIS" was laid out left to right, its sentences
// out of order.
func textDir(s string) string {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
			rtl++
		case unicode.IsLetter(r):
			ltr++
		default:
			continue
		}
		if rtl+ltr == dirSample {
			break
		}
	}
	if ltr > rtl {
		return "ltr"
	}
	return "rtl"
}

// dirSample is how many letters textDir reads: enough for a paragraph's
// language, few enough for a page of them at every render.
const dirSample = 200
