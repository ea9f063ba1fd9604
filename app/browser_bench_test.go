//go:build !wasm

package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"marsad/internal/benchset"
	"marsad/internal/index"
	"marsad/internal/site"
	"marsad/internal/testcorpus"
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

// The explorer on large prebuilt sites, in headless Chromium: what a first
// visit downloads beyond the app itself before its first result, what each
// further query downloads and how long it takes the page to show its
// results, and the Go heap after the queries. 'make bench' builds the sites
// into $MARSAD_BENCH_SITES/<corpus>/ (each a site folder like dist/).

// BenchmarkBrowserNews70k runs the explorer on news-70k (69,589 articles).
func BenchmarkBrowserNews70k(b *testing.B) { benchmarkBrowserSite(b, "news-70k") }

// BenchmarkBrowserDaesh runs the explorer on daesh-news (3,469 articles).
func BenchmarkBrowserDaesh(b *testing.B) { benchmarkBrowserSite(b, "daesh-news") }

// benchQueries is how many queries a visit runs: the first in the address,
// the others typed one after another.
const benchQueries = 120

func benchmarkBrowserSite(b *testing.B, corpusName string) {
	dir := testcorpus.BenchSite(b, corpusName)
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		b.Fatalf("no built site for %s in %s: %v", corpusName, dir, err)
	}
	ix, err := index.OpenDir(filepath.Join(dir, "web", "bundle"))
	if err != nil {
		b.Fatalf("opening the bundle of %s: %v", dir, err)
	}
	queries, err := benchset.Queries(ix, benchQueries)
	if err != nil {
		b.Fatalf("drawing the queries: %v", err)
	}
	if len(queries) < 101 {
		b.Fatalf("only %d benchmark queries drawn from %s, want 101 or more", len(queries), dir)
	}
	var visits []browserVisit
	for i := 0; i < b.N; i++ {
		visits = append(visits, runBrowserVisit(b, dir, queries))
	}
	reportBrowserVisits(b, corpusName, ix.NumDocs(), visits)
}

// browserVisit is what one visit measured. Corpus bytes are the body bytes
// served from /web/bundle/, whoever asked: the page, or the service worker
// precaching the bundle's root.
type browserVisit struct {
	first       benchset.Query
	firstMs     float64 // the first-results mark, from navigation start
	firstBytes  int64   // corpus bytes of the first visit up to its first result (the entity table aside)
	firstKinds  map[string]int64
	precache    int64 // of firstBytes, what the service worker's precache fetched
	entityBytes int64 // the entity table, fetched in the background after the first result
	lateFiles   []string
	appBytes    int64 // everything outside /web/bundle/ the page fetched: wasm, js, css, icons, html
	appPrecache int64 // the same files fetched again by the service worker's precache
	load        []servedRequest
	queries     []queryOutcome
	memFirst    goMemStats
	memEnd      goMemStats
	console     []string // errors, warnings and exceptions the page logged
}

// queryOutcome is one query typed into the search box.
type queryOutcome struct {
	benchset.Query
	pageAnswer
	bytes    int64            // corpus bytes served for it
	byKind   map[string]int64 // the same, by bundle file kind (t, p, d, v, i, …)
	files    int              // requests for bundle files
	peak     int              // the most requests in progress at once
	precache int64            // bytes the service worker's precache fetched meanwhile
	netMs    float64          // its requests fetched again in plain JavaScript (replayRequests)
}

// pageAnswer is what the page showed for a query, read right after the
// query's own "marsad:query" measure.
type pageAnswer struct {
	Ms     float64 `json:"ms"`     // the measure's duration, or -1 when it never came
	WallMs float64 `json:"wallMs"` // from the input event to the page noticing the measure: a check on Ms
	// PaintedMs is from the input event to the frame after the answer is in
	// the DOM (see peerPaintHook), what a visitor waits; -1 if not seen.
	PaintedMs float64 `json:"paintedMs"`
	Measures  int     `json:"measures"`
	TimedOut  bool    `json:"timedOut"`
	Hits      int     `json:"hits"`
	Count     string  `json:"count"`
	Error     string  `json:"error"`
	Notes     string  `json:"notes"`
}

type goMemStats struct {
	Sys       float64 `json:"sys"`
	HeapAlloc float64 `json:"heapAlloc"`
	HeapSys   float64 `json:"heapSys"`
}

func runBrowserVisit(b *testing.B, dir string, queries []benchset.Query) browserVisit {
	b.Helper()
	srv := newAccountingServer(site.FileServer(dir))
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx, cancel := newBenchBrowser(b, 15*time.Minute)
	defer cancel()
	installPaintHook(b, ctx, firstResultsMarkName, "marsad:query")
	console := collectConsole(ctx)

	v := browserVisit{first: queries[0], firstKinds: map[string]int64{}}
	// The first query arrives in the address, as a shared link would.
	do(b, ctx, chromedp.Navigate(ts.URL+"/?q="+urlEscape(queries[0].Text)))
	waitFor(b, ctx, "first results", firstResults)
	v.firstMs = evalJS[float64](b, ctx, firstResults)
	atFirst := srv.served()

	// The entity table is fetched in the background once the first results
	// are on the page; wait for it and for the page to fall quiet.
	if !waitSettled(ctx, srv, 30*time.Second) {
		b.Logf("the page did not fall quiet within 30 s of its first result (entity table fetched: %v)", srv.fetched("e"))
	}
	v.load = srv.since(0)
	for i, r := range v.load {
		switch {
		case !r.corpus() && r.precache:
			v.appPrecache += r.bytes
		case !r.corpus():
			v.appBytes += r.bytes
		case r.kind() == "e":
			v.entityBytes += r.bytes
		default:
			// What the first result needed, and the service worker's copy
			// of the root, whether it came before or after the mark.
			v.firstBytes += r.bytes
			v.firstKinds[r.kind()] += r.bytes
			if r.precache {
				v.precache += r.bytes
			} else if i >= atFirst {
				v.lateFiles = append(v.lateFiles, fmt.Sprintf("%s %s (%d bytes)", r.path, r.rng, r.bytes))
			}
		}
	}
	v.memFirst = memStats(b, ctx)

	for _, q := range queries[1:] {
		before := srv.served()
		srv.resetPeak()
		ans := typeQuery(b, ctx, q.Text)
		// The query's own fetches all end before its results are shown;
		// wait for any answer still being written.
		srv.waitIdle(ctx, 0, 10*time.Second)
		out := queryOutcome{Query: q, pageAnswer: ans, byKind: map[string]int64{}, peak: srv.resetPeak()}
		var requests []servedRequest
		for _, r := range srv.since(before) {
			switch {
			case !r.corpus() && r.precache:
				v.appPrecache += r.bytes
			case !r.corpus():
				v.appBytes += r.bytes
			default:
				out.bytes += r.bytes
				out.byKind[r.kind()] += r.bytes
				out.files++
				if r.precache {
					out.precache += r.bytes
				} else {
					requests = append(requests, r)
				}
			}
		}
		out.netMs = replayRequests(b, ctx, requests)
		srv.waitIdle(ctx, 0, 10*time.Second)
		v.queries = append(v.queries, out)
	}
	v.memEnd = memStats(b, ctx)
	v.console = console()
	return v
}

// replayRequests fetches a query's requests again, right after it, in plain
// JavaScript in the same page, and returns how long that took: the index's
// requests at once, then the articles' at once, as the two rounds a query
// needs (its words' postings tell which articles to read). Whatever the
// page does beyond this, in Go or in the DOM, is its own cost; this part is
// the network's and the browser's on this machine, below which no change to
// the page can bring a query. (A query that read the index in more than one
// round waited for more than this.) The address carries a query string so
// that no cache of the service worker answers, and the browser's HTTP cache
// is told not to.
func replayRequests(b *testing.B, ctx context.Context, requests []servedRequest) float64 {
	b.Helper()
	if len(requests) == 0 {
		return 0
	}
	rounds := [2][][2]string{{}, {}}
	for _, r := range requests {
		round := 0
		if r.kind() == "d" {
			round = 1
		}
		rounds[round] = append(rounds[round], [2]string{r.path, r.rng})
	}
	return replayRounds(b, ctx, rounds)
}

// replayRounds fetches each round's files at once, one round after the
// other, and returns how long that took (see replayRequests).
func replayRounds(b *testing.B, ctx context.Context, rounds [2][][2]string) float64 {
	b.Helper()
	if len(rounds[0])+len(rounds[1]) == 0 {
		return 0
	}
	arg, _ := json.Marshal(rounds)
	js := `(async (rounds) => {
  const get = async ([path, range]) => {
    const response = await fetch(path + "?network-floor", { headers: range ? { Range: range } : {}, cache: "no-store" });
    await response.arrayBuffer();
  };
  // Two frames first: the page is done drawing the query's answer.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const t0 = performance.now();
  for (const round of rounds) {
    if (round.length > 0) {
      await Promise.all(round.map(get));
    }
  }
  return performance.now() - t0;
})(` + string(arg) + `)`
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("fetching a query's requests again: %v", err)
	}
	return ms
}

// typeQuery puts text in the search box, as pasting it would, and returns
// what the page measured and showed for it. The measure taken is the first
// one that started after the input: the query's own, whether it ended in
// results, in none, or in a message.
func typeQuery(b *testing.B, ctx context.Context, text string) pageAnswer {
	b.Helper()
	quoted, _ := json.Marshal(text)
	js := `new Promise((resolve) => {
  const input = document.getElementById("q");
  if (!input) { resolve({ms: -1, error: "no input#q on the page"}); return; }
  const t0 = performance.now();
  const mine = () => performance.getEntriesByName("marsad:query").filter((e) => e.startTime >= t0);
  const text = (sel) => Array.from(document.querySelectorAll(sel)).map((e) => e.innerText.trim()).filter((s) => s).join(" | ");
  let done = false, timer = 0;
  const finish = async (timedOut) => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    const m = mine();
    let painted = -1;
    for (let i = 0; i < 200 && !timedOut && window.__peerPainted; i++) {
      const p = window.__peerPainted.find((p) => p.name === "marsad:query" && p.marked >= t0);
      if (p) { painted = p.at - t0; break; }
      await new Promise((r) => setTimeout(r, 5));
    }
    if (window.__peerPainted) window.__peerPainted = window.__peerPainted.slice(-4);
    resolve({
      paintedMs: painted,
      ms: m.length ? m[0].duration : -1,
      wallMs: performance.now() - t0,
      measures: m.length,
      timedOut: timedOut,
      hits: document.querySelectorAll("li.hit").length,
      count: text(".count"),
      error: text(".query-error, .status.error"),
      notes: text(".query-note, .partial-note, .did-you-mean, .suggestions, .query-error"),
    });
  };
  const observer = new PerformanceObserver(() => { if (mine().length) finish(false); });
  observer.observe({type: "measure"});
  timer = setTimeout(() => finish(true), 30000);
  input.value = ` + string(quoted) + `;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})`
	ans, err := chromedp.Run(ctx, chromedp.Evaluate[pageAnswer](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("typing %q: %v", text, err)
	}
	return ans
}

func memStats(b *testing.B, ctx context.Context) goMemStats {
	b.Helper()
	return evalJS[goMemStats](b, ctx, `(() => { const m = window.marsadMemStats(); return {sys: m.sys, heapAlloc: m.heapAlloc, heapSys: m.heapSys}; })()`)
}

// waitSettled waits until the entity table has been fetched and the page has
// been quiet for half a second: no request served or being served, and no new
// query measure (the entity table re-runs the search to count its facet).
func waitSettled(ctx context.Context, srv *accountingServer, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	measures, stableSince := -1, time.Now()
	for time.Now().Before(deadline) && ctx.Err() == nil {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`performance.getEntriesByName("marsad:query").length`))
		if err == nil && n != measures {
			measures, stableSince = n, time.Now()
		}
		if srv.fetched("e") && srv.quiet(500*time.Millisecond) && time.Since(stableSince) >= 500*time.Millisecond {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// collectConsole gathers the errors, warnings and exceptions the page logs;
// call the function it returns for those seen so far.
func collectConsole(ctx context.Context) func() []string {
	var mu sync.Mutex
	var lines []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning {
				mu.Lock()
				lines = append(lines, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(lines)
	}
}

// newBenchBrowser is newBrowser with a time limit fit for a hundred queries
// and a cancel of its own, so each visit's browser ends with the visit.
func newBenchBrowser(b *testing.B, limit time.Duration) (context.Context, context.CancelFunc) {
	b.Helper()
	return startBrowser(b, limit)
}

// accountingServer serves a site and records every request: its path, its
// range and the body bytes written.
type accountingServer struct {
	handler http.Handler

	mu           sync.Mutex
	log          []servedRequest
	inflight     int
	peak         int // the most requests in progress at once since resetPeak
	lastActivity time.Time
}

type servedRequest struct {
	path, rng string
	status    int
	bytes     int64
	// precache: the service worker's install fetches what it precaches with
	// cache: "no-cache", which Chromium sends as Cache-Control: max-age=0;
	// the page's own fetches send none. (A file the page has just read is
	// then answered 304, with no body.)
	precache bool
	at       time.Time // when the answer ended
}

// corpus reports a file of the bundle, as opposed to the app itself.
func (r servedRequest) corpus() bool { return strings.HasPrefix(r.path, "/web/bundle/") }

// kind is a bundle file's kind, the part of its name before the hash:
// corpus (the root), t, p, f, d, e, v or i.
func (r servedRequest) kind() string {
	name := path.Base(r.path)
	if i := strings.IndexByte(name, '-'); i > 0 {
		return name[:i]
	}
	return name
}

func newAccountingServer(h http.Handler) *accountingServer {
	return &accountingServer{handler: h, lastActivity: time.Now()}
}

func (s *accountingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.inflight++
	s.peak = max(s.peak, s.inflight)
	s.lastActivity = time.Now()
	s.mu.Unlock()
	cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.inflight--
		s.lastActivity = time.Now()
		s.log = append(s.log, servedRequest{
			path:     r.URL.Path,
			rng:      r.Header.Get("Range"),
			status:   cw.status,
			bytes:    cw.bytes,
			precache: strings.Contains(r.Header.Get("Cache-Control"), "max-age=0"),
			at:       time.Now(),
		})
	}()
	s.handler.ServeHTTP(cw, r)
}

// served is the number of requests answered so far.
func (s *accountingServer) served() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.log)
}

// resetPeak returns the most requests in progress at once since the last
// call, and starts counting again.
func (s *accountingServer) resetPeak() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.peak
	s.peak = s.inflight
	return p
}

// since returns the requests answered after the first n.
func (s *accountingServer) since(n int) []servedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log[n:])
}

// fetched reports whether a bundle file of the kind has been served.
func (s *accountingServer) fetched(kind string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.log {
		if r.corpus() && r.kind() == kind {
			return true
		}
	}
	return false
}

// quiet reports no request in progress and none started or ended for d.
func (s *accountingServer) quiet(d time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inflight == 0 && time.Since(s.lastActivity) >= d
}

func (s *accountingServer) waitIdle(ctx context.Context, d, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if s.quiet(d) {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// countingWriter counts the body bytes written; http.FileServer answers
// Range requests through it as through any ResponseWriter.
type countingWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *countingWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

func (w *countingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// reportBrowserVisits reports the metrics and logs what they come from. The
// first nine lines of the log are what 'go test -bench' shows without -v
// (it keeps ten): the summary and the table by kind of query. With -v come the details: every
// request of the first visit's load, the queries that ended in a message or
// found nothing, the heaviest and the slowest, and the page's console.
func reportBrowserVisits(b *testing.B, corpusName string, numDocs int, visits []browserVisit) {
	var first, entity, firstMs, heapSys, heapAlloc, sys, qKB, qMs, wallMs, paintedMs, netMs []float64
	var all []queryOutcome
	for _, v := range visits {
		first = append(first, kb(v.firstBytes))
		entity = append(entity, kb(v.entityBytes))
		firstMs = append(firstMs, v.firstMs)
		heapSys = append(heapSys, mb(v.memEnd.HeapSys))
		heapAlloc = append(heapAlloc, mb(v.memEnd.HeapAlloc))
		sys = append(sys, mb(v.memEnd.Sys))
		for _, q := range v.queries {
			all = append(all, q)
			qKB = append(qKB, kb(q.bytes))
			netMs = append(netMs, q.netMs)
			if q.Ms >= 0 {
				qMs = append(qMs, q.Ms)
				wallMs = append(wallMs, q.WallMs)
			}
			if q.PaintedMs >= 0 {
				paintedMs = append(paintedMs, q.PaintedMs)
			}
		}
	}
	v := visits[0]
	b.Logf("%s (%d articles), first visit on /?q=%s (%s): first result at %.0f ms; corpus before it %.1f KB (%s; %.1f KB of it the service worker's copy of the root); entity table after it %.1f KB; the app itself %.1f KB (and %.1f KB again for the service worker)",
		corpusName, numDocs, v.first.Text, v.first.Kind, v.firstMs, kb(v.firstBytes), kindSummary(v.firstKinds), kb(v.precache), kb(v.entityBytes), kb(v.appBytes), kb(v.appPrecache))
	var errs, empty, notes, unmeasured, console, late int
	for _, q := range all {
		switch {
		case q.Ms < 0 || q.TimedOut || q.Measures != 1:
			unmeasured++
		case q.Error != "":
			errs++
		case q.Hits == 0:
			empty++
		case q.Notes != "":
			notes++
		}
	}
	for _, vis := range visits {
		console += len(vis.console)
		late += len(vis.lateFiles)
	}
	b.Logf("%d queries typed after it: %.1f/%.1f ms p50/p95 from the input event to the answer painted (the frame after the DOM shows it), %.1f/%.1f ms as the page measures them, %.1f/%.1f ms from the input event to the page noticing the measure, %.1f/%.1f ms for their requests alone fetched again in two rounds; %d ended in a message, %d found nothing, %d carry a note, %d were not measured once; %d console errors or warnings; %d files fetched after the first result besides the entity table (go test -v lists them all); Go memory after the first result: sys %.1f MB, heap sys %.1f MB, heap alloc %.1f MB; after the queries: sys %.1f MB, heap sys %.1f MB, heap alloc %.1f MB",
		len(v.queries), percentile(paintedMs, 50), percentile(paintedMs, 95), percentile(qMs, 50), percentile(qMs, 95), percentile(wallMs, 50), percentile(wallMs, 95), percentile(netMs, 50), percentile(netMs, 95), errs, empty, notes, unmeasured, console, late,
		mb(v.memFirst.Sys), mb(v.memFirst.HeapSys), mb(v.memFirst.HeapAlloc), mb(v.memEnd.Sys), mb(v.memEnd.HeapSys), mb(v.memEnd.HeapAlloc))

	b.Logf("%-7s %4s %8s %8s %8s %8s %8s %5s %5s  %s", "kind", "n", "KB p50", "KB max", "ms p50", "ms max", "net p50", "empty", "error", "KB by file kind (mean)")
	for _, kind := range benchset.Kinds {
		var kbs, ms, net []float64
		var empty, errs int
		byKind := map[string]int64{}
		for _, q := range all {
			if q.Kind != kind {
				continue
			}
			kbs = append(kbs, kb(q.bytes))
			net = append(net, q.netMs)
			if q.Ms >= 0 {
				ms = append(ms, q.Ms)
			}
			if q.Error != "" {
				errs++
			} else if q.Hits == 0 {
				empty++
			}
			for k, n := range q.byKind {
				byKind[k] += n
			}
		}
		if len(kbs) == 0 {
			continue
		}
		for k := range byKind {
			byKind[k] /= int64(len(kbs))
		}
		b.Logf("%-7s %4d %8.1f %8.1f %8.1f %8.1f %8.1f %5d %5d  %s", kind, len(kbs), percentile(kbs, 50), slices.Max(kbs), percentile(ms, 50), maxOr0(ms), percentile(net, 50), empty, errs, kindSummary(byKind))
	}

	if testing.Verbose() {
		logVisitDetails(b, visits, all)
	}

	b.ReportMetric(median(first), "KB-first")
	b.ReportMetric(median(entity), "KB-entities")
	b.ReportMetric(median(firstMs), "ms-first")
	b.ReportMetric(percentile(qKB, 50), "KB-query-p50")
	b.ReportMetric(percentile(qKB, 95), "KB-query-p95")
	b.ReportMetric(percentile(qMs, 50), "ms-p50")
	b.ReportMetric(percentile(qMs, 95), "ms-p95")
	b.ReportMetric(percentile(paintedMs, 50), "ms-painted-p50")
	b.ReportMetric(percentile(paintedMs, 95), "ms-painted-p95")
	b.ReportMetric(percentile(netMs, 50), "ms-net-p50")
	b.ReportMetric(percentile(netMs, 95), "ms-net-p95")
	b.ReportMetric(median(sys), "MB-sys")
	b.ReportMetric(median(heapSys), "MB-heap-sys")
	b.ReportMetric(median(heapAlloc), "MB-heap-alloc")
	b.ReportMetric(0, "ns/op")
}

func logVisitDetails(b *testing.B, visits []browserVisit, all []queryOutcome) {
	for i, v := range visits {
		b.Logf("visit %d: first result at %.0f ms, corpus before it %.1f KB, entity table %.1f KB, Go sys after the queries %.1f MB",
			i+1, v.firstMs, kb(v.firstBytes), kb(v.entityBytes), mb(v.memEnd.Sys))
		if i == 0 {
			for _, r := range v.load {
				who := "page"
				if r.precache {
					who = "service worker precache"
				}
				b.Logf("  load: %-48s %-22s %d %9d bytes  %s", r.path, r.rng, r.status, r.bytes, who)
			}
		}
		for _, f := range v.lateFiles {
			b.Logf("  after the first result, not the entity table: %s", f)
		}
		for _, line := range v.console {
			b.Logf("  console: %s", oneLine(line, 300))
		}
	}
	for _, q := range all {
		switch {
		case q.Ms < 0 || q.TimedOut || q.Measures != 1:
			b.Logf("unmeasured %-6s %q: %d measures, timed out %v", q.Kind, q.Text, q.Measures, q.TimedOut)
		case q.Error != "":
			b.Logf("message %-6s %-36q %6.1f KB %6.1f ms: %s", q.Kind, q.Text, kb(q.bytes), q.Ms, oneLine(q.Error, 200))
		case q.Hits == 0:
			b.Logf("empty   %-6s %-36q %6.1f KB %6.1f ms: %s %s", q.Kind, q.Text, kb(q.bytes), q.Ms, oneLine(q.Count, 100), oneLine(q.Notes, 200))
		case q.Notes != "":
			b.Logf("note    %-6s %-36q %6.1f KB %6.1f ms: %s", q.Kind, q.Text, kb(q.bytes), q.Ms, oneLine(q.Notes, 200))
		}
		if q.precache > 0 {
			b.Logf("precache %-6s %q: the service worker precached %.1f KB of the bundle meanwhile", q.Kind, q.Text, kb(q.precache))
		}
	}
	heaviest := slices.Clone(all)
	slices.SortStableFunc(heaviest, func(x, y queryOutcome) int { return cmp.Compare(y.bytes, x.bytes) })
	for _, q := range heaviest[:min(8, len(heaviest))] {
		b.Logf("heavy   %-6s %-36q %7.1f KB in %2d files (%s), %6.1f ms, %s", q.Kind, q.Text, kb(q.bytes), q.files, kindSummary(q.byKind), q.Ms, oneLine(q.Count, 60))
	}
	slowest := slices.Clone(all)
	slices.SortStableFunc(slowest, func(x, y queryOutcome) int { return cmp.Compare(y.Ms, x.Ms) })
	for _, q := range slowest[:min(8, len(slowest))] {
		b.Logf("slow    %-6s %-36q %7.1f ms, %6.1f KB in %2d files (at most %d at once), %s", q.Kind, q.Text, q.Ms, kb(q.bytes), q.files, q.peak, oneLine(q.Count, 60))
	}
}

// kindSummary lists bytes by bundle file kind, largest first: "t 78.2 KB, d 40.1 KB".
func kindSummary(byKind map[string]int64) string {
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(x, y string) int {
		return cmp.Or(cmp.Compare(byKind[y], byKind[x]), strings.Compare(x, y))
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %.1f KB", k, kb(byKind[k]))
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

func kb(n int64) float64 { return float64(n) / 1024 }

func mb(n float64) float64 { return n / (1 << 20) }

func maxOr0(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return slices.Max(xs)
}

func oneLine(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	return s
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

// percentile is the nearest-rank p-th percentile of xs (p in 0..100): the
// smallest value that at least p% of the values do not exceed.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}
