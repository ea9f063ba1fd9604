package ui

import (
	"strconv"
	"strings"

	"marsad/internal/corpus"
	"marsad/internal/query"
)

// lang is the interface language. Corpus text keeps its own direction
// whatever the interface is: an Arabic article stays right-to-left inside
// the English page.
type lang string

const (
	arabic  lang = "ar"
	english lang = "en"
)

// langStorageKey is where the browser remembers the visitor's choice of
// language; the loader (before Go runs) reads the same key.
const langStorageKey = "marsad.lang"

// parseLang reads a language code; anything but "en" is Arabic, the
// default.
func parseLang(s string) lang {
	if strings.EqualFold(strings.TrimSpace(s), "en") {
		return english
	}
	return arabic
}

// dir is the writing direction of the interface language.
func (l lang) dir() string {
	if l == english {
		return "ltr"
	}
	return "rtl"
}

// comma is what separates the items of a list in l: the Arabic comma in
// Arabic.
func (l lang) comma() string {
	if l == english {
		return ", "
	}
	return "، "
}

func (l lang) semicolon() string {
	if l == english {
		return "; "
	}
	return "؛ "
}

// joinTerms lists terms with the language's comma.
func joinTerms(l lang, terms []string) string { return strings.Join(terms, l.comma()) }

// other is the language the toggle offers.
func (l lang) other() lang {
	if l == english {
		return arabic
	}
	return english
}

// t returns the page's texts in l. Every string a visitor can read comes
// from here, so that a missing translation is a compile error (a field left
// out of one of the two literals below), not an English word on an Arabic
// page.
func (l lang) t() *texts {
	if l == english {
		return &englishTexts
	}
	return &arabicTexts
}

// texts holds every visitor-visible string of the page, per language. A
// function takes what the sentence needs (a count, a query) so that each
// language orders and inflects it as its grammar wants.
type texts struct {
	language corpus.Language // for the labels of domain values (dates, entity types)

	appName          string
	tagline          string
	logoAlt          string
	skipToResults    string
	searchLabel      string
	searchHint       string
	searchShortcut   string
	langToggle       string // the name of the other language, in that language
	langToggleLabel  string
	themeLabel       string
	themeNames       [3]string // auto, light, dark
	helpLink         string
	loadingCorpus    string
	loadFailedTitle  string
	loadFailedAdvice string
	retry            string
	updateAvailable  string
	updateNow        string
	privacyNote      string

	resultsHeading     func(query string) string
	corpusHeading      string
	results            func(n int) string
	articles           func(n int) string
	matches            func(n int) string
	corpusSummary      func(articles, sources int, first, last string) string
	searching          func(query string) string
	resultsLabel       string
	sortLabel          string
	sortNames          [3]string // relevance, newest, oldest
	partial            func(strict int) string
	onlyAllWords       func(strict int) string
	allWordsOnly       string
	withPartialMatches string
	didYouMean         string
	noSuchSource       func(value string) string
	noDatedArticles    func(value, first, last string) string
	hijriReading       func(value, first, last string) string
	searchHijri        string
	or                 string
	alsoSearched       string
	alsoExcluded       string
	moreNames          func(n int) string
	fewerNames         string
	onlyWhatITyped     string
	aliasesOff         string
	aliasesOn          string
	formsSummary       func(n int) string
	formSearchTitle    string
	expansions         func(term string, shown, total int) string
	prefixTooBroad     func(term string) string
	noResults          func(query string) string
	eachWordFinds      string
	tryOneWord         string
	tryOr              string
	tryExclude         string
	tryOtherSpelling   string
	searchNoFilters    string
	queryNotUnderstood func(detail string) string
	queryHint          string
	readError          func(detail string) string
	pagerLabel         string
	previousPage       string
	nextPage           string
	pageOf             func(page, pages int) string
	pastLastPage       func(pages int) string
	toLastPage         string

	filters        string
	filtersButton  func(active int) string
	closeFilters   string
	activeFilters  string
	removeFilter   func(what string) string
	clearAll       string
	source         string
	year           string
	date           string
	entity         string
	dateRange      string
	dateFrom       string
	dateTo         string
	dateApply      string
	dateHint       string
	noSource       string
	noDate         string
	inferredDate   string
	entitiesFailed string

	backToResults   string
	articleMentions string
	moreEntities    func(n int) string
	mentions        func(n int) string
	previousHit     string
	nextHit         string
	hitPosition     func(i, n int) string
	noSuchHit       func(asked, n int) string
	hitStrip        string
	original        string
	originalTitle   string
	noSuchArticle   func(id string) string
	byAuthor        string
	readerKeys      string

	helpTitle     string
	helpIntro     string
	helpRows      [][2]string // example, what it finds
	helpKeysTitle string
	helpKeys      [][2]string
	helpClose     string

	offlinePrecached     string
	offlineLabel         string
	offlineKeptSoFar     func(done, total string) string
	offlineKeep          func(size string) string
	offlineSaving        string
	offlineProgress      string
	offlineStop          string
	offlineSaved         func(done, total string) string
	offlineAllKept       func(size string) string
	offlineDelete        string
	offlineDeleting      string
	offlineDeletePartial string
	offlineUnavailable   string
	offlineNote          string
	offlineQuota         func(size string) string
	offlineFailed        string
	kilobytes, megabytes string

	newVersion             string
	newVersionStillMissing string
	notKeptOffline         string
	keepOfflineOffer       func(size string) string
	unreadable             func(detail string) string

	readAsText   map[query.ErrorKind]string
	coverage     func(strict int) string
	droppedTerms func(n int) string
}

var arabicTexts = texts{
	language:         corpus.Arabic,
	appName:          "مرصد",
	tagline:          "مستكشف الأخبار العربية",
	logoAlt:          "مرصد: الصفحة الأولى",
	skipToResults:    "انتقل إلى النتائج",
	searchLabel:      "ابحث في المدونة",
	searchHint:       "ابحث: تويتر، \"تنظيم الدولة\"، داعش -فيسبوك",
	searchShortcut:   "اضغط / للبحث",
	langToggle:       "English",
	langToggleLabel:  "Switch the interface to English",
	themeLabel:       "المظهر",
	themeNames:       [3]string{"تلقائي", "فاتح", "داكن"},
	helpLink:         "مساعدة",
	loadingCorpus:    "جارٍ تحميل المدونة…",
	loadFailedTitle:  "تعذّر تحميل فهرس المدونة",
	loadFailedAdvice: "تحقّق من اتصالك ثم أعد المحاولة. إن تكرر الخطأ فأخبر من ينشر هذا الموقع باسم الملف أعلاه.",
	retry:            "أعد المحاولة",
	updateAvailable:  "يتوفر إصدار جديد من مرصد.",
	updateNow:        "حدّث الآن",
	privacyNote:      "يجري كل البحث في متصفحك، ولا يُرسل شيء إلى أي خادم.",

	resultsHeading: func(q string) string { return "نتائج البحث عن «" + q + "»" },
	corpusHeading:  "مقالات المدونة",
	results: func(n int) string {
		if n == 0 {
			return "لا نتائج"
		}
		return countNoun(n, "نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة")
	},
	articles: func(n int) string {
		return countNoun(n, "مقال واحد", "مقالان", "مقالات", "مقالًا")
	},
	matches: func(n int) string {
		return countNoun(n, "مطابقة واحدة", "مطابقتان", "مطابقات", "مطابقة")
	},
	corpusSummary: func(articles, sources int, first, last string) string {
		s := "المدونة: " + countNoun(articles, "مقال واحد", "مقالان", "مقالات", "مقالًا")
		if sources > 0 {
			s += "، " + countNoun(sources, "مصدر واحد معروف", "مصدران معروفان", "مصادر معروفة", "مصدرًا معروفًا")
		}
		switch {
		case first != "" && first != last:
			s += "، من " + first + " إلى " + last
		case first != "":
			s += "، في " + first
		}
		return s
	},
	searching:    func(q string) string { return "جارٍ البحث عن «" + q + "»…" },
	resultsLabel: "النتائج",
	sortLabel:    "رتّب",
	sortNames:    [3]string{"الأنسب", "الأحدث", "الأقدم"},
	partial: func(strict int) string {
		lead := "لا يحوي أي مقال كل الكلمات"
		if strict > 0 {
			lead = "لا يحوي كل الكلمات إلا " + countNoun(strict, "مقال واحد", "مقالان", "مقالات", "مقالًا")
		}
		return lead + "، فهذه مطابقات جزئية: المقالات التي تحوي بعض الكلمات، مرتّبةً بقدر ما تغطي من البحث (الكلمة النادرة أثقل من الشائعة) ثم بتكرارها."
	},
	onlyAllWords: func(strict int) string {
		switch strict {
		case 1:
			return "اعرض المقال الذي يحوي كل الكلمات وحده"
		case 2:
			return "اعرض المقالين اللذين يحويان كل الكلمات وحدهما"
		}
		return "اعرض المقالات التي تحوي كل الكلمات وحدها (" + groupThousands(strict) + ")"
	},
	allWordsOnly:       "هذه المقالات التي تحوي كل الكلمات وحدها.",
	withPartialMatches: "اعرض المطابقات الجزئية أيضًا",
	didYouMean:         "هل تقصد: ",
	noSuchSource: func(v string) string {
		return "لا مصدر في المدونة اسمه «" + v + "»، فلا يجد هذا المرشّح شيئًا."
	},
	noDatedArticles: func(v, first, last string) string {
		return "لا مقالات مؤرخة في " + v + ": تواريخ مقالات المدونة من " + first + " إلى " + last + "."
	},
	hijriReading: func(v, first, last string) string {
		return v + " بالتقويم الهجري هي من " + first + " إلى " + last + " تقريبًا: "
	},
	searchHijri:    "ابحث في هذه التواريخ",
	or:             " أو ",
	alsoSearched:   "بحثنا أيضًا عن: ",
	alsoExcluded:   "استبعدنا معها أيضًا: ",
	moreNames:      func(n int) string { return "+" + strconv.Itoa(n) },
	fewerNames:     "أقل",
	onlyWhatITyped: "ابحث عمّا كتبتُ فقط",
	aliasesOff:     "البحث بالأسماء الأخرى للكيان نفسه معطّل. ",
	aliasesOn:      "فعّله",
	formsSummary: func(n int) string {
		return "صيغ الكلمة التي طابقها البحث (" + strconv.Itoa(n) + ")"
	},
	formSearchTitle: "ابحث عن هذه الصيغة وحدها",
	expansions: func(term string, shown, total int) string {
		if total > shown {
			return "«" + term + "» طابق " + countNoun(total, "كلمة واحدة", "كلمتين", "كلمات", "كلمة") + "، أكثرها ورودًا: "
		}
		return "«" + term + "» طابق: "
	},
	prefixTooBroad: func(term string) string {
		return "«" + term + "» يطابق كلمات كثيرة جدًا فلم يُبحث عنه: أضف حرفًا أو أكثر."
	},
	noResults:          func(q string) string { return "لم نجد مقالًا يطابق «" + q + "»." },
	eachWordFinds:      "كل كلمة وحدها تجد: ",
	tryOneWord:         "جرّب كلمة واحدة أو كلمة أعم: كل كلمات الاستعلام مطلوبة معًا.",
	tryOr:              "اجمع البدائل بـ OR، مثل: فيسبوك OR تويتر",
	tryExclude:         "احذف كلمة مستبعدة بعلامة الطرح (-) أو علامات الاقتباس حول العبارة.",
	tryOtherSpelling:   "جرّب كتابة أخرى للكلمة أو كلمة أعم.",
	searchNoFilters:    "ابحث بلا مرشّحات",
	queryNotUnderstood: func(d string) string { return "لم نفهم جزءًا من الاستعلام: " + d },
	queryHint:          "انظر المساعدة لصيغة الاستعلام.",
	readError: func(d string) string {
		return "تعذّر قراءة جزء من المدونة، فهذه النتيجة ناقصة. أعد المحاولة بعد قليل؛ إن تكرر الخطأ فأخبر من ينشر الموقع. التفاصيل: " + d
	},
	pagerLabel:   "صفحات النتائج",
	previousPage: "→ السابقة",
	nextPage:     "التالية ←",
	pageOf:       func(p, n int) string { return "صفحة " + strconv.Itoa(p) + " من " + strconv.Itoa(n) },
	pastLastPage: func(n int) string {
		return "لا شيء في هذه الصفحة: للنتائج " + countNoun(n, "صفحة واحدة", "صفحتان", "صفحات", "صفحة") + " فقط."
	},
	toLastPage: "إلى الصفحة الأخيرة",

	filters: "المرشّحات",
	filtersButton: func(n int) string {
		if n == 0 {
			return "تصفية"
		}
		return "تصفية (" + strconv.Itoa(n) + ")"
	},
	closeFilters:   "أغلق المرشّحات",
	activeFilters:  "المرشّحات المفعّلة",
	removeFilter:   func(w string) string { return "أزل المرشّح: " + w },
	clearAll:       "أزلها كلها",
	source:         "المصدر",
	year:           "السنة",
	date:           "التاريخ",
	entity:         "يذكر",
	dateRange:      "مدى التاريخ",
	dateFrom:       "من",
	dateTo:         "إلى",
	dateApply:      "طبّق",
	dateHint:       "سنة أو شهر أو يوم: 2015 أو 2015-06 أو 2015-06-30",
	noSource:       "مصدر غير مذكور",
	noDate:         "بلا تاريخ",
	inferredDate:   " (تقديري)",
	entitiesFailed: "تعذّر تحميل جدول الكيانات، فلا تظهر مرشّحاتها: ",

	backToResults:   "→ العودة إلى النتائج",
	articleMentions: "يذكر المقال",
	moreEntities: func(n int) string {
		return "المزيد: " + countNoun(n, "اسم واحد", "اسمان", "أسماء", "اسمًا")
	},
	mentions: func(n int) string {
		return "ذُكر " + countNoun(n, "مرة واحدة", "مرتين", "مرات", "مرة")
	},
	previousHit: "→ السابق",
	nextHit:     "التالي ←",
	hitPosition: func(i, n int) string { return "الموضع " + strconv.Itoa(i) + " من " + strconv.Itoa(n) },
	noSuchHit: func(asked, n int) string {
		if n == 0 {
			return "طلب الرابط الموضع " + strconv.Itoa(asked) + "، ولا موضع للبحث في هذا المقال."
		}
		return "طلب الرابط الموضع " + strconv.Itoa(asked) + "، وليس في هذا المقال إلا " + countNoun(n, "موضع واحد", "موضعان", "مواضع", "موضعًا") + "، فهذا أولها."
	},
	hitStrip:      "مواضع الكلمة في المقال",
	original:      "المقال الأصلي",
	originalTitle: "افتح المقال في موقعه الأصلي (خارج مرصد)",
	noSuchArticle: func(id string) string {
		return "لا يوجد في المدونة مقال بالمعرّف «" + id + "»."
	},
	byAuthor:   "بقلم ",
	readerKeys: "n / p: الموضع التالي والسابق، Esc: العودة",

	helpTitle: "كيف تبحث في مرصد",
	helpIntro: "اكتب في مربع البحث وتظهر النتائج مع الكتابة. كل البحث يجري في متصفحك. انقر أي مثال لتجربته.",
	helpRows: [][2]string{
		{"تويتر", "كل صيغ الكلمة: تويتر، وتويتر، بتويتر"},
		{"=وتويتر", "هذه الصيغة بعينها"},
		{"داعش تويتر", "المقالات التي فيها الكلمتان معًا"},
		{"\"تنظيم الدولة\"", "العبارة كما كُتبت، كلماتها متجاورة بترتيبها، دون أسماء الكيان الأخرى"},
		{"\"داعش تويتر\"~5", "الكلمتان على بعد خمس كلمات أو أقل، بأي ترتيب"},
		{"فيسبوك OR تويتر", "إحدى الكلمتين"},
		{"داعش -تويتر", "داعش دون المقالات التي تذكر تويتر (ومثلها: داعش NOT تويتر)"},
		{"تغري*", "الكلمات التي تبدأ بـ تغري"},
		{"تنضيم~", "الكلمة والكلمات القريبة منها في الإملاء"},
		{"source:الجزيرة", "مقالات مصدر واحد"},
		{"date:2015-01..2016-06", "مدى من التواريخ (date:2018 سنة كاملة)"},
		{"entity:تويتر", "المقالات التي تذكر كيانًا بأي من أسمائه"},
		{"daesh", "كلمة لاتينية أو نقحرة بكولتر، يُبحث عنها بالعربية"},
		{"group:منصات", "كل مصطلحات مجموعتك «منصات» (تُنشأ في «المحفوظات»)"},
	},
	helpKeysTitle: "لوحة المفاتيح",
	helpKeys: [][2]string{
		{"/", "انتقل إلى مربع البحث"},
		{"↓ ↑ أو j k", "تنقّل بين النتائج، ثم Enter لفتح المقال"},
		{"n p", "في المقال: الموضع التالي والسابق"},
		{"Esc", "أغلق المقال أو المرشّحات وعُد إلى النتائج"},
		{"v ثم ← →", "طرق العرض: النتائج، السياقات، الاتجاهات…"},
	},
	helpClose: "عُد إلى البحث",

	offlinePrecached: "المدونة كلها محفوظة للعمل دون اتصال.",
	offlineLabel:     "العمل دون اتصال",
	offlineKeptSoFar: func(d, t string) string {
		return "حُفظ " + d + " من " + t + " حتى الآن، ويُستعمل ما حُفظ دون اتصال."
	},
	offlineKeep: func(s string) string {
		return "احفظ المدونة كلها للعمل دون اتصال (" + s + ")"
	},
	offlineSaving:   "جارٍ حفظ المدونة على هذا الجهاز…",
	offlineProgress: "تقدّم حفظ المدونة",
	offlineStop:     "أوقف الحفظ",
	offlineSaved:    func(d, t string) string { return "حُفظ " + d + " من " + t },
	offlineAllKept: func(s string) string {
		return "المدونة كلها محفوظة على هذا الجهاز (" + s + "): يعمل البحث والقراءة دون اتصال."
	},
	offlineDelete:        "احذف النسخة المحفوظة",
	offlineDeleting:      "جارٍ حذف النسخة المحفوظة…",
	offlineDeletePartial: "احذف ما حُفظ",
	offlineUnavailable:   "يعمل دون اتصال ما سبق تحميله فقط، ولا يتيح هذا المتصفح حفظ المدونة كلها على الجهاز.",
	offlineNote:          "يعمل دون اتصال ما سبق تحميله فقط: البحث في الكلمات التي بحثت عنها والمقالات التي فتحتها.",
	offlineQuota: func(s string) string {
		return "لا تتسع مساحة التخزين التي يتيحها المتصفح لهذا الموقع لحفظ المدونة كلها (" + s + "). أفرغ بعض المساحة على الجهاز ثم أعد المحاولة."
	},
	offlineFailed: "تعذّر حفظ المدونة للعمل دون اتصال. ما زال البحث يعمل مع الاتصال.",
	kilobytes:     "كيلوبايت",
	megabytes:     "ميغابايت",

	newVersion:             "نُشر إصدار جديد من مرصد منذ فُتحت هذه الصفحة؛ جارٍ الانتقال إليه مع الإبقاء على بحثك…",
	newVersionStillMissing: "ملف من المدونة غير موجود على الخادم حتى بعد الانتقال إلى أحدث إصدار؛ أبلغ من ينشر الموقع:",
	notKeptOffline:         "هذا الجزء من المدونة غير متاح دون اتصال: لم يُحفظ على هذا الجهاز، ولا اتصال بالشبكة. ما سبق أن فتحته يبقى متاحًا؛ اتصل بالشبكة ثم أعد المحاولة.",
	keepOfflineOffer: func(size string) string {
		return "لتعمل المدونة كلها دون اتصال، احفظها على هذا الجهاز (" + size + ") من أسفل الصفحة حين تتصل."
	},
	unreadable: func(d string) string {
		return "تعذّرت قراءة جزء من المدونة، فهذه النتائج ما أمكنت قراءته منها. إن تكرر ذلك فأخبر من ينشر الموقع. التفاصيل: " + d
	},
	readAsText: map[query.ErrorKind]string{
		query.ErrUnpairedQuote:   "علامة اقتباس لا تُغلق، فقُرئ ما بعدها كلماتٍ لا عبارة. أضف علامة الإغلاق للبحث عن العبارة كما هي.",
		query.ErrUnpairedBracket: "قوس بلا قوس يقابله، فتُرك وقُرئ ما حوله كلمات.",
		query.ErrDanglingOr:      "OR بلا كلمة على أحد جانبيه، فتُركت. ضع كلمة على كل جانب للبحث عن إحداهما.",
		query.ErrOnlyExclusions:  "لا يستبعد البحث إلا إذا بقي ما يُبحث عنه، فقُرئت الكلمات المستبعدة كلماتٍ يُبحث عنها.",
		query.ErrExclusion:       "علامة الطرح (-) لا تستبعد شيئًا هنا، فقُرئت نصًّا.",
		query.ErrPrefix:          "البحث بالبادئة يحتاج حرفين أو أكثر قبل * في كلمة واحدة، مثل تنظ*، فقُرئت * نصًّا.",
		query.ErrFuzzy:           "البحث التقريبي يحتاج كلمة واحدة قبل ~، مثل التنظيم~، فقُرئت ~ نصًّا.",
		query.ErrWithin:          "قرب كلمات العبارة يكون من كلمة إلى 50 كلمة، مثل \"داعش تويتر\"~5، فبُحث عنها عبارةً.",
		query.ErrExact:           "الصيغة المطابقة تحتاج كلمة بعد = مباشرة، فقُرئت = نصًّا.",
		query.ErrFilterValue:     "مرشّح بلا قيمة يفهمها البحث (مثل source:الجزيرة أو date:2015)، فقُرئ كلماتٍ.",
		query.ErrDateValue:       "تاريخ لا يفهمه البحث (الصيغ: 2018 أو 2018-03 أو 2018-03-05 أو 2015..2016)، فتُرك: النتائج غير محصورة به.",
		query.ErrTooManyTerms:    "الاستعلام أطول من 64 كلمة.",
		query.ErrTooLong:         "الاستعلام أطول مما يُبحث فيه، فقُطع عند كلمة.",
		query.ErrUnexpected:      "في الاستعلام حرف لا مكان له في صيغة البحث، فقُرئ نصًّا.",
	},
	coverage: func(strict int) string {
		return "استعلام طويل: رُتّبت المقالات بحسب ما تغطيه من كلماته، أندرها أثقلها وزنًا، ولم يُشترط أن تحوي كلها (" +
			countNoun(strict, "مقال واحد يحويها", "مقالان يحويانها", "مقالات تحويها", "مقالًا يحويها") + " كلها)."
	},
	droppedTerms: func(n int) string {
		return "الاستعلام طويل: بُحث بأندر 64 كلمة فيه، وتُركت " + countNoun(n, "كلمة واحدة", "كلمتان", "كلمات", "كلمة") + " من أكثر كلماته شيوعًا."
	},
}

var englishTexts = texts{
	language:         corpus.English,
	appName:          "Marsad",
	tagline:          "Arabic news explorer",
	logoAlt:          "Marsad: home",
	skipToResults:    "Skip to results",
	searchLabel:      "Search the corpus",
	searchHint:       "Search the corpus (Arabic or Latin): تويتر",
	searchShortcut:   "Press / to search",
	langToggle:       "العربية",
	langToggleLabel:  "اعرض الواجهة بالعربية",
	themeLabel:       "Theme",
	themeNames:       [3]string{"Auto", "Light", "Dark"},
	helpLink:         "Help",
	loadingCorpus:    "Loading the corpus…",
	loadFailedTitle:  "The corpus index could not be loaded",
	loadFailedAdvice: "Check your connection and try again. If it keeps failing, tell whoever publishes this site the file name above.",
	retry:            "Try again",
	updateAvailable:  "A new version of Marsad is available.",
	updateNow:        "Update now",
	privacyNote:      "All searching happens in your browser; nothing is sent to any server.",

	resultsHeading: func(q string) string { return "Results for “" + q + "”" },
	corpusHeading:  "Articles in the corpus",
	results: func(n int) string {
		return englishCount(n, "result", "results")
	},
	articles: func(n int) string { return englishCount(n, "article", "articles") },
	matches:  func(n int) string { return englishCount(n, "match", "matches") },
	corpusSummary: func(articles, sources int, first, last string) string {
		s := "Corpus: " + englishCount(articles, "article", "articles")
		if sources > 0 {
			s += ", " + englishCount(sources, "known source", "known sources")
		}
		switch {
		case first != "" && first != last:
			s += ", " + first + " to " + last
		case first != "":
			s += ", in " + first
		}
		return s
	},
	searching:    func(q string) string { return "Searching for “" + q + "”…" },
	resultsLabel: "Results",
	sortLabel:    "Sort",
	sortNames:    [3]string{"Best match", "Newest", "Oldest"},
	partial: func(strict int) string {
		lead := "No article has every word"
		if strict > 0 {
			lead = "Only " + englishCount(strict, "article has", "articles have") + " every word"
		}
		return lead + ", so these are partial matches: articles with some of the words, ranked by how much of the query they cover (a rare word weighs more than a common one), then by how often."
	},
	onlyAllWords: func(strict int) string {
		if strict == 1 {
			return "Show only the article with every word"
		}
		return "Show only the " + strconv.Itoa(strict) + " articles with every word"
	},
	allWordsOnly:       "Only the articles with every word.",
	withPartialMatches: "Show the partial matches too",
	didYouMean:         "Did you mean: ",
	noSuchSource: func(v string) string {
		return "No source of the corpus is called “" + v + "”, so this filter finds nothing."
	},
	noDatedArticles: func(v, first, last string) string {
		return "No article is dated " + v + ": the corpus's articles are dated from " + first + " to " + last + "."
	},
	hijriReading: func(v, first, last string) string {
		return v + " in the Hijri calendar is about " + first + " to " + last + ": "
	},
	searchHijri:     "search those dates",
	or:              " or ",
	alsoSearched:    "Also searched: ",
	alsoExcluded:    "Also excluded with it: ",
	moreNames:       func(n int) string { return "+" + strconv.Itoa(n) },
	fewerNames:      "fewer",
	onlyWhatITyped:  "Search only what I typed",
	aliasesOff:      "Searching an entity's other names is off. ",
	aliasesOn:       "Turn it on",
	formsSummary:    func(n int) string { return "Word forms this search matched (" + strconv.Itoa(n) + ")" },
	formSearchTitle: "Search this form only",
	expansions: func(term string, shown, total int) string {
		if total > shown {
			return "“" + term + "” matched " + englishCount(total, "word", "words") + "; the most frequent: "
		}
		return "“" + term + "” matched: "
	},
	prefixTooBroad: func(term string) string {
		return "“" + term + "” matches too many words to search: add a letter or more."
	},
	noResults:          func(q string) string { return "No article matches “" + q + "”." },
	eachWordFinds:      "Each word alone finds: ",
	tryOneWord:         "Try one word, or a more general one: every word of the query is required.",
	tryOr:              "Join alternatives with OR, e.g. فيسبوك OR تويتر",
	tryExclude:         "Drop an excluded word (-) or the quotes around a phrase.",
	tryOtherSpelling:   "Try another spelling of the word, or a more general word.",
	searchNoFilters:    "Search without filters",
	queryNotUnderstood: func(d string) string { return "Part of the query was not understood: " + d },
	queryHint:          "See Help for the query language.",
	readError: func(d string) string {
		return "Part of the corpus could not be read, so this answer is incomplete. Try again in a moment; if it keeps failing, tell whoever publishes the site. Details: " + d
	},
	pagerLabel:   "Result pages",
	previousPage: "← Previous",
	nextPage:     "Next →",
	pageOf:       func(p, n int) string { return "Page " + strconv.Itoa(p) + " of " + strconv.Itoa(n) },
	pastLastPage: func(n int) string {
		if n == 1 {
			return "Nothing on this page: there is only 1 page."
		}
		return "Nothing on this page: there are only " + strconv.Itoa(n) + " pages."
	},
	toLastPage: "Go to the last page",

	filters: "Filters",
	filtersButton: func(n int) string {
		if n == 0 {
			return "Filter"
		}
		return "Filter (" + strconv.Itoa(n) + ")"
	},
	closeFilters:   "Close filters",
	activeFilters:  "Active filters",
	removeFilter:   func(w string) string { return "Remove filter: " + w },
	clearAll:       "Clear all",
	source:         "Source",
	year:           "Year",
	date:           "Date",
	entity:         "Mentions",
	dateRange:      "Date range",
	dateFrom:       "From",
	dateTo:         "To",
	dateApply:      "Apply",
	dateHint:       "A year, month or day: 2015, 2015-06 or 2015-06-30",
	noSource:       "Source not given",
	noDate:         "No date",
	inferredDate:   " (estimated)",
	entitiesFailed: "The entity table could not be loaded, so its filters are missing: ",

	backToResults:   "← Back to results",
	articleMentions: "The article mentions",
	moreEntities:    func(n int) string { return "More: " + englishCount(n, "name", "names") },
	mentions:        func(n int) string { return "mentioned " + englishCount(n, "time", "times") },
	previousHit:     "← Previous",
	nextHit:         "Next →",
	hitPosition:     func(i, n int) string { return "Match " + strconv.Itoa(i) + " of " + strconv.Itoa(n) },
	noSuchHit: func(asked, n int) string {
		if n == 0 {
			return "The link asked for match " + strconv.Itoa(asked) + ", and the search has no match in this article."
		}
		return "The link asked for match " + strconv.Itoa(asked) + ", but this article has only " + englishCount(n, "match", "matches") + ": this is the first."
	},
	hitStrip:      "Where the matches fall in the article",
	original:      "Original article",
	originalTitle: "Open the article on its original site (leaves Marsad)",
	noSuchArticle: func(id string) string { return "The corpus has no article with id “" + id + "”." },
	byAuthor:      "By ",
	readerKeys:    "n / p: next and previous match, Esc: back",

	helpTitle: "How to search Marsad",
	helpIntro: "Type in the search box; results follow as you type. All searching happens in your browser. Click any example to try it.",
	helpRows: [][2]string{
		{"تويتر", "every form of the word: تويتر، وتويتر، بتويتر"},
		{"=وتويتر", "that written form only"},
		{"داعش تويتر", "articles with both words"},
		{"\"تنظيم الدولة\"", "the phrase as written, words adjacent and in order, without the entity's other names"},
		{"\"داعش تويتر\"~5", "the two words within five words of each other, in either order"},
		{"فيسبوك OR تويتر", "either word"},
		{"داعش -تويتر", "داعش, but not articles that mention تويتر (داعش NOT تويتر too)"},
		{"تغري*", "words starting with تغري"},
		{"تنضيم~", "the word and words spelled nearly so"},
		{"source:الجزيرة", "articles from one source"},
		{"date:2015-01..2016-06", "a range of dates (date:2018 is a whole year)"},
		{"entity:تويتر", "articles that mention an entity by any of its names"},
		{"daesh", "a Latin word or Buckwalter transliteration, searched in Arabic"},
		{"group:منصات", "every term of your group منصات (made in Saved)"},
	},
	helpKeysTitle: "Keyboard",
	helpKeys: [][2]string{
		{"/", "go to the search box"},
		{"↓ ↑ or j k", "move through the results, then Enter to open one"},
		{"n p", "in an article: next and previous match"},
		{"Esc", "close the article or the filters and return to the results"},
		{"v then → ←", "the views: results, concordance, trends…"},
	},
	helpClose: "Back to search",

	offlinePrecached: "The whole corpus is kept for offline use.",
	offlineLabel:     "Working offline",
	offlineKeptSoFar: func(d, t string) string { return d + " of " + t + " kept so far; what is kept works offline." },
	offlineKeep:      func(s string) string { return "Keep the whole corpus for offline use (" + s + ")" },
	offlineSaving:    "Keeping the corpus on this device…",
	offlineProgress:  "Progress of keeping the corpus",
	offlineStop:      "Stop",
	offlineSaved:     func(d, t string) string { return d + " of " + t + " kept" },
	offlineAllKept: func(s string) string {
		return "The whole corpus is kept on this device (" + s + "): search and reading work offline."
	},
	offlineDelete:        "Delete the kept copy",
	offlineDeleting:      "Deleting the kept copy…",
	offlineDeletePartial: "Delete what was kept",
	offlineUnavailable:   "Only what was already loaded works offline; this browser cannot keep the whole corpus on the device.",
	offlineNote:          "Only what was already loaded works offline: searches for words you searched, articles you opened.",
	offlineQuota: func(s string) string {
		return "The storage this browser allows the site is too small to keep the whole corpus (" + s + "). Free some space on the device and try again."
	},
	offlineFailed: "The corpus could not be kept for offline use. Search still works online.",
	kilobytes:     "KB",
	megabytes:     "MB",

	newVersion:             "A new version of Marsad was published since this page was opened; moving to it, keeping your search…",
	newVersionStillMissing: "A file of the corpus is missing from the server even in the newest version; tell whoever publishes the site:",
	notKeptOffline:         "This part of the corpus is not available offline: it is not kept on this device, and there is no connection. What you opened before stays available; connect, then try again.",
	keepOfflineOffer: func(size string) string {
		return "To have the whole corpus offline, keep it on this device (" + size + ") from the foot of the page once connected."
	},
	unreadable: func(d string) string {
		return "Part of the corpus could not be read, so these results are what could be. If it keeps happening, tell whoever publishes the site. Details: " + d
	},
	readAsText: map[query.ErrorKind]string{
		query.ErrUnpairedQuote:   "A quote is not closed, so what follows it was read as words, not a phrase. Add the closing quote to search the exact phrase.",
		query.ErrUnpairedBracket: "A bracket has no partner, so it was left out and the words around it read as words.",
		query.ErrDanglingOr:      "OR has no word on one side, so it was left out. Put a word on each side to search for either.",
		query.ErrOnlyExclusions:  "A search can only exclude when something is left to search for, so the excluded words were searched for.",
		query.ErrExclusion:       "A minus sign (-) excludes nothing here, so it was read as text.",
		query.ErrPrefix:          "A prefix search needs two letters or more of one word before *, as in تنظ*, so the * was read as text.",
		query.ErrFuzzy:           "A fuzzy search needs one word right before ~, as in التنظيم~, so the ~ was read as text.",
		query.ErrWithin:          "A phrase's words can be asked within 1 to 50 words of each other, as in \"داعش تويتر\"~5, so it was searched as a phrase.",
		query.ErrExact:           "An exact form needs a word right after =, so the = was read as text.",
		query.ErrFilterValue:     "A filter has no value the search can read (e.g. source:الجزيرة or date:2015), so it was read as words.",
		query.ErrDateValue:       "A date the search cannot read (use 2018, 2018-03, 2018-03-05 or 2015..2016) was left out: the results are not limited by it.",
		query.ErrTooManyTerms:    "The query is longer than 64 words.",
		query.ErrTooLong:         "The query is longer than a search reads, so it was cut at a word.",
		query.ErrUnexpected:      "The query has a character with no place in the search syntax, so it was read as text.",
	},
	coverage: func(strict int) string {
		return "A long query: articles are ranked by how much of it they cover, rarer words weighing more, and need not have every word (" +
			englishCount(strict, "article has", "articles have") + " them all)."
	},
	droppedTerms: func(n int) string {
		return "A long query: its 64 rarest words were searched, and " + englishCount(n, "of its commonest words was", "of its commonest words were") + " left out."
	},
}

// countNoun says "N things" the way Arabic grammar wants it: the noun (and
// its adjective) takes a different form after 1, 2, 3–10 and 11–99, so each
// form is given whole ("مقال واحد", "مقالان", "مقالات", "مقالًا"). After a
// round hundred or thousand (and 101, 102…) the noun is singular and
// genitive: the accusative's tanween alef goes (100 مقال, 1000 موضع).
func countNoun(n int, one, two, few, many string) string {
	switch {
	case n == 1:
		return one
	case n == 2:
		return two
	case n%100 >= 3 && n%100 <= 10:
		return groupThousands(n) + " " + few
	case n%100 <= 2:
		genitive := strings.TrimSuffix(strings.TrimSuffix(many, "ًا"), "اً")
		return groupThousands(n) + " " + genitive
	default:
		return groupThousands(n) + " " + many
	}
}

// englishCount is "1 article", "2 articles", with thousands separated.
func englishCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupThousands(n) + " " + many
}

// groupThousands writes n with its thousands separated from 10,000 on
// (351,244), in both languages: four digits read at a glance, more do not.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	if n < 10000 && n > -10000 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// displayDate renders an ISO date at the precision it has, in the page's
// language (corpus.Date.Label: "3 نوفمبر 2018", "December 2015", "2015"),
// saying when it is an estimate.
func (t *texts) displayDate(iso string, inferred bool) string {
	d, err := corpus.ParseDate(iso)
	if err != nil {
		return iso
	}
	s := d.Label(t.language)
	if inferred && d.Known() {
		s += t.inferredDate
	}
	return s
}

func (t *texts) sourceLabel(s string) string {
	if s == "" {
		return t.noSource
	}
	return s
}

func (t *texts) yearLabel(y string) string {
	if y == "" {
		return t.noDate
	}
	return y
}
