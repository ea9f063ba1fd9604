package arabic

import "strings"

// Analyze tokenizes text and fills Norm and Term of every token; Term is ""
// for stop words. Documents and queries go through this same function, so a
// query word meets the article word whatever its spelling and clitics.
func Analyze(text string) []Token {
	tokens := Tokenize(text)
	for i := range tokens {
		norm, term := analyzeWord(tokens[i].Text)
		tokens[i].Norm = norm
		if !IsStopWord(norm) {
			tokens[i].Term = term
		}
	}
	return tokens
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
		return norm, norm
	case '@', 'h', 'H', 'w', 'W':
		if strings.ContainsAny(surface, "@.:/") { // a handle or a URL
			norm = Normalize(surface)
			return norm, norm
		}
	}
	norm, hamzaAlef := normalizeWithHamzaMask(surface)
	if accusativeAlef(surface, norm) {
		// The alef of a written tanween (أحيانًا، سكانًا) is the case ending,
		// not the last letter of the word or of a pronoun نا: stem without it.
		return norm, stemWithHamzaMask(norm[:len(norm)-len("ا")], hamzaAlef)
	}
	return norm, stemWithHamzaMask(norm, hamzaAlef)
}

// accusativeAlef reports whether the final alef of norm carries (or
// follows) a written tanween fatha in surface: "ًا" or "اً".
func accusativeAlef(surface, norm string) bool {
	return strings.HasSuffix(norm, "ا") && letters(norm) >= 4 &&
		(strings.HasSuffix(surface, "ًا") || strings.HasSuffix(surface, "اً"))
}
