package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that bound the work one keystroke can cause. The search box runs a
// query per keystroke in the browser; a pasted article must be read quickly
// (cut at MaxQueryBytes), not cause a long freeze.
const (
	// MaxQueryBytes is the longest query accepted.
	MaxQueryBytes = 4096
	// MaxTerms is the most words, phrases, prefixes, fuzzy words and
	// filters Parse accepts in one query; the search engine keeps the
	// MaxTerms most informative of a longer one that Read gives.
	MaxTerms = 64
	// MaxDepth is the deepest nesting of parentheses.
	MaxDepth = 32
)

// fieldAliases maps the accepted spellings of a field name to its canonical
// name. Latin names are matched case-insensitively.
var fieldAliases = map[string]string{
	"source": FieldSource,
	"مصدر":   FieldSource,
	"year":   FieldYear,
	"سنة":    FieldYear,
	"عام":    FieldYear,
	"entity": FieldEntity,
	"كيان":   FieldEntity,
	"date":   FieldDate,
	"تاريخ":  FieldDate,
}

// Read parses a query and never fails: whatever is not well-formed syntax
// is read as text. A pasted question, headline or lede is a query like any
// other, so a dash not glued to a word, a quote or bracket that does not
// pair, an operator with nothing on one side or a malformed filter become
// words (or are dropped, when they are punctuation only), and a query longer
// than MaxQueryBytes is cut at the last word boundary before it. The hints
// say, in query order, what was read as text and why, for the page to show;
// a lone dash between words is punctuation and gives no hint. Read puts no
// bound on the number of terms: the search engine keeps the MaxTerms most
// informative ones.
//
// A blank query reads as a nil Node. The tree's String() always parses
// (with Parse too) back to the same tree.
func Read(s string) (Node, []*Error) {
	var cut *Error
	if len(s) > MaxQueryBytes {
		end := MaxQueryBytes
		for end > 0 && !utf8.RuneStart(s[end]) {
			end--
		}
		if i := strings.LastIndexFunc(s[:end], unicode.IsSpace); i > 0 {
			end = i
		}
		cut = &Error{Pos: end, Kind: ErrTooLong, Msg: "query too long (max " + itoa(MaxQueryBytes) + " bytes): read up to here"}
		s = s[:end]
	}
	// Invalid UTF-8 becomes U+FFFD, as in Parse; hints point into s.
	valid, original := replaceInvalidUTF8(s)
	p := &parser{s: valid}
	n := p.parseQuery()
	var hints []*Error
	if cut != nil {
		hints = append(hints, cut)
	}
	for _, h := range p.problems {
		if !h.quiet {
			h.err.Pos = original(h.err.Pos)
			hints = append(hints, h.err)
		}
	}
	return n, hints
}

// Parse parses a query strictly: the first thing Read would have read as
// text is an error, as is a query of more than MaxTerms terms or
// MaxQueryBytes bytes. A blank query (nothing but spaces) parses to a nil
// Node and a nil error: the caller decides what an empty search shows.
// Every error is a *Error.
func Parse(s string) (Node, error) {
	if len(s) > MaxQueryBytes {
		return nil, &Error{Pos: MaxQueryBytes, Kind: ErrTooLong, Msg: "query too long (max " + itoa(MaxQueryBytes) + " bytes): expected a shorter query"}
	}
	// Invalid UTF-8 becomes U+FFFD, a character like any other: a query of
	// bytes that are not text finds nothing, rather than, read as spaces,
	// being the empty query that lists the whole corpus.
	valid, original := replaceInvalidUTF8(s)
	n, _, err := parse(valid)
	if qe, ok := err.(*Error); ok {
		qe.Pos = original(qe.Pos)
	}
	return n, err
}

// replaceInvalidUTF8 replaces each run of invalid bytes in s by U+FFFD, as
// strings.ToValidUTF8 does, and returns a function from a byte offset in
// the result to the offset in s, so that errors point into the query typed.
func replaceInvalidUTF8(s string) (string, func(int) int) {
	if utf8.ValidString(s) {
		return s, func(i int) int { return i }
	}
	var b strings.Builder
	type shift struct{ at, delta int } // from offset at on, add delta
	var shifts []shift
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || n > 1 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j := i + 1
		for j < len(s) {
			if r2, n2 := utf8.DecodeRuneInString(s[j:]); r2 != utf8.RuneError || n2 > 1 {
				break
			}
			j++
		}
		b.WriteRune(utf8.RuneError)
		shifts = append(shifts, shift{b.Len(), j - b.Len()})
		i = j
	}
	return b.String(), func(at int) int {
		delta := 0
		for _, sh := range shifts {
			if at >= sh.at {
				delta = sh.delta
			}
		}
		return min(max(at+delta, 0), len(s))
	}
}

// parse is Parse without the length check, also returning the parser's step
// count so tests can check that work stays linear in the input.
func parse(s string) (Node, int, error) {
	p := &parser{s: s, strict: true}
	n := p.parseQuery()
	if len(p.problems) > 0 {
		return nil, p.steps, p.problems[0].err
	}
	return n, p.steps, nil
}

func (p *parser) parseQuery() Node {
	p.skipSpace()
	n := p.parseAnd()
	for p.pos < len(p.s) {
		// parseAnd stops only at the end or at a ')': one with no ( to
		// close is read as punctuation.
		p.problem(p.pos, ErrUnpairedBracket, "unbalanced ): no ( to close; expected a ( before it, or remove it")
		p.pos++
		n = and(n, p.parseAnd())
	}
	// A query that only excludes (-داعش, NOT تويتر) lists every article
	// but those: a researcher's "the articles that do not mention it". A
	// pasted bullet is a dash followed by a space ("- أين تقع مصر؟"), which
	// is punctuation, not an exclusion.
	return n
}

type parser struct {
	s string
	// strict counts terms against MaxTerms (Parse); Read does not.
	strict   bool
	pos      int
	terms    int
	depth    int
	problems []problem
	// steps counts loop iterations and nodes, for the bounded-work test.
	steps int
}

// problem is something that is not well-formed syntax: Parse's error, a
// hint of Read. A quiet one (a lone dash) is ordinary punctuation in pasted
// text, not worth a hint.
type problem struct {
	err   *Error
	quiet bool
}

func (p *parser) problem(pos int, kind ErrorKind, msg string) {
	p.problems = append(p.problems, problem{err: &Error{Pos: pos, Kind: kind, Msg: msg}})
}

func (p *parser) quietProblem(pos int, msg string) {
	p.problems = append(p.problems, problem{err: &Error{Pos: pos, Kind: ErrExclusion, Msg: msg}, quiet: true})
}

// positive reports whether a node selects documents by itself, as opposed to
// only removing documents from a selection.
func positive(n Node) bool {
	switch n := n.(type) {
	case Not:
		return false
	case And:
		for _, c := range n.Children {
			if positive(c) {
				return true
			}
		}
		return false
	case Or:
		for _, c := range n.Children {
			if !positive(c) {
				return false
			}
		}
		return true
	}
	return true
}

// affirm turns every exclusion of n into what it excluded: the reading of
// a query that only excludes as the words it names.
func affirm(n Node) Node {
	switch n := n.(type) {
	case Not:
		return affirm(n.Child)
	case And:
		var out Node
		for _, c := range n.Children {
			out = and(out, affirm(c))
		}
		return out
	case Or:
		out := Or{Children: make([]Node, 0, len(n.Children))}
		for _, c := range n.Children {
			if o, ok := affirm(c).(Or); ok {
				out.Children = append(out.Children, o.Children...)
			} else {
				out.Children = append(out.Children, affirm(c))
			}
		}
		return out
	}
	return n
}

// and joins two sequences (either may be nil) into one flat And.
func and(a, b Node) Node {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	var children []Node
	for _, n := range []Node{a, b} {
		if x, ok := n.(And); ok {
			children = append(children, x.Children...)
		} else {
			children = append(children, n)
		}
	}
	return And{Children: children}
}

// parseAnd parses a sequence of OR-expressions up to the end of input or a
// ')', which it leaves for the caller. It returns nil for an empty sequence.
func (p *parser) parseAnd() Node {
	var n Node
	for {
		p.steps++
		p.skipSpace()
		if p.pos >= len(p.s) || p.s[p.pos] == ')' {
			return n
		}
		n = and(n, p.parseOr())
	}
}

func (p *parser) parseOr() Node {
	start := p.pos
	first := p.parseUnary()
	var children []Node
	var starts []int
	if first != nil {
		children, starts = append(children, first), append(starts, start)
	}
	for {
		p.steps++
		save := p.pos
		p.skipSpace()
		opPos := p.pos
		if !p.atOR() {
			p.pos = save
			break
		}
		p.pos += 2
		p.skipSpace()
		if len(children) == 0 || p.pos >= len(p.s) || p.s[p.pos] == ')' || p.atOR() {
			p.problem(opPos, ErrDanglingOr, "dangling OR: expected a word on each side of OR (OR left out)")
			if len(children) == 0 && p.pos < len(p.s) && p.s[p.pos] != ')' && !p.atOR() {
				// Nothing on the left: what follows starts afresh.
				first := p.parseUnary()
				if first != nil {
					children, starts = append(children, first), append(starts, p.pos)
				}
			}
			continue
		}
		nStart := p.pos
		if n := p.parseUnary(); n != nil {
			children, starts = append(children, n), append(starts, nStart)
		}
	}
	switch len(children) {
	case 0:
		return nil
	case 1:
		return children[0]
	}
	var flat []Node
	for i, c := range children {
		if !positive(c) {
			p.problem(starts[i], ErrOnlyExclusions, "each side of OR needs a word to search for, not only exclusions (read as words)")
			c = affirm(c)
		}
		if o, ok := c.(Or); ok {
			flat = append(flat, o.Children...)
		} else {
			flat = append(flat, c)
		}
	}
	return Or{Children: flat}
}

func (p *parser) parseUnary() Node {
	start := p.pos
	if p.atKeyword("NOT") {
		// NOT word, as in the boolean search of library catalogues: the
		// same as -word. Read as a word it was searched for, the opposite.
		p.pos += len("NOT")
		p.skipSpace()
		if p.pos >= len(p.s) || p.s[p.pos] == ')' || p.atOR() || p.s[p.pos] == '-' || p.atKeyword("NOT") {
			p.problem(start, ErrExclusion, "NOT excludes nothing: expected a word, phrase, filter or group after it (left out)")
			return nil
		}
		return p.exclusion(start, "NOT")
	}
	if p.pos < len(p.s) && p.s[p.pos] == '-' {
		p.pos++
		if p.pos >= len(p.s) || !p.startsOperand() {
			// A dash standing alone ("ترامب - كيم", "- أين تقع مصر؟").
			p.quietProblem(start, "empty exclusion: expected a word, phrase or group right after -")
			return nil
		}
		if p.s[p.pos] == '-' {
			// "--word", "—— word": a rule or bullet, read as punctuation.
			p.problem(p.pos, ErrExclusion, "double exclusion: expected a word after a single -, remove one - (read as a word)")
			for p.pos < len(p.s) && p.s[p.pos] == '-' {
				p.pos++
			}
			if p.pos >= len(p.s) || !p.startsOperand() {
				return nil
			}
			return p.parsePrimary()
		}
		return p.exclusion(start, "-")
	}
	return p.parsePrimary()
}

// exclusion parses what the operator at start (- or NOT) excludes; what
// only excludes already is read as one exclusion.
func (p *parser) exclusion(start int, operator string) Node {
	child := p.parsePrimary()
	if child == nil {
		return nil
	}
	if !positive(child) {
		p.problem(start, ErrExclusion, "cannot exclude an exclusion: expected a word, phrase, filter or group after "+operator+" (read as one exclusion)")
		child = affirm(child)
	}
	return Not{Child: child}
}

// startsOperand reports whether the input at pos can begin a word, phrase or
// group (used right after '-', where a space means the '-' was left alone).
func (p *parser) startsOperand() bool {
	r, size := utf8.DecodeRuneInString(p.s[p.pos:])
	if r == '(' || isQuoteOpener(r) {
		return true
	}
	return !isSeparator(r, size) && r != ')'
}

// parsePrimary parses a word, phrase, exact form, filter or group; nil when
// what it read is not something to search for.
func (p *parser) parsePrimary() Node {
	p.steps++
	start := p.pos
	r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
	switch {
	case r == '(':
		n := p.parseGroup()
		p.skipMarks("a group")
		return n
	case isQuoteOpener(r):
		text, ok := p.readQuoted()
		if !ok {
			return nil
		}
		within := p.readWithin()
		p.skipMarks("a quoted phrase")
		p.countTerm(start)
		return Phrase{Text: text, Within: within}
	case r == '=':
		return p.parseExact()
	}
	word := p.readWord()
	if word == "" {
		p.problem(start, ErrUnexpected, "unexpected character: expected a word")
		return nil
	}
	if word == "OR" {
		p.problem(start, ErrDanglingOr, "dangling OR: expected a word before OR (OR left out)")
		return nil
	}
	if invisible(word) {
		// Invisible marks alone (RLM, LRM, ZWNJ), as text pasted from a
		// web page carries them: no word, where "" was searched and
		// nothing found.
		return nil
	}
	if word == "AND" {
		// Every word is required already: AND, as typed in boolean search,
		// says nothing more. Read as a word it made the search fall back
		// to partial matches, since no article has it.
		return nil
	}
	p.countTerm(start)
	if colon := strings.IndexByte(word, ':'); colon > 0 {
		if name, ok := fieldAliases[strings.ToLower(word[:colon])]; ok {
			return p.finishField(name, word, colon, start)
		}
	}
	return p.wordNode(word, start)
}

// wordNode makes a Word, Prefix or Fuzzy of a bare word read at start; a
// misplaced * or ~ is read as a space.
func (p *parser) wordNode(word string, start int) Node {
	if pos, msg := marksOnlyAtEnd(word, start); msg != "" {
		p.problem(pos, ErrUnexpected, msg+" (read as text)")
		return textNode(word)
	}
	switch word[len(word)-1] {
	case '*':
		text := word[:len(word)-1]
		if countLetters(text) < 2 {
			p.problem(start, ErrPrefix, "prefix search needs at least 2 letters before *, as in تنظ* (read as text)")
			return textNode(text)
		}
		return Prefix{Text: text}
	case '~':
		text := word[:len(word)-1]
		if countLetters(text) < 1 {
			p.problem(start, ErrFuzzy, "fuzzy search needs a word right before ~, as in التنظيم~ (read as text)")
			return textNode(text)
		}
		return Fuzzy{Text: text}
	}
	return Word{Text: word}
}

// textNode reads s as plain text: its words, with the characters that
// would make them syntax (*, ~, a leading - or =, a field's colon) read as
// spaces. One word is a Word, several a Phrase (they stood together), none
// nil.
func textNode(s string) Node {
	var words []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '*' || r == '~' || r == ':' || !isWordRune(r) }) {
		f = strings.TrimLeft(f, "-=")
		if f != "" && f != "OR" && !invisible(f) {
			words = append(words, f)
		}
	}
	switch len(words) {
	case 0:
		return nil
	case 1:
		return Word{Text: words[0]}
	}
	return Phrase{Text: strings.Join(words, " ")}
}

// marksOnlyAtEnd checks that '*' and '~' appear in a bare word only as its
// last character, and not both; it returns where and what is wrong.
func marksOnlyAtEnd(word string, start int) (int, string) {
	last := len(word) - 1
	for i := 0; i < last; i++ {
		switch word[i] {
		case '*', '~':
			if i == last-1 && (word[last] == '*' || word[last] == '~') && word[last] != word[i] {
				return start + i, "cannot combine * and ~: expected one of them at the end of the word"
			}
			if word[i] == '*' {
				return start + i, "* marks a prefix search: expected it only at the end of a word, as in تنظ*"
			}
			return start + i, "~ marks a fuzzy search: expected it only at the end of a word, as in التنظيم~"
		}
	}
	return 0, ""
}

// countLetters counts the letters and digits of s, leaving out harakat,
// tatweel and punctuation.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if r != 'ـ' && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n++
		}
	}
	return n
}

// readWithin reads the proximity of a quoted phrase: a '~' right after its
// closing quote, followed by the number of words (…"~5). It returns 0, and
// reads nothing, when the '~' has no digits after it (skipMarks then says
// what fuzzy search is); a number out of range is read, and the phrase
// stays a phrase.
func (p *parser) readWithin() int {
	at := p.pos
	if at >= len(p.s) || p.s[at] != '~' {
		return 0
	}
	end := at + 1
	for end < len(p.s) && p.s[end] >= '0' && p.s[end] <= '9' {
		end++
	}
	digits := p.s[at+1 : end]
	if digits == "" {
		return 0
	}
	p.steps++
	p.pos = end
	n := 0
	for _, d := range digits {
		n = n*10 + int(d-'0')
		if n > MaxWithin {
			break
		}
	}
	if n < 1 || n > MaxWithin {
		p.problem(at, ErrWithin, "a phrase's words can be asked within 1 to "+itoa(MaxWithin)+" words of each other, as in \"داعش تويتر\"~5 (searched as a phrase)")
		return 0
	}
	return n
}

// skipMarks reads a '*' or '~' stuck to the end of quoted text or a group
// as punctuation: prefix and fuzzy search apply to a single bare word.
func (p *parser) skipMarks(what string) {
	if p.pos >= len(p.s) {
		return
	}
	switch p.s[p.pos] {
	case '*':
		p.problem(p.pos, ErrPrefix, "prefix search works on a single word, not "+what+": expected a bare word before *, as in تنظ* (* left out)")
	case '~':
		p.problem(p.pos, ErrFuzzy, "fuzzy search works on a single word, not "+what+": expected a bare word before ~, as in التنظيم~ (~ left out)")
	default:
		return
	}
	for p.pos < len(p.s) && (p.s[p.pos] == '*' || p.s[p.pos] == '~') {
		p.steps++
		p.pos++
	}
}

// parseExact parses =word or ="quoted text" at an '='.
func (p *parser) parseExact() Node {
	start := p.pos
	p.pos++ // '='
	if p.pos >= len(p.s) || !p.startsOperand() || p.s[p.pos] == '(' {
		p.problem(start, ErrExact, "empty exact form: expected a word or a quoted phrase right after = (= left out)")
		return nil
	}
	p.countTerm(start)
	if r, _ := utf8.DecodeRuneInString(p.s[p.pos:]); isQuoteOpener(r) {
		text, ok := p.readQuoted()
		if !ok {
			return nil
		}
		p.skipMarks("an exact phrase")
		return Exact{Text: text, Phrase: true}
	}
	wordPos := p.pos
	word := p.readWord()
	if i := strings.IndexAny(word, "*~"); i >= 0 {
		p.problem(wordPos+i, ErrExact, "an exact form takes the very spelling: expected a word without * or ~ after = (drop the = for a prefix or fuzzy search; read as a space)")
		switch n := textNode(word).(type) {
		case Word:
			return Exact{Text: n.Text}
		case Phrase:
			return Exact{Text: n.Text, Phrase: true}
		}
		return nil
	}
	return Exact{Text: word}
}

func (p *parser) parseGroup() Node {
	open := p.pos
	p.pos++ // '('
	if p.depth >= MaxDepth {
		// Read as punctuation: what follows joins the enclosing group.
		p.problem(open, ErrUnpairedBracket, "too deeply nested (max "+itoa(MaxDepth)+" levels of parentheses): expected fewer ( inside one another")
		return nil
	}
	p.depth++
	n := p.parseAnd()
	p.depth--
	if p.pos >= len(p.s) {
		// The group runs to the end of the query.
		p.problem(open, ErrUnpairedBracket, "unbalanced (: expected ) to close it")
		return n
	}
	p.pos++ // ')'
	if n == nil {
		p.problem(open, ErrUnpairedBracket, "empty parentheses: expected a word inside")
	}
	return n
}

// finishField completes a field whose name was read: word is the word read
// at start, its colon at colon. A missing value reads the whole as text; a
// date that is no date leaves the filter out.
func (p *parser) finishField(name, word string, colon, start int) Node {
	value, valuePos := word[colon+1:], start+colon+1
	if value == "" && p.pos < len(p.s) {
		// source:"بوابة الوفد" — the word stopped at the quote.
		if r, _ := utf8.DecodeRuneInString(p.s[p.pos:]); isQuoteOpener(r) {
			valuePos = p.pos
			quoted, ok := p.readQuoted()
			if !ok {
				return textNode(word)
			}
			p.skipMarks("a quoted value")
			value = quoted
		}
	}
	if value == "" {
		p.problem(start, ErrFilterValue, "expected a value after "+name+":, as in "+name+":"+fieldExample(name)+" (read as a word)")
		return textNode(word)
	}
	switch name {
	case FieldYear, FieldDate:
		n, err := parseDateRange(name, value, valuePos)
		if err != nil {
			// Left out, not read as words: "date 2015-13" as words found
			// nothing whole, so the search fell back to partial matches
			// of every year, the opposite of what was asked.
			qe := err.(*Error)
			p.problem(qe.Pos, ErrDateValue, qe.Msg+" (the filter is left out)")
			return nil
		}
		return n
	}
	return Field{Name: name, Value: value}
}

func fieldExample(name string) string {
	switch name {
	case FieldYear, FieldDate:
		return "2018"
	case FieldEntity:
		return "تويتر"
	}
	return "الجزيرة"
}

// countTerm counts a term against MaxTerms in strict parsing.
func (p *parser) countTerm(pos int) {
	p.terms++
	if p.strict && p.terms == MaxTerms+1 {
		p.problem(pos, ErrTooManyTerms, "too many terms (max "+itoa(MaxTerms)+"): expected at most "+itoa(MaxTerms)+" words, phrases and filters")
	}
}

// readQuoted reads a quoted string starting at an opener and returns its
// content with whitespace collapsed. Unreadable bytes count as spaces. A
// quote that does not close, or quotes around nothing, are punctuation: ok
// is false, and the parser goes on after the opener (or the empty pair).
func (p *parser) readQuoted() (text string, ok bool) {
	open := p.pos
	r, size := utf8.DecodeRuneInString(p.s[p.pos:])
	closer := closerOf(r)
	p.pos += size
	end := strings.IndexRune(p.s[p.pos:], closer)
	if end < 0 {
		p.problem(open, ErrUnpairedQuote, "unclosed quote: expected a closing "+string(closer)+" (read as text)")
		return "", false
	}
	content := p.s[p.pos : p.pos+end]
	p.pos += end + utf8.RuneLen(closer)
	text = strings.Join(strings.Fields(strings.Map(cleanRune, content)), " ")
	if text == "" {
		p.problem(open, ErrUnpairedQuote, "empty quotes: expected text between them")
		return "", false
	}
	return text, true
}

// cleanRune maps what cannot be part of a word to a space.
func cleanRune(r rune) rune {
	if unicode.IsControl(r) {
		return ' '
	}
	return r
}

// readWord reads a run of word runes (possibly empty).
func (p *parser) readWord() string {
	start := p.pos
	for p.pos < len(p.s) {
		p.steps++
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		if !isWordRune(r) {
			break
		}
		p.pos += size
	}
	if p.pos == start {
		// A rune that is neither separator, word rune nor handled above
		// cannot reach here, but never loop forever: consume one byte.
		p.pos = min(p.pos+1, len(p.s))
		return ""
	}
	return p.s[start:p.pos]
}

// atOR reports whether the input at pos is the OR keyword: "OR" as a whole
// word.
func (p *parser) atOR() bool { return p.atKeyword("OR") }

// atKeyword reports whether the input at pos is the keyword kw (OR, NOT) as
// a whole word, in capitals.
func (p *parser) atKeyword(kw string) bool {
	if !strings.HasPrefix(p.s[p.pos:], kw) {
		return false
	}
	rest := p.s[p.pos+len(kw):]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !isWordRune(r)
}

// skipSpace moves past separators and returns where it stopped.
func (p *parser) skipSpace() int {
	for p.pos < len(p.s) {
		p.steps++
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		if !isSeparator(r, size) {
			return p.pos
		}
		p.pos += size
	}
	return p.pos
}

// isSeparator reports whether a decoded rune separates words. Parse has
// replaced invalid UTF-8, so RuneError is a real U+FFFD, part of a word.
func isSeparator(r rune, size int) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || (size == 0)
}

// isWordRune reports whether r can be part of a bare word.
// invisible reports whether a word is made of format marks only (RLM,
// LRM, ZWNJ, the Arabic number signs): nothing to search for.
func invisible(word string) bool {
	return strings.TrimFunc(word, func(r rune) bool { return unicode.Is(unicode.Cf, r) }) == ""
}

func isWordRune(r rune) bool {
	if r == '(' || r == ')' || isQuoteOpener(r) {
		return false
	}
	return !unicode.IsSpace(r) && !unicode.IsControl(r)
}

func isQuoteOpener(r rune) bool {
	for _, q := range quotePairs {
		if q[0] == r {
			return true
		}
	}
	return false
}

func closerOf(opener rune) rune {
	for _, q := range quotePairs {
		if q[0] == opener {
			return q[1]
		}
	}
	return opener
}
