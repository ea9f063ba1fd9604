package eval

// Ranking evaluation of the search engine itself (marsad/internal/search),
// as a visitor gets it: the question typed into the search box, aliases on,
// partial matches when not every word is found, BM25 plus the engine's
// rerank. Used to tune search.Ranking (see Tune and `marsad eval -ranking`).

import (
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/ingest"
	"marsad/internal/search"
)

// Level is one granularity of a test collection in a folder: its corpus
// and its judgments. The topics (topics.tsv) are shared by the levels.
type Level struct {
	Name   string
	Corpus string // JSONL file in the folder (fields of corpus.Document)
	Qrels  string // TREC qrels file in the folder
}

// XQuADLevels are the sentence and paragraph versions of xquad_r_ar.
var XQuADLevels = []Level{
	{Name: "sentence", Corpus: "corpus.jsonl", Qrels: "qrels.txt"},
	{Name: "paragraph", Corpus: "corpus_paragraphs.jsonl", Qrels: "qrels_paragraphs.txt"},
}

// Depth is how many hits a topic's search asks for (Recall@100 needs 100).
const Depth = 100

// RankScore holds the figures of one ranking over a collection. The means
// are over the judged topics (topics without a relevant document are not
// counted); a topic without hits scores 0.
type RankScore struct {
	Topics    int // judged topics evaluated
	MRR10     float64
	NDCG10    float64 // binary gains, log2 discount, ideal = all relevant first
	Recall10  float64
	Recall100 float64
	NoHits    int // judged topics that got no hit at all
	// Partial and Coverage count the judged topics whose hits were ranked
	// in search.ModePartial and search.ModeCoverage (the rest: all words).
	Partial, Coverage int
}

// ScoreRun scores ranked document ids per topic (best first; a missing or
// empty list means no hits) against the judgments.
func ScoreRun(qrels map[string]map[string]bool, run map[string][]string) RankScore {
	var s RankScore
	qids := slices.Sorted(maps.Keys(qrels)) // a fixed order: float sums do not depend on map order
	for _, qid := range qids {
		rel := qrels[qid]
		nrel := relevant(rel)
		if nrel == 0 {
			continue
		}
		s.Topics++
		ranked := run[qid]
		if len(ranked) == 0 {
			s.NoHits++
			continue
		}
		var dcg, idcg float64
		found10, found100 := 0, 0
		for i, id := range ranked {
			if i >= 100 {
				break
			}
			if !rel[id] {
				continue
			}
			found100++
			if i < 10 {
				if found10 == 0 {
					s.MRR10 += 1 / float64(i+1)
				}
				found10++
				dcg += 1 / math.Log2(float64(i+2))
			}
		}
		for i := range min(nrel, 10) {
			idcg += 1 / math.Log2(float64(i+2))
		}
		s.NDCG10 += dcg / idcg
		s.Recall10 += float64(found10) / float64(nrel)
		s.Recall100 += float64(found100) / float64(nrel)
	}
	if s.Topics > 0 {
		n := float64(s.Topics)
		s.MRR10 /= n
		s.NDCG10 /= n
		s.Recall10 /= n
		s.Recall100 /= n
	}
	return s
}

// relevant counts the documents rel marks relevant.
func relevant(rel map[string]bool) int {
	n := 0
	for _, r := range rel {
		if r {
			n++
		}
	}
	return n
}

// EngineCollection is a test collection indexed by the search engine. The
// bundle is built once; Score sets a ranking and runs every judged topic.
type EngineCollection struct {
	Name   string
	Docs   int
	Topics []Topic
	Qrels  map[string]map[string]bool
	// engines are as many engines over the one bundle as there are CPUs: an
	// Engine runs one search at a time, so Score spreads the topics over
	// them.
	engines []*search.Engine
}

// NewEngineCollection indexes docs as `marsad build` does (in memory) and
// opens engines over the bundle. Every judged topic must be in topics and
// every judged document in docs.
func NewEngineCollection(name string, docs []corpus.Document, topics []Topic, qrels map[string]map[string]bool) (*EngineCollection, error) {
	ids := make(map[string]bool, len(docs))
	for _, d := range docs {
		ids[d.ID] = true
	}
	qids := make(map[string]bool, len(topics))
	for _, t := range topics {
		qids[t.ID] = true
	}
	for qid, rel := range qrels {
		if !qids[qid] {
			return nil, fmt.Errorf("%s: topic %s is judged but has no query", name, qid)
		}
		for id := range rel {
			if !ids[id] {
				return nil, fmt.Errorf("%s: topic %s is judged on document %s, which is not in the corpus", name, qid, id)
			}
		}
	}
	bundle, err := index.Build(index.Options{}, docs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &EngineCollection{Name: name, Docs: len(docs), Topics: topics, Qrels: qrels}
	files := bundle.Fetcher()
	for range max(runtime.GOMAXPROCS(0), 1) {
		e, err := search.Open(files, bundle.Root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.engines = append(c.engines, e)
	}
	return c, nil
}

// LoadEngineCollection reads one level of the collection in dir (the
// corpus through the ingestion `marsad build` uses, the topics of
// topics.tsv, the level's qrels) and indexes it. A record the ingestion
// skips is an error: the judgments may name it.
func LoadEngineCollection(dir string, lv Level) (*EngineCollection, error) {
	coll, err := LoadCollection(dir) // the topics, with the loader's checks
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, lv.Corpus)
	res, err := ingest.Load(path, ingest.Options{Format: ingest.FormatJSONL})
	if err != nil {
		return nil, fmt.Errorf("eval needs %s: %w", path, err)
	}
	if n := len(res.Summary.Skipped); n > 0 {
		return nil, fmt.Errorf("%s: %d records skipped by the ingestion, the first: %v", path, n, res.Summary.Skipped[0])
	}
	qrels, err := loadQrels(filepath.Join(dir, lv.Qrels))
	if err != nil {
		return nil, err
	}
	return NewEngineCollection(lv.Name, res.Documents, coll.Topics, qrels)
}

// loadQrels reads a TREC qrels file (qid 0 docid rel; rel > 0 is relevant).
func loadQrels(path string) (map[string]map[string]bool, error) {
	qrels := map[string]map[string]bool{}
	err := eachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) != 4 {
			return fmt.Errorf("want qid 0 docid rel")
		}
		if f[3] == "0" {
			return nil
		}
		if qrels[f[0]] == nil {
			qrels[f[0]] = map[string]bool{}
		}
		qrels[f[0]][f[2]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(qrels) == 0 {
		return nil, fmt.Errorf("%s: no relevant document", path)
	}
	return qrels, nil
}

// Score runs every judged topic with ranking r (the question as typed into
// the search box, aliases on, partial matches allowed) and scores the top
// Depth hits, counting the topics ranked in partial and coverage mode. A
// search error (a bundle file that cannot be read) is returned.
func (c *EngineCollection) Score(r search.Ranking) (RankScore, error) {
	type answer struct {
		ids  []string
		mode search.Mode
		err  error
	}
	answers := make([]answer, len(c.Topics))
	var wg sync.WaitGroup
	for w, e := range c.engines {
		e.SetRanking(r)
		wg.Go(func() {
			for i := w; i < len(c.Topics); i += len(c.engines) {
				t := c.Topics[i]
				if rel := c.Qrels[t.ID]; relevant(rel) > 0 {
					a := &answers[i]
					a.ids, a.mode, a.err = ranked(e, t.Text, rel)
				}
			}
		})
	}
	wg.Wait()
	run := make(map[string][]string, len(c.Topics))
	partial, coverage := 0, 0
	for i, a := range answers {
		t := c.Topics[i]
		if a.err != nil {
			return RankScore{}, fmt.Errorf("%s: topic %s: %w", c.Name, t.ID, a.err)
		}
		switch a.mode {
		case search.ModePartial:
			partial++
		case search.ModeCoverage:
			coverage++
		}
		run[t.ID] = a.ids
	}
	s := ScoreRun(c.Qrels, run)
	s.Partial, s.Coverage = partial, coverage
	return s, nil
}

// ranked returns the ids of the hits of q, best first: the first page of
// 10, and the hits up to Depth only when a relevant document is missing
// from it. Building a hit (its highlights and snippet) is most of a
// search's work, and the ranks below 10 only matter to Recall@100 then.
// Paging does not change the order (the engine ranks past the page and
// breaks ties by document), so this is the top Depth cut where it matters.
func ranked(e *search.Engine, q string, rel map[string]bool) ([]string, search.Mode, error) {
	const page = 10
	req := search.Request{Query: q, Limit: page, Aliases: true}
	res, err := e.Search(req)
	if err != nil {
		return nil, "", err
	}
	mode := res.Mode
	ids := make([]string, 0, page)
	found := 0
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
		if rel[h.ID] {
			found++
		}
	}
	if found == relevant(rel) || res.Total <= page {
		return ids, mode, nil
	}
	req.Offset, req.Limit = page, Depth-page
	if res, err = e.Search(req); err != nil {
		return nil, "", err
	}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids, mode, nil
}
