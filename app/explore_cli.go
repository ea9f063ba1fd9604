//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"marsad/internal/explore"
	"marsad/internal/query"
	"marsad/internal/search"
)

// The command line runs natively, on several processors: it reads more
// articles than the page by default.
const (
	cliSampleDocs = 1000
	cliSortLimit  = 5000
)

const exploreUsage = `
the workbench (each takes the query language's filters in its query, e.g. 'داعش source:aawsat date:2015..2016',
and -source, -year, -entity as the page's facets; -json or -csv print the table the page exports):
  marsad kwic       [-width N] [-sort hit|before1|before2|after1|after2] [-offset N] [-limit N] [-sort-limit N] QUERY
  marsad trends     [-unit day|month|year] [-by-source] QUERY [QUERY…]   each argument one query, up to 5
  marsad collocates [-window N] [-min N] [-limit N] [-docs N] QUERY
  marsad words      [-forms] [-limit N] [-docs N] [QUERY]              word list of the selection; -forms: the forms QUERY matched
  marsad compare    [-limit N] [-min N] [-docs N] [-q QUERY] A B        two subcorpora, each a query ('source:aawsat', 'date:..2015')
common flags: -json, -csv, -bundle DIR, -corpus PATH, -aliases (default true), -source S, -year Y, -entity E (repeatable)
`

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// exploreFlags are the flags every workbench subcommand has: the output
// format, the bundle, and the filters of search.Request.
type exploreFlags struct {
	asJSON, asCSV, aliases *bool
	bundle, corpus         *string
	sources, years, ents   listFlag
	groupsFile             *string
	groups                 query.Groups
	stderr                 io.Writer
	// command is the command line, and eng the engine it opened: what an
	// export says it is of (explore.About).
	command []string
	eng     *search.Engine
}

func addExploreFlags(fs *flag.FlagSet) *exploreFlags {
	f := &exploreFlags{
		asJSON:     fs.Bool("json", false, "print the table as JSON: {\"about\": what it is of, \"rows\": an array of objects}"),
		asCSV:      fs.Bool("csv", false, "print the table as CSV (UTF-8 with BOM)"),
		aliases:    fs.Bool("aliases", true, "also search other names of the same entity (داعش → تنظيم الدولة, ISIS…) and Latin input"),
		bundle:     fs.String("bundle", "", "bundle folder written by 'marsad index' (default: index the corpus in memory)"),
		corpus:     fs.String("corpus", defaultCorpus, "corpus (folder, .jsonl(.gz), .csv, .tsv), when no -bundle is given"),
		groupsFile: fs.String("groups", "", groupsFlagHelp),
		stderr:     io.Discard,
	}
	fs.Var(&f.sources, "source", "keep the articles of this source (repeatable: any of them)")
	fs.Var(&f.years, "year", "keep the articles of this year (repeatable: any of them)")
	fs.Var(&f.ents, "entity", "keep the articles that mention this entity, by canonical name (repeatable: all of them)")
	return f
}

// request is a search.Request for a query with the flags' filters, its
// group:NAME words read with the -groups file.
func (f *exploreFlags) request(q string) search.Request {
	return search.Request{Query: expandCLIGroups(q, f.groups, *f.groupsFile, f.stderr), Aliases: *f.aliases, Sources: f.sources, Years: f.years, Entities: f.ents}
}

// parse parses the flags, saying how to pass a query that starts with '-'.
func (f *exploreFlags) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if strings.HasPrefix(err.Error(), "flag provided but not defined") {
			return usageError{err.Error() + "; a query that starts with '-' goes after --, e.g. marsad " + fs.Name() + " -- -داعش تويتر"}
		}
		return err
	}
	f.command = append([]string{"marsad", fs.Name()}, args...)
	if *f.asJSON && *f.asCSV {
		return usageError{"give -json or -csv, not both"}
	}
	var err error
	f.groups, err = readGroupsFile(*f.groupsFile)
	return err
}

func (f *exploreFlags) engine(stderr io.Writer) (*search.Engine, error) {
	f.stderr = stderr
	var err error
	f.eng, err = openEngine(*f.bundle, *f.corpus, stderr)
	return f.eng, err
}

// groupsFlagHelp describes -groups, which search and the workbench
// commands share.
const groupsFlagHelp = "term groups for group:NAME in queries: a JSON file as the page's Saved view exports it ([{\"name\": …, \"terms\": […]}])"

// readGroupsFile reads the -groups file ("" for none).
func readGroupsFile(path string) (query.Groups, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-groups: %w", err)
	}
	gs, err := query.ReadGroups(data)
	if err != nil {
		return nil, fmt.Errorf("-groups %s: %w", path, err)
	}
	return gs, nil
}

// expandCLIGroups replaces the group:NAME words of q by their terms, and
// warns of a name the file does not have (searched as words, as the page
// does).
func expandCLIGroups(q string, gs query.Groups, file string, stderr io.Writer) string {
	expanded, _, unknown := query.ExpandGroups(q, gs)
	for _, name := range unknown {
		where := "no -groups file was given"
		if file != "" {
			where = file + " has no such group"
		}
		fmt.Fprintf(stderr, "marsad: group:%s: %s; it was searched as words\n", name, where)
	}
	return expanded
}

// export prints a table as JSON or CSV when asked; done is false when
// neither was. q is the view's query as the page's q= holds it.
func (f *exploreFlags) export(w io.Writer, t explore.Table, q string) (done bool, err error) {
	switch {
	case *f.asJSON:
		return true, t.WriteJSON(w, f.about(q))
	case *f.asCSV:
		return true, t.WriteCSV(allowCRLF(w))
	}
	return false, nil
}

// about is what an export is of: the view, its query and the flags'
// filters, the corpus, and the command line that made it.
func (f *exploreFlags) about(q string) explore.About {
	a := explore.About{View: f.command[1], Query: q, Filters: explore.FacetFilters(f.sources, f.years, f.ents),
		OtherNames: *f.aliases, Command: f.command, Exported: time.Now()}
	if f.eng != nil {
		a.Bundle, a.Articles = f.eng.Index().Root(), f.eng.Index().NumDocs()
	}
	return a
}

// noQuery turns explore.ErrNoQuery into a usage error with an example.
func noQuery(err error, cmd, example string) error {
	if errors.Is(err, explore.ErrNoQuery) {
		return usageError{cmd + " needs a query with words to look for, e.g. marsad " + cmd + " " + example}
	}
	var opt *explore.OptionError
	if errors.As(err, &opt) {
		return usageError{err.Error()}
	}
	return err
}

func runKWIC(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("kwic")
	f := addExploreFlags(fs)
	width := fs.Int("width", explore.DefaultWidth, "words shown before and after each hit")
	sortBy := fs.String("sort", "", "order of the lines: hit, before1, before2, after1, after2 (default: newest article first, text order)")
	offset := fs.Int("offset", 0, "first line to print")
	limit := fs.Int("limit", 50, "lines to print (0 = all)")
	sortLimit := fs.Int("sort-limit", cliSortLimit, "a sorted concordance sorts the lines of the newest articles up to this many lines (0 = all)")
	if err := f.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"kwic needs a query, e.g. marsad kwic تويتر"}
	}
	if !slices.Contains(explore.ConcordanceSorts, explore.ConcordanceSort(*sortBy)) {
		return usageError{fmt.Sprintf("-sort %q: want hit, before1, before2, after1 or after2", *sortBy)}
	}
	if *width < 1 || *offset < 0 || *limit < 0 {
		return usageError{"-width must be 1 or more, -offset and -limit 0 or more"}
	}
	if *sortLimit == 0 {
		*sortLimit = -1
	}
	e, err := f.engine(stderr)
	if err != nil {
		return err
	}
	q := strings.Join(fs.Args(), " ")
	c, err := explore.Concordance(e, f.request(q), explore.ConcordanceOptions{Width: *width, Sort: explore.ConcordanceSort(*sortBy),
		Offset: *offset, Limit: *limit, SortLimit: *sortLimit})
	if err != nil {
		return noQuery(err, "kwic", "تويتر")
	}
	if done, err := f.export(stdout, c.Table(), q); done {
		return err
	}
	fmt.Fprintf(stdout, "%d occurrences of %q in %d articles", c.Total, c.Query, c.Docs)
	if len(c.Lines) > 0 {
		fmt.Fprintf(stdout, "; lines %d–%d", c.Offset+1, c.Offset+len(c.Lines))
	}
	fmt.Fprintln(stdout)
	if c.Partial {
		fmt.Fprintf(stdout, "sorted: the %d lines of the newest articles only (-sort-limit -1 sorts all %d)\n", c.Sorted, c.Total)
	}
	for _, l := range c.Lines {
		// Logical order: a terminal that shows Arabic right to left puts
		// the words before the hit on its right.
		fmt.Fprintf(stdout, "\n%s ⟦%s⟧ %s\n   %s · %s · %s · hit %d · bytes %d–%d\n", l.Before, l.Match, l.After,
			l.DocID, orDash(l.Source), orDash(l.Date), l.Hit+1, l.Start, l.End)
	}
	return nil
}

func runTrends(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("trends")
	f := addExploreFlags(fs)
	unit := fs.String("unit", "", "day, month or year (default: by the span of the dates)")
	bySource := fs.Bool("by-source", false, "with -json or -csv: the counts by source rather than by period")
	if err := f.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"trends needs a query, e.g. marsad trends داعش 'تنظيم الدولة'"}
	}
	if fs.NArg() > explore.MaxTrendQueries {
		return usageError{fmt.Sprintf("trends compares at most %d queries (each argument is one; quote a query of several words)", explore.MaxTrendQueries)}
	}
	var reqs []search.Request
	for _, q := range fs.Args() {
		reqs = append(reqs, f.request(q))
	}
	e, err := f.engine(stderr)
	if err != nil {
		return err
	}
	tr, err := explore.Trends(e, reqs, explore.TrendOptions{Unit: explore.DateUnit(*unit)})
	if err != nil {
		return noQuery(err, "trends", "داعش")
	}
	t := tr.Table()
	if *bySource {
		t = tr.SourceTable()
	}
	if done, err := f.export(stdout, t, fs.Arg(0)); done {
		return err
	}
	for _, s := range tr.Series {
		fmt.Fprintf(stdout, "%q: %d occurrences in %d articles, by %s\n", s.Query, s.Total, s.TotalDocs, tr.Unit)
		for b, bk := range tr.Buckets {
			if s.Counts[b] == 0 && s.Words[b] == 0 {
				continue
			}
			fmt.Fprintf(stdout, "  %-10s %6d  %6.2f per 10,000 words  %s\n", bk.Label, s.Counts[b], s.PerTenThousand[b], bar(s.Counts[b], s.Counts))
		}
		for _, c := range s.Coarse {
			fmt.Fprintf(stdout, "  %-10s %6d  dated only to %s, not counted in a %s\n", c.Label, c.Count, c.Label, tr.Unit)
		}
		if s.Undated.Docs > 0 {
			fmt.Fprintf(stdout, "  %-10s %6d  in %d articles without a date\n", "undated", s.Undated.Count, s.Undated.Docs)
		}
		fmt.Fprintln(stdout, "  by source:")
		for _, c := range s.BySource {
			fmt.Fprintf(stdout, "  %-20s %6d  %6.2f per 10,000 words\n", orDash(c.Label), c.Count, c.PerTenThousand)
		}
	}
	return nil
}

// bar draws n against the largest of all as up to 30 blocks.
func bar(n int, all []int) string {
	top := slices.Max(all)
	if top == 0 {
		return ""
	}
	return strings.Repeat("█", (n*30+top-1)/top)
}

func runCollocates(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("collocates")
	f := addExploreFlags(fs)
	window := fs.Int("window", 5, "words on each side of an occurrence")
	minCount := fs.Int("min", 3, "fewest co-occurrences")
	limit := fs.Int("limit", 50, "collocates to print (0 = all)")
	docs := fs.Int("docs", cliSampleDocs, "most articles read, evenly spread over those with an occurrence (0 = all)")
	if err := f.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"collocates needs a query, e.g. marsad collocates داعش"}
	}
	if *window < 1 || *minCount < 1 || *limit < 0 || *docs < 0 {
		return usageError{"-window and -min must be 1 or more, -limit and -docs 0 or more"}
	}
	e, err := f.engine(stderr)
	if err != nil {
		return err
	}
	opt := explore.CollocateOptions{Window: *window, MinCount: *minCount, Limit: orAll(*limit), MaxDocs: orAll(*docs)}
	c, err := explore.Collocates(e, f.request(strings.Join(fs.Args(), " ")), opt)
	if err != nil {
		return noQuery(err, "collocates", "داعش")
	}
	if done, err := f.export(stdout, c.Table(), strings.Join(fs.Args(), " ")); done {
		return err
	}
	fmt.Fprintf(stdout, "collocates of %q within %d words: %d occurrences in %d of %d articles", c.Query, c.Window, c.Occurrences, c.DocsRead, c.Docs)
	if c.Sampled {
		fmt.Fprintf(stdout, " (a sample, evenly spread: -docs 0 reads all)")
	}
	fmt.Fprintln(stdout)
	fmt.Fprintf(stdout, "%-20s %7s %7s %7s %9s %6s  %s\n", "word", "count", "before", "after", "G²", "PMI", "search the pair (and within the window)")
	for _, col := range c.Collocates {
		fmt.Fprintf(stdout, "%-20s %7d %7d %7d %9.1f %6.2f  %s", col.Form, col.Count, col.Before, col.After, col.LogLikelihood, col.PMI, col.Pair)
		if col.Near != "" {
			fmt.Fprintf(stdout, "  %s", col.Near)
		}
		fmt.Fprintln(stdout)
	}
	return nil
}

// orAll turns the command line's 0 (all) into the options' -1.
func orAll(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

func runWords(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("words")
	f := addExploreFlags(fs)
	forms := fs.Bool("forms", false, "the surface forms the query's words matched, with their counts")
	limit := fs.Int("limit", 100, "words to print (0 = all)")
	docs := fs.Int("docs", cliSampleDocs, "most articles read, evenly spread over the selection (0 = all)")
	if err := f.parse(fs, args); err != nil {
		return err
	}
	if *limit < 0 || *docs < 0 {
		return usageError{"-limit and -docs must be 0 or more"}
	}
	q := strings.Join(fs.Args(), " ")
	e, err := f.engine(stderr)
	if err != nil {
		return err
	}
	if *forms {
		if q == "" {
			return usageError{"words -forms needs a query, e.g. marsad words -forms تويتر"}
		}
		list, err := explore.WordForms(e, f.request(q))
		if err != nil {
			return noQuery(err, "words -forms", "تويتر")
		}
		if done, err := f.export(stdout, explore.WordFormsTable(list), q); done {
			return err
		}
		for _, w := range list {
			fmt.Fprintf(stdout, "%-20s %7d in %5d articles  (%s)  search: %s\n", w.Form, w.Count, w.Docs, w.Word, w.Query)
		}
		return nil
	}
	wl, err := explore.WordList(e, f.request(q), explore.WordListOptions{Limit: orAll(*limit), MaxDocs: orAll(*docs)})
	if err != nil {
		return err
	}
	if done, err := f.export(stdout, wl.Table(), q); done {
		return err
	}
	fmt.Fprintf(stdout, "%d articles, %d words", wl.Docs, wl.Words)
	if wl.Sampled {
		fmt.Fprintf(stdout, "; counted in %d of them, evenly spread (-docs 0 reads all)", wl.DocsRead)
	}
	fmt.Fprintln(stdout)
	for _, w := range wl.List {
		fmt.Fprintf(stdout, "%-20s %7d in %5d articles  %7.2f per 10,000 words\n", w.Form, w.Count, w.Docs, w.PerTenThousand)
	}
	return nil
}

func runCompare(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compare")
	f := addExploreFlags(fs)
	q := fs.String("q", "", "a query whose frequency to give on each side")
	limit := fs.Int("limit", 30, "distinctive words to print for each side (0 = all)")
	minCount := fs.Int("min", 3, "fewest occurrences on the side a word is distinctive of")
	docs := fs.Int("docs", cliSampleDocs, "most articles read on each side, evenly spread (0 = all)")
	if err := f.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usageError{"compare needs two subcorpora, each a query, e.g. marsad compare source:aawsat source:alarabiya (quote one of several words)"}
	}
	if *limit < 0 || *minCount < 1 || *docs < 0 {
		return usageError{"-limit and -docs must be 0 or more, -min 1 or more"}
	}
	e, err := f.engine(stderr)
	if err != nil {
		return err
	}
	c, err := explore.Compare(e, f.request(fs.Arg(0)), f.request(fs.Arg(1)), *q,
		explore.CompareOptions{Limit: orAll(*limit), MinCount: *minCount, MaxDocs: orAll(*docs)})
	if err != nil {
		return noQuery(err, "compare -q", "source:A source:B")
	}
	if done, err := f.export(stdout, c.Table(), *q); done {
		return err
	}
	for i, side := range []explore.Side{c.A, c.B} {
		name := "A"
		if i == 1 {
			name = "B"
		}
		fmt.Fprintf(stdout, "%s: %q, %d articles, %d words", name, fs.Arg(i), side.Docs, side.Words)
		if side.Sampled {
			fmt.Fprintf(stdout, " (keyness over %d of them, evenly spread; -docs 0 reads all)", side.DocsRead)
		}
		if *q != "" {
			fmt.Fprintf(stdout, "; %q %d times in %d articles, %.2f per 10,000 words", *q, side.QueryCount.Count, side.QueryCount.Docs, side.QueryCount.PerTenThousand)
		}
		fmt.Fprintln(stdout)
	}
	for i, list := range [][]explore.Keyword{c.DistinctiveA, c.DistinctiveB} {
		fmt.Fprintf(stdout, "\nmore used in %s:\n%-20s %7s %7s %9s %9s\n", []string{"A", "B"}[i], "word", "in A", "in B", "G²", "log ratio")
		for _, k := range list {
			fmt.Fprintf(stdout, "%-20s %7d %7d %9.1f %9.2f\n", k.Form, k.CountA, k.CountB, k.LogLikelihood, k.LogRatio)
		}
	}
	return nil
}
