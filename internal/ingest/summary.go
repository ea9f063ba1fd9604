package ingest

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"marsad/internal/corpus"
)

// Location is where a record came from: a file and, for line-oriented
// formats, its 1-based line (0 for a whole file).
type Location struct {
	File string
	Line int
}

func (l Location) String() string {
	if l.Line == 0 {
		return l.File
	}
	return fmt.Sprintf("%s:%d", l.File, l.Line)
}

// generatedID names a record that has no id by its file and line: stable
// across runs, and it says where to look.
func (l Location) generatedID() string {
	base := filepath.Base(l.File)
	for ext := filepath.Ext(base); ext != ""; ext = filepath.Ext(base) {
		base = strings.TrimSuffix(base, ext)
	}
	return fmt.Sprintf("%s-%d", base, l.Line)
}

// Problem is a skipped record or a warning: where, which id (if known) and
// why.
type Problem struct {
	Location
	ID     string
	Reason string
}

func (p Problem) String() string {
	if p.ID == "" {
		return fmt.Sprintf("%s: %s", p.Location, p.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", p.Location, p.ID, p.Reason)
}

// DuplicateKind tells an exact repeat from a near one.
type DuplicateKind string

const (
	ExactDuplicate DuplicateKind = "exact" // same text after normalisation
	NearDuplicate  DuplicateKind = "near"  // word 5-gram Jaccard ≥ NearThreshold
)

// Duplicate is an article whose text repeats an earlier one.
type Duplicate struct {
	At   Location
	ID   string
	Of   string // the earlier article's id
	Kind DuplicateKind
	// Similarity is the word 5-gram Jaccard similarity (1 for exact).
	Similarity float64
}

// Coverage counts the kept articles that have each metadata field.
type Coverage struct {
	Articles                   int
	Title                      int
	Date                       int // any precision; the three below add up to it
	DateDay, DateMonth, DateYr int
	Source, Author, Dateline   int
	Category                   int
	Entities                   int
	// Tagged is false when no tagger ran, so Entities means nothing.
	Tagged bool
}

func coverageOf(docs []corpus.Document, tagged bool) Coverage {
	c := Coverage{Articles: len(docs), Tagged: tagged}
	for _, d := range docs {
		count := func(n *int, v string) {
			if v != "" {
				*n++
			}
		}
		count(&c.Title, d.Title)
		count(&c.Date, d.Date)
		date, _ := corpus.ParseDate(d.Date)
		switch date.Precision() {
		case corpus.DayPrecision:
			c.DateDay++
		case corpus.MonthPrecision:
			c.DateMonth++
		case corpus.YearPrecision:
			c.DateYr++
		}
		count(&c.Source, d.Source)
		count(&c.Author, d.Author)
		count(&c.Dateline, d.Dateline)
		count(&c.Category, d.Category)
		if len(d.Entities) > 0 {
			c.Entities++
		}
	}
	return c
}

// Summary accounts for one Load: every record read is either kept or in
// Skipped.
type Summary struct {
	Path   string
	Format Format
	// Gzip is true when the file was gzip-compressed.
	Gzip bool
	// Encoding names the encoding a JSONL, CSV or TSV file was decoded
	// from when it was not UTF-8 (UTF-16LE, UTF-16BE, Windows-1256); a
	// warning says so too.
	Encoding string
	// Files is the number of files read (1 for JSONL/CSV).
	Files int
	// Ignored counts files in a folder that are not articles, by extension
	// (manifest.json excepted; hidden files and folders count as ".hidden").
	Ignored map[string]int
	// Records is every record read: Kept + len(Skipped).
	Records int
	Kept    int
	// GeneratedIDs counts records without an id that got one from their
	// file and line/row ("articles-17").
	GeneratedIDs int
	Skipped      []Problem
	Duplicates   []Duplicate
	Warnings     []Problem
	Coverage     Coverage
}

// Shown is how many skipped records, duplicates and warnings Write lists
// unless asked for all.
const Shown = 5

// Write prints the summary for a person. all lists every skipped record,
// duplicate and warning instead of the first Shown of each.
func (s *Summary) Write(w io.Writer, all bool) {
	kind := string(s.Format)
	if s.Gzip {
		kind += ", gzip"
	}
	if s.Encoding != "" {
		kind += ", " + s.Encoding
	}
	fmt.Fprintf(w, "ingest %s (%s)\n", s.Path, kind)
	fmt.Fprintf(w, "  files read      %d%s\n", s.Files, s.ignoredNote())
	fmt.Fprintf(w, "  records read    %d\n", s.Records)
	fmt.Fprintf(w, "  articles kept   %d\n", s.Kept)
	if s.GeneratedIDs > 0 {
		fmt.Fprintf(w, "  generated ids   %d (no id in the input: file name and line/row, e.g. %q)\n",
			s.GeneratedIDs, Location{File: s.Path, Line: 1}.generatedID())
	}
	fmt.Fprintf(w, "  skipped         %d\n", len(s.Skipped))
	list(w, s.Skipped, all, func(p Problem) string { return p.String() })

	exact, near := 0, 0
	for _, d := range s.Duplicates {
		if d.Kind == ExactDuplicate {
			exact++
		} else {
			near++
		}
	}
	fmt.Fprintf(w, "  duplicates      %d exact, %d near (Jaccard ≥ %.2f on word 5-grams)\n", exact, near, NearThreshold)
	list(w, s.Duplicates, all, func(d Duplicate) string {
		return fmt.Sprintf("%s: %s repeats %s (%s, %.2f)", d.At, d.ID, d.Of, d.Kind, d.Similarity)
	})
	fmt.Fprintf(w, "  warnings        %d\n", len(s.Warnings))
	list(w, s.Warnings, all, func(p Problem) string { return p.String() })

	c := s.Coverage
	fmt.Fprintf(w, "  coverage of the %d kept articles\n", c.Articles)
	row := func(name string, n int, extra string) {
		pct := 0.0
		if c.Articles > 0 {
			pct = 100 * float64(n) / float64(c.Articles)
		}
		fmt.Fprintf(w, "    %-10s %7d  %5.1f%%%s\n", name, n, pct, extra)
	}
	row("title", c.Title, "")
	row("date", c.Date, fmt.Sprintf("  (day %d, month %d, year %d)", c.DateDay, c.DateMonth, c.DateYr))
	row("source", c.Source, "")
	row("author", c.Author, "")
	row("dateline", c.Dateline, "")
	row("category", c.Category, "")
	if c.Tagged {
		row("entities", c.Entities, "")
	} else {
		fmt.Fprintf(w, "    %-10s %s\n", "entities", "not tagged")
	}
}

func (s *Summary) ignoredNote() string {
	if len(s.Ignored) == 0 {
		return ""
	}
	var exts []string
	for e := range s.Ignored {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	var parts []string
	for _, e := range exts {
		parts = append(parts, fmt.Sprintf("%s %d", e, s.Ignored[e]))
	}
	return " (ignored, not articles: " + strings.Join(parts, ", ") + ")"
}

func list[T any](w io.Writer, items []T, all bool, line func(T) string) {
	for i, it := range items {
		if !all && i == Shown {
			fmt.Fprintf(w, "      … and %d more (-skipped lists them all)\n", len(items)-i)
			return
		}
		fmt.Fprintf(w, "      %s\n", line(it))
	}
}
