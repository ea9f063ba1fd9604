package eval

// Known-item search on news: a visitor pastes an article's headline, or its
// first sentence, to find that article. The sets are drawn at evaluation
// time, by a fixed seed, from the SaudiNewsNet records of news-70k (their
// "corpus" field); no sample is stored.

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad/internal/corpus"
	"marsad/internal/ingest"
)

// Known-item sets drawn from one corpus of a mixed JSONL collection.
const (
	// KnownItemCorpus is the value of the "corpus" field of the records
	// the sets are drawn from (and the engine indexes).
	KnownItemCorpus = "saudinewsnet"
	// KnownItemTopics is how many articles each set samples.
	KnownItemTopics = 500
	// KnownItemSeed fixes the sample.
	KnownItemSeed = 17
	// minLedeWords is the fewest words a first sentence needs to be a
	// query (shorter ones are datelines or captions).
	minLedeWords = 6
)

// LoadCorpusPart reads the records of a gzipped JSONL collection whose
// "corpus" field is part, through the ingestion `marsad build` uses (so
// titles, texts and skips are what a site would hold). scratch is a folder
// for the filtered copy.
func LoadCorpusPart(path, part, scratch string) ([]corpus.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval needs %s: %w", path, err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("eval needs %s: %w", path, err)
	}
	out := filepath.Join(scratch, part+".jsonl")
	w, err := os.Create(out)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(w)
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	line, kept := 0, 0
	for sc.Scan() {
		line++
		var rec struct{ Corpus string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			w.Close()
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if rec.Corpus != part {
			continue
		}
		kept++
		bw.Write(sc.Bytes())
		bw.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		w.Close()
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if kept == 0 {
		return nil, fmt.Errorf("%s: no record with corpus %q", path, part)
	}
	res, err := ingest.Load(out, ingest.Options{Format: ingest.FormatJSONL})
	if err != nil {
		return nil, err
	}
	return res.Documents, nil
}

// KnownItemSet is one known-item test: each topic's only relevant
// document is the article its text was taken from.
type KnownItemSet struct {
	Name   string
	Topics []Topic
	Qrels  map[string]map[string]bool
}

// KnownItemSets draws n articles by seed (in the order of their ids, so
// the sample does not depend on the input order) and makes two sets: the
// headline of each article that has one, and the first sentence of each
// whose first sentence has at least minLedeWords words.
func KnownItemSets(docs []corpus.Document, n int, seed uint64) (headline, lede KnownItemSet) {
	byID := slices.Clone(docs)
	slices.SortFunc(byID, func(a, b corpus.Document) int { return strings.Compare(a.ID, b.ID) })
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	headline = KnownItemSet{Name: "headline", Qrels: map[string]map[string]bool{}}
	lede = KnownItemSet{Name: "first sentence", Qrels: map[string]map[string]bool{}}
	for _, i := range r.Perm(len(byID))[:min(n, len(byID))] {
		d := byID[i]
		if t := strings.TrimSpace(d.Title); t != "" {
			qid := "h-" + d.ID
			headline.Topics = append(headline.Topics, Topic{qid, t})
			headline.Qrels[qid] = map[string]bool{d.ID: true}
		}
		if s := FirstSentence(d.Text); len(strings.Fields(s)) >= minLedeWords {
			qid := "s-" + d.ID
			lede.Topics = append(lede.Topics, Topic{qid, s})
			lede.Qrels[qid] = map[string]bool{d.ID: true}
		}
	}
	return headline, lede
}

// FirstSentence is the text up to the first sentence end (. ؟ ? ! or a
// line break), without it; the whole text if it has none.
func FirstSentence(text string) string {
	text = strings.TrimSpace(text)
	for i, r := range text {
		switch r {
		case '\n', '؟', '?', '!':
			return strings.TrimSpace(text[:i])
		case '.':
			// A full stop between digits is a decimal point (3.5).
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsDigit(before) && unicode.IsDigit(after) {
				continue
			}
			return strings.TrimSpace(text[:i])
		}
	}
	return text
}
