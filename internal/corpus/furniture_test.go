package corpus

import (
	"strings"
	"testing"
)

// One case per furniture rule and table entry kind, named after it; the
// rule name is the one furnitureRule reports.
func TestRuleFurnitureNamed(t *testing.T) {
	tests := []struct{ name, line, rule string }{
		{"related-links-heading", "مقالات ذات صلة", "exact"},
		{"back-to-top", "زر الذهاب إلى الأعلى", "exact"},
		{"read-more-teaser", "...المزيد", "exact"},
		{"wire-end-marker", "// انتهى //", "exact"},
		{"wire-continued-marker", "// يتبع //", "exact"},
		{"sms-box-heading", "للتواصل مع الكاتب ارسل رسالة SMS", "exact"},
		{"slider-navigation", "Next Previous", "exact"},
		{"read-also", "اقرأ أيضا: وثائق| عناصر إخوانية نفذت عمليات", "prefix"},
		{"read-also-bar", "اقرأ أيضا|\u00a0السعودية تنفي أنباء مقتل جمال خاشقجي", "prefix"},
		{"read-also-bullet", "• اقرأ أيضاً: عنوان آخر", "prefix"},
		{"watch-also", "شاهد أيضاً: فيديو الهجوم", "prefix"},
		{"follow-us", "تابعونا على تويتر وفيسبوك", "prefix"},
		{"bbc-app-promo", "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.", "prefix"},
		{"opinion-disclaimer", "** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "prefix"},
		{"copyright", "**حقوق النشر محفوظة لمجلة القافلة، أرامكو السعودية", "prefix"},
		{"all-rights-reserved", "جميع الحقوق محفوظة © 2018", "prefix"},
		{"link-line", "رابط الخبر بصحيفة الوئام: بالصور .. رمضان في ليبيا", "prefix"},
		{"contact-writer", "لمراسلة الكاتب: turki@alriyadh.net", "prefix"},
		{"sms-instructions", "تبدأ بالرمز (100) ثم مسافة ثم نص الرسالة إلى", "prefix"},
		{"radio-jingle", "موعد يومي مع أبرز الأحداث والمستجدات على الساحة الوطنية خلال 24 ساعة تؤمنه لكم الجوهرة \"أف أم\"", "prefix"},
		{"other-articles-of-writer-glued", "مقالات أخرى للكاتبنداء لرئيس الحرمين!استثمارات التسول", "prefix"},
		{"click-here", "لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...", "call-to-action"},
		{"view-counter", "197", "counter"},
		{"view-counter-thousands", "12,450", "counter"},
		{"section-number-kept", "2", ""},
		{"latin-debris", "enn", "latin-token"},
		{"php-debris", "Array", "latin-token"},
		{"separator-dashes", "------------------------------", "punctuation-only"},
		{"separator-stars", "* * *", "punctuation-only"},
		{"email-alone", "m.althaidy@asharqalawsat.com", "email-only"},
		{"sms-box-carrier", "737221 - Zain", "sms-box"},
		{"sms-box-arabic", "الاتصالات ,636250 موبايلي, 738303", "sms-box"},
		// Never article text:
		{"share-verb-in-sentence", "شارك في الهجوم مقاتلون من التنظيم.", ""},
		{"prefix-inside-word", "اقرأ أيضاتي", ""},
		{"latin-two-words", "anonymous hackers", ""},
		{"long-latin-word", "internationalization", ""},
		{"subheading", "فجر الفلوجة", ""},
		{"percentage", "70%", ""},
		{"long-paragraph-with-prefix", "تابعونا على " + strings.Repeat("كلمة ", 45), ""},
		{"click-here-in-prose", "وقال إن على المستخدم أن يضغط هنا وهناك ليصل إلى المعلومة التي يريدها بعد طول بحث في الموقع اضغط هنا", ""},
		{"email-in-sentence", "راسلونا على tariq@asharqalawsat.com لمزيد من التفاصيل", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := furnitureRule(tt.line); got != tt.rule {
				t.Errorf("furnitureRule(%q) = %q, want %q", tt.line, got, tt.rule)
			}
		})
	}
}

func TestRuleFurnitureTail(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"link-glued-to-paragraph", "وبحث الجانبان الأوضاع. رابط الخبر بصحيفة الوئام: الأمير يجتمع مع رئيس الحزب", "وبحث الجانبان الأوضاع."},
		{"writer-links-glued", "هل هذا معقول؟ مقالات أخرى للكاتبلو كنت رئيساً للهيئة!وقعت إيران", "هل هذا معقول؟"},
		{"sms-box-glued-to-email", "aaljamili@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة", "aaljamili@yahoo.com"},
		{"long-tail-is-prose", "قال إن رابط الخبر بصحيفة" + strings.Repeat(" كلمة", 85), "قال إن رابط الخبر بصحيفة" + strings.Repeat(" كلمة", 85)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutFurnitureTail(tt.in); got != tt.want {
				t.Errorf("cutFurnitureTail(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	// The e-mail left alone on its line then goes too.
	if got := cleanLines("نص.\naaljamili@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS\n"); len(got) != 1 {
		t.Errorf("cleanLines = %q", got)
	}
}

// The folded head furnitureKey keeps must hold every table entry.
func TestFurnitureKeyHoldsEntries(t *testing.T) {
	for _, list := range [][]string{furnitureExact, furniturePrefixes, furnitureGluedPrefixes} {
		for _, e := range list {
			if len(matchKey(e)) >= furnitureKeyBytes {
				t.Errorf("%q is longer than furnitureKeyBytes", e)
			}
		}
	}
}
