package arabic

import "strings"

// Analyze tokenizes text and fills Norm and Term of every token; Term is ""
// for stop words. Documents and queries go through this same function, so a
// query word meets the article word whatever its spelling and clitics.
func Analyze(text string) []Token {
	tokens := Tokenize(text)
	var inNames []int // stop words that may be part of a person's name
	for i := range tokens {
		surface := tokens[i].Text
		norm, hamzaAlef, whole := normalizeWord(surface)
		tokens[i].Norm = norm
		switch {
		case whole:
			tokens[i].Term = norm
		case !IsStopWord(norm):
			tokens[i].Term = stemWord(surface, norm, hamzaAlef)
		default:
			// A stop word is not stemmed, unless it is part of a name.
			if _, ok := nameRunsOf[norm]; ok {
				inNames = append(inNames, i)
			}
		}
	}
	if inNames != nil {
		termsInNames(tokens, inNames)
	}
	return tokens
}

// nameRun is a person's name that holds a stop word, as norms.
type nameRun []string

// nameRunsOf lists, for each stop word that is part of such a name, the
// names and where in each the word stands.
var nameRunsOf = func() map[string][]nameRunAt {
	m := map[string][]nameRunAt{}
	for line := range strings.SplitSeq(personNameRuns, "\n") {
		var run nameRun
		for _, w := range strings.Fields(line) {
			run = append(run, Normalize(w))
		}
		for k, norm := range run {
			if IsStopWord(norm) {
				m[norm] = append(m[norm], nameRunAt{run, k})
			}
		}
	}
	return m
}()

type nameRunAt struct {
	run nameRun
	at  int
}

// termsInNames gives a stop word a term where it stands in a person's
// name (candidates are the stop words that are part of some name): بان and كي of بان كي مون, على of على عبد الله صالح. Searching the
// name then needs every word of it, not only مون.
func termsInNames(tokens []Token, candidates []int) {
	for _, i := range candidates {
		if tokens[i].Term != "" {
			continue // made a term by an earlier name
		}
		for _, r := range nameRunsOf[tokens[i].Norm] {
			start := i - r.at
			if start < 0 || start+len(r.run) > len(tokens) || !matchesRun(tokens[start:start+len(r.run)], r.run) {
				continue
			}
			for k := start; k < start+len(r.run); k++ {
				if tokens[k].Term == "" {
					_, tokens[k].Term = analyzeWord(tokens[k].Text)
				}
			}
			break
		}
	}
}

// matchesRun reports whether tokens are the words of run. The first may
// carry proclitics, which a name takes like any word: وبان كي مون، لبان كي
// مون.
func matchesRun(tokens []Token, run nameRun) bool {
	for k, norm := range run {
		if tokens[k].Norm == norm {
			continue
		}
		if k > 0 {
			return false
		}
		proclitics, ok := strings.CutSuffix(tokens[0].Norm, norm)
		if !ok || !nameProclitics[proclitics] {
			return false
		}
	}
	return true
}

// nameProclitics are the proclitics a name's first word may carry: the
// conjunctions و ف and the prepositions ب ك ل, alone or after a conjunction.
var nameProclitics = map[string]bool{
	"و": true, "ف": true, "ب": true, "ك": true, "ل": true,
	"وب": true, "وك": true, "ول": true, "فب": true, "فك": true, "فل": true,
}

// Norms tokenizes text and fills only the Norm of every token: the same
// norms as Analyze, without the cost of stemming. Highlighting uses it: the
// index lists the norms each term was found under, so a page of results can
// be marked without stemming every word of it again.
func Norms(text string) []Token {
	tokens := Tokenize(text)
	for i := range tokens {
		tokens[i].Norm = normOf(tokens[i].Text)
	}
	return tokens
}

// NormOf is the norm Analyze gives a token (its Text, as Tokenize cuts
// it), without the cost of stemming it: what Norms gives each token.
func NormOf(token string) string { return normOf(token) }

// normOf is the norm analyzeWord gives a token.
func normOf(surface string) string {
	switch surface[0] {
	case '#':
		norm, _ := analyzeWord(surface)
		return norm
	case '@', 'h', 'H', 'w', 'W':
		if strings.ContainsAny(surface, "@.:/") {
			return Normalize(surface)
		}
	}
	return Normalize(surface)
}

// Terms returns the non-empty terms of text in order.
func Terms(text string) []string {
	tokens := Analyze(text)
	terms := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if t.Term != "" {
			terms = append(terms, t.Term)
		}
	}
	return terms
}

// analyzeWord returns the normalized form and the term of one token. It
// normalizes and stems in one place because the stemmer must know which
// alefs carried a hamza before folding: an initial إل/أل is never the
// article, so إلكترونيا and الإلكتروني both reach the same stem.
func analyzeWord(surface string) (norm, term string) {
	norm, hamzaAlef, whole := normalizeWord(surface)
	if whole {
		return norm, norm
	}
	return norm, stemWord(surface, norm, hamzaAlef)
}

// normalizeWord returns the norm of a token and which of its letters were
// an alef with hamza or madda (see stemWithHamzaMask); whole says the token
// is a hashtag, a handle or a URL, whose term is its norm.
func normalizeWord(surface string) (norm string, hamzaAlef uint8, whole bool) {
	switch surface[0] {
	case '#': // a whole hashtag (see Tokenize)
		norm = "#"
		for w := range strings.SplitSeq(surface[1:], "_") {
			if w = Normalize(w); w != "" {
				if len(norm) > 1 {
					norm += "_"
				}
				norm += w
			}
		}
		return norm, 0, true
	case '@', 'h', 'H', 'w', 'W':
		if strings.ContainsAny(surface, "@.:/") { // a handle or a URL
			return Normalize(surface), 0, true
		}
	}
	norm, hamzaAlef = normalizeWithHamzaMask(surface)
	return norm, hamzaAlef, false
}

// stemWord is the term of a word that normalizeWord made norm.
func stemWord(surface, norm string, hamzaAlef uint8) string {
	if accusativeAlef(surface, norm) {
		// The alef of a written tanween (أحيانًا، سكانًا) is the case ending,
		// not the last letter of the word or of a pronoun نا: stem without it.
		return stemWithHamzaMask(norm[:len(norm)-len("ا")], hamzaAlef)
	}
	return stemWithHamzaMask(norm, hamzaAlef)
}

// accusativeAlef reports whether the final alef of norm carries (or
// follows) a written tanween fatha in surface: "ًا" or "اً".
func accusativeAlef(surface, norm string) bool {
	return strings.HasSuffix(norm, "ا") && letters(norm) >= 4 &&
		(strings.HasSuffix(surface, "ًا") || strings.HasSuffix(surface, "اً"))
}
