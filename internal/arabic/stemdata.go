package arabic

import "strings"

// wholeWordTerms are normalized words whose term is fixed: الله must not
// lose its "article" (→ له), nor لله its "لل".
var wholeWordTerms = map[string]string{
	"الله": "الله", "لله": "الله", "بالله": "الله", "والله": "الله", "فالله": "الله",
	"تالله": "الله", "اللهم": "الله", "عبدالله": "عبدالله",
	// Taliban is not the plural of طالب (student).
	"طالبان": "طالبان", "لطالبان": "طالبان", "وطالبان": "طالبان",
}

// fixedTerms holds the terms of words the affix rules would cut to another
// word, with every proclitic (لماكرون، والحريري، وباراك، بالعشرين):
//   - the words of people's names (names.go, from the people gazetteer of
//     internal/entity, see nameWordsToGuard): ماكرون → ماكر, باراك →
//     اراك, الحريري → حرير, سليمان → سليم; the term is the name's word
//     without the article;
//   - the tens, whose ون/ين is not a plural ending: عشرين is not عشر,
//     ثلاثون not ثلاث; both cases give the ون form.
//
// It also holds wholeWordTerms, which win, so that Stem looks a word up
// once. Filled in init because it runs the normalizer.
var fixedTerms map[string]string

// tens are the numbers 20…90, nominative and oblique.
const tens = `عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين`

// addFixedTerm gives a word and its proclitic forms the term.
func addFixedTerm(terms map[string]string, word, term string) {
	norm := Normalize(word)
	bare := strings.TrimPrefix(norm, articleAl)
	forms := []string{norm, bare, articleAl + bare}
	for _, p := range []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"} {
		forms = append(forms, p+bare)
	}
	for _, p := range []string{"و", "ف", "ب", "ك", "وب", "فب"} {
		forms = append(forms, p+articleAl+bare)
	}
	forms = append(forms, "لل"+bare, "ولل"+bare, "فلل"+bare)
	for _, f := range forms {
		if _, taken := terms[f]; !taken {
			terms[f] = term
		}
	}
}

func makeFixedTerms() map[string]string {
	terms := make(map[string]string, len(wholeWordTerms)+16*len(personNameWords)/8)
	for w, t := range wholeWordTerms {
		terms[w] = t
	}
	for _, w := range strings.Fields(personNameWords) {
		addFixedTerm(terms, w, strings.TrimPrefix(Normalize(w), articleAl))
	}
	t := strings.Fields(tens)
	for i := 0; i+1 < len(t); i += 2 {
		nominative := Normalize(t[i])
		addFixedTerm(terms, t[i], nominative)
		addFixedTerm(terms, t[i+1], nominative)
	}
	return terms
}

// brokenPluralPairs lists frequent broken plurals of news text with their
// singular, in ordinary spelling. Affix rules cannot join them; the table is
// keyed by what the rules make of the plural and maps to what they make of
// the singular, so it also works behind clitics (مواقعهم، والأفكار).
// Plurals whose stem is another word are left out (أيدي/أيد, أشهر "more
// famous", فرق "difference", كتب "wrote", أحكام/حكم, قتلى/قتل "killing",
// مدن/مدني "civil").
const brokenPluralPairs = `
مواقع موقع عناصر عنصر أفكار فكرة جيوش جيش أعضاء عضو أسلحة سلاح قوات قوة
أطفال طفل أشخاص شخص رجال رجل قرى قرية شوارع شارع مناطق منطقة مصادر مصدر
مسائل مسألة وسائل وسيلة رسائل رسالة أخبار خبر أحزاب حزب أسباب سبب أيام يوم شهور شهر
سنوات سنة أعوام عام أمور أمر أعمال عمل حقوق حق قوانين قانون مشاريع مشروع برامج برنامج
مساجد مسجد معارك معركة قادة قائد زعماء زعيم أجهزة جهاز أنظمة نظام أهداف هدف أنشطة نشاط
أراضي أرض طرق طريق أسواق سوق أسعار سعر أموال مال أرقام رقم أسماء اسم حروب حرب جنود جندي
ضباط ضابط عواصم عاصمة مراكز مركز خطط خطة تقارير تقرير مصالح مصلحة رؤساء رئيس وزراء وزير
سفراء سفير خبراء خبير أمراء أمير شعوب شعب قلوب قلب بلدان بلد دروس درس أبناء ابن أصوات صوت
أحداث حدث أجزاء جزء أعداء عدو أفراد فرد آلاف ألف ملايين مليون منازل منزل مباني مبنى سجون سجن
ظروف ظرف حدود حد جرائم جريمة ضحايا ضحية قضايا قضية مواد مادة أدوات أداة وثائق وثيقة حقائق حقيقة
دقائق دقيقة أساليب أسلوب مناصب منصب مكاتب مكتب مواقف موقف عقود عقد فنادق فندق محاكم محكمة
أطراف طرف أسرى أسير رهائن رهينة جثث جثة أقاليم إقليم مقاعد مقعد نواب نائب أئمة إمام مذاهب مذهب
طوائف طائفة قبائل قبيلة فصائل فصيل كتائب كتيبة ألوية لواء خلايا خلية شهداء شهيد جرحى جريح
أسابيع أسبوع أماكن مكان مواضيع موضوع رموز رمز خطوط خط نصوص نص آراء رأي مراحل مرحلة
مبادئ مبدأ أنباء نبأ تفاصيل تفصيل عوامل عامل حوادث حادث شؤون شأن أحوال حال أشياء شيء أوضاع وضع
أدلة دليل أخطاء خطأ أعداد عدد طلاب طالب أساتذة أستاذ مدارس مدرسة أطباء طبيب أمراض مرض أدوية دواء
أبحاث بحث أنواع نوع أشكال شكل أفلام فيلم صحف صحيفة أوقات وقت دوافع دافع مخاطر خطر أسر أسرة
متطرفين متطرف مقاتلين مقاتل إرهابيين إرهابي
بيوت بيت صواريخ صاروخ شباب شاب
`

// brokenPlurals maps the stem of a plural to the stem of its singular; it is
// filled in init because computing the stems runs the stemmer itself.
var brokenPlurals map[string]string

func init() {
	fixedTerms = makeFixedTerms()
	fields := strings.Fields(brokenPluralPairs)
	brokenPlurals = make(map[string]string, len(fields)/2)
	for i := 0; i+1 < len(fields); i += 2 {
		_, plural := analyzeWord(fields[i])
		_, singular := analyzeWord(fields[i+1])
		if plural != singular {
			brokenPlurals[plural] = singular
		}
	}
}

// personPrefixKeepList are stems that start with ت whose ي form is a
// different word, so foldPersonPrefix leaves them alone: names of places
// and people (تونس/يونس، تعز، تبوك، تيم), and nouns whose ي twin is a name
// or another common word (تمن of تمنى vs اليمن، تسع nine vs يسع، تمر dates
// vs يمر، تهم charges vs يهم، تحي of تحية vs يحيى). Written as stems.
const personPrefixKeepList = `
تونس تعز تبوك تيم تمن تسع تمر تهم تحي تنبع
`

var personPrefixKeep = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(personPrefixKeepList) {
		m[w] = struct{}{}
	}
	return m
}()
