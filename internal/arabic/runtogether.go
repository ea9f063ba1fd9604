package arabic

import "strings"

// runTogetherPairs are two-word phrases of news text often written without
// the space between them, so that they show as one word: the first word ends
// in a letter that joins the next (ت, ة written ت) or the space is lost in
// copying (الولاياتالمتحدة in a seed). The tokenizer splits such a run back
// into the two words. Only phrases whose run-together spelling is never a
// word of its own belong here. Data, one phrase per line.
const runTogetherPairs = `
الولايات المتحدة
الأمم المتحدة
المملكة العربية
الشرق الأوسط
وزير الخارجية
وزارة الخارجية
وزارة الداخلية
وزارة التعليم
عيد الفطر
عيد الأضحى
الفطر المبارك
كرة القدم
بشار الأسد
المدينة المنورة
السمو الملكي
رئيس الوزراء
مجلس الأمن
`

// minRunTogether is the shortest run, in bytes, that can be in the table.
var minRunTogether int

// runTogether maps the normalized run to the normalized first word.
var runTogether = func() map[string]string {
	m := map[string]string{}
	minRunTogether = 1 << 30
	for line := range strings.Lines(runTogetherPairs) {
		a, b, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		a, b = Normalize(a), Normalize(b)
		m[a+b] = a
		minRunTogether = min(minRunTogether, len(a+b))
	}
	return m
}()

// splitRunTogether returns the byte offset in word where the second word of
// a run-together pair starts, or 0 when word is not one. The offset is the
// start of the first letter whose prefix normalizes to the first word, so
// harakat stay with their letter.
func splitRunTogether(word string) int {
	norm := Normalize(word)
	first, ok := runTogether[norm]
	if !ok {
		if first = lexiconSplit(norm); first == "" {
			return 0
		}
	}
	for i, r := range word {
		if i == 0 {
			continue
		}
		if k := classify(r); k == classCombining || k == classJoiner {
			continue
		}
		if Normalize(word[:i]) == first {
			return i
		}
	}
	return 0
}

// lexiconSplit finds a lost space before an article (علىالمنصة،
// تشتهرالبلد، بنتهاالجامعة): a word the lexicon does not know that reads as
// two words it does know, the second starting with ال. It returns the first
// word, or "" when there is no such split. The first part must be at least
// three letters and not only proclitics (وبالعراق is و + ب + العراق, one
// word), the second three letters after ال, and the whole must be unknown,
// so a real word with ال inside (احتفالات، استقبال) is never cut.
func lexiconSplit(norm string) string {
	if lexicon == nil || letters(norm) < 8 || !isArabicWord(norm) || knownWord(norm) {
		return ""
	}
	for i := 6; i+len(articleAl)+6 <= len(norm); i += 2 {
		if norm[i:i+len(articleAl)] != articleAl || onlyProclitics(norm[:i]) {
			continue
		}
		if left, right := norm[:i], norm[i:]; knownWord(left) && knownWord(right) {
			return left
		}
	}
	return ""
}

// onlyProclitics reports whether s is made of the letters that stack before
// an article (و ف ب ك ل).
func onlyProclitics(s string) bool {
	for i := 0; i < len(s); i += 2 {
		if !hasPrefixLetter(s[i:], "وفبكل") {
			return false
		}
	}
	return true
}
