package corpus

import "testing"

func TestRuleBylineFull(t *testing.T) {
	tests := []struct {
		rule, line string
		want       byline
		ok         bool
	}{
		{"name-city", "أحمد الأنباري-بغداد", byline{author: "أحمد الأنباري", city: "بغداد"}, true},
		{"name-city-tatweel-dash", "خالد الفرج ـ عنيزة", byline{author: "خالد الفرج", city: "عنيزة"}, true},
		{"outlet-city", "عين اليوم – الرياض", byline{source: "عين اليوم", city: "الرياض"}, true},
		{"name-outlet", "عمر إبراهيم – عين اليوم", byline{author: "عمر إبراهيم", source: "عين اليوم"}, true},
		{"name-outlet-tatweel", "سلوى المدني ـ عين اليوم", byline{author: "سلوى المدني", source: "عين اليوم"}, true},
		{"name-report-kind", "سلوى سعد – متابعات", byline{author: "سلوى سعد"}, true},
		{"outlet-agency", "عين اليوم – واس", byline{source: "عين اليوم"}, true},
		{"kataba", "كتب: محمد عبد الله", byline{author: "محمد عبد الله"}, true},
		{"katabat-city", "كتبت: سارة علي - القاهرة", byline{author: "سارة علي", city: "القاهرة"}, true},
		{"bi-qalam", "بقلم: فهمي هويدي", byline{author: "فهمي هويدي"}, true},
		{"bi-qalam-no-colon", "بقلم فهمي هويدي", byline{author: "فهمي هويدي"}, true},
		{"kataba-prose-rejected", "كتب الرئيس رسالة إلى نظيره", byline{}, false},
		{"one-name-word-rejected", "أحمد-بغداد", byline{}, false},
		{"digits-rejected", "أحمد الأنباري-بغداد 2015", byline{}, false},
		{"prose-rejected", "ويشير الخياط -الذي نشرت حسابات تنظيم الدولة صوره", byline{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, ok := parseBylineFull(tt.line)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseBylineFull(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRuleLeadDateline(t *testing.T) {
	tests := []struct {
		rule, lead string
		want       leadDateline
		ok         bool
	}{
		{"city-agency-brackets", "بغداد - (رويترز) - قال مسؤول إن الهجوم وقع فجرا.", leadDateline{city: "بغداد", source: "رويترز"}, true},
		{"city-agency-initials", "القاهرة – أ ف ب – أعلنت الحكومة المصرية …", leadDateline{city: "القاهرة", source: "فرانس برس"}, true},
		{"city-country-outlet", "دبي، الإمارات العربية المتحدة (CNN)— قال أنور قرقاش …", leadDateline{city: "دبي", source: "سي إن إن بالعربية"}, true},
		{"outlet-only", "(CNN)--ساعدت كيلدا رويز في حظر مادة …", leadDateline{source: "سي إن إن بالعربية"}, true},
		{"outlet-city-colon", "سبق- الدمام: قالت مؤسسة جسر الملك فهد …", leadDateline{source: "سبق", city: "الدمام"}, true},
		{"agency-city-colon", "واس- الرياض: توقعت الرئاسة العامة للأرصاد …", leadDateline{source: "واس", city: "الرياض"}, true},
		{"author-outlet-city", "عوض الفهمي- سبق- أضم: أعلنت جمعية البر …", leadDateline{author: "عوض الفهمي", source: "سبق", city: "أضم"}, true},
		{"report-kind-not-city", "سبق- وكالات: هاجم نائب رئيس شرطة دبي …", leadDateline{source: "سبق"}, true},
		{"no-outlet-no-dateline", "الرياض - محمد الحيدر نظمت الشركة السعودية للكهرباء …", leadDateline{}, false},
		{"mention-is-not-credit", "قال مراسل رويترز - في تقرير - إن الوضع هادئ.", leadDateline{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, ok := parseLeadDateline(tt.lead)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseLeadDateline(%q) = %+v, %v; want %+v, %v", tt.lead, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRuleCreditLine(t *testing.T) {
	tests := []struct{ rule, line, want string }{
		{"naqlan-an", "*نقلاً عن الرؤية الإماراتية", "الرؤية الإماراتية"},
		{"naqlan-an-bare", "نقلا عن الشروق الجزائرية", "الشروق الجزائرية"},
		{"outlets-slash", "فرانس24/ أ ف ب", "فرانس 24"},
		{"outlets-three", "فرانس 24/ أ ف ب / رويترز", "فرانس 24"},
		{"agency-in-brackets", "(رويترز)", "رويترز"},
		{"naqlan-an-sentence-rejected", "نقلا عن مصادر مطلعة قولها إن الاجتماع تأجل إلى الأسبوع المقبل", ""},
		{"caption-rejected", "تنظيم الدولة هدد المدون سيف الخياط بالقتل (الجزيرة)", ""},
		{"mention-rejected", "وقالت رويترز إن الاتفاق وشيك", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, ok := parseCreditLine(tt.line)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("parseCreditLine(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
			}
		})
	}
}
