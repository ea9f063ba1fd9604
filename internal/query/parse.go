package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that bound the work one keystroke can cause. The search box runs a
// query per keystroke in the browser; a pasted article must produce an error
// quickly, not a long freeze.
const (
	// MaxQueryBytes is the longest query accepted.
	MaxQueryBytes = 4096
	// MaxTerms is the most words, phrases, prefixes, fuzzy words and
	// filters in one query.
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

// Parse parses a query. A blank query (nothing but spaces) parses to a nil
// Node and a nil error: the caller decides what an empty search shows.
// Every error is a *Error.
func Parse(s string) (Node, error) {
	if len(s) > MaxQueryBytes {
		return nil, &Error{Pos: MaxQueryBytes, Msg: "query too long (max " + itoa(MaxQueryBytes) + " bytes): expected a shorter query"}
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
	p := &parser{s: s}
	n, err := p.parseQuery()
	return n, p.steps, err
}

func (p *parser) parseQuery() (Node, error) {
	n, start, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.s) {
		// parseAnd stops only at the end or at a ')'.
		return nil, &Error{Pos: p.pos, Msg: "unbalanced ): no ( to close; expected a ( before it, or remove it"}
	}
	if n == nil {
		return nil, nil
	}
	if !positive(n) {
		return nil, &Error{Pos: start, Msg: "add a word to search for: a query cannot only exclude"}
	}
	return n, nil
}

type parser struct {
	s     string
	pos   int
	terms int
	depth int
	// steps counts loop iterations and nodes, for the bounded-work test.
	steps int
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

// parseAnd parses a sequence of OR-expressions up to the end of input or a
// ')', which it leaves for the caller. It returns a nil Node for an empty
// sequence, and the byte offset where the sequence starts.
func (p *parser) parseAnd() (Node, int, error) {
	var children []Node
	p.skipSpace()
	start := p.pos
	for {
		p.steps++
		p.skipSpace()
		if p.pos >= len(p.s) || p.s[p.pos] == ')' {
			break
		}
		n, _, err := p.parseOr()
		if err != nil {
			return nil, 0, err
		}
		if a, ok := n.(And); ok {
			children = append(children, a.Children...)
		} else {
			children = append(children, n)
		}
	}
	switch len(children) {
	case 0:
		return nil, start, nil
	case 1:
		return children[0], start, nil
	}
	return And{Children: children}, start, nil
}

func (p *parser) parseOr() (Node, int, error) {
	first, start, err := p.parseUnary()
	if err != nil {
		return nil, 0, err
	}
	children := []Node{first}
	starts := []int{start}
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
		if p.pos >= len(p.s) || p.s[p.pos] == ')' || p.atOR() {
			return nil, 0, &Error{Pos: opPos, Msg: "dangling OR: expected a word after OR"}
		}
		n, nStart, err := p.parseUnary()
		if err != nil {
			return nil, 0, err
		}
		children = append(children, n)
		starts = append(starts, nStart)
	}
	if len(children) == 1 {
		return first, start, nil
	}
	var flat []Node
	for i, c := range children {
		if !positive(c) {
			return nil, 0, &Error{Pos: starts[i], Msg: "each side of OR needs a word to search for, not only exclusions"}
		}
		if o, ok := c.(Or); ok {
			flat = append(flat, o.Children...)
		} else {
			flat = append(flat, c)
		}
	}
	return Or{Children: flat}, start, nil
}

func (p *parser) parseUnary() (Node, int, error) {
	start := p.pos
	if p.pos < len(p.s) && p.s[p.pos] == '-' {
		p.pos++
		if p.pos >= len(p.s) || !p.startsOperand() {
			return nil, 0, &Error{Pos: start, Msg: "empty exclusion: expected a word, phrase or group right after -"}
		}
		if p.s[p.pos] == '-' {
			return nil, 0, &Error{Pos: p.pos, Msg: "double exclusion: expected a word after a single -, remove one -"}
		}
		child, _, err := p.parsePrimary()
		if err != nil {
			return nil, 0, err
		}
		if !positive(child) {
			return nil, 0, &Error{Pos: start, Msg: "cannot exclude an exclusion: expected a word, phrase, filter or group after -"}
		}
		return Not{Child: child}, start, nil
	}
	n, _, err := p.parsePrimary()
	return n, start, err
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

func (p *parser) parsePrimary() (Node, int, error) {
	p.steps++
	start := p.pos
	r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
	switch {
	case r == '(':
		n, open, err := p.parseGroup()
		if err == nil {
			err = p.noMarkAfter("a group")
		}
		return n, open, err
	case isQuoteOpener(r):
		text, err := p.readQuoted()
		if err != nil {
			return nil, 0, err
		}
		if err := p.noMarkAfter("a quoted phrase"); err != nil {
			return nil, 0, err
		}
		if err := p.countTerm(start); err != nil {
			return nil, 0, err
		}
		return Phrase{Text: text}, start, nil
	case r == '=':
		return p.parseExact()
	}
	word := p.readWord()
	if word == "" {
		return nil, 0, &Error{Pos: start, Msg: "unexpected character: expected a word"}
	}
	if word == "OR" {
		return nil, 0, &Error{Pos: start, Msg: "dangling OR: expected a word before OR"}
	}
	if err := p.countTerm(start); err != nil {
		return nil, 0, err
	}
	if colon := strings.IndexByte(word, ':'); colon > 0 {
		if name, ok := fieldAliases[strings.ToLower(word[:colon])]; ok {
			f, err := p.finishField(name, word[colon+1:], start, start+colon+1)
			return f, start, err
		}
	}
	n, err := wordNode(word, start)
	return n, start, err
}

// wordNode makes a Word, Prefix or Fuzzy of a bare word read at start.
func wordNode(word string, start int) (Node, error) {
	if err := marksOnlyAtEnd(word, start); err != nil {
		return nil, err
	}
	switch word[len(word)-1] {
	case '*':
		text := word[:len(word)-1]
		if countLetters(text) < 2 {
			return nil, &Error{Pos: start, Msg: "prefix search needs at least 2 letters before *, as in تنظ*"}
		}
		return Prefix{Text: text}, nil
	case '~':
		text := word[:len(word)-1]
		if countLetters(text) < 1 {
			return nil, &Error{Pos: start, Msg: "fuzzy search needs a word right before ~, as in التنظيم~"}
		}
		return Fuzzy{Text: text}, nil
	}
	return Word{Text: word}, nil
}

// marksOnlyAtEnd checks that '*' and '~' appear in a bare word only as its
// last character, and not both.
func marksOnlyAtEnd(word string, start int) error {
	last := len(word) - 1
	for i := 0; i < last; i++ {
		switch word[i] {
		case '*', '~':
			if i == last-1 && (word[last] == '*' || word[last] == '~') && word[last] != word[i] {
				return &Error{Pos: start + i, Msg: "cannot combine * and ~: expected one of them at the end of the word"}
			}
			if word[i] == '*' {
				return &Error{Pos: start + i, Msg: "* marks a prefix search: expected it only at the end of a word, as in تنظ*"}
			}
			return &Error{Pos: start + i, Msg: "~ marks a fuzzy search: expected it only at the end of a word, as in التنظيم~"}
		}
	}
	return nil
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

// noMarkAfter rejects a '*' or '~' stuck to the end of quoted text or a
// group: prefix and fuzzy search apply to a single bare word.
func (p *parser) noMarkAfter(what string) error {
	if p.pos >= len(p.s) {
		return nil
	}
	switch p.s[p.pos] {
	case '*':
		return &Error{Pos: p.pos, Msg: "prefix search works on a single word, not " + what + ": expected a bare word before *, as in تنظ*"}
	case '~':
		return &Error{Pos: p.pos, Msg: "fuzzy search works on a single word, not " + what + ": expected a bare word before ~, as in التنظيم~"}
	}
	return nil
}

// parseExact parses =word or ="quoted text" at an '='.
func (p *parser) parseExact() (Node, int, error) {
	start := p.pos
	p.pos++ // '='
	if p.pos >= len(p.s) || !p.startsOperand() || p.s[p.pos] == '(' {
		return nil, 0, &Error{Pos: start, Msg: "empty exact form: expected a word or a quoted phrase right after ="}
	}
	if err := p.countTerm(start); err != nil {
		return nil, 0, err
	}
	if r, _ := utf8.DecodeRuneInString(p.s[p.pos:]); isQuoteOpener(r) {
		text, err := p.readQuoted()
		if err != nil {
			return nil, 0, err
		}
		if err := p.noMarkAfter("an exact phrase"); err != nil {
			return nil, 0, err
		}
		return Exact{Text: text, Phrase: true}, start, nil
	}
	wordPos := p.pos
	word := p.readWord()
	if i := strings.IndexAny(word, "*~"); i >= 0 {
		return nil, 0, &Error{Pos: wordPos + i, Msg: "an exact form takes the very spelling: expected a word without * or ~ after = (drop the = for a prefix or fuzzy search)"}
	}
	return Exact{Text: word}, start, nil
}

func (p *parser) parseGroup() (Node, int, error) {
	open := p.pos
	p.depth++
	if p.depth > MaxDepth {
		return nil, 0, &Error{Pos: open, Msg: "too deeply nested (max " + itoa(MaxDepth) + " levels of parentheses): expected fewer ( inside one another"}
	}
	p.pos++ // '('
	n, _, err := p.parseAnd()
	if err != nil {
		return nil, 0, err
	}
	if p.pos >= len(p.s) {
		return nil, 0, &Error{Pos: open, Msg: "unbalanced (: expected ) to close it"}
	}
	p.pos++ // ')'
	p.depth--
	if n == nil {
		return nil, 0, &Error{Pos: open, Msg: "empty parentheses: expected a word inside"}
	}
	return n, open, nil
}

// finishField completes a field whose name was read; value is what followed
// the colon in the same word, and valuePos where it starts.
func (p *parser) finishField(name, value string, start, valuePos int) (Node, error) {
	if value == "" && p.pos < len(p.s) {
		// source:"بوابة الوفد" — the word stopped at the quote.
		if r, _ := utf8.DecodeRuneInString(p.s[p.pos:]); isQuoteOpener(r) {
			valuePos = p.pos
			quoted, err := p.readQuoted()
			if err != nil {
				return nil, err
			}
			if err := p.noMarkAfter("a quoted value"); err != nil {
				return nil, err
			}
			value = quoted
		}
	}
	if value == "" {
		return nil, &Error{Pos: start, Msg: "expected a value after " + name + ":, as in " + name + ":" + fieldExample(name)}
	}
	switch name {
	case FieldYear, FieldDate:
		return parseDateRange(name, value, valuePos)
	}
	return Field{Name: name, Value: value}, nil
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

func (p *parser) countTerm(pos int) error {
	p.terms++
	if p.terms > MaxTerms {
		return &Error{Pos: pos, Msg: "too many terms (max " + itoa(MaxTerms) + "): expected at most " + itoa(MaxTerms) + " words, phrases and filters"}
	}
	return nil
}

// readQuoted reads a quoted string starting at an opener and returns its
// content with whitespace collapsed. Unreadable bytes count as spaces.
func (p *parser) readQuoted() (string, error) {
	open := p.pos
	r, size := utf8.DecodeRuneInString(p.s[p.pos:])
	closer := closerOf(r)
	p.pos += size
	end := strings.IndexRune(p.s[p.pos:], closer)
	if end < 0 {
		p.pos = len(p.s)
		return "", &Error{Pos: open, Msg: "unclosed quote: expected a closing " + string(closer)}
	}
	content := p.s[p.pos : p.pos+end]
	p.pos += end + utf8.RuneLen(closer)
	text := strings.Join(strings.Fields(strings.Map(cleanRune, content)), " ")
	if text == "" {
		return "", &Error{Pos: open, Msg: "empty quotes: expected text between them"}
	}
	return text, nil
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
		p.pos++
		return ""
	}
	return p.s[start:p.pos]
}

// atOR reports whether the input at pos is the OR keyword: "OR" as a whole
// word.
func (p *parser) atOR() bool {
	if !strings.HasPrefix(p.s[p.pos:], "OR") {
		return false
	}
	rest := p.s[p.pos+2:]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !isWordRune(r)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.s) {
		p.steps++
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		if !isSeparator(r, size) {
			return
		}
		p.pos += size
	}
}

// isSeparator reports whether a decoded rune separates words. Parse has
// replaced invalid UTF-8, so RuneError is a real U+FFFD, part of a word.
func isSeparator(r rune, size int) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || (size == 0)
}

// isWordRune reports whether r can be part of a bare word.
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
