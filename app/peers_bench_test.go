//go:build !wasm

package main

import (
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"marsad/internal/benchset"
	"marsad/internal/index"
	"marsad/internal/site"
)

// BenchmarkPeers runs Marsad and Pagefind 1.6 side by side in headless
// Chromium, interleaved so that the machine's noise falls on both: cold
// visits (a fresh profile each), second visits (service worker or HTTP cache
// warm), the benchmark queries typed one after the other with the network
// floor of each, and Marsad's Go memory over a long session. 'make
// bench-peers' builds both sites and sets:
//
//	MARSAD_PEERS_MARSAD    a Marsad site (like dist/) built from the corpus
//	MARSAD_PEERS_PAGEFIND  the same corpus as pages with a Pagefind index
//	                       ('marsad peer-site', then 'pagefind --site')
//	MARSAD_PEERS_VISITS    cold visits of each engine (default 5)
//	MARSAD_PEERS_MEMORY    queries of the memory session (default 1000)
//	MARSAD_PEERS_QUERIES   at most this many typed queries (default all)
//
// Times are from the input event (or navigation start) to the frame after
// the DOM shows the top ten: each page marks the moment its answer is in
// the DOM ("marsad:query", "peer:query"), and a script the harness puts in
// the page before any other waits from there for the next animation frame
// and the task after it, when that frame has been drawn.
func BenchmarkPeers(b *testing.B) {
	marsadDir, pagefindDir := os.Getenv("MARSAD_PEERS_MARSAD"), os.Getenv("MARSAD_PEERS_PAGEFIND")
	if marsadDir == "" || pagefindDir == "" {
		b.Skip("MARSAD_PEERS_MARSAD and MARSAD_PEERS_PAGEFIND are unset: 'make bench-peers' builds both sites and sets them")
	}
	visits := envInt("MARSAD_PEERS_VISITS", 5)
	memQueries := envInt("MARSAD_PEERS_MEMORY", 1000)
	ix, err := index.OpenDir(filepath.Join(marsadDir, "web", "bundle"))
	if err != nil {
		b.Fatalf("opening the bundle of %s: %v", marsadDir, err)
	}
	drawn, err := benchset.Queries(ix, benchQueries)
	if err != nil {
		b.Fatal(err)
	}
	// Pagefind has neither prefix nor fuzzy search.
	var queries []benchset.Query
	for _, q := range drawn {
		if q.Kind != "prefix" && q.Kind != "fuzzy" {
			queries = append(queries, q)
		}
	}
	engines := []*peerEngine{
		{name: "Marsad", handler: site.FileServer(marsadDir), first: firstResultsMarkName, query: "marsad:query",
			data: func(p string) bool { return strings.HasPrefix(p, "/web/bundle/") },
			late: func(p string) bool { return strings.HasPrefix(path.Base(p), "d-") }},
		{name: "Pagefind", handler: pagefindServer(pagefindDir), first: "peer:first-results", query: "peer:query",
			data: func(p string) bool { return strings.Contains(p, ".pf_") },
			late: func(p string) bool { return strings.HasSuffix(p, ".pf_fragment") }},
	}
	// A second Marsad site, to compare two builds' visits in the same run.
	if alt := os.Getenv("MARSAD_PEERS_MARSAD_B"); alt != "" {
		b2 := *engines[0]
		b2.name, b2.handler = "Marsad-B", site.FileServer(alt)
		engines = append(engines, &b2)
	}
	for _, e := range engines {
		e.srv = newAccountingServer(e.handler)
		e.ts = httptest.NewServer(e.srv)
		defer e.ts.Close()
	}
	firstURL := func(e *peerEngine) string { return e.ts.URL + "/?q=" + urlEscape(queries[0].Text) }

	for i := 0; i < b.N; i++ {
		// Cold and second visits, the engines taking turns, the first to go
		// alternating.
		for v := 0; v < visits; v++ {
			for k := range engines {
				e := engines[(k+v)%len(engines)]
				e.visits = append(e.visits, peerVisitOnce(b, e, firstURL(e)))
			}
		}
		// The queries, typed into one open page of each engine in turn.
		for _, e := range engines[:2] {
			e.ctx, e.cancel = startBrowser(b, 30*time.Minute)
			defer e.cancel()
			installPaintHook(b, e.ctx, e.first, e.query)
			do(b, e.ctx, chromedp.Navigate(firstURL(e)))
			waitFor(b, e.ctx, e.name+"'s first result", `window.__peerPainted.some((p) => p.name === `+jsString(e.first)+`)`)
			e.srv.waitIdle(e.ctx, 500*time.Millisecond, 30*time.Second)
			if e == engines[0] {
				e.memAt = map[int]goMemStats{0: memStatsGC(b, e.ctx)}
			}
		}
		typedQueries := queries[1:]
		if n := envInt("MARSAD_PEERS_QUERIES", 0); n > 0 && n < len(typedQueries) {
			typedQueries = typedQueries[:n]
		}
		for n, q := range typedQueries {
			for k := range 2 {
				e := engines[(k+n)%2]
				e.queries = append(e.queries, peerQuery(b, e, q))
			}
		}
		// Marsad's Go memory over a long session: the page that answered
		// the typed queries goes on with the queries (prefix and fuzzy ones
		// included) over and over, up to memQueries in all.
		m := engines[0]
		for n := len(m.queries) + 1; n <= memQueries; n++ {
			q := drawn[n%len(drawn)]
			typePainted(b, m.ctx, m.query, q.Text)
			if n == 100 || n == memQueries {
				m.srv.waitIdle(m.ctx, 0, 10*time.Second)
				m.memAt[n] = memStatsGC(b, m.ctx)
			}
		}
	}
	reportPeers(b, engines, queries[0].Text, memQueries, len(engines[1].queries))
}

// firstResultsMarkName is the mark Marsad sets once its first results are on
// the page (ui.firstResultsMark).
const firstResultsMarkName = "marsad:first-results"

type peerEngine struct {
	name         string
	handler      http.Handler
	first, query string            // the page's mark of its first answer, its measure of every answer
	data         func(string) bool // a file of the index or the corpus, as opposed to the app
	late         func(string) bool // a file of the second round of a query (articles, fragments)

	srv    *accountingServer
	ts     *httptest.Server
	ctx    context.Context
	cancel context.CancelFunc

	visits  []peerVisit
	queries []peerQueryOutcome
	memAt   map[int]goMemStats
}

type peerVisit struct {
	coldMs, warmMs      float64
	appBytes, dataBytes int64 // body bytes the server sent before the first result, for the page and its workers (of the app, not the service worker's second copy)
	pageWire            int64 // what the page itself received before the first result, on the wire (DevTools' encodedDataLength)
	served              int64 // body bytes the server sent before the first result, the service worker's precache too
	encoding            string
	largest             string
	largestWire         int64
	warmServed          int64 // what the second visit fetched from the server
	timeline            string
	warmTimeline        string
	secondVisitChecked  bool
}

type peerQueryOutcome struct {
	benchset.Query
	ms, netMs float64
	bytes     int64
	timedOut  bool
}

// peerPaintHook records in window.__peerPainted when each answer the page
// marks has been drawn: performance.mark and .measure are wrapped, and a
// mark or measure of the page's answer waits for the next animation frame
// and then for the task after it (the frame's paint is done by then).
const peerPaintHook = `(() => {
  const names = new Set(%s);
  window.__peerPainted = [];
  try { performance.setResourceTimingBufferSize(100000); } catch (e) {}
  const painted = (name, marked) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => window.__peerPainted.push({ name, marked, at: performance.now() });
      ch.port2.postMessage(null);
    });
  };
  for (const fn of ["mark", "measure"]) {
    const orig = performance[fn].bind(performance);
    performance[fn] = function (name, ...rest) {
      const entry = orig(name, ...rest);
      if (names.has(name)) painted(name, performance.now());
      return entry;
    };
  }
})();`

func installPaintHook(b *testing.B, ctx context.Context, names ...string) {
	b.Helper()
	list, _ := json.Marshal(names)
	js := fmt.Sprintf(peerPaintHook, list)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js}); err != nil {
		b.Fatalf("installing the paint hook: %v", err)
	}
}

// netLog gathers the page's requests from the DevTools protocol's Network
// events: what each cost on the wire, and when it finished.
type netLog struct {
	mu   sync.Mutex
	reqs map[network.RequestID]*netRequest
	nav  float64 // the monotonic time of the document's request
}

type netRequest struct {
	url, encoding string
	start, end    float64
	wire          int64
	done          bool
}

func listenNetwork(b *testing.B, ctx context.Context) *netLog {
	b.Helper()
	l := &netLog{reqs: map[network.RequestID]*netRequest{}}
	err := chromedp.Listen(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.reqs[ev.RequestID] = &netRequest{url: ev.Request.URL, start: ev.Timestamp.Float64()}
			if ev.Type == network.ResourceTypeDocument {
				l.nav = ev.Timestamp.Float64()
			}
		case *network.EventResponseReceived:
			if r := l.reqs[ev.RequestID]; r != nil && ev.Response != nil {
				r.encoding = headerValue(ev.Response.Headers, "Content-Encoding")
			}
		case *network.EventLoadingFinished:
			if r := l.reqs[ev.RequestID]; r != nil {
				r.end, r.wire, r.done = ev.Timestamp.Float64(), int64(ev.EncodedDataLength), true
			}
		}
	})
	if err != nil {
		b.Fatalf("listening to the network: %v", err)
	}
	return l
}

func headerValue(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// before returns the requests finished within ms of the document's request.
func (l *netLog) before(ms float64) []netRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []netRequest
	for _, r := range l.reqs {
		if r.done && (r.end-l.nav)*1000 <= ms {
			out = append(out, *r)
		}
	}
	return out
}

// peerVisitOnce is a first visit in a fresh profile, then a second one in
// the same profile once the page has fallen quiet (and, for Marsad, its
// service worker has taken control).
func peerVisitOnce(b *testing.B, e *peerEngine, url string) peerVisit {
	b.Helper()
	ctx, cancel := startBrowser(b, 5*time.Minute)
	defer cancel()
	installPaintHook(b, ctx, e.first, e.query)
	net := listenNetwork(b, ctx)
	startServed := e.srv.served()
	navStart := time.Now()
	do(b, ctx, chromedp.Navigate(url))
	firstJS := `(window.__peerPainted || []).filter((p) => p.name === ` + jsString(e.first) + `).map((p) => p.at)[0] || 0`
	waitFor(b, ctx, e.name+"'s first result", firstJS)
	var v peerVisit
	v.coldMs = evalJS[float64](b, ctx, firstJS)
	// The server's clock: the answers that ended before the first result
	// was painted, counted from the moment the navigation was asked for.
	painted := navStart.Add(time.Duration(v.coldMs * float64(time.Millisecond)))
	for _, r := range e.srv.since(startServed) {
		if r.at.After(painted) {
			continue
		}
		v.served += r.bytes
		switch {
		case e.data(r.path):
			// The service worker's copy of Marsad's root is the one the
			// page then reads: it counts, wherever it went first.
			v.dataBytes += r.bytes
		case !r.precache:
			v.appBytes += r.bytes
		}
	}
	// The requests the first result waited for: those finished before it
	// (DevTools' clock and the page's differ by the document's own
	// request, a millisecond or two here).
	for _, r := range net.before(v.coldMs) {
		u := r.url
		if i := strings.Index(u, "://"); i >= 0 {
			if j := strings.IndexByte(u[i+3:], '/'); j >= 0 {
				u = u[i+3+j:]
			}
		}
		if k := strings.IndexByte(u, '?'); k >= 0 {
			u = u[:k]
		}
		v.pageWire += r.wire
		if r.wire > v.largestWire {
			v.largestWire, v.largest, v.encoding = r.wire, u, r.encoding
		}
	}
	v.timeline = evalJS[string](b, ctx, timelineJS(v.coldMs))
	v.timeline += evalJS[string](b, ctx, goStatsJS)
	// The second visit: the page falls quiet first (Marsad's worker
	// precaches, its entity table arrives).
	e.srv.waitIdle(ctx, time.Second, 60*time.Second)
	if strings.HasPrefix(e.name, "Marsad") {
		waitFor(b, ctx, "the service worker to take control", `navigator.serviceWorker.controller !== null`)
		e.srv.waitIdle(ctx, time.Second, 60*time.Second)
	}
	before := e.srv.served()
	do(b, ctx, chromedp.Navigate(url))
	waitFor(b, ctx, e.name+"'s first result on the second visit", firstJS)
	v.warmMs = evalJS[float64](b, ctx, firstJS)
	v.warmTimeline = evalJS[string](b, ctx, timelineJS(v.warmMs))
	v.warmTimeline += evalJS[string](b, ctx, goStatsJS)
	for _, r := range e.srv.since(before) {
		v.warmServed += r.bytes
	}
	return v
}

// goStatsJS tells what Go's collector had done by then, on Marsad's page.
const goStatsJS = `(() => {
  if (!window.marsadMemStats) return "";
  const m = window.marsadMemStats();
  return "; Go: " + m.numGC + " collections, " + m.gcPauseMs.toFixed(0) + " ms paused, " + (m.totalAlloc / 1048576).toFixed(1) + " MB allocated, heap " + (m.heapAlloc / 1048576).toFixed(1) + " MB";
})()`

// timelineJS lists, in ms from navigation start, the page's files that
// arrived before painted (with what they cost on the wire) and its marks.
func timelineJS(painted float64) string {
	limit := strconv.FormatFloat(painted, 'f', 1, 64)
	return `(() => {
  const parts = [];
  const nav = performance.getEntriesByType("navigation")[0];
  if (nav) parts.push("page " + nav.responseEnd.toFixed(0));
  for (const e of performance.getEntriesByType("resource")) {
    if (e.responseEnd > ` + limit + `) continue;
    const name = new URL(e.name).pathname.split("/").pop();
    parts.push(name + " " + e.startTime.toFixed(0) + "–" + e.responseEnd.toFixed(0) + " (" + (e.transferSize / 1024).toFixed(0) + " KB)");
  }
  for (const m of performance.getEntriesByType("mark")) parts.push(m.name + " " + m.startTime.toFixed(0));
  parts.push("painted " + ` + limit + `);
  return parts.join(", ");
})()`
}

// peerQuery types q into the engine's open page and measures it, then
// fetches its requests again for the network floor.
func peerQuery(b *testing.B, e *peerEngine, q benchset.Query) peerQueryOutcome {
	b.Helper()
	before := e.srv.served()
	ms, timedOut := typePainted(b, e.ctx, e.query, q.Text)
	e.srv.waitIdle(e.ctx, 0, 10*time.Second)
	out := peerQueryOutcome{Query: q, ms: ms, timedOut: timedOut}
	rounds := [2][][2]string{{}, {}}
	for _, r := range e.srv.since(before) {
		out.bytes += r.bytes
		if r.precache || !e.data(r.path) {
			continue
		}
		round := 0
		if e.late(r.path) {
			round = 1
		}
		rounds[round] = append(rounds[round], [2]string{r.path, r.rng})
	}
	out.netMs = replayRounds(b, e.ctx, rounds)
	e.srv.waitIdle(e.ctx, 0, 10*time.Second)
	return out
}

// typePainted puts text in the page's search box as pasting would and
// returns the time from the input event to the frame after the answer,
// the first answer measured after the input.
func typePainted(b *testing.B, ctx context.Context, measure, text string) (float64, bool) {
	b.Helper()
	quoted, _ := json.Marshal(text)
	js := `new Promise((resolve) => {
  const input = document.getElementById("q");
  if (!input) { resolve({ms: -1, timedOut: true}); return; }
  const name = ` + jsString(measure) + `;
  const t0 = performance.now();
  const deadline = t0 + 30000;
  const poll = () => {
    const p = window.__peerPainted.find((p) => p.name === name && p.marked >= t0);
    if (p) { resolve({ms: p.at - t0, timedOut: false}); return; }
    if (performance.now() > deadline) { resolve({ms: -1, timedOut: true}); return; }
    setTimeout(poll, 2);
  };
  input.value = ` + string(quoted) + `;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  setTimeout(poll, 0);
})`
	type answer struct {
		Ms       float64 `json:"ms"`
		TimedOut bool    `json:"timedOut"`
	}
	a, err := chromedp.Run(ctx, chromedp.Evaluate[answer](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("typing %q: %v", text, err)
	}
	// Keep the list of painted answers short.
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[int](`(window.__peerPainted = window.__peerPainted.slice(-4)).length`))
	return a.Ms, a.TimedOut
}

// memStatsGC reads the Go memory of the page after a collection.
func memStatsGC(b *testing.B, ctx context.Context) goMemStats {
	b.Helper()
	return evalJS[goMemStats](b, ctx, `(() => { const m = window.marsadMemStats(true); return {sys: m.sys, heapAlloc: m.heapAlloc, heapSys: m.heapSys}; })()`)
}

// pagefindServer serves a Pagefind site as a static host would: Pagefind's
// own files are named after their content (cached for a year) and
// compressed inside already; pages and scripts are gzipped.
func pagefindServer(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if strings.Contains(p, ".pf_") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		ext := path.Ext(p)
		if (strings.HasSuffix(p, "/") || ext == ".js" || ext == ".html" || ext == ".css" || ext == ".json") &&
			strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && r.Header.Get("Range") == "" {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Vary", "Accept-Encoding")
			gz := gzip.NewWriter(w)
			defer gz.Close()
			files.ServeHTTP(&gzipWriter{ResponseWriter: w, w: gz}, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	w *gzip.Writer
}

func (g *gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(p []byte) (int, error) { return g.w.Write(p) }

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// reportPeers prints the table of both engines and their ratios.
func reportPeers(b *testing.B, engines []*peerEngine, first string, memQueries, typed int) {
	m, p := engines[0], engines[1]
	col := func(e *peerEngine, f func(peerVisit) float64) float64 {
		var xs []float64
		for _, v := range e.visits {
			xs = append(xs, f(v))
		}
		return median(xs)
	}
	qcol := func(e *peerEngine, f func(peerQueryOutcome) float64, pct float64) float64 {
		var xs []float64
		for _, q := range e.queries {
			if !q.timedOut {
				xs = append(xs, f(q))
			}
		}
		return percentile(xs, pct)
	}
	timedOut := func(e *peerEngine) int {
		n := 0
		for _, q := range e.queries {
			if q.timedOut {
				n++
			}
		}
		return n
	}
	ms := func(q peerQueryOutcome) float64 { return q.ms }
	net := func(q peerQueryOutcome) float64 { return q.netMs }
	qkb := func(q peerQueryOutcome) float64 { return kb(q.bytes) }
	type row struct {
		name   string
		mv, pv float64
		unit   string
	}
	rows := []row{
		{"cold: time to first result (median)", col(m, func(v peerVisit) float64 { return v.coldMs }), col(p, func(v peerVisit) float64 { return v.coldMs }), "ms"},
		{"second visit: time to first result", col(m, func(v peerVisit) float64 { return v.warmMs }), col(p, func(v peerVisit) float64 { return v.warmMs }), "ms"},
		{"cold: app bytes before first result", col(m, func(v peerVisit) float64 { return kb(v.appBytes) }), col(p, func(v peerVisit) float64 { return kb(v.appBytes) }), "KB"},
		{"cold: data bytes before first result", col(m, func(v peerVisit) float64 { return kb(v.dataBytes) }), col(p, func(v peerVisit) float64 { return kb(v.dataBytes) }), "KB"},
		{"cold: the page's own, on the wire (DevTools)", col(m, func(v peerVisit) float64 { return kb(v.pageWire) }), col(p, func(v peerVisit) float64 { return kb(v.pageWire) }), "KB"},
		{"cold: all served before it (+SW precache)", col(m, func(v peerVisit) float64 { return kb(v.served) }), col(p, func(v peerVisit) float64 { return kb(v.served) }), "KB"},
		{"second visit: served by the server", col(m, func(v peerVisit) float64 { return kb(v.warmServed) }), col(p, func(v peerVisit) float64 { return kb(v.warmServed) }), "KB"},
		{"query input→painted p50", qcol(m, ms, 50), qcol(p, ms, 50), "ms"},
		{"query input→painted p95", qcol(m, ms, 95), qcol(p, ms, 95), "ms"},
		{"network floor p50", qcol(m, net, 50), qcol(p, net, 50), "ms"},
		{"network floor p95", qcol(m, net, 95), qcol(p, net, 95), "ms"},
		{"bytes per query p50", qcol(m, qkb, 50), qcol(p, qkb, 50), "KB"},
		{"bytes per query p95", qcol(m, qkb, 95), qcol(p, qkb, 95), "KB"},
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "\nMarsad vs Pagefind: %d cold visits each on /?q=%s, %d queries typed each (no prefix/fuzzy), interleaved\n", len(m.visits), first, typed)
	fmt.Fprintf(&sb, "%-46s %12s %12s %8s\n", "figure", "Marsad", "Pagefind", "ratio")
	for _, r := range rows {
		ratio := "—"
		if r.pv > 0 {
			ratio = fmt.Sprintf("%.2f", r.mv/r.pv)
		}
		fmt.Fprintf(&sb, "%-46s %9.1f %-2s %9.1f %-2s %8s\n", r.name, r.mv, r.unit, r.pv, r.unit, ratio)
	}
	fmt.Fprintf(&sb, "%-46s %12d %12d\n", "queries with no answer in 30 s", timedOut(m), timedOut(p))
	for _, e := range engines {
		if e.name == "Marsad-B" {
			fmt.Fprintf(&sb, "Marsad-B (MARSAD_PEERS_MARSAD_B): cold %.0f ms, second %.0f ms (medians; Marsad %.0f and %.0f)\n",
				col(e, func(v peerVisit) float64 { return v.coldMs }), col(e, func(v peerVisit) float64 { return v.warmMs }),
				col(m, func(v peerVisit) float64 { return v.coldMs }), col(m, func(v peerVisit) float64 { return v.warmMs }))
		}
		if len(e.visits) > 0 {
			v := e.visits[0]
			var colds, warms []string
			for _, v := range e.visits {
				colds = append(colds, fmt.Sprintf("%.0f", v.coldMs))
				warms = append(warms, fmt.Sprintf("%.0f", v.warmMs))
			}
			fmt.Fprintf(&sb, "%s: cold %s ms, second %s ms; largest file before the first result %s, %.1f KB on the wire (%s)\n",
				e.name, strings.Join(colds, " "), strings.Join(warms, " "), v.largest, kb(v.largestWire), cmp.Or(v.encoding, "identity"))
			fmt.Fprintf(&sb, "%s first cold visit, ms from navigation: %s\n", e.name, v.timeline)
			fmt.Fprintf(&sb, "%s its second visit: %s\n", e.name, v.warmTimeline)
		}
	}
	if len(m.memAt) > 0 {
		keys := make([]int, 0, len(m.memAt))
		for k := range m.memAt {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var parts []string
		for _, k := range keys {
			s := m.memAt[k]
			parts = append(parts, fmt.Sprintf("after %d: sys %.1f MB, heap %.1f MB, live %.1f MB", k, mb(s.Sys), mb(s.HeapSys), mb(s.HeapAlloc)))
		}
		fmt.Fprintf(&sb, "Marsad Go memory over %d queries in one page, the typed ones first (after a GC; 0 is the first result): %s\n", memQueries, strings.Join(parts, "; "))
		if a, z := m.memAt[100], m.memAt[memQueries]; a.Sys > 0 {
			fmt.Fprintf(&sb, "Marsad Go sys after %d / after 100: %.2f\n", memQueries, z.Sys/a.Sys)
		}
	}
	fmt.Print(sb.String())
	b.ReportMetric(col(m, func(v peerVisit) float64 { return v.coldMs })/col(p, func(v peerVisit) float64 { return v.coldMs }), "cold-ratio")
	b.ReportMetric(qcol(m, ms, 50)/qcol(p, ms, 50), "p50-ratio")
	b.ReportMetric(0, "ns/op")
}
