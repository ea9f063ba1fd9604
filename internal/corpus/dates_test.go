package corpus

import "testing"

// Every date form, one case each, named after it.
func TestRuleDateForms(t *testing.T) {
	tests := []struct {
		form, line, want string // want "" = not a date line
	}{
		{"egyptian-gulf", "السبت، 03 نوفمبر 2018 12:00 ص", "2018-11-03"},
		{"levantine-two-words", "٣ تشرين الثاني ٢٠١٨", "2018-11-03"},
		{"levantine-without-al", "3 تشرين ثاني 2018", "2018-11-03"},
		{"levantine-adhar-hamza", "1 آذار 2003", "2003-03-01"},
		{"levantine-adhar-bare", "1 اذار 2003", "2003-03-01"},
		{"maghrebi-janvier", "۱۲ جانفي ۲۰۱۶", "2016-01-12"},
		{"maghrebi-fevrier", "23 فيفري 2016", "2016-02-23"},
		{"maghrebi-avril", "2 أفريل 2017", "2017-04-02"},
		{"maghrebi-mai", "8 ماي 2015", "2015-05-08"},
		{"maghrebi-juin", "15 جوان 2015", "2015-06-15"},
		{"maghrebi-juillet", "4 جويلية 2016", "2016-07-04"},
		{"maghrebi-aout", "نشر في 2 أوت 2019 - 10:30", "2019-08-02"},
		{"moroccan-yulyuz", "الخميس 14 يوليوز 2016 | 08:15:00 مساءً", "2016-07-14"},
		{"moroccan-ghusht", "5 غشت 2017", "2017-08-05"},
		{"moroccan-shtanbar", "5 شتنبر 2017", "2017-09-05"},
		{"moroccan-nunbar", "5 نونبر 2017", "2017-11-05"},
		{"moroccan-dujanbar", "5 دجنبر 2017", "2017-12-05"},
		{"april-hamza-above", "أبريل 2015", "2015-04"},
		{"april-hamza-below", "إبريل 2015", "2015-04"},
		{"egyptian-yunyah", "يونيه 2010", "2010-06"},
		{"levantine-month-year", "أيلول 2014", "2014-09"},
		{"double-month-bbc", "14 فبراير/شباط 2018", "2018-02-14"},
		{"arabic-indic-digits", "٢١ يوليو ٢٠١٥", "2015-07-21"},
		{"persian-digits", "۲۱ يوليو ۲۰۱۵", "2015-07-21"},
		{"numeric-day-first-slash", "21/07/2015", "2015-07-21"},
		{"numeric-iso", "2015-07-21", "2015-07-21"},
		{"numeric-day-first-dash", "21-7-2015", "2015-07-21"},
		{"numeric-with-day-name", "الثلاثاء 21/07/2015", "2015-07-21"},
		{"year-with-miladi-marker", "2015 م", "2015"},
		{"year-glued-marker", "20-7-2015م", "2015-07-20"},
		{"hijri-then-gregorian", "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", "2015-08-11"},
		{"numeric-hijri-then-gregorian", "٤-١٠-١٤٣٦ الموافق ٢٠-٧-٢٠١٥م", "2015-07-20"},
		{"hijri-only-rejected", "26 شوال 1436 هـ", ""},
		{"hijri-year-is-not-gregorian", "1436 هـ", ""},
		{"bare-year-is-not-a-date", "2015", ""},
		{"invalid-day-rejected", "31 نوفمبر 2018", ""},
		{"feb-29-non-leap-rejected", "29 فبراير 2015", ""},
		{"weekday-contradiction-rejected", "الخميس 16 مارس 2016", ""},
		{"weekday-agrees", "الأربعاء 16 مارس 2016", "2016-03-16"},
		{"no-year-rejected", "في 11 ديسمبر", ""},
		{"prose-rejected", "خلال شهر ديسمبر الجارى", ""},
		{"sentence-with-date-rejected", "أعلن الجيش في 3 مارس 2015 عن بدء العملية", ""},
		{"counter-rejected", "197", ""},
		{"out-of-range-year-rejected", "3 مارس 1436", ""},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			got, ok := parseDateLine(tt.line)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("parseDateLine(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
			}
		})
	}
}

func TestRuleWireDateLine(t *testing.T) {
	tests := []struct{ line, date, city, agency string }{
		{"الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "2015-08-11", "الرياض", "واس"},
		{"مكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "2015-08-10", "مكة المكرمة", "واس"},
		{"القاهرة 3 مارس 2015 (رويترز)", "2015-03-03", "القاهرة", "رويترز"},
		{"وصل الرئيس 3 مارس 2015", "", "", ""}, // no agency, no Hijri: prose
	}
	for _, tt := range tests {
		d, c, a, ok := parseDateLineFull(tt.line)
		if ok != (tt.date != "") || d != tt.date || c != tt.city || a != tt.agency {
			t.Errorf("parseDateLineFull(%q) = %q %q %q %v; want %q %q %q", tt.line, d, c, a, ok, tt.date, tt.city, tt.agency)
		}
	}
}

// Only "اليوم" + date in the first sentence dates the article.
func TestRuleLeadDate(t *testing.T) {
	tests := []struct{ name, lead, want string }{
		{"today-marker", "قضت محكمة ببرلين، اليوم الاثنين 27 فيفري 2017 بالسجن على متهمين.", "2017-02-27"},
		{"today-marker-brackets", "أعلنت الوزارة، اليوم (الثلاثاء) 21 يوليو 2015، أن الخطة جاهزة.", "2015-07-21"},
		{"event-day-is-not-publication", "سينقطع التيار يوم الأحد 2 أفريل 2017 من الساعة الثامنة.", ""},
		{"second-sentence-ignored", "قال الوزير إن الخطة جاهزة. وأضاف اليوم الاثنين 27 فيفري 2017 أن …", ""},
		{"no-marker", "في 21 يوليو 2015 وقع الانفجار.", ""},
		{"weekday-typo-rejected", "تحتفل تونس اليوم الخميس 16 مارس 2016، باليوم الوطني.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := leadDate(tt.lead)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("leadDate(%q) = %q, %v; want %q", tt.lead, got, ok, tt.want)
			}
		})
	}
}

// A date line below the first paragraph heads a list and stays text.
func TestRuleDateLineOnlyInHeader(t *testing.T) {
	doc, err := Parse("x", []byte("تدور مقابلات الجولة الأولى وفي ما يلي التعيينات:\nالأحد 26 فيفري 2017\nالملعب الأول.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Date != "" || doc.Text != "تدور مقابلات الجولة الأولى وفي ما يلي التعيينات:\nالأحد 26 فيفري 2017\nالملعب الأول." {
		t.Errorf("got date %q text %q", doc.Date, doc.Text)
	}
}
