package search

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"marsad/internal/benchset"
	"marsad/internal/index"
	"marsad/internal/testcorpus"
)

func BenchmarkQueryBytesNews70k(b *testing.B) { benchQueryBytes(b, "news-70k") }
func BenchmarkQueryBytesDaesh(b *testing.B)   { benchQueryBytes(b, "daesh-news") }

// tailQueries is how many of the costliest queries the benchmark logs.
var tailQueries = 10

// rangeLog is a Fetcher that records what it serves: the bytes of each
// range or file, by file kind, and whether the same range was served
// before (a browser then reads it from its caches: the page keeps every
// range it read in its service worker, and the files are immutable).
type rangeLog struct {
	f    index.Fetcher
	mu   sync.Mutex
	seen map[string]bool
	// new and again: bytes served since the last take, by file kind (the
	// first letter of the file's name: t term chunks, p position chunks,
	// d document packs, e the entity table, v the vocabulary, i ID groups),
	// ranges never served before and ranges served again.
	new, again map[byte]int64
}

func newRangeLog(f index.Fetcher) *rangeLog {
	return &rangeLog{f: f, seen: map[string]bool{}, new: map[byte]int64{}, again: map[byte]int64{}}
}

func (l *rangeLog) Fetch(name string, off, length int64) ([]byte, error) {
	data, err := l.f.Fetch(name, off, length)
	if err != nil {
		return data, err
	}
	key := fmt.Sprint(name, "@", off, "+", length)
	l.mu.Lock()
	if l.seen[key] {
		l.again[name[0]] += int64(len(data))
	} else {
		l.seen[key] = true
		l.new[name[0]] += int64(len(data))
	}
	l.mu.Unlock()
	return data, nil
}

// take returns the bytes served since the last take, new and again, by
// file kind, and starts counting again.
func (l *rangeLog) take() (fresh, again map[byte]int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fresh, again = l.new, l.again
	l.new, l.again = map[byte]int64{}, map[byte]int64{}
	return fresh, again
}

func total(m map[byte]int64) int64 {
	var n int64
	for _, v := range m {
		n += v
	}
	return n
}

// queryBytes is what one query read.
type queryBytes struct {
	q           benchset.Query
	cold        map[byte]int64 // on a fresh engine: a visitor's first query
	session     map[byte]int64 // in one session, ranges read before not counted
	coldTotal   int64
	sessionTotl int64
}

// benchQueryBytes measures the bytes of the bundle each benchmark query
// reads, the queries of the browser harness (BenchmarkPeers in package
// main: internal/benchset's 120 without the prefix and fuzzy ones, which
// Pagefind lacks) asked as the page asks them (a page of ten hits,
// aliases on, the entity facet later). Two figures a query, both exact and
// the same every run:
//
//   - cold: the query alone on a freshly opened bundle (its root read and
//     not counted), every chunk and article fetched: what a visitor's first
//     query costs.
//   - session: the queries in one page one after the other, as the
//     harness types them, the first being the visit's address; a range the
//     page read before costs nothing (its caches answer), so this is what
//     the server sends, the figure of the harness's "bytes per query".
//
// It reports the p50 and p95 of both in KB (1,000 bytes, as the harness
// prints them), the median and the largest of the prefix and of the fuzzy
// queries (cold, the vocabulary left out: a visit reads it once), and logs
// the ten costliest queries of each with where their bytes went.
func benchQueryBytes(b *testing.B, corpus string) {
	dir := testcorpus.BenchBundle(b, corpus)
	e, err := OpenDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	drawn, err := benchset.Queries(e.Index(), 120)
	if err != nil {
		b.Fatal(err)
	}
	var qs, expansions []benchset.Query
	for _, q := range drawn {
		if q.Kind != "prefix" && q.Kind != "fuzzy" {
			qs = append(qs, q)
		} else {
			expansions = append(expansions, q)
		}
	}
	roots, err := filepath.Glob(filepath.Join(dir, "corpus-*.mrsd"))
	if err != nil || len(roots) != 1 {
		b.Fatalf("no bundle root in %s", dir)
	}
	root := filepath.Base(roots[0])
	open := func() (*Engine, *rangeLog) {
		l := newRangeLog(index.DirFetcher(dir))
		e, err := Open(l, root)
		if err != nil {
			b.Fatal(err)
		}
		l.take()
		return e, l
	}
	ask := func(e *Engine, q string) {
		if _, err := e.Search(Request{Query: q, Limit: 10, Aliases: true, EntitiesLater: true}); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	var out, wide []queryBytes
	b.ResetTimer()
	for range b.N {
		out, wide = out[:0], wide[:0]
		// The prefix and fuzzy queries, cold, without the vocabulary (a
		// fuzzy word's, read once a visit).
		for _, q := range expansions {
			e, l := open()
			ask(e, q.Text)
			fresh, again := l.take()
			for k, v := range again {
				fresh[k] += v
			}
			wide = append(wide, queryBytes{q: q, cold: fresh, coldTotal: total(fresh) - fresh['v']})
		}
		for _, q := range qs[1:] {
			e, l := open()
			ask(e, q.Text)
			fresh, again := l.take()
			for k, v := range again {
				fresh[k] += v
			}
			out = append(out, queryBytes{q: q, cold: fresh, coldTotal: total(fresh)})
		}
		// The session: the visit's query, then the entity table (the page
		// loads it after its first results), then the typed queries.
		e, l := open()
		ask(e, qs[0].Text)
		if err := e.LoadEntities(); err != nil {
			b.Fatal(err)
		}
		l.take()
		for i, q := range qs[1:] {
			ask(e, q.Text)
			fresh, _ := l.take()
			out[i].session, out[i].sessionTotl = fresh, total(fresh)
		}
	}
	b.StopTimer()
	kbs := func(f func(queryBytes) int64) []float64 {
		xs := make([]float64, len(out))
		for i, x := range out {
			xs[i] = float64(f(x)) / 1000
		}
		return xs
	}
	cold := kbs(func(x queryBytes) int64 { return x.coldTotal })
	session := kbs(func(x queryBytes) int64 { return x.sessionTotl })
	b.ReportMetric(percentile(cold, 50), "KB-p50-cold")
	b.ReportMetric(percentile(cold, 95), "KB-p95-cold")
	b.ReportMetric(percentile(session, 50), "KB-p50-session")
	b.ReportMetric(percentile(session, 95), "KB-p95-session")
	b.ReportMetric(float64(len(out)), "queries")
	for _, kind := range []string{"prefix", "fuzzy"} {
		var xs []float64
		for _, x := range wide {
			if x.q.Kind == kind {
				xs = append(xs, float64(x.coldTotal)/1000)
			}
		}
		b.ReportMetric(percentile(xs, 50), "KB-p50-"+kind)
		b.ReportMetric(slices.Max(append(xs, 0)), "KB-max-"+kind)
	}
	b.ReportMetric(0, "ns/op")
	for _, k := range []string{"cold", "session", "prefix and fuzzy, cold"} {
		sorted := slices.Clone(out)
		if k != "cold" && k != "session" {
			sorted = slices.Clone(wide)
		}
		by := func(x queryBytes) int64 { return x.coldTotal }
		if k == "session" {
			by = func(x queryBytes) int64 { return x.sessionTotl }
		}
		sort.SliceStable(sorted, func(i, j int) bool { return by(sorted[i]) > by(sorted[j]) })
		var sb strings.Builder
		fmt.Fprintf(&sb, "the %d costliest queries, %s:", tailQueries, k)
		for _, x := range sorted[:min(tailQueries, len(sorted))] {
			m := x.cold
			if k == "session" {
				m = x.session
			}
			fmt.Fprintf(&sb, "\n  %7.1f KB  %-6s %s  (%s)", float64(by(x))/1000, x.q.Kind, x.q.Text, kinds(m))
		}
		b.Log(sb.String())
	}
}

// kinds says where a query's bytes went: KB by file kind.
func kinds(m map[byte]int64) string {
	var parts []string
	for _, k := range []byte("tpdvei") {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%c %.1f", k, float64(m[k])/1000))
		}
	}
	return strings.Join(parts, ", ")
}

func init() {
	if n, err := strconv.Atoi(os.Getenv("MARSAD_BYTES_TAIL")); err == nil && n > 0 {
		tailQueries = n
	}
}
