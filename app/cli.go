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
	"strings"
	"time"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
	"marsad/internal/eval"
	"marsad/internal/index"
	"marsad/internal/search"
	"marsad/internal/site"
)

const usage = `marsad — explore an Arabic news corpus

usage:
  marsad index   [-corpus DIR] [-out FILE]           corpus → index bundle
  marsad search  [-json] [-limit N] [-bundle FILE] [-corpus DIR] QUERY
  marsad analyze [-json] TEXT                        tokens, offsets and index terms
  marsad build   [-corpus DIR] [-web DIR] [-dist DIR]  static site (needs DIST/web/app.wasm)
  marsad serve   [-dist DIR] [-addr HOST:PORT]        serve the built site
  marsad eval    [-shared DIR]                        analysis vs the light10 baseline
`

// Defaults are relative to the repository root, where the Makefile runs.
const (
	defaultCorpus = "web/corpus"
	defaultDist   = "dist"
)

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "index":
		err = runIndex(rest, stdout)
	case "search":
		err = runSearch(rest, stdout)
	case "analyze":
		err = runAnalyze(rest, stdout)
	case "build":
		err = runBuild(rest, stdout)
	case "serve":
		err = runServe(rest, stdout)
	case "eval":
		err = runEval(rest, stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "marsad: unknown command %q\n\n%s", cmd, usage)
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

// buildBundle reads a corpus folder and encodes its index bundle.
func buildBundle(corpusDir string) ([]byte, *index.Index, error) {
	docs, err := corpus.LoadDir(corpusDir)
	if err != nil {
		return nil, nil, err
	}
	b := index.NewBuilder(index.Options{})
	for _, d := range docs {
		if err := b.Add(d); err != nil {
			return nil, nil, fmt.Errorf("indexing %s: %w", d.ID, err)
		}
	}
	ix, err := b.Finish()
	if err != nil {
		return nil, nil, err
	}
	data, err := ix.MarshalBinary()
	if err != nil {
		return nil, nil, err
	}
	return data, ix, nil
}

func runIndex(args []string, stdout io.Writer) error {
	fs := newFlags("index")
	corpusDir := fs.String("corpus", defaultCorpus, "folder of .txt articles (and manifest.json)")
	out := fs.String("out", filepath.Join("build", "corpus.mrsd"), "bundle file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, ix, err := buildBundle(*corpusDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "indexed %d documents from %s into %s (%d bytes)\n", ix.NumDocs(), *corpusDir, *out, len(data))
	return nil
}

// openEngine loads the engine from a bundle file, or indexes the corpus folder
// in memory when no bundle is named (the bundled corpus is small).
func openEngine(bundle, corpusDir string) (*search.Engine, error) {
	if bundle != "" {
		data, err := os.ReadFile(bundle)
		if err != nil {
			return nil, err
		}
		e, err := search.Open(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", bundle, err)
		}
		return e, nil
	}
	data, _, err := buildBundle(corpusDir)
	if err != nil {
		return nil, err
	}
	return search.Open(data)
}

type jsonSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonHit struct {
	ID      string     `json:"id"`
	Title   string     `json:"title"`
	Source  string     `json:"source"`
	Date    string     `json:"date"`
	Score   float64    `json:"score"`
	Snippet string     `json:"snippet"`
	Matches []jsonSpan `json:"matches"`
}

type jsonResult struct {
	Query        string             `json:"query"`
	Total        int                `json:"total"`
	Hits         []jsonHit          `json:"hits"`
	AlsoSearched []search.AliasNote `json:"also_searched,omitempty"`
}

func runSearch(args []string, stdout io.Writer) error {
	fs := newFlags("search")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 10, "hits to print (0 = all)")
	bundle := fs.String("bundle", "", "bundle file (default: index the corpus folder in memory)")
	corpusDir := fs.String("corpus", defaultCorpus, "corpus folder, when no -bundle is given")
	aliases := fs.Bool("aliases", true, "also search other names of the same entity (داعش → تنظيم الدولة, ISIS…) and Latin input")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"search needs a query, e.g. marsad search تويتر"}
	}
	if *limit < 0 {
		return usageError{"-limit must be 0 (all) or more"}
	}
	q := strings.Join(fs.Args(), " ")
	engine, err := openEngine(*bundle, *corpusDir)
	if err != nil {
		return err
	}
	res, err := engine.Search(search.Request{Query: q, Limit: *limit, Aliases: *aliases})
	if err != nil {
		return err
	}
	if *asJSON {
		out := jsonResult{Query: q, Total: res.Total, Hits: []jsonHit{}, AlsoSearched: res.AlsoSearched}
		for _, h := range res.Hits {
			jh := jsonHit{ID: h.ID, Title: h.Title, Source: h.Source, Date: h.Date, Score: h.Score,
				Snippet: h.Snippet.Text, Matches: []jsonSpan{}}
			for _, m := range h.Matches {
				jh.Matches = append(jh.Matches, jsonSpan{m.Start, m.End, m.Text})
			}
			out.Hits = append(out.Hits, jh)
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	fmt.Fprintf(stdout, "%d hits for %q\n", res.Total, q)
	for _, n := range res.AlsoSearched {
		fmt.Fprintf(stdout, "also searched for %s: %s\n", n.Query, strings.Join(n.Others, ", "))
	}
	for i, h := range res.Hits {
		fmt.Fprintf(stdout, "\n%d. %s  [%s]\n   %s · %s · score %.3f · %d matches\n   %s\n",
			i+1+0, h.Title, h.ID, orDash(h.Source), orDash(h.Date), h.Score, len(h.Matches), bracketMarks(h.Snippet))
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
	corpusDir := fs.String("corpus", defaultCorpus, "corpus folder")
	webDir := fs.String("web", "web", "static assets folder")
	dist := fs.String("dist", defaultDist, "output folder (DIST/web/app.wasm must exist)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, ix, err := buildBundle(*corpusDir)
	if err != nil {
		return err
	}
	if err := site.Generate(site.Options{Dir: *dist, Bundle: data, Assets: os.DirFS(*webDir)}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %s: %d documents, bundle %s (%d bytes)\n", *dist, ix.NumDocs(), site.BundleFileName(data), len(data))
	return nil
}

func runServe(args []string, stdout io.Writer) error {
	fs := newFlags("serve")
	dist := fs.String("dist", defaultDist, "built site folder")
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*dist, "index.html")); err != nil {
		return fmt.Errorf("%s has no built site (run 'make build'): %w", *dist, err)
	}
	srv := &http.Server{Addr: *addr, Handler: site.FileServer(*dist), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://%s\n", *dist, *addr)
	return srv.ListenAndServe()
}

func runEval(args []string, stdout io.Writer) error {
	fs := newFlags("eval")
	shared := fs.String("shared", filepath.Join("..", "shared"), "the shared folder with eval/xquad_r_ar and corpora/")
	if err := fs.Parse(args); err != nil {
		return err
	}
	report, err := eval.Run(eval.Options{SharedDir: *shared})
	if err != nil {
		return err
	}
	report.Write(stdout)
	if !report.TargetsMet() {
		return errors.New("eval: the analysis targets do not hold (see the table above)")
	}
	return nil
}
