package corpus

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Warning is something FromRecordWarn repaired or ignored in a record: the
// document is usable, but its source file may deserve a look.
type Warning struct {
	Field string // "text", "date", "source", …
	Msg   string
}

func (w Warning) String() string { return w.Field + ": " + w.Msg }

// Unicode cleaning of the text that is displayed and indexed.
//
// What the author wrote stays: presentation forms and ligatures
// (U+FB50–U+FDFF, U+FE70–U+FEFC) are kept as they are in the displayed text;
// indexing folds them (internal/arabic), so a search for "قال" finds "ﻗﺎﻝ".
// NBSP and other spaces stay too.
//
// What a broken export or a copy-paste added goes:
//   - C0 controls other than tab and line ends, DEL and C1 controls, and
//     U+FFFD replacement characters (with a warning: the file was damaged);
//   - bidirectional formatting characters (LRM, RLM, ALM, LRE…RLO, PDF,
//     LRI…PDI), the zero width space, word joiner and a stray BOM inside
//     the text: invisible, and the reader lays out direction itself;
//   - ZWNJ and ZWJ unless they sit between two letters of a word, where they
//     shape the word ("ا‌لاكتروني") and are kept.
//
// Arabic-script text is put in NFC: combining marks in canonical order and
// the hamza/madda sequences composed (ا+ٓ→آ, ا+ٔ→أ, ا+ٕ→إ, و+ٔ→ؤ, ي+ٔ→ئ,
// ە+ٔ→ۀ, ہ+ٔ→ۂ, ے+ٔ→ۓ: every canonical composition of the Arabic blocks).
// This is hand-written rather than golang.org/x/text/unicode/norm because the
// wasm app imports this package and the module does not require x/text: its
// tables would grow app.wasm for eight pairs. Scripts other than Arabic are
// left as written (a Latin "e"+U+0301 stays decomposed). Note that ه+ٔ
// (U+0647 U+0654) is not a canonical pair and stays as written, as in NFC.

// errBinary marks text that is not text at all (NUL bytes).
var errBinary = errors.New("binary content")

// checkText rejects what cannot be cleaned: invalid UTF-8 (with the offset
// of the first bad byte) and NUL bytes, which only binary data holds. Other
// control characters are debris that cleanText removes.
func checkText(raw string) error {
	if err := checkUTF8(raw); err != nil {
		return err
	}
	return checkNUL(raw)
}

func checkUTF8(raw string) error {
	if !utf8.ValidString(raw) {
		for off := 0; off < len(raw); {
			r, n := utf8.DecodeRuneInString(raw[off:])
			if r == utf8.RuneError && n <= 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d (0x%02x)", off, raw[off])
			}
			off += n
		}
	}
	return nil
}

func checkNUL(raw string) error {
	if i := strings.IndexByte(raw, 0); i >= 0 {
		return fmt.Errorf("%w: control character 0x00 at byte %d", errBinary, i)
	}
	return nil
}

// cleanText applies the Unicode cleaning above. Line ends are left for
// cleanLines. It allocates only when something changes. Invalid UTF-8 is an
// error naming the offset of the first bad byte; the scan for it is the
// same as for what needs cleaning.
func cleanText(s string) (string, []Warning, error) {
	i := firstDirty(s)
	if i < 0 {
		return s, nil, nil
	}
	if err := checkUTF8(s[i:]); err != nil {
		return "", nil, checkUTF8(s) // the offset counts from the start
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	var nCtl, nFFFD int
	firstCtl, firstFFFD := -1, -1
	var marks []rune // pending combining marks after base
	for i < len(s) {
		if j := firstDirty(s[i:]); j != 0 {
			if j < 0 {
				b = append(b, s[i:]...)
				break
			}
			b = append(b, s[i:i+j]...)
			i += j
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isControl(r):
			nCtl++
			if firstCtl < 0 {
				firstCtl = i
			}
			// A run of controls between two words stood for a break
			// ("الوطن. \x1a\x1aمن احتفالات"): keep the words apart.
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isControl(r2) {
					break
				}
				nCtl++
				j += n2
			}
			prev, _ := utf8.DecodeLastRune(b)
			next, _ := utf8.DecodeRuneInString(s[j:])
			if len(b) > 0 && j < len(s) && !unicode.IsSpace(prev) && !unicode.IsSpace(next) {
				b = append(b, ' ')
			}
			i = j
			continue
		case r == utf8.RuneError:
			nFFFD++
			if firstFFFD < 0 {
				firstFFFD = i
			}
		case isInvisible(r):
		case r == zwnj || r == zwj:
			prev, _ := utf8.DecodeLastRune(b)
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if isWordRune(prev) && isWordRune(next) {
				b = utf8.AppendRune(b, r)
			}
		case arabicCCC(r) != 0:
			// A run of combining marks: order it canonically and compose
			// it with the base just written.
			j := i
			marks = marks[:0]
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if arabicCCC(r2) == 0 {
					break
				}
				marks = append(marks, r2)
				j += n2
			}
			b = appendComposed(b, marks)
			i = j
			continue
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	var warns []Warning
	if nCtl > 0 {
		warns = append(warns, Warning{"text", fmt.Sprintf(
			"removed %d control character(s), the first at byte %d", nCtl, firstCtl)})
	}
	if nFFFD > 0 {
		warns = append(warns, Warning{"text", fmt.Sprintf(
			"removed %d U+FFFD replacement character(s), the first at byte %d: the export lost characters there",
			nFFFD, firstFFFD)})
	}
	if len(b) == 0 {
		return "", warns, nil
	}
	// b is not used again: share its bytes as strings.Builder does.
	return unsafe.String(&b[0], len(b)), warns, nil
}

const (
	zwnj = '\u200C'
	zwj  = '\u200D'
)

// firstDirty returns the byte offset of the first rune cleanText would
// change, or -1. It is the fast path: most articles have none. A lone
// combining mark (a tanween, a shadda) needs nothing; a hamza or madda mark,
// or two marks in a row (which may need reordering), does.
func firstDirty(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		if c >= 0xD8 && c <= 0xDA && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Arabic letters, two bytes: the common case, decoded inline.
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if (r >= 0x0621 && r <= 0x064A) || (r >= 0x0660 && r <= 0x066F) || (r >= 0x0671 && r <= 0x06D5) ||
				r == '،' || r == '؛' || r == '؟' {
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || isControl(r) || isInvisible(r) || r == zwnj || r == zwj {
			return i
		}
		if arabicCCC(r) != 0 {
			if r >= 0x0653 && r <= 0x0655 {
				return i
			}
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); arabicCCC(next) != 0 {
				return i
			}
		}
		i += n
	}
	return -1
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || (r >= 0x7f && r <= 0x9f)
}

// isInvisible: bidi formatting characters and invisible separators that
// carry nothing a reader sees.
func isInvisible(r rune) bool {
	switch {
	case r == '\u200E' || r == '\u200F' || r == '\u061C': // LRM, RLM, ALM
		return true
	case r >= '\u202A' && r <= '\u202E': // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= '\u2066' && r <= '\u2069': // LRI, RLI, FSI, PDI
		return true
	case r == '\u200B' || r == '\u2060' || r == '\uFEFF': // ZWSP, WJ, BOM
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// arabicCCCs are the canonical combining classes of the Arabic blocks
// (U+0600–06FF, 0898–08FF; Unicode 14): ranges lo, hi, class.
var arabicCCCs = [][3]uint16{
	{0x0610, 0x0617, 230}, {0x0618, 0x0618, 30}, {0x0619, 0x0619, 31}, {0x061A, 0x061A, 32},
	{0x064B, 0x064B, 27}, {0x064C, 0x064C, 28}, {0x064D, 0x064D, 29}, {0x064E, 0x064E, 30},
	{0x064F, 0x064F, 31}, {0x0650, 0x0650, 32}, {0x0651, 0x0651, 33}, {0x0652, 0x0652, 34},
	{0x0653, 0x0654, 230}, {0x0655, 0x0656, 220}, {0x0657, 0x065B, 230}, {0x065C, 0x065C, 220},
	{0x065D, 0x065E, 230}, {0x065F, 0x065F, 220}, {0x0670, 0x0670, 35}, {0x06D6, 0x06DC, 230},
	{0x06DF, 0x06E2, 230}, {0x06E3, 0x06E3, 220}, {0x06E4, 0x06E4, 230}, {0x06E7, 0x06E8, 230},
	{0x06EA, 0x06EA, 220}, {0x06EB, 0x06EC, 230}, {0x06ED, 0x06ED, 220},
	{0x0898, 0x0898, 230}, {0x0899, 0x089B, 220}, {0x089C, 0x089F, 230},
	{0x08CA, 0x08CE, 230}, {0x08CF, 0x08D3, 220}, {0x08D4, 0x08E1, 230}, {0x08E3, 0x08E3, 220},
	{0x08E4, 0x08E5, 230}, {0x08E6, 0x08E6, 220}, {0x08E7, 0x08E8, 230}, {0x08E9, 0x08E9, 220},
	{0x08EA, 0x08EC, 230}, {0x08ED, 0x08EF, 220}, {0x08F0, 0x08F0, 27}, {0x08F1, 0x08F1, 28},
	{0x08F2, 0x08F2, 29}, {0x08F3, 0x08F5, 230}, {0x08F6, 0x08F6, 220}, {0x08F7, 0x08F8, 230},
	{0x08F9, 0x08FA, 220}, {0x08FB, 0x08FF, 230},
}

// arabicCCC is the canonical combining class of an Arabic mark, 0 otherwise.
func arabicCCC(r rune) int {
	if r < 0x0610 || r > 0x08FF || (r > 0x06ED && r < 0x0898) {
		return 0
	}
	for _, e := range arabicCCCs {
		if r < rune(e[0]) {
			return 0
		}
		if r <= rune(e[1]) {
			return int(e[2])
		}
	}
	return 0
}

// arabicCompositions are all the canonical compositions with a result in
// the Arabic blocks: base, mark → composed letter.
var arabicCompositions = map[[2]rune]rune{
	{'ا', '\u0653'}: 'آ', {'ا', '\u0654'}: 'أ', {'ا', '\u0655'}: 'إ',
	{'و', '\u0654'}: 'ؤ', {'ي', '\u0654'}: 'ئ', {'ە', '\u0654'}: 'ۀ',
	{'ہ', '\u0654'}: 'ۂ', {'ے', '\u0654'}: 'ۓ',
}

// appendComposed appends a run of combining marks to b in canonical order,
// composing the first unblocked mark that combines with the last base rune
// already in b (the NFC algorithm, restricted to the Arabic pairs).
func appendComposed(b []byte, marks []rune) []byte {
	slices.SortStableFunc(marks, func(x, y rune) int { return arabicCCC(x) - arabicCCC(y) })
	base, bn := utf8.DecodeLastRune(b)
	lastCCC := -1
	for k, m := range marks {
		c := arabicCCC(m)
		if c > lastCCC && bn > 0 {
			if to, ok := arabicCompositions[[2]rune{base, m}]; ok {
				b = utf8.AppendRune(b[:len(b)-bn], to)
				marks = append(marks[:k], marks[k+1:]...)
				break
			}
		}
		lastCCC = c
	}
	for _, m := range marks {
		b = utf8.AppendRune(b, m)
	}
	return b
}
