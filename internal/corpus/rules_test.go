package corpus

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestRuleDateLine(t *testing.T) {
	tests := []struct {
		line string
		want string // "" = not a date line
	}{
		{"السبت، 03 نوفمبر 2018 12:00 ص", "2018-11-03"},
		{"٣ تشرين الثاني ٢٠١٨", "2018-11-03"},
		{"الأحد 5 كانون الأول 2021", "2021-12-05"},
		{"۱۲ جانفي ۲۰۱۶", "2016-01-12"},
		{"نشر في 2 أوت 2019 - 10:30", "2019-08-02"},
		{"الخميس 14 يوليوز 2016 | 08:15:00 مساءً", "2016-07-14"},
		{"أبريل 2015", "2015-04"},
		{"إبريل 2015", "2015-04"},
		{"يونيه 2010", "2010-06"},
		{"1 آذار 2003", "2003-03-01"},
		{"أيلول 2014", "2014-09"},
		{"31 نوفمبر 2018", ""},         // no such day
		{"في 11 ديسمبر", ""},           // no year
		{"خلال شهر ديسمبر الجارى", ""}, // prose
		{"أعلن الجيش في 3 مارس 2015 عن بدء العملية", ""},
		{"2018-11-03", "2018-11-03"}, // numeric dates are date lines too
		{"197", ""},
	}
	for _, tt := range tests {
		got, ok := parseDateLine(tt.line)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("parseDateLine(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}

func TestRuleFurniture(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"اقرأ أيضا: وثائق| عناصر إخوانية نفذت عمليات", true},
		{"اقرأ أيضاً: عنوان آخر", true},
		{"اقرأ أيضا", true},
		{"مقالات ذات صلة", true},
		{"زر الذهاب إلى الأعلى", true},
		{"شارك", true},
		{"197", true},
		{"١٩٧", true},
		{"12,450", true},
		{"enn", true},
		{"شارك في الهجوم مقاتلون من التنظيم.", false}, // exact only
		{"اقرأ أيضاتي", false},                        // prefix must end at a word
		{"anonymous hackers", false},                  // two words: not a lone token
		{"internationalization", false},               // too long for debris
		{"فجر الفلوجة", false},
		{"70%", false},
	}
	for _, tt := range tests {
		if got := isFurniture(tt.line); got != tt.want {
			t.Errorf("isFurniture(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestRuleCleanLines(t *testing.T) {
	in := "\uFEFFأول سطر  \r\n\r\n\r\n\u00a0\nصورة (الجزيرة)\nصورة (الجزيرة)\r\nثالث\t\rرابع\n\n"
	want := []string{"أول سطر", "صورة (الجزيرة)", "ثالث", "رابع"}
	if got := cleanLines(in); !slices.Equal(got, want) {
		t.Errorf("cleanLines = %q, want %q", got, want)
	}
}

func TestRuleByline(t *testing.T) {
	tests := []struct {
		line, author, city string
	}{
		{"أحمد الأنباري-بغداد", "أحمد الأنباري", "بغداد"},
		{"محمد عبد الله - القاهرة", "محمد عبد الله", "القاهرة"},
		{"سارة علي – دير الزور", "سارة علي", "دير الزور"},
		{"أحمد-بغداد", "", ""},                                       // one name word
		{"أحمد الأنباري-بغداد 2015", "", ""},                         // digits
		{"ويشير الخياط -الذي نشرت حسابات تنظيم الدولة صوره", "", ""}, // prose
		{"صراع الكتروني مع تنظيم الدولة", "", ""},
	}
	for _, tt := range tests {
		a, c, ok := parseByline(tt.line)
		if ok != (tt.author != "") || a != tt.author || c != tt.city {
			t.Errorf("parseByline(%q) = %q, %q, %v; want %q, %q", tt.line, a, c, ok, tt.author, tt.city)
		}
	}
}

func TestRuleSourceLine(t *testing.T) {
	tests := []struct{ line, want string }{
		{"المصدر : الجزيرة", "الجزيرة"},
		{"المصدر: رويترز", "رويترز"},
		{"المصدر:وكالة الأنباء الفرنسية.", "وكالة الأنباء الفرنسية"},
		{"المصدر الرئيسي للتمويل هو التبرعات", ""},
		{"المصدر: قال مسؤول رفيع إن الهجوم وقع في ساعة متأخرة من الليل", ""},
		{"المصدر :", ""},
	}
	for _, tt := range tests {
		got, ok := parseSourceLine(tt.line)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("parseSourceLine(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}

func TestRuleTitleLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"بعد اعترافه بالهزيمة على الأرض.. كيف يخطط «داعش» لشن حرب جديدة عبر الإنترنت؟", true},
		{"“داعش” يدعو للنفير “الإلكترونى”", true},
		{"يخوض ناشطون عراقيون صراعا إلكترونيا.", false},
		{"وقال المتحدث:", false},
		{strings.Repeat("كلمة ", 21), false},
	}
	for _, tt := range tests {
		if got := isTitleLine(tt.line); got != tt.want {
			t.Errorf("isTitleLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestRuleDerivedTitle(t *testing.T) {
	tests := []struct{ first, want string }{
		{"أصبح تنظيم داعش الإرهابي وباء يهدد الأرض ومن عليها ، فبات ينتشر", "أصبح تنظيم داعش الإرهابي وباء يهدد الأرض ومن عليها…"},
		{"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد اثنا ثلاثة عشر.", "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد اثنا…"},
		{"هل انتهى التنظيم؟ لا.", "هل انتهى التنظيم…"},
	}
	for _, tt := range tests {
		if got := deriveTitle(tt.first); got != tt.want {
			t.Errorf("deriveTitle(%q) = %q, want %q", tt.first, got, tt.want)
		}
	}
}

func TestRuleCategoryLabel(t *testing.T) {
	doc, err := Parse("x", []byte("الأخبار\n\nعنوان الخبر\n\nنص الخبر الأول.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Category != "الأخبار" || doc.Title != "عنوان الخبر" || doc.Text != "نص الخبر الأول." {
		t.Errorf("got %+v", doc)
	}
	// A label alone is the text, not a category of nothing.
	doc, err = Parse("x", []byte("الأخبار\n"))
	if err != nil || doc.Category != "" || doc.Text != "الأخبار" {
		t.Errorf("label-only file: got %+v, %v", doc, err)
	}
}

func TestRuleHeaderOrder(t *testing.T) {
	tests := []struct {
		name, in string
		want     Document
	}{
		{
			name: "date before title",
			in:   "الأحد 5 كانون الأول 2021\nعنوان\nنص.\n",
			want: Document{ID: "x", Title: "عنوان", Date: "2021-12-05", Text: "نص."},
		},
		{
			name: "header lines between title and byline are dropped",
			in:   "عنوان\nعنوان ثانوي\nتعليق صورة (الجزيرة)\nأحمد علي-بغداد\nنص.\nالمصدر: الجزيرة\n",
			want: Document{ID: "x", Title: "عنوان", Author: "أحمد علي", Dateline: "بغداد", Source: "الجزيرة", Text: "نص."},
		},
		{
			name: "prose stops the byline search",
			in:   "عنوان\nجملة أولى من النص.\nأحمد علي-بغداد\n",
			want: Document{ID: "x", Title: "عنوان", Text: "جملة أولى من النص.\nأحمد علي-بغداد"},
		},
		{
			name: "single line is body with derived title",
			in:   "سطر واحد قصير",
			want: Document{ID: "x", Title: "سطر واحد قصير…", Text: "سطر واحد قصير"},
		},
		{
			name: "byline without title only on first line",
			in:   "أحمد علي-بغداد\nنص الخبر، وتفاصيله.\n",
			want: Document{ID: "x", Title: "نص الخبر…", Author: "أحمد علي", Dateline: "بغداد", Text: "نص الخبر، وتفاصيله."},
		},
	}
	for _, tt := range tests {
		got, err := Parse("x", []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}
