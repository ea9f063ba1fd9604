package corpus

// The extraction rules are data, not code: a new site's furniture or a new
// month spelling is one more table entry, and nothing here names a document.
// Keys of the word tables are in matchKey form (hamzated alefs folded to ا,
// tatweel and harakat removed) so spelling variants need no extra entries.

// furnitureExact are whole lines that are page chrome, never article text.
// Matched exactly (after trimming) because words like "شارك" also begin
// real sentences ("شارك في الهجوم …").
var furnitureExact = []string{
	"مقالات ذات صلة",
	"أخبار ذات صلة",
	"مواضيع ذات صلة",
	"زر الذهاب إلى الأعلى",
	"شارك",
	"شارك المقال",
	"شارك الخبر",
	"اقرأ المزيد",
	"طباعة",
}

// furniturePrefixes start related-article links ("اقرأ أيضا: عنوان …").
// A prefix only matches when followed by ":", a space or the end of line.
var furniturePrefixes = []string{
	"اقرأ أيضا",
	"اقرأ أيضاً",
	"اقرا ايضا",
	"إقرأ أيضا",
	"إقرأ أيضاً",
	"اقرأ ايضا",
}

// maxLatinFurniture bounds a lone Latin token treated as debris ("enn"): a
// whole paragraph that is one short Latin word is a template leftover.
const maxLatinFurniture = 12

// sectionLabels are site section names printed above a title. Only a first
// line that is exactly one of these becomes Document.Category.
var sectionLabels = []string{
	"الأخبار", "أخبار", "الأخبار العاجلة", "عاجل",
	"سياسة", "اقتصاد", "رياضة", "ثقافة", "فن", "منوعات", "تقارير",
	"محليات", "عربي ودولي", "عربي", "دولي", "العالم", "حوادث", "تكنولوجيا",
	"مقالات", "رأي", "الرأي", "تحقيقات",
}

// months maps every spelling we accept to its month number: the Egyptian /
// Gulf names, the Levantine/Iraqi Syriac names, the Maghrebi (French-derived)
// names and the Moroccan variants.
var months = map[string]int{
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6,
	"يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9,
	"اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,

	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5,
	"حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10,
	"تشرين الثاني": 11, "كانون الاول": 12,

	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7,
	"اوت": 8,

	"يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}

// dateFiller are the other words a date-only line may hold: day names, the
// AM/PM markers, and "published on" / "updated" phrases. Any other word
// makes the line prose, so a sentence mentioning a date is never eaten.
var dateFiller = map[string]bool{
	"السبت": true, "الاحد": true, "الاثنين": true, "الثلاثاء": true,
	"الاربعاء": true, "الخميس": true, "الجمعه": true, "الجمعة": true,
	"ص": true, "م": true, "صباحا": true, "مساء": true, "ظهرا": true,
	"am": true, "pm": true, "gmt": true,
	"نشر": true, "في": true, "بتاريخ": true, "تاريخ": true, "النشر": true,
	"اخر": true, "تحديث": true, "التحديث": true, "بتوقيت": true,
}

// dateSeparators split a date line into tokens besides white space.
const dateSeparators = "،,|-–—"

// maxDateTokens keeps date detection to short lines.
const maxDateTokens = 12

// sourcePrefix introduces the agency or site line ("المصدر : الجزيرة").
const sourcePrefix = "المصدر"

// maxSourceWords: longer "المصدر: …" lines are prose about a source.
const maxSourceWords = 6

// Title heuristics: a title is a short first line that does not end like a
// sentence or a lead-in; "؟" and "!" are allowed since headlines ask.
const (
	maxTitleWords   = 20
	titleEndsNot    = ".،,:؛;"
	derivedMaxWords = 12
	// derivedCut ends the first clause of the text used as a derived title.
	derivedCut = ".،,؛;:؟?!"
	ellipsis   = "…"
)

// Byline shape "Name-City": 2–4 name words, a hyphen, 1–2 city words, within
// bylineWindow lines after the title. Lines between the title and a byline
// are header material (image alt text, photo captions) and are dropped.
const (
	bylineMinName = 2
	bylineMaxName = 4
	bylineMaxCity = 2
	bylineWindow  = 4
	bylineHyphens = "-–—"
)
