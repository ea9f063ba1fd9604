package eval

// Search measured end to end on several sets, the way a visitor gets it:
// Marsad's engine (search.Engine with its default ranking: all words,
// partial matches, coverage ranking for long queries, aliases, rerank)
// beside plain BM25 over each analyzer (an OR of the query's terms).

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"marsad/internal/search"
)

// SearchSet holds the figures of one set.
type SearchSet struct {
	Name         string
	Docs, Topics int
	// Engine is Marsad's search engine; Ours and Baseline are BM25 (k1
	// BM25K1, b BM25B) over Marsad's analyzer and over light10.
	Engine         RankScore
	Ours, Baseline RetrievalScore
}

// searchSets measures the xquad_r_ar levels and the known-item sets drawn
// from news-70k under shared.
func searchSets(shared string) ([]SearchSet, error) {
	var sets []SearchSet
	dir := filepath.Join(shared, "eval", "xquad_r_ar")
	for _, lv := range XQuADLevels {
		c, err := LoadEngineCollection(dir, lv)
		if err != nil {
			return nil, err
		}
		docs, err := loadDocs(filepath.Join(dir, lv.Corpus))
		if err != nil {
			return nil, err
		}
		set, err := measureSet("xquad_r_ar "+lv.Name+"s", c, docs, c.Topics, c.Qrels)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set)
	}

	scratch, err := os.MkdirTemp("", "marsad-eval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	news := filepath.Join(shared, "corpora", "news-70k.jsonl.gz")
	articles, err := LoadCorpusPart(news, KnownItemCorpus, scratch)
	if err != nil {
		return nil, err
	}
	headline, lede := KnownItemSets(articles, KnownItemTopics, KnownItemSeed)
	all := append(append([]Topic(nil), headline.Topics...), lede.Topics...)
	qrels := map[string]map[string]bool{}
	for _, ks := range []KnownItemSet{headline, lede} {
		for q, rel := range ks.Qrels {
			qrels[q] = rel
		}
	}
	c, err := NewEngineCollection(KnownItemCorpus, articles, all, qrels)
	if err != nil {
		return nil, err
	}
	docs := make([]Doc, len(articles))
	for i, d := range articles {
		docs[i] = Doc{d.ID, d.Title + "\n" + d.Text}
	}
	for _, ks := range []KnownItemSet{headline, lede} {
		set, err := measureSet(KnownItemCorpus+" "+ks.Name+" → article", c, docs, ks.Topics, ks.Qrels)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set)
	}
	return sets, nil
}

// measureSet scores the topics with the engine (default ranking) and with
// BM25 over both analyzers.
func measureSet(name string, c *EngineCollection, docs []Doc, topics []Topic, qrels map[string]map[string]bool) (SearchSet, error) {
	sub := *c
	sub.Topics, sub.Qrels = topics, qrels
	engine, err := sub.Score(search.DefaultRanking)
	if err != nil {
		return SearchSet{}, err
	}
	set := SearchSet{Name: name, Docs: c.Docs, Topics: engine.Topics, Engine: engine}
	set.Ours = scoreTopics(NewIndex(docs, Ours.Terms), Ours, topics, qrels)
	set.Baseline = scoreTopics(NewIndex(docs, Baseline.Terms), Baseline, topics, qrels)
	return set, nil
}

// writeSearchSets prints the sets side by side.
func writeSearchSets(w io.Writer, sets []SearchSet) {
	fmt.Fprintf(w, "Search end to end: Marsad's engine (default ranking) | BM25 k1=%.1f b=%.1f, OR of terms, over marsad's analyzer | over light10\n", BM25K1, BM25B)
	fmt.Fprintf(w, "  %-40s %6s | %6s %6s %6s %5s %7s %8s | %6s %6s %6s %5s | %6s %6s %6s %5s\n",
		"set (docs)", "topics", "MRR@10", "R@10", "R@100", "zero", "partial", "coverage", "MRR@10", "R@10", "R@100", "zero", "MRR@10", "R@10", "R@100", "zero")
	for _, s := range sets {
		e, o, b := s.Engine, s.Ours, s.Baseline
		pct := func(n int) string { return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(max(e.Topics, 1))) }
		fmt.Fprintf(w, "  %-40s %6d | %6.3f %6.3f %6.3f %5d %7s %8s | %6.3f %6.3f %6.3f %5d | %6.3f %6.3f %6.3f %5d\n",
			fmt.Sprintf("%s (%d)", s.Name, s.Docs), e.Topics, e.MRR10, e.Recall10, e.Recall100, e.NoHits, pct(e.Partial), pct(e.Coverage),
			o.MRR10, o.Recall10, o.Recall100, o.ZeroResults, b.MRR10, b.Recall10, b.Recall100, b.ZeroResults)
	}
}

// Targets of the search sets (issue 17), reported beside the analysis
// targets; they do not change make eval's exit status.
const (
	TargetSentenceMRR         = 0.80 // xquad_r_ar sentences, the engine's MRR@10
	TargetConflationPrecision = 0.92
	TargetConflationRecall    = 0.95
	TargetMBps                = 20
)

// writeSearchTargets prints whether the search targets hold.
func (r *Report) writeSearchTargets(w io.Writer, verdict func(bool) string) {
	zero := 0
	for _, s := range r.Search {
		zero += s.Engine.NoHits
	}
	fmt.Fprintf(w, "Target no query without results on any set: %s (%d)\n", verdict(zero == 0), zero)
	for _, s := range r.Search {
		if s.Name == "xquad_r_ar sentences" {
			fmt.Fprintf(w, "Target xquad_r_ar sentences MRR@10 >= %.2f: %s (%.3f)\n", TargetSentenceMRR, verdict(s.Engine.MRR10 >= TargetSentenceMRR), s.Engine.MRR10)
		}
	}
	c := r.Ours.Conflation
	fmt.Fprintf(w, "Target conflation precision >= %.2f with recall >= %.2f: %s (%.3f, %.3f)\n", TargetConflationPrecision, TargetConflationRecall,
		verdict(c.Precision() >= TargetConflationPrecision && c.Recall() >= TargetConflationRecall), c.Precision(), c.Recall())
	if sp := r.Speed; sp != nil {
		fmt.Fprintf(w, "Target analysis speed >= %d MB/s per core: %s (%.1f MB/s, on this machine at this moment)\n", TargetMBps, verdict(sp.MBps() >= TargetMBps), sp.MBps())
	}
}
