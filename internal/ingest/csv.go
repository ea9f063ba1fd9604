package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"marsad/internal/corpus"
)

// Fields are the record fields a CSV/TSV column can fill, in the order
// -columns help lists them.
var Fields = []string{"id", "title", "date", "source", "author", "category", "text", "url"}

// defaultHeaders are the header names a column is recognised by when
// -columns does not name it: the field's own name first, then common
// English and Arabic variants. Matching ignores case, surrounding space and
// hamza/tatweel spelling variants.
var defaultHeaders = map[string][]string{
	"id":       {"id", "doc_id", "article_id", "المعرف", "الرقم", "رقم"},
	"title":    {"title", "headline", "العنوان", "عنوان"},
	"date":     {"date", "published", "published_at", "pub_date", "التاريخ", "تاريخ"},
	"source":   {"source", "site", "publisher", "newspaper", "المصدر", "مصدر", "الصحيفة", "الموقع"},
	"author":   {"author", "byline", "writer", "الكاتب", "المؤلف", "كاتب"},
	"category": {"category", "section", "التصنيف", "القسم", "الفئة", "تصنيف"},
	"text":     {"text", "body", "content", "article", "النص", "نص", "المتن", "المحتوى"},
	"url":      {"url", "link", "الرابط", "رابط"},
}

// ParseColumns reads a -columns value, "id=ID,text=body,…", into a field →
// header map. Unknown fields and repeated fields are errors.
func ParseColumns(spec string) (map[string]string, error) {
	cols := map[string]string{}
	if strings.TrimSpace(spec) == "" {
		return cols, nil
	}
	for pair := range strings.SplitSeq(spec, ",") {
		field, header, ok := strings.Cut(pair, "=")
		field = strings.ToLower(strings.TrimSpace(field))
		header = strings.TrimSpace(header)
		if !ok || field == "" || header == "" {
			return nil, fmt.Errorf("columns: %q is not field=HEADER", pair)
		}
		if !slices.Contains(Fields, field) {
			return nil, fmt.Errorf("columns: unknown field %q (fields: %s)", field, strings.Join(Fields, ", "))
		}
		if _, dup := cols[field]; dup {
			return nil, fmt.Errorf("columns: field %q named twice", field)
		}
		cols[field] = header
	}
	return cols, nil
}

func headerKey(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, bom)))
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'أ' || r == 'إ' || r == 'آ':
			return 'ا'
		case r == 'ـ' || (r >= 0x064B && r <= 0x0652):
			return -1
		}
		return r
	}, h)
}

// columnsOf finds each field's column index in header (-1: absent).
func columnsOf(header []string, named map[string]string, file string) (map[string]int, error) {
	at := map[string]int{}
	for i, h := range header {
		if _, seen := at[headerKey(h)]; !seen {
			at[headerKey(h)] = i
		}
	}
	have := strings.Join(header, ", ")
	cols := map[string]int{}
	for _, f := range Fields {
		cols[f] = -1
		if h, ok := named[f]; ok {
			i, found := at[headerKey(h)]
			if !found {
				return nil, fmt.Errorf("ingest: %s: no column %q (for %s) in the header row [%s]", file, h, f, have)
			}
			cols[f] = i
			continue
		}
		for _, h := range defaultHeaders[f] {
			if i, found := at[headerKey(h)]; found {
				cols[f] = i
				break
			}
		}
	}
	if cols["text"] < 0 {
		return nil, fmt.Errorf("ingest: %s: no text column in the header row [%s]; name it with -columns text=HEADER", file, have)
	}
	return cols, nil
}

// readCSV reads a CSV or TSV file with a header row. Quoted fields may span
// lines (as pandas and spreadsheets write them).
func (src *source) readCSV(emit func(item)) error {
	r, closeFile, err := src.openText()
	if err != nil {
		return err
	}
	defer closeFile()
	guard := &recordGuard{r: r, limit: int64(src.opts.MaxLine)}
	cr := csv.NewReader(guard)
	if src.format == FormatTSV {
		cr.Comma = '\t'
	}
	// CSV quoting is strict so that a broken quote is reported on its row
	// instead of silently swallowing the rows after it; TSV is often written
	// without quoting, so a quote inside a TSV field is taken literally.
	cr.LazyQuotes = src.format == FormatTSV
	cr.FieldsPerRecord = -1 // checked here, to skip the row with a clear reason

	header, err := cr.Read()
	switch {
	case err == io.EOF:
		return fmt.Errorf("ingest: %s: empty file (no header row)", src.path)
	case err != nil:
		return fmt.Errorf("ingest: %s: header row: %w", src.path, err)
	}
	for i, h := range header {
		if at := invalidUTF8At([]byte(h)); at >= 0 {
			return fmt.Errorf("ingest: %s:1: header column %d: invalid UTF-8 at byte %d", src.path, i+1, at)
		}
	}
	cols, err := columnsOf(header, src.opts.Columns, src.path)
	if err != nil {
		return err
	}
	field := func(row []string, name string) string {
		if i := cols[name]; i >= 0 && i < len(row) {
			return row[i]
		}
		return ""
	}
	for n := 1; ; n++ {
		guard.base = cr.InputOffset()
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, errRecordTooLong) {
			return fmt.Errorf("ingest: %s: row %d: record longer than %d bytes (an unclosed quote?)", src.path, n, src.opts.MaxLine)
		}
		it := item{loc: Location{File: src.path}, kind: kindRecord}
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			it.loc.Line = pe.StartLine
			it.skip = "malformed row: " + pe.Err.Error()
		case err != nil:
			return fmt.Errorf("ingest: %s: row %d: %w", src.path, n, err)
		default:
			it.loc.Line, _ = cr.FieldPos(0) // only valid for a row read whole
		}
		switch {
		case it.skip != "":
		case len(row) != len(header):
			it.skip = fmt.Sprintf("%d fields, the header has %d", len(row), len(header))
		}
		if it.skip == "" {
			for i, v := range row {
				if at := invalidUTF8At([]byte(v)); at >= 0 {
					it.skip = fmt.Sprintf("invalid UTF-8 in column %q at byte %d of the field: 0x%02x", header[i], at, v[at])
					break
				}
			}
		}
		it.rec = corpus.Record{
			ID: strings.TrimSpace(field(row, "id")), Title: field(row, "title"), Date: field(row, "date"),
			Source: field(row, "source"), Author: field(row, "author"), Category: field(row, "category"),
			URL: field(row, "url"), Text: field(row, "text"),
		}
		if it.rec.ID == "" && it.skip == "" {
			it.rec.ID = Location{File: src.path, Line: n}.generatedID()
			it.generatedID = true
		}
		emit(it)
	}
}

var errRecordTooLong = errors.New("record too long")

// recordGuard stops encoding/csv, which has no size limit, from reading an
// unending record (an unclosed quote in a large file) into memory.
type recordGuard struct {
	r     io.Reader
	limit int64
	read  int64
	base  int64 // offset where the current record starts
}

func (g *recordGuard) Read(p []byte) (int, error) {
	// csv buffers 4 KiB ahead; allow for it so a record of exactly limit
	// bytes passes.
	if g.read-g.base > g.limit+8<<10 {
		return 0, errRecordTooLong
	}
	n, err := g.r.Read(p)
	g.read += int64(n)
	return n, err
}
