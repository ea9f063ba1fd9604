package arabic

import "strings"

// radicalTaWordList holds frequent words whose final ت belongs to the word,
// in normalized spelling and without proclitics: nouns of roots ending in ت
// (تصويت, ثبوت, بيوت), verbs of such roots (يثبت, يموت), and loanwords and
// names (انترنت, كويت, بيروت). The stemmer cuts a final ت elsewhere: the
// feminine ة is written ت before a pronoun (حكومتها) and ت ends the
// feminine past verb (قالت, أعلنت). Chosen from the words ending in ت that a
// news corpus shows much more often than the word without the ت or with ة.
const radicalTaWordList = `
انترنت كويت تصويت بيوت توقيت بيروت لافت بوست ثابت موقت مثبت تثبت يثبت اثبت
ستريت مايكروسوفت روبرت اسمنت تثبيت سكوت حضرموت روبوت رافت زيوت يموت تموت
اوبريت بريكست ستيوارت تفاوت تتفاوت ثبوت يصوت يفوت تفويت فرانكفورت هورست
تفتيت تشتيت تشتت اندبندنت غيغابايت جيجابايت ميغابايت عنكبوت ارنست ايرنست مقيت
بخيت يلتفت تعنت تهافت صامت بنزرت ايكونوميست بونابرت هولوكوست روزفلت يديعوت
هارت بوخارست تكريت مباغت فينسنت باتريوت مانافورت تويت جبروت ملكوت تابوت
ياقوت طاغوت كبريت عفريت حانوت
`

var radicalTa = normalizedSet(radicalTaWordList)

// alefTaMarbutaWordList holds nouns ending in ـاة (حياة, صلاة, قناة). Before
// a pronoun their ة is written ت like any other (حياتها), but ـاتها is
// mostly a plural (حساباتها), so these are listed: the table lets حياتها
// meet حياة without cutting ثباتها (ثبات) or لغاتها (لغات).
const alefTaMarbutaWordList = `
حياة صلاة زكاة قناة فتاة نجاة وفاة مباراة مأساة نواة مرآة مصفاة قضاة ولاة دعاة
غزاة رعاة حماة مشاة مساواة موالاة معاناة ملاقاة مراعاة محاكاة مواساة
`

var alefTaMarbuta = normalizedSet(alefTaMarbutaWordList)

// feminineTa reports whether the final ت of s, found before a pronoun, is
// the feminine ة: حكومت(ها) and حيات(ها) yes, تصويت(هم) and حسابات(هم) no.
func feminineTa(s string) bool {
	if !strings.HasSuffix(s, "ت") || letters(s) < 4 {
		return false
	}
	if strings.HasSuffix(s, "ات") {
		_, ok := alefTaMarbuta[s[:len(s)-2]+"ه"]
		return ok
	}
	_, radical := radicalTa[s]
	return !radical
}

// verbTa reports whether s ends in the ت of the feminine past verb (قالت,
// أعلنت, أكدت): a final ت, not ات or وت, after at least three letters, on a
// word not listed as ending in a radical ت.
func verbTa(s string) bool {
	if !strings.HasSuffix(s, "ت") || strings.HasSuffix(s, "ات") || letters(s) < 4 {
		return false
	}
	if strings.HasSuffix(s, "وت") {
		// Before the feminine ت a past verb ends in a root letter or, if
		// defective, loses its final letter (دعت، رمت); وت ends nouns of
		// the patterns فعول، فعلوت and loanwords: بيروت، ملكوت، هوغونوت.
		return false
	}
	_, radical := radicalTa[s]
	return !radical
}
