package arabic

import (
	"strings"
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
// scripts, and invalid UTF-8 bytes. Digits glued to Arabic letters are split
// off ("2018م" → "2018", "م"), so a year matches with or without its era
// letter. A few frequent run-together words ("الولاياتالمتحدة", a missing
// space) are split into their two words, which tile the run (see
// runTogetherPairs).
//
// Three kinds of token are not words:
//
//   - A hashtag ("#الدولة_الإسلامية": '#' right before a letter or digit,
//     words joined by '_') gives its words as ordinary tokens, preceded by one
//     extra token for the whole hashtag, from the '#' to the end of its last
//     word. The extra token has the Position of the hashtag's first word, so
//     the positions of the words, and phrases across them, do not shift:
//     tokens are ordered by Start, and Position is not the index in the slice.
//     Analyze gives it the Norm and Term "#" + the normalized words joined by
//     "_" ("#الدوله_الاسلاميه").
//   - A handle ("@Amaq_Agency": '@' not preceded by a letter or digit, then
//     ASCII letters, digits and '_') is one token; its Term is the lowercased
//     handle with the '@'.
//   - A URL (http://…, https://…, www.… at the start of a word) is one token
//     up to the next space or character that cannot be in a URL, without
//     trailing punctuation; its Term is the lowercased URL. No word tokens
//     are made from inside it.
func Tokenize(text string) []Token { return TokenizeInto(nil, text) }

// TokenizeInto is Tokenize writing the tokens into buf's memory when it has
// room: a caller that tokenizes many texts in turn (a workbench view reads
// a hundred articles) reuses one slice rather than allocating one a text,
// which in the browser is garbage to collect on the page's one thread.
// The tokens of an earlier call with the same buf are overwritten.
func TokenizeInto(buf []Token, text string) []Token {
	tokens := buf[:0]
	if want := len(text)/7 + 1; cap(tokens) < want {
		tokens = make([]Token, 0, want)
	}
	cur := classSeparator // class of the open word; classSeparator when none
	start, end := 0, 0
	pos := 0          // Position of the next word
	hashtag := -1     // index of the open hashtag's whole token, or -1
	prevWord := false // the rune before i is a letter, digit or mark
	emit := func(s, e int) {
		tokens = append(tokens, Token{Start: s, End: e, Text: text[s:e], Position: pos})
		pos++
	}
	flush := func() {
		if cur == classSeparator {
			return
		}
		if cur == classArabic && end-start >= minRunTogether {
			if mid := splitRunTogether(text[start:end]); mid > 0 {
				emit(start, start+mid)
				start += mid
			}
		}
		emit(start, end)
		cur = classSeparator
	}
	closeHashtag := func() {
		if hashtag < 0 {
			return
		}
		h := &tokens[hashtag]
		if last := tokens[len(tokens)-1]; len(tokens)-1 > hashtag {
			h.End = last.End
			h.Text = text[h.Start:h.End]
		}
		hashtag = -1
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				flush()
				closeHashtag()
				prevWord = false
				i++
				continue
			}
		}
		c := classify(r)
		if c == classSeparator {
			flush()
			switch {
			case r == '_' && hashtag >= 0:
				// Joins the words of a hashtag.
			case r == '#' && startsWord(text[i+1:]):
				closeHashtag()
				hashtag = len(tokens)
				tokens = append(tokens, Token{Start: i, End: i + 1, Text: text[i : i+1], Position: pos})
			case r == '@' && !prevWord:
				closeHashtag()
				if e := handleEnd(text, i+1); e > i+1 {
					emit(i, e)
					prevWord = true
					i = e
					continue
				}
			default:
				closeHashtag()
			}
			prevWord = false
			i += size
			continue
		}
		if cur == classSeparator && !prevWord && (r|0x20 == 'h' || r|0x20 == 'w') {
			if e := urlEnd(text, i); e > i {
				closeHashtag()
				emit(i, e)
				prevWord = true
				i = e
				continue
			}
		}
		prevWord = c != classJoiner || prevWord
		switch c {
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
	closeHashtag()
	if hashtag >= 0 {
		tokens = tokens[:hashtag] // "#" with no word after it (cannot happen)
	}
	return tokens
}

// startsWord reports whether s begins with a letter or digit.
func startsWord(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch classify(r) {
	case classArabic, classAlnum, classDigitOnly:
		return true
	}
	return false
}

// handleEnd returns the end of the handle name starting at i (ASCII letters,
// digits and '_', at least one letter or digit), or i if there is none.
func handleEnd(text string, i int) int {
	j, alnum := i, false
	for ; j < len(text); j++ {
		switch c := text[j]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			alnum = true
		case c == '_':
		default:
			goto done
		}
	}
done:
	if !alnum {
		return i
	}
	return j
}

// urlEnd returns the end of the URL starting at i, or i if none starts there.
// A URL starts with http://, https:// or www. (any case) followed by at least
// one more character; it runs over the characters URLs use, and over letters,
// digits and marks of any script (IRIs); trailing punctuation is left out.
func urlEnd(text string, i int) int {
	rest := text[i:]
	n := 0
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "www."):
		n = 4
	default:
		return i
	}
	j := i + n
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if c <= ' ' || strings.IndexByte(`"<>\^{|}`+"`\x7f", c) >= 0 {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		if k := classify(r); k == classSeparator {
			break
		}
		j += size
	}
	// Leave out trailing punctuation: "(see www.x.com)." ends at "com".
	for j > i+n {
		c := text[j-1]
		if strings.IndexByte(".,;:!?'*", c) >= 0 ||
			c == ')' && strings.Count(text[i:j], "(") < strings.Count(text[i:j], ")") ||
			c == ']' && strings.Count(text[i:j], "[") < strings.Count(text[i:j], "]") {
			j--
			continue
		}
		break
	}
	if j == i+n {
		return i
	}
	return j
}

// hasPrefixFold reports whether s starts with the lowercase ASCII prefix,
// ignoring the case of s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
