//go:build !wasm

package main

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"

	"marsad/internal/corpus"
	"marsad/internal/ingest"
)

// runPeerSite writes a corpus as one HTML page an article, the input of
// Pagefind ('pagefind --site DIR'), for 'make bench-peers': the same articles
// Marsad indexes, read by the same ingest, with the source and the year as
// Pagefind filters. It also writes the search page the benchmark drives
// (index.html): the Pagefind JS API, the top ten of a query in the page
// from ?q= at load and on every input event, each answer marked with a
// performance measure as Marsad marks its own.
func runPeerSite(args []string, stdout io.Writer) error {
	fs := newFlags("peer-site")
	in := addInputFlags(fs)
	out := fs.String("out", "build/peers/pagefind", "output folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	opts.Tag = nil // Pagefind has no entities
	res, err := ingest.Load(*in.corpus, opts)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(*out); err != nil {
		return err
	}
	for i, d := range res.Documents {
		// 1,000 pages a folder: a folder of 70,000 files is slow to list.
		p := filepath.Join(*out, "a", fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%d.html", i))
		if err := writePeerPage(p, d); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "index.html"), []byte(peerSearchPage), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d article pages and the search page into %s\n", len(res.Documents), *out)
	return nil
}

func writePeerPage(p string, d corpus.Document) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	esc := html.EscapeString
	fmt.Fprintf(w, "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><main data-pagefind-body>\n<h1>%s</h1>\n", esc(d.Title), esc(d.Title))
	if d.Source != "" {
		fmt.Fprintf(w, "<p data-pagefind-filter=\"source\" data-pagefind-ignore>%s</p>\n", esc(d.Source))
	}
	if len(d.Date) >= 4 {
		fmt.Fprintf(w, "<p data-pagefind-filter=\"year\" data-pagefind-ignore>%s</p>\n", esc(d.Date[:4]))
		fmt.Fprintf(w, "<p data-pagefind-meta=\"date\" data-pagefind-ignore>%s</p>\n", esc(d.Date))
	}
	for para := range strings.SplitSeq(d.Text, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			fmt.Fprintf(w, "<p>%s</p>\n", esc(para))
		}
	}
	fmt.Fprint(w, "</main></body></html>\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// peerSearchPage is the Pagefind search page: a box, a count, the top ten
// with their excerpts. "peer:first-results" marks the first answer on the
// page and "peer:query" measures each answer from its input event, after
// the DOM shows it, as Marsad's "marsad:first-results" and "marsad:query".
const peerSearchPage = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind</title>
<style>
body { font-family: sans-serif; max-width: 48rem; margin: 1rem auto; padding: 0 1rem; }
input { width: 100%; font-size: 1.2rem; padding: .4rem; }
li.hit { margin: .8rem 0; }
li.hit a { font-weight: bold; }
</style>
</head>
<body>
<input id="q" type="search" autocomplete="off" aria-label="بحث">
<p class="count"></p>
<ol class="hits"></ol>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.options({ excerptLength: 30 });
pagefind.init();
const input = document.getElementById("q");
const list = document.querySelector("ol.hits");
const count = document.querySelector("p.count");
let seq = 0;
async function run(q, start) {
  const mine = ++seq;
  const search = await pagefind.search(q);
  if (mine !== seq) return;
  const top = search ? await Promise.all(search.results.slice(0, 10).map((r) => r.data())) : [];
  if (mine !== seq) return;
  count.textContent = search ? search.results.length + " نتيجة" : "";
  list.replaceChildren(...top.map((d) => {
    const li = document.createElement("li");
    li.className = "hit";
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    const p = document.createElement("p");
    p.innerHTML = d.excerpt;
    li.append(a, p);
    return li;
  }));
  list.dataset.q = q;
  performance.measure("peer:query", { start, end: performance.now() });
  if (performance.getEntriesByName("peer:first-results").length === 0) {
    performance.mark("peer:first-results");
  }
}
input.addEventListener("input", () => run(input.value, performance.now()));
const q = new URLSearchParams(location.search).get("q");
if (q) {
  input.value = q;
  run(q, 0);
}
</script>
</body>
</html>
`
