// Package ingest reads an Arabic news collection in whatever shape it comes
// (a folder of .txt, .md and .html files, JSONL, CSV or TSV), turns every
// record into a corpus.Document through corpus.FromRecord, finds duplicates
// and accounts for every record it read: each one is either kept or listed
// with its reason in the Summary.
//
// It is native-only (it reads files, walks folders and uses x/net/html); the
// wasm app must never import it.
package ingest

import (
	"errors"
	"fmt"
	"html"
	"os"
	"runtime"
	"strings"
	"sync"

	"marsad/internal/corpus"
)

// Format names an input layout.
type Format string

const (
	FormatAuto  Format = "auto"  // from the path: a folder, or the file's name and first bytes
	FormatDir   Format = "dir"   // a folder of .txt, .md, .html/.htm files, recursively
	FormatJSONL Format = "jsonl" // one JSON object per line, gzip or not
	FormatCSV   Format = "csv"   // comma-separated with a header row, gzip or not
	FormatTSV   Format = "tsv"   // tab-separated with a header row, gzip or not
)

// Formats lists the formats a user may name, for flag help and errors.
var Formats = []Format{FormatAuto, FormatDir, FormatJSONL, FormatCSV, FormatTSV}

// DuplicatePolicy says what happens to an article whose text repeats an
// earlier one (exactly, or nearly: see NearThreshold).
type DuplicatePolicy string

const (
	// DuplicatesKeep keeps both and lists the pair in the summary. It is the
	// default because a syndicated story printed by several sites is real
	// data for a news explorer (who ran it, when), and nothing should vanish
	// unless the user asked.
	DuplicatesKeep DuplicatePolicy = "keep"
	// DuplicatesDrop keeps the first occurrence (input order) and lists
	// every later one as skipped, naming the article it repeats.
	DuplicatesDrop DuplicatePolicy = "drop"
)

// DefaultMaxLine caps one JSONL line (or CSV record) in bytes. A real
// article is a few kilobytes; 64 MiB leaves room for a whole book on one
// line while keeping a corrupt file without newlines from eating memory.
const DefaultMaxLine = 64 << 20

// NearThreshold is the word 5-gram Jaccard similarity from which two
// articles count as near-duplicates: at 0.9 they share nine in ten
// five-word phrases, i.e. the same story with a changed sentence or a
// different byline/footer, not two stories on the same event.
const NearThreshold = 0.9

// Options tune Load. The zero value reads any format with the defaults.
type Options struct {
	// Format overrides detection; "" or FormatAuto detects.
	Format Format
	// Columns maps a field (id, title, date, source, author, category, text,
	// url) to a CSV/TSV header name; fields not named use the defaults (see
	// ParseColumns and defaultHeaders).
	Columns map[string]string
	// Strict turns every warning and every skipped record into an error:
	// Load fails on the first one (in input order).
	Strict bool
	// Duplicates is DuplicatesKeep ("" means keep) or DuplicatesDrop.
	Duplicates DuplicatePolicy
	// Tag, when set, fills Document.Entities from the title and text.
	Tag func(text string) []corpus.Entity
	// Workers run FromRecord and Tag in parallel; 0 means one per CPU. The
	// output order is the input order whatever the count.
	Workers int
	// MaxLine overrides DefaultMaxLine (tests use a small one).
	MaxLine int
}

// Result is what Load read.
type Result struct {
	// Documents are the kept articles in input order.
	Documents []corpus.Document
	Summary   Summary
}

// Load reads the collection at path. Problems with single records (bad
// bytes, malformed JSON, an empty text, a repeated id) skip that record and
// are listed in the summary, or fail Load under Strict; problems with the
// input as a whole (no such path, a missing text column, nothing usable)
// are errors. Every error names the file, and the line when there is one.
func Load(path string, opts Options) (*Result, error) {
	if opts.Duplicates == "" {
		opts.Duplicates = DuplicatesKeep
	}
	if opts.Duplicates != DuplicatesKeep && opts.Duplicates != DuplicatesDrop {
		return nil, fmt.Errorf("ingest: duplicates policy %q: want keep or drop", opts.Duplicates)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxLine <= 0 {
		opts.MaxLine = DefaultMaxLine
	}
	format, err := resolveFormat(path, opts.Format)
	if err != nil {
		return nil, err
	}
	src := source{path: path, format: format, opts: opts}
	var read func(emit func(item)) error
	switch format {
	case FormatDir:
		read = src.readDir
	case FormatJSONL:
		read = src.readJSONL
	case FormatCSV, FormatTSV:
		read = src.readCSV
	}
	outcomes, err := convertAll(read, opts)
	if err != nil {
		return nil, err
	}
	return assemble(&src, outcomes)
}

// item is one record as a reader found it, before conversion: raw holds a
// file's or a line's bytes for a worker to decode (rec.ID the file's id),
// or rec is already structured (CSV); skip, when set, says why there is
// nothing to convert.
type item struct {
	loc  Location
	kind itemKind
	raw  []byte
	rec  corpus.Record
	// offset is raw's byte offset in the file (decompressed when gz).
	offset int64
	gz     bool
	// generatedID is set when the input had no id and one was made up.
	generatedID bool
	skip        string
}

type itemKind int

const (
	kindRecord itemKind = iota // rec is filled
	kindJSON                   // raw is one JSONL line
	kindText                   // raw is a .txt file
	kindMarkdown
	kindHTML
)

// outcome is an item after conversion.
type outcome struct {
	loc         Location
	id          string
	generatedID bool
	doc         corpus.Document
	skip        string   // non-empty: not an article, and why
	warnings    []string // kept, but something was off
	fp          fingerprint
}

// convertAll runs read, converting its items on opts.Workers goroutines,
// and returns the outcomes in input order.
func convertAll(read func(emit func(item)) error, opts Options) ([]outcome, error) {
	type job struct {
		seq int
		it  item
	}
	type done struct {
		seq int
		out outcome
	}
	jobs := make(chan job, 4*opts.Workers)
	results := make(chan done, 4*opts.Workers)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{j.seq, convert(j.it, opts)}
			}
		}()
	}
	var outcomes []outcome
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for d := range results {
			for len(outcomes) <= d.seq {
				outcomes = append(outcomes, outcome{})
			}
			outcomes[d.seq] = d.out
		}
	}()
	seq := 0
	readErr := read(func(it item) {
		jobs <- job{seq, it}
		seq++
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-collected
	if readErr != nil {
		return nil, readErr
	}
	return outcomes[:seq], nil
}

// convert turns one item into a Document (or a reason to skip it). A panic
// while converting one record (a bug in cleaning or tagging on some odd
// text) skips that record with the panic as its reason, instead of losing
// the whole run.
func convert(it item, opts Options) (out outcome) {
	out = outcome{loc: it.loc, id: it.rec.ID, generatedID: it.generatedID, skip: it.skip}
	defer func() {
		if r := recover(); r != nil {
			out.skip = fmt.Sprintf("internal error converting this record (please report it): %v", r)
			out.doc, out.fp = corpus.Document{}, fingerprint{}
		}
	}()
	if out.skip != "" {
		return out
	}
	rec := it.rec
	var err error
	switch it.kind {
	case kindJSON:
		rec, err = decodeJSONLine(it.raw, it.offset, it.gz)
		if err != nil {
			rec.ID = jsonIDHint(it.raw) // so the skipped line can be found by id too
		} else if strings.TrimSpace(rec.ID) == "" {
			rec.ID = it.loc.generatedID()
			out.generatedID = true
		}
	case kindText, kindMarkdown, kindHTML:
		raw, enc := decodedBytes(it.raw)
		if enc != "" {
			out.warnings = append(out.warnings, encodingNote(enc))
		}
		rec, err = fileRecord(it.kind, raw, it.rec.ID)
	}
	out.id = rec.ID
	if err != nil {
		out.skip = err.Error()
		return out
	}
	if strings.TrimSpace(rec.Text) == "" {
		out.skip = "no text"
		if it.kind == kindHTML || it.kind == kindMarkdown {
			out.skip = "no text left after removing the markup"
		}
		return out
	}
	if it.kind == kindRecord || it.kind == kindJSON || it.kind == kindMarkdown {
		rec = decodeCharRefs(rec)
	}
	// FromRecordWarn repairs what it can (control characters, an unreadable
	// date field) and says so; the repairs are warnings here.
	doc, warns, err := corpus.FromRecordWarn(rec)
	for _, w := range warns {
		out.warnings = append(out.warnings, w.String())
	}
	if err != nil {
		out.skip = strings.TrimPrefix(err.Error(), "corpus: document "+rec.ID+": ")
		return out
	}
	if opts.Tag != nil {
		doc.Entities = opts.Tag(doc.Title + "\n" + doc.Text)
	}
	out.doc = doc
	out.fp = fingerprintOf(doc.Text)
	return out
}

// assemble walks the outcomes in input order: repeated ids, duplicates,
// the manifest, coverage; then Strict.
func assemble(src *source, outcomes []outcome) (*Result, error) {
	s := &src.summary
	s.Path, s.Format = src.path, src.format
	s.Records = len(outcomes)

	firstAt := make(map[string]Location, len(outcomes))
	dd := newDeduper(src.opts.Duplicates == DuplicatesDrop)
	var docs []corpus.Document
	var problems []Problem // in input order, for Strict
	if s.Encoding != "" {
		p := Problem{Location: Location{File: src.path}, Reason: encodingNote(s.Encoding)}
		s.Warnings = append(s.Warnings, p)
		problems = append(problems, p)
	}
	for i := range outcomes {
		o := &outcomes[i]
		if o.generatedID {
			s.GeneratedIDs++
		}
		for _, w := range o.warnings {
			p := Problem{Location: o.loc, ID: o.id, Reason: w}
			s.Warnings = append(s.Warnings, p)
			problems = append(problems, p)
		}
		if o.skip == "" && o.id != "" {
			if prev, seen := firstAt[o.id]; seen {
				o.skip = fmt.Sprintf("duplicate id %q (first at %s)", o.id, prev)
			} else {
				firstAt[o.id] = o.loc
			}
		}
		if o.skip != "" {
			p := Problem{Location: o.loc, ID: o.id, Reason: o.skip}
			s.Skipped = append(s.Skipped, p)
			problems = append(problems, p)
			continue
		}
		if dup, isDup := dd.check(o.id, o.fp); isDup {
			dup.At = o.loc
			s.Duplicates = append(s.Duplicates, dup)
			if src.opts.Duplicates == DuplicatesDrop {
				s.Skipped = append(s.Skipped, Problem{Location: o.loc, ID: o.id,
					Reason: fmt.Sprintf("%s duplicate of %s (-duplicates drop)", dup.Kind, dup.Of)})
				continue
			}
		}
		docs = append(docs, o.doc)
	}
	if src.manifest != nil {
		wasSkipped := map[string]bool{}
		for _, p := range s.Skipped {
			wasSkipped[p.ID] = true
		}
		mp, err := corpus.ApplyManifest(src.manifest, docs, func(id string) bool { return wasSkipped[id] })
		if err != nil {
			return nil, fmt.Errorf("ingest: %s: %w", src.manifestPath, err)
		}
		for _, w := range mp {
			p := Problem{Location: Location{File: src.manifestPath}, Reason: w}
			s.Warnings = append(s.Warnings, p)
			problems = append(problems, p)
		}
	}
	if src.opts.Strict && len(problems) > 0 {
		p := problems[0]
		more := ""
		if n := len(problems) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more problems; without -strict they are listed and the rest is kept)", n)
		}
		return nil, fmt.Errorf("ingest: %s (strict)%s", p, more)
	}
	if len(docs) == 0 {
		return nil, noArticles(s)
	}
	s.Kept = len(docs)
	s.Coverage = coverageOf(docs, src.opts.Tag != nil)
	return &Result{Documents: docs, Summary: *s}, nil
}

// noArticles explains an input that yielded nothing: why the first few
// records were skipped, or that there were none.
func noArticles(s *Summary) error {
	if s.Records == 0 {
		what := "no records"
		if s.Format == FormatDir {
			what = "no .txt, .md or .html files"
		}
		return fmt.Errorf("ingest: %s: %s%s", s.Path, what, s.ignoredNote())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ingest: %s: no usable articles: all %d records skipped", s.Path, s.Records)
	for i, p := range s.Skipped {
		if i == 3 {
			fmt.Fprintf(&b, "\n  … and %d more", len(s.Skipped)-i)
			break
		}
		fmt.Fprintf(&b, "\n  %s", p)
	}
	return errors.New(b.String())
}

// source is one input being read; readers fill its summary counters.
type source struct {
	path    string
	format  Format
	opts    Options
	summary Summary
	// manifest is the folder's manifest.json, if any.
	manifest     []byte
	manifestPath string
}

func (src *source) open() (*os.File, error) {
	f, err := os.Open(src.path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	src.summary.Files++
	return f, nil
}

// decodeCharRefs turns the HTML character references of a record's fields
// into the characters they stand for. Records are often scraped from web
// pages with their titles still escaped ("&quot;داعش&quot;", "&#8220;"):
// shown as text, the reference would be read as it is written, and
// searched and counted as a word ("quot"). A page read as HTML has them
// decoded by its parser already, and a plain .txt file is taken as written.
func decodeCharRefs(rec corpus.Record) corpus.Record {
	for _, f := range []*string{&rec.Title, &rec.Text, &rec.Source, &rec.Author, &rec.Category} {
		if strings.IndexByte(*f, '&') >= 0 {
			*f = html.UnescapeString(*f)
		}
	}
	return rec
}
