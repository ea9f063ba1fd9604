package corpus

import "strings"

// Outlets and codes are data like the rules: one more outlet is one more
// table entry.

// outletAliases maps the canonical (display) name of a news outlet or wire
// agency to the spellings it appears under in credit patterns: a wire
// dateline ("بغداد - (رويترز) -"), a byline ("عمر إبراهيم – عين اليوم"), a
// closing credit line ("فرانس24/ أ ف ب"). A bare mention in a sentence
// never makes a source. Names that are also ordinary words or places
// (الرياض, اليوم, الوطن, المدينة, الجزيرة, العربية as an adjective) are
// left out of the aliases: they are recognised only in "المصدر:" lines and
// through the record's source codes below.
var outletAliases = map[string][]string{
	"رويترز":            {"رويترز", "رويتر", "Reuters"},
	"فرانس برس":         {"فرانس برس", "أ ف ب", "أ.ف.ب", "ا ف ب", "أ ف پ", "AFP", "وكالة الصحافة الفرنسية", "وكالة فرانس برس"},
	"أسوشيتد برس":       {"أسوشيتد برس", "أسوشيتدبرس", "أ ب", "AP", "اسوشيتد برس"},
	"الأناضول":          {"الأناضول", "وكالة الأناضول", "الاناضول"},
	"د ب أ":             {"د ب أ", "د.ب.أ", "دب أ", "DPA", "الوكالة الألمانية"},
	"واس":               {"واس", "وكالة الأنباء السعودية", "SPA"},
	"سبوتنيك":           {"سبوتنيك", "Sputnik"},
	"شينخوا":            {"شينخوا", "Xinhua"},
	"كونا":              {"كونا", "KUNA"},
	"وام":               {"وام", "WAM"},
	"سانا":              {"سانا", "SANA"},
	"الشرق الأوسط":      {"الشرق الأوسط"},
	"سكاي نيوز عربية":   {"سكاي نيوز عربية", "سكاي نيوز"},
	"بي بي سي عربي":     {"بي بي سي عربي", "بي بي سي", "BBC", "BBC Arabic"},
	"سي إن إن بالعربية": {"سي إن إن بالعربية", "سي إن إن", "CNN", "CNN بالعربية", "CNNArabic"},
	"فرانس 24":          {"فرانس 24", "فرانس24", "France 24", "France24"},
	"بوابة الوفد":       {"بوابة الوفد"},
	"عين اليوم":         {"عين اليوم"},
	"سبق":               {"سبق", "صحيفة سبق"},
	"الوئام":            {"الوئام", "صحيفة الوئام"},
	"عكاظ":              {"عكاظ"},
	"الاقتصادية":        {"الاقتصادية"},
	"الرياضي":           {"الرياضي"},
	"الجوهرة إف إم":     {"الجوهرة إف إم", "الجوهرة أف أم", "Jawhara FM"},
	"صحيفة الجزيرة":     {"صحيفة الجزيرة"},
	"صحيفة الرياض":      {"صحيفة الرياض"},
	"صحيفة اليوم":       {"صحيفة اليوم"},
	"صحيفة الوطن":       {"صحيفة الوطن"},
	"صحيفة المدينة":     {"صحيفة المدينة"},
	"الرياضية":          {"صحيفة الرياضية"},
	"الجزيرة":           {"الجزيرة نت", "الجزيرة.نت"},
	"العربية":           {"العربية نت", "العربية.نت"},
	"وكالة الأنباء العراقية": {"واع"},
}

// sourceCodes maps the Latin source codes of the benchmark corpora
// (SaudiNewsNet, ANT) to the outlet's Arabic display name; keys lower case.
// aljazirah is the Saudi daily الجزيرة (al-jazirah.com), not the Qatari
// channel; was is واس, the Saudi Press Agency; the Saudi dailies whose name
// is also a city or a common word carry "صحيفة" so a facet never reads as a
// place.
var sourceCodes = map[string]string{
	"skynews":      "سكاي نيوز عربية",
	"alarabia":     "العربية",
	"alarabiya":    "العربية",
	"aawsat":       "الشرق الأوسط",
	"bbc":          "بي بي سي عربي",
	"cnn":          "سي إن إن بالعربية",
	"france24":     "فرانس 24",
	"aljazirah":    "صحيفة الجزيرة",
	"alriyadh":     "صحيفة الرياض",
	"okaz":         "عكاظ",
	"alyaum":       "صحيفة اليوم",
	"alwatan":      "صحيفة الوطن",
	"3alyoum":      "عين اليوم",
	"alweeam":      "الوئام",
	"almadina":     "صحيفة المدينة",
	"sabq":         "سبق",
	"was":          "واس",
	"spa":          "واس",
	"aleqtisadiya": "الاقتصادية",
	"arreyadi":     "الرياضي",
	"arriyadiyah":  "الرياضية",
	"jawhara fm":   "الجوهرة إف إم",
	"aljazeera":    "الجزيرة",
	"reuters":      "رويترز",
	"afp":          "فرانس برس",
}

// categoryCodes maps the benchmark corpora's category codes to the Arabic
// section names the page shows; keys lower case.
var categoryCodes = map[string]string{
	"internationalnews": "دولي",
	"sport":             "رياضة",
	"sports":            "رياضة",
	"middleeast":        "الشرق الأوسط",
	"localnews":         "محليات",
	"economy":           "اقتصاد",
	"technology":        "تكنولوجيا",
	"tech":              "تكنولوجيا",
	"culture":           "ثقافة",
	"society":           "مجتمع",
	"politic":           "سياسة",
	"politics":          "سياسة",
	"diverse":           "منوعات",
}

// outletIndex is outletAliases by alias key (see outletKey).
var outletIndex = func() map[string]string {
	m := map[string]string{}
	for canon, aliases := range outletAliases {
		m[outletKey(canon)] = canon
		for _, a := range aliases {
			m[outletKey(a)] = canon
		}
	}
	return m
}()

// outletKey folds an outlet spelling for lookup: matchKey, lower case,
// brackets, quotes and dots out, spaces collapsed.
func outletKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '(', ')', '«', '»', '"', '“', '”', '\'', '.', '[', ']':
			return ' '
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(matchKey(s)), " "))
}

// lookupOutlet returns the canonical name when s is exactly an outlet.
func lookupOutlet(s string) (string, bool) {
	if len(s) > 60 {
		return "", false
	}
	c, ok := outletIndex[outletKey(s)]
	return c, ok
}

// displaySource maps a record's source code ("skynews") or an outlet alias
// ("Reuters", "أ ف ب") to the display name; anything else is kept.
func displaySource(s string) string {
	if c, ok := sourceCodes[strings.ToLower(s)]; ok {
		return c
	}
	if c, ok := lookupOutlet(s); ok {
		return c
	}
	return s
}

// displayCategory maps a category code ("middleEast") to its Arabic name;
// anything else is kept.
func displayCategory(s string) string {
	if c, ok := categoryCodes[strings.ToLower(s)]; ok {
		return c
	}
	return s
}
