package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"marsad/internal/search"
)

// TestTuneCoverage scores the coverage mode and the title field's length
// normalisation over a small grid, on the xquad_r_ar sentences and
// paragraphs and the known-item sets; it is the measurement behind
// search.DefaultRanking's CoverageFrom, CoverageExponent and TitleB. It runs
// only when MARSAD_TUNE_COVERAGE is set (a few minutes: it indexes news-70k's
// SaudiNewsNet part).
func TestTuneCoverage(t *testing.T) {
	if os.Getenv("MARSAD_TUNE_COVERAGE") == "" {
		t.Skip("set MARSAD_TUNE_COVERAGE=1 to tune the coverage mode and the title's b")
	}
	needShared(t, "corpora/news-70k.jsonl.gz")
	type set struct {
		name string
		c    *EngineCollection
	}
	var sets []set
	dir := filepath.Join(sharedDir, "eval", "xquad_r_ar")
	for _, lv := range XQuADLevels {
		c, err := LoadEngineCollection(dir, lv)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set{lv.Name, c})
	}
	articles, err := LoadCorpusPart(filepath.Join(sharedDir, "corpora", "news-70k.jsonl.gz"), KnownItemCorpus, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	headline, lede := KnownItemSets(articles, KnownItemTopics, KnownItemSeed)
	all := append(append([]Topic(nil), headline.Topics...), lede.Topics...)
	qrels := map[string]map[string]bool{}
	for _, ks := range []KnownItemSet{headline, lede} {
		for q, rel := range ks.Qrels {
			qrels[q] = rel
		}
	}
	news, err := NewEngineCollection(KnownItemCorpus, articles, all, qrels)
	if err != nil {
		t.Fatal(err)
	}
	for _, ks := range []KnownItemSet{headline, lede} {
		sub := *news
		sub.Topics, sub.Qrels = ks.Topics, ks.Qrels
		sets = append(sets, set{ks.Name, &sub})
	}
	try := func(r search.Ranking) {
		line := ""
		for _, s := range sets {
			sc, err := s.c.Score(r)
			if err != nil {
				t.Fatal(err)
			}
			line += " | " + s.name + " " + f3(sc.MRR10) + " " + f3(sc.Recall10) + " cov " + itoa3(sc.Coverage) + " part " + itoa3(sc.Partial)
		}
		t.Logf("from %d exp %.1f titleB %.1f%s", r.CoverageFrom, r.CoverageExponent, r.TitleB, line)
	}
	d := search.DefaultRanking
	for _, from := range []int{0, 3, 4, 5, 6, 8} {
		for _, exp := range []float64{1, 2, 4} {
			r := d
			r.CoverageFrom, r.CoverageExponent = from, exp
			if from == 0 && exp != 1 {
				continue
			}
			try(r)
		}
	}
	for _, tb := range []float64{0, 0.3, 0.5, 0.7, 1} {
		for _, boost := range []float64{1, 2, 3} {
			r := d
			r.TitleB, r.TitleBoost = tb, boost
			t.Logf("title boost %.1f", boost)
			try(r)
		}
	}
}

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
func itoa3(n int) string  { return strconv.Itoa(n) }
