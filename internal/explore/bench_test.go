package explore

import (
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"

	"marsad/internal/index"
	"marsad/internal/search"
	"marsad/internal/testcorpus"
)

// The views measured on the benchmark corpora, built as sites by 'make
// bench-sites' (MARSAD_BENCH_SITES/<corpus>/web/bundle; 'marsad index -out'
// into that folder gives the same bundle). Each view runs cold (a fresh
// engine and no word analyzed yet: every chunk and article it needs is
// fetched, as on a first visit) and warm (the same engine again: the work
// of a click once the files are in). Besides ns/op, each reports the bytes it fetched (fetched-B/op) and
// the articles it read (docs-read/op). Run natively, or single-threaded in
// WebAssembly as the page runs them:
//
//	GOOS=js GOARCH=wasm go test -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" \
//	  -run '^$' -bench . ./internal/explore
func BenchmarkViewsDaesh(b *testing.B)   { benchViews(b, "daesh-news") }
func BenchmarkViewsNews70k(b *testing.B) { benchViews(b, "news-70k") }

// countingFetcher counts the bytes a bundle's reader fetches.
type countingFetcher struct {
	f     index.Fetcher
	bytes *atomic.Int64
}

func (c countingFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	data, err := c.f.Fetch(name, off, length)
	c.bytes.Add(int64(len(data)))
	return data, err
}

// openCounted opens a bundle whose fetches are counted from now on (the
// root, read at open, is not counted: every view has it).
func openCounted(b *testing.B, dir string) (*search.Engine, *atomic.Int64) {
	roots, err := filepath.Glob(filepath.Join(dir, "corpus-*.mrsd"))
	if err != nil || len(roots) != 1 {
		b.Fatalf("no bundle root in %s", dir)
	}
	var n atomic.Int64
	e, err := search.Open(countingFetcher{index.DirFetcher(dir), &n}, filepath.Base(roots[0]))
	if err != nil {
		b.Fatal(err)
	}
	n.Store(0)
	return e, &n
}

// view is one view of the workbench as the page asks for it; it returns the
// number of articles it read.
type view struct {
	name string
	run  func(e *search.Engine, top [2]string) (int, error)
}

var views = []view{
	{"concordance-page/common", func(e *search.Engine, _ [2]string) (int, error) {
		c, err := Concordance(e, search.Request{Query: "داعش", Aliases: true}, ConcordanceOptions{Limit: 50})
		return docsRead(c, err)
	}},
	{"concordance-page/rare", func(e *search.Engine, _ [2]string) (int, error) {
		c, err := Concordance(e, search.Request{Query: "تويتر", Aliases: true}, ConcordanceOptions{Limit: 50, Offset: 50})
		return docsRead(c, err)
	}},
	{"concordance-sorted/common", func(e *search.Engine, _ [2]string) (int, error) {
		c, err := Concordance(e, search.Request{Query: "داعش", Aliases: true}, ConcordanceOptions{Limit: 50, Sort: SortAfter1})
		return docsRead(c, err)
	}},
	{"trends/1", func(e *search.Engine, _ [2]string) (int, error) {
		_, err := Trends(e, []search.Request{{Query: "داعش", Aliases: true}}, TrendOptions{})
		return 0, err
	}},
	{"trends/5", func(e *search.Engine, _ [2]string) (int, error) {
		var qs []search.Request
		for _, q := range []string{"داعش", "تويتر", "الحكومة", "الإرهاب", "فيسبوك"} {
			qs = append(qs, search.Request{Query: q, Aliases: true})
		}
		_, err := Trends(e, qs, TrendOptions{})
		return 0, err
	}},
	{"collocates", func(e *search.Engine, _ [2]string) (int, error) {
		c, err := Collocates(e, search.Request{Query: "داعش", Aliases: true}, CollocateOptions{})
		if err != nil {
			return 0, err
		}
		return c.DocsRead, nil
	}},
	{"wordforms", func(e *search.Engine, _ [2]string) (int, error) {
		_, err := WordForms(e, search.Request{Query: "تويتر", Aliases: true})
		return 0, err
	}},
	{"wordlist/source", func(e *search.Engine, top [2]string) (int, error) {
		w, err := WordList(e, search.Request{Sources: []string{top[0]}}, WordListOptions{})
		if err != nil {
			return 0, err
		}
		return w.DocsRead, nil
	}},
	{"compare/sources", func(e *search.Engine, top [2]string) (int, error) {
		c, err := Compare(e, search.Request{Sources: []string{top[0]}}, search.Request{Sources: []string{top[1]}}, "داعش", CompareOptions{})
		if err != nil {
			return 0, err
		}
		return c.A.DocsRead + c.B.DocsRead, nil
	}},
}

func docsRead(c *ConcordanceResult, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	return c.DocsRead, nil
}

// topSources are the two sources with the most articles.
func topSources(ix *index.Index) [2]string {
	n := make([]int, len(ix.Sources()))
	for d := range ix.NumDocs() {
		n[ix.SourceNum(d)]++
	}
	order := make([]int, len(n))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, c int) bool { return n[order[a]] > n[order[c]] })
	var top [2]string
	for i := range min(2, len(order)) {
		top[i] = ix.Sources()[order[i]]
	}
	return top
}

func benchViews(b *testing.B, corpus string) {
	dir := testcorpus.BenchBundle(b, corpus)
	for _, v := range views {
		b.Run(v.name+"/cold", func(b *testing.B) {
			var fetched, read int64
			for range b.N {
				b.StopTimer()
				spellings.mu.Lock()
				spellings.m = nil // a first visit knows no word yet
				spellings.mu.Unlock()
				e, n := openCounted(b, dir)
				top := topSources(e.Index())
				b.StartTimer()
				docs, err := v.run(e, top)
				if err != nil {
					b.Fatal(err)
				}
				fetched += n.Load()
				read += int64(docs)
			}
			b.ReportMetric(float64(fetched)/float64(b.N), "fetched-B/op")
			b.ReportMetric(float64(read)/float64(b.N), "docs-read/op")
		})
		b.Run(v.name+"/warm", func(b *testing.B) {
			e, n := openCounted(b, dir)
			top := topSources(e.Index())
			if _, err := v.run(e, top); err != nil {
				b.Fatal(err)
			}
			n.Store(0)
			b.ResetTimer()
			for range b.N {
				if _, err := v.run(e, top); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n.Load())/float64(b.N), "fetched-B/op")
		})
	}
}
