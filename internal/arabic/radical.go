package arabic

import "strings"

// radicalWordList holds words whose first letter و ف ب ك ل or س belongs
// to the word, not a proclitic, that the corpus-derived list may miss
// (proper nouns seldom seen with the article). radicalStems holds their
// stems and the generated ones; a word whose stem is in it keeps its first
// letter (وزارة stays وزار, not زار).
const radicalWordList = `
وزارة وزير وطن وقت ولاية وسيلة وضع وجود وصول وكالة وحدة وفد وفاة وثيقة واقع وادي
فلسطين فرنسا فريق فكرة فترة فعل فيلم فيسبوك فندق فصيل فرصة فوز فتح
بلد بيان برنامج بحث بيت بطل بنك بغداد بريطانيا بيروت باريس
كبير كتاب كلمة كامل كرة كثير
لبنان لجنة لعب لقاء ليبيا لندن
سوريا سياسة سنة سعودية سلاح سيارة سجن سلام سوق سيناء سيطرة
`

var radicalStems = func() map[string]struct{} {
	words, stems := strings.Fields(radicalWordList), strings.Fields(generatedRadicalStems)
	set := make(map[string]struct{}, len(words)+len(stems))
	for _, w := range words {
		set[stripSuffixes(Normalize(w))] = struct{}{}
	}
	for _, s := range stems {
		set[s] = struct{}{}
	}
	return set
}()

// feminineNouns are stems whose ة form is a noun of its own, not the
// feminine of an adjective or participle: the news corpus shows the ة forms
// far more often than the stem without an ending (شركة and شرك, حركة and
// حرك, منطقة and منطق), so the stemmer keeps their ة (see
// TestGenerateFeminineNouns). Joining the rare bare word would gain little
// and is most often another word. Each stem maps to its term, the stem with
// ه (the folded ة), made once.
var feminineNouns = func() map[string]string {
	stems := strings.Fields(generatedFeminineNouns)
	set := make(map[string]string, len(stems))
	for _, s := range stems {
		set[s] = s + "ه"
	}
	return set
}()
