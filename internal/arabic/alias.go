package arabic

import (
	_ "embed"
	"strings"
	"sync"
)

// aliasData is the alias table: one group per line, "name<TAB>form | form",
// '#' comments. See the header of aliases.tsv.
//
//go:embed aliases.tsv
var aliasData string

// Alias is one query phrase that belongs to an alias group.
type Alias struct {
	Group string // the group's name, e.g. "داعش"
	// Start, End: the matched run of query tokens, as indexes into the
	// []Token that Analyze(query) returns (End exclusive).
	Start, End int
	// Others are the group's other forms, as written in the table, e.g.
	// ["تنظيم الدولة", "الدولة الإسلامية", "ISIS", "Daesh"], excluding forms
	// that analyze to the same terms as the matched run.
	Others []string
}

// aliasGroup is one line of the table.
type aliasGroup struct {
	name   string
	forms  []string
	keys   [][]string // keys[i]: the match keys of forms[i], one per token
	terms  [][]string // terms[i]: the analyzed keys of forms[i] (no "=")
	arabic string     // the first form written in Arabic script
}

// aliasForm is one form of a group, indexed by the key of its first token.
type aliasForm struct {
	group int
	form  int
}

type aliasTable struct {
	groups  []aliasGroup
	byFirst map[string][]aliasForm // longest form first
	latin   map[string]int         // one-word Latin form (lowercased) → group
}

var aliases = sync.OnceValue(func() *aliasTable { return parseAliases(aliasData) })

// matchKey is what alias matching compares for a token: its term, or for a
// stop word (no term) its normalized form, so "في" inside a form still has to
// be there. Hashtag tokens (#داعش as a whole) carry no key: their words come
// as tokens of their own right after them.
func matchKey(t Token) string {
	if t.Term != "" {
		if t.Term[0] == '#' {
			return ""
		}
		return t.Term
	}
	return t.Norm
}

// analyzedKeys returns the match keys of a phrase, skipping whole-hashtag
// tokens exactly as FindAliases does.
func analyzedKeys(phrase string) []string {
	var keys []string
	for _, t := range Analyze(phrase) {
		if k := matchKey(t); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func parseAliases(data string) *aliasTable {
	tab := &aliasTable{byFirst: map[string][]aliasForm{}, latin: map[string]int{}}
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		name, list, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		g := aliasGroup{name: strings.TrimSpace(name)}
		gi := len(tab.groups)
		for f := range strings.SplitSeq(list, "|") {
			f = strings.TrimSpace(f)
			exact := strings.HasPrefix(f, "=")
			f = strings.TrimPrefix(f, "=")
			terms := analyzedKeys(f)
			if len(terms) == 0 {
				continue
			}
			keys := terms
			if exact {
				// An ambiguous one-word form matches its own spelling only
				// (النصرة, not النصر "victory").
				keys = []string{"=" + Normalize(f)}
			}
			fi := len(g.forms)
			g.forms = append(g.forms, f)
			g.keys = append(g.keys, keys)
			g.terms = append(g.terms, terms)
			if g.arabic == "" && isArabicScript(f) {
				g.arabic = f
			}
			if len(keys) == 1 && !exact && !isArabicScript(f) {
				if _, dup := tab.latin[keys[0]]; !dup {
					tab.latin[keys[0]] = gi
				}
			}
			tab.byFirst[keys[0]] = append(tab.byFirst[keys[0]], aliasForm{gi, fi})
		}
		tab.groups = append(tab.groups, g)
	}
	for k, forms := range tab.byFirst {
		// Longest first; insertion sort, the lists are short.
		for i := 1; i < len(forms); i++ {
			for j := i; j > 0 && tab.formLen(forms[j]) > tab.formLen(forms[j-1]); j-- {
				forms[j], forms[j-1] = forms[j-1], forms[j]
			}
		}
		tab.byFirst[k] = forms
	}
	return tab
}

func (tab *aliasTable) formLen(f aliasForm) int { return len(tab.groups[f.group].keys[f.form]) }

// isArabicScript reports whether s contains an Arabic letter.
func isArabicScript(s string) bool {
	for _, r := range s {
		if classify(r) == classArabic {
			return true
		}
	}
	return false
}

// FindAliases returns the alias groups that runs of the analyzed query tokens
// belong to, longest run first, non-overlapping, left to right. Matching
// compares analyzed Terms (so clitics count: بتويتر is تويتر; "فيس بوك" matches
// the two-token form; Latin forms compare lowercased). A stop word inside a
// form compares by its normalized form, and a one-word form written "=form"
// in the table by the token's normalized form (the exact spelling, clitics
// included), for forms whose term is also a common word. The whole-hashtag token that Analyze
// adds before a hashtag's words is skipped; its words match like any others.
func FindAliases(tokens []Token) []Alias {
	tab := aliases()
	var out []Alias
	for i := 0; i < len(tokens); {
		matched := false
		for _, f := range tab.formsAt(tokens[i]) {
			end, ok := matchRun(tokens, i, tab.groups[f.group].keys[f.form])
			if !ok {
				continue
			}
			g := &tab.groups[f.group]
			mine := g.terms[f.form]
			others := make([]string, 0, len(g.forms)-1)
			for j, form := range g.forms {
				if !equalKeys(g.terms[j], mine) {
					others = append(others, form)
				}
			}
			out = append(out, Alias{Group: g.name, Start: i, End: end, Others: others})
			i, matched = end, true
			break
		}
		if !matched {
			i++
		}
	}
	return out
}

// EachAliasMention calls visit for each mention of an alias group in the
// tokens of a text: for each group on its own, its longest form first,
// left to right, mentions of one group never overlapping ("تنظيم الدولة
// الإسلامية في العراق والشام" is one mention, where the group's forms
// overlap three times). Each group is matched apart from the others, so
// that a group's mentions do not depend on which other groups are looked
// for: the index counts every group's, a concordance finds its query's.
// Mentions come by where they start.
func EachAliasMention(tokens []Token, visit func(group string, start, end int)) {
	tab := aliases()
	free := map[int]int{} // group → the first token its next mention may start at
	for i := range tokens {
		for _, f := range tab.formsAt(tokens[i]) {
			// A group's longer forms come first: once one matched here,
			// free puts its shorter ones, and its next mentions, after it.
			if i < free[f.group] {
				continue
			}
			end, ok := matchRun(tokens, i, tab.groups[f.group].keys[f.form])
			if !ok {
				continue
			}
			visit(tab.groups[f.group].name, i, end)
			free[f.group] = end
		}
	}
}

// formsAt lists the forms that may start at a token, the longest first,
// then the one-word forms matched by the exact spelling ("=form").
func (tab *aliasTable) formsAt(t Token) []aliasForm {
	k := matchKey(t)
	if k == "" {
		return nil
	}
	forms := tab.byFirst[k]
	if exact := tab.byFirst["="+t.Norm]; len(exact) > 0 {
		forms = append(forms[:len(forms):len(forms)], exact...)
	}
	return forms
}

// matchRun reports whether keys match the tokens from i on (skipping
// whole-hashtag tokens) and returns the index after the run.
func matchRun(tokens []Token, i int, keys []string) (int, bool) {
	for _, want := range keys {
		for i < len(tokens) && tokens[i].Term != "" && tokens[i].Term[0] == '#' {
			i++
		}
		if i >= len(tokens) {
			return 0, false
		}
		if got := matchKey(tokens[i]); got != want && (want[0] != '=' || want[1:] != tokens[i].Norm) {
			return 0, false
		}
		i++
	}
	return i, true
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// buckwalter maps the Buckwalter transliteration letters to Arabic (the
// note's table, plus { for alef wasla and ` for the superscript alef).
// Harakat (a u i F N K ~ o) map to 0: dropped.
var buckwalter = func() [128]rune {
	var t [128]rune
	// Alternating ASCII key and Arabic letter.
	pairs := []rune("AاbبtتvثjجHحxخdدrرzزsسSصDضTطZظEعgغfفqقkكlلmمnنhهwوyيYىpة'ء>أ<إ|آ&ؤ}ئ*ذ$ش{ٱ`ٰ")
	for i := 0; i+1 < len(pairs); i += 2 {
		t[pairs[i]] = pairs[i+1]
	}
	for _, h := range "auiFNK~o" {
		t[h] = -1
	}
	return t
}()

// buckwalterSignal are characters that occur in Buckwalter but never in an
// ordinary Latin word: a word with one of them is Buckwalter for sure.
const buckwalterSignal = "$*|<>&}{`~'AHSDTZEYp"

// fromBuckwalter decodes word; ok is false when a character is not in the
// table or nothing but harakat remain. signal says the word has a character
// that only Buckwalter uses.
func fromBuckwalter(word string) (arabic string, signal, ok bool) {
	var b strings.Builder
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 128 || buckwalter[c] == 0 {
			return "", false, false
		}
		if strings.IndexByte(buckwalterSignal, c) >= 0 {
			signal = true
		}
		if r := buckwalter[c]; r > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "", false, false
	}
	return b.String(), signal, true
}

// FromLatin maps a Latin-script query word to Arabic: a Latin alias form
// (daesh, twitter, telegram → the group's first Arabic form, which may be
// several words: usa → الولايات المتحدة) or, failing that, its Buckwalter
// transliteration (dAE$ → داعش; harakat letters a u i F N K ~ o dropped).
// Pass the word as typed: Buckwalter is case-sensitive (s س, S ص).
//
// With known == nil it returns the alias form, or a Buckwalter decoding when
// the word has a character only Buckwalter uses ($ * | < > & } { ` ~ ' or
// one of the capitals A H S D T Z E Y, or p); "hello" or "dash" are not taken
// for Arabic. With known != nil it returns the first candidate (alias form
// first, then Buckwalter, signal or not) whose every analyzed term known
// accepts, so the caller can check candidates against the corpus vocabulary.
// ok is false when no candidate qualifies.
func FromLatin(word string, known func(term string) bool) (arabicWord string, ok bool) {
	word = strings.TrimSpace(word)
	if word == "" {
		return "", false
	}
	var candidates []string
	tab := aliases()
	if keys := analyzedKeys(word); len(keys) == 1 {
		if gi, found := tab.latin[keys[0]]; found && tab.groups[gi].arabic != "" {
			candidates = append(candidates, tab.groups[gi].arabic)
		}
	}
	bw, signal, isBW := fromBuckwalter(word)
	if known == nil {
		if len(candidates) > 0 {
			return candidates[0], true
		}
		if isBW && signal {
			return bw, true
		}
		return "", false
	}
	if isBW {
		candidates = append(candidates, bw)
	}
	for _, c := range candidates {
		terms := Terms(c)
		if len(terms) == 0 {
			continue
		}
		all := true
		for _, t := range terms {
			if !known(t) {
				all = false
				break
			}
		}
		if all {
			return c, true
		}
	}
	return "", false
}

// AliasPhrases lists the forms of the alias table that analyze to several
// words ("تنظيم الدولة", "فيس بوك", "Islamic State"), as the table writes
// them, each once: the phrases an alias expansion searches, which an index
// may store as keys of their own so that a search reads no positions for
// them (see index.Options.Phrases).
func AliasPhrases() []string {
	tab := aliases()
	var out []string
	seen := map[string]bool{}
	for _, g := range tab.groups {
		for i, f := range g.forms {
			if len(g.terms[i]) > 1 && !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}
