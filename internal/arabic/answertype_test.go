package arabic

import "testing"

func TestAsksForNumber(t *testing.T) {
	for _, c := range []struct {
		query string
		want  bool
	}{
		{"متى تأسست جامعة القاهرة؟", true},
		{"كم عدد سكان مصر؟", true},
		{"بكم بيعت اللوحة؟", true},
		{"في أي عام انتهت الحرب؟", true},
		{"بأي سنة ولد؟", true},
		{"ما عدد اللاعبين في الفريق؟", true},
		{"ما هو تاريخ الاستقلال؟", true},
		{"من هو رئيس الوزراء؟", false},
		{"أين تقع مصر؟", false},
		{"أي فريق فاز بالكأس؟", false},
		{"ما هي عاصمة فرنسا؟", false},
		{"انفجار على بعد 20 كم من دمشق", false},
		{"الأمم المتحدة حقوق الإنسان", false},
	} {
		if got := AsksForNumber(Norms(c.query)); got != c.want {
			t.Errorf("AsksForNumber(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

func TestIsNumberWord(t *testing.T) {
	for _, w := range []string{"1998", "١٩٩٨", "ثلاثة", "وثلاثة", "عشرين", "بالملايين", "مليار", "يناير", "وتشرين", "أيار", "السبعينيات"} {
		if !IsNumberWord(Normalize(w)) {
			t.Errorf("IsNumberWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"مارس", "آب", "الحكومة", "كتاب", "الأسبوع"} {
		if IsNumberWord(Normalize(w)) {
			t.Errorf("IsNumberWord(%q) = true, want false", w)
		}
	}
}
