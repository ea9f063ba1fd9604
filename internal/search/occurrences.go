package search

import (
	"slices"
	"sort"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/index"
)

// Occurrences is what a request matches, counted from the postings alone:
// no document is read. It is what package explore builds its concordance,
// trends and collocates on; Search answers "which documents, in which
// order", Occurrences "how often, and where".
//
// A request is read as Search reads it (the same parse, expansion with
// Request.Aliases, evaluation and filters: source:, date:, entity: typed in
// the query and the facet selections of the Request), except that a query
// that finds few documents is never relaxed to partial matches: a count of
// a query counts that query (as with Request.NoPartial). Offset, Limit and
// Sort are ignored.
//
// An Occurrences may be used by several goroutines at once.
type Occurrences struct {
	// Query is the canonical form of the parsed query ("" for a blank one).
	Query string
	// Terms are the analyzed positive query terms, as Result.Terms.
	Terms []string
	// AlsoSearched are the other names of an entity searched for the
	// query's words, as Result.AlsoSearched: counts that include them
	// must say so.
	AlsoSearched []AliasNote
	// Docs are the matching documents that pass the filters, ascending:
	// newest first (the index numbers documents by falling date).
	Docs []int32
	// Text and Title are the occurrences of the query in each document of
	// Docs, in the article text and in its title: for each distinct
	// positive word or phrase of the query (prefix or fuzzy expansions
	// included), its term frequency in the index; for a word that names an
	// alias group, the group's mentions (index.AliasKey), where its names
	// may overlap. A phrase counts once per occurrence, however many words
	// it has. Nil for a query that only filters.
	Text, Title []int32
	// Selected are the documents that pass the filters whatever the
	// query's content, ascending: the subcorpus the counts are relative
	// to (per 10,000 words).
	Selected []int32

	m      *matches
	leaves []*leaf // the distinct positive leaves
	// named are the alias groups counted by their mentions (the index's
	// AliasKey), by expansion group: their leaves are not counted one by
	// one, and find lists each mention once.
	named map[int]string
}

// Occurrence is one occurrence of a query word or phrase in a text.
type Occurrence struct {
	// Start and End are byte offsets of the occurrence in the text: one
	// word, or a phrase from its first word to its last.
	Start, End int
	// Span is the index among the text's highlight spans (Spans) of the
	// occurrence's first word, whose Span.Occurrence is the hit the reader
	// numbers from 1.
	Span int
	// First and Last are the indexes of the occurrence's first and last
	// tokens among Marked.Tokens (equal for a word).
	First, Last int
}

// Occurrences evaluates a request without ranking it or reading any
// document (see the type).
func (e *Engine) Occurrences(req Request) (*Occurrences, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	parsed, err := e.parse(req)
	if err != nil {
		return nil, err
	}
	expanded, err := e.expand(parsed, req.Aliases)
	if err != nil {
		return nil, err
	}
	matched, err := e.evaluate(expanded)
	if err != nil {
		return nil, err
	}
	filtered, err := e.filter(matched, req)
	if err != nil {
		return nil, err
	}
	o := &Occurrences{Docs: filtered.hits, Selected: filtered.filters.passing(e.all()), m: matched.matches, AlsoSearched: expanded.alsoSearched}
	if parsed.node != nil {
		o.Query = parsed.node.String()
	}
	if o.m == nil {
		return o, nil
	}
	o.Terms = o.m.terms()
	seen := map[string]bool{}
	for _, l := range o.m.leaves {
		k := leafIdentity(l)
		if seen[k] {
			continue
		}
		seen[k] = true
		o.leaves = append(o.leaves, l)
	}
	o.Text = make([]int32, len(o.Docs))
	o.Title = make([]int32, len(o.Docs))
	// An alias group typed as one of its names is counted by its mentions:
	// "تنظيم الدولة الإسلامية" holds three of its names, and is one
	// mention of داعش. Two groups of one name (داعش ISIS) count once.
	counted := map[string]bool{}
	for g, name := range expanded.aliasNames {
		if !slices.ContainsFunc(o.leaves, func(l *leaf) bool { return l.alias.group == g }) {
			continue
		}
		ph, err := e.ix.Phrase(index.AliasKey(name))
		if err != nil {
			return nil, err
		}
		if ph == nil {
			continue // no mention anywhere: its leaves are counted as they are
		}
		if o.named == nil {
			o.named = map[int]string{}
		}
		o.named[g] = name
		if counted[name] {
			continue
		}
		counted[name] = true
		for f, counts := range [][]int32{index.Text: o.Text, index.Title: o.Title} {
			p := ph.Postings[f]
			alignHits(o.Docs, p.Docs, func(k, i int) { counts[k] += p.TFs[i] })
		}
	}
	for _, l := range o.leaves {
		if o.byMention(l) {
			continue
		}
		alignHits(o.Docs, l.docs, func(k, i int) {
			o.Text[k] += l.tf[index.Text][i]
			o.Title[k] += l.tf[index.Title][i]
		})
	}
	return o, nil
}

// byMention reports whether a leaf is a name of an alias group counted by
// its mentions (named), rather than by its own occurrences.
func (o *Occurrences) byMention(l *leaf) bool {
	_, ok := o.named[l.alias.group] // group 0, no alias group, is never named
	return ok
}

// CountsTheSame reports whether two requests find the very same
// occurrences: the same articles, as often in each, in the same subcorpus.
// ISIS and داعش, each expanded to the entity's other names, do; their
// trends are one line.
func (o *Occurrences) CountsTheSame(other *Occurrences) bool {
	return o.m != nil && other.m != nil && slices.Equal(o.Docs, other.Docs) && slices.Equal(o.Text, other.Text) &&
		slices.Equal(o.Title, other.Title) && slices.Equal(o.Selected, other.Selected)
}

// mentions lists the mentions of the alias groups counted by mention
// (named), found in the text as the index found them
// (arabic.EachAliasMention): its tokens given their terms from keys, a
// word the query does not name a term that matches no name.
func (o *Occurrences) mentions(text string, toks []arabic.Token, keys []index.Key) []Occurrence {
	want := map[string]bool{}
	for _, name := range o.named {
		want[name] = true
	}
	termed := make([]arabic.Token, len(toks))
	for i, t := range toks {
		switch {
		case strings.HasPrefix(t.Norm, "#"):
			t.Term = t.Norm // a hashtag whole, which matching skips
		case keys[i].IsStop():
			t.Term = "" // a stop word matches by its form
		case keys[i] != "":
			t.Term = keys[i].Text()
		default:
			t.Term = "\x00" // a word the query does not name
		}
		termed[i] = t
	}
	var out []Occurrence
	arabic.EachAliasMention(termed, func(group string, start, end int) {
		if want[group] {
			out = append(out, Occurrence{Start: toks[start].Start, End: wordEnd(text, toks[end-1].End), First: start, Last: end - 1})
		}
	})
	return out
}

// leafIdentity tells leaves that match the same occurrences apart from
// those that do not: an alias name typed twice is counted once.
func leafIdentity(l *leaf) string {
	s := ""
	for _, sl := range l.slots {
		s += string(sl.key) + "\x01" + sl.norm + "\x01" + itoa(int(sl.offset)) + "\x02"
	}
	return s
}

// Keys are the index keys of the query's positive single words (not of
// its phrases or exact forms), in query order, each once: the words whose
// surface forms a word-forms view lists.
func (o *Occurrences) Keys() []index.Key {
	var out []index.Key
	seen := map[index.Key]bool{}
	for _, l := range o.leaves {
		if len(l.slots) != 1 || l.slots[0].norm != "" || l.slots[0].key.IsStop() || seen[l.slots[0].key] {
			continue
		}
		seen[l.slots[0].key] = true
		out = append(out, l.slots[0].key)
	}
	return out
}

// Marked is a text analyzed for a query: its tokens, its highlight spans
// and the query's occurrences in it.
type Marked struct {
	// Tokens are the text's tokens, as given to Mark or from arabic.Norms.
	Tokens []arabic.Token
	// Spans are the highlight spans, the same as Hit.Matches (for the text)
	// or Hit.TitleMatches (for the title).
	Spans []Span
	// Occurrences are those of the query, ordered by where they start (a
	// longer one first), one for each occurrence of each distinct word or
	// phrase of the query, and one for each mention of an alias group it
	// names: as many as the index counts for that text (Text or Title), so
	// that a concordance of them has the counts the postings give. Where a
	// word of the query is also part of one of its phrases, the place is
	// listed once for each.
	Occurrences []Occurrence
}

// Mark analyzes a text for the query. toks are the text's tokens with
// their Norm (arabic.Analyze or arabic.Norms of text), or nil to tokenize
// it here: a caller that needs the words' terms analyzes once and passes
// them.
func (o *Occurrences) Mark(text string, toks []arabic.Token) Marked {
	if toks == nil {
		toks = arabic.Norms(text)
	}
	out := Marked{Tokens: toks}
	if o.m == nil || len(toks) == 0 {
		return out
	}
	a := o.m.keyTokens(toks)
	out.Spans = o.m.spansOf(text, toks, a.keys)
	out.Occurrences = o.find(text, toks, a.keys, out.Spans)
	return out
}

// Find is Mark's Occurrences alone, for a caller that counts rather than
// shows: without the highlight spans, so every Occurrence.Span is -1.
func (o *Occurrences) Find(text string, toks []arabic.Token) []Occurrence {
	if toks == nil {
		toks = arabic.Norms(text)
	}
	if o.m == nil || len(toks) == 0 {
		return nil
	}
	return o.find(text, toks, o.m.keyTokens(toks).keys, nil)
}

// find lists the occurrences of the query in a text (see Marked); without
// spans, Span is -1.
func (o *Occurrences) find(text string, toks []arabic.Token, keys []index.Key, spans []Span) []Occurrence {
	is := func(i int, s slot) bool {
		if s.norm != "" {
			return toks[i].Norm == s.norm
		}
		if s.key.IsStop() {
			return toks[i].Norm == s.key.Text()
		}
		return keys[i] == s.key
	}
	var out []Occurrence
	if len(o.named) > 0 {
		out = o.mentions(text, toks, keys)
	}
	for _, l := range o.leaves {
		if o.byMention(l) {
			continue // its mentions are listed above
		}
		for i := range toks {
			if !is(i, l.slots[0]) {
				continue
			}
			if hit := leafTokens(toks, is, i, l); hit != nil {
				first, last := slices.Min(hit), slices.Max(hit)
				out = append(out, Occurrence{Start: toks[first].Start, End: wordEnd(text, toks[last].End), First: first, Last: last})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		return out[a].End > out[b].End
	})
	for k := range out {
		out[k].Span = -1
		if spans != nil {
			out[k].Span = sort.Search(len(spans), func(i int) bool { return spans[i].End > out[k].Start })
		}
	}
	return out
}
