package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// cleanField cleans a metadata field a record gives (title, source, author,
// category, URL) as the text is cleaned, and more strictly, since a field
// is one line shown beside other text: control characters and U+FFFD go
// as in the text; bidirectional formatting characters go too, each with a
// warning, because in a field they can reverse what it displays (U+202E
// makes "gnp.exe" read "exe.png"); line ends and tabs become spaces.
// Invalid UTF-8 is replaced by U+FFFD first, and so removed with a warning.
// Every change is a warning naming the field.
func cleanField(field, s string) (string, []Warning) {
	var warns []Warning
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var nBidi, firstBidi, nBreak, firstBreak int
	firstBidi, firstBreak = -1, -1
	if strings.ContainsFunc(s, func(r rune) bool { return isInvisible(r) || r == '\n' || r == '\r' || r == '\t' }) {
		var b strings.Builder
		for i, r := range s {
			switch {
			case isInvisible(r):
				nBidi++
				if firstBidi < 0 {
					firstBidi = i
				}
			case r == '\n' || r == '\r' || r == '\t':
				nBreak++
				if firstBreak < 0 {
					firstBreak = i
				}
				b.WriteByte(' ')
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	if nBidi > 0 {
		warns = append(warns, Warning{field, fmt.Sprintf(
			"removed %d bidirectional formatting or invisible character(s), the first at byte %d: they can reorder what the field shows", nBidi, firstBidi)})
	}
	if nBreak > 0 {
		warns = append(warns, Warning{field, fmt.Sprintf(
			"replaced %d line end(s) or tab(s) by spaces, the first at byte %d", nBreak, firstBreak)})
	}
	cleaned, textWarns, err := cleanText(s)
	if err != nil {
		// cleanText fails only on invalid UTF-8, replaced above.
		return "", append(warns, Warning{field, err.Error()})
	}
	for _, w := range textWarns {
		w.Field = field
		warns = append(warns, w)
	}
	return strings.Join(strings.Fields(cleaned), " "), warns
}
