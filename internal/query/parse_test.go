package query

import (
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
		{name: "Arabic field alias", in: "مصدر:الجزيرة سنة:2015", want: "source:الجزيرة year:2015"},
		{name: "entity filter", in: `entity:تويتر كيان:"تنظيم الدولة"`, want: `entity:تويتر entity:"تنظيم الدولة"`},
		{name: "year filter", in: "داعش year:2018", want: "داعش year:2018"},
		{name: "year in Arabic-Indic digits", in: "year:٢٠١٨", want: "year:2018"},
		{name: "unknown field is a word", in: "http://x", want: "http://x"},
		{name: "blank query", in: " \t\n ", want: ""},
		{name: "invalid UTF-8 separates words", in: "a\xffb", want: "a b"},
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
		{name: "only NOT", in: "-a -b", pos: 0, msgPart: "add a word"},
		{name: "only NOT in a group", in: "(-a)", pos: 0, msgPart: "add a word"},
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
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T, want *Error", err)
			}
			return
		}
		if n == nil {
			return
		}
		text := n.String()
		if !utf8.ValidString(text) {
			t.Fatalf("String() = %q is not valid UTF-8", text)
		}
		if len(text) > MaxQueryBytes {
			return // canonical form may add a few bytes (spaces around OR)
		}
		n2, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not re-parse: %v", s, text, err)
		}
		if n2 == nil || n2.String() != text {
			t.Fatalf("Parse(%q).String() = %q re-parses to %v", s, text, n2)
		}
	})
}
