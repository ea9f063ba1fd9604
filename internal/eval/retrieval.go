package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Collection is a retrieval test collection: documents, topics (queries)
// and relevance judgments.
type Collection struct {
	Docs   []Doc
	Topics []Topic
	Qrels  map[string]map[string]bool // qid → relevant doc ids
}

// Topic is one query.
type Topic struct {
	ID, Text string
}

// LoadCollection reads corpus.jsonl (fields id, text), topics.tsv
// (qid TAB text) and qrels.txt (TREC: qid 0 docid rel; rel > 0 is relevant)
// from dir. Errors name the file.
func LoadCollection(dir string) (*Collection, error) {
	c := &Collection{}
	var err error
	if c.Docs, err = loadDocs(dir + "/corpus.jsonl"); err != nil {
		return nil, err
	}
	err = eachLine(dir+"/topics.tsv", func(line string) error {
		id, text, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("want qid TAB text")
		}
		c.Topics = append(c.Topics, Topic{id, text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if c.Qrels, err = loadQrels(dir + "/qrels.txt"); err != nil {
		return nil, err
	}
	if len(c.Docs) == 0 || len(c.Topics) == 0 || len(c.Qrels) == 0 {
		return nil, fmt.Errorf("eval needs a non-empty collection in %s", dir)
	}
	return c, nil
}

// loadDocs reads the id and text of each document of a JSONL corpus.
func loadDocs(path string) ([]Doc, error) {
	var docs []Doc
	err := eachLine(path, func(line string) error {
		var d struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return err
		}
		if d.ID == "" {
			return fmt.Errorf("document without id")
		}
		docs = append(docs, Doc{d.ID, d.Text})
		return nil
	})
	return docs, err
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval needs %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// RetrievalScore holds the ranking figures of one analyzer over a
// collection. MRR@10, Recall@10 and Recall@100 are means over the judged
// topics (topics without a relevant document are not counted).
type RetrievalScore struct {
	Topics      int // judged topics evaluated
	MRR10       float64
	Recall10    float64
	Recall100   float64
	ZeroResults int // topics whose query matched no document at all
}

// ScoreRetrieval indexes the collection with a, runs every judged topic as
// an OR query over BM25 and averages the figures.
func ScoreRetrieval(c *Collection, a Analyzer) RetrievalScore {
	return scoreTopics(NewIndex(c.Docs, a.Terms), a, c.Topics, c.Qrels)
}

// scoreTopics runs topics over an index built with a.
func scoreTopics(ix *Index, a Analyzer, topics []Topic, qrels map[string]map[string]bool) RetrievalScore {
	var s RetrievalScore
	for _, t := range topics {
		rel := qrels[t.ID]
		if len(rel) == 0 {
			continue
		}
		s.Topics++
		hits := ix.Search(a.Terms(t.Text), 100)
		if len(hits) == 0 {
			s.ZeroResults++
			continue
		}
		found10, found100 := 0, 0
		for i, h := range hits {
			if !rel[h.ID] {
				continue
			}
			if i < 10 {
				if found10 == 0 {
					s.MRR10 += 1 / float64(i+1)
				}
				found10++
			}
			found100++
		}
		s.Recall10 += float64(found10) / float64(len(rel))
		s.Recall100 += float64(found100) / float64(len(rel))
	}
	if s.Topics > 0 {
		n := float64(s.Topics)
		s.MRR10 /= n
		s.Recall10 /= n
		s.Recall100 /= n
	}
	return s
}
