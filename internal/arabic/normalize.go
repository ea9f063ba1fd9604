package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Letters the normalizer produces or tests, named so the rules read as Arabic.
const (
	hamza     = 'ء'
	alef      = 'ا'
	waw       = 'و'
	yeh       = 'ي'
	heh       = 'ه'
	lam       = 'ل'
	hamzaWaw  = 'ؤ'
	hamzaYeh  = 'ئ'
	hamzaAbov = '\u0654' // combining hamza above (decomposed أ ؤ ئ)
	hamzaBelo = '\u0655' // combining hamza below (decomposed إ)
)

// presentationForms maps U+FE80…U+FEF4 (isolated, final, initial and medial
// shapes) to the base letter; the runs are (letter, number of shapes).
var presentationForms = expandForms("ء1آ2أ2ؤ2إ2ئ4ا2ب4ة2ت4ث4ج4ح4خ4د2ذ2ر2ز2س4ش4ص4ض4ط4ظ4ع4غ4ف4ق4ك4ل4م4ن4ه4و2ى2ي4")

func expandForms(spec string) []rune {
	forms := make([]rune, 0, 0xFEF5-0xFE80)
	var letter rune
	for _, r := range spec {
		if r >= '1' && r <= '9' {
			for n := 0; n < int(r-'0'); n++ {
				forms = append(forms, letter)
			}
			continue
		}
		letter = r
	}
	return forms
}

// foldRune maps one rune to its normalized letter. It returns 0 for runes
// that are dropped (harakat, tatweel, format marks, combining marks), and
// reports whether the rune was an alef carrying a hamza or madda: the stemmer
// needs that, because an initial أل/إل is never the article.
func foldRune(r rune) (folded rune, hamzaAlef bool) {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), false
		}
		return r, false
	}
	switch {
	case 0xFE80 <= r && r <= 0xFEF4:
		r = presentationForms[r-0xFE80]
	case 0xFB50 <= r && r <= 0xFBFF:
		r = foldPresentationA(r)
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٲ', 'ٳ', 'ٵ':
		return alef, true
	case 'ٱ': // alef wasla is the plain alef of Quranic spelling
		return alef, false
	case 'ى', 'ی', 'ې', 'ے', 'ٸ', hamzaYeh:
		return yeh, false
	case 'ة', 'ۀ', 'ہ', 'ۂ', 'ۃ', 'ھ', 'ە':
		return heh, false
	case hamzaWaw, 'ٶ':
		return waw, false
	case 'ک', 'ڪ', 'گ':
		return 'ك', false
	case 'پ':
		return 'ب', false
	case 'چ':
		return 'ج', false
	case 'ژ':
		return 'ز', false
	case 'ڤ':
		return 'ف', false
	case 'ڨ':
		return 'ق', false
	}
	if d, ok := asciiDigit(r); ok {
		return d, false
	}
	switch {
	case 0x0621 <= r && r <= 0x064A && r != 0x0640: // letters; tatweel is dropped below
		return r, false
	}
	switch classify(r) {
	case classCombining, classJoiner:
		return 0, false
	}
	return unicode.ToLower(r), false
}

// foldPresentationA folds the Persian and Urdu letters of the Arabic
// Presentation Forms-A block that show up in copied text.
func foldPresentationA(r rune) rune {
	switch {
	case r <= 0xFB51:
		return 'ٱ'
	case 0xFB56 <= r && r <= 0xFB59:
		return 'پ'
	case 0xFB6A <= r && r <= 0xFB6D:
		return 'ڤ'
	case 0xFB7A <= r && r <= 0xFB7D:
		return 'چ'
	case 0xFB8A <= r && r <= 0xFB8B:
		return 'ژ'
	case 0xFB8E <= r && r <= 0xFB91:
		return 'ک'
	case 0xFB92 <= r && r <= 0xFB95:
		return 'گ'
	case 0xFBA4 <= r && r <= 0xFBA5:
		return 'ۀ'
	case 0xFBA6 <= r && r <= 0xFBA9:
		return 'ہ'
	case 0xFBAA <= r && r <= 0xFBAD:
		return 'ھ'
	case 0xFBE8 <= r && r <= 0xFBE9:
		return 'ى'
	case 0xFBFC <= r && r <= 0xFBFF:
		return 'ی'
	}
	return r
}

// isNormalRune reports whether r is already in normalized form, so the common
// case (plain unvocalized Arabic, lowercase ASCII) returns without allocating.
// ء is excluded because its folding depends on the neighbours.
func isNormalRune(r rune) bool {
	switch {
	case r < 0x80:
		return r < 'A' || r > 'Z'
	case r == 0x0627, 0x0628 <= r && r <= 0x063A && r != 0x0629, 0x0641 <= r && r <= 0x064A && r != 0x0649:
		return true
	}
	return false
}

// Normalize folds the orthography of one word: it drops harakat, tatweel,
// superscript alef and invisible marks; folds أ إ آ ٱ to ا, ى to ي, ة to ه,
// ؤ to و, ئ to ي (ئ and ء before و to و, so مسئول meets مسؤول), drops a final
// ء after ي (شيء meets شئ), folds Persian and presentation-form letters to
// the Arabic base letter, Arabic-Indic digits to ASCII, and lowercases other
// scripts. Normalize(Normalize(w)) == Normalize(w).
func Normalize(word string) string {
	norm, _ := normalizeWithHamzaMask(word)
	return norm
}

// normalizeWithHamzaMask normalizes word and also returns a bit set of the
// first letters of the result that were alef with hamza or madda in the
// original: bit k is letter k. Only the first few letters matter (the
// stemmer looks for the article after at most two proclitics).
func normalizeWithHamzaMask(word string) (string, uint8) {
	i := 0
	for i < len(word) {
		r, size := rune(word[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:])
		}
		if !isNormalRune(r) {
			break
		}
		i += size
	}
	if i == len(word) {
		return word, 0
	}

	var b strings.Builder
	b.Grow(len(word))
	b.WriteString(word[:i])
	letters := utf8.RuneCountInString(word[:i])
	var mask uint8
	var last rune // the last rune written
	seatedHamza := false
	if i > 0 {
		last, _ = utf8.DecodeLastRuneInString(word[:i])
	}
	write := func(r rune, hamzaAlef bool) {
		b.WriteRune(r)
		if hamzaAlef && letters < 8 {
			mask |= 1 << letters
		}
		letters++
		last = r
	}
	for i < len(word) {
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			continue // invalid byte: dropped, like in the tokenizer
		}
		if (r == hamzaAbov || r == hamzaBelo) && last == alef && letters <= 8 {
			// Decomposed أ or إ: the alef already written carried a hamza.
			mask |= 1 << (letters - 1)
			continue
		}
		if 0xFEF5 <= r && r <= 0xFEFC { // lam-alef ligatures
			write(lam, false)
			write(alef, r <= 0xFEFA)
			continue
		}
		if r == 0xFDF2 { // the ligature of الله
			for _, l := range "الله" {
				write(l, false)
			}
			continue
		}
		folded, hamzaAlef := foldRune(r)
		if folded == 0 {
			continue
		}
		switch {
		case r == hamzaYeh || 0xFE89 <= r && r <= 0xFE8C:
			folded = hamzaYeh // resolved below, once the next letter is known
		case r == hamzaWaw || 0xFE85 <= r && r <= 0xFE86:
			folded = hamzaWaw // likewise
		}
		if folded == hamza || folded == hamzaYeh || folded == hamzaWaw {
			seatedHamza = true
		}
		write(folded, hamzaAlef)
	}
	out := b.String()
	if seatedHamza {
		out = resolveHamzaSeats(out)
	}
	return out, mask
}

// resolveHamzaSeats folds ئ ؤ and ء by what follows them, on the output
// where dropped marks are already gone (so the result is stable under
// Normalize): the final hamza of a word in ـاء keeps its case seat before a
// pronoun (أعضاؤها، أعضائها، أعضاءها), so ؤ or ئ after such an alef and
// before a pronoun suffix is written ء (see finalHamzaSeat); ئ and ء before
// و become و, since Egyptian spelling seats the hamza on yeh or on the line
// (مسئول، شئون، رءوس) where the standard puts it on waw; other ئ become ي
// and ؤ becomes و; a final ء after ي is dropped (شيء = شئ, بطيء = بطئ).
func resolveHamzaSeats(s string) string {
	runes := []rune(s)
	next := rune(0)
	for i := len(runes) - 1; i >= 0; i-- {
		switch r := runes[i]; {
		case (r == hamzaYeh || r == hamzaWaw) && finalHamzaSeat(runes, i):
			runes[i] = hamza
		case (r == hamza || r == hamzaYeh) && next == waw:
			runes[i] = waw
		case r == hamzaYeh:
			runes[i] = yeh
		case r == hamzaWaw:
			runes[i] = waw
		}
		next = runes[i]
	}
	if n := len(runes); n >= 2 && runes[n-1] == hamza && runes[n-2] == yeh {
		runes = runes[:n-1]
	}
	return string(runes)
}

// finalHamzaSeat reports whether the seated hamza at runes[i] is the final
// hamza of a noun in ـاء (أعضاء، أبناء، لقاء، أداء) carried before a pronoun
// suffix: at least two letters, then ا, the hamza, and one of the pronouns
// ه ها هم هما هن كم كما كن نا ending the word. A single ك is left out, and
// so are shorter words, where ائك is part of the word (شائك، أرائك).
func finalHamzaSeat(runes []rune, i int) bool {
	if i < 3 || runes[i-1] != alef {
		return false
	}
	switch string(runes[i+1:]) {
	case "ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا":
		return true
	}
	return false
}

// asciiDigit maps an Arabic-Indic (٠–٩) or Extended Arabic-Indic / Persian
// (۰–۹) digit to its ASCII digit.
func asciiDigit(r rune) (rune, bool) {
	switch {
	case 0x0660 <= r && r <= 0x0669:
		return '0' + r - 0x0660, true
	case 0x06F0 <= r && r <= 0x06F9:
		return '0' + r - 0x06F0, true
	}
	return r, false
}

// ASCIIDigits replaces the Arabic-Indic and Persian digits of s with ASCII
// ones and leaves everything else, so that one number parser serves dates
// and counts written either way.
func ASCIIDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := asciiDigit(r); return ok }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		d, _ := asciiDigit(r)
		return d
	}, s)
}
