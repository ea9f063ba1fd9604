//go:build !wasm

package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marsad/internal/site"
)

// The workbench's views on the large prebuilt sites, in headless Chromium:
// for each view, from the click on its tab (the corpus loaded, the query's
// results on the page) to the view drawn: the time, the longest task the
// page's one thread ran meanwhile (what a visitor's next keystroke or
// click waits for, from the browser's long-task timing: tasks over 50 ms),
// and the bundle bytes the view downloaded.

// BenchmarkBrowserWorkbenchDaesh runs the views on daesh-news (3,469 articles).
func BenchmarkBrowserWorkbenchDaesh(b *testing.B) { benchmarkWorkbench(b, "daesh-news") }

// BenchmarkBrowserWorkbenchNews70k runs them on news-70k (69,589 articles).
func BenchmarkBrowserWorkbenchNews70k(b *testing.B) { benchmarkWorkbench(b, "news-70k") }

// workbenchSteps are the clicks measured, in order, each with what the page
// shows once it is done. Between two views the visitor returns to the
// results, so that each view is computed from its own click.
var workbenchSteps = []struct{ name, click, ready string }{
	{"kwic", `.tool-tab[data-tool="kwic"]`, `document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`},
	{"kwic-next-page", `.kwic-view .pager a.next`, `location.search.includes("page=1") && document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`},
	{"kwic-sorted", `.line-sorts a[href*="lines=after1"]`, `location.search.includes("lines=after1") && document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`},
	{"trends", `.tool-tab[data-tool="trends"]`, `document.querySelectorAll("svg.chart rect.bar").length > 0`},
	{"collocates", `.tool-tab[data-tool="collocates"]`, `document.querySelectorAll(".collocates-view .data-row").length > 1`},
	{"words", `.tool-tab[data-tool="words"]`, `document.querySelectorAll(".words-view .data-table").length > 0`},
	{"compare", `.tool-tab[data-tool="compare"]`, `document.querySelectorAll(".comparison .data-row").length > 1`},
}

func benchmarkWorkbench(b *testing.B, corpusName string) {
	sites := os.Getenv("MARSAD_BENCH_SITES")
	if sites == "" {
		b.Skip("MARSAD_BENCH_SITES is unset: 'make bench' builds the benchmark sites and sets it; by hand, set it to a folder holding " + corpusName + "/")
	}
	dir := filepath.Join(sites, corpusName)
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		b.Skipf("no site in %s: %v", dir, err)
	}
	srv := newAccountingServer(site.FileServer(dir))
	server := httptest.NewServer(srv)
	defer server.Close()
	ts := server.URL
	start := "/?q=" + urlEscape("تويتر") + "&a=" + urlEscape("date:..2016") + "&b=" + urlEscape("date:2017..")
	took := map[string][]float64{}
	longest := map[string][]float64{}
	kilobytes := map[string][]float64{}
	for i := 0; i < b.N; i++ {
		ctx, cancel := newBenchBrowser(b, 10*time.Minute)
		do(b, ctx, chromedp.Navigate(ts+start))
		waitFor(b, ctx, "the results", `document.querySelector("li.hit") !== null`)
		for _, step := range workbenchSteps {
			if !strings.HasPrefix(step.name, "kwic-") {
				runJS(b, ctx, `document.querySelector('.tool-tab[data-tool="results"]').click()`)
				waitFor(b, ctx, "the results", `!location.search.includes("view=") && document.querySelector("li.hit") !== null`)
			}
			runJS(b, ctx, `window.__longest = 0; if (!window.__observer) { window.__observer = new PerformanceObserver(l => l.getEntries().forEach(e => { window.__longest = Math.max(window.__longest, e.duration); })); window.__observer.observe({type: "longtask"}); }`)
			served := srv.served()
			t0 := evalJS[float64](b, ctx, `performance.now()`)
			runJS(b, ctx, `document.querySelector('`+step.click+`').click()`)
			waitFor(b, ctx, step.name, step.ready)
			// The time the view was drawn: the next frame after it showed.
			t1 := evalJSAwait[float64](b, ctx, `new Promise(r => requestAnimationFrame(() => r(performance.now())))`)
			took[step.name] = append(took[step.name], t1-t0)
			time.Sleep(100 * time.Millisecond) // long-task entries arrive after the task
			longest[step.name] = append(longest[step.name], evalJS[float64](b, ctx, `window.__longest`))
			var n int64
			for _, r := range srv.since(served) {
				if r.corpus() {
					n += r.bytes
				}
			}
			kilobytes[step.name] = append(kilobytes[step.name], float64(n)/1024)
		}
		cancel()
	}
	for _, step := range workbenchSteps {
		b.ReportMetric(median(took[step.name]), step.name+"-ms")
		b.ReportMetric(median(longest[step.name]), step.name+"-longest-task-ms")
		b.ReportMetric(median(kilobytes[step.name]), step.name+"-KB")
		b.Logf("%s on %s: %.0f ms to the view drawn, longest task %.0f ms, %.1f KB of the bundle", step.name, corpusName,
			median(took[step.name]), median(longest[step.name]), median(kilobytes[step.name]))
	}
	b.ReportMetric(0, "ns/op")
}
