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
	first, ok := runTogether[Normalize(word)]
	if !ok {
		return 0
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
