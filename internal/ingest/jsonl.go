package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"unicode/utf8"

	"marsad/internal/corpus"
)

// readJSONL emits one item per non-blank line. The bytes are checked and
// decoded by the workers; the reader only splits lines, so gunzip and
// decoding overlap.
func (src *source) readJSONL(emit func(item)) error {
	r, closeFile, err := src.openText()
	if err != nil {
		return err
	}
	defer closeFile()
	lr := lineReader{r: r, max: src.opts.MaxLine}
	for {
		line, offset, tooLong, err := lr.next()
		if len(line) > 0 || tooLong {
			it := item{loc: Location{File: src.path, Line: lr.line}, kind: kindJSON, raw: line}
			if lr.line == 1 {
				it.raw = bytes.TrimPrefix(it.raw, []byte(bom))
			}
			if tooLong {
				it.skip = fmt.Sprintf("line longer than the %d MiB limit (DefaultMaxLine): not read", src.opts.MaxLine>>20)
				if src.opts.MaxLine < 1<<20 {
					it.skip = fmt.Sprintf("line longer than the %d-byte limit: not read", src.opts.MaxLine)
				}
			}
			it.offset, it.gz = offset, src.summary.Gzip
			emit(it)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("ingest: %s:%d: %w", src.path, lr.line, err)
		}
	}
}

// lineReader splits a stream into lines of at most max bytes without
// bufio.Scanner's 64 KiB ceiling, and without holding more than max bytes
// of a longer line: the rest of it is read and thrown away.
type lineReader struct {
	r      *bufio.Reader
	max    int
	line   int   // 1-based number of the line last returned
	offset int64 // byte offset of the next line in the (decompressed) stream
}

// next returns the next line without its line end (and whitespace-only
// lines as empty), the line's byte offset, and whether it was too long to
// keep. err is io.EOF after the last line.
func (lr *lineReader) next() (line []byte, offset int64, tooLong bool, err error) {
	lr.line++
	offset = lr.offset
	var buf []byte
	for {
		chunk, e := lr.r.ReadSlice('\n')
		lr.offset += int64(len(chunk))
		if !tooLong {
			if len(buf)+len(chunk) > lr.max+2 { // +2: the line end is not content
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		err = e
		break
	}
	if err == io.EOF && len(buf) == 0 && !tooLong {
		return nil, offset, false, io.EOF
	}
	buf = bytes.TrimRight(buf, "\r\n")
	if len(buf) > lr.max {
		tooLong, buf = true, nil
	}
	if len(bytes.TrimSpace(buf)) == 0 {
		buf = nil
	}
	if err == io.EOF {
		err = nil // the last line had no line end; EOF comes on the next call
	}
	return buf, offset, tooLong, err
}

// jsonRecord is the JSONL schema of the shared corpora, plus author.
type jsonRecord struct {
	ID       flexString `json:"id"`
	Title    string     `json:"title"`
	Date     string     `json:"date"`
	Source   string     `json:"source"`
	Author   string     `json:"author"`
	Category string     `json:"category"`
	Text     string     `json:"text"`
	URL      string     `json:"url"`
}

// flexString accepts an id written as a string or a number.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] != '"' {
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return errors.New("id must be a string or a number")
		}
		*s = flexString(n)
		return nil
	}
	var v string
	err := json.Unmarshal(b, &v)
	*s = flexString(v)
	return err
}

// decodeJSONLine checks line's bytes and decodes it. UTF-8 is checked
// first: encoding/json would quietly turn bad bytes into U+FFFD and the
// damage would reach the index unseen.
func decodeJSONLine(line []byte, offset int64, gz bool) (corpus.Record, error) {
	if at := invalidUTF8At(line); at >= 0 {
		of := "file"
		if gz {
			of = "decompressed file"
		}
		return corpus.Record{}, fmt.Errorf("invalid UTF-8 at byte %d of the line (byte %d of the %s): 0x%02x",
			at, offset+int64(at), of, line[at])
	}
	var jr jsonRecord
	if err := json.Unmarshal(line, &jr); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return corpus.Record{}, fmt.Errorf("malformed JSON at byte %d of the line: %v", max(syn.Offset-1, 0), err)
		}
		return corpus.Record{}, fmt.Errorf("malformed record: %v", err)
	}
	return corpus.Record{
		ID: string(jr.ID), Title: jr.Title, Date: jr.Date, Source: jr.Source,
		Author: jr.Author, Category: jr.Category, URL: jr.URL, Text: jr.Text,
	}, nil
}

// idPattern finds an id in a line that does not decode.
var idPattern = regexp.MustCompile(`^\s*\{\s*"id"\s*:\s*(?:"([^"\\]{1,200})"|(\d{1,30}))`)

// jsonIDHint is the id a malformed line starts with, if it does ("" if not),
// to name the skipped record better than its line number alone.
func jsonIDHint(line []byte) string {
	m := idPattern.FindSubmatch(line[:min(len(line), 512)])
	if m == nil || !utf8.Valid(m[0]) {
		return ""
	}
	return string(m[1]) + string(m[2])
}

// invalidUTF8At is the offset of the first byte that is not UTF-8, or -1.
func invalidUTF8At(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for off := 0; off < len(b); {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return -1
}

// openText opens the source file for a line or record reader: gunzipped
// when it is gzip (the summary says so) and refused when it is binary.
func (src *source) openText() (*bufio.Reader, func() error, error) {
	f, err := src.open()
	if err != nil {
		return nil, nil, err
	}
	r, gz, err := decompressed(f, src.path)
	if err == nil {
		src.summary.Gzip = gz
		r, src.summary.Encoding = decodedReader(r)
		err = checkNotBinary(r, src.path)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return r, f.Close, nil
}
