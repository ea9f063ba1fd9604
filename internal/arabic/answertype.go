package arabic

import "strings"

// The answer a question expects. A pasted question that asks when or how
// many is answered by a text holding a date or a number, whatever words of
// the question it shares: question answering's passage retrieval has
// matched the expected answer type since its beginnings (Prager et al.,
// "predictive annotation", 2000). On the XQuAD-R Arabic questions, 89 % of
// the sentences that answer a متى question and 77 % of those answering a
// كم question hold a number, against 34 % of all sentences.

// AsksForNumber reports whether a query, as tokens (Analyze or Norms), is a
// question whose answer is a number or a date: متى، كم، بكم; أي (في أي،
// بأي…) before a time noun (عام، سنة، قرن، عقد، يوم، شهر، تاريخ); ما (هو،
// هي) before a noun of quantity (عدد، تاريخ، عام، سنة، نسبة، مقدار). كم
// after a number is the kilometre (٢٠ كم), not a question.
func AsksForNumber(toks []Token) bool {
	for i, t := range toks {
		switch t.Norm {
		case "متي", "كم", "بكم":
			if t.Norm == "كم" && i > 0 && hasDigit(toks[i-1].Norm) {
				continue
			}
			return true
		case "اي", "ايه", "باي", "لاي", "فاي":
			if i+1 < len(toks) && timeNouns[Stem(toks[i+1].Norm)] {
				return true
			}
		case "ما", "ماهو", "ماهي":
			j := i + 1
			if j < len(toks) && (toks[j].Norm == "هو" || toks[j].Norm == "هي") {
				j++
			}
			if j < len(toks) && quantityNouns[Stem(toks[j].Norm)] {
				return true
			}
		}
	}
	return false
}

// IsNumberWord reports whether a normalized word (Token.Norm) is a number
// or a date: it has a digit, or it is a cardinal number (ثلاثة، عشرين،
// مليون, with their clitics: وثلاثة، بالملايين) or the name of a month. The
// month names that are also common words (مارس practised, آب father) are
// left out: a date in them is written with its day or year in digits.
func IsNumberWord(norm string) bool {
	return hasDigit(norm) || numberWords[Stem(norm)]
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

var (
	timeNouns     = stems("عام سنة قرن عقد يوم شهر تاريخ")
	quantityNouns = stems("عدد تاريخ عام سنة نسبة مقدار")
	numberWords   = stems(`واحد اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة
		عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون مئة مائة مئات ألف آلاف
		مليون ملايين مليار مليارات
		يناير فبراير أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
		كانون شباط آذار نيسان أيار حزيران تموز أيلول تشرين`)
)

// stems maps each word of a list to its stem.
func stems(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[Stem(Normalize(w))] = true
	}
	return m
}
