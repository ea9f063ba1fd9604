package search

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"marsad/internal/arabic"
	"marsad/internal/fuzzy"
	"marsad/internal/index"
	"marsad/internal/query"
)

// Bounds on what one query term may expand to, so that a keystroke stays
// cheap however broad the prefix or fuzzy word.
const (
	// MaxExpansions is the most index terms a prefix or fuzzy word searches.
	MaxExpansions = 64
	// maxFuzzy is the most near words a fuzzy word adds.
	maxFuzzy = 16
)

// maxFuzzyBytes bounds the term chunks a fuzzy word reads (compressed, as
// fetched): near words each in a chunk of their own, common words with
// large chunks, would otherwise cost up to 17 chunks of tens of kilobytes.
// The nearest words come first; one whose chunk would go over the bound is
// left out. On news-70k the fuzzy benchmark queries read 77-97 KB of term
// chunks. A variable for tests.
var maxFuzzyBytes int64 = 128 << 10

// matches is an evaluated query: the matching documents and the positive leaves
// that score and highlight them.
type matches struct {
	docs   []int32 // ascending
	leaves []*leaf // positive words and phrases, in query order
	// expansions are the prefix and fuzzy words of the query and the index
	// terms each was widened to.
	expansions []expansion
	err        error
	// normKey maps every form (norm) of the leaves' terms to its term, so
	// a text is marked by normalizing its words, without stemming them.
	normKey map[string]index.Key
	// tokens caches the analyzed texts marked so far.
	tokens map[string]analyzedText
	// asksNumber: the query is a question whose answer is a number or a
	// date (arabic.AsksForNumber); rerank prefers the texts that hold one.
	asksNumber   bool
	givenNumbers map[string]bool
}

// leaf is a word or phrase reduced to postings keys. A single slot is a word
// matched by its Term; several slots are a phrase, matched at consecutive
// positions (stop words by their normalized form). An exact slot matches
// only the form whose norm it names.
type leaf struct {
	slots []slot
	// within, for a phrase "…"~n, is n: the slots' offsets do not count,
	// every slot is within n positions of the first, either side.
	within int32
	exact  bool
	// phrase is the bundle's entry of the phrase the slots make, when it
	// indexed that phrase (see index.Options.Phrases): its documents and
	// its words' forms come from there rather than from positions.
	phrase *index.Phrase
	alias  aliasMember              // group 0: not part of an alias expansion
	docs   []int32                  // documents matching in any field, ascending
	tf     [index.NumFields][]int32 // occurrences per field, aligned with docs
}

type slot struct {
	key    index.Key
	norm   string // exact form: only the occurrences of this norm
	offset int32  // position relative to the first slot
	typed  string // for a word: the norm the visitor typed
}

// evaluator walks the query tree.
type evaluator struct {
	e *Engine
	// stopFallback: match words made only of stop words by their normalized
	// form instead of ignoring them. Used when ignoring them would leave
	// nothing to search for ("من هو"), rather than listing everything.
	stopFallback bool
	leaves       []*leaf
	groups       map[leafKey]aliasMember
	nextGroup    int
	expansions   []expansion
	err          error
}

func (ev *evaluator) fail(err error) {
	if err != nil && ev.err == nil {
		ev.err = err
	}
}

// matches evaluates a query against the index: the documents, and the
// leaves and forms that score and highlight them.
func (e *Engine) matches(n query.Node, groups map[leafKey]aliasMember) *matches {
	e.prefetch(n)
	ev := &evaluator{e: e, groups: groups, nextGroup: 1000}
	docs, ignored := ev.eval(n, true)
	if ignored && ev.err == nil {
		ev = &evaluator{e: e, stopFallback: true, groups: groups, nextGroup: 1000}
		docs, _ = ev.eval(n, true)
	}
	p := &matches{docs: docs, leaves: ev.leaves, expansions: ev.expansions, err: ev.err, normKey: map[string]index.Key{}, tokens: map[string]analyzedText{}}
	for _, l := range p.leaves {
		for i, s := range l.slots {
			if s.norm != "" || s.key.IsStop() {
				continue
			}
			if l.phrase != nil {
				// The forms the word takes inside the phrase: the only
				// ones a text's tokens are marked by for this leaf.
				for _, norm := range l.phrase.Norms[i] {
					if _, taken := p.normKey[norm]; !taken {
						p.normKey[norm] = s.key
					}
				}
				continue
			}
			forms, err := e.ix.Forms(s.key)
			if err != nil && p.err == nil {
				p.err = err
			}
			for _, fm := range forms {
				if _, taken := p.normKey[fm.Norm]; !taken {
					p.normKey[fm.Norm] = s.key
				}
			}
		}
	}
	return p
}

// textTokens returns the normalized tokens of a text with their index keys
// (a term through normKey, a stop word's StopKey, or "" for a word the
// query does not name).
func (p *matches) textTokens(text string) ([]arabic.Token, []index.Key) {
	if a, ok := p.tokens[text]; ok {
		return a.toks, a.keys
	}
	a := p.analyzeText(text)
	p.remember(text, a)
	return a.toks, a.keys
}

// remember caches an analyzed text, up to a page's worth and a few titles.
func (p *matches) remember(text string, a analyzedText) {
	if len(p.tokens) < 64 {
		p.tokens[text] = a
	}
}

// analyzedText is a text's tokens with their norms, and the key each token
// is marked by ("" for none).
type analyzedText struct {
	toks []arabic.Token
	keys []index.Key
}

// analyzeText tokenizes a text and keys its tokens. It only reads the matches,
// so texts may be analyzed at the same time.
func (p *matches) analyzeText(text string) analyzedText {
	return p.keyTokens(arabic.Norms(text))
}

// keyTokens keys tokens whose Norm is filled.
func (p *matches) keyTokens(toks []arabic.Token) analyzedText {
	keys := make([]index.Key, len(toks))
	for i, t := range toks {
		switch {
		case t.Norm == "":
		case arabic.IsStopWord(t.Norm):
			keys[i] = index.StopKey(t.Norm)
		default:
			keys[i] = p.normKey[t.Norm]
		}
	}
	return analyzedText{toks, keys}
}

// analyzeTexts analyzes texts on every processor at once: the texts of a
// page of results are most of a query's work, and natively there are
// several processors (in the browser there is one, and this is a loop).
func (p *matches) analyzeTexts(texts []string) {
	out := make([]analyzedText, len(texts))
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	var next atomic.Int32
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(texts); i = int(next.Add(1)) - 1 {
				if _, ok := p.tokens[texts[i]]; !ok {
					out[i] = p.analyzeText(texts[i])
				}
			}
		}()
	}
	wg.Wait()
	for i, a := range out {
		if a.toks != nil {
			p.remember(texts[i], a)
		}
	}
}

// prefetch fetches, in one parallel round, the chunks of every word and
// phrase of the query, so that a query costs one round trip rather than one
// per word.
func (e *Engine) prefetch(n query.Node) {
	var needs []index.Need
	query.Walk(n, func(n query.Node) bool {
		switch n := n.(type) {
		case query.Word:
			needs = appendNeeds(needs, n.Text, false)
		case query.Phrase:
			if n.Within > 0 {
				// Words near each other are matched from their positions,
				// whatever the bundle indexes; its stop words are not read.
				slots := nearSlots(n.Text)
				for _, s := range slots {
					needs = append(needs, index.Need{Key: s.key, Positions: len(slots) > 1, WithoutForms: true})
				}
				break
			}
			needs = appendNeeds(needs, n.Text, true)
		case query.Exact:
			for _, s := range exactSlots(n.Text) {
				needs = append(needs, index.Need{Key: s.key, Positions: true})
			}
		}
		return true
	})
	if len(needs) > 0 {
		// Errors surface again, with the file named, when the leaf reads.
		_ = e.ix.Prefetch(needs)
	}
}

// appendNeeds adds the keys a word or phrase reads: positions too when it
// analyzes to several tokens, unless the bundle indexes it as a phrase
// (indexedPhrases): its entry is then all it reads.
func appendNeeds(needs []index.Need, text string, isPhrase bool) []index.Need {
	slots, _ := wordSlots(text, isPhrase, true)
	if key, ok := phraseKey(slots); ok && indexedPhrases()[key] {
		return append(needs, index.Need{Key: key})
	}
	for _, s := range slots {
		needs = append(needs, index.Need{Key: s.key, Positions: len(slots) > 1, WithoutForms: true})
	}
	return needs
}

// eval returns the documents a node matches, ascending. ignored reports a node
// that has nothing to search for (only stop words or punctuation) and must be
// left out of its parent rather than match nothing or everything. Leaves under
// positive polarity are recorded for scoring and highlighting.
func (ev *evaluator) eval(n query.Node, positive bool) (docs []int32, ignored bool) {
	switch n := n.(type) {
	case query.Word:
		return ev.evalText(n.Text, false, positive)
	case query.Phrase:
		if n.Within > 0 {
			return ev.evalNear(n.Text, int32(n.Within), positive)
		}
		return ev.evalText(n.Text, true, positive)
	case query.Exact:
		return ev.evalExact(n.Text, positive)
	case query.Prefix:
		return ev.evalPrefix(n.Text, positive)
	case query.Fuzzy:
		return ev.evalFuzzy(n.Text, positive)
	case query.Field, query.DateRange:
		return ev.evalFilter(n), false
	case query.Not:
		return ev.eval(n.Child, !positive)
	case query.Or:
		var out []int32
		ignored = true
		for _, c := range n.Children {
			d, ign := ev.eval(c, positive)
			if ign {
				continue
			}
			ignored = false
			out = union(out, d)
		}
		return out, ignored
	case query.And:
		var out []int32
		first := true
		var excluded [][]int32
		exclusionsOnly := true
		for _, c := range n.Children {
			if not, ok := c.(query.Not); ok {
				d, ign := ev.eval(not.Child, !positive)
				if !ign {
					excluded = append(excluded, d)
				}
				continue
			}
			exclusionsOnly = false
			d, ign := ev.eval(c, positive)
			if ign {
				continue
			}
			if first {
				out, first = d, false
			} else {
				out = intersect(out, d)
			}
		}
		if exclusionsOnly && len(excluded) > 0 {
			// What is left of a query once its filters are taken out
			// (query.SplitFilters): every document but the excluded ones.
			out, first = ev.e.all(), false
		}
		if first {
			// Only stop words besides the exclusions.
			return nil, true
		}
		for _, x := range excluded {
			out = subtract(out, x)
		}
		return out, false
	}
	return nil, true
}

// evalText matches a word or phrase. A word that analyzes to several tokens
// ("covid-19") is matched as a phrase.
func (ev *evaluator) evalText(text string, isPhrase, positive bool) ([]int32, bool) {
	slots, ok := wordSlots(text, isPhrase, ev.stopFallback)
	if !ok {
		return nil, true
	}
	l := ev.e.match(slots, 0, ev.fail)
	l.alias = ev.groups[leafKey{text, isPhrase}]
	return ev.record(l, positive), false
}

// evalNear matches a phrase's words near each other ("…"~within): each
// within that many positions of the first, in any order. Stop words in it
// are left out, as between the words of a query: "near" counts the words
// between, whatever they are.
func (ev *evaluator) evalNear(text string, within int32, positive bool) ([]int32, bool) {
	slots := nearSlots(text)
	if len(slots) == 0 {
		return ev.evalText(text, true, positive) // only stop words: as a phrase
	}
	l := ev.e.match(slots, within, ev.fail)
	return ev.record(l, positive), false
}

// nearSlots are the slots of a proximity query's words: its words that are
// not stop words, without offsets.
func nearSlots(text string) []slot {
	var slots []slot
	for _, t := range analyzeQuery(text) {
		if key := index.KeyOf(t); key != "" && !key.IsStop() {
			slots = append(slots, slot{key: key, typed: t.Norm})
		}
	}
	return slots
}

// exactSlots are the slots of an exact form: every token by its norm.
func exactSlots(text string) []slot {
	toks := analyzeQuery(text)
	var slots []slot
	for _, t := range toks {
		if t.Norm == "" {
			continue
		}
		key := index.KeyOf(t)
		norm := t.Norm
		if key.IsStop() {
			norm = "" // a stop key is its norm already
		}
		slots = append(slots, slot{key: key, norm: norm, offset: int32(t.Position - toks[0].Position)})
	}
	return slots
}

// evalExact matches an exact form: every token by its normalized form.
func (ev *evaluator) evalExact(text string, positive bool) ([]int32, bool) {
	slots := exactSlots(text)
	if len(slots) == 0 {
		return nil, true
	}
	l := ev.e.match(slots, 0, ev.fail)
	l.exact = true
	return ev.record(l, positive), false
}

// evalPrefix matches the index terms that start with a prefix. Terms are
// stems, so the prefix is normalized and its article or conjunction removed
// the way the analyzer would; a verb's person prefix is folded like the
// stemmer folds it (تغري* also finds the terms filed under يغري).
func (ev *evaluator) evalPrefix(text string, positive bool) ([]int32, bool) {
	var keys []index.Key
	seen := map[index.Key]bool{}
	for _, p := range prefixKeys(text) {
		ks, err := ev.e.ix.KeysWithPrefix(p)
		if err == index.ErrTooBroad {
			ev.expansions = append(ev.expansions, expansion{typed: text + "*", tooBroad: true})
			return nil, false
		}
		ev.fail(err)
		for _, k := range ks {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	// Terms are stems: a prefix that goes past its word's stem (روسي* for
	// روسيا, whose term is روس) starts no term, but its own term is what
	// the visitor means.
	if toks := analyzeQuery(text); len(toks) == 1 && toks[0].Term != "" && !seen[index.Key(toks[0].Term)] {
		term := index.Key(toks[0].Term)
		n, err := ev.e.ix.DocFreq(term)
		ev.fail(err)
		if n > 0 {
			seen[term] = true
			keys = append([]index.Key{term}, keys...)
		}
	}
	total := len(keys)
	if len(keys) > MaxExpansions {
		// Keep the most widespread: they are what a visitor most likely
		// means, and the bound keeps a keystroke cheap.
		df := map[index.Key]int{}
		for _, k := range keys {
			n, err := ev.e.ix.DocFreq(k)
			ev.fail(err)
			df[k] = n
		}
		sort.SliceStable(keys, func(i, j int) bool { return df[keys[i]] > df[keys[j]] })
		keys = keys[:MaxExpansions]
	}
	ev.expansions = append(ev.expansions, expansion{typed: text + "*", keys: keys, total: total})
	weights := make([]float64, len(keys))
	for i := range weights {
		weights[i] = 1
	}
	return ev.group(keys, weights, positive), false
}

// prefixKeys turns a typed prefix into the key prefixes to look up.
func prefixKeys(text string) []string {
	norm := arabic.Normalize(text)
	for _, article := range []string{"وال", "فال", "بال", "كال", "ال"} {
		if strings.HasPrefix(norm, article) && utf8.RuneCountInString(norm) > utf8.RuneCountInString(article)+1 {
			norm = norm[len(article):]
			break
		}
	}
	if norm == "" {
		return nil
	}
	out := []string{norm}
	if strings.HasPrefix(norm, "ت") && utf8.RuneCountInString(norm) > 2 {
		out = append(out, "ي"+norm[len("ت"):])
	}
	return out
}

// evalFuzzy matches a word and the corpus words within a few Arabic-aware
// edits of it (see package fuzzy); the closer, the higher they score.
func (ev *evaluator) evalFuzzy(text string, positive bool) ([]int32, bool) {
	slots, ok := wordSlots(text, false, ev.stopFallback)
	if !ok || len(slots) != 1 || slots[0].key.IsStop() {
		return ev.evalText(text, false, positive)
	}
	key := slots[0].key
	vocab, err := ev.e.vocab()
	if err != nil {
		ev.fail(err)
		return nil, false
	}
	near := vocab.Near(string(key), fuzzy.MaxCost(string(key)), maxFuzzy)
	keys := []index.Key{key}
	weights := []float64{1}
	chunks := map[string]bool{}
	name, budget := ev.e.ix.TermChunk(key)
	chunks[name] = true
	for _, m := range near {
		// The bytes bound, whatever the cache holds: a query finds the
		// same every time.
		if name, size := ev.e.ix.TermChunk(index.Key(m.Key)); !chunks[name] {
			if budget+size > maxFuzzyBytes {
				continue
			}
			chunks[name] = true
			budget += size
		}
		keys = append(keys, index.Key(m.Key))
		weights = append(weights, math.Max(0.2, 1-0.4*m.Cost))
	}
	needs := make([]index.Need, len(keys))
	for i, k := range keys {
		needs[i] = index.Need{Key: k}
	}
	_ = ev.e.ix.Prefetch(needs)
	ev.expansions = append(ev.expansions, expansion{typed: text + "~", keys: keys, total: 1 + len(near)})
	return ev.group(keys, weights, positive), false
}

// group matches several keys as one alias group: they score as one term.
func (ev *evaluator) group(keys []index.Key, weights []float64, positive bool) []int32 {
	ev.nextGroup++
	lists := make([][]int32, 0, len(keys))
	for i, k := range keys {
		l := ev.e.match([]slot{{key: k}}, 0, ev.fail)
		l.alias = aliasMember{group: ev.nextGroup, weight: weights[i]}
		lists = append(lists, ev.record(l, positive))
	}
	return unionAll(lists, ev.e.ix.NumDocs())
}

// unionAll merges ascending document lists into one.
func unionAll(lists [][]int32, numDocs int) []int32 {
	if len(lists) <= 2 {
		var out []int32
		for _, l := range lists {
			out = union(out, l)
		}
		return out
	}
	set := newDocSet(numDocs)
	for _, l := range lists {
		set.addAll(l)
	}
	return set.sorted()
}

func (ev *evaluator) record(l *leaf, positive bool) []int32 {
	if positive {
		ev.leaves = append(ev.leaves, l)
	}
	return l.docs
}

// wordSlots reduces a word or phrase to postings keys; ok is false when it
// has nothing to search for.
func wordSlots(text string, isPhrase, stopFallback bool) (slots []slot, ok bool) {
	toks := analyzeQuery(text)
	hasTerm := false
	for _, t := range toks {
		key := index.KeyOf(t)
		if key == "" {
			continue
		}
		if !key.IsStop() {
			hasTerm = true
		}
		slots = append(slots, slot{key: key, offset: int32(t.Position - toks[0].Position), typed: t.Norm})
	}
	if len(slots) == 0 {
		return nil, false
	}
	if !isPhrase && !hasTerm && !stopFallback {
		return nil, false
	}
	if !isPhrase && hasTerm {
		// A word's stop-word parts (a clitic split off as its own token)
		// do not constrain it unless it is several content tokens.
		var content []slot
		for _, s := range slots {
			if !s.key.IsStop() {
				content = append(content, s)
			}
		}
		if len(content) == 1 {
			slots = []slot{{key: content[0].key, typed: content[0].typed}}
		}
	}
	return slots, true
}

// evalFilter evaluates a filter inside the query (under OR, or excluded)
// the way every filter is evaluated (see filterDocs).
func (ev *evaluator) evalFilter(n query.Node) []int32 {
	docs, err := ev.e.filterDocs(filterValue{node: n})
	ev.fail(err)
	return docs
}

// phraseKey is the key of the phrase the slots make, if the index can hold
// it as a phrase (index.PhraseKey): words at consecutive positions, none
// matched by its exact form.
func phraseKey(slots []slot) (index.Key, bool) {
	if len(slots) < 2 {
		return "", false
	}
	keys := make([]index.Key, len(slots))
	for i, s := range slots {
		if s.norm != "" || s.offset != int32(i) {
			return "", false
		}
		keys[i] = s.key
	}
	return index.PhraseKey(keys)
}

// indexedPhrases are the keys of the phrases a bundle indexes by default
// (index.Options.Phrases, the alias table's): a search plans to read their
// entries, not their words' positions. A bundle without one of them (built
// with another table) is read by positions all the same, a round trip
// later.
func indexedPhrases() map[index.Key]bool {
	phrasesOnce.Do(func() {
		phrases = map[index.Key]bool{}
		for _, text := range arabic.AliasPhrases() {
			if key, _, ok := index.PhraseKeyOf(analyze(text)); ok {
				phrases[key] = true
			}
		}
	})
	return phrases
}

var (
	phrasesOnce sync.Once
	phrases     map[index.Key]bool
)

// match finds the documents containing the slots in either field.
func (e *Engine) match(slots []slot, within int32, fail func(error)) *leaf {
	l := &leaf{slots: slots, within: within}
	var per [index.NumFields]index.DocPostings
	if key, ok := phraseKey(slots); ok && within == 0 {
		ph, err := e.ix.Phrase(key)
		fail(err)
		l.phrase = ph
	}
	for f := index.Field(0); f < index.NumFields; f++ {
		if l.phrase != nil {
			per[f] = l.phrase.Postings[f]
			continue
		}
		per[f] = e.matchField(f, slots, within, fail)
	}
	// Merge the two fields' hits, both sorted by document. Most words of a
	// prefix's or a fuzzy word's hundreds are in no title: their text hits
	// are copied whole rather than merged one by one.
	a, b := per[index.Title], per[index.Text]
	if a.Len() == 0 || b.Len() == 0 {
		only, f := b, index.Text
		if b.Len() == 0 {
			only, f = a, index.Title
		}
		l.docs = slices.Clone(only.Docs)
		for g := range l.tf {
			l.tf[g] = make([]int32, len(l.docs))
		}
		copy(l.tf[f], only.TFs)
		return l
	}
	size := a.Len() + b.Len()
	l.docs = make([]int32, 0, size)
	l.tf[index.Title] = make([]int32, 0, size)
	l.tf[index.Text] = make([]int32, 0, size)
	i, j := 0, 0
	for i < a.Len() || j < b.Len() {
		var d int32
		var ta, tb int32
		switch {
		case j == b.Len() || (i < a.Len() && a.Docs[i] < b.Docs[j]):
			d, ta = a.Docs[i], a.TFs[i]
			i++
		case i == a.Len() || b.Docs[j] < a.Docs[i]:
			d, tb = b.Docs[j], b.TFs[j]
			j++
		default:
			d, ta, tb = a.Docs[i], a.TFs[i], b.TFs[j]
			i++
			j++
		}
		l.docs = append(l.docs, d)
		l.tf[index.Title] = append(l.tf[index.Title], ta)
		l.tf[index.Text] = append(l.tf[index.Text], tb)
	}
	return l
}

// matchField returns the documents where the slots occur in one field, with
// the number of occurrences, sorted by document: at their offsets, or, when
// within > 0, each within that many positions of the first.
func (e *Engine) matchField(f index.Field, slots []slot, within int32, fail func(error)) index.DocPostings {
	if len(slots) == 1 && slots[0].norm == "" {
		ps, err := e.ix.Postings(f, slots[0].key)
		fail(err)
		return ps
	}
	lists := make([][]index.Posting, len(slots))
	for i, s := range slots {
		var ps []index.Posting
		var err error
		if s.norm != "" {
			ps, err = e.ix.Positions(f, s.key)
			ps = e.formOnly(s.key, s.norm, ps, fail)
		} else {
			// Where the word is, not which form: no form chunk.
			ps, err = e.ix.PositionsWithoutForms(f, s.key)
		}
		fail(err)
		if len(ps) == 0 {
			return index.DocPostings{}
		}
		lists[i] = ps
	}
	var out index.DocPostings
	if len(slots) == 1 {
		for _, p := range lists[0] {
			out.Docs = append(out.Docs, p.Doc)
			out.TFs = append(out.TFs, int32(len(p.Positions)))
		}
		return out
	}
	// Walk the first list; find the same document in the others (all are
	// sorted by document, so a cursor per list moves forward only).
	cursors := make([]int, len(slots))
	rest := make([][]int32, len(slots))
next:
	for _, p := range lists[0] {
		rest[0] = p.Positions
		for i := 1; i < len(slots); i++ {
			l := lists[i]
			c := cursors[i]
			for c < len(l) && l[c].Doc < p.Doc {
				c++
			}
			cursors[i] = c
			if c == len(l) || l[c].Doc != p.Doc {
				continue next
			}
			rest[i] = l[c].Positions
		}
		var n int32
		for _, start := range p.Positions {
			ok := true
			for i := 1; i < len(slots) && ok; i++ {
				if within > 0 {
					// A word asked twice is two occurrences of it.
					except := int32(-1)
					if slots[i].key == slots[0].key {
						except = start
					}
					ok = hasPosWithin(rest[i], start-within, start+within, except)
				} else {
					ok = containsPos(rest[i], start+slots[i].offset-slots[0].offset)
				}
			}
			if ok {
				n++
			}
		}
		if n > 0 {
			out.Docs = append(out.Docs, p.Doc)
			out.TFs = append(out.TFs, n)
		}
	}
	return out
}

// formOnly keeps the occurrences of one form of a key.
func (e *Engine) formOnly(key index.Key, norm string, ps []index.Posting, fail func(error)) []index.Posting {
	forms, err := e.ix.Forms(key)
	fail(err)
	id := -1
	for i, fm := range forms {
		if fm.Norm == norm {
			id = i
		}
	}
	if id < 0 {
		return nil
	}
	var out []index.Posting
	for _, p := range ps {
		var pos []int32
		for i, f := range p.Forms {
			if int(f) == id {
				pos = append(pos, p.Positions[i])
			}
		}
		if pos != nil {
			out = append(out, index.Posting{Doc: p.Doc, TF: int32(len(pos)), Positions: pos})
		}
	}
	return out
}

// hasPosWithin reports whether sorted holds a position from lo to hi other
// than except (-1 for none).
func hasPosWithin(sorted []int32, lo, hi, except int32) bool {
	for i := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= lo }); i < len(sorted) && sorted[i] <= hi; i++ {
		if sorted[i] != except {
			return true
		}
	}
	return false
}

func containsPos(sorted []int32, p int32) bool {
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= p })
	return i < len(sorted) && sorted[i] == p
}

// scored reports whether any leaf contributes relevance.
func (p *matches) scored() bool { return len(p.leaves) > 0 }

// score computes BM25 for the given documents (ascending): for each positive
// leaf the document matches, idf × Σ over fields of boost × saturated, length
// normalized term frequency. Phrases score like terms with their phrase
// frequency and document frequency. In partial and coverage mode, a
// document's score is also scaled by the share of the query it matches (see
// coverage).
//
// The names of one alias group (داعش, تنظيم الدولة, ISIS…) score as one
// term, the way Lucene scores synonyms: the document frequency is that of
// any of the names, and the term frequency adds each name's occurrences
// weighted by aliasWeight for the names the visitor did not type. So an
// article that names the entity five ways is not five times as relevant, and
// a rare alias does not outweigh the word that was typed. Prefix and fuzzy
// expansions are groups too.
func (p *matches) score(ix *index.Index, r Ranking, docs []int32, mode Mode) []float64 {
	numDocs := ix.NumDocs()
	scores := make([]float64, len(docs))
	cover := newCoverage(mode, len(docs), r)
	n := float64(numDocs)
	var avg [index.NumFields]float64
	for f := index.Field(0); f < index.NumFields; f++ {
		avg[f] = ix.AvgDocLen(f)
	}
	boost := [index.NumFields]float64{index.Title: r.TitleBoost, index.Text: 1}
	k1 := r.K1
	b := [index.NumFields]float64{index.Title: r.TitleB, index.Text: r.B}
	bm25 := func(idf float64, d int32, tf [index.NumFields]float64) float64 {
		var s float64
		for f := index.Field(0); f < index.NumFields; f++ {
			if tf[f] == 0 {
				continue
			}
			norm := 1.0
			if avg[f] > 0 {
				norm = 1 - b[f] + b[f]*float64(ix.DocLen(f, int(d)))/avg[f]
			}
			s += boost[f] * tf[f] * (k1 + 1) / (tf[f] + k1*norm)
		}
		return idf * s
	}
	idfOf := func(df int) float64 { return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5)) }
	// A word common in Arabic news at large weighs less than its IDF in
	// the collection alone says (see Ranking.Specificity).
	specific := func(key index.Key) float64 {
		if r.Specificity == 0 || key.IsStop() {
			return 1
		}
		return 1 - r.Specificity + r.Specificity*arabic.Specificity(key.Text())
	}

	// With many hits and several leaves (a prefix's or a fuzzy word's
	// hundreds of words), each leaf's postings are looked up in a map from
	// document to hit rather than aligned with every hit once per leaf.
	align := alignHits
	if len(docs) >= denseHits && len(p.leaves) > 1 {
		hitOf := make([]int32, numDocs) // 1 + the document's index in docs, or 0
		for k, d := range docs {
			hitOf[d] = int32(k + 1)
		}
		align = func(_, postings []int32, visit func(k, i int)) {
			for i, d := range postings {
				if k := hitOf[d]; k > 0 {
					visit(int(k-1), i)
				}
			}
		}
	}

	// Leaves of one group, in query order, by group.
	groups := map[int][]*leaf{}
	var ids []int
	for _, l := range p.leaves {
		g := l.alias.group
		if g == 0 {
			idf := idfOf(len(l.docs)) * specific(l.slots[0].key)
			cover.unit(idf)
			align(docs, l.docs, func(k, i int) {
				tf := [index.NumFields]float64{float64(l.tf[0][i]), float64(l.tf[1][i])}
				scores[k] += bm25(idf, docs[k], tf)
				cover.add(k, idf)
			})
			continue
		}
		if groups[g] == nil {
			ids = append(ids, g)
		}
		groups[g] = append(groups[g], l)
	}
	if len(groups) == 0 {
		return cover.apply(scores)
	}
	// Groups in a fixed order: float sums must not depend on map order, or
	// equal scores would break ties differently from run to run.
	sort.Ints(ids)
	acc := make([][index.NumFields]float64, len(docs)) // the group's weighted tf per hit
	var touched []int
	seen := newDocSet(numDocs)
	for _, g := range ids {
		// The group's document frequency: the documents naming any of it.
		df := 0
		for _, l := range groups[g] {
			df += seen.addAll(l.docs)
		}
		seen.clear()
		idf := idfOf(df) * specific(groups[g][0].slots[0].key)
		cover.unit(idf)
		for _, l := range groups[g] {
			align(docs, l.docs, func(k, i int) {
				t := &acc[k]
				if *t == ([index.NumFields]float64{}) {
					touched = append(touched, k)
				}
				for f := range t {
					t[f] += l.alias.weight * float64(l.tf[f][i])
				}
			})
		}
		for _, k := range touched {
			scores[k] += bm25(idf, docs[k], acc[k])
			cover.add(k, idf)
			acc[k] = [index.NumFields]float64{}
		}
		touched = touched[:0]
	}
	return cover.apply(scores)
}

// denseHits is how many hits make score map documents to hits with an array
// as long as the corpus, rather than align each leaf with the hits (a
// variable so that a test can score both ways).
var denseHits = 1024

// alignHits calls visit(k, i) for every document both in hits and in docs
// (both ascending), with its index in each. The shorter list is looked up in
// a much longer one by binary search rather than walked alongside it: a few
// hits against a common word's postings, and the other way round, the
// hundreds of rare words a prefix expands to against its tens of thousands
// of hits, where walking every hit for every word cost a WebAssembly page
// tens of milliseconds.
func alignHits(hits, docs []int32, visit func(k, i int)) {
	if len(hits) == 0 || len(docs) == 0 {
		return
	}
	if len(docs)*16 < len(hits) {
		searchEach(docs, hits, func(i, k int) { visit(k, i) })
		return
	}
	if len(hits)*16 < len(docs) {
		searchEach(hits, docs, visit)
		return
	}
	i := 0
	for k, d := range hits {
		for i < len(docs) && docs[i] < d {
			i++
		}
		if i == len(docs) {
			return
		}
		if docs[i] == d {
			visit(k, i)
		}
	}
}

// searchEach calls visit(s, l) for every document of short also in long
// (both ascending), with its index in each, by binary search in what is left
// of long after the last one found.
func searchEach(short, long []int32, visit func(s, l int)) {
	lo := 0
	for s, d := range short {
		l, found := slices.BinarySearch(long[lo:], d)
		lo += l
		if found {
			visit(s, lo)
		}
		if lo == len(long) {
			return
		}
	}
}

// docSet is a set of document numbers, one bit each: unions of many posting
// lists cost one pass over the lists and one over the bits, where merging
// them two at a time would copy the growing union once per list.
type docSet struct {
	bits []uint64
	n    int
}

func newDocSet(numDocs int) *docSet { return &docSet{bits: make([]uint64, (numDocs+63)/64)} }

// addAll adds documents and returns how many were new.
func (s *docSet) addAll(docs []int32) int {
	added := 0
	for _, d := range docs {
		w, bit := d>>6, uint64(1)<<(d&63)
		if s.bits[w]&bit == 0 {
			s.bits[w] |= bit
			added++
		}
	}
	s.n += added
	return added
}

// sorted lists the set's documents, ascending.
func (s *docSet) sorted() []int32 {
	out := make([]int32, 0, s.n)
	for w, word := range s.bits {
		for word != 0 {
			out = append(out, int32(w<<6+bits.TrailingZeros64(word)))
			word &= word - 1
		}
	}
	return out
}

// has reports whether d is in the set.
func (s *docSet) has(d int32) bool { return s.bits[d>>6]&(1<<(d&63)) != 0 }

func (s *docSet) clear() {
	clear(s.bits)
	s.n = 0
}

// terms lists the leaves for display, each once.
func (p *matches) terms() []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range p.leaves {
		s := ""
		for i, sl := range l.slots {
			if i > 0 {
				s += " "
			}
			if sl.norm != "" {
				s += sl.norm
			} else {
				s += sl.key.Text()
			}
		}
		if l.exact {
			if len(l.slots) > 1 {
				s = `"` + s + `"`
			}
			s = "=" + s
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// spans re-analyzes text and returns the tokens to highlight: those whose
// key is a positive query word, and every token of each phrase occurrence.
func (p *matches) spans(text string) []Span {
	if len(p.leaves) == 0 || text == "" {
		return nil
	}
	toks, keys := p.textTokens(text)
	return p.spansOf(text, toks, keys)
}

// spansOf is spans over a text's tokens and their keys (textTokens).
func (p *matches) spansOf(text string, toks []arabic.Token, keys []index.Key) []Span {
	if len(p.leaves) == 0 || len(toks) == 0 {
		return nil
	}
	// A token is marked by its key, or by its norm for an exact slot (the
	// key of a stop word is both).
	words := map[index.Key]bool{}
	norms := map[string]bool{}
	var phrases []*leaf
	for _, l := range p.leaves {
		if s := l.slots[0]; len(l.slots) == 1 {
			switch {
			case s.norm != "":
				norms[s.norm] = true
			case s.key.IsStop():
				norms[s.key.Text()] = true
			default:
				words[s.key] = true
			}
		} else {
			phrases = append(phrases, l)
		}
	}
	is := func(i int, s slot) bool {
		if s.norm != "" {
			return toks[i].Norm == s.norm
		}
		return keys[i] == s.key || (s.key.IsStop() && toks[i].Norm == s.key.Text())
	}
	// group[i] says which occurrence token i is part of: 0 for none, and
	// otherwise 1 + the index of a token of that occurrence. The longest
	// phrases are placed first, so that تنظيم الدولة الإسلامية is one
	// occurrence and not also the occurrence of الدولة الإسلامية inside it;
	// a phrase found over tokens already placed joins their occurrence.
	group := make([]int, len(toks))
	slices.SortStableFunc(phrases, func(a, b *leaf) int { return len(b.slots) - len(a.slots) })
	for _, l := range phrases {
		for i := range keys {
			if !is(i, l.slots[0]) {
				continue
			}
			hit := leafTokens(toks, is, i, l)
			g := i + 1
			for _, j := range hit {
				if group[j] != 0 {
					g = group[j]
					break
				}
			}
			for _, j := range hit {
				if group[j] == 0 {
					group[j] = g
				}
			}
		}
	}
	for i, k := range keys {
		if group[i] == 0 && ((k != "" && words[k]) || norms[toks[i].Norm]) {
			group[i] = i + 1
		}
	}
	var out []Span
	// number[g] is 1 + the number of the occurrence of group g, numbered
	// as they first appear; 0 until it appears.
	number := make([]int, len(toks)+1)
	next := 0
	for i, g := range group {
		if g == 0 {
			continue
		}
		if number[g] == 0 {
			next++
			number[g] = next
		}
		n := number[g] - 1
		start, end := toks[i].Start, wordEnd(text, toks[i].End)
		out = append(out, Span{Start: start, End: end, Text: text[start:end], Occurrence: n})
	}
	return out
}

// leafTokens finds the tokens of one occurrence of a leaf whose first slot
// is token i: a phrase's words at their offsets (of the tokens at a
// position, a hashtag's words among them, the first that is the slot), or
// a proximity leaf's near it (nearTokens). It returns i and those tokens,
// or nil when a slot has none. Highlights and occurrences both use it, so
// what is marked is what is counted.
func leafTokens(toks []arabic.Token, is func(int, slot) bool, i int, l *leaf) []int {
	if l.within > 0 {
		return nearTokens(toks, is, i, l)
	}
	hit := []int{i}
	for _, s := range l.slots[1:] {
		pos := toks[i].Position + int(s.offset-l.slots[0].offset)
		j := i
		for j > 0 && toks[j].Position >= pos {
			j--
		}
		for ; j < len(toks) && (toks[j].Position < pos || toks[j].Position == pos && !is(j, s)); j++ {
		}
		if j == len(toks) || toks[j].Position != pos {
			return nil
		}
		hit = append(hit, j)
	}
	return hit
}

// nearTokens finds the tokens of a proximity leaf ("…"~n) around token i,
// which is its first slot: for each other slot, the nearest token within
// n positions that is it (and not token i's position again, for a word
// asked twice). It returns i and those tokens, or nil when a slot has none.
func nearTokens(toks []arabic.Token, is func(int, slot) bool, i int, l *leaf) []int {
	at := toks[i].Position
	lo, hi := at-int(l.within), at+int(l.within)
	hit := []int{i}
	for _, s := range l.slots[1:] {
		best := -1
		for j := i - 1; j >= 0 && toks[j].Position >= lo; j-- {
			if toks[j].Position != at && is(j, s) {
				best = j
				break
			}
		}
		for j := i + 1; j < len(toks) && toks[j].Position <= hi; j++ {
			if toks[j].Position != at && is(j, s) {
				if best < 0 || toks[j].Position-at < at-toks[best].Position {
					best = j
				}
				break
			}
		}
		if best < 0 {
			return nil
		}
		hit = append(hit, best)
	}
	return hit
}

// wordEnd extends a token end over trailing tatweel and combining marks, so
// a highlight of the clitic in "لـ«داعش»" covers "لـ", never half a letter
// group, even if the tokenizer stops short.
func wordEnd(text string, end int) int {
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if r != '\u0640' && !unicode.Is(unicode.Mn, r) {
			break
		}
		end += size
	}
	return end
}

func union(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

func intersect(a, b []int32) []int32 {
	var out []int32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func subtract(a, b []int32) []int32 {
	var out []int32
	j := 0
	for _, d := range a {
		for j < len(b) && b[j] < d {
			j++
		}
		if j < len(b) && b[j] == d {
			continue
		}
		out = append(out, d)
	}
	return out
}
