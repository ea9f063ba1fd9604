package query

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string // String() of the parsed tree
		check func(t *testing.T, n Node)
	}{
		{name: "single word", in: "تويتر", want: "تويتر"},
		{name: "words are ANDed", in: "تويتر  داعش", want: "تويتر داعش",
			check: func(t *testing.T, n Node) {
				if a, ok := n.(And); !ok || len(a.Children) != 2 {
					t.Errorf("got %#v, want And of 2", n)
				}
			}},
		{name: "OR keyword", in: "تويتر OR تليجرام", want: "تويتر OR تليجرام",
			check: func(t *testing.T, n Node) {
				if _, ok := n.(Or); !ok {
					t.Errorf("got %#v, want Or", n)
				}
			}},
		{name: "OR binds tighter than AND", in: "تويتر OR تليجرام داعش", want: "تويتر OR تليجرام داعش",
			check: func(t *testing.T, n Node) {
				a, ok := n.(And)
				if !ok || len(a.Children) != 2 {
					t.Fatalf("got %#v, want And of 2", n)
				}
				if _, ok := a.Children[0].(Or); !ok {
					t.Errorf("first child %#v, want Or", a.Children[0])
				}
			}},
		{name: "lowercase or is a word", in: "a or b", want: "a or b"},
		{name: "Arabic أو is a word", in: "دولة أو منطقة", want: "دولة أو منطقة"},
		{name: "OR chains flatten", in: "a OR b OR c", want: "a OR b OR c",
			check: func(t *testing.T, n Node) {
				if o, ok := n.(Or); !ok || len(o.Children) != 3 {
					t.Errorf("got %#v, want Or of 3", n)
				}
			}},
		{name: "phrase", in: `"تنظيم   الدولة"`, want: `"تنظيم الدولة"`,
			check: func(t *testing.T, n Node) {
				if p, ok := n.(Phrase); !ok || p.Text != "تنظيم الدولة" {
					t.Errorf("got %#v", n)
				}
			}},
		{name: "guillemet phrase", in: "«تنظيم الدولة»", want: `"تنظيم الدولة"`},
		{name: "curly quote phrase", in: "“تنظيم الدولة”", want: `"تنظيم الدولة"`},
		{name: "phrase keeps a straight quote inside guillemets", in: `«a"b»`, want: `«a"b»`},
		{name: "NOT word", in: "تويتر -فيسبوك", want: "تويتر -فيسبوك",
			check: func(t *testing.T, n Node) {
				a := n.(And)
				if _, ok := a.Children[1].(Not); !ok {
					t.Errorf("got %#v, want Not", a.Children[1])
				}
			}},
		{name: "NOT phrase", in: `تويتر -"فيس بوك"`, want: `تويتر -"فيس بوك"`},
		{name: "NOT group", in: "تويتر -(فيس بوك)", want: "تويتر -(فيس بوك)"},
		{name: "NOT filter", in: "تويتر -source:الجزيرة", want: "تويتر -source:الجزيرة"},
		{name: "hyphen inside a word", in: "covid-19", want: "covid-19"},
		{name: "group", in: "(تويتر OR فيسبوك) داعش", want: "تويتر OR فيسبوك داعش"},
		{name: "group changes precedence", in: "تويتر OR (فيسبوك داعش)", want: "تويتر OR (فيسبوك داعش)"},
		{name: "redundant parentheses vanish", in: "((تويتر))", want: "تويتر"},
		{name: "nested AND flattens", in: "a (b c)", want: "a b c"},
		{name: "AND inside OR keeps parentheses", in: "(a b) OR c", want: "(a b) OR c"},
		{name: "source filter", in: "source:الجزيرة", want: "source:الجزيرة",
			check: func(t *testing.T, n Node) {
				if f, ok := n.(Field); !ok || f.Name != FieldSource || f.Value != "الجزيرة" {
					t.Errorf("got %#v", n)
				}
			}},
		{name: "quoted source filter", in: `source:"بوابة الوفد"`, want: `source:"بوابة الوفد"`},
		{name: "field name is case-insensitive", in: "Source:x", want: "source:x"},
		{name: "Arabic field alias", in: "مصدر:الجزيرة سنة:2015", want: "source:الجزيرة date:2015-01-01..2015-12-31"},
		{name: "entity filter", in: `entity:تويتر كيان:"تنظيم الدولة"`, want: `entity:تويتر entity:"تنظيم الدولة"`},
		{name: "year filter is a date range", in: "داعش year:2018", want: "داعش date:2018-01-01..2018-12-31",
			check: func(t *testing.T, n Node) {
				want := DateRange{From: "2018-01-01", To: "2018-12-31"}
				if got := n.(And).Children[1]; got != want {
					t.Errorf("got %#v, want %#v", got, want)
				}
			}},
		{name: "year in Arabic-Indic digits", in: "year:٢٠١٨", want: "date:2018-01-01..2018-12-31"},
		{name: "unknown field is a word", in: "http://x", want: "http://x"},
		{name: "blank query", in: " \t\n ", want: ""},
		{name: "invalid UTF-8 is replaced, inside the word", in: "a\xffb", want: "a\uFFFDb"},
		{name: "a query of invalid UTF-8 is a word, not the empty query", in: "\xff\xfe", want: "\uFFFD"},
		{name: "exclusion after a filter-only query is fine", in: "source:x -y", want: "source:x -y"},
		{name: "exclusion inside a group next to a word", in: "a (-b -c)", want: "a -b -c"},
		{name: "exact word", in: "=بتويتر", want: "=بتويتر",
			check: func(t *testing.T, n Node) {
				if x, ok := n.(Exact); !ok || x.Text != "بتويتر" || x.Phrase {
					t.Errorf("got %#v", n)
				}
			}},
		{name: "exact phrase", in: `="تنظيم   الدولة"`, want: `="تنظيم الدولة"`,
			check: func(t *testing.T, n Node) {
				if x, ok := n.(Exact); !ok || x.Text != "تنظيم الدولة" || !x.Phrase {
					t.Errorf("got %#v", n)
				}
			}},
		{name: "exact guillemet phrase", in: "=«فيس بوك»", want: `="فيس بوك"`},
		{name: "excluded exact form", in: "تويتر -=بتويتر", want: "تويتر -=بتويتر"},
		{name: "exact forms in OR", in: "=a OR =b", want: "=a OR =b"},
		{name: "equals inside a word stays", in: "a=b", want: "a=b"},
		{name: "double equals is an exact form of =x", in: "==x", want: "==x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			got := ""
			if n != nil {
				got = n.String()
			}
			if got != tt.want {
				t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
			}
			if tt.check != nil {
				tt.check(t, n)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		pos     int
		msgPart string
	}{
		{name: "unclosed quote", in: `a "تنظيم الدولة`, pos: 2, msgPart: "unclosed quote"},
		{name: "unclosed guillemet", in: "«a", pos: 0, msgPart: "closing »"},
		{name: "empty quotes", in: `a ""`, pos: 2, msgPart: "empty quotes"},
		{name: "unclosed parenthesis", in: "a (b c", pos: 2, msgPart: "unbalanced ("},
		{name: "stray closing parenthesis", in: "a b)", pos: 3, msgPart: "unbalanced )"},
		{name: "empty parentheses", in: "a ()", pos: 2, msgPart: "empty parentheses"},
		{name: "empty NOT", in: "a -", pos: 2, msgPart: "empty exclusion"},
		{name: "NOT followed by space", in: "a - b", pos: 2, msgPart: "empty exclusion"},
		{name: "double NOT", in: "a --b", pos: 3, msgPart: "double exclusion"},
		{name: "dangling OR at end", in: "a OR", pos: 2, msgPart: "dangling OR"},
		{name: "dangling OR at start", in: "OR a", pos: 0, msgPart: "dangling OR"},
		{name: "OR OR", in: "a OR OR b", pos: 2, msgPart: "dangling OR"},
		{name: "OR before closing parenthesis", in: "(a OR) b", pos: 3, msgPart: "dangling OR"},
		{name: "NOT as a side of OR", in: "a OR -b", pos: 5, msgPart: "each side of OR"},
		{name: "exclusion of an exclusion", in: "a -(-b)", pos: 2, msgPart: "cannot exclude an exclusion"},
		{name: "exact form with nothing after it", in: "تويتر =", pos: len("تويتر "), msgPart: "empty exact form"},
		{name: "exact form followed by space", in: "= a", pos: 0, msgPart: "empty exact form"},
		{name: "exact form before a parenthesis", in: "a =(b)", pos: 2, msgPart: "empty exact form"},
		{name: "exact form with unclosed quote", in: `="a`, pos: 1, msgPart: "unclosed quote"},
		{name: "exact form with empty quotes", in: `=""`, pos: 1, msgPart: "empty quotes"},
		{name: "empty field value", in: "source: a", pos: 0, msgPart: "expected a value after source:"},
		{name: "bad year", in: "year:18", pos: 5, msgPart: "4-digit year"},
		{name: "too long", in: strings.Repeat("a ", MaxQueryBytes), pos: MaxQueryBytes, msgPart: "query too long (max 4096 bytes)"},
		{name: "too many terms", in: strings.Repeat("a ", MaxTerms+1), pos: 2 * MaxTerms, msgPart: "too many terms"},
		{name: "too deep", in: strings.Repeat("(", MaxDepth+1) + "a" + strings.Repeat(")", MaxDepth+1), pos: MaxDepth, msgPart: "too deeply nested"},

		// Prefix search.
		{name: "bare star", in: "a *", pos: 2, msgPart: "prefix search needs at least 2 letters before *"},
		{name: "one-letter prefix", in: "تويتر ت*", pos: len("تويتر "), msgPart: "at least 2 letters"},
		{name: "harakat and tatweel are not letters", in: "تَـ*", pos: 0, msgPart: "at least 2 letters"},
		{name: "punctuation is not a letter", in: "a.*", pos: 0, msgPart: "at least 2 letters"},
		{name: "star inside a word", in: "تن*ظيم", pos: len("تن"), msgPart: "expected it only at the end of a word"},
		{name: "star at the start of a word", in: "x *ab", pos: 2, msgPart: "expected it only at the end of a word"},
		{name: "double star", in: "ab**", pos: 2, msgPart: "expected it only at the end"},
		{name: "star on a phrase", in: `"تنظيم الدولة"*`, pos: len(`"تنظيم الدولة"`), msgPart: "prefix search works on a single word, not a quoted phrase"},
		{name: "star on a group", in: "(ab cd)*", pos: 7, msgPart: "not a group"},
		{name: "star on an exact form", in: "=تنظ*", pos: len("=تنظ"), msgPart: "without * or ~"},
		{name: "excluded bare star", in: "a -*", pos: 3, msgPart: "at least 2 letters"},
		{name: "prefixes count as terms", in: strings.Repeat("ab* ", MaxTerms+1), pos: 4 * MaxTerms, msgPart: "too many terms"},

		// Fuzzy search.
		{name: "bare tilde", in: "a ~", pos: 2, msgPart: "fuzzy search needs a word right before ~"},
		{name: "tilde after punctuation only", in: "..~", pos: 0, msgPart: "needs a word"},
		{name: "tilde on a phrase", in: `a "تنظيم الدولة"~`, pos: len(`a "تنظيم الدولة"`), msgPart: "fuzzy search works on a single word, not a quoted phrase"},
		{name: "tilde on a guillemet phrase", in: "«ab»~", pos: len("«ab»"), msgPart: "not a quoted phrase"},
		{name: "tilde on an exact phrase", in: `="ab"~`, pos: 5, msgPart: "not an exact phrase"},
		{name: "tilde on a quoted filter value", in: `source:"ab"~`, pos: 11, msgPart: "not a quoted value"},
		{name: "tilde inside a word", in: "ab~c", pos: 2, msgPart: "~ marks a fuzzy search: expected it only at the end"},
		{name: "star and tilde together", in: "abc*~", pos: 3, msgPart: "cannot combine * and ~"},
		{name: "tilde and star together", in: "abc~*", pos: 3, msgPart: "cannot combine * and ~"},
		{name: "tilde on an exact word", in: "=abc~", pos: 4, msgPart: "without * or ~"},
		{name: "fuzzy words count as terms", in: strings.Repeat("ab~ ", MaxTerms+1), pos: 4 * MaxTerms, msgPart: "too many terms"},

		// Proximity: 1 to MaxWithin words; otherwise the phrase stays a phrase.
		{name: "proximity of none", in: `"ab cd"~0`, pos: len(`"ab cd"`), msgPart: "within 1 to 50 words"},
		{name: "proximity too wide", in: `"ab cd"~51`, pos: len(`"ab cd"`), msgPart: "within 1 to 50 words"},
		{name: "proximity overflowing", in: `"ab cd"~99999999999999999999999`, pos: len(`"ab cd"`), msgPart: "within 1 to 50 words"},

		// Dates: every error points at the value.
		{name: "date garbage", in: "date:soon", pos: 5, msgPart: "date: expects 2018, 2018-03, 2018-03-05 or a range 2015-01..2016-06"},
		{name: "date two-digit year", in: "date:18", pos: 5, msgPart: "date: expects"},
		{name: "date month 13", in: "a date:2018-13", pos: 7, msgPart: "no month 13: expected a month from 01 to 12"},
		{name: "date month 0", in: "date:2018-00", pos: 5, msgPart: "expected a month from 01 to 12"},
		{name: "date day 31 in April", in: "date:2018-04-31", pos: 5, msgPart: "2018-04 has 30 days: expected a day from 01 to 30"},
		{name: "date February 29 of a common year", in: "date:2019-02-29", pos: 5, msgPart: "2019-02 has 28 days"},
		{name: "date February 29 of 1900", in: "date:1900-02-29", pos: 5, msgPart: "1900-02 has 28 days"},
		{name: "date day 0", in: "date:2018-01-00", pos: 5, msgPart: "expected a day from 01 to 31"},
		{name: "date three-digit month", in: "date:2018-003", pos: 5, msgPart: "date: expects"},
		{name: "date too many parts", in: "date:2018-01-02-03", pos: 5, msgPart: "date: expects"},
		{name: "date range with no ends", in: "date:..", pos: 5, msgPart: "date: expects"},
		{name: "date range with two ranges", in: "date:2015..2016..2017", pos: 5, msgPart: "date: expects"},
		{name: "date range with a bad end", in: "date:2015..2016-13", pos: 5, msgPart: "no month 13"},
		{name: "quoted date value points at the quote", in: `date:"2018-13"`, pos: 5, msgPart: "no month 13"},
		{name: "date with nothing after it", in: "داعش date:", pos: len("داعش "), msgPart: "expected a value after date:, as in date:2018"},
		{name: "Arabic date alias error", in: "تاريخ:٢٠١٨-١٣", pos: len("تاريخ:"), msgPart: "no month 13"},
		{name: "year with a month", in: "year:2018-03", pos: 5, msgPart: "year: expects a 4-digit year such as 2018 or a range 2015..2016"},
		{name: "date with a star is not a prefix", in: "date:2018*", pos: 5, msgPart: "date: expects"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want error", tt.in, n)
			}
			qe, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T, want *Error", err)
			}
			if qe.Pos != tt.pos || !strings.Contains(qe.Msg, tt.msgPart) {
				t.Errorf("Parse(%q) error = {Pos %d, %q}, want Pos %d containing %q", tt.in, qe.Pos, qe.Msg, tt.pos, tt.msgPart)
			}
		})
	}
}

// TestParseNewSyntax specifies prefix, fuzzy and date queries: input, then
// the canonical form (String) of the tree, then the tree itself.
func TestParseNewSyntax(t *testing.T) {
	tests := []struct {
		in   string
		want string
		node Node
	}{
		// word* is a prefix search.
		{"تنظ*", "تنظ*", Prefix{Text: "تنظ"}},
		{"ab*", "ab*", Prefix{Text: "ab"}},
		{"تَنْـظ*", "تَنْـظ*", Prefix{Text: "تَنْـظ"}}, // harakat kept; 2 letters besides them
		{"19*", "19*", Prefix{Text: "19"}},
		{"-تنظ*", "-تنظ*", Not{Child: Prefix{Text: "تنظ"}}}, // only an exclusion: every article but those
		{"داعش -تنظ*", "داعش -تنظ*", And{Children: []Node{Word{Text: "داعش"}, Not{Child: Prefix{Text: "تنظ"}}}}},
		{"تنظ* OR دول*", "تنظ* OR دول*", Or{Children: []Node{Prefix{Text: "تنظ"}, Prefix{Text: "دول"}}}},
		{"(تنظ* الدولة)", "تنظ* الدولة", And{Children: []Node{Prefix{Text: "تنظ"}, Word{Text: "الدولة"}}}},
		{"OR*", "OR*", Prefix{Text: "OR"}},
		{"a*b", "", nil}, // star inside a word: error, tested in TestParseErrors
		{"http://x.co*", "http://x.co*", Prefix{Text: "http://x.co"}},
		{"source:ab*", "source:ab*", Field{Name: FieldSource, Value: "ab*"}}, // filter values are literal

		// word~ is a fuzzy search.
		{"التنضيم~", "التنضيم~", Fuzzy{Text: "التنضيم"}},
		{"a~", "a~", Fuzzy{Text: "a"}},
		{"داعش -داعس~", "داعش -داعس~", And{Children: []Node{Word{Text: "داعش"}, Not{Child: Fuzzy{Text: "داعس"}}}}},
		{"داعس~ OR تنظ*", "داعس~ OR تنظ*", Or{Children: []Node{Fuzzy{Text: "داعس"}, Prefix{Text: "تنظ"}}}},
		{"(داعس~)", "داعس~", Fuzzy{Text: "داعس"}},
		{"OR~", "OR~", Fuzzy{Text: "OR"}},

		// "phrase"~n: its words within n words of each other, any order.
		{`"داعش تويتر"~5`, `"داعش تويتر"~5`, Phrase{Text: "داعش تويتر", Within: 5}},
		{`«داعش تويتر»~1`, `"داعش تويتر"~1`, Phrase{Text: "داعش تويتر", Within: 1}},
		{`"a b"~50 c`, `"a b"~50 c`, And{Children: []Node{Phrase{Text: "a b", Within: 50}, Word{Text: "c"}}}},
		{`x -"a b"~3`, `x -"a b"~3`, And{Children: []Node{Word{Text: "x"}, Not{Child: Phrase{Text: "a b", Within: 3}}}}},
		{`"a b"~05`, `"a b"~5`, Phrase{Text: "a b", Within: 5}},

		// date: a year, month or day, or an inclusive range of them.
		{"date:2018", "date:2018-01-01..2018-12-31", DateRange{From: "2018-01-01", To: "2018-12-31"}},
		{"date:2018-03", "date:2018-03-01..2018-03-31", DateRange{From: "2018-03-01", To: "2018-03-31"}},
		{"date:2018-04", "date:2018-04-01..2018-04-30", DateRange{From: "2018-04-01", To: "2018-04-30"}},
		{"date:2018-02", "date:2018-02-01..2018-02-28", DateRange{From: "2018-02-01", To: "2018-02-28"}},
		{"date:2016-02", "date:2016-02-01..2016-02-29", DateRange{From: "2016-02-01", To: "2016-02-29"}},
		{"date:2000-02", "date:2000-02-01..2000-02-29", DateRange{From: "2000-02-01", To: "2000-02-29"}},
		{"date:1900-02", "date:1900-02-01..1900-02-28", DateRange{From: "1900-02-01", To: "1900-02-28"}},
		{"date:2018-03-05", "date:2018-03-05..2018-03-05", DateRange{From: "2018-03-05", To: "2018-03-05"}},
		// A range given backwards is the same stretch of time.
		{"date:2018..2015", "date:2015-01-01..2018-12-31", DateRange{From: "2015-01-01", To: "2018-12-31"}},
		{"date:2016-06-02..2016-06-01", "date:2016-06-01..2016-06-02", DateRange{From: "2016-06-01", To: "2016-06-02"}},
		{"date:2016-07..2016-03-15", "date:2016-03-15..2016-07-31", DateRange{From: "2016-03-15", To: "2016-07-31"}},
		{"date:2018-3-5", "date:2018-03-05..2018-03-05", DateRange{From: "2018-03-05", To: "2018-03-05"}},
		{"date:2016-02-29", "date:2016-02-29..2016-02-29", DateRange{From: "2016-02-29", To: "2016-02-29"}},
		{"date:2015-01..2016-06", "date:2015-01-01..2016-06-30", DateRange{From: "2015-01-01", To: "2016-06-30"}},
		{"date:2015..2016-06-15", "date:2015-01-01..2016-06-15", DateRange{From: "2015-01-01", To: "2016-06-15"}},
		{"date:2015-06..2015-06", "date:2015-06-01..2015-06-30", DateRange{From: "2015-06-01", To: "2015-06-30"}},
		{"date:..2016", "date:..2016-12-31", DateRange{To: "2016-12-31"}},
		{"date:2015..", "date:2015-01-01..", DateRange{From: "2015-01-01"}},
		{"date:2015-01-01..2016-06-30", "date:2015-01-01..2016-06-30", DateRange{From: "2015-01-01", To: "2016-06-30"}},
		{"Date:2018", "date:2018-01-01..2018-12-31", DateRange{From: "2018-01-01", To: "2018-12-31"}},
		{"تاريخ:٢٠١٥-٠١..٢٠١٦-٠٦", "date:2015-01-01..2016-06-30", DateRange{From: "2015-01-01", To: "2016-06-30"}},
		{"date:۲۰۱۸", "date:2018-01-01..2018-12-31", DateRange{From: "2018-01-01", To: "2018-12-31"}},
		{`date:"2018-03"`, "date:2018-03-01..2018-03-31", DateRange{From: "2018-03-01", To: "2018-03-31"}},
		// year: (سنة: عام:) is date: restricted to whole years.
		{"year:2018", "date:2018-01-01..2018-12-31", DateRange{From: "2018-01-01", To: "2018-12-31"}},
		{"عام:2015..2016", "date:2015-01-01..2016-12-31", DateRange{From: "2015-01-01", To: "2016-12-31"}},
		{"سنة:..2016", "date:..2016-12-31", DateRange{To: "2016-12-31"}},
		{"داعش -date:2018", "داعش -date:2018-01-01..2018-12-31", And{Children: []Node{Word{Text: "داعش"}, Not{Child: DateRange{From: "2018-01-01", To: "2018-12-31"}}}}},
		{"date:2015 OR date:2017", "date:2015-01-01..2015-12-31 OR date:2017-01-01..2017-12-31",
			Or{Children: []Node{DateRange{From: "2015-01-01", To: "2015-12-31"}, DateRange{From: "2017-01-01", To: "2017-12-31"}}}},
	}
	for _, tt := range tests {
		n, err := Parse(tt.in)
		if tt.node == nil {
			if err == nil {
				t.Errorf("Parse(%q) = %v, want an error", tt.in, n)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(n, tt.node) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.in, n, tt.node)
		}
		if got := n.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		if n2, err := Parse(n.String()); err != nil || !reflect.DeepEqual(n2, n) {
			t.Errorf("Parse(%q) = %#v, %v; want %#v", n.String(), n2, err, n)
		}
	}
}

// TestErrorsSayWhatWasExpected checks that every error message of the table
// above names what the parser expected (or how to fix it).
func TestErrorsSayWhatWasExpected(t *testing.T) {
	for _, in := range []string{
		`a "b`, `a ""`, "a (b", "a b)", "a ()", "a -", "a --b", "a OR", "OR a", "a OR -b",
		"a -(-b)", "=", "source: a", "year:18", strings.Repeat("a ", MaxQueryBytes),
		strings.Repeat("a ", MaxTerms+1), strings.Repeat("(", MaxDepth+1) + "a", "*", "a*", "~", `"a"~`, `"a"*`,
		"a*b", "a~b", "a*~", "=a*", "date:x", "date:2018-13", "date:2018-04-31",
	} {
		_, err := Parse(in)
		qe, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q) error = %v, want a *Error", in, err)
			continue
		}
		msg := qe.Msg
		if !strings.Contains(msg, "expect") && !strings.Contains(msg, "remove") && !strings.Contains(msg, "add ") &&
			!strings.Contains(msg, "needs") && !strings.Contains(msg, "as in") {
			t.Errorf("Parse(%q) error %q does not say what was expected", in, msg)
		}
		if qe.Pos < 0 || qe.Pos > len(in) {
			t.Errorf("Parse(%q) error position %d out of the query", in, qe.Pos)
		}
	}
}

func TestParseHugeRandomInput(t *testing.T) {
	b := make([]byte, 100<<10)
	x := uint32(1)
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = byte(x >> 24)
	}
	if _, err := Parse(string(b)); err == nil {
		t.Fatal("100 KB query parsed without error")
	}
	// The same bytes under the size limit: any outcome but a panic.
	_, _ = Parse(string(b[:MaxQueryBytes]))
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"تويتر", "تويتر OR تليجرام", `"تنظيم الدولة"`, "تويتر -فيسبوك", "(a OR b) c",
		`source:"بوابة الوفد" year:2018`, "«a»", "a -(b OR c)", "a\xffb", "OR", "-", "((",
		"=بتويتر", `="فيس بوك"`, "=", "-=a",
		"تنظ*", "-تنظ* a", "ت*", "*", "a**", "التنضيم~", "~", `"a b"~`, "a*~",
		"date:2018", "date:2015-01..2016-06", "date:..2016", "date:2015..", "تاريخ:٢٠١٨-٠٢-٢٩",
		"date:2018-13", "date:2018-04-31", "date:2016..2015", "year:2015..2016", "date:..",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, steps, _ := parse(s)
		// Work is linear in the input: each step consumes input or is
		// bounded by the steps that did.
		if limit := 8 * (len(s) + 1); steps > limit {
			t.Fatalf("parse(%q) took %d steps, want at most %d", s, steps, limit)
		}
		if len(s) > MaxQueryBytes {
			return
		}
		n, err := Parse(s)
		if err != nil {
			qe, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T, want *Error", err)
			}
			if qe.Pos < 0 || qe.Pos > len(s) || qe.Msg == "" {
				t.Fatalf("Parse(%q) error %+v: position outside the query or no message", s, qe)
			}
			return
		}
		if n == nil {
			return
		}
		if terms := countLeaves(n); terms > MaxTerms {
			t.Fatalf("Parse(%q) has %d terms, more than MaxTerms", s, terms)
		}
		text := n.String()
		if !utf8.ValidString(text) {
			t.Fatalf("String() = %q is not valid UTF-8", text)
		}
		if len(text) > MaxQueryBytes {
			return // canonical form may add bytes (dates in full, spaces around OR)
		}
		n2, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not re-parse: %v", s, text, err)
		}
		if !reflect.DeepEqual(n, n2) {
			t.Fatalf("Parse(%q) = %#v; its String() %q re-parses to %#v", s, n, text, n2)
		}
	})
}

// TestReadNeverFails specifies how pasted text that is not well-formed
// syntax is read: as words, with a hint saying what was read as text.
func TestReadNeverFails(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string // String() of the tree read
		hints int
	}{
		{name: "bullet dash before a question", in: "- أين تقع مصر؟", want: "أين تقع مصر؟"},
		{name: "spaced dash in a headline", in: "ترامب - كيم", want: "ترامب كيم"},
		{name: "dash at the end", in: "قمة ترامب -", want: "قمة ترامب"},
		{name: "unclosed quote", in: `ما اسم "ذا العشيرة؟`, want: "ما اسم ذا العشيرة؟", hints: 1},
		{name: "unclosed guillemet", in: "«a b", want: "a b", hints: 1},
		{name: "stray closing bracket", in: "a b) c", want: "a b c", hints: 1},
		{name: "unclosed bracket", in: "a (b c", want: "a b c", hints: 1},
		{name: "empty parentheses", in: "a () b", want: "a b", hints: 1},
		{name: "empty quotes", in: `a "" b`, want: "a b", hints: 1},
		{name: "dangling OR at the end", in: "a OR", want: "a", hints: 1},
		{name: "dangling OR at the start", in: "OR a b", want: "a b", hints: 1},
		{name: "OR OR", in: "a OR OR b", want: "a OR b", hints: 1},
		// A query that only excludes lists every article but those.
		{name: "only exclusions", in: "-a -b", want: "-a -b"},
		{name: "one exclusion in a group", in: "(-a)", want: "-a"},
		{name: "NOT alone", in: "NOT a", want: "-a"},
		{name: "double dash is a bullet", in: "--a b", want: "a b", hints: 1},
		{name: "an excluded side of OR", in: "a OR -b", want: "a OR b", hints: 1},
		{name: "star inside a word", in: "تن*ظيم", want: `"تن ظيم"`, hints: 1},
		{name: "one-letter prefix", in: "ت* a", want: "ت a", hints: 1},
		{name: "bare star", in: "a *", want: "a", hints: 1},
		{name: "star after a phrase", in: `"a b"* c`, want: `"a b" c`, hints: 1},
		{name: "a phrase near nothing", in: `"a b"~0 c`, want: `"a b" c`, hints: 1},
		{name: "a phrase too far apart", in: `"a b"~500`, want: `"a b"`, hints: 1},
		{name: "a phrase and a tilde", in: `"a b"~ c`, want: `"a b" c`, hints: 1},
		{name: "field without a value", in: "مصدر: وكالة الأنباء", want: "مصدر وكالة الأنباء", hints: 1},
		// A date that is no date is left out, with its hint: read as the
		// words "date 2018-13" it found nothing whole, and the partial
		// matches that followed spanned every year.
		{name: "malformed date", in: "date:2018-13 a", want: "a", hints: 1},
		{name: "malformed date alone", in: "date:abc", want: "", hints: 1},
		{name: "lone equals", in: "a = b", want: "a b", hints: 1},
		{name: "exact form with a star", in: "=ab*", want: "=ab", hints: 1},
		{name: "too deep", in: strings.Repeat("(", MaxDepth+1) + "a" + strings.Repeat(")", MaxDepth+1), want: "a", hints: 2},
		// NOT and AND as boolean search writes them: NOT excludes, AND is
		// what every query does already. Read as words, NOT searched for
		// what was to be left out.
		{name: "NOT excludes", in: "داعش NOT تويتر", want: "داعش -تويتر"},
		{name: "NOT a phrase or a group", in: `داعش NOT "تنظيم الدولة" NOT (a OR b)`, want: `داعش -"تنظيم الدولة" -(a OR b)`},
		{name: "AND is every query's", in: "داعش AND تويتر AND فيسبوك", want: "داعش تويتر فيسبوك"},
		{name: "NOT with nothing after it", in: "a NOT", want: "a", hints: 1},
		{name: "NOT alone", in: "NOT", want: "", hints: 1},
		{name: "lowercase not and and are words", in: "not and", want: "not and"},
		{name: "invisible marks alone are no word", in: "a \u200f b \u200e\u200c", want: "a b"},
		{name: "a query of invisible marks is blank", in: "\u200f\u200e", want: ""},
		{name: "a mark inside a word stays", in: "ميخائيل\u200cوف", want: "ميخائيل\u200cوف"},
		{name: "well-formed syntax is unchanged", in: `داعش -تويتر "تنظيم الدولة" date:2018`, want: `داعش -تويتر "تنظيم الدولة" date:2018-01-01..2018-12-31`},
		{name: "blank", in: " ", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, hints := Read(tt.in)
			got := ""
			if n != nil {
				got = n.String()
			}
			if got != tt.want || len(hints) != tt.hints {
				t.Errorf("Read(%q) = %q with %d hints %v, want %q with %d", tt.in, got, len(hints), hints, tt.want, tt.hints)
			}
			for _, h := range hints {
				if h.Pos < 0 || h.Pos > len(tt.in) || h.Msg == "" {
					t.Errorf("hint %+v: position outside the query or no message", h)
				}
			}
		})
	}
}

// TestReadKeepsEveryTermOfALongQuery: a 70-word lede is read whole (the
// engine picks the most informative terms), not refused.
func TestReadKeepsEveryTermOfALongQuery(t *testing.T) {
	words := make([]string, 70)
	for i := range words {
		words[i] = "كلمة" + itoa(i)
	}
	n, hints := Read(strings.Join(words, " "))
	if got := countLeaves(n); got != 70 || len(hints) != 0 {
		t.Errorf("Read of 70 words: %d terms, hints %v; want 70 terms, no hint", got, hints)
	}
}

// TestReadCutsAnOverlongQueryAtAWord: beyond MaxQueryBytes the query is
// cut before the word the limit falls in, and says so.
func TestReadCutsAnOverlongQueryAtAWord(t *testing.T) {
	in := strings.Repeat("مصر ", MaxQueryBytes) // 7 bytes a word
	n, hints := Read(in)
	a, ok := n.(And)
	if !ok || len(hints) != 1 || !strings.Contains(hints[0].Msg, "too long") {
		t.Fatalf("Read of %d bytes = %T, hints %v; want an And and one hint", len(in), n, hints)
	}
	for _, c := range a.Children {
		if c != (Word{Text: "مصر"}) {
			t.Fatalf("a word was cut: %#v", c)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"- أين تقع مصر؟", "ترامب - كيم", `… "ذا العشيرة؟`, "a b)", "(a", "a OR", "OR", "-a", "--a",
		"a*b", "=a*b", "date:2018-13", "source:", `source:"a`, "(((a OR b*c)))", "-(-a)", "«", "a\xffb",
		"تنظ*", "التنضيم~", `"a b"~`, "=", "-=a", "x OR -(y OR -z)", "a -(b c*d)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, hints := Read(s)
		for _, h := range hints {
			if h.Pos < 0 || h.Pos > len(s) || h.Msg == "" {
				t.Fatalf("Read(%q) hint %+v: position outside the query or no message", s, h)
			}
		}
		if n == nil {
			return
		}
		text := n.String()
		if !utf8.ValidString(text) {
			t.Fatalf("String() = %q is not valid UTF-8", text)
		}
		if len(text) > MaxQueryBytes {
			return
		}
		// What Read makes of any text is well-formed syntax.
		n2, hints2 := Read(text)
		if len(hints2) > 0 || !reflect.DeepEqual(n, n2) {
			t.Fatalf("Read(%q) = %#v; its String() %q reads as %#v with hints %v", s, n, text, n2, hints2)
		}
	})
}

func countLeaves(n Node) int {
	switch n := n.(type) {
	case Not:
		return countLeaves(n.Child)
	case And:
		c := 0
		for _, x := range n.Children {
			c += countLeaves(x)
		}
		return c
	case Or:
		c := 0
		for _, x := range n.Children {
			c += countLeaves(x)
		}
		return c
	}
	return 1
}

// TestWalkVisitsInOrderAndPrunes: Walk goes depth first in query order, and
// a visit that returns false keeps Walk out of that node's children.
func TestWalkVisitsInOrderAndPrunes(t *testing.T) {
	n, err := Parse(`داعش (تويتر OR تلغرام) -"حسابات مغلقة"`)
	if err != nil {
		t.Fatal(err)
	}
	var all, pruned []string
	Walk(n, func(n Node) bool {
		all = append(all, n.String())
		return true
	})
	Walk(n, func(n Node) bool {
		if _, ok := n.(Not); ok {
			return false
		}
		if _, ok := n.(Phrase); ok {
			pruned = append(pruned, n.String())
		}
		if w, ok := n.(Word); ok {
			pruned = append(pruned, w.Text)
		}
		return true
	})
	want := []string{n.String(), "داعش", "تويتر OR تلغرام", "تويتر", "تلغرام", `-"حسابات مغلقة"`, `"حسابات مغلقة"`}
	if strings.Join(all, "|") != strings.Join(want, "|") {
		t.Errorf("Walk visited %q, want %q", all, want)
	}
	if strings.Join(pruned, "|") != "داعش|تويتر|تلغرام" {
		t.Errorf("Walk without Not's children visited %q", pruned)
	}
}
