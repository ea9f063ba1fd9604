package arabic

// Token is one word of the original text.
//
// Start and End are byte offsets into the text given to Tokenize or Analyze,
// so text[Start:End] == Text. A token keeps its harakat, tatweel and any
// zero-width marks inside it: a highlight drawn from these offsets never cuts
// a letter from its marks, and never includes the punctuation around the word.
type Token struct {
	Start, End int
	Text       string
	// Position is the index of the token among all tokens of the text
	// (stop words included), used for phrase matching.
	Position int
	// Norm is the orthography-folded form (no harakat, hamza seats folded...),
	// the key of exact-form matching.
	Norm string
	// Term is the index term (normalized and stemmed); "" for a stop word.
	Term string
}
