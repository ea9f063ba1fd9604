package corpus

import (
	"strings"
	"testing"
)

// One case per Unicode cleaning rule, named after it.
func TestRuleUnicode(t *testing.T) {
	tests := []struct {
		rule, in, want string
		warn           bool // a Warning is expected
	}{
		{"control-between-words", "الوطن. \x1a\x1aمن احتفالات", "الوطن. من احتفالات", true},
		{"control-glued-words", "بعض\x02الأجوبة", "بعض الأجوبة", true},
		{"control-c1", "الرحلة TU 216\u008f المبرمجة", "الرحلة TU 216 المبرمجة", true},
		{"replacement-char", "كلمة\uFFFD أخرى", "كلمة أخرى", true},
		{"rlm-in-number", "5.\u200f7 درجة", "5.7 درجة", false},
		{"lrm-alm", "\u200eنص\u061c", "نص", false},
		{"embedding-at-line-edges", "\u202bمهرجان\u202c\nسطر", "مهرجان\nسطر", false},
		{"isolates", "في \u2067\u202b#درع_الخليج\u202c\u2069، أتابع", "في #درع_الخليج، أتابع", false},
		{"zwsp-wj-bom", "عن \u200b\u200bأملهم\u2060 \ufeffميسي", "عن أملهم ميسي", false},
		{"zwnj-inside-word-kept", "ا\u200cلاكتروني", "ا\u200cلاكتروني", false},
		{"zwj-inside-word-kept", "ب\u200dب", "ب\u200dب", false},
		{"zwnj-before-space-removed", "لا\u200c تقطعن", "لا تقطعن", false},
		{"zwnj-before-punct-removed", "أ\u200c) أوقاف", "أ) أوقاف", false},
		{"compose-alef-madda", "ا\u0653لاف", "آلاف", false},
		{"compose-alef-hamza-above", "ا\u0654حمد", "أحمد", false},
		{"compose-alef-hamza-below", "ا\u0655سلام", "إسلام", false},
		{"compose-waw-hamza", "مو\u0654تمر", "مؤتمر", false},
		{"compose-yeh-hamza", "ي\u0654ن", "ئن", false},
		{"compose-heh-goal-hamza", "\u06d5\u0654", "\u06c0", false},
		{"compose-through-lower-class-mark", "ا\u064e\u0654", "أ\u064e", false},
		{"reorder-shadda-fatha", "م\u0651\u064eر", "م\u064e\u0651ر", false},
		{"heh-hamza-not-canonical", "ه\u0654", "ه\u0654", false},
		{"lone-mark-untouched", "أيضاً", "أيضاً", false},
		{"presentation-forms-kept", "ﻗﺎﻝ ﻣﺼﺪﺭ ﻻ", "ﻗﺎﻝ ﻣﺼﺪﺭ ﻻ", false},
		{"nbsp-kept", "سيف\u00a0الخياط", "سيف\u00a0الخياط", false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, warns, err := cleanText(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("cleanText(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if (len(warns) > 0) != tt.warn {
				t.Errorf("warnings = %v, want some: %v", warns, tt.warn)
			}
		})
	}
}

func TestCleanTextErrors(t *testing.T) {
	if _, _, err := cleanText("نص\xffنص"); err == nil || !strings.Contains(err.Error(), "byte 4") {
		t.Errorf("invalid UTF-8: err = %v, want the offset byte 4", err)
	}
	_, err := FromRecord(Record{ID: "bin", Text: "نص\x00\x00"})
	if err == nil || !strings.Contains(err.Error(), "binary") || !strings.Contains(err.Error(), "bin") {
		t.Errorf("NUL: err = %v", err)
	}
}

// The displayed text keeps presentation forms and ligatures as the author
// wrote them; internal/arabic folds them when indexing, so "قال" still
// finds "ﻗﺎﻝ".
func TestFromRecordKeepsPresentationForms(t *testing.T) {
	text := "ﻭﻗﺎﻝ ﻣﺼﺪﺭ ﻣﺴﺆﻭﻝ لـ«الشرق الأوسط» إن ﷲ ﻻ يغيب."
	doc, warns, err := FromRecordWarn(Record{ID: "p", Title: "عنوان", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != text || len(warns) != 0 {
		t.Errorf("text = %q, warnings %v; want it unchanged", doc.Text, warns)
	}
}

func TestFromRecordWarnsOnControls(t *testing.T) {
	doc, warns, err := FromRecordWarn(Record{ID: "c", Title: "ع", Text: "أول.\x1a\x1aثان."})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "أول. ثان." {
		t.Errorf("text = %q", doc.Text)
	}
	if len(warns) != 1 || warns[0].Field != "text" || !strings.Contains(warns[0].Msg, "2 control") {
		t.Errorf("warnings = %v", warns)
	}
}
