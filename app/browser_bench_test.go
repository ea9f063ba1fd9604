//go:build !wasm

package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// firstResults is the time from navigation start to the first results on the
// page, as the page itself marks it.
const firstResults = `performance.getEntriesByName("marsad:first-results").map(e => e.startTime)[0] || 0`

// BenchmarkFirstResult measures navigation to first result in headless
// Chromium on /?q=داعش: cold (a fresh profile, nothing cached) and served by
// the service worker (a second visit, offline-capable cache).
func BenchmarkFirstResult(b *testing.B) {
	dist := builtSite(b)
	srv := serve(b, dist)
	url := srv.URL + "/?q=" + urlEscape("داعش")
	var cold, warm []float64
	for i := 0; i < b.N; i++ {
		ctx := newBrowser(b)
		do(b, ctx, chromedp.Navigate(url))
		waitFor(b, ctx, "first results", firstResults)
		cold = append(cold, evalJS[float64](b, ctx, firstResults))
		waitFor(b, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
		do(b, ctx, chromedp.Navigate(url))
		waitFor(b, ctx, "first results", firstResults)
		if evalJS[float64](b, ctx, `performance.getEntriesByType("navigation")[0].workerStart`) <= 0 {
			b.Fatal("the second visit was not served by the service worker")
		}
		warm = append(warm, evalJS[float64](b, ctx, firstResults))
	}
	b.ReportMetric(median(cold), "ms-cold")
	b.ReportMetric(median(warm), "ms-sw")
	b.ReportMetric(0, "ns/op")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
