// Package search runs queries against an index bundle: matching, BM25
// ranking, facets with drill-sideways counts, snippets and highlights.
//
// Work per query is proportional to the postings of the query's terms plus
// the re-analysis of the documents on the returned page (for highlights), so
// a search can run on every keystroke in the browser. The index is read
// lazily: a search fetches the chunks its words live in and the records of
// the documents on its page, and fails with an error naming the file when
// one of them is missing or damaged.
package search

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/fuzzy"
	"marsad/internal/index"
	"marsad/internal/query"
)

// Ranking holds the BM25 parameters, the weight of a title match relative
// to a body match, and when and how a long query is ranked by coverage.
type Ranking struct {
	K1, B      float64
	TitleBoost float64
	// TitleB is BM25's length normalisation of the title field (B is the
	// text's): titles are short and of similar length, and a query taken
	// from a headline should not lose to a shorter headline that happens
	// to hold its words.
	TitleB float64
	// CoverageFrom is the number of scoring units (words, phrases, alias
	// groups) from which a query is ranked by coverage (ModeCoverage)
	// rather than filtered by its words; 0 never. CoverageExponent is the
	// power of the covered share that scales BM25 in that mode.
	CoverageFrom     int
	CoverageExponent float64
	// Specificity is how much a word's specificity in Arabic news at
	// large (arabic.Specificity) weighs in its IDF: the collection's IDF
	// is multiplied by 1 − Specificity + Specificity × the word's; 0
	// leaves the collection's IDF alone.
	Specificity float64
}

// DefaultRanking is the ranking an Engine starts with. K1 and B come from
// `make tune` (marsad eval -ranking): a k1 0.4…2.4 × b 0…1 grid on the
// XQuAD-R Arabic collection (../shared/eval/xquad_r_ar: 1,190 questions
// over 1,222 sentences and over 240 paragraphs). The surface is flat (mean
// MRR@10 of the two levels 0.851–0.861 over the whole grid). The best mean,
// k1 0.4 b 0.8 (0.8608), sits at the grid's edge and is worst of the good
// points on paragraphs, the level closest to news articles, which prefer
// k1 ≈ 2; k1 1.0, b 0.7 scores within 0.0007 of it on the mean and does
// well on both. Against the former k1 1.2, b 0.75: sentences MRR@10
// 0.7787 → 0.7802, paragraphs 0.9408 → 0.9400, mean 0.8598 → 0.8601 — a
// difference within noise: the ranking was already near the optimum.
//
// CoverageFrom, CoverageExponent and TitleB come from TestTuneCoverage
// (internal/eval, MARSAD_TUNE_COVERAGE=1) on those two levels and on the
// known-item sets of `make eval` (500 SaudiNewsNet articles found by their
// headline, 480 by their first sentence). Coverage from 3, 4, 5, 6 or 8
// units and exponents 1, 2, 4 all lie within 0.005 MRR@10 of each other on
// every set: few long questions had five articles with every word, so most
// already fell back to partial matches. Six units is taken from that
// plateau rather than four: a researcher's typed query of four or five
// words ("الأمم المتحدة حقوق الإنسان") means every word, and a count of
// the articles that have them all; pasted questions and headlines are
// longer. Exponent 2 is in the middle of the plateau (at four units:
// sentences 0.781, paragraphs 0.939, headlines 0.948, first sentences
// 0.902; exponent 1 loses 0.012 on first sentences, 4 loses 0.003 on
// paragraphs). Title length normalisation, b 0…1 × title
// boost 1…3: a lower b for titles does not help the longer headline a
// query was taken from, it lets long titles full of common words win
// (headlines 0.925 at b 0, boost 2); b 1.0 is best on both news sets
// (headlines 0.949, first sentences 0.905, against 0.948 and 0.902 at
// 0.7), boost 3 gains 0.008 on headlines and loses 0.007 on first
// sentences, so the boost stays 2.
//
// Measured since with the four sets (xquad_r_ar sentences, paragraphs,
// headlines, first sentences; MRR@10 0.784, 0.941, 0.956, 0.900) and not
// taken, none moving the sentences by more than ±0.004 without losing as
// much elsewhere: k1 0.7…2 and b 0.5…0.9 again; coverage from 2 or 3
// units; exponents 0.5…3 for either relaxed mode; IDF raised to 0.7, 1.5
// or 2 (1.5: sentences +0.004, first sentences −0.005); the typed-form
// boost at 1 or 1.3; the proximity weight at 0.01 or 0.6; a bonus for
// consecutive query words within 1…8 positions of each other (0.2…1);
// dropping the question's frame words (كم عدد، ما اسم، في أي عام، تم). The
// sentence misses that remain are mostly paraphrases (TestDumpMisses).
//
// Specificity 0.3 and the answer-type boost (answerTypeBoost) came next:
// the four sets 0.784, 0.941, 0.956, 0.900 → 0.789, 0.942, 0.956, 0.900
// with the answer type → 0.795, 0.944, 0.956, 0.900 with Specificity 0.3
// (0.2: 0.794, 0.944, 0.957, 0.899; 0.4: 0.794, 0.945, 0.955, 0.897). The
// table's threshold, one ANT article in 300, is the best of what was
// measured with ANT v2.1 alone (specificity 0.2: every term 0.791, terms
// of 1 article in 1,000 0.792, in 300 0.793; 0.3: in 300 0.796, in 150
// 0.794, in 100 0.791, in 30 0.789: a bumpy surface); raising the
// specificity to a power instead (β 0.5–2) loses 0.006–0.067, and a single
// list of the 200–2,000 commonest news terms weighed 0.5–0.7 loses up to
// 0.012. Measured in the same round and not taken (sentences and
// paragraphs unless said; the others within ±0.002):
//   - A second, coarser matching level: each word of a relaxed query also
//     matches the vocabulary's terms of its root (a heavy stem: pattern
//     letters and long vowels removed, so تجريد meets مجرد, انتقاد نقد,
//     ساهم أسهم). Merged into the word's unit like an alias (root terms at
//     0.3–0.7 of a match): 0.781–0.776 and 0.927–0.922, the shared
//     document frequency lowering the word's IDF. As a unit of its own,
//     scaled 0.1–1 and outside coverage: 0.784–0.788, 0.942–0.943,
//     headlines +0.004, first sentences −0.006; in partial mode only: 0.786,
//     0.943, 0.958, 0.899, and +0.002 on top of the kept changes (0.797).
//     Too little for loading the vocabulary on every relaxed query, and it
//     costs the first sentences. Indexing every term in the vocabulary
//     (MinVocabDocs 1) moves it by 0.002 at most.
//   - BM25+ (δ 0.25–1): 0.781–0.784; a floor of 0.7–1 under the length
//     normalisation: 0.783–0.784; a length prior (dl/avgdl)^0.1–0.5:
//     0.788–0.777, although answer-bearing sentences are longer.
//   - Consecutive query words that occur together (Jaccard 0.4–0.9 of their
//     documents, a name like سوبر بول) weighed as their rarest: 0.783–0.784.
//   - Words reweighted by their spread among the best 5–20 hits (local
//     IDF, 0.3–0.7 of the weight): 0.783–0.785.
//   - An answer type for من (who): a text holding a foreign name (two
//     consecutive words the lexicon does not know), ×1.3–2: 0.795–0.796
//     over 0.795; one unknown word: 0 to −0.002. Reranking 20 or 30 hits for the
//     answer type rather than 10: no change. بأي and لأي as stop words: no
//     change.
var DefaultRanking = Ranking{K1: 1.0, B: 0.7, TitleBoost: 2.0, TitleB: 1.0, CoverageFrom: 6, CoverageExponent: 2, Specificity: 0.3}

// Request is one search.
type Request struct {
	// Query in the language of package query. Blank lists every document.
	Query string
	// Sources and Years are facet filters: a document passes if its value is
	// one of the listed ones (any, when the list is empty). Values are exact
	// facet values as returned in Facets, "" selecting unknown ones.
	Sources []string
	Years   []string
	// Entities filters on the entities an article mentions, by canonical
	// name as returned in Facets.Entities. Unlike a source or a year, an
	// article mentions many entities, so the filter is conjunctive: every
	// listed entity must be mentioned (تويتر and داعش narrows to the
	// articles about both).
	Entities []string
	// Offset and Limit page the hits; Limit 0 returns all of them.
	Offset, Limit int
	// Sort orders the hits: SortRelevance (the default), SortNewest or
	// SortOldest.
	Sort string
	// NoPartial keeps a query that finds too little as it is, rather than
	// ranking the documents that have some of its words (see
	// Result.Partial).
	NoPartial bool
	// Aliases expands the query with the other names of what it names (see
	// arabic.FindAliases): داعش also searches "تنظيم الدولة", "فيس بوك" also
	// فيسبوك. A Latin word the corpus lacks is searched in Arabic instead
	// (daesh → داعش, see arabic.FromLatin). Result.AlsoSearched tells what
	// was added. Excluded words (-داعش) and exact forms are never expanded.
	Aliases bool
	// EntitiesLater answers without the entity facet while the entity table
	// is not loaded, rather than fetching it first (Facets.EntitiesPending
	// then says so): a visit's first results need not wait for the table,
	// which the page loads once they are shown (LoadEntities). An entity
	// filter still loads it.
	EntitiesLater bool
}

// Result is the answer to a Request.
type Result struct {
	// Query is the canonical form of the parsed query ("" for a blank one).
	Query string
	// Total is the number of matching documents before paging.
	Total int
	Hits  []Hit
	// Facets count the matching documents per value, drill-sideways.
	Facets Facets
	// Terms are the analyzed positive query terms and phrases, for display
	// (with Request.Aliases, the terms added by the expansion too). An exact
	// form is shown as =norm.
	Terms []string
	// Forms are, for each positive query word matched by its stem, the
	// surface forms that stem has in the corpus, most frequent first, at
	// most MaxForms per word. The counts are over the whole corpus (title and
	// text), not over the matching documents: they come from the index at no
	// cost per document.
	Forms []WordForm
	// AlsoSearched lists what Request.Aliases added to the query, in query
	// order; empty without Request.Aliases.
	AlsoSearched []AliasNote
	// Partial is set when the hits need not have every word of the query:
	// requiring every word found fewer than PartialBelow documents
	// (ModePartial), or the query is long enough to be ranked by coverage
	// (ModeCoverage). The hits are the documents with any of the words,
	// those with more of them first. StrictTotal is what requiring every
	// word found.
	Partial     bool
	StrictTotal int
	// Mode says which mode ranked the hits: ModeAllWords, ModePartial or
	// ModeCoverage; "" for a blank query or a sort by date.
	Mode Mode
	// ReadAsText lists, in English and in query order, what of the query
	// was not well-formed syntax and was read as text (query.Read), each
	// with its byte offset in the query; the search ran on that reading.
	ReadAsText []*query.Error
	// DidYouMean is the query with its unknown words replaced by the
	// nearest corpus words, when the query found nothing or only partial
	// matches; "" otherwise.
	DidYouMean string
	// Expansions say, for each prefix (تغري*) or fuzzy (تنضيم~) word of the
	// query, which corpus words it matched, so the page can show them.
	Expansions []Expansion
	// Filters are the filters the search applied: those typed at the top of
	// the query (source:, date:, year:, entity:) and the facet selections of
	// the Request, in that order, each value once. The facets mark the
	// values they select (FacetValue.Selected).
	Filters []Filter
	// DroppedTerms is how many of the most common words of a query longer
	// than query.MaxTerms terms were left out: it was searched by its
	// query.MaxTerms most informative (rarest) ones.
	DroppedTerms int
	// Unreadable lists what of the bundle could not be read for this
	// answer (a damaged or missing vocabulary, an article whose record is
	// damaged), each error naming its file: the result is what the rest of
	// the bundle gives, without "did you mean" or without those articles.
	Unreadable []error
}

// Sort orders of Request.Sort.
const (
	SortRelevance = ""
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// PartialBelow is the number of hits under which a query of several words
// falls back to partial matches.
const PartialBelow = 5

// MaxForms is the most word forms Result.Forms lists per query word.
const MaxForms = 12

// WordForm is one surface form of a query word's stem.
type WordForm struct {
	// Term is the query word as typed (a Latin word searched in Arabic is
	// listed under the Latin word).
	Term string
	// Form is the form's most frequent spelling in the corpus ("وتويتر").
	Form string
	// Count is the number of occurrences of the form in the whole corpus.
	Count int
}

// AliasNote is one expansion made by Request.Aliases.
type AliasNote struct {
	// Query is what the visitor typed that matched: a word, or the run of a
	// quoted phrase that names the alias group.
	Query string
	// Others are the forms searched in addition, as written in the alias
	// table ("تنظيم الدولة", "ISIS"), or the Arabic word a Latin word was
	// turned into.
	Others []string
	// Excluded says the word was excluded (-داعش), and the others with
	// it: they were left out, not searched.
	Excluded bool `json:",omitempty"`
}

// Hit is one matching document on the requested page.
type Hit struct {
	ID, Title, Source, Date string
	URL                     string // the article's original address, "" when it has none
	Score                   float64
	Snippet                 Snippet
	// Matches are all highlighted spans of Document.Text, TitleMatches those
	// of Document.Title, in text order.
	Matches      []Span
	TitleMatches []Span
}

// Span is a highlighted stretch of text: Text == s[Start:End] of the string it
// refers to. It covers one word with its harakat and without punctuation.
type Span struct {
	Start, End int
	Text       string
	// Occurrence numbers the occurrence of the query the span is part of,
	// from 0, in the order occurrences first appear in the text. The words
	// of one occurrence of a phrase (or of a name of several words) share
	// it, so that a text's occurrences are counted, and stepped through, as
	// the phrases it holds and not as their words. Only the spans of
	// Hit.Matches, Hit.TitleMatches and Engine.Highlights are numbered.
	Occurrence int
}

// CountOccurrences is how many occurrences of the query spans hold (see
// Span.Occurrence).
func CountOccurrences(spans []Span) int {
	n := 0
	for _, s := range spans {
		n = max(n, s.Occurrence+1)
	}
	return n
}

// OccurrenceStarts gives, for each occurrence of the query in spans, the
// index of its first span.
func OccurrenceStarts(spans []Span) []int {
	starts := make([]int, 0, len(spans))
	for i, s := range spans {
		if s.Occurrence == len(starts) {
			starts = append(starts, i)
		}
	}
	return starts
}

// Snippet is a short extract of Document.Text around the best matches. Marks
// are relative to Snippet.Text.
type Snippet struct {
	Text  string
	Marks []Span
}

// Facets holds the live facet counts. Each single-valued facet (source,
// year) counts the matches that pass every filter but its own (drill
// sideways), so that a visitor sees what picking another value would give;
// a typed filter counts as the facet's own like a picked value.
type Facets struct {
	// Sources are sorted by falling count, then value.
	Sources []FacetValue
	// Years are in date order, the oldest first, "" (no date) last.
	Years []FacetValue
	// Entities count the articles mentioning each entity among those that
	// pass every filter, the entity filter included (it is conjunctive, so
	// the count is what adding that entity would leave). Type says which
	// kind of entity it is (see corpus.Entity).
	Entities []FacetValue
	// EntitiesErr is set when the entity table could not be read: the
	// entity facet is empty, the rest of the result stands.
	EntitiesErr error
	// EntitiesPending is set when Request.EntitiesLater left the entity
	// facet out: the table is not loaded yet.
	EntitiesPending bool
}

// FacetValue is one facet value and the number of documents that have it.
// Value "" stands for documents whose source or date is unknown.
type FacetValue struct {
	Value string
	Count int
	// Type is the entity type, for entity facet values only.
	Type corpus.EntityType
	// Selected is set for a value a filter in force selects, picked in the
	// facet or typed in the query (source:الجزيرة selects الجزيرة, date:2018
	// the year 2018, entity:ISIS the entity داعش). A selected value is
	// listed even when no document has it any more, so it can be cleared.
	Selected bool
}

// analyze is the analyzer the index was built with.
var analyze = arabic.Analyze

// analyzeQuery analyzes a query word or phrase. A hashtag yields a token for
// the whole tag and tokens for its words at the same positions; a visitor who
// types #داعش means the word, so the query keeps the words (documents are
// indexed with both, so the words find the tag too).
func analyzeQuery(text string) []arabic.Token {
	toks := analyze(text)
	out := toks[:0:0]
	for _, t := range toks {
		if strings.HasPrefix(t.Term, "#") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// Engine answers searches over one index. It is safe for concurrent use:
// searches run one at a time.
type Engine struct {
	ix *index.Index
	mu sync.Mutex
	// sourceKeys holds each source's normalized words (see sourceKey), for
	// the source filter.
	sourceKeys []string

	// Loaded on first use.
	fuzzyVocab *fuzzy.Vocab
	ents       *index.Entities
	// entitiesLoad is the entity table's fetch, started by a search ahead
	// of its need (see loadEntitiesAhead); nil when none is in flight.
	// entitiesErr is why the table could not be read, if it could not.
	entitiesLoad *pendingLoad
	entitiesErr  error
	// entityKeys maps the analyzed terms of each entity name (see
	// entityKey) to the name, so entity:بتويتر finds تويتر; byEntity lists
	// the documents that mention each entity.
	entityKeys map[string]string
	byEntity   [][]int32

	// firstYear and years span the documents' years (YearNum; 0 is an
	// unknown date), so that the year facet counts into a slice.
	firstYear, years int
	// entityCounts is the entity facet's counter, kept between searches
	// (under mu) and zeroed after each: a corpus names tens of thousands
	// of entities, and a query mentions a few hundred of them.
	entityCounts []int

	ranking Ranking
}

// SetRanking replaces the ranking parameters (evaluation and tuning).
func (e *Engine) SetRanking(r Ranking) {
	e.mu.Lock()
	e.ranking = r
	e.mu.Unlock()
}

// New returns an Engine over ix.
func New(ix *index.Index) *Engine {
	e := &Engine{ix: ix, ranking: DefaultRanking}
	for _, s := range ix.Sources() {
		e.sourceKeys = append(e.sourceKeys, sourceKey(s))
	}
	first, last := 0, 0 // 0: no dated document yet
	for d := range ix.NumDocs() {
		switch y := ix.YearNum(d); {
		case y == 0:
		case last == 0:
			first, last = y, y
		default:
			first, last = min(first, y), max(last, y)
		}
	}
	if last != 0 {
		e.firstYear, e.years = first, last-first+1
	}
	return e
}

// Open opens the bundle whose root file is root and returns an Engine over
// it.
func Open(f index.Fetcher, root string) (*Engine, error) {
	ix, err := index.Open(f, root)
	if err != nil {
		return nil, &wrapError{"reading bundle: ", err}
	}
	return New(ix), nil
}

// OpenDir opens the bundle in a folder (see index.OpenDir).
func OpenDir(dir string) (*Engine, error) {
	ix, err := index.OpenDir(dir)
	if err != nil {
		return nil, &wrapError{"reading bundle: ", err}
	}
	return New(ix), nil
}

// Index is the engine's index.
func (e *Engine) Index() *index.Index { return e.ix }

// DatedSpan is the day of the corpus's oldest dated article and of its
// newest; ok is false when no article has a date. Articles are numbered
// newest first, the undated last, so both ends are read, not searched for.
func (e *Engine) DatedSpan() (first, last corpus.Day, ok bool) {
	n := e.ix.NumDocs()
	dated := sort.Search(n, func(i int) bool { return e.ix.Day(i) == corpus.NoDay })
	if dated == 0 {
		return corpus.NoDay, corpus.NoDay, false
	}
	return e.ix.Day(dated - 1), e.ix.Day(0), true
}

type wrapError struct {
	prefix string
	err    error
}

func (e *wrapError) Error() string { return e.prefix + e.err.Error() }
func (e *wrapError) Unwrap() error { return e.err }

// LoadEntities fetches the entity table, which the entity facet and the
// entity filters need. Search loads it itself when it first needs it; this
// only lets a caller load it ahead of time.
func (e *Engine) LoadEntities() error {
	// The fetch runs without the lock, so searches go on meanwhile.
	e.mu.Lock()
	e.loadEntitiesAhead()
	l := e.entitiesLoad
	e.mu.Unlock()
	if l != nil {
		<-l.done
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	_, err := e.entities()
	return err
}

// entities loads the entity table. Called with e.mu held. A table that
// could not be read is not asked for again: every keystroke would fetch a
// missing or damaged file anew.
func (e *Engine) entities() (*index.Entities, error) {
	if e.ents != nil || e.entitiesErr != nil {
		return e.ents, e.entitiesErr
	}
	if l := e.entitiesLoad; l != nil {
		<-l.done
		e.entitiesLoad = nil
		if l.err != nil {
			e.entitiesErr = l.err
			return nil, l.err
		}
	}
	ents, err := e.ix.Entities()
	if err != nil {
		e.entitiesErr = err
		return nil, err
	}
	e.entityKeys = make(map[string]string, len(ents.Names))
	for i, name := range ents.Names {
		if i%256 == 255 {
			e.ix.Pause() // each name is analyzed
		}
		k := entityKey(name)
		if _, taken := e.entityKeys[k]; !taken {
			e.entityKeys[k] = name
		}
	}
	e.byEntity = make([][]int32, len(ents.Names))
	for d := 0; d < e.ix.NumDocs(); d++ {
		for _, id := range ents.Of(d) {
			e.byEntity[id] = append(e.byEntity[id], int32(d))
		}
	}
	e.ents = ents
	return ents, nil
}

// vocab loads the fuzzy vocabulary. Called with e.mu held.
func (e *Engine) vocab() (*fuzzy.Vocab, error) {
	if e.fuzzyVocab != nil {
		return e.fuzzyVocab, nil
	}
	v, err := e.ix.Vocab()
	if err != nil {
		return nil, err
	}
	entries := make([]fuzzy.Entry, len(v))
	for i, x := range v {
		entries[i] = fuzzy.Entry{Key: x.Key, Count: x.DF}
	}
	e.fuzzyVocab = fuzzy.NewVocab(entries)
	return e.fuzzyVocab, nil
}

// Document returns the document with the given ID; ok is false when there is
// none, err when its files could not be read.
func (e *Engine) Document(id string) (doc corpus.Document, ok bool, err error) {
	i, ok, err := e.ix.DocNum(id)
	if !ok || err != nil {
		return corpus.Document{}, ok, err
	}
	doc, err = e.ix.Doc(i)
	return doc, err == nil, err
}

// Highlights returns every highlighted span of a document's Text and of
// its Title for a request: the same spans as the Hit.Matches and
// Hit.TitleMatches of that request (it honors Aliases and ignores the
// facet filters and paging), for the reader, which shows both. A blank
// query highlights nothing.
func (e *Engine) Highlights(id string, req Request) (text, title []Span, err error) {
	doc, ok, err := e.Document(id)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, errors.New("search: no document with ID " + id)
	}
	node, _ := query.Read(req.Query)
	if node == nil {
		return nil, nil, nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	node, _, err = e.keepInformative(node)
	if err != nil {
		return nil, nil, err
	}
	var groups map[leafKey]aliasMember
	x := e.expander(req.Aliases)
	node = x.expand(node, true)
	groups = x.groups
	p := e.matches(node, groups)
	if p.err != nil {
		return nil, nil, p.err
	}
	return p.spans(doc.Text), p.spans(doc.Title), nil
}

// Search runs a request. Any text is a query (see query.Read): the only
// error is a bundle file that cannot be read, named in the error. It reads
// as the stages of a search (see stages.go).
func (e *Engine) Search(req Request) (*Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	parsed, err := e.parse(req)
	if err != nil {
		return nil, err
	}
	if !req.EntitiesLater {
		e.loadEntitiesAhead()
	}
	expanded, err := e.expand(parsed, req.Aliases)
	if err != nil {
		return nil, err
	}
	matched, err := e.evaluate(expanded)
	if err != nil {
		return nil, err
	}
	res, err := e.describe(matched)
	if err != nil {
		return nil, err
	}
	filtered, err := e.filter(matched, req)
	if err != nil {
		return nil, err
	}
	if filtered, err = e.relaxIfFew(filtered, req); err != nil {
		return nil, err
	}
	if err := e.total(res, filtered); err != nil {
		return nil, err
	}
	ranked := e.rank(filtered, req)
	if err := e.page(ranked, req, res); err != nil {
		return nil, err
	}
	return res, nil
}

// addUnreadable adds err to Unreadable unless the same failure is there;
// errors.Join's errors (several articles at once) add each of theirs.
func (r *Result) addUnreadable(err error) {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var msgs []string
		for _, e := range joined.Unwrap() {
			msgs = append(msgs, e.Error())
		}
		if strings.Join(msgs, "\n") == err.Error() {
			for _, e := range joined.Unwrap() {
				r.addUnreadable(e)
			}
			return
		}
	}
	for _, had := range r.Unreadable {
		if had.Error() == err.Error() {
			return
		}
	}
	r.Unreadable = append(r.Unreadable, err)
}

// readDocs reads the page's articles and where each is on the page. When
// one cannot be read (a damaged record, a pack that is gone), the others
// still are, and res.Unreadable says which failed.
func (e *Engine) readDocs(page []int32, res *Result) ([]corpus.Document, []int) {
	docs, err := e.ix.Docs(page)
	onPage := make([]int, 0, len(page))
	if err == nil {
		for i := range page {
			onPage = append(onPage, i)
		}
		return docs, onPage
	}
	docs = docs[:0]
	for i, n := range page {
		one, err := e.ix.Docs([]int32{n})
		if err != nil {
			res.addUnreadable(err)
			continue
		}
		docs = append(docs, one[0])
		onPage = append(onPage, i)
	}
	return docs, onPage
}

// describe starts the result with how the query was understood: its
// canonical form, the terms and forms it searched, what the expansion
// added, and which words a prefix or fuzzy word stood for.
func (e *Engine) describe(m matchedDocs) (*Result, error) {
	res := &Result{AlsoSearched: m.alsoSearched, ReadAsText: m.readAsText, DroppedTerms: m.dropped}
	if m.node == nil {
		return res, nil
	}
	res.Query = m.node.String()
	if m.matches == nil {
		return res, nil
	}
	res.Terms = m.matches.terms()
	var err error
	if res.Expansions, err = e.describeExpansions(m.matches.expansions); err != nil {
		return nil, err
	}
	res.Forms, err = e.forms(m.words)
	return res, err
}

// total adds the result's totals and filters, and "did you mean" when the
// query found nothing or only partial matches.
func (e *Engine) total(res *Result, f filteredDocs) error {
	res.Total, res.Partial, res.StrictTotal = len(f.hits), f.partial, f.strictTotal
	res.Filters = f.filters.filters()
	// Coverage ranking is how a long query is read, not a sign that it
	// found too little: it gets no "did you mean".
	if f.matches == nil || (res.Total > 0 && f.mode != ModePartial) {
		return nil
	}
	dym, err := e.didYouMean(f.node)
	if err != nil {
		// A damaged or missing vocabulary costs the suggestion only.
		res.addUnreadable(err)
	}
	res.DidYouMean = dym
	return nil
}

// topK orders the k best hits by falling score (then document number, that
// is newest first) and returns them with their scores.
func topK(hits []int32, scores []float64, k int) ([]int32, []float64) {
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	less := func(a, c int) bool {
		if scores[a] != scores[c] {
			return scores[a] > scores[c]
		}
		return hits[a] < hits[c]
	}
	if k < len(order)/4 {
		// Partial selection: keep a sorted window of the k best.
		best := make([]int, 0, k+1)
		for _, o := range order {
			if len(best) == k && !less(o, best[k-1]) {
				continue
			}
			at := sort.Search(len(best), func(i int) bool { return less(o, best[i]) })
			best = append(best, 0)
			copy(best[at+1:], best[at:])
			best[at] = o
			if len(best) > k {
				best = best[:k]
			}
		}
		order = best
	} else {
		sort.Slice(order, func(a, c int) bool { return less(order[a], order[c]) })
		order = order[:k]
	}
	h := make([]int32, len(order))
	s := make([]float64, len(order))
	for i, o := range order {
		h[i], s[i] = hits[o], scores[o]
	}
	return h, s
}

// rerankDepth is how many of the best hits rerank may reorder: their texts
// are fetched and analyzed, so it is the explorer's page (ten).
const rerankDepth = 10

// proximityWeight is the most a document gains from having the query's words
// next to each other; typedBoost is the gain of a document that has a word
// in the very form typed (الدولة ranks articles saying الدولة above those
// only saying دول, at equal BM25).
const (
	proximityWeight = 0.3
	typedBoost      = 1.15
)

// answerTypeBoost multiplies the score of a text that holds a number or a
// date, other than those of the query, when the query asks for one (متى،
// كم، في أي عام…; see arabic.AsksForNumber). On the xquad_r_ar sentences
// MRR@10 0.784 → 0.789 (0.786 with digits alone, 0.788 with number words
// and month names, 0.789 without the query's own numbers); 1.5 and 2 do
// equally well, 1.3 gains half as much, and reordering the best 20 or 30
// rather than 10 gains nothing more. Paragraphs 0.941 → 0.942, the news
// known-item sets unchanged (their queries are no questions, and nearly
// every article has a number). See DefaultRanking.
const answerTypeBoost = 2.0

// rerank adjusts the scores of the best hits from their texts, then orders
// them again: proximity multiplies a score by 1 + proximityWeight × u/w,
// where u is the number of distinct query terms and w the length of the
// shortest stretch of text holding all of them; exact-form preference by
// typedBoost. Positions in the index would serve proximity too, but a page's
// texts are fetched anyway for its snippets, and a few more cost less than
// the position chunks of every query word.
func (e *Engine) rerank(p *matches, hits []int32, scores []float64) error {
	unitOf := map[index.Key]int{}
	typed := map[index.Key]string{} // key → the norm typed
	units := 0
	groupUnit := map[int]int{}
	for _, l := range p.leaves {
		if len(l.slots) != 1 || l.slots[0].norm != "" || l.slots[0].key.IsStop() {
			continue
		}
		s := l.slots[0]
		if s.typed != "" && (l.alias.group == 0 || l.alias.weight == 1) {
			typed[s.key] = s.typed
		}
		u := units
		if g := l.alias.group; g != 0 {
			if v, ok := groupUnit[g]; ok {
				u = v
			} else {
				groupUnit[g] = u
				units++
			}
		} else {
			units++
		}
		unitOf[s.key] = u
	}
	if len(unitOf) == 0 || len(hits) == 0 {
		return nil
	}
	docs, err := e.ix.Docs(hits)
	if err != nil {
		return err
	}
	texts := make([]string, len(docs))
	for i, doc := range docs {
		texts[i] = doc.Text
	}
	p.analyzeTexts(texts)
	for i, doc := range docs {
		var seq []int
		var pos []int
		exact := false
		toks, keys := p.textTokens(doc.Text)
		for k, t := range toks {
			key := keys[k]
			u, ok := unitOf[key]
			if !ok {
				continue
			}
			seq = append(seq, u)
			pos = append(pos, t.Position)
			if norm, ok := typed[key]; ok && t.Norm == norm {
				exact = true
			}
		}
		if exact {
			scores[i] *= typedBoost
		}
		if p.asksNumber && holdsNumber(toks, p.givenNumbers) {
			scores[i] *= answerTypeBoost
		}
		if units > 1 {
			if w := shortestCover(seq, pos, units); w > 0 {
				scores[i] *= 1 + proximityWeight*float64(units)/float64(w)
			}
		}
	}
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, c int) bool {
		if scores[order[a]] != scores[order[c]] {
			return scores[order[a]] > scores[order[c]]
		}
		return hits[order[a]] < hits[order[c]]
	})
	h := append([]int32(nil), hits...)
	s := append([]float64(nil), scores...)
	for i, o := range order {
		hits[i], scores[i] = h[o], s[o]
	}
	return nil
}

// asksForNumber reports whether a query's words are a question whose
// answer is a number or a date (arabic.AsksForNumber), and the numbers the
// question itself holds (the 50 of "كم عمره في سوبر بول 50؟" is not the
// answer).
func asksForNumber(n query.Node) (bool, map[string]bool) {
	if n == nil {
		return false, nil
	}
	var words []string
	query.Walk(n, func(x query.Node) bool {
		switch x := x.(type) {
		case query.Word:
			words = append(words, x.Text)
		case query.Phrase:
			words = append(words, x.Text)
		}
		return true
	})
	toks := arabic.Norms(strings.Join(words, " "))
	if !arabic.AsksForNumber(toks) {
		return false, nil
	}
	given := map[string]bool{}
	for _, t := range toks {
		if arabic.IsNumberWord(t.Norm) {
			given[t.Norm] = true
		}
	}
	return true, given
}

// holdsNumber reports whether a text's tokens hold a number or a date
// other than those given.
func holdsNumber(toks []arabic.Token, given map[string]bool) bool {
	for _, t := range toks {
		if !given[t.Norm] && arabic.IsNumberWord(t.Norm) {
			return true
		}
	}
	return false
}

// shortestCover is the length in positions of the shortest window of the
// sequence holding every one of n units, 0 if none does.
func shortestCover(seq, pos []int, n int) int {
	count := make([]int, n)
	have, best, lo := 0, 0, 0
	for hi := range seq {
		if count[seq[hi]] == 0 {
			have++
		}
		count[seq[hi]]++
		for have == n {
			if w := pos[hi] - pos[lo] + 1; best == 0 || w < best {
				best = w
			}
			count[seq[lo]]--
			if count[seq[lo]] == 0 {
				have--
			}
			lo++
		}
	}
	return best
}

// didYouMean replaces each word of the query that the corpus does not know
// by the nearest word it does know, most frequent first; "" if no word was
// replaced.
func (e *Engine) didYouMean(node query.Node) (string, error) {
	// The words the visitor wants: not those excluded with -.
	var words []string
	query.Walk(node, func(n query.Node) bool {
		if w, ok := n.(query.Word); ok {
			words = append(words, w.Text)
		}
		_, excluded := n.(query.Not)
		return !excluded
	})
	replaced := false
	out := node.String()
	for _, w := range words {
		slots, ok := wordSlots(w, false, false)
		// A word of one or two letters is one edit away from too many
		// words for any to be what was meant (ﷺ was offered "3").
		if !ok || len(slots) != 1 || slots[0].key.IsStop() || utf8.RuneCountInString(slots[0].key.Text()) < 3 {
			continue
		}
		known, err := e.known(slots[0].key)
		if err != nil || known {
			if err != nil {
				return "", err
			}
			continue
		}
		v, err := e.vocab()
		if err != nil {
			return "", err
		}
		m, ok := v.Suggest(string(slots[0].key))
		if !ok {
			continue
		}
		forms, err := e.ix.Forms(index.Key(m.Key))
		if err != nil {
			return "", err
		}
		best := ""
		n := -1
		for _, fm := range forms {
			if fm.Count > n {
				best, n = fm.Spelling, fm.Count
			}
		}
		if best == "" {
			continue
		}
		out = replaceWord(out, w, best)
		replaced = true
	}
	if !replaced {
		return "", nil
	}
	return out, nil
}

// replaceWord replaces whole-word occurrences of old in s.
func replaceWord(s, old, repl string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		if f == old {
			fields[i] = repl
		}
	}
	return strings.Join(fields, " ")
}

// normWords returns the normalized forms of the words of s.
func normWords(s string) []string {
	var out []string
	for _, t := range analyze(s) {
		if t.Norm != "" {
			out = append(out, t.Norm)
		}
	}
	return out
}
