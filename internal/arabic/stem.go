package arabic

import "strings"

// The stemmer works on normalized words. Every normalized Arabic letter is
// two bytes of UTF-8 (U+0621–U+064A), so lengths in letters are len/2 and
// affixes are compared as byte strings without decoding.

// isArabicWord reports whether s is non-empty and made only of two-byte
// Arabic-block runes, i.e. a normalized Arabic word the stemmer may cut.
func isArabicWord(s string) bool {
	if len(s) == 0 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if s[i] != 0xD8 && s[i] != 0xD9 || s[i+1] < 0x80 || s[i+1] > 0xBF {
			return false
		}
	}
	return true
}

func letters(s string) int { return len(s) / 2 }

// Stem reduces a normalized word to its index term: it strips the
// conjunctions و ف, the prepositions ب ك ل, the future marker س and the
// article ال (also stacked: وبال، فلل، وسي…), then the pronoun enclitics,
// the nisba and adverb endings, the sound plural and dual endings and the
// feminine ending, and maps frequent broken plurals to their singular.
// Guards keep at least three letters and keep initial letters that belong to
// the word (وزارة، فلسطين، كبير) — see radicalStems.
//
// Stem cannot tell an initial إل/أل from the article once hamza is folded;
// Analyze knows the original spelling and does (see analyzeWord).
func Stem(norm string) string {
	return stemWithHamzaMask(norm, 0)
}

// stemWithHamzaMask stems norm; bit k of hamzaAlef says letter k was an alef
// with hamza or madda in the original, so "ال" starting there is not the
// article (إلكترونيا, ألمانيا).
func stemWithHamzaMask(norm string, hamzaAlef uint8) string {
	if !isArabicWord(norm) {
		return norm
	}
	// One lookup for every word: fixedTerms holds wholeWordTerms too.
	if term, ok := fixedTerms[norm]; ok {
		return term
	}
	return stemAffixes(norm, hamzaAlef)
}

// stemWithoutNames is Stem without the fixed terms of names and numbers
// (fixedTerms): what the affix rules make of a word.
func stemWithoutNames(norm string) string {
	if !isArabicWord(norm) {
		return norm
	}
	return stemAffixes(norm, 0)
}

func stemAffixes(norm string, hamzaAlef uint8) string {
	s := stripPrefixes(norm, hamzaAlef)
	if term, ok := wholeWordTerms[s]; ok {
		return term
	}
	s, end := cutSuffixes(s)
	if end == endFeminine || end == endPluralAt {
		if withTa, noun := feminineNouns[s]; noun {
			// A noun of its own in ة keeps it, in all its forms (شركة،
			// شركته، شركات → شركه), apart from the rare word without it
			// (شرك). It is a noun, not a verb: no person prefix to fold.
			s = withTa
			if singular, ok := brokenPlurals[s]; ok {
				return singular
			}
			return s
		}
	}
	// A final hamza after alef sits on ي before a nisba or feminine ending:
	// فضاء and فضائية، إجراءات and إجرائية، كهرباء and كهربائي are one word.
	// ئ is folded to ي, so the bare form takes that seat too.
	if rest, ok := strings.CutSuffix(s, "اء"); ok && letters(rest) >= 2 {
		s = rest + "اي"
	}
	// Fold before the plural table: its keys and values were made by this
	// very function, so a plural that starts with ت (تقارير) is keyed by
	// its folded form.
	s = foldPersonPrefix(s)
	s = derivedFormVerb(s)
	if singular, ok := brokenPlurals[s]; ok {
		return singular
	}
	return s
}

// foldPersonPrefix gives the persons of an imperfect verb one stem: ت (she,
// you) and ي (he) are the same verb (تقول، يقول), and the imperfect of the
// derived forms V, VI and X meets the past (يتخلى، تتخلى، تخلى; يستخدم،
// تستخدم، استخدم). A stem in ت is folded only on evidence that it is such
// a verb: the pattern of form V, VI or X, or its ي form being a word of the
// lexicon (يقول، يوسع). Nouns and names in ت keep it (ترامب, not يرامب;
// تمام, not the dove يمام; تقرير), and personPrefixKeep lists the stems whose
// ي form is another word the lexicon knows (تونس and يونس).
func foldPersonPrefix(s string) string {
	if _, keep := personPrefixKeep[s]; keep || letters(s) < 3 {
		return s
	}
	if letters(s) >= 5 && (strings.HasPrefix(s, "يست") || strings.HasPrefix(s, "تست")) {
		return "است" + s[len("يست"):] // form X: يستخدم → استخدم
	}
	if letters(s) >= 4 && (strings.HasPrefix(s, "يت") || strings.HasPrefix(s, "تت")) {
		// Forms V and VI: يتخلى → تخلى → يخلى, the pattern is the evidence.
		return "ي" + s[len("يت"):]
	}
	if strings.HasPrefix(s, "ت") {
		if he := "ي" + s[len("ت"):]; knownWord(he) {
			return he
		}
	}
	return s
}

// derivedFormVerb gives the verbal noun and the imperfect of the derived
// forms VII, VIII and X the stem of their past verb, on the evidence of the
// pattern and of the lexicon knowing that verb: اعتراض، يعترض → اعترض;
// استخدام → استخدم; انسحاب، ينسحب → انسحب. The verbal noun of these forms
// is the past verb with an alef before its last letter (انفعال، افتعال،
// استفعال); a hollow root has the alef in the verb and ي or و in the noun
// (اختيار → اختار), a doubled one writes its last letter twice in the noun
// (استمرار → استمر). The imperfect replaces the first alef with ي (يفتعل).
// Form II (تفعيل) is left alone: its verbal nouns are often nouns of their
// own (تقرير report and يقرر decides, تنظيم organisation and ينظم).
func derivedFormVerb(s string) string {
	n := letters(s)
	var buf [16]byte // a candidate verb: at most six letters
	var verb []byte
	switch {
	case n == 6 && strings.HasPrefix(s, "ا") && (s[4:6] == "ت" || strings.HasPrefix(s, "ان")) && s[8:10] == "ا",
		n == 7 && strings.HasPrefix(s, "است") && s[10:12] == "ا":
		// افتعال، انفعال، استفعال → افتعل، انفعل، استفعل
		last, beforeAlef := s[len(s)-2:], s[len(s)-6:len(s)-4]
		switch {
		case beforeAlef == last: // استمرار → استمر
			verb = append(buf[:0], s[:len(s)-4]...)
		case beforeAlef == "ي" || beforeAlef == "و": // اختيار → اختار
			verb = append(append(append(buf[:0], s[:len(s)-6]...), "ا"...), last...)
		default:
			verb = append(append(buf[:0], s[:len(s)-4]...), last...)
		}
	case n == 5 && (strings.HasPrefix(s, "ين") || strings.HasPrefix(s, "ي") && s[4:6] == "ت"):
		// ينفعل، يفتعل → انفعل، افتعل
		verb = append(append(buf[:0], "ا"...), s[2:]...)
	default:
		return s
	}
	if knownBytes(verb) {
		return string(verb)
	}
	return s
}

const (
	articleAl  = "ال"
	articleLil = "لل" // ل + ال: the alef of the article is not written
)

// stripPrefixes removes proclitics in the order Arabic stacks them:
// conjunction (و ف), then a preposition (ب ك ل) or the future س, then the
// article. Each step needs three letters left and none applies when the
// letter belongs to the word.
func stripPrefixes(s string, hamzaAlef uint8) string {
	// A bare article keeps two letters (الام → ام, للاخر → اخر).
	if rest, ok := stripArticle(s, 0, hamzaAlef, 2); ok {
		return rest
	}
	pos := 0 // letters removed so far, to index hamzaAlef
	if hasPrefixLetter(s, "وف") && letters(s) >= 4 && !keepsInitial(s) {
		s = s[2:]
		pos++
		if rest, ok := stripArticle(s, pos, hamzaAlef, 3); ok {
			return rest
		}
	}
	switch {
	case hasPrefixLetter(s, "بك") && letters(s) >= 4:
		// بال، كال (after ل the article is written لل, handled above).
		if rest, ok := stripArticle(s[2:], pos+1, hamzaAlef, 3); ok && strings.HasPrefix(s[2:], articleAl) && knownRest(rest) {
			return rest
		}
		if !keepsInitial(s) && knownRest(s[2:]) {
			return s[2:]
		}
	case strings.HasPrefix(s, "ل") && letters(s) >= 4 && !keepsInitial(s):
		return s[2:]
	case strings.HasPrefix(s, "س") && letters(s) >= 4 && hasPrefixLetter(s[2:], "يتنا") && !strings.HasPrefix(s[4:], "ي") && !keepsInitial(s) && knownRest(s[2:]):
		// Future marker on an imperfect verb: سيتم، ستكون، سنعمل. No verb
		// stem starts with ي after the person prefix (ييأس is rare), so
		// سـتيـ is the English st- of a loanword: ستيلرز، ستيفن، ستيوارت.
		return s[2:]
	}
	return s
}

// stripArticle removes ال or لل (ل + ال) from s when at least minRest letters
// remain, the alef at letter pos of the original word had no hamza, and the
// rest is not a word that starts with a hamzated alef written without it.
func stripArticle(s string, pos int, hamzaAlef uint8, minRest int) (string, bool) {
	var rest string
	switch {
	case strings.HasPrefix(s, articleAl):
		if pos < 8 && hamzaAlef&(1<<pos) != 0 {
			return s, false
		}
		rest = s[len(articleAl):]
	case strings.HasPrefix(s, articleLil):
		rest = s[len(articleLil):]
		// ل before a word that starts with ل is written لل too: للجنة is
		// ل + لجنة (a committee), للبنان is ل + لبنان. When the word with
		// one ل is known to start with a radical ل, keep that ل.
		if withLam := s[len("ل"):]; letters(withLam) >= 3 && keepsInitial(withLam) {
			return withLam, true
		}
	default:
		return s, false
	}
	if letters(rest) < minRest || isNotArticle(rest) {
		return s, false
	}
	return rest, true
}

// hasPrefixLetter reports whether s starts with one of the letters of set.
func hasPrefixLetter(s, set string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i+1 < len(set); i += 2 {
		if s[0] == set[i] && s[1] == set[i+1] {
			return true
		}
	}
	return false
}

// keepsInitial reports whether the first letter of s belongs to the word,
// judged on the word without its suffixes (وزارة, وزارته → وزار).
func keepsInitial(s string) bool {
	_, ok := radicalStems[stripSuffixes(s)]
	return ok
}

// isNotArticle reports whether rest, following an ال, makes a word whose
// initial alef carries a hamza that was not written: الكترونية is إلكترونية,
// التزام is a verbal noun, not ال + تزام.
func isNotArticle(rest string) bool {
	if strings.HasPrefix(rest, "تزامن") { // التزامن is ال + تزامن (synchrony)
		return false
	}
	for _, p := range notArticlePrefixes {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// notArticlePrefixes are the starts of words after an initial ال that is
// not the article: إلكترون، ألمانيا، إلغاء، إلقاء، إلزام، إلحاق, and form VIII
// verbal nouns of roots starting with ل (التزام، التقاء، التحاق، التفاف،
// التهاب، التماس، التباس).
var notArticlePrefixes = [...]string{
	"كترون", "ماني", "غاء", "قاء", "زام", "حاق",
	"تزام", "تزم", "تقاء", "تقي", "تحاق", "تحق", "تفاف", "تهاب", "تماس", "تباس",
}

// stripSuffixes removes, each at most once and in this order: a pronoun
// enclitic, a nisba or adverb ending, a sound plural or dual ending, and the
// feminine ending (ة, folded to ه). The order mirrors how the endings stack
// (مسؤولياتهم = مسؤول + يات + هم), so every inflected form of a word ends on
// the same stem, including nisba forms of words in -ين/-ون (فلسطين،
// فلسطيني، فلسطينيين all give فلسط).
func stripSuffixes(s string) string {
	s, _ = cutSuffixes(s)
	return s
}

// ending says which ending cutSuffixes removed last, as far as the feminine
// noun rule cares (see feminineNouns).
type ending uint8

const (
	endOther    ending = iota // nothing, a pronoun, a verb ending, a masculine plural or dual
	endFeminine               // the feminine ة (as ه, so also a pronoun ه), as ت before a pronoun or the dual
	endPluralAt               // the plural ات (of feminine nouns, and of some masculine ones)
	endNisba                  // a nisba or adverb ending
)

// cutSuffixes is stripSuffixes, also saying which ending it cut last.
func cutSuffixes(s string) (string, ending) {
	if !isArabicWord(s) {
		return s, endOther
	}
	end := endOther
	rest, ok := cutSuffix(s, encliticSuffixes)
	if !ok && letters(s) == 5 && (strings.HasSuffix(s, "هم") || strings.HasSuffix(s, "هن")) && knownWord(s[:6]) {
		// هم and هن need four letters before them (تفاهم is a word, not
		// تفا + هم), or three that the lexicon knows as a word: أرضهم،
		// هزمهم، دعمهم.
		rest, ok = s[:6], true
	}
	if ok && strings.HasSuffix(s, "ه") && len(s)-len(rest) == 2 && strings.HasSuffix(rest, "ا") {
		// ه after ا is the word's own (اتجاه، انتباه، مياه) more often than
		// a pronoun; the feminine step below still treats it alike.
		ok = false
	}
	encliticHeh := ok && len(s)-len(rest) == 2 && strings.HasSuffix(s, "ه")
	if ok {
		s = rest
		if encliticHeh {
			// ة is folded to ه: the ending is a pronoun or the feminine.
			end = endFeminine
		}
		// The feminine ة is written ت before a pronoun: حكومتها → حكومة,
		// حياتها → حياة, but تصويتهم keeps its ت (see feminineTa).
		if feminineTa(s) {
			s = s[:len(s)-2]
			end = endFeminine
		}
	} else if verbTa(s) {
		// The feminine past verb: قالت → قال, أعلنت → أعلن.
		s = s[:len(s)-2]
	}
	if s2, cut := cutSuffix(s, nisbaSuffixes); cut {
		s, end = s2, endNisba
	}
	withPlural := s
	var pluralCut bool
	if !nounInUn(s) {
		var s2 string
		if s2, pluralCut = cutSuffix(s, pluralSuffixes); pluralCut {
			if strings.HasSuffix(s, "ات") {
				end = endPluralAt
			} else {
				end = endOther
			}
			s = s2
		}
	}
	if pluralCut && dualOfFeminine(withPlural, s) {
		// The feminine ة is written ت before the dual ending: دولتين،
		// الطائرتان → دولة، طائرة. Its ه goes like any feminine ending, and
		// so does the nisba ي it may follow (أمريكيتان → أمريكي → أمريك).
		s, nisba := cutSuffix(s[:len(s)-2], nisbaYeh)
		if nisba {
			return s, endNisba
		}
		return s, endFeminine
	}
	// A pronoun ه cannot follow ة (that is written ته), and ات replaces ة,
	// so after either the final ه belongs to the word: مواجهة، مواجهات →
	// مواجه. A final اه is cut always, so اتجاه and اتجاهات stay together.
	if !encliticHeh && !pluralCut || strings.HasSuffix(s, "اه") {
		if s2, cut := cutSuffix(s, feminineSuffixes); cut {
			s, end = s2, endFeminine
		}
	}
	return s, end
}

// nounInUn reports whether s is a five-letter word in ون that is not a
// sound plural: three letters before ون make a noun of the patterns فاعول،
// فعلون، مفعول (قانون، زيتون، فرعون، مضمون), a loanword (كربون، هرمون) or a
// number (عشرون), unless the word is an imperfect verb (يعدون، تأتون،
// آخرون is the elative أفعل), whose ون is the plural ending.
func nounInUn(s string) bool {
	return strings.HasSuffix(s, "ون") && letters(s) == 5 && !hasPrefixLetter(s, "يتنا")
}

// dualOfFeminine reports whether word, cut to rest by a plural or dual
// ending, is the dual of a feminine noun: ين or ان after a ت that follows at
// least three letters, where the ت is not listed as radical (بيوتين is not a
// word, but توقيتين is the dual of توقيت). ـستان is the Persian suffix of
// place names (باكستان، كردستان), not a dual.
func dualOfFeminine(word, rest string) bool {
	if !strings.HasSuffix(word, "ين") && !strings.HasSuffix(word, "ان") {
		return false
	}
	if !strings.HasSuffix(rest, "ت") || letters(rest) < 4 || strings.HasSuffix(word, "ستان") {
		return false
	}
	_, radical := radicalTa[rest]
	return !radical
}

// suffixRule is an ending and the number of letters that must remain for
// it to be cut. Longer remainders are asked where a short word often ends
// in the same letters: هم in تفاهم, ان in إعلان، لبنان، إيران.
type suffixRule struct {
	suffix  string
	minRest int
}

var (
	encliticSuffixes = []suffixRule{{"هما", 4}, {"كما", 4}, {"هم", 4}, {"هن", 4}, {"كم", 4}, {"كن", 4}, {"ها", 3}, {"نا", 3}, {"ه", 3}}
	// يا and ا are the adverbial accusative (إلكترونيا، شرقا) that is
	// written without its tanween; وا ends plural past verbs (قالوا); يان is
	// the nominative dual of a nisba adjective (حيويان، الأمريكيان).
	nisbaSuffixes    = []suffixRule{{"يين", 3}, {"يون", 3}, {"يات", 3}, {"يان", 3}, {"يه", 3}, {"يا", 3}, {"وا", 3}, {"ي", 3}, {"ا", 3}}
	pluralSuffixes   = []suffixRule{{"ات", 3}, {"ون", 3}, {"ين", 3}, {"ان", 4}}
	feminineSuffixes = []suffixRule{{"ه", 3}}
	nisbaYeh         = []suffixRule{{"ي", 3}}
)

// cutSuffix removes the first suffix of rules that s ends with and that
// leaves enough letters.
func cutSuffix(s string, rules []suffixRule) (string, bool) {
	if s == "" {
		return s, false
	}
	// Most rules fail on the last byte; testing it first keeps the
	// stemmer, which runs on every word, off memequal.
	last := s[len(s)-1]
	for _, rule := range rules {
		if rule.suffix[len(rule.suffix)-1] == last && strings.HasSuffix(s, rule.suffix) &&
			letters(s)-letters(rule.suffix) >= rule.minRest {
			return s[:len(s)-len(rule.suffix)], true
		}
	}
	return s, false
}
