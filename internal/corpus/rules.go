package corpus

// The extraction rules are data, not code: a new site's furniture or a new
// month spelling is one more table entry, and nothing here names a document.
// Keys of the word tables are in matchKey form (hamzated alefs folded to ا,
// tatweel and harakat removed) so spelling variants need no extra entries.

// furnitureExact are whole lines that are page chrome, never article text.
// Matched exactly (after trimming, matchKey folding and stripping leading
// bullets "*", "•", "-") because words like "شارك" also begin real
// sentences ("شارك في الهجوم …").
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
	// "…المزيد" read-more links closing a teaser (aawsat).
	"المزيد",
	"...المزيد",
	"....المزيد",
	"المزيد...",
	// Wire end and continuation markers (SPA).
	"// انتهى //",
	"//انتهى//",
	"/ انتهى /",
	"// يتبع //",
	"//يتبع//",
	// SMS subscription boxes (Saudi papers).
	"ثم الرسالة",
	"للتواصل مع الكاتب ارسل رسالة SMS",
	// Slider navigation printed before the byline (3alyoum).
	"Next Previous",
}

// furniturePrefixes start furniture lines: related-article links ("اقرأ
// أيضا: عنوان …"), app and social-media promotions, disclaimers, copyright
// and contact lines. A prefix only matches when followed by ":", a space, a
// punctuation mark or the end of line; a line starting with one of these
// and longer than maxFurnitureWords words is prose and stays.
var furniturePrefixes = []string{
	"اقرأ أيضا",
	"اقرأ أيضاً",
	"اقرا ايضا",
	"إقرأ أيضا",
	"إقرأ أيضاً",
	"اقرأ ايضا",
	"شاهد أيضا",
	"شاهد أيضاً",
	"طالع أيضا",
	"مقالات أخرى للكاتب",
	"تابعونا على",
	"تابعوا آخر الأخبار",
	"يمكنكم استلام إشعارات بأهم الموضوعات",
	"يمكنكم تسلم إشعارات بأهم الموضوعات",
	"جميع المقالات المنشورة تمثل رأي كتابها",
	"جميع الحقوق محفوظة",
	"حقوق النشر محفوظة",
	"حقوق الطبع محفوظة",
	"رابط الخبر بصحيفة",
	"للتواصل مع الكاتب",
	"للتواصل أرسل",
	"لمراسلة الكاتب",
	"زين تبدأ بالرمز",
	"تبدأ بالرمز",
	"موعد يومي مع أبرز الأحداث والمستجدات", // Jawhara FM bulletin jingle
	"©",
}

// furnitureGluedPrefixes are prefixes matched even when the next word is
// glued on by the scraper ("مقالات أخرى للكاتبنداء لرئيس الحرمين…").
var furnitureGluedPrefixes = []string{
	"مقالات أخرى للكاتب",
}

// furnitureTails start closing chrome that the scraper glued to the end of
// the last paragraph ("… الساحة اللبنانية. رابط الخبر بصحيفة الوئام: …",
// "aaljamili@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS …"). The line is
// cut at the marker when at most maxTailWords words follow; what stays
// before it goes through the furniture rules again (an e-mail alone goes).
// Spelled as printed: these are searched in the raw line.
var furnitureTails = []string{
	"رابط الخبر بصحيفة",
	"مقالات أخرى للكاتب",
	"مقالات اخرى للكاتب",
	"للتواصل مع الكاتب ارسل رسالة",
	"للتواصل مع الكاتب أرسل رسالة",
	"زين تبدأ بالرمز",
}

// maxTailWords bounds the glued tail cut by furnitureTails.
const maxTailWords = 80

// maxFurnitureWords bounds a prefix-matched furniture line: a related link
// or a promotion is one line, not a paragraph.
const maxFurnitureWords = 40

// furnitureSuffixes end call-to-action lines ("لمتابعة المباراة على
// الحواسيب اللوحية، اضغط هنا..."); trailing dots are ignored.
var furnitureSuffixes = []string{
	"اضغط هنا",
	"انقر هنا",
}

// maxSuffixFurnitureWords: a "… اضغط هنا" line longer than this is prose.
const maxSuffixFurnitureWords = 12

// maxLatinFurniture bounds a lone Latin token treated as debris ("enn",
// "Array"): a whole paragraph that is one short Latin word is a template
// leftover.
const maxLatinFurniture = 12

// smsCarriers are the Latin operator names of SMS boxes ("737221 - Zain").
var smsCarriers = []string{"zain", "mobily", "stc", "sms", "الاتصالات", "موبايلي", "زين"}

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
// names and the Moroccan variants. Keys are in matchKey form (hamza on alef
// folded, so "أبريل", "إبريل" and "ابريل" are one key).
var months = map[string]int{
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6,
	"يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9,
	"اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12, "فبرير": 2, "أغسطوس": 8,

	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5,
	"حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10,
	"تشرين الثاني": 11, "كانون الاول": 12,
	"كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12,

	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7,
	"جويليه": 7, "اوت": 8,

	"يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}

// hijriMonths are the Islamic months. A Hijri date is never taken for a
// Gregorian one: "26 شوال 1436 هـ" gives no year, only the Gregorian date
// after "الموافق" does.
var hijriMonths = map[string]bool{
	"محرم": true, "صفر": true, "ربيع الاول": true, "ربيع الاخر": true,
	"ربيع الثاني": true, "جمادى الاولى": true, "جمادى الاول": true,
	"جمادى الاخرة": true, "جمادى الاخره": true, "جمادى الثانية": true,
	"جمادى الاخر": true, "رجب": true, "شعبان": true, "رمضان": true,
	"شوال": true, "ذو القعدة": true, "ذي القعدة": true, "ذو القعده": true,
	"ذي القعده": true, "ذو الحجة": true, "ذي الحجة": true, "ذو الحجه": true,
	"ذي الحجه": true,
}

// hijriMarkers follow a Hijri year ("1436 هـ", "1436هـ").
var hijriMarkers = map[string]bool{"هـ": true, "ه": true, "هجري": true, "هجرية": true}

// gregorianMarkers follow a Gregorian year ("2015 م", "2015م").
var gregorianMarkers = map[string]bool{"م": true, "ميلادي": true, "ميلادية": true}

// equivalenceWord introduces the Gregorian equivalent of a Hijri date.
const equivalenceWord = "الموافق"

// Publication years outside this range are not news dates (a Hijri year
// written without "هـ", a historical year).
const minYear, maxYear = 1900, 2100

// dayNames are the weekdays in matchKey form, valued time.Weekday+1. A
// date that names its weekday must fall on it: "اليوم الخميس 16 مارس 2016"
// (a Wednesday) has a typo, and no date is better than a wrong one.
var dayNames = map[string]int{
	"الاحد": 1, "الاثنين": 2, "الإثنين": 2, "الثلاثاء": 3, "الاربعاء": 4,
	"الخميس": 5, "الجمعه": 6, "الجمعة": 6, "السبت": 7,
}

// dateFiller are the other words a date-only line may hold: day names, the
// AM/PM markers, and "published on" / "updated" phrases. Any other word
// makes the line prose, so a sentence mentioning a date is never eaten.
var dateFiller = map[string]bool{
	"يوم": true,
	"ص":   true, "م": true, "صباحا": true, "مساء": true, "ظهرا": true,
	"am": true, "pm": true, "gmt": true,
	"نشر": true, "في": true, "بتاريخ": true, "تاريخ": true, "النشر": true,
	"اخر": true, "تحديث": true, "التحديث": true, "بتوقيت": true,
	"ميلادي": true, "ميلادية": true,
}

// publicationMarkers, right before a date in the first sentence of the
// lead, say the date is the day of publication: "… اليوم الثلاثاء 23 فيفري
// 2016 …". "يوم الأحد 2 أفريل 2017" is not one: on the benchmark corpora it
// announces an event to come as often as it dates the news.
var publicationMarkers = map[string]bool{"اليوم": true}

// dateSeparators split a date line into tokens besides white space; "-"
// and "/" are also separators between words, but inside a numeric date
// ("21/07/2015", "2015-07-21") they are part of it.
const dateSeparators = "،,|–—()"

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
	bylineMaxCity = 3
	bylineWindow  = 4
	bylineHyphens = "-–—"
	// tatweel doubles as a dash between spaces ("سلوى المدني ـ عين اليوم").
	tatweelDash = " ـ "
)

// bylineNotCity are words that stand where a byline's city goes but name
// the kind of report ("سلوى سعد – متابعات").
var bylineNotCity = []string{"متابعات", "متابعة", "خاص", "وكالات", "رصد", "رصد وتصوير", "تصوير", "ترجمة"}

// authorMarkers introduce an author: "كتب: فلان", "بقلم: فلان", "بقلم
// الكاتب فلان".
var authorMarkers = []string{"كتب", "كتبت", "بقلم", "بقلم الكاتب", "بقلم الكاتبة", "إعداد", "تقرير", "حوار", "كتبه", "كتبته"}

// creditMarkers start a credit line naming where an article was first
// published: "*نقلاً عن الرؤية الإماراتية". The line becomes the Source
// when the record has none.
var creditMarkers = []string{"نقلا عن", "نقلاً عن"}

// maxCreditWords: a longer "نقلا عن …" line is a sentence.
const maxCreditWords = 5
