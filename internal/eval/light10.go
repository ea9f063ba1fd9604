package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Light10Terms analyzes text the way Lucene's ArabicAnalyzer does (the
// reference shipped by Elasticsearch, OpenSearch, Anserini and Bleve), and
// returns the index terms in order, stop words dropped:
//
//	word tokenizer (letters, digits and combining marks; a simplified
//	UAX#29) → lowercase → decimal digits to ASCII → stop words (matched
//	before normalization) → normalization (آ أ إ → ا, ى → ي, ة → ه; tatweel
//	and the harakat U+064B–U+0652 deleted) → light10 stemming.
//
// It is written from the published description of the algorithm (Larkey,
// Ballesteros and Connell, "Light Stemming for Arabic Information
// Retrieval") and of the Lucene chain; no Lucene code is copied. It is the
// baseline the project's own analyzer is measured against.
func Light10Terms(text string) []string {
	var terms []string
	for _, tok := range baselineTokens(text) {
		tok = strings.ToLower(tok)
		tok = asciiDigits(tok)
		if light10Stop[tok] {
			continue
		}
		n := light10Normalize(tok)
		if n == "" {
			continue
		}
		terms = append(terms, light10Stem(n))
	}
	return terms
}

// baselineTokens splits text into words: maximal runs of letters, digits,
// combining marks, tatweel and format characters (ZWNJ and the like do not
// break a word in UAX#29). A word never starts with a mark or format char.
func baselineTokens(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) || r == 0x0640):
			// extends the current word
		default:
			if start >= 0 {
				out = append(out, text[start:i])
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// asciiDigits maps every Unicode decimal digit (Nd) to its ASCII digit, as
// Lucene's DecimalDigitFilter does.
func asciiDigits(s string) string {
	ascii := true
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsDigit(r) {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsDigit(r) {
			r = '0' + digitValue(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// digitValue returns the value of a decimal digit: Unicode lays out every
// set of decimal digits as a contiguous run 0..9, and the runs of the Nd
// table start at a zero.
func digitValue(r rune) rune {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	return 0
}

// light10Normalize folds آ أ إ to ا, ى to ي, ة to ه and deletes tatweel and
// the eight harakat U+064B–U+0652; nothing else (the reference leaves ؤ, ئ,
// alef wasla, Persian letters and presentation forms alone).
func light10Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == 'آ' || r == 'أ' || r == 'إ':
			b.WriteRune('ا')
		case r == 'ى':
			b.WriteRune('ي')
		case r == 'ة':
			b.WriteRune('ه')
		case r == 0x0640 || (r >= 0x064B && r <= 0x0652):
			// deleted
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	light10Prefixes = [][]rune{
		[]rune("ال"), []rune("وال"), []rune("بال"), []rune("كال"), []rune("فال"), []rune("لل"), []rune("و"),
	}
	light10Suffixes = [][]rune{
		[]rune("ها"), []rune("ان"), []rune("ات"), []rune("ون"), []rune("ين"),
		[]rune("يه"), []rune("ية"), []rune("ه"), []rune("ة"), []rune("ي"),
	}
)

// light10Stem strips at most one prefix (the first that matches, in the
// order of light10Prefixes; two letters must remain, three after a lone و),
// then tries every suffix once, in order, removing each one that matches
// while at least two letters remain.
func light10Stem(s string) string {
	w := []rune(s)
	for _, p := range light10Prefixes {
		min := len(p) + 2
		if len(p) == 1 {
			min = 4
		}
		if len(w) >= min && hasRunePrefix(w, p) {
			w = w[len(p):]
			break
		}
	}
	for _, suf := range light10Suffixes {
		if len(w) >= len(suf)+2 && hasRuneSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
		}
	}
	return string(w)
}

func hasRunePrefix(w, p []rune) bool {
	if len(w) < len(p) {
		return false
	}
	for i, r := range p {
		if w[i] != r {
			return false
		}
	}
	return true
}

func hasRuneSuffix(w, s []rune) bool {
	if len(w) < len(s) {
		return false
	}
	off := len(w) - len(s)
	for i, r := range s {
		if w[off+i] != r {
			return false
		}
	}
	return true
}

// light10Stop is Lucene's Arabic stop list (Jacques Savoy's list, 119
// entries, not normalized: it is applied before normalization, so it holds
// both أ and ا spellings). RECONSTRUCTED from memory of the published list,
// not copied from the Lucene source; it may differ from it in a word or two.
var light10Stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(light10StopList) {
		m[w] = true
	}
	return m
}()

const light10StopList = `
من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى
لا ولا الا ألا إلا لكن ما وما كما فما عن مع اذا إذا ان أن إن انها أنها إنها
انه أنه إنه بان بأن فان فأن وان وأن وإن التى التي الذى الذي الذين الى الي
إلى إلي على عليها عليه اما أما إما ايضا أيضا كل وكل لم ولم لن ولن هى هي هو
وهى وهي وهو فهى فهي فهو انت أنت لك لها له هذه هذا تلك ذلك هناك كانت كان
يكون تكون وكانت وكان غير بعض قد نحو بين بينما منذ ضمن حيث الان الآن خلال
بعد قبل حتى عند عندما لدى جميع
`
