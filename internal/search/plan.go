package search

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	"marsad/internal/index"
	"marsad/internal/query"
)

// plan is an evaluated query: the matching documents and the positive leaves
// that score and highlight them.
type plan struct {
	docs   []int32 // ascending
	leaves []*leaf // positive words and phrases, in query order
}

// leaf is a word or phrase reduced to postings keys. A single slot is a word
// matched by its Term; several slots are a phrase, matched at consecutive
// positions (stop words by their normalized form). An exact leaf has only
// exact keys (index.ExactKey).
type leaf struct {
	slots []slot
	exact bool
	alias aliasMember              // group 0: not part of an alias expansion
	docs  []int32                  // documents matching in any field, ascending
	tf    [index.NumFields][]int32 // occurrences per field, aligned with docs
}

type slot struct {
	key    string
	offset int32 // position relative to the first slot
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
}

func (e *Engine) plan(n query.Node, groups map[leafKey]aliasMember) *plan {
	ev := &evaluator{e: e, groups: groups}
	docs, ignored := ev.eval(n, true)
	if ignored {
		ev = &evaluator{e: e, stopFallback: true, groups: groups}
		docs, _ = ev.eval(n, true)
	}
	return &plan{docs: docs, leaves: ev.leaves}
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
		return ev.evalText(n.Text, true, positive)
	case query.Exact:
		return ev.evalExact(n.Text, positive)
	case query.Field:
		return ev.evalField(n), false
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
		for _, c := range n.Children {
			if not, ok := c.(query.Not); ok {
				d, ign := ev.eval(not.Child, !positive)
				if !ign {
					excluded = append(excluded, d)
				}
				continue
			}
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
	l := ev.e.match(slots)
	l.alias = ev.groups[leafKey{text, isPhrase}]
	return ev.record(l, positive), false
}

// evalExact matches an exact form: every token by its normalized form.
func (ev *evaluator) evalExact(text string, positive bool) ([]int32, bool) {
	toks := analyzeQuery(text)
	var slots []slot
	for _, t := range toks {
		if t.Norm != "" {
			slots = append(slots, slot{key: index.ExactKey(t.Norm), offset: int32(t.Position - toks[0].Position)})
		}
	}
	if len(slots) == 0 {
		return nil, true
	}
	l := ev.e.match(slots)
	l.exact = true
	return ev.record(l, positive), false
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
		if !index.IsStopKey(key) {
			hasTerm = true
		}
		slots = append(slots, slot{key: key, offset: int32(t.Position - toks[0].Position)})
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
			if !index.IsStopKey(s.key) {
				content = append(content, s)
			}
		}
		if len(content) == 1 {
			slots = []slot{{key: content[0].key}}
		}
	}
	return slots, true
}

func (ev *evaluator) evalField(f query.Field) []int32 {
	ix := ev.e.ix
	var out []int32
	switch f.Name {
	case query.FieldYear:
		for i := 0; i < ix.NumDocs(); i++ {
			if ix.Year(i) == f.Value {
				out = append(out, int32(i))
			}
		}
	case query.FieldEntity:
		names := ev.e.entityNames(f.Value)
		for i := 0; i < ix.NumDocs(); i++ {
			for _, name := range names {
				if mentions(ix.Doc(i).Entities, name) {
					out = append(out, int32(i))
					break
				}
			}
		}
	case query.FieldSource:
		want := normWords(f.Value)
		for i := 0; i < ix.NumDocs(); i++ {
			if containsRun(ev.e.sourceNorms[i], want) {
				out = append(out, int32(i))
			}
		}
	}
	return out
}

// match finds the documents containing the slots in either field.
func (e *Engine) match(slots []slot) *leaf {
	l := &leaf{slots: slots}
	var perField [index.NumFields]map[int32]int32
	for f := index.Field(0); f < index.NumFields; f++ {
		perField[f] = e.matchField(f, slots)
	}
	seen := map[int32]bool{}
	for f := range perField {
		for d := range perField[f] {
			if !seen[d] {
				seen[d] = true
				l.docs = append(l.docs, d)
			}
		}
	}
	sort.Slice(l.docs, func(i, j int) bool { return l.docs[i] < l.docs[j] })
	for f := range perField {
		l.tf[f] = make([]int32, len(l.docs))
		for i, d := range l.docs {
			l.tf[f][i] = perField[f][d]
		}
	}
	return l
}

// matchField returns, per matching document, the number of occurrences of
// the slots in one field.
func (e *Engine) matchField(f index.Field, slots []slot) map[int32]int32 {
	out := map[int32]int32{}
	lists := make([][]index.Posting, len(slots))
	for i, s := range slots {
		lists[i] = e.ix.Postings(f, s.key)
		if len(lists[i]) == 0 {
			return out
		}
	}
	if len(slots) == 1 {
		for _, p := range lists[0] {
			out[p.Doc] = int32(len(p.Positions))
		}
		return out
	}
	// Walk the first list; find the same document in the others (all are
	// sorted by document, so a cursor per list moves forward only).
	cursors := make([]int, len(slots))
next:
	for _, p := range lists[0] {
		rest := make([][]int32, len(slots))
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
				ok = containsPos(rest[i], start+slots[i].offset-slots[0].offset)
			}
			if ok {
				n++
			}
		}
		if n > 0 {
			out[p.Doc] = n
		}
	}
	return out
}

func containsPos(sorted []int32, p int32) bool {
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= p })
	return i < len(sorted) && sorted[i] == p
}

// scored reports whether any leaf contributes relevance.
func (p *plan) scored() bool { return len(p.leaves) > 0 }

// score computes BM25 for the given documents: for each positive leaf the
// document matches, idf × Σ over fields of boost × saturated, length
// normalized term frequency. Phrases score like terms with their phrase
// frequency and document frequency.
//
// The names of one alias group (داعش, تنظيم الدولة, ISIS…) score as one
// term, the way Lucene scores synonyms: the document frequency is that of
// any of the names, and the term frequency adds each name's occurrences
// weighted by aliasWeight for the names the visitor did not type. So an
// article that names the entity five ways is not five times as relevant, and
// a rare alias does not outweigh the word that was typed.
func (p *plan) score(ix *index.Index, docs []int32) []float64 {
	at := make(map[int32]int, len(docs))
	for i, d := range docs {
		at[d] = i
	}
	scores := make([]float64, len(docs))
	n := float64(ix.NumDocs())
	var avg [index.NumFields]float64
	for f := index.Field(0); f < index.NumFields; f++ {
		avg[f] = ix.AvgDocLen(f)
	}
	boost := [index.NumFields]float64{index.Title: titleBoost, index.Text: 1}
	bm25 := func(idf float64, d int32, tf [index.NumFields]float64) float64 {
		var s float64
		for f := index.Field(0); f < index.NumFields; f++ {
			if tf[f] == 0 {
				continue
			}
			norm := 1.0
			if avg[f] > 0 {
				norm = 1 - b + b*float64(ix.DocLen(f, int(d)))/avg[f]
			}
			s += boost[f] * tf[f] * (k1 + 1) / (tf[f] + k1*norm)
		}
		return idf * s
	}
	idfOf := func(df int) float64 { return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5)) }

	// groupTF[g][d]: the weighted frequencies of group g's names in d.
	groupTF := map[int]map[int32]*[index.NumFields]float64{}
	for _, l := range p.leaves {
		g := l.alias.group
		if g != 0 && groupTF[g] == nil {
			groupTF[g] = map[int32]*[index.NumFields]float64{}
		}
		idf := idfOf(len(l.docs))
		for i, d := range l.docs {
			var tf [index.NumFields]float64
			for f := index.Field(0); f < index.NumFields; f++ {
				tf[f] = float64(l.tf[f][i])
			}
			if g == 0 {
				if k, ok := at[d]; ok {
					scores[k] += bm25(idf, d, tf)
				}
				continue
			}
			acc := groupTF[g][d]
			if acc == nil {
				acc = new([index.NumFields]float64)
				groupTF[g][d] = acc
			}
			for f := range tf {
				acc[f] += l.alias.weight * tf[f]
			}
		}
	}
	// Groups in a fixed order: float sums must not depend on map order, or
	// equal scores would break ties differently from run to run.
	groups := make([]int, 0, len(groupTF))
	for g := range groupTF {
		groups = append(groups, g)
	}
	sort.Ints(groups)
	for _, g := range groups {
		perDoc := groupTF[g]
		idf := idfOf(len(perDoc))
		for d, tf := range perDoc {
			if k, ok := at[d]; ok {
				scores[k] += bm25(idf, d, *tf)
			}
		}
	}
	return scores
}

// terms lists the leaves for display, each once.
func (p *plan) terms() []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range p.leaves {
		s := ""
		for i, sl := range l.slots {
			if i > 0 {
				s += " "
			}
			s += stripStopKey(sl.key)
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

// spans re-analyzes text and returns the tokens to highlight: those whose
// key is a positive query word, and every token of each phrase occurrence.
func (p *plan) spans(text string) []Span {
	if len(p.leaves) == 0 || text == "" {
		return nil
	}
	// A token is marked by its key, or by its norm for an exact key (the
	// key of a stop word is both).
	prefix := len(index.ExactKey(""))
	words := map[string]bool{}
	norms := map[string]bool{}
	var phrases []*leaf
	for _, l := range p.leaves {
		if k := l.slots[0].key; len(l.slots) == 1 {
			words[k] = true
			if index.IsStopKey(k) {
				norms[k[prefix:]] = true
			}
		} else {
			phrases = append(phrases, l)
		}
	}
	toks := analyze(text)
	keys := make([]string, len(toks))
	byPos := make(map[int]int, len(toks))
	for i, t := range toks {
		keys[i] = index.KeyOf(t)
		byPos[t.Position] = i
	}
	is := func(i int, key string) bool {
		return keys[i] == key || (index.IsStopKey(key) && toks[i].Norm == key[prefix:])
	}
	marked := make([]bool, len(toks))
	for i, k := range keys {
		if words[k] || norms[toks[i].Norm] {
			marked[i] = true
		}
	}
	for _, l := range phrases {
		for i := range keys {
			if !is(i, l.slots[0].key) {
				continue
			}
			hit := make([]int, 0, len(l.slots))
			hit = append(hit, i)
			for _, s := range l.slots[1:] {
				j, ok := byPos[toks[i].Position+int(s.offset-l.slots[0].offset)]
				if !ok || !is(j, s.key) {
					hit = nil
					break
				}
				hit = append(hit, j)
			}
			for _, j := range hit {
				marked[j] = true
			}
		}
	}
	var out []Span
	for i, m := range marked {
		if m {
			start, end := toks[i].Start, wordEnd(text, toks[i].End)
			out = append(out, Span{Start: start, End: end, Text: text[start:end]})
		}
	}
	return out
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
