package search

import (
	"sort"
	"testing"
	"time"

	"marsad/internal/benchset"
	"marsad/internal/testcorpus"
)

func BenchmarkQueryNews70k(b *testing.B) { benchQueries(b, "news-70k") }
func BenchmarkQueryDaesh(b *testing.B)   { benchQueries(b, "daesh-news") }

// benchQueries runs the benchmark query set natively, asking for a page of
// ten hits as the explorer does, and reports the median and 95th percentile
// latency of one query: on the first pass, when every chunk is read from
// disk and decompressed, and on later passes, from the engine's cache.
func benchQueries(b *testing.B, corpus string) {
	e, err := OpenDir(testcorpus.BenchBundle(b, corpus))
	if err != nil {
		b.Fatal(err)
	}
	if err := e.LoadEntities(); err != nil {
		b.Fatal(err)
	}
	qs, err := benchset.Queries(e.Index(), 120)
	if err != nil {
		b.Fatal(err)
	}
	run := func() []float64 {
		ms := make([]float64, len(qs))
		for i, q := range qs {
			start := time.Now()
			if _, err := e.Search(Request{Query: q.Text, Limit: rerankDepth, Aliases: true}); err != nil {
				b.Fatalf("%s: %v", q.Text, err)
			}
			ms[i] = float64(time.Since(start).Microseconds()) / 1000
		}
		return ms
	}
	b.ResetTimer()
	first := run()
	var warm []float64
	for i := 1; i < b.N; i++ {
		warm = append(warm, run()...)
	}
	b.StopTimer()
	b.ReportMetric(percentile(first, 50), "ms-p50-cold")
	b.ReportMetric(percentile(first, 95), "ms-p95-cold")
	if len(warm) > 0 {
		b.ReportMetric(percentile(warm, 50), "ms-p50")
		b.ReportMetric(percentile(warm, 95), "ms-p95")
	}
	b.ReportMetric(float64(len(qs)), "queries")
	// The median of each kind of query, first pass and later ones (the
	// round that finds b.N runs once, and has no later passes).
	for _, kind := range benchset.Kinds {
		if len(warm) == 0 {
			break
		}
		var cold, hot []float64
		for i, q := range qs {
			if q.Kind != kind {
				continue
			}
			cold = append(cold, first[i])
			for pass := 0; pass*len(qs) < len(warm); pass++ {
				hot = append(hot, warm[pass*len(qs)+i])
			}
		}
		b.Logf("%-7s %3d queries: p50 %.2f ms, cold %.2f ms", kind, len(cold), percentile(hot, 50), percentile(cold, 50))
	}
}

func percentile(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[min(len(s)-1, len(s)*p/100)]
}
