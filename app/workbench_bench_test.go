//go:build !wasm

package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"marsad/internal/site"
	"marsad/internal/testcorpus"
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
	// .work is aria-busy until the view on the page is the address's.
	{"kwic", `.tool-tab[data-tool="kwic"]`, viewDrawn + `document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`},
	{"kwic-next-page", `.kwic-view .pager a.next`, viewDrawn + `location.search.includes("page=2") && document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`},
	{"kwic-sorted", `.line-sorts a[href*="lines=after1"]`, viewDrawn + `location.search.includes("lines=after1") && document.querySelectorAll(".kwic-row:not(.kwic-head)").length > 0`},
	{"trends", `.tool-tab[data-tool="trends"]`, viewDrawn + `document.querySelectorAll("svg.chart rect.bar").length > 0`},
	{"collocates", `.tool-tab[data-tool="collocates"]`, viewDrawn + `document.querySelectorAll(".collocates-view .data-row").length > 1`},
	{"words", `.tool-tab[data-tool="words"]`, viewDrawn + `document.querySelectorAll(".words-view .data-table").length > 0`},
	{"compare", `.tool-tab[data-tool="compare"]`, viewDrawn + `document.querySelectorAll(".comparison .data-row").length > 1`},
}

// viewDrawn is the start of a step's ready condition: the view on the page
// is the address's.
const viewDrawn = `document.querySelector('.work[aria-busy="false"]') !== null && `

func benchmarkWorkbench(b *testing.B, corpusName string) {
	dir := testcorpus.BenchSite(b, corpusName)
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
	work := map[string][]float64{}
	script := map[string][]float64{}
	for i := 0; i < b.N; i++ {
		ctx, cancel := newBenchBrowser(b, 10*time.Minute)
		do(b, ctx, chromedp.Navigate(ts+start))
		waitFor(b, ctx, "the results", `document.querySelector("li.hit") !== null`)
		if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, performance.Enable, performance.EnableParams{})
			return err
		})); err != nil {
			b.Fatal(err)
		}
		// The views are warmed once, 1.5 s after the first answer
		// (ui.warmViews); a click before that would pay for the warming.
		waitFor(b, ctx, "the views warmed", `performance.getEntriesByName("marsad:views-warmed").length > 0`)
		waitIdle(b, ctx)
		for _, step := range workbenchSteps {
			if !strings.HasPrefix(step.name, "kwic-") {
				runJS(b, ctx, `document.querySelector('.tool-tab[data-tool="results"]').click()`)
				waitFor(b, ctx, "the results", `!location.search.includes("view=") && document.querySelector("li.hit") !== null`)
			}
			runJS(b, ctx, `window.__longest = 0; if (!window.__observer) { window.__observer = new PerformanceObserver(l => l.getEntries().forEach(e => { window.__longest = Math.max(window.__longest, e.duration); })); window.__observer.observe({type: "longtask"}); }`)
			served := srv.served()
			before := threadTime(b, ctx)
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
			after := waitIdle(b, ctx)
			work[step.name] = append(work[step.name], after.task-before.task)
			script[step.name] = append(script[step.name], after.script-before.script)
		}
		cancel()
	}
	for _, step := range workbenchSteps {
		b.ReportMetric(median(took[step.name]), step.name+"-ms")
		b.ReportMetric(median(longest[step.name]), step.name+"-longest-task-ms")
		b.ReportMetric(median(kilobytes[step.name]), step.name+"-KB")
		b.ReportMetric(median(work[step.name]), step.name+"-work-ms")
		b.ReportMetric(median(script[step.name]), step.name+"-script-ms")
		b.Logf("%s on %s: %.0f ms to the view drawn, longest task %.0f ms, %.1f KB of the bundle; the click's work on the page's thread %.0f ms, %.0f ms of it script", step.name, corpusName,
			median(took[step.name]), median(longest[step.name]), median(kilobytes[step.name]), median(work[step.name]), median(script[step.name]))
	}
	b.ReportMetric(0, "ns/op")
}

// mainThread is the time the page's thread has spent so far, in ms: in
// tasks of any kind, and in script.
type mainThread struct{ task, script float64 }

// threadTime reads the page's thread time from the browser's own counters
// (the DevTools Performance domain, which must be enabled).
func threadTime(b *testing.B, ctx context.Context) mainThread {
	b.Helper()
	var m mainThread
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := cdp.Call(ctx, t, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			return err
		}
		for _, x := range r.Metrics {
			switch x.Name {
			case "TaskDuration":
				m.task = x.Value * 1000
			case "ScriptDuration":
				m.script = x.Value * 1000
			}
		}
		return nil
	}))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// waitIdle waits until the page's thread has run less than 5 ms of tasks
// in 400 ms (at most 20 s), and returns its thread time then.
func waitIdle(b *testing.B, ctx context.Context) mainThread {
	b.Helper()
	last := threadTime(b, ctx)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		time.Sleep(400 * time.Millisecond)
		now := threadTime(b, ctx)
		if now.task-last.task < 5 {
			return now
		}
		last = now
	}
	b.Fatal("the page never went idle")
	return last
}
