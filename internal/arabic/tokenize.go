package arabic

import (
	"unicode"
	"unicode/utf8"
)

// runeClass tells the tokenizer what a rune does to the word around it.
type runeClass uint8

const (
	// classSeparator ends a word: spaces, punctuation, symbols, invalid bytes.
	classSeparator runeClass = iota
	// classArabic is an Arabic-script letter (including presentation forms).
	classArabic
	// classAlnum is any other letter or a digit. Latin words keep their
	// digits ("covid19", "f16") because that is how they are searched.
	classAlnum
	// classDigitOnly is a digit; it joins Latin letters but not Arabic ones,
	// so "2018م" yields "2018" and "م" while "mp3" stays one word.
	classDigitOnly
	// classCombining is a mark that belongs to the letter before it
	// (harakat, superscript alef, Quranic marks, Latin accents). It extends
	// a word, including at its end, so a highlight keeps a letter's marks.
	classCombining
	// classJoiner is tatweel or an invisible format mark (ZWNJ, ZWJ, bidi
	// controls). It never splits a word but is not kept at a word's edges.
	classJoiner
)

func classify(r rune) runeClass {
	if r < 0x80 {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return classAlnum
		case '0' <= r && r <= '9':
			return classDigitOnly
		}
		return classSeparator
	}
	switch {
	case r == 0x0640: // tatweel
		return classJoiner
	case r == 0x061C, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F,
		0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069, r == 0x2060, r == 0xFEFF, r == 0x00AD:
		return classJoiner
	case 0x0610 <= r && r <= 0x061A, 0x064B <= r && r <= 0x065F, r == 0x0670,
		0x06D6 <= r && r <= 0x06DC, 0x06DF <= r && r <= 0x06E4, r == 0x06E7, r == 0x06E8,
		0x06EA <= r && r <= 0x06ED, 0x08CA <= r && r <= 0x08FF, 0xFE70 <= r && r <= 0xFE7F:
		return classCombining
	case 0x0660 <= r && r <= 0x0669, 0x06F0 <= r && r <= 0x06F9:
		return classDigitOnly
	case 0x0621 <= r && r <= 0x064A, 0x066E <= r && r <= 0x066F, 0x0671 <= r && r <= 0x06D3,
		r == 0x06D5, 0x06E5 <= r && r <= 0x06E6, 0x06EE <= r && r <= 0x06EF, 0x06FA <= r && r <= 0x06FC,
		r == 0x06FF, 0x0750 <= r && r <= 0x077F, 0x08A0 <= r && r <= 0x08C9,
		0xFB50 <= r && r <= 0xFD3D, 0xFD50 <= r && r <= 0xFDFB, 0xFE80 <= r && r <= 0xFEFC:
		return classArabic
	case unicode.IsDigit(r):
		return classDigitOnly
	case unicode.IsLetter(r):
		return classAlnum
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		return classCombining
	case unicode.Is(unicode.Cf, r):
		return classJoiner
	}
	return classSeparator
}

// joins reports whether a rune of class next continues a word made of class cur.
func joins(cur, next runeClass) bool {
	if cur == next {
		return true
	}
	// Latin letters and digits form one word; Arabic letters never take digits.
	return (cur == classAlnum && next == classDigitOnly) || (cur == classDigitOnly && next == classAlnum)
}

// Tokenize splits text into words with byte offsets into text. Only Start,
// End, Text and Position are filled.
//
// A word is a run of letters of one script (Arabic, or Latin/other letters
// with digits), or a run of digits. Harakat and other combining marks stay
// with their letter, also at the end of a word; tatweel and invisible format
// marks (ZWNJ, ZWJ, bidi controls) never split a word but are left out at its
// edges. Everything else separates words: spaces, punctuation of both
// scripts, '#', '_', and invalid UTF-8 bytes. Digits glued to Arabic letters
// are split off ("2018م" → "2018", "م"), so a year matches with or without
// its era letter.
func Tokenize(text string) []Token {
	tokens := make([]Token, 0, len(text)/7+1)
	cur := classSeparator // class of the open word; classSeparator when none
	start, end := 0, 0
	flush := func() {
		if cur != classSeparator {
			tokens = append(tokens, Token{Start: start, End: end, Text: text[start:end], Position: len(tokens)})
			cur = classSeparator
		}
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				flush()
				i++
				continue
			}
		}
		switch c := classify(r); c {
		case classSeparator:
			flush()
		case classCombining:
			if cur != classSeparator {
				end = i + size
			}
		case classJoiner:
			// Keeps the word open without moving its end.
		default:
			if cur == classSeparator || !joins(cur, c) {
				flush()
				cur, start = c, i
			} else if cur == classDigitOnly && c == classAlnum {
				cur = classAlnum
			}
			end = i + size
		}
		i += size
	}
	flush()
	return tokens
}
