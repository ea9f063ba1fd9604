package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// resolveFormat checks a named format, or tells it from the path: a folder
// is FormatDir; a file by its extension (.gz removed), else by its first
// bytes ('{' is JSONL).
func resolveFormat(path string, named Format) (Format, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("ingest: %w", err)
	}
	switch named {
	case "", FormatAuto:
	case FormatDir:
		if !st.IsDir() {
			return "", fmt.Errorf("ingest: %s: not a folder (format dir)", path)
		}
		return named, nil
	case FormatJSONL, FormatCSV, FormatTSV:
		if st.IsDir() {
			return "", fmt.Errorf("ingest: %s: a folder, not a %s file", path, named)
		}
		return named, nil
	default:
		return "", fmt.Errorf("ingest: unknown format %q (want one of %v)", named, Formats)
	}
	if st.IsDir() {
		return FormatDir, nil
	}
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL, nil
	case ".csv":
		return FormatCSV, nil
	case ".tsv", ".tab":
		return FormatTSV, nil
	}
	// No telling extension: look at the content.
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	r, _, err := decompressed(f, path)
	if err != nil {
		return "", err
	}
	head, _ := r.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(bom)), " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return FormatJSONL, nil
	}
	if _, ok := articleKinds[filepath.Ext(name)]; ok {
		return "", fmt.Errorf("ingest: %s looks like one article: give the folder that holds the articles, or name a data file's format with -format (%v)", path, Formats[1:])
	}
	return "", fmt.Errorf("ingest: %s: cannot tell the format from the name or the content; name it with -format (%v)", path, Formats[1:])
}

const bom = "\uFEFF"

// gzipMagic starts every gzip stream; the name may not say .gz.
var gzipMagic = []byte{0x1f, 0x8b}

// decompressed reads f through gzip when its first bytes say so.
func decompressed(f io.Reader, name string) (*bufio.Reader, bool, error) {
	br := bufio.NewReaderSize(f, 1<<20)
	head, _ := br.Peek(2)
	if !bytes.Equal(head, gzipMagic) {
		return br, false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, false, fmt.Errorf("ingest: %s: gzip: %w", name, err)
	}
	return bufio.NewReaderSize(zr, 1<<20), true, nil
}

// checkNotBinary rejects a text format file whose first bytes hold a NUL:
// better one clear error than a skipped record per "line" of an image.
func checkNotBinary(r *bufio.Reader, name string) error {
	head, _ := r.Peek(8 << 10)
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("ingest: %s: binary content (NUL byte at byte %d), not a text file", name, i)
	}
	return nil
}
