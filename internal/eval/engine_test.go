package eval

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"marsad/internal/corpus"
	"marsad/internal/search"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// TestScoreRun checks every figure against values worked out by hand.
func TestScoreRun(t *testing.T) {
	far := make([]string, 0, 120) // the relevant document at rank 12, and past 100
	for i := range 120 {
		far = append(far, "x"+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	far[11] = "r12"
	far[110] = "r111"
	qrels := map[string]map[string]bool{
		"first":  {"a": true},                         // rank 1
		"multi":  {"a": true, "b": true, "c": true},   // ranks 2 and 4 of 3 relevant
		"far":    {"r12": true, "r111": true},         // rank 12; rank 111 is past the cut
		"none":   {"a": true},                         // no hits
		"failed": {"a": true},                         // not in the run: no hits
		"empty":  {},                                  // not judged: not counted
		"miss":   {"z": true},                         // hits, none relevant
		"third":  {"c": true, "d": false, "e": false}, // rank 3; false is not relevant
	}
	run := map[string][]string{
		"first": {"a", "x", "y"},
		"multi": {"x", "a", "y", "b"},
		"far":   far,
		"none":  {},
		"empty": {"a"},
		"miss":  {"a", "b"},
		"third": {"d", "e", "c"},
	}
	s := ScoreRun(qrels, run)

	const topics = 7.0
	l2 := func(rank int) float64 { return 1 / math.Log2(float64(rank+1)) }
	want := RankScore{
		Topics:    7,
		MRR10:     (1 + 0.5 + 0 + 0 + 0 + 0 + 1.0/3) / topics,
		NDCG10:    (1 + (l2(2)+l2(4))/(l2(1)+l2(2)+l2(3)) + 0 + 0 + 0 + 0 + l2(3)/l2(1)) / topics,
		Recall10:  (1 + 2.0/3 + 0 + 0 + 0 + 0 + 1) / topics,
		Recall100: (1 + 2.0/3 + 0.5 + 0 + 0 + 0 + 1) / topics,
		NoHits:    2,
	}
	if s.Topics != want.Topics || s.NoHits != want.NoHits ||
		!near(s.MRR10, want.MRR10) || !near(s.NDCG10, want.NDCG10) ||
		!near(s.Recall10, want.Recall10) || !near(s.Recall100, want.Recall100) {
		t.Fatalf("got  %+v\nwant %+v", s, want)
	}

	// A perfect run scores 1 everywhere, with several relevant documents.
	p := ScoreRun(map[string]map[string]bool{"q": {"a": true, "b": true}}, map[string][]string{"q": {"b", "a", "c"}})
	if p.Topics != 1 || !near(p.MRR10, 1) || !near(p.NDCG10, 1) || !near(p.Recall10, 1) || !near(p.Recall100, 1) {
		t.Fatalf("perfect run: %+v", p)
	}
	if z := ScoreRun(map[string]map[string]bool{}, nil); z != (RankScore{}) {
		t.Fatalf("no topics: %+v", z)
	}
}

// toyCollection is four documents whose every query below has one
// obvious ranking.
func toyCollection(t *testing.T) *EngineCollection {
	t.Helper()
	docs := []corpus.Document{
		{ID: "d1", Title: "cats", Text: "القطط تحب الحليب"},
		{ID: "d2", Title: "dogs", Text: "الكلاب تحرس البيوت"},
		{ID: "d3", Title: "birds", Text: "الطيور تهاجر في الشتاء"},
		{ID: "d4", Title: "play", Text: "القطط والكلاب تلعب"},
	}
	topics := []Topic{
		{"q1", "الطيور"},       // only d3 has the word: rank 1
		{"q2", "القطط الحليب"}, // d1 has both words, d4 one (partial matches): d4 at rank 2
		{"q3", "الثلج"},        // no document has it: no hits
		{"q4", "a*b"},          // read as the words a b, which no document has
		{"q5", "البيوت"},       // not judged
	}
	qrels := map[string]map[string]bool{
		"q1": {"d3": true},
		"q2": {"d4": true},
		"q3": {"d2": true},
		"q4": {"d1": true},
	}
	c, err := NewEngineCollection("toy", docs, topics, qrels)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEngineCollectionToy(t *testing.T) {
	c := toyCollection(t)
	for _, r := range []search.Ranking{search.DefaultRanking, {K1: 0.4, B: 0, TitleBoost: 1}, {K1: 2.4, B: 1, TitleBoost: 2}} {
		s, err := c.Score(r)
		if err != nil {
			t.Fatal(err)
		}
		const n = 4.0
		want := RankScore{
			Topics:    4,
			MRR10:     (1 + 0.5) / n,
			NDCG10:    (1 + 1/math.Log2(3)) / n,
			Recall10:  2 / n,
			Recall100: 2 / n,
			NoHits:    2,
			Partial:   1, // q2
		}
		if s.Topics != want.Topics || s.NoHits != want.NoHits || s.Partial != want.Partial || s.Coverage != 0 ||
			!near(s.MRR10, want.MRR10) || !near(s.NDCG10, want.NDCG10) ||
			!near(s.Recall10, want.Recall10) || !near(s.Recall100, want.Recall100) {
			t.Fatalf("ranking %+v:\ngot  %+v\nwant %+v", r, s, want)
		}
	}
}

func TestNewEngineCollectionChecks(t *testing.T) {
	docs := []corpus.Document{{ID: "d1", Text: "القطط تحب الحليب"}}
	topics := []Topic{{"q1", "القطط"}}
	_, err := NewEngineCollection("toy", docs, topics, map[string]map[string]bool{"q1": {"d9": true}})
	if err == nil || !strings.Contains(err.Error(), "d9") {
		t.Errorf("judged document missing from the corpus: err = %v", err)
	}
	_, err = NewEngineCollection("toy", docs, topics, map[string]map[string]bool{"q7": {"d1": true}})
	if err == nil || !strings.Contains(err.Error(), "q7") {
		t.Errorf("judged topic without a query: err = %v", err)
	}
}

func TestTuneGrid(t *testing.T) {
	if want := []float64{0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4}; !slices.Equal(TuneK1, want) {
		t.Errorf("TuneK1 = %v, want %v", TuneK1, want)
	}
	if want := []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}; !slices.Equal(TuneB, want) {
		t.Errorf("TuneB = %v, want %v", TuneB, want)
	}
}

func TestTuneMissingShared(t *testing.T) {
	_, err := Tune(filepath.Join(t.TempDir(), "nope"))
	if err == nil || !strings.Contains(err.Error(), "eval needs ") {
		t.Fatalf("err = %v, want it to name the missing file", err)
	}
}

// TestEngineOnSharedData scores the default ranking on the real collection
// and checks that ranked's shortcut (the first page, then the rest only
// when needed) ranks as one search of Depth hits does.
func TestEngineOnSharedData(t *testing.T) {
	needShared(t, "eval/xquad_r_ar/corpus.jsonl")
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
		t.Logf("%s, %d documents: %+v", lv.Name, c.Docs, s)
		if s.Topics != 1190 || s.MRR10 < 0.5 || s.Recall100 < s.Recall10 {
			t.Errorf("%s: implausible %+v", lv.Name, s)
		}
		e := c.engines[0]
		for _, r := range []search.Ranking{search.DefaultRanking, {K1: 2.4, B: 0, TitleBoost: 2}} {
			e.SetRanking(r)
			for _, tp := range c.Topics[:200] {
				short, _, err := ranked(e, tp.Text, c.Qrels[tp.ID])
				if err != nil {
					t.Fatal(err)
				}
				res, err := e.Search(search.Request{Query: tp.Text, Limit: Depth, Aliases: true})
				if err != nil {
					t.Fatal(err)
				}
				var full []string
				for _, h := range res.Hits[:min(len(short), len(res.Hits))] {
					full = append(full, h.ID)
				}
				if !slices.Equal(short, full) {
					t.Fatalf("%s %s %q: paged %v, one search %v", lv.Name, tp.ID, tp.Text, short, full)
				}
			}
		}
	}
}
