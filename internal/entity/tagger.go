package entity

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// Tagger finds the entries of a gazetteer in text. It is immutable once
// built and safe for concurrent use.
type Tagger struct {
	entries []Entry
	forms   []form
	// first maps the key of a name's first word to the names starting with
	// it, longest first. Besides the normalized word itself, a first word
	// that starts with the article is also filed under its لل spelling
	// (العراق under للعراق, "ل + ال"), at clitic level 1.
	first map[string][]formRef
	// byName maps a canonical name to its entry, for Resolve.
	byName map[string]int
}

// form is one name (canonical or alias) of an entry, as normalized words.
type form struct {
	entry int
	words []string
	// exact: the first word must appear without proclitics.
	exact bool
	// caseText, for an all-capital Latin name (IS, ISIL), is its spelling:
	// the token must match it case for case.
	caseText string
}

type formRef struct {
	form  int32
	level uint8 // clitic letters implied by the key (1 for a لل key)
	words uint8 // len(form.words), to order and compare matches
}

// maxWords bounds the words of one name.
const maxWords = 12

// New builds a tagger from entries. A name that two entries share goes to
// the first of them; the data lint test keeps the embedded files free of
// such clashes. Entries of an unknown type are kept: Tag reports them with
// their type, except the type "ignore" (data/ignore.tsv), whose matches
// consume their words and report nothing.
func New(entries []Entry) (*Tagger, error) {
	t := &Tagger{
		entries: slices.Clone(entries),
		first:   map[string][]formRef{},
		byName:  map[string]int{},
	}
	seen := map[string]int{} // joined words → entry, to drop duplicates
	for ei, e := range t.entries {
		if strings.TrimSpace(e.Name) == "" {
			return nil, fmt.Errorf("entity: entry %d has no name", ei)
		}
		if _, dup := t.byName[e.Name]; !dup {
			t.byName[e.Name] = ei
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			f, ok := parseForm(name)
			if !ok {
				continue
			}
			if len(f.words) > maxWords {
				return nil, fmt.Errorf("entity: name %q has more than %d words", name, maxWords)
			}
			key := strings.Join(f.words, " ")
			if f.exact {
				key = "=" + key
			}
			if f.caseText != "" {
				key = "case:" + f.caseText
			}
			if _, dup := seen[key]; dup {
				continue
			}
			seen[key] = ei
			f.entry = ei
			fi := int32(len(t.forms))
			t.forms = append(t.forms, f)
			ref := formRef{form: fi, words: uint8(len(f.words))}
			t.first[f.words[0]] = append(t.first[f.words[0]], ref)
			if rest, ok := strings.CutPrefix(f.words[0], "ال"); ok && !f.exact && len(rest) >= 4 {
				ref.level = 1
				t.first["لل"+rest] = append(t.first["لل"+rest], ref)
			}
		}
	}
	for k, refs := range t.first {
		slices.SortStableFunc(refs, func(a, b formRef) int {
			return cmp.Or(cmp.Compare(b.words, a.words), cmp.Compare(a.level, b.level))
		})
		t.first[k] = refs
	}
	return t, nil
}

// parseForm analyzes one name of the data: "=" marks an exact form.
func parseForm(name string) (form, bool) {
	var f form
	name = strings.TrimSpace(name)
	if rest, ok := strings.CutPrefix(name, "="); ok {
		f.exact = true
		name = rest
	}
	for _, tok := range arabic.Tokenize(name) {
		if isSkipped(tok.Text) {
			continue
		}
		if w := arabic.Normalize(tok.Text); w != "" {
			f.words = append(f.words, w)
		}
	}
	if len(f.words) == 0 {
		return f, false
	}
	if len(f.words) == 1 && isShortCapitals(name) {
		f.caseText = name
	}
	return f, true
}

// isShortCapitals reports whether s is an all-capital Latin word of at most
// four letters (IS, ISIL, UN): such names are common words lowercased.
func isShortCapitals(s string) bool {
	if len(s) == 0 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isSkipped reports whether a token is not a word of the text: the whole
// hashtag token (its words follow as tokens of their own), a handle or a URL.
func isSkipped(text string) bool {
	switch text[0] {
	case '#', '@':
		return true
	case 'h', 'H', 'w', 'W':
		return strings.Contains(text, "://") || strings.HasPrefix(strings.ToLower(text), "www.")
	}
	return false
}

// Entries returns the tagger's entries.
func (t *Tagger) Entries() []Entry { return slices.Clone(t.entries) }

// Letters as UTF-8 bytes: every Arabic letter the proclitic rules test is
// two bytes, U+0628 ب is D8 A8, U+0641–U+0648 ف ق ك ل م ن ه و are D9 81–88.
func isConjunction(w string) bool { // و ف
	return len(w) >= 2 && w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81)
}

// isPreposition: ب ل. The preposition ك is left out: it is rare before a
// name, and words that start with ك (كبيرا، كما) would meet short names.
func isPreposition(w string) bool { // ب ل
	return len(w) >= 2 && (w[0] == 0xD8 && w[1] == 0xA8 || w[0] == 0xD9 && w[1] == 0x84)
}

// minRest is the least a word keeps, in bytes, when a proclitic is taken
// off: three Arabic letters.
const minRest = 6

// keys returns the lookup keys of a normalized word and the number of
// proclitic letters taken off for each: the word, without و/ف, without
// ب/ل, without both. All are substrings of w.
func keys(w string, out *[4]string, levels *[4]uint8) int {
	n := 0
	out[n], levels[n] = w, 0
	n++
	if len(w) < 2+minRest || w[0] < 0xD8 {
		return n
	}
	if isConjunction(w) {
		out[n], levels[n] = w[2:], 1
		n++
		if r := w[2:]; isPreposition(r) && len(r) >= 2+minRest {
			out[n], levels[n] = r[2:], 2
			n++
		}
	}
	if isPreposition(w) {
		out[n], levels[n] = w[2:], 1
		n++
	}
	return n
}

// match is one mention found in the text.
type match struct {
	entry      int
	start, end int // token indexes, end exclusive
}

// Tag returns the entities that text mentions, most mentioned first, ties
// by name. Count is the number of mentions.
func (t *Tagger) Tag(text string) []corpus.Entity {
	counts := map[int]int{}
	t.scan(text, func(m match) { counts[m.entry]++ })
	if len(counts) == 0 {
		return nil
	}
	out := make([]corpus.Entity, 0, len(counts))
	for ei, n := range counts {
		e := &t.entries[ei]
		if e.Type == typeIgnore {
			continue
		}
		out = append(out, corpus.Entity{Type: e.Type, Name: e.Name, Count: n})
	}
	slices.SortFunc(out, func(a, b corpus.Entity) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name), strings.Compare(string(a.Type), string(b.Type)))
	})
	return out
}

// Mention is one occurrence of an entity in a text: byte offsets of its
// first and last word, and the entry.
type Mention struct {
	Start, End int
	Entry      Entry
}

// Mentions returns every mention in text, in order (for highlighting and
// for judging the tagger).
func (t *Tagger) Mentions(text string) []Mention {
	var out []Mention
	toks := arabic.Tokenize(text)
	words := make([]string, len(toks))
	t.scanTokens(text, toks, words, func(m match) {
		if t.entries[m.entry].Type == typeIgnore {
			return
		}
		out = append(out, Mention{Start: toks[m.start].Start, End: toks[m.end-1].End, Entry: t.entries[m.entry]})
	})
	return out
}

func (t *Tagger) scan(text string, found func(match)) {
	toks := arabic.Tokenize(text)
	words := make([]string, len(toks))
	t.scanTokens(text, toks, words, found)
}

// scanTokens finds the mentions among toks, longest name first, left to
// right, without overlap. words receives the normalized words.
func (t *Tagger) scanTokens(text string, toks []arabic.Token, words []string, found func(match)) {
	for i, tok := range toks {
		if !isSkipped(tok.Text) {
			words[i] = arabic.Normalize(tok.Text)
		}
	}
	var ks [4]string
	var levels [4]uint8
	for i := 0; i < len(toks); {
		if words[i] == "" {
			i++
			continue
		}
		best, bestEnd, bestLevel := -1, 0, uint8(0)
		n := keys(words[i], &ks, &levels)
		for ki := 0; ki < n; ki++ {
			for _, ref := range t.first[ks[ki]] {
				level := levels[ki] + ref.level
				if best >= 0 && (int(ref.words) < bestEnd-i || int(ref.words) == bestEnd-i && level >= bestLevel) {
					break // refs are longest first: nothing better follows
				}
				f := &t.forms[ref.form]
				if level > 0 && f.exact || f.caseText != "" && toks[i].Text != f.caseText {
					continue
				}
				if end, ok := matchRest(text, toks, words, i, f.words); ok {
					best, bestEnd, bestLevel = f.entry, end, level
				}
			}
		}
		if best < 0 {
			i++
			continue
		}
		found(match{entry: best, start: i, end: bestEnd})
		i = bestEnd
	}
}

// matchRest reports whether the words of a name after its first match the
// tokens after i, with nothing but spaces, quotes or dashes between them,
// and returns the index after the last.
func matchRest(text string, toks []arabic.Token, words []string, i int, want []string) (int, bool) {
	j := i + 1
	prevEnd := toks[i].End
	for _, w := range want[1:] {
		for j < len(toks) && toks[j].Text[0] == '#' {
			j++ // a hashtag's whole token comes before its words
		}
		if j >= len(toks) || words[j] != w || toks[j].Start < prevEnd || !joinable(text[prevEnd:toks[j].Start]) {
			return 0, false
		}
		prevEnd = toks[j].End
		j++
	}
	return j, true
}

// joinable reports whether the text between two words lets them be one
// name: no sentence or list punctuation, no line break.
func joinable(gap string) bool {
	for _, r := range gap {
		switch r {
		case '.', ',', '،', '؛', ';', ':', '!', '?', '؟', '\n', '(', ')', '[', ']', '|', '/':
			return false
		}
	}
	return true
}

// Resolve returns the entry that name refers to: its canonical name, any
// alias or spelling variant, with or without proclitics (بتويتر, Twitter,
// twitter, تلجرام → تليجرام). The whole of name must be the entity's name.
func (t *Tagger) Resolve(name string) (Entry, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Entry{}, false
	}
	if ei, ok := t.byName[name]; ok && t.entries[ei].Type != typeIgnore {
		return t.entries[ei], true
	}
	toks := arabic.Tokenize(name)
	words := make([]string, len(toks))
	for i, tok := range toks {
		if !isSkipped(tok.Text) {
			words[i] = arabic.Normalize(tok.Text)
		}
	}
	// Drop skipped tokens: a query names the entity in plain words.
	var kt []arabic.Token
	var kw []string
	for i := range toks {
		if words[i] != "" {
			kt = append(kt, toks[i])
			kw = append(kw, words[i])
		}
	}
	if len(kw) == 0 {
		return Entry{}, false
	}
	var ks [4]string
	var levels [4]uint8
	best, bestLevel := -1, uint8(255)
	n := keys(kw[0], &ks, &levels)
	for ki := 0; ki < n; ki++ {
		for _, ref := range t.first[ks[ki]] {
			f := &t.forms[ref.form]
			level := levels[ki] + ref.level
			if int(ref.words) != len(kw) || level > 0 && f.exact || level >= bestLevel {
				continue
			}
			if f.caseText != "" && !strings.EqualFold(kt[0].Text, f.caseText) {
				continue
			}
			if _, ok := matchRest(name, kt, kw, 0, f.words); ok {
				best, bestLevel = f.entry, level
			}
		}
	}
	if best < 0 || t.entries[best].Type == typeIgnore {
		return Entry{}, false
	}
	return t.entries[best], true
}
