package search

import (
	"sort"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/index"
	"marsad/internal/query"
)

// aliasWeight discounts a match found only through another name of the
// entity: a search for داعش should rank the articles that say داعش above
// those that only say تنظيم الدولة.
const aliasWeight = 0.5

// maxAliasTerms bounds the words and phrases alias expansion adds to one
// query, so that a query naming many groups stays cheap. query.MaxTerms
// still bounds what the visitor typed.
const maxAliasTerms = 16

// Seams over package arabic, replaced in tests.
var (
	findAliases = arabic.FindAliases
	fromLatin   = arabic.FromLatin
)

// expander rewrites a query for Request.Aliases and collects the positive
// words of the query for Result.Forms.
type expander struct {
	e       *Engine
	err     error // the first bundle file that could not be read
	aliases bool
	budget  int
	notes   []AliasNote
	words   []typedWord
	// groups gives each word or phrase that took part in an alias
	// expansion its group and weight, for dis-max scoring (see matches.score).
	groups map[leafKey]aliasMember
	// names gives the alias table's group of each expansion group that is
	// one whole alias group: what was typed is one of its names, and all
	// its other names were added. Its mentions are then counted from the
	// index's AliasKey (see Occurrences).
	names map[int]string
}

// leafKey names a word or phrase of the expanded query.
type leafKey struct {
	text   string
	phrase bool
}

// aliasMember places a word or phrase in an alias group.
type aliasMember struct {
	group  int // 1, 2, …
	weight float64
}

func keyOf(n query.Node) (leafKey, bool) {
	switch n := n.(type) {
	case query.Word:
		return leafKey{n.Text, false}, true
	case query.Phrase:
		return leafKey{n.Text, true}, true
	}
	return leafKey{}, false
}

// typedWord is a positive query word: as typed, and as searched (the Arabic
// word when a Latin one was turned into Arabic).
type typedWord struct{ typed, searched string }

func (e *Engine) expander(aliases bool) *expander {
	return &expander{e: e, aliases: aliases, budget: maxAliasTerms}
}

// expand returns n with each positive word or phrase that names an alias
// group replaced by an OR of itself and the group's other forms, and each
// excluded word that names one with all of them excluded.
func (x *expander) expand(n query.Node, positive bool) query.Node {
	switch n := n.(type) {
	case query.Word:
		if positive {
			return x.text(n.Text, false)
		}
		return x.excluded(n)
	case query.Phrase:
		// A quoted phrase is literal: researchers quote "تنظيم الدولة" to
		// count who says it rather than داعش, so its other names are not
		// searched.
	case query.Not:
		return query.Not{Child: x.expand(n.Child, !positive)}
	case query.And:
		out := make([]query.Node, len(n.Children))
		for i, c := range n.Children {
			out[i] = x.expand(c, positive)
		}
		return query.And{Children: out}
	case query.Or:
		var out []query.Node
		for _, c := range n.Children {
			c = x.expand(c, positive)
			if o, ok := c.(query.Or); ok {
				out = append(out, o.Children...)
			} else {
				out = append(out, c)
			}
		}
		return query.Or{Children: out}
	}
	return n
}

// text expands one positive word or phrase.
func (x *expander) text(s string, isPhrase bool) query.Node {
	typed := s
	node := textNode(s, isPhrase)
	if !x.aliases {
		x.words = append(x.words, typedWord{typed, s})
		return node
	}
	if !isPhrase && isLatin(s) && !x.matchesAny(s) {
		if ar, ok := fromLatin(s, x.known); ok {
			s = ar
			node = textNode(s, false)
			x.note(typed, ar)
		}
	}
	if !isPhrase {
		x.words = append(x.words, typedWord{typed, s})
	}
	toks := analyze(s)
	alts := []query.Node{node}
	found := findAliases(toks)
	whole := "" // the group s is one name of, all its names added
	if len(found) == 1 && found[0].Start == 0 && found[0].End == len(toks) {
		whole = found[0].Group
	}
	for _, a := range found {
		if a.Start < 0 || a.End > len(toks) || a.Start >= a.End {
			continue
		}
		from, to := toks[a.Start].Start, toks[a.End-1].End
		matched := typed
		if isPhrase {
			matched = s[from:to]
		}
		for _, o := range a.Others {
			if x.budget == 0 {
				whole = "" // some of its names were not searched
				break
			}
			if sameTerms(o, typed) {
				continue // twitter → تويتر, whose alias Twitter was typed
			}
			v := o
			if isPhrase {
				v = s[:from] + o + s[to:]
			}
			alts = append(alts, textNode(v, isPhrase))
			x.budget--
			x.note(matched, o)
		}
	}
	if len(alts) == 1 {
		return node
	}
	if x.groups == nil {
		x.groups = map[leafKey]aliasMember{}
	}
	group := len(x.groups) + 1
	if whole != "" && !isPhrase {
		if x.names == nil {
			x.names = map[int]string{}
		}
		x.names[group] = whole
	}
	for i, a := range alts {
		k, ok := keyOf(a)
		if _, taken := x.groups[k]; !ok || taken {
			continue
		}
		w := aliasWeight
		if i == 0 {
			w = 1 // what the visitor typed
		}
		x.groups[k] = aliasMember{group: group, weight: w}
	}
	return query.Or{Children: alts}
}

// excluded widens an excluded word that is one name of an alias group to
// every name of the group: with other names on, -داعش leaves out the
// articles that say تنظيم الدولة as well, as داعش finds them. The names are
// only excluded, so they are no scoring group, and the note says so
// (AliasNote.Excluded). A word that is part of a name, or no name, stays
// as typed.
func (x *expander) excluded(w query.Word) query.Node {
	if !x.aliases {
		return w
	}
	toks := analyze(w.Text)
	found := findAliases(toks)
	if len(found) != 1 || found[0].Start != 0 || found[0].End != len(toks) {
		return w
	}
	alts := []query.Node{w}
	for _, o := range found[0].Others {
		if x.budget == 0 {
			break
		}
		if sameTerms(o, w.Text) {
			continue
		}
		alts = append(alts, textNode(o, false))
		x.budget--
		x.excludedNote(w.Text, o)
	}
	if len(alts) == 1 {
		return w
	}
	return query.Or{Children: alts}
}

func (x *expander) matchesAny(s string) bool {
	ok, err := x.e.matchesAny(s)
	x.fail(err)
	return ok
}

func (x *expander) known(term string) bool {
	ok, err := x.e.known(index.Key(term))
	x.fail(err)
	return ok
}

func (x *expander) fail(err error) {
	if err != nil && x.err == nil {
		x.err = err
	}
}

// textNode is a Word, or a Phrase when isPhrase or s has several words.
func textNode(s string, isPhrase bool) query.Node {
	if isPhrase || strings.ContainsAny(s, " \t\n") {
		return query.Phrase{Text: strings.Join(strings.Fields(s), " ")}
	}
	return query.Word{Text: s}
}

// note records that other was searched for what the visitor typed as q,
// merging the notes of one q.
func (x *expander) note(q, other string) { x.addNote(q, other, false) }

// excludedNote records that other was excluded with the word q.
func (x *expander) excludedNote(q, other string) { x.addNote(q, other, true) }

func (x *expander) addNote(q, other string, excluded bool) {
	for i := range x.notes {
		if x.notes[i].Query == q && x.notes[i].Excluded == excluded {
			for _, o := range x.notes[i].Others {
				if o == other {
					return
				}
			}
			x.notes[i].Others = append(x.notes[i].Others, other)
			return
		}
	}
	x.notes = append(x.notes, AliasNote{Query: q, Others: []string{other}, Excluded: excluded})
}

// isLatin reports whether a word is written in ASCII with at least one
// letter: Latin script or Buckwalter transliteration.
func isLatin(s string) bool {
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			letter = true
		}
	}
	return letter
}

// known reports whether an index term has postings.
func (e *Engine) known(term index.Key) (bool, error) {
	if term == "" || term.IsStop() {
		return false, nil
	}
	forms, err := e.ix.Forms(term)
	return len(forms) > 0, err
}

// matchesAny reports whether a word, searched as such, matches a document.
func (e *Engine) matchesAny(word string) (bool, error) {
	slots, _ := wordSlots(word, false, true)
	if len(slots) == 0 {
		return false, nil
	}
	var err error
	l := e.match(slots, 0, func(e error) {
		if err == nil {
			err = e
		}
	})
	return len(l.docs) > 0, err
}

// forms lists the forms of each positive word matched by its stem.
func (e *Engine) forms(words []typedWord) ([]WordForm, error) {
	var out []WordForm
	done := map[index.Key]bool{}
	for _, w := range words {
		slots, _ := wordSlots(w.searched, false, false)
		if len(slots) != 1 || slots[0].key.IsStop() || done[slots[0].key] {
			continue
		}
		key := slots[0].key
		done[key] = true
		forms, err := e.ix.Forms(key)
		if err != nil {
			return nil, err
		}
		merged := make([]WordForm, 0, len(forms))
		for _, fm := range forms {
			merged = append(merged, WordForm{Term: w.typed, Form: fm.Spelling, Count: fm.Count})
		}
		sort.SliceStable(merged, func(i, j int) bool {
			if merged[i].Count != merged[j].Count {
				return merged[i].Count > merged[j].Count
			}
			return merged[i].Form < merged[j].Form
		})
		out = append(out, merged[:min(len(merged), MaxForms)]...)
	}
	return out, nil
}

// sameTerms reports whether two texts analyze to the same terms.
func sameTerms(a, b string) bool {
	return strings.Join(arabic.Terms(a), " ") == strings.Join(arabic.Terms(b), " ")
}

// Expansion is what a prefix or fuzzy query word was widened to.
type Expansion struct {
	// Typed is the word as typed, with its * or ~.
	Typed string
	// Total is how many corpus terms it matched; Searched how many of them
	// the search used (a prefix keeps the MaxExpansions most widespread).
	Total, Searched int
	// TooBroad is set when the prefix matched so many terms that it was not
	// searched at all: a longer prefix is needed.
	TooBroad bool
	// Words are the terms searched, most frequent first, at most
	// MaxExpansionWords, each by its most common spelling in the corpus and
	// its number of occurrences.
	Words []WordForm
}

// MaxExpansionWords is the most words an Expansion lists.
const MaxExpansionWords = 10

// expansion is a prefix or fuzzy word and the index keys it was widened to.
type expansion struct {
	typed    string
	keys     []index.Key
	total    int
	tooBroad bool
}

// describeExpansions turns the plan's expansions into what the page shows:
// each key by its most common spelling, most frequent first.
func (e *Engine) describeExpansions(xs []expansion) ([]Expansion, error) {
	var out []Expansion
	for _, x := range xs {
		d := Expansion{Typed: x.typed, Total: x.total, Searched: len(x.keys), TooBroad: x.tooBroad}
		for _, k := range x.keys {
			forms, err := e.ix.Forms(k)
			if err != nil {
				return nil, err
			}
			w := WordForm{Term: x.typed}
			best := -1
			for _, f := range forms {
				w.Count += f.Count
				if f.Count > best {
					w.Form, best = f.Spelling, f.Count
				}
			}
			if w.Form != "" {
				d.Words = append(d.Words, w)
			}
		}
		sort.SliceStable(d.Words, func(i, j int) bool { return d.Words[i].Count > d.Words[j].Count })
		d.Words = d.Words[:min(len(d.Words), MaxExpansionWords)]
		out = append(out, d)
	}
	return out, nil
}
