package explore

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"

	"marsad/internal/query"
	"marsad/internal/search"
)

// Table is a view's numbers as rows, for export: the page's download and
// the command line write the same files. Rows about an article carry its
// id, title, source, date, URL and, for a passage, byte offsets into
// Document.Text.
type Table struct {
	Columns []string
	Rows    [][]string
	// Numeric marks the columns whose values are numbers: JSON writes
	// them as numbers (an empty value as null). Nil: every column is text.
	Numeric []bool
	// Of is how many rows there were when the table holds only the first
	// of them (an export's bound); 0 when it holds them all.
	Of int
	// Read and Matching say, for a view counted over a sample, how many
	// of the matching articles were read; both 0 when it read them all.
	Read, Matching int
}

// WriteCSV writes the table as CSV (RFC 4180: comma-separated, fields
// quoted when needed, CRLF line ends) in UTF-8 with a byte order mark, so
// that spreadsheet programs read Arabic correctly.
func (t Table) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return bw.Flush()
}

// About says what an exported table is of, so that the file carries its
// provenance: which view of which query and filters, over which corpus,
// when, and whether it holds every row. A researcher who finds the file
// again, or cites a count from it, needs all of that.
type About struct {
	View  string // results, kwic, trends, collocates, words, compare
	Query string
	// Filters are the view's filters as the query language writes them
	// (source:…, year:…, date:…, entity:…), besides those in Query.
	Filters []string
	// OtherNames is the setting "search other names of an entity too"
	// (داعش → تنظيم الدولة, ISIS…): a word typed alone was searched with
	// them where it names an entity; a quoted phrase never is.
	OtherNames bool
	// Bundle is the index bundle's root file, which names the corpus and
	// its build; Articles how many articles it has.
	Bundle   string
	Articles int
	// Link is the page's address of the view; Command the command line
	// that wrote the file (each "" or nil where the other made it).
	Link     string
	Command  []string
	Exported time.Time
}

// FacetFilters writes the filters of a request's facets (search.Request's
// Sources, Years and Entities) as the query language does, for About:
// source:…, year:…, entity:… (quoted where a value needs it).
func FacetFilters(sources, years, entities []string) []string {
	var out []string
	for _, f := range []struct {
		name   string
		values []string
	}{{query.FieldSource, sources}, {query.FieldYear, years}, {query.FieldEntity, entities}} {
		for _, v := range f.values {
			out = append(out, query.Field{Name: f.name, Value: v}.String())
		}
	}
	return out
}

// WriteJSON writes the table as a JSON object: "about", what the table is
// of (About, with how many rows it has and, when it holds only the first
// of them, how many there were), and "rows", an array of objects, one per
// row, keyed by column, in column order.
func (t Table) WriteJSON(w io.Writer, about About) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("{\n\"about\": {")
	sep := ""
	field := func(name string, value []byte) {
		bw.WriteString(sep)
		sep = ", "
		bw.Write(jsonString(name))
		bw.WriteString(": ")
		bw.Write(value)
	}
	field("view", jsonString(about.View))
	field("query", jsonString(about.Query))
	field("filters", stringList(about.Filters))
	otherNames := "off"
	if about.OtherNames {
		otherNames = "on"
	}
	field("other_names", jsonString(otherNames))
	if about.Bundle != "" {
		field("bundle", jsonString(about.Bundle))
		field("articles", []byte(itoa(about.Articles)))
	}
	if about.Link != "" {
		field("link", jsonString(about.Link))
	}
	if about.Command != nil {
		field("command", stringList(about.Command))
	}
	field("exported", jsonString(about.Exported.UTC().Format(time.RFC3339)))
	field("rows", []byte(itoa(len(t.Rows))))
	if t.Of > len(t.Rows) {
		field("rows_in_view", []byte(itoa(t.Of)))
	}
	if t.Matching > t.Read {
		// Counted over a sample: a count in the file is not the corpus's.
		field("articles_read", []byte(itoa(t.Read)))
		field("articles_matching", []byte(itoa(t.Matching)))
	}
	bw.WriteString("},\n\"rows\": [")
	for r, row := range t.Rows {
		if r > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for c, col := range t.Columns {
			if c > 0 {
				bw.WriteString(",")
			}
			bw.Write(jsonString(col))
			bw.WriteString(":")
			v := ""
			if c < len(row) {
				v = row[c]
			}
			switch {
			case c < len(t.Numeric) && t.Numeric[c] && v == "":
				bw.WriteString("null")
			case c < len(t.Numeric) && t.Numeric[c]:
				bw.WriteString(v)
			default:
				bw.Write(jsonString(v))
			}
		}
		bw.WriteString("}")
	}
	if len(t.Rows) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// stringList encodes a list of strings as a JSON array.
func stringList(list []string) []byte {
	out := []byte("[")
	for i, s := range list {
		if i > 0 {
			out = append(out, ", "...)
		}
		out = append(out, jsonString(s)...)
	}
	return append(out, ']')
}

// jsonString encodes s as a JSON string, without escaping HTML characters.
func jsonString(s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// table starts a table whose columns named in numeric hold numbers.
func table(cols []string, numeric ...string) Table {
	t := Table{Columns: cols, Numeric: make([]bool, len(cols))}
	for i, c := range cols {
		for _, n := range numeric {
			if c == n {
				t.Numeric[i] = true
			}
		}
	}
	return t
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

// Table is the concordance page's lines.
func (c *ConcordanceResult) Table() Table {
	t := table([]string{"id", "title", "source", "date", "url", "hit", "start", "end", "before", "match", "after"}, "hit", "start", "end")
	for _, l := range c.Lines {
		t.Rows = append(t.Rows, []string{l.DocID, l.Title, l.Source, l.Date, l.URL, itoa(l.Hit + 1), itoa(l.Start), itoa(l.End), l.Before, l.Match, l.After})
	}
	return t
}

// Table is the trend's numbers, one row per query and period: the buckets,
// then the articles dated more coarsely than the unit (kind "coarse"),
// then the undated ones (kind "undated").
func (r *TrendsResult) Table() Table {
	t := table([]string{"query", "kind", "period", "date_filter", "count", "docs", "words", "per_10000"}, "count", "docs", "words", "per_10000")
	for _, s := range r.Series {
		for b, bk := range r.Buckets {
			t.Rows = append(t.Rows, []string{s.Query, string(r.Unit), bk.Label, bk.DateFilter, itoa(s.Counts[b]), itoa(s.Docs[b]), itoa(s.Words[b]), ftoa(s.PerTenThousand[b])})
		}
		for _, c := range s.Coarse {
			t.Rows = append(t.Rows, []string{s.Query, "coarse", c.Label, c.Label, itoa(c.Count), itoa(c.Docs), itoa(c.Words), ftoa(c.PerTenThousand)})
		}
		u := s.Undated
		t.Rows = append(t.Rows, []string{s.Query, "undated", "", "", itoa(u.Count), itoa(u.Docs), itoa(u.Words), ftoa(u.PerTenThousand)})
	}
	return t
}

// SourceTable is the trend's counts by source, one row per query and
// source.
func (r *TrendsResult) SourceTable() Table {
	t := table([]string{"query", "source", "count", "docs", "words", "per_10000"}, "count", "docs", "words", "per_10000")
	for _, s := range r.Series {
		for _, c := range s.BySource {
			t.Rows = append(t.Rows, []string{s.Query, c.Label, itoa(c.Count), itoa(c.Docs), itoa(c.Words), ftoa(c.PerTenThousand)})
		}
	}
	return t
}

// Table is the collocates. freq is a word's occurrences in the articles
// read, not in the whole corpus.
func (r *CollocatesResult) Table() Table {
	t := table([]string{"form", "index_term", "count", "before", "after", "freq", "log_likelihood", "pmi", "pair", "near"}, "count", "before", "after", "freq", "log_likelihood", "pmi")
	for _, c := range r.Collocates {
		t.Rows = append(t.Rows, []string{c.Form, c.Key, itoa(c.Count), itoa(c.Before), itoa(c.After), itoa(c.Freq), ftoa(c.LogLikelihood), ftoa(c.PMI), c.Pair, c.Near})
	}
	if r.Sampled {
		t.Read, t.Matching = r.DocsRead, r.Docs
	}
	return t
}

// WordFormsTable is the word forms of a query.
func WordFormsTable(forms []WordForm) Table {
	t := table([]string{"word", "form", "norm", "count", "docs", "corpus_count", "query"}, "count", "docs", "corpus_count")
	for _, f := range forms {
		t.Rows = append(t.Rows, []string{f.Word, f.Form, f.Norm, itoa(f.Count), itoa(f.Docs), itoa(f.CorpusCount), f.Query})
	}
	return t
}

// Table is the word list.
func (r *WordListResult) Table() Table {
	t := table([]string{"form", "index_term", "count", "docs", "per_10000"}, "count", "docs", "per_10000")
	for _, w := range r.List {
		t.Rows = append(t.Rows, []string{w.Form, w.Key, itoa(w.Count), itoa(w.Docs), ftoa(w.PerTenThousand)})
	}
	if r.Sampled {
		t.Read, t.Matching = r.DocsRead, r.Docs
	}
	return t
}

// Table is the distinctive words of both sides, side A's first.
func (c *Comparison) Table() Table {
	t := table([]string{"side", "form", "index_term", "count_a", "count_b", "per_10000_a", "per_10000_b", "log_likelihood", "log_ratio"},
		"count_a", "count_b", "per_10000_a", "per_10000_b", "log_likelihood", "log_ratio")
	for side, list := range [][]Keyword{c.DistinctiveA, c.DistinctiveB} {
		name := "A"
		if side == 1 {
			name = "B"
		}
		for _, k := range list {
			t.Rows = append(t.Rows, []string{name, k.Form, k.Key, itoa(k.CountA), itoa(k.CountB), ftoa(k.PerTenThousandA), ftoa(k.PerTenThousandB), ftoa(k.LogLikelihood), ftoa(k.LogRatio)})
		}
	}
	return t
}

// ResultsTable is a page of search results.
func ResultsTable(hits []search.Hit) Table {
	t := table([]string{"id", "title", "source", "date", "url", "score", "matches"}, "score", "matches")
	for _, h := range hits {
		t.Rows = append(t.Rows, []string{h.ID, h.Title, h.Source, h.Date, h.URL, ftoa(h.Score), itoa(search.CountOccurrences(h.Matches))})
	}
	return t
}
