package eval

import (
	"os"
	"path/filepath"
	"testing"

	"marsad/internal/arabic"
	"marsad/internal/fuzzy"
	"marsad/internal/search"
)

func TestZZMRR(t *testing.T) {
	dir := filepath.Join(sharedDir, "eval", "xquad_r_ar")
	for _, lv := range XQuADLevels {
		c, err := LoadEngineCollection(dir, lv)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Score(search.DefaultRanking)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s MRR@10 %.4f", lv.Name, s.MRR10)
	}
	if os.Getenv("ZZKI") == "" {
		return
	}
	scratch := t.TempDir()
	news := filepath.Join(sharedDir, "corpora", "news-70k.jsonl.gz")
	articles, err := LoadCorpusPart(news, KnownItemCorpus, scratch)
	if err != nil {
		t.Fatal(err)
	}
	headline, lede := KnownItemSets(articles, KnownItemTopics, KnownItemSeed)
	for _, ks := range []KnownItemSet{headline, lede} {
		c, err := NewEngineCollection(KnownItemCorpus, articles, ks.Topics, ks.Qrels)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Score(search.DefaultRanking)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s MRR@10 %.4f", ks.Name, s.MRR10)
	}
}

func TestZZZeroDF(t *testing.T) {
	dir := filepath.Join(sharedDir, "eval", "xquad_r_ar")
	lv := XQuADLevels[0]
	c, err := LoadEngineCollection(dir, lv)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := loadDocs(filepath.Join(dir, lv.Corpus))
	df := map[string]int{}
	docTerms := map[string]map[string]bool{}
	for _, d := range docs {
		m := map[string]bool{}
		for _, tok := range arabic.Analyze(d.Text) {
			if tok.Term != "" {
				m[tok.Term] = true
			}
		}
		for k := range m {
			df[k]++
		}
		docTerms[d.ID] = m
	}
	zeroQ, zeroMiss, near := 0, 0, 0
	for _, tp := range c.Topics {
		var zeros []string
		for _, tok := range arabic.Analyze(tp.Text) {
			if tok.Term != "" && df[tok.Term] == 0 {
				zeros = append(zeros, tok.Term)
			}
		}
		if len(zeros) == 0 {
			continue
		}
		zeroQ++
		ids, _, _ := ranked(c.engines[0], tp.Text, c.Qrels[tp.ID])
		if len(ids) > 0 && c.Qrels[tp.ID][ids[0]] {
			continue
		}
		zeroMiss++
		var nears []string
		for id := range c.Qrels[tp.ID] {
			for term := range docTerms[id] {
				for _, z := range zeros {
					if d, ok := fuzzy.Distance(z, term, 1); ok && d <= 1 {
						nears = append(nears, z+"~"+term)
					}
				}
			}
		}
		if len(nears) > 0 {
			near++
		}
		t.Logf("%s zeros %v near %v", tp.Text, zeros, nears)
	}
	t.Logf("questions with a zero-df term %d, of them not first %d, with a near term in the relevant %d", zeroQ, zeroMiss, near)
}
