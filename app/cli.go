//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/entity"
	"marsad/internal/eval"
	"marsad/internal/index"
	"marsad/internal/ingest"
	"marsad/internal/search"
	"marsad/internal/site"
)

const usage = `marsad — explore an Arabic news corpus

usage:
  marsad index   [INPUT FLAGS] [-out DIR]             corpus → index bundle (a folder of files), with a summary
  marsad search  [-json] [-limit N] [-sort S] [-bundle DIR] [-corpus PATH] QUERY
  marsad search  -json -bundle DIR -queries FILE.tsv   batch: one JSON line per "id TAB query" line
  marsad analyze [-json] TEXT                         tokens, offsets and index terms
  marsad build   [INPUT FLAGS] [-web DIR] [-dist DIR] [-base /PATH/] [-url URL] [-bundle DIR]
                                                      static site (needs DIST/web/app.wasm)
  marsad serve   [-dist DIR] [-addr HOST:PORT] [-base /PATH/]   serve the built site
  marsad eval    [-analysis-only] [-shared DIR]        analysis and search vs the light10 baseline
  marsad eval    -ranking [-shared DIR]                BM25 k1 × b grid of the search engine on xquad_r_ar
  marsad peer-site [INPUT FLAGS] [-out DIR]            the corpus as HTML pages for Pagefind (make bench-peers)

input flags (index, build):
  -corpus PATH        a folder of .txt/.md/.html articles (recursive, manifest.json
                      applies), a .jsonl(.gz) file, or a .csv/.tsv file (default web/corpus)
  -format F           auto|dir|jsonl|csv|tsv (default auto: from the path and content)
  -columns MAP        CSV/TSV columns, e.g. id=ID,text=body,date=التاريخ
                      (fields: id title date source author category text url)
  -strict             every warning or skipped record is an error
  -duplicates P       keep|drop repeated articles (default keep; both are reported)
  -skipped            list every skipped record, duplicate and warning
`

// Defaults are relative to the repository root, where the Makefile runs.
const (
	defaultCorpus = "web/corpus"
	defaultDist   = "dist"
)

func run(args []string, stdout, stderr io.Writer) int {
	stdout, stderr = escapeControls(stdout), escapeControls(stderr)
	if len(args) == 0 {
		fmt.Fprint(stderr, usage+exploreUsage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "index":
		err = runIndex(rest, stdout)
	case "search":
		err = runSearch(rest, stdout, stderr)
	case "analyze":
		err = runAnalyze(rest, stdout)
	case "build":
		err = runBuild(rest, stdout)
	case "serve":
		err = runServe(rest, stdout)
	case "eval":
		err = runEval(rest, stdout)
	case "kwic":
		err = runKWIC(rest, stdout, stderr)
	case "trends":
		err = runTrends(rest, stdout, stderr)
	case "collocates":
		err = runCollocates(rest, stdout, stderr)
	case "words":
		err = runWords(rest, stdout, stderr)
	case "compare":
		err = runCompare(rest, stdout, stderr)
	case "peer-site":
		err = runPeerSite(rest, stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage+exploreUsage)
		return 0
	default:
		fmt.Fprintf(stderr, "marsad: unknown command %q\n\n%s", cmd, usage+exploreUsage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "marsad:", err)
		var u usageError
		if errors.As(err, &u) {
			return 2
		}
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	return fs
}

// inputFlags are how index and build are told what to read.
type inputFlags struct {
	corpus, format, columns, duplicates *string
	strict, skipped                     *bool
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{
		corpus:     fs.String("corpus", defaultCorpus, "folder of .txt/.md/.html articles, .jsonl(.gz), .csv or .tsv file"),
		format:     fs.String("format", string(ingest.FormatAuto), "input format: auto, dir, jsonl, csv or tsv"),
		columns:    fs.String("columns", "", "CSV/TSV field=HEADER pairs, e.g. id=ID,text=body"),
		strict:     fs.Bool("strict", false, "fail on the first warning or skipped record"),
		duplicates: fs.String("duplicates", string(ingest.DuplicatesKeep), "repeated articles: keep or drop (reported either way)"),
		skipped:    fs.Bool("skipped", false, "list every skipped record, duplicate and warning in the summary"),
	}
}

// options checks the flags' values; a bad value is a usage error.
func (in inputFlags) options() (ingest.Options, error) {
	opts := ingest.Options{Format: ingest.Format(*in.format), Strict: *in.strict,
		Duplicates: ingest.DuplicatePolicy(*in.duplicates)}
	if !slices.Contains(ingest.Formats, opts.Format) {
		return opts, usageError{fmt.Sprintf("-format %q: want one of auto, dir, jsonl, csv, tsv", *in.format)}
	}
	if opts.Duplicates != ingest.DuplicatesKeep && opts.Duplicates != ingest.DuplicatesDrop {
		return opts, usageError{fmt.Sprintf("-duplicates %q: want keep or drop", *in.duplicates)}
	}
	cols, err := ingest.ParseColumns(*in.columns)
	if err != nil {
		return opts, usageError{"-" + err.Error()}
	}
	opts.Columns = cols
	tag, err := entityTagger()
	if err != nil {
		return opts, err
	}
	opts.Tag = tag
	return opts, nil
}

// build ingests the input the flags name and indexes it.
func (in inputFlags) build() (*ingest.Result, *index.Bundle, error) {
	opts, err := in.options()
	if err != nil {
		return nil, nil, err
	}
	res, err := ingest.Load(*in.corpus, opts)
	if err != nil {
		return nil, nil, err
	}
	bundle, err := buildBundle(res.Documents)
	return res, bundle, err
}

// entityTagger is the one place the entity tagger is wired into ingestion.
func entityTagger() (func(text string) []corpus.Entity, error) {
	t, err := entity.Default()
	if err != nil {
		return nil, err
	}
	return t.Tag, nil
}

// buildBundle indexes docs into a bundle.
func buildBundle(docs []corpus.Document) (*index.Bundle, error) {
	return index.Build(index.Options{}, docs)
}

// writeBundle replaces the bundle files in dir with b's.
func writeBundle(b *index.Bundle, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.mrsd"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	return b.WriteDir(dir)
}

// bundleStats describes a bundle: files, bytes, and bytes without the
// document packs (the index proper).
func bundleStats(b *index.Bundle) string {
	var packs int64
	for _, f := range b.Files {
		if strings.HasPrefix(f.Name, "d-") {
			packs += int64(len(f.Data))
		}
	}
	total := b.Size()
	return fmt.Sprintf("%d files, %d bytes (%d without the document packs)", len(b.Files), total, total-packs)
}

func runIndex(args []string, stdout io.Writer) error {
	fs := newFlags("index")
	in := addInputFlags(fs)
	out := fs.String("out", filepath.Join("build", "bundle"), "folder to write the bundle's files into (its old .mrsd files are removed)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	res, bundle, err := in.build()
	if err != nil {
		return err
	}
	if err := writeBundle(bundle, *out); err != nil {
		return err
	}
	res.Summary.Write(stdout, *in.skipped)
	fmt.Fprintf(stdout, "indexed %d documents from %s into %s in %.1f s: root %s, %s\n",
		len(res.Documents), *in.corpus, *out, time.Since(start).Seconds(), bundle.Root, bundleStats(bundle))
	return nil
}

// openEngine opens the bundle in a folder, or indexes the corpus in memory
// when no bundle is named (the bundled corpus is small). Records the corpus
// skips are counted on stderr, keeping stdout (-json) clean.
func openEngine(bundleDir, corpusPath string, stderr io.Writer) (*search.Engine, error) {
	if bundleDir != "" {
		return search.OpenDir(bundleDir)
	}
	tag, err := entityTagger()
	if err != nil {
		return nil, err
	}
	res, err := ingest.Load(corpusPath, ingest.Options{Tag: tag})
	if err != nil {
		return nil, err
	}
	if n := len(res.Summary.Skipped); n > 0 {
		fmt.Fprintf(stderr, "marsad: %d records of %s skipped; 'marsad index -corpus %s -skipped' lists them\n", n, corpusPath, corpusPath)
	}
	bundle, err := buildBundle(res.Documents)
	if err != nil {
		return nil, err
	}
	return search.Open(bundle.Fetcher(), bundle.Root)
}

type jsonSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Occurrence is search.Span.Occurrence: the words of one phrase
	// share it.
	Occurrence int `json:"occurrence"`
}

type jsonHit struct {
	ID      string     `json:"id"`
	Title   string     `json:"title"`
	Source  string     `json:"source"`
	Date    string     `json:"date"`
	URL     string     `json:"url,omitempty"`
	Score   float64    `json:"score"`
	Snippet string     `json:"snippet"`
	Matches []jsonSpan `json:"matches"`
}

type jsonResult struct {
	Query        string             `json:"query"`
	Total        int                `json:"total"`
	Partial      bool               `json:"partial,omitempty"`
	StrictTotal  int                `json:"strict_total,omitempty"`
	Mode         search.Mode        `json:"mode,omitempty"`
	ReadAsText   []string           `json:"read_as_text,omitempty"`
	DidYouMean   string             `json:"did_you_mean,omitempty"`
	Expansions   []search.Expansion `json:"expansions,omitempty"`
	DroppedTerms int                `json:"dropped_terms,omitempty"`
	Hits         []jsonHit          `json:"hits"`
	AlsoSearched []search.AliasNote `json:"also_searched,omitempty"`
}

// batchHit and batchLine are the lines of batch mode, for evaluation tools.
type batchHit struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
}

type batchLine struct {
	QID  string      `json:"qid"`
	Hits []batchHit  `json:"hits"`
	Mode search.Mode `json:"mode,omitempty"`
}

// runBatch answers every "id TAB query" line of a file with one JSON line,
// each query's term groups expanded by expand (the -groups file).
// Every query is answered (any text is a query, see query.Read); a file or
// bundle that cannot be read stops the run.
func runBatch(engine *search.Engine, path string, req search.Request, expand func(string) string, stdout io.Writer) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: not valid UTF-8", path)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for n, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			continue
		}
		qid, q, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: expected an id, a tab and a query", path, n+1)
		}
		req.Query = expand(q)
		out := batchLine{QID: qid, Hits: []batchHit{}}
		res, err := engine.Search(req)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, n+1, err)
		}
		out.Mode = res.Mode
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, batchHit{h.ID, h.Score})
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

func runSearch(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 10, "hits to print (0 = all)")
	bundle := fs.String("bundle", "", "bundle folder written by 'marsad index' (default: index the corpus in memory)")
	queries := fs.String("queries", "", "batch mode: a file of \"id TAB query\" lines; prints one JSON line per query")
	sortBy := fs.String("sort", "relevance", "relevance|newest|oldest")
	corpusPath := fs.String("corpus", defaultCorpus, "corpus (folder, .jsonl(.gz), .csv, .tsv), when no -bundle is given")
	aliases := fs.Bool("aliases", true, "also search other names of the same entity (داعش → تنظيم الدولة, ISIS…) and Latin input")
	groupsFile := fs.String("groups", "", groupsFlagHelp)
	if err := fs.Parse(args); err != nil {
		if strings.HasPrefix(err.Error(), "flag provided but not defined") {
			// The flag package has already said which flag; say how to
			// search for a query that starts with '-'.
			return usageError{err.Error() + "; a query that starts with '-' goes after --, e.g. marsad search -- -داعش تويتر"}
		}
		return err
	}
	groups, err := readGroupsFile(*groupsFile)
	if err != nil {
		return err
	}
	if fs.NArg() == 0 && *queries == "" {
		return usageError{"search needs a query, e.g. marsad search تويتر"}
	}
	if *limit < 0 {
		return usageError{"-limit must be 0 (all) or more"}
	}
	order := map[string]string{"relevance": search.SortRelevance, "newest": search.SortNewest, "oldest": search.SortOldest}
	sortOrder, ok := order[*sortBy]
	if !ok {
		return usageError{"-sort must be relevance, newest or oldest"}
	}
	engine, err := openEngine(*bundle, *corpusPath, stderr)
	if err != nil {
		return err
	}
	req := search.Request{Limit: *limit, Aliases: *aliases, Sort: sortOrder}
	expand := func(q string) string { return expandCLIGroups(q, groups, *groupsFile, stderr) }
	if *queries != "" {
		if fs.NArg() > 0 {
			return usageError{"give either -queries FILE or a query, not both"}
		}
		return runBatch(engine, *queries, req, expand, stdout)
	}
	// A damaged bundle is read as the page reads it: what cannot be read is
	// named, everything else is printed, and the exit status says it.
	var unreadable []error
	if err := engine.LoadEntities(); err != nil {
		unreadable = append(unreadable, err)
	}
	q := strings.Join(fs.Args(), " ")
	req.Query = expand(q)
	res, err := engine.Search(req)
	if err != nil {
		return errors.Join(append(unreadable, err)...)
	}
	unreadable = append(unreadable, res.Unreadable...)
	if err := printResult(stdout, q, res, *asJSON); err != nil {
		return err
	}
	if len(unreadable) > 0 {
		return fmt.Errorf("the bundle is damaged; the results above are what could still be read:\n%w", errors.Join(unreadable...))
	}
	return nil
}

// printResult prints a search's result, as JSON or for a person.
func printResult(stdout io.Writer, q string, res *search.Result, asJSON bool) error {
	if asJSON {
		out := jsonResult{Query: q, Total: res.Total, Partial: res.Partial, StrictTotal: res.StrictTotal, Mode: res.Mode,
			DidYouMean: res.DidYouMean, Expansions: res.Expansions, DroppedTerms: res.DroppedTerms, Hits: []jsonHit{}, AlsoSearched: res.AlsoSearched}
		for _, h := range res.ReadAsText {
			out.ReadAsText = append(out.ReadAsText, h.Error())
		}
		for _, h := range res.Hits {
			jh := jsonHit{ID: h.ID, Title: h.Title, Source: h.Source, Date: h.Date, URL: h.URL, Score: h.Score,
				Snippet: h.Snippet.Text, Matches: []jsonSpan{}}
			for _, m := range h.Matches {
				jh.Matches = append(jh.Matches, jsonSpan{m.Start, m.End, m.Text, m.Occurrence})
			}
			out.Hits = append(out.Hits, jh)
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	fmt.Fprintf(stdout, "%d hits for %q\n", res.Total, q)
	for _, h := range res.ReadAsText {
		fmt.Fprintf(stdout, "read as text: %s\n", h.Error())
	}
	switch res.Mode {
	case search.ModePartial:
		fmt.Fprintf(stdout, "partial matches: %d documents have every word; ranked by how many of the words they have\n", res.StrictTotal)
	case search.ModeCoverage:
		fmt.Fprintf(stdout, "long query ranked by coverage: %d documents have every word; all are ranked by the share of the query they cover (IDF-weighted), then BM25\n", res.StrictTotal)
	}
	if res.DidYouMean != "" {
		fmt.Fprintf(stdout, "did you mean: %s\n", res.DidYouMean)
	}
	for _, x := range res.Expansions {
		fmt.Fprintln(stdout, describeExpansion(x))
	}
	for _, n := range res.AlsoSearched {
		verb := "also searched for"
		if n.Excluded {
			verb = "also excluded with"
		}
		fmt.Fprintf(stdout, "%s %s: %s\n", verb, n.Query, strings.Join(n.Others, ", "))
	}
	for i, h := range res.Hits {
		fmt.Fprintf(stdout, "\n%d. %s  [%s]\n   %s · %s · score %.3f · %d matches\n   %s\n",
			i+1+0, h.Title, h.ID, orDash(h.Source), orDash(h.Date), h.Score, search.CountOccurrences(h.Matches), bracketMarks(h.Snippet))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// bracketMarks shows a snippet's highlights in a terminal as ⟦…⟧.
func bracketMarks(s search.Snippet) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		if m.Start < at || m.End > len(s.Text) {
			continue
		}
		b.WriteString(s.Text[at:m.Start])
		b.WriteString("⟦" + s.Text[m.Start:m.End] + "⟧")
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

type jsonToken struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Position int    `json:"position"`
	Norm     string `json:"norm"`
	Term     string `json:"term"`
	Stop     bool   `json:"stop,omitempty"`
}

func runAnalyze(args []string, stdout io.Writer) error {
	fs := newFlags("analyze")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"analyze needs a text, e.g. marsad analyze 'وبتويتر الإلكترونية'"}
	}
	text := strings.Join(fs.Args(), " ")
	tokens := arabic.Analyze(text)
	if *asJSON {
		out := struct {
			Text   string      `json:"text"`
			Tokens []jsonToken `json:"tokens"`
		}{Text: text, Tokens: []jsonToken{}}
		for _, t := range tokens {
			out.Tokens = append(out.Tokens, jsonToken{t.Start, t.End, t.Text, t.Position, t.Norm, t.Term, t.Term == ""})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	for _, t := range tokens {
		term := t.Term
		if term == "" {
			term = "(stop word)"
		}
		fmt.Fprintf(stdout, "%d-%d\t%s\t%s\t%s\n", t.Start, t.End, t.Text, t.Norm, term)
	}
	return nil
}

func runBuild(args []string, stdout io.Writer) error {
	fs := newFlags("build")
	in := addInputFlags(fs)
	webDir := fs.String("web", "web", "static assets folder")
	dist := fs.String("dist", defaultDist, "output folder (DIST/web/app.wasm must exist)")
	base := fs.String("base", "/", "the path the site is served under, e.g. /marsad/ for https://example.org/marsad/")
	publicURL := fs.String("url", "", "the site's public address, e.g. https://example.org/marsad/, for link previews (og:url, og:image)")
	compress := fs.Bool("compress", true, "write .br and .gz copies of app.wasm, the pages and scripts, and the bundle's root, for hosts that serve them")
	bundleDir := fs.String("bundle", "", "a bundle folder written by 'marsad index', used as it is instead of indexing the input")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := site.CleanBase(*base); err != nil {
		return usageError{err.Error()}
	}
	var res *ingest.Result
	var bundle *index.Bundle
	var err error
	if *bundleDir != "" {
		bundle, err = readBundleDir(*bundleDir)
	} else {
		res, bundle, err = in.build()
	}
	if err != nil {
		return err
	}
	if err := site.Generate(site.Options{Dir: *dist, Bundle: bundle, Assets: os.DirFS(*webDir), Base: *base, URL: *publicURL, NoCompress: !*compress}); err != nil {
		return err
	}
	if res == nil {
		fmt.Fprintf(stdout, "built %s from the bundle in %s: root %s, %s\n", *dist, *bundleDir, bundle.Root, bundleStats(bundle))
		return nil
	}
	res.Summary.Write(stdout, *in.skipped)
	fmt.Fprintf(stdout, "built %s: %d documents, bundle root %s, %s\n", *dist, len(res.Documents), bundle.Root, bundleStats(bundle))
	return nil
}

// readBundleDir reads the .mrsd files of a bundle folder; its root is the
// one named corpus-*.mrsd, and there must be exactly one.
func readBundleDir(dir string) (*index.Bundle, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.mrsd"))
	if err != nil {
		return nil, err
	}
	b := &index.Bundle{}
	for _, p := range names {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(p)
		if strings.HasPrefix(name, "corpus-") {
			if b.Root != "" {
				return nil, fmt.Errorf("%s holds two bundle roots, %s and %s", dir, b.Root, name)
			}
			b.Root = name
		}
		b.Files = append(b.Files, index.File{Name: name, Data: data})
	}
	if b.Root == "" {
		return nil, fmt.Errorf("%s holds no bundle root (corpus-*.mrsd): write one with 'marsad index -out %s'", dir, dir)
	}
	return b, nil
}

func runServe(args []string, stdout io.Writer) error {
	fs := newFlags("serve")
	dist := fs.String("dist", defaultDist, "built site folder")
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	base := fs.String("base", "/", "the path to serve the site under (as it was built with build -base)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	prefix, err := site.CleanBase(*base)
	if err != nil {
		return usageError{err.Error()}
	}
	if _, err := os.Stat(filepath.Join(*dist, "index.html")); err != nil {
		return fmt.Errorf("%s has no built site (run 'make build'): %w", *dist, err)
	}
	handler := site.FileServer(*dist)
	if prefix != "/" {
		handler = http.StripPrefix(strings.TrimSuffix(prefix, "/"), handler)
	}
	srv := &http.Server{Addr: *addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://%s%s\n", *dist, *addr, prefix)
	return srv.ListenAndServe()
}

func runEval(args []string, stdout io.Writer) error {
	fs := newFlags("eval")
	shared := fs.String("shared", filepath.Join("..", "shared"), "the shared folder with eval/xquad_r_ar and corpora/")
	ranking := fs.Bool("ranking", false, "tune the search engine's BM25 k1 and b on xquad_r_ar (sentences and paragraphs) instead")
	analysisOnly := fs.Bool("analysis-only", false, "skip the end-to-end search sets (xquad_r_ar through the engine, known-item search on news-70k)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *ranking {
		t, err := eval.Tune(*shared)
		if err != nil {
			return err
		}
		t.Write(stdout)
		return nil
	}
	report, err := eval.Run(eval.Options{SharedDir: *shared, NoSearch: *analysisOnly})
	if err != nil {
		return err
	}
	report.Write(stdout)
	if !report.TargetsMet() {
		return errors.New("eval: the analysis targets do not hold (see the table above)")
	}
	return nil
}

// describeExpansion says what a prefix or fuzzy word matched.
func describeExpansion(x search.Expansion) string {
	if x.TooBroad {
		return fmt.Sprintf("%s matches too many words to search: add a letter or more", x.Typed)
	}
	words := make([]string, len(x.Words))
	for i, w := range x.Words {
		words[i] = fmt.Sprintf("%s (%d)", w.Form, w.Count)
	}
	s := fmt.Sprintf("%s matched %d words", x.Typed, x.Total)
	if x.Searched < x.Total {
		s += fmt.Sprintf(", the %d most widespread searched", x.Searched)
	}
	return s + ": " + strings.Join(words, ", ")
}
