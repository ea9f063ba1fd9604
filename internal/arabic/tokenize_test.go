package arabic

import (
	"strings"
	"testing"
)

// tok is the part of a token a tokenizer case checks: "text|term", with
// "|term" left out when only the text matters.
func describe(tokens []Token) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = t.Text + "|" + t.Term
	}
	return out
}

func TestTokenizerRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "text|term" per token
	}{
		{"hashtag of one word", "#داعش", []string{"#داعش|#داعش", "داعش|داعش"}},
		{"hashtag of words joined by underscore", "نشر #الدولة_الإسلامية اليوم",
			[]string{"نشر|نشر", "#الدولة_الإسلامية|#الدوله_الاسلاميه", "الدولة|دول", "الإسلامية|اسلام", "اليوم|يوم"}},
		{"latin hashtag lowercased", "#ISIS", []string{"#ISIS|#isis", "ISIS|isis"}},
		{"hashtag ends at punctuation", "#داعش، تنظيم", []string{"#داعش|#داعش", "داعش|داعش", "تنظيم|تنظيم"}},
		{"lone hash and underscore outside a hashtag separate", "# داعش_تنظيم", []string{"داعش|داعش", "تنظيم|تنظيم"}},
		{"handle is one token", "قال @Amaq_Agency إن", []string{"قال|قال", "@Amaq_Agency|@amaq_agency", "إن|"}},
		{"at sign inside an email is not a handle", "a@b", []string{"a|a", "b|b"}},
		{"url is one token without words inside", "زوروا https://Example.com/داعش?id=1. الآن",
			[]string{"زوروا|زور", "https://Example.com/داعش?id=1|https://example.com/داعش?id=1", "الآن|"}},
		{"www url", "(www.Twitter.com/ISIS)", []string{"www.Twitter.com/ISIS|www.twitter.com/isis"}},
		{"url after arabic punctuation", "«http://t.co/x»", []string{"http://t.co/x|http://t.co/x"}},
		{"word starting like a url is a word", "httpx wwwx", []string{"httpx|httpx", "wwwx|wwwx"}},
		{"digits attached to an arabic letter", "2018م", []string{"2018|2018", "م|"}},
		{"arabic indic digits", "٢٠١٨", []string{"٢٠١٨|2018"}},
		{"persian digits attached", "۲۰۱۸هـ", []string{"۲۰۱۸|2018", "ه|"}},
		{"latin word keeps its digits", "covid19 mp3", []string{"covid19|covid19", "mp3|mp3"}},
		{"run-together words are split", "الولاياتالمتحدة", []string{"الولايات|ولا", "المتحدة|متحده"}},
		{"run-together words with harakat are split", "الأُمَمُالمتحدة", []string{"الأُمَمُ|امم", "المتحدة|متحده"}},
		{"ordinary long word is not split", "والاستخبارات", []string{"والاستخبارات|استخبار"}},
		{"lost space before an article is found with the lexicon", "علىالمنصة", []string{"على|", "المنصة|منصه"}},
		{"word with al inside is not split", "الاحتفالات", []string{"الاحتفالات|احتفل"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tokens := Analyze(tc.text)
			checkTokens(t, tc.text, tokens)
			if got := describe(tokens); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestHashtagPositions(t *testing.T) {
	tokens := Analyze("قال #الدولة_الإسلامية اليوم")
	// قال 0, #… 1, الدولة 1, الإسلامية 2, اليوم 3
	want := []int{0, 1, 1, 2, 3}
	for i, tok := range tokens {
		if tok.Position != want[i] {
			t.Errorf("token %d %q: position %d, want %d", i, tok.Text, tok.Position, want[i])
		}
	}
	if h := tokens[1]; h.Start != 7 || h.End != len("قال #الدولة_الإسلامية") || tokens[2].Start != h.Start+1 {
		t.Errorf("hashtag offsets %+v, first word %+v", h, tokens[2])
	}
}

func TestRunTogetherTiles(t *testing.T) {
	text := "في الولاياتالمتحدة."
	tokens := Tokenize(text)
	if len(tokens) != 3 || tokens[1].End != tokens[2].Start || tokens[2].End != len(text)-1 {
		t.Fatalf("%+v", tokens)
	}
}
