// Package query parses the search box language into a small syntax tree.
//
// The language, in the order a visitor discovers it:
//
//	تويتر داعش            every word must match (AND)
//	تويتر OR تليجرام      either word (OR binds tighter than AND, like web search:
//	                      "تويتر OR تليجرام داعش" means (تويتر OR تليجرام) AND داعش)
//	"تنظيم الدولة"        a phrase; «…» and “…” work too
//	=بتويتر  ="فيس بوك"     exact form: that very spelling (clitics included,
//	                      no stemming), whatever its harakat, hamza or tatweel
//	-فيسبوك  -"فيس بوك"   exclude a word, phrase, filter or group
//	(تويتر OR فيسبوك) داعش  parentheses group
//	تنظ*                  prefix: any word starting with تنظ (at least 2
//	                      letters before the *, which only ends a word)
//	التنضيم~              fuzzy: words spelled nearly so (التنظيم), for typos
//	                      and confusable letters; a single word only
//	source:الجزيرة  source:"بوابة الوفد"            filters
//	entity:تويتر  entity:"تنظيم الدولة"            articles that mention it
//	date:2018  date:2018-03  date:2018-03-05      a year, month or day
//	date:2015-01..2016-06  date:..2016  date:2015..  inclusive ranges, open
//	                      ends allowed; year:2018 is date:2018
//
// Prefix, fuzzy, filters and dates go wherever a word goes: excluded
// (-تنظ*), in OR, in groups. Dates take ASCII, Arabic-Indic (٢٠١٨) or Persian
// digits. In source: and entity: values, * and ~ are plain characters.
//
// OR is recognized only in upper case Latin letters. The Arabic "أو" is a
// common word of running text ("دولة أو منطقة"), so it stays a word: a visitor
// pasting a sentence must not trigger an operator. Field names also have Arabic
// aliases (مصدر: for source:, سنة: and عام: for year:, تاريخ: for date:,
// كيان: for entity:) because a colon right after those words is unlikely in a
// pasted sentence.
//
// Any text is a query: Read reads what is not well-formed syntax as words
// (a lone dash, a quote or bracket that does not pair, an OR with nothing on
// one side, a malformed filter) and returns hints, each an *Error saying
// where (a byte offset) and what was expected there. Parse is the strict
// reading: the first such hint is its error, and it also refuses more than
// MaxTerms terms. Neither panics; their work is bounded by MaxQueryBytes
// and MaxDepth.
//
// The parser knows syntax only; turning words into index terms is the search
// package's job, with the same analyzer the index was built with.
package query

import "strings"

// Node is a node of the query syntax tree. String renders it back as query
// text that parses to the same tree (a canonical form, useful to show the
// visitor how a query was understood and as a cache key).
type Node interface {
	String() string
	node()
}

// Word is a bare word as typed. It may still analyze to several tokens
// ("covid-19"); the search package then treats it as a phrase.
type Word struct {
	Text string
}

// Phrase is quoted text whose tokens must appear consecutively, or, when
// Within is set ("…"~5), near each other: every other word within Within
// words (before or after) of the first, in any order. Text has its inner
// whitespace collapsed to single spaces.
type Phrase struct {
	Text   string
	Within int
}

// MaxWithin is the widest proximity a phrase takes ("…"~50): wider, two
// words are merely in the same stretch of an article, which searching
// for both words already finds.
const MaxWithin = 50

// Exact matches a literal form: the words as written, without stemming, but
// still folded for orthography (harakat, hamza seats, tatweel...). Phrase
// tells =word from ="quoted text"; a Word-like Exact that analyzes to several
// tokens is still matched as consecutive tokens. Text is never empty; for a
// phrase it has its inner whitespace collapsed to single spaces.
type Exact struct {
	Text   string
	Phrase bool
}

// Prefix matches the words that start with Text, as typed before the '*'.
// Text has at least two letters (harakat and tatweel not counted) and
// contains neither '*' nor '~'.
type Prefix struct {
	Text string
}

// Fuzzy matches words spelled nearly like Text, as typed before the '~'
// (see package fuzzy for the distance). Text has at least one letter and
// contains neither '*' nor '~'.
type Fuzzy struct {
	Text string
}

// DateRange filters on the document date: From and To are inclusive days in
// "YYYY-MM-DD" form, From <= To; an empty bound is open. The parser never
// produces both bounds empty. date:2018 is From "2018-01-01", To
// "2018-12-31"; date:..2016-06 is From "", To "2016-06-30".
type DateRange struct {
	From string
	To   string
}

// Field filters on document metadata. Name is one of the Field* constants.
// The parser produces it for source: and entity:; year: and date: give a
// DateRange.
type Field struct {
	Name  string
	Value string
}

// Field names recognized by the parser.
const (
	FieldSource = "source"
	// FieldYear is kept for compatibility: the parser now turns year:2018
	// into a DateRange, never a Field with this name.
	FieldYear = "year"
	// FieldDate is the name DateRange prints with.
	FieldDate = "date"
	// FieldEntity matches articles that mention a named entity (an
	// organisation, platform, place or person) by any of its names.
	FieldEntity = "entity"
)

// Not excludes the documents its child matches. The parser only produces a Not
// as a child of an And that also has a positive child, so evaluation never
// needs the complement of a set.
type Not struct {
	Child Node
}

// And matches documents every child matches. Never nested directly in another
// And (the parser flattens), always at least two children.
type And struct {
	Children []Node
}

// Or matches documents any child matches. Never nested directly in another Or,
// always at least two children, and no child is a Not.
type Or struct {
	Children []Node
}

func (Word) node()      {}
func (Phrase) node()    {}
func (Exact) node()     {}
func (Field) node()     {}
func (Prefix) node()    {}
func (Fuzzy) node()     {}
func (DateRange) node() {}
func (Not) node()       {}
func (And) node()       {}
func (Or) node()        {}

func (w Word) String() string { return w.Text }
func (p Phrase) String() string {
	if p.Within > 0 {
		return quote(p.Text) + "~" + itoa(p.Within)
	}
	return quote(p.Text)
}

func (x Exact) String() string {
	if x.Phrase {
		return "=" + quote(x.Text)
	}
	return "=" + x.Text
}

func (x Prefix) String() string { return x.Text + "*" }
func (x Fuzzy) String() string  { return x.Text + "~" }

func (d DateRange) String() string { return FieldDate + ":" + d.From + ".." + d.To }

func (f Field) String() string {
	if isBareValue(f.Value) {
		return f.Name + ":" + f.Value
	}
	return f.Name + ":" + quote(f.Value)
}

func (n Not) String() string {
	return "-" + groupIfComposite(n.Child)
}

func (a And) String() string {
	parts := make([]string, len(a.Children))
	for i, c := range a.Children {
		// OR binds tighter than AND, so an Or child needs no parentheses.
		// Adding them would read better but could push a query at the
		// nesting limit over it, and String must always re-parse.
		parts[i] = c.String()
	}
	return strings.Join(parts, " ")
}

func (o Or) String() string {
	parts := make([]string, len(o.Children))
	for i, c := range o.Children {
		parts[i] = groupIfComposite(c)
	}
	return strings.Join(parts, " OR ")
}

func groupIfComposite(n Node) string {
	switch n.(type) {
	case And, Or:
		return "(" + n.String() + ")"
	}
	return n.String()
}

// quotePairs are the phrase delimiters, opener then closer. The closer of a
// pair never appears inside text quoted with that pair.
var quotePairs = [...][2]rune{{'"', '"'}, {'«', '»'}, {'“', '”'}}

// quote wraps text in the first pair of quotes whose closer it does not
// contain. Text parsed from a phrase always lacks the closer it was read with,
// so one of the pairs fits.
func quote(text string) string {
	for _, p := range quotePairs {
		if !strings.ContainsRune(text, p[1]) {
			return string(p[0]) + text + string(p[1])
		}
	}
	// Unreachable for parsed text; keep the output parseable-ish anyway.
	return `"` + strings.ReplaceAll(text, `"`, " ") + `"`
}

// isBareValue reports whether a field value can be printed without quotes and
// read back as the same value.
func isBareValue(v string) bool {
	if v == "" {
		return false
	}
	for _, r := range v {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

// Error is a parse error. Pos is the byte offset in the query where the
// problem was found, so the UI can point at it.
type Error struct {
	Pos int
	// Kind says what the trouble is, for a page that explains it in its
	// own language; Msg says it in English, for the command line.
	Kind ErrorKind
	Msg  string
}

// ErrorKind is the kind of trouble a query Error reports.
type ErrorKind string

// The kinds of Error.
const (
	ErrUnpairedQuote   ErrorKind = "unpaired-quote"   // a quote with no closing one, or empty quotes
	ErrUnpairedBracket ErrorKind = "unpaired-bracket" // a ( or ) with no partner, empty or too deeply nested ones
	ErrDanglingOr      ErrorKind = "dangling-or"      // OR with nothing on one side
	ErrOnlyExclusions  ErrorKind = "only-exclusions"  // a query, or a side of OR, that only excludes
	ErrExclusion       ErrorKind = "exclusion"        // a - that excludes nothing or an exclusion
	ErrPrefix          ErrorKind = "prefix"           // a * that does not end a word of two letters or more
	ErrFuzzy           ErrorKind = "fuzzy"            // a ~ that does not end a single word
	ErrWithin          ErrorKind = "within"           // a phrase's ~ followed by a number that is not 1 to MaxWithin
	ErrExact           ErrorKind = "exact"            // an = with nothing, or a * or ~, after it
	ErrFilterValue     ErrorKind = "filter-value"     // a filter without a value, or with one it cannot read
	ErrDateValue       ErrorKind = "date-value"       // a date: or year: value that is no date: the filter is left out
	ErrTooManyTerms    ErrorKind = "too-many-terms"   // more than MaxTerms terms
	ErrTooLong         ErrorKind = "too-long"         // more than MaxQueryBytes bytes
	ErrUnexpected      ErrorKind = "unexpected"       // a character that has no place there
)

func (e *Error) Error() string {
	return "query: " + e.Msg + " (at byte " + itoa(e.Pos) + ")"
}

// itoa avoids importing strconv/fmt for one number.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// Walk calls visit on n and then, while visit returns true for a node, on the
// children of that And, Or or Not, depth first and in order.
func Walk(n Node, visit func(Node) bool) {
	if n == nil || !visit(n) {
		return
	}
	switch n := n.(type) {
	case And:
		for _, c := range n.Children {
			Walk(c, visit)
		}
	case Or:
		for _, c := range n.Children {
			Walk(c, visit)
		}
	case Not:
		Walk(n.Child, visit)
	}
}

// SplitFilters separates a query into what it searches for (content, nil
// when the query only filters) and the filters at its top level: those that
// narrow every result, as a facet does. A filter inside an OR or excluded
// is part of what is searched for. An And left with exclusions only keeps
// them: its evaluation starts from every document.
func SplitFilters(n Node) (content Node, filters []Node) {
	switch n := n.(type) {
	case Field, DateRange:
		return nil, []Node{n}
	case Not:
		// An exclusion alone is kept inside an And, as it is beside
		// filters: what it leaves is every document but the excluded.
		return And{Children: []Node{n}}, nil
	case And:
		var rest []Node
		for _, c := range n.Children {
			switch c.(type) {
			case Field, DateRange:
				filters = append(filters, c)
			default:
				rest = append(rest, c)
			}
		}
		switch len(rest) {
		case 0:
			return nil, filters
		case 1:
			if _, excluded := rest[0].(Not); !excluded {
				return rest[0], filters
			}
		}
		return And{Children: rest}, filters
	}
	return n, nil
}
