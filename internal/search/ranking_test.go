package search

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"marsad/internal/entity"
	"marsad/internal/ingest"
	"marsad/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite testdata/ranking from the current engine")

// rankingQueries are the queries whose ranking is kept as golden files:
// every kind of query the language has, over the seeds and the news sample.
// Each name is the golden file's.
var rankingQueries = []struct{ name, query string }{
	{"word", "ترامب"},
	{"word-seeds", "تويتر"},
	{"two-words", "روسيا سوريا"},
	{"many-words", "الأمم المتحدة حقوق الإنسان"},
	{"partial", "المنتخب التونسي كأس العالم الفيفا"},
	{"phrase", `"كرة القدم"`},
	{"phrase-alias", `"تنظيم الدولة"`},
	{"long-phrase", `"وسائل التواصل الاجتماعي"`},
	{"exact", "=الحكومة"},
	{"or", "الشرطة OR الجيش"},
	{"not", "سوريا -روسيا"},
	{"prefix", "مبارا*"},
	{"fuzzy", "ترمب~"},
	{"fuzzy-confusion", "تنضيم~"},
	{"alias", "داعش"},
	{"latin", "trump"},
	{"source", "source:skynews الحكومة"},
	{"date", "مباراة date:2017"},
	{"entity", "entity:تونس"},
	{"stop-words-only", "من هو"},
}

var (
	rankingOnce   sync.Once
	rankingEngine *Engine
	rankingErr    error
)

// rankingCorpus is the engine the goldens rank with: the seeds and the news
// sample (testcorpus.NewsSample), tagged as marsad index tags them, through
// a bundle round trip.
func rankingCorpus(t *testing.T) *Engine {
	t.Helper()
	rankingOnce.Do(func() {
		tagger, err := entity.Default()
		if err != nil {
			rankingErr = err
			return
		}
		opts := ingest.Options{Tag: tagger.Tag}
		seeds, err := ingest.Load(testcorpus.SeedDir(), opts)
		if err != nil {
			rankingErr = err
			return
		}
		news, err := ingest.Load(testcorpus.NewsSample(), opts)
		if err != nil {
			rankingErr = err
			return
		}
		rankingEngine, rankingErr = buildEngine(append(seeds.Documents, news.Documents...))
	})
	if rankingErr != nil {
		t.Fatal(rankingErr)
	}
	return rankingEngine
}

// TestRankingGoldens ranks a fixed set of queries over the seeds and the
// news sample and compares what a visitor sees of it with
// testdata/ranking/<name>.golden: the total, the forms matched, what else
// was searched, and the top ten ids with their scores and titles. A change
// to the analysis or the scoring shows as a diff of these files: rerun with
// -update and review it.
func TestRankingGoldens(t *testing.T) {
	e := rankingCorpus(t)
	for _, q := range rankingQueries {
		t.Run(q.name, func(t *testing.T) {
			res, err := e.Search(Request{Query: q.query, Limit: 10, Aliases: true})
			if err != nil {
				t.Fatal(err)
			}
			got := rankingReport(q.query, res)
			file := filepath.Join("testdata", "ranking", q.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/search -run TestRankingGoldens -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (review, then rerun with -update):\n--- want\n%s--- got\n%s", file, want, got)
			}
		})
	}
}

// rankingReport renders a result as the golden files hold it.
func rankingReport(q string, res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "query: %s\n", q)
	fmt.Fprintf(&b, "parsed: %s\n", res.Query)
	fmt.Fprintf(&b, "total: %d\n", res.Total)
	if res.Mode != "" {
		fmt.Fprintf(&b, "mode: %s\n", res.Mode)
	}
	for _, h := range res.ReadAsText {
		fmt.Fprintf(&b, "read as text: %s\n", h.Error())
	}
	if res.DroppedTerms > 0 {
		fmt.Fprintf(&b, "dropped terms: %d\n", res.DroppedTerms)
	}
	if res.Partial {
		fmt.Fprintf(&b, "partial: requiring every word found %d\n", res.StrictTotal)
	}
	if res.DidYouMean != "" {
		fmt.Fprintf(&b, "did you mean: %s\n", res.DidYouMean)
	}
	fmt.Fprintf(&b, "terms: %s\n", strings.Join(res.Terms, " | "))
	for _, a := range res.AlsoSearched {
		fmt.Fprintf(&b, "also searched for %s: %s\n", a.Query, strings.Join(a.Others, " | "))
	}
	var forms []string
	for _, f := range res.Forms {
		forms = append(forms, fmt.Sprintf("%s %s %d", f.Term, f.Form, f.Count))
	}
	fmt.Fprintf(&b, "forms: %s\n", strings.Join(forms, ", "))
	for _, x := range res.Expansions {
		var words []string
		for _, w := range x.Words {
			words = append(words, fmt.Sprintf("%s %d", w.Form, w.Count))
		}
		fmt.Fprintf(&b, "expansion %s: %d words, %d searched, too broad %v: %s\n", x.Typed, x.Total, x.Searched, x.TooBroad, strings.Join(words, ", "))
	}
	for i, h := range res.Hits {
		title := []rune(h.Title)
		if len(title) > 60 {
			title = append(title[:60], '…')
		}
		fmt.Fprintf(&b, "%2d %8.4f %s  %s\n", i+1, h.Score, h.ID, string(title))
	}
	return b.String()
}
