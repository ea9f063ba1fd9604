package ui

import (
	"strconv"
	"strings"

	"marsad/internal/explore"
	"marsad/internal/query"
)

// w returns the workbench's texts in l: the views beside the results
// (concordance, trends, collocates, word list, compare), citing, exporting,
// term groups and saved queries. Like texts, a missing translation is a
// compile error.
func (l lang) w() *workTexts {
	if l == english {
		return &englishWorkTexts
	}
	return &arabicWorkTexts
}

type workTexts struct {
	toolsLabel string
	tabsHint   string
	toolNames  map[tool]string
	backTo     func(view string) string

	// Citing a passage from the reader.
	cite         string
	citeTitle    string
	citeCopied   string
	citeFailed   string
	quoteOpen    string
	quoteClose   string
	citeOriginal string
	citeInMarsad string
	citeAccessed func(date string) string

	// Export.
	exportLabel   string
	exported      func(file string) string
	exportedFirst func(file string, rows, of int) string
	exportCSV     string
	// Trends: a compared query searching the very names of another.
	sameNames        func(query, other string) string
	dwarfed          func(query, peak, top string) string
	lineAlone        string
	orWord           string
	asTableLink      string
	namesCounted     func(query string) string // the lead of the note; then the names
	namesMore        func(more int) string     // its end: how many names are not listed
	countWordsOnly   string
	compareWordsOnly string
	exportJSON       string

	// Term groups and saved queries.
	keepHeading      string
	groupsHeading    string
	groupsIntro      string
	groupName        string
	groupNameHint    string
	groupTerms       string
	groupTermsHint   string
	groupSave        string
	groupDelete      string
	groupEdit        string
	groupEditing     func(name string) string
	groupDeleted     func(name string) string
	groupsReplaced   func(names string) string
	groupsRestored   string
	groupUndo        string
	groupUse         func(name string) string
	groupsNone       string
	groupsExport     string
	groupsImport     string
	groupsImported   func(n int) string
	groupError       string
	groupImportError string
	groupSaved       func(name string) string
	groupProblem     func(e *query.GroupError) string
	groupUnknown     func(names string) string
	savedHeading     string
	savedIntro       string
	savedName        string
	saveCurrent      string
	savedNone        string
	savedDelete      string
	savedSaved       string
	saveThisQuery    string
	savedNameNeeded  string

	// Shared by the views.
	needQuery     string
	loadingView   string
	viewFailed    func(detail string) string
	openInReader  string
	showTable     string
	showChart     string
	count         string
	perTenK       string
	docs          string
	words         string
	searchExactly string
	sampled       func(read, total int) string
	moreInExport  func(shown, total int) string

	// Concordance.
	kwicHeading   func(total, docs int) string
	kwicInTitles  func(n int) string
	kwicNone      string
	before        string
	hitWord       string
	after         string
	sortLines     string
	lineSorts     [][2]string // value, label
	linesOfPage   func(from, to, total int) string
	previousLines string
	nextLines     string
	sortPartial   func(n int) string

	// Trends.
	trendsHeading  string
	compareWith    string
	compareHint    string
	addCompared    string
	removeCompared func(q string) string
	unitLabel      string
	units          [][2]string // value, label; "" is automatic
	overTime       string
	bySource       string
	rawCounts      string
	perTenKLabel   string
	digitsLabel    string
	digitsLatin    string
	digitsArabic   string
	period         string
	source         string
	undated        func(n int) string
	coarse         func(n int, unit string) string
	unitNames      map[explore.DateUnit]string
	barTitle       func(period, q string, count string) string
	chartLabel     func(q string) string
	trendsNone     string

	// Collocates.
	collocatesHeading func(window int) string
	collocatesNone    string
	windowLabel       string
	collocate         string
	together          string
	inCorpus          string
	inArticlesRead    string // a collocate's frequency where it was counted
	logLikelihood     string
	pmi               string
	searchPair        string
	searchBoth        string
	searchNear        func(window int) string
	sideBySide        string

	// Word forms and word list.
	formsHeading string
	formsNone    string
	form         string
	wordsHeading string
	word         string

	// Compare.
	compareHeading    string
	compareIntro      string
	compareIntroEnd   string
	sideA, sideB      string
	sideHint          string
	compareRun        string
	compareNeedsSides string
	distinctiveOf     func(side string) string
	keyness           string
	logRatio          string
	inA, inB          string
	queryIn           func(q string) string
	queryRate         func(count int, rate string) string
	sideSize          func(docs, words int) string
}

var arabicWorkTexts = workTexts{
	toolsLabel: "طرق العرض",
	tabsHint:   "تنقّل بين طرق العرض بالسهمين، أو اضغط v من أي مكان.",
	backTo:     func(view string) string { return "→ العودة إلى " + view },
	toolNames: map[tool]string{
		toolResults:     "النتائج",
		toolConcordance: "السياقات",
		toolTrends:      "الاتجاهات",
		toolCollocates:  "المتلازمات",
		toolWords:       "الكلمات",
		toolCompare:     "المقارنة",
		toolKeep:        "المحفوظات",
	},

	cite:         "اقتبس هذا المقطع",
	citeTitle:    "ينسخ المقطع مع العنوان والمصدر والتاريخ ورابط هذا الموضع",
	citeCopied:   "نُسخ الاقتباس.",
	citeFailed:   "لم يسمح المتصفح بالنسخ: حدّد النص أدناه وانسخه.",
	quoteOpen:    "«",
	quoteClose:   "»",
	citeOriginal: "الأصل: ",
	citeInMarsad: "في مرصد: ",
	citeAccessed: func(date string) string { return "(اطُّلع عليه في " + date + ")" },

	exportLabel: "تصدير",
	exported:    func(file string) string { return "نُزّل " + file },
	dwarfed: func(query, peak, top string) string {
		return "خط «" + query + "» يكاد لا يُرى بهذا المقياس: أعلى قيمه " + peak + " وأعلى قيمة في الرسم " + top + ". اعرضه"
	},
	lineAlone:   "وحده",
	orWord:      " أو في ",
	asTableLink: "جدول",
	sameNames: func(query, other string) string {
		return "«" + query + "» و«" + other + "» يجدان المواضع نفسها في كل مقال (يُبحث عن اسم الكيان بأسمائه الأخرى كلها)، فخطّاهما خطّ واحد."
	},
	compareWordsOnly: "قارن الكلمتين بعينهما",
	namesCounted:     func(query string) string { return "يشمل عدّ «" + query + "» أسماءه الأخرى: " },
	namesMore: func(more int) string {
		if more == 0 {
			return "."
		}
		return " و" + countNoun(more, "اسم آخر", "اسمان آخران", "أسماء أخرى", "اسمًا آخر") + "."
	},
	countWordsOnly: "اعدد الكلمات بعينها",
	exportedFirst: func(file string, rows, of int) string {
		return "نُزّل " + file + ": أول " + countNoun(rows, "سطر واحد", "سطرين", "أسطر", "سطرًا") + " من " + groupThousands(of) + "، وهو أقصى ما يُصدَّر مرة واحدة. ضيّق البحث أو رشّحه لتصدير الباقي."
	},
	exportCSV:  "CSV",
	exportJSON: "JSON",

	keepHeading:    "المحفوظات",
	groupsHeading:  "مجموعات المصطلحات",
	groupsIntro:    "مجموعة تُبحث ككلمة واحدة: اكتب group:الاسم في أي بحث. تبقى في هذا المتصفح.",
	groupName:      "اسم المجموعة",
	groupNameHint:  "كلمة واحدة، مثل: منصات",
	groupTerms:     "المصطلحات",
	groupTermsHint: "مصطلح أو عبارة في كل سطر",
	groupSave:      "احفظ المجموعة",
	groupDelete:    "احذف",
	groupEdit:      "عدّل",
	groupEditing: func(name string) string {
		return "تعدّل المجموعة " + name + ": غيّر اسمها أو مصطلحاتها ثم احفظها."
	},
	groupDeleted: func(name string) string { return "حُذفت المجموعة " + name + "." },
	groupsReplaced: func(names string) string {
		return " حلّت محلّ مجموعاتك بالأسماء نفسها: " + names + "."
	},
	groupsRestored: "أُعيدت المجموعات كما كانت.",
	groupUndo:      "تراجع",
	groupUse:       func(name string) string { return "ابحث بـ group:" + name },
	groupsNone:     "لا مجموعات بعد.",
	groupsExport:   "صدّر المجموعات (JSON)",
	groupsImport:   "استورد مجموعات (JSON)",
	groupsImported: func(n int) string {
		return "استُوردت " + countNoun(n, "مجموعة واحدة", "مجموعتان", "مجموعات", "مجموعة") + "."
	},
	groupError:       "تعذّر حفظ المجموعة: ",
	groupImportError: "تعذّر استيراد الملف: ",
	groupSaved:       func(name string) string { return "حُفظت المجموعة " + name + "." },
	groupProblem: func(e *query.GroupError) string {
		var s string
		switch e.Problem {
		case query.GroupNameEmpty:
			s = "لا اسم للمجموعة"
		case query.GroupNameNotOneWord:
			s = "اسم المجموعة «" + e.Name + "» يجب أن يكون كلمة واحدة (حروف وأرقام و- و_)"
		case query.GroupNameTooLong:
			s = "اسم المجموعة أطول من " + strconv.Itoa(e.Limit) + " حرفًا"
		case query.GroupTooManyTerms:
			s = "في المجموعة «" + e.Name + "» أكثر من " + strconv.Itoa(e.Limit) + " مصطلحًا"
		case query.GroupNoTerms:
			s = "لا مصطلحات في المجموعة «" + e.Name + "»"
		case query.GroupsNotAList:
			s = "ليس الملف قائمة مجموعات بصيغة JSON ([{\"name\": …, \"terms\": […]}])"
		case query.GroupsTooMany:
			s = "في الملف أكثر من " + strconv.Itoa(e.Limit) + " مجموعة"
		case query.GroupsSameName:
			s = "الاسم «" + e.Name + "» لمجموعة قبلها في الملف"
		}
		if e.Index > 0 {
			s = "المجموعة " + strconv.Itoa(e.Index) + " في الملف: " + s
		}
		return s + "."
	},
	groupUnknown: func(names string) string {
		return "لا مجموعة بهذا الاسم في هذا المتصفح: " + names + " (بُحث عنها ككلمات)."
	},
	savedHeading:    "عمليات البحث المحفوظة",
	savedIntro:      "يُحفظ البحث مع مرشحاته وطريقة عرضه، ويُعاد بنقرة.",
	savedName:       "اسم البحث",
	saveCurrent:     "احفظ",
	savedNone:       "لا عمليات بحث محفوظة بعد.",
	savedDelete:     "احذف",
	savedSaved:      "حُفظ البحث.",
	saveThisQuery:   "احفظ هذا البحث",
	savedNameNeeded: "اكتب اسمًا للبحث.",

	needQuery:     "اكتب كلمة أو عبارة في مربع البحث لعرض هذه النافذة.",
	loadingView:   "جارٍ الحساب…",
	viewFailed:    func(detail string) string { return "تعذّر حساب هذا العرض: " + detail },
	openInReader:  "افتح في المقال",
	showTable:     "جدول",
	showChart:     "رسم",
	count:         "العدد",
	perTenK:       "لكل 10,000 كلمة",
	docs:          "المقالات",
	words:         "الكلمات",
	searchExactly: "ابحث عن هذه الصيغة بالضبط",
	sampled: func(read, total int) string {
		return "حُسب على " + countNoun(read, "مقال واحد", "مقالين", "مقالات", "مقالًا") + " من " + groupThousands(total) + "، موزعة بالتساوي على تواريخها."
	},

	moreInExport: func(shown, total int) string {
		return "يُعرض أول " + groupThousands(shown) + " من " + groupThousands(total) + "؛ التصدير يضمها كلها."
	},
	kwicHeading: func(total, docs int) string {
		return countNoun(total, "موضع واحد", "موضعان", "مواضع", "موضعًا") + " في " + countNoun(docs, "مقال واحد", "مقالين", "مقالات", "مقالًا")
	},
	kwicInTitles: func(n int) string {
		if n == 0 {
			return ""
		}
		// Trends counts the titles too: the page says why its total is larger.
		return "، عدا " + countNoun(n, "موضع واحد", "موضعين", "مواضع", "موضعًا") + " في العناوين (تعدّها الاتجاهات، ولا أسطر لها هنا)"
	},
	kwicNone:  "لا مواضع لهذا البحث.",
	before:    "قبل",
	hitWord:   "الكلمة",
	after:     "بعد",
	sortLines: "رتّب الأسطر حسب",
	lineSorts: [][2]string{
		{"", "ترتيب المقالات"}, {"hit", "الكلمة نفسها"},
		{"before1", "الكلمة السابقة"}, {"before2", "الكلمة السابقة الثانية"},
		{"after1", "الكلمة التالية"}, {"after2", "الكلمة التالية الثانية"},
	},
	linesOfPage: func(from, to, total int) string {
		return "الأسطر " + groupThousands(from) + "–" + groupThousands(to) + " من " + groupThousands(total)
	},
	previousLines: "→ الأسطر السابقة",
	nextLines:     "الأسطر التالية ←",
	sortPartial: func(n int) string {
		return "رُتّب أول " + countNoun(n, "موضع", "موضعين", "مواضع", "موضعًا") + " فقط: ضيّق البحث لترتيبها كلها."
	},

	trendsHeading:  "تكرار البحث عبر الزمن",
	compareWith:    "قارن مع",
	compareHint:    "بحث آخر، مثل: تيليجرام",
	addCompared:    "أضف",
	removeCompared: func(q string) string { return "أزل " + q },
	unitLabel:      "الفترة",
	units:          [][2]string{{"", "تلقائي"}, {"day", "يوم"}, {"month", "شهر"}, {"year", "سنة"}},
	overTime:       "عبر الزمن",
	bySource:       "حسب المصدر",
	rawCounts:      "الأعداد",
	perTenKLabel:   "لكل 10,000 كلمة",
	digitsLabel:    "الأرقام",
	digitsLatin:    "123",
	digitsArabic:   "١٢٣",
	period:         "الفترة",
	source:         "المصدر",
	undated: func(n int) string {
		return countNoun(n, "موضع واحد", "موضعان", "مواضع", "موضعًا") + " في مقالات بلا تاريخ (غير مرسومة)."
	},
	coarse: func(n int, unit string) string {
		return countNoun(n, "موضع واحد", "موضعان", "مواضع", "موضعًا") + " في مقالات تاريخها أقل دقة من " + unit + " (سنة أو شهر فقط)، فلم تُرسم في " + unit + " بعينه."
	},
	unitNames:  map[explore.DateUnit]string{explore.UnitDay: "اليوم", explore.UnitMonth: "الشهر", explore.UnitYear: "السنة"},
	barTitle:   func(period, q, count string) string { return q + " — " + period + ": " + count },
	chartLabel: func(q string) string { return "رسم بياني لتكرار " + q },
	trendsNone: "لا مواضع لهذا البحث في مقالات مؤرخة.",

	collocatesHeading: func(window int) string {
		return "الكلمات الأكثر ارتباطًا بالبحث (نافذة " + strconv.Itoa(window) + " كلمات من كل جانب)"
	},
	collocatesNone: "لا كلمات مرتبطة بما يكفي.",
	windowLabel:    "النافذة",
	collocate:      "الكلمة",
	together:       "معًا",
	inCorpus:       "في المدونة",
	inArticlesRead: "في المقالات المقروءة",
	logLikelihood:  "نسبة الأرجحية (LL)",
	pmi:            "PMI",
	searchPair:     "ابحث عن العبارة",
	searchBoth:     "ابحث عن الكلمتين معًا",
	searchNear: func(window int) string {
		return "ابحث عن الكلمتين على بعد " + strconv.Itoa(window) + " كلمات أو أقل"
	},
	sideBySide: "متجاورتان",

	formsHeading: "الصيغ التي طابقت البحث",
	formsNone:    "لا صيغ.",
	form:         "الصيغة",
	wordsHeading: "الكلمات الأكثر تكرارًا",
	word:         "الكلمة",

	compareHeading:    "قارن بين مجموعتين من المقالات",
	compareIntro:      "حدّد كل مجموعة ببحث أو مرشح: ",
	compareIntroEnd:   "، أو كلمة.",
	sideA:             "المجموعة أ",
	sideB:             "المجموعة ب",
	sideHint:          "مثل: date:..2015",
	compareRun:        "قارن",
	compareNeedsSides: "حدّد المجموعتين لمقارنتهما.",
	distinctiveOf: func(side string) string {
		if rest, ok := strings.CutPrefix(side, "ال"); ok {
			return "الكلمات المميِّزة لل" + rest // ل + ال: للمجموعة
		}
		return "الكلمات المميِّزة لـ" + side
	},
	keyness:  "الأهمية (LL)",
	logRatio: "نسبة اللوغاريتم",
	inA:      "في أ",
	inB:      "في ب",
	queryIn:  func(q string) string { return "تكرار «" + q + "» في هذه المجموعة" },
	queryRate: func(count int, rate string) string {
		return groupThousands(count) + " (" + rate + " لكل 10,000 كلمة)"
	},
	sideSize: func(docs, words int) string {
		return countNoun(docs, "مقال واحد", "مقالان", "مقالات", "مقالًا") + "، " + groupThousands(words) + " كلمة"
	},
}

var englishWorkTexts = workTexts{
	toolsLabel: "Views",
	tabsHint:   "Move between the views with the arrow keys, or press v from anywhere.",
	backTo:     func(view string) string { return "← Back to " + view },
	toolNames: map[tool]string{
		toolResults:     "Results",
		toolConcordance: "Concordance",
		toolTrends:      "Trends",
		toolCollocates:  "Collocates",
		toolWords:       "Words",
		toolCompare:     "Compare",
		toolKeep:        "Saved",
	},

	cite:         "Cite this passage",
	citeTitle:    "Copies the passage with its title, source, date and a link to this match",
	citeCopied:   "Citation copied.",
	citeFailed:   "The browser did not allow copying: select the text below and copy it.",
	quoteOpen:    "“",
	quoteClose:   "”",
	citeOriginal: "Original: ",
	citeInMarsad: "In Marsad: ",
	citeAccessed: func(date string) string { return "(accessed " + date + ")" },

	exportLabel: "Export",
	exported:    func(file string) string { return "Downloaded " + file },
	dwarfed: func(query, peak, top string) string {
		return "The line of “" + query + "” can hardly be seen at this scale: its peak is " + peak + ", the chart's " + top + ". Show it"
	},
	lineAlone:   "alone",
	orWord:      " or in a ",
	asTableLink: "table",
	sameNames: func(query, other string) string {
		return "“" + query + "” and “" + other + "” find the very same occurrences in every article (an entity's name is searched with all its other names), so their lines are one."
	},
	compareWordsOnly: "Compare the words themselves",
	namesCounted:     func(query string) string { return "The count of “" + query + "” includes its other names: " },
	namesMore: func(more int) string {
		if more == 0 {
			return "."
		}
		return " and " + strconv.Itoa(more) + " more."
	},
	countWordsOnly: "Count the words alone",
	exportedFirst: func(file string, rows, of int) string {
		return "Downloaded " + file + ": the first " + groupThousands(rows) + " rows of " + groupThousands(of) + ", the most one export writes. Narrow or filter the search to export the rest."
	},
	exportCSV:  "CSV",
	exportJSON: "JSON",

	keepHeading:      "Saved",
	groupsHeading:    "Term groups",
	groupsIntro:      "A group is searched as one word: write group:name in any query. Groups stay in this browser.",
	groupName:        "Group name",
	groupNameHint:    "One word, e.g. platforms",
	groupTerms:       "Terms",
	groupTermsHint:   "One term or phrase per line",
	groupSave:        "Save group",
	groupDelete:      "Delete",
	groupEdit:        "Edit",
	groupEditing:     func(name string) string { return "Editing group " + name + ": change its name or terms, then save it." },
	groupDeleted:     func(name string) string { return "Group " + name + " deleted." },
	groupsReplaced:   func(names string) string { return " They replaced your groups of the same names: " + names + "." },
	groupsRestored:   "The groups are back as they were.",
	groupUndo:        "Undo",
	groupUse:         func(name string) string { return "Search group:" + name },
	groupsNone:       "No groups yet.",
	groupsExport:     "Export groups (JSON)",
	groupsImport:     "Import groups (JSON)",
	groupsImported:   func(n int) string { return englishCount(n, "group", "groups") + " imported." },
	groupError:       "The group could not be saved: ",
	groupImportError: "The file could not be imported: ",
	groupSaved:       func(name string) string { return "Group " + name + " saved." },
	groupProblem: func(e *query.GroupError) string {
		var s string
		switch e.Problem {
		case query.GroupNameEmpty:
			s = "the group has no name"
		case query.GroupNameNotOneWord:
			s = "the name “" + e.Name + "” must be one word (letters, digits, - or _)"
		case query.GroupNameTooLong:
			s = "the name is longer than " + strconv.Itoa(e.Limit) + " letters"
		case query.GroupTooManyTerms:
			s = "the group “" + e.Name + "” has more than " + strconv.Itoa(e.Limit) + " terms"
		case query.GroupNoTerms:
			s = "the group “" + e.Name + "” has no terms"
		case query.GroupsNotAList:
			s = "the file is not a JSON list of groups ([{\"name\": …, \"terms\": […]}])"
		case query.GroupsTooMany:
			s = "the file has more than " + strconv.Itoa(e.Limit) + " groups"
		case query.GroupsSameName:
			s = "the name “" + e.Name + "” is taken by an earlier group of the file"
		}
		if e.Index > 0 {
			s = "group " + strconv.Itoa(e.Index) + " of the file: " + s
		}
		return s + "."
	},
	groupUnknown: func(names string) string {
		return "No group of that name in this browser: " + names + " (searched as words)."
	},
	savedHeading:    "Saved queries",
	savedIntro:      "A query is saved with its filters and view, to run again in one click.",
	savedName:       "Query name",
	saveCurrent:     "Save",
	savedNone:       "No saved queries yet.",
	savedDelete:     "Delete",
	savedSaved:      "Query saved.",
	saveThisQuery:   "Save this query",
	savedNameNeeded: "Give the query a name.",

	needQuery:     "Type a word or phrase in the search box to see this view.",
	loadingView:   "Computing…",
	viewFailed:    func(detail string) string { return "This view could not be computed: " + detail },
	openInReader:  "Open in the article",
	showTable:     "Table",
	showChart:     "Chart",
	count:         "Count",
	perTenK:       "Per 10,000 words",
	docs:          "Articles",
	words:         "Words",
	searchExactly: "Search this exact form",
	sampled: func(read, total int) string {
		return "Computed over " + groupThousands(read) + " of the " + groupThousands(total) + " articles, spread evenly over their dates."
	},

	moreInExport: func(shown, total int) string {
		return "The first " + groupThousands(shown) + " of " + groupThousands(total) + " are shown; the export has them all."
	},
	kwicHeading: func(total, docs int) string {
		return englishCount(total, "occurrence", "occurrences") + " in " + englishCount(docs, "article", "articles")
	},
	kwicInTitles: func(n int) string {
		if n == 0 {
			return ""
		}
		return ", besides " + englishCount(n, "in a title", "in titles") + " (trends counts them; they have no lines here)"
	},
	kwicNone:  "No occurrences for this query.",
	before:    "Before",
	hitWord:   "Match",
	after:     "After",
	sortLines: "Sort lines by",
	lineSorts: [][2]string{
		{"", "Article order"}, {"hit", "The match"},
		{"before1", "Word before"}, {"before2", "Second word before"},
		{"after1", "Word after"}, {"after2", "Second word after"},
	},
	linesOfPage: func(from, to, total int) string {
		return "Lines " + groupThousands(from) + "–" + groupThousands(to) + " of " + groupThousands(total)
	},
	previousLines: "← Previous lines",
	nextLines:     "Next lines →",
	sortPartial: func(n int) string {
		return "Only the first " + groupThousands(n) + " occurrences were sorted: narrow the query to sort them all."
	},

	trendsHeading:  "Frequency over time",
	compareWith:    "Compare with",
	compareHint:    "Another query, e.g. Telegram",
	addCompared:    "Add",
	removeCompared: func(q string) string { return "Remove " + q },
	unitLabel:      "Period",
	units:          [][2]string{{"", "Automatic"}, {"day", "Day"}, {"month", "Month"}, {"year", "Year"}},
	overTime:       "Over time",
	bySource:       "By source",
	rawCounts:      "Counts",
	perTenKLabel:   "Per 10,000 words",
	digitsLabel:    "Digits",
	digitsLatin:    "123",
	digitsArabic:   "١٢٣",
	period:         "Period",
	source:         "Source",
	undated: func(n int) string {
		return englishCount(n, "occurrence", "occurrences") + " in undated articles (not drawn)."
	},
	coarse: func(n int, unit string) string {
		return englishCount(n, "occurrence", "occurrences") + " in articles dated less precisely than a " + unit + " (a year or a month only), not drawn in any one " + unit + "."
	},
	unitNames:  map[explore.DateUnit]string{explore.UnitDay: "day", explore.UnitMonth: "month", explore.UnitYear: "year"},
	barTitle:   func(period, q, count string) string { return q + " — " + period + ": " + count },
	chartLabel: func(q string) string { return "Chart of the frequency of " + q },
	trendsNone: "No occurrences of this query in dated articles.",

	collocatesHeading: func(window int) string {
		return "Words most associated with the query (window of " + strconv.Itoa(window) + " words each side)"
	},
	collocatesNone: "No word is associated strongly enough.",
	windowLabel:    "Window",
	collocate:      "Word",
	together:       "Together",
	inCorpus:       "In corpus",
	inArticlesRead: "In the articles read",
	logLikelihood:  "Log-likelihood",
	pmi:            "PMI",
	searchPair:     "Search the phrase",
	searchBoth:     "Search both words",
	searchNear: func(window int) string {
		return "Search the two words within " + strconv.Itoa(window) + " words of each other"
	},
	sideBySide: "Side by side",

	formsHeading: "Word forms that matched",
	formsNone:    "No forms.",
	form:         "Form",
	wordsHeading: "Most frequent words",
	word:         "Word",

	compareHeading:    "Compare two sets of articles",
	compareIntro:      "Give each set as a query or filter: ",
	compareIntroEnd:   ", or a word.",
	sideA:             "Set A",
	sideB:             "Set B",
	sideHint:          "e.g. date:..2015",
	compareRun:        "Compare",
	compareNeedsSides: "Give both sets to compare them.",
	distinctiveOf:     func(side string) string { return "Distinctive words of " + side },
	keyness:           "Keyness (LL)",
	logRatio:          "Log ratio",
	inA:               "In A",
	inB:               "In B",
	queryIn:           func(q string) string { return "Frequency of “" + q + "” in this set" },
	queryRate:         func(count int, rate string) string { return groupThousands(count) + " (" + rate + " per 10,000 words)" },
	sideSize: func(docs, words int) string {
		return englishCount(docs, "article", "articles") + ", " + englishCount(words, "word", "words")
	},
}
