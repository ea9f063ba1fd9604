package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"marsad/internal/corpus"
)

// articleKinds maps the extensions a folder's articles may have.
var articleKinds = map[string]itemKind{
	".txt": kindText, ".md": kindMarkdown, ".markdown": kindMarkdown,
	".html": kindHTML, ".htm": kindHTML,
}

// readDir walks the folder in lexical order (so the order, and the ids, are
// the same on every machine) and emits one item per article file. The id is
// the path relative to the folder, with "/" and without the extension:
// 2018/a.html → "2018/a". Unreadable files become skipped items; hidden files
// and folders (.git) are not articles.
func (src *source) readDir(emit func(item)) error {
	root := src.path
	s := &src.summary
	s.Ignored = map[string]int{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if p == root {
				return fmt.Errorf("ingest: %w", err)
			}
			// An unreadable subfolder: its files cannot even be listed.
			emit(item{loc: Location{File: p}, skip: "unreadable folder: " + unwrapPath(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			s.Ignored[".hidden"]++
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if rel == corpus.ManifestName {
			raw, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("ingest: %s: unreadable: %w", p, err)
			}
			src.manifest, src.manifestPath = raw, p
			return nil
		}
		ext := strings.ToLower(path.Ext(d.Name()))
		kind, ok := articleKinds[ext]
		if !ok {
			if ext == "" {
				ext = "(no extension)"
			}
			s.Ignored[ext]++
			return nil
		}
		it := item{loc: Location{File: p}, kind: kind}
		it.rec.ID = strings.TrimSuffix(rel, path.Ext(rel))
		raw, err := os.ReadFile(p)
		if err != nil {
			it.skip = "unreadable: " + unwrapPath(err)
		} else {
			s.Files++
			it.raw = raw
		}
		emit(it)
		return nil
	})
	if len(s.Ignored) == 0 {
		s.Ignored = nil
	}
	return err
}

// unwrapPath drops the path an *fs.PathError repeats: the location already
// names the file.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// fileRecord turns one article file into a Record. Bytes are checked here so
// the error gives the offset in the file itself (markup stripping would
// move it).
func fileRecord(kind itemKind, raw []byte, id string) (corpus.Record, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return corpus.Record{ID: id}, errors.New("empty file")
	}
	if at := invalidUTF8At(raw); at >= 0 {
		return corpus.Record{ID: id}, fmt.Errorf("invalid UTF-8 at byte %d: 0x%02x", at, raw[at])
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return corpus.Record{ID: id}, fmt.Errorf("binary content (NUL byte at byte %d)", i)
	}
	switch kind {
	case kindMarkdown:
		rec := markdownRecord(string(raw))
		rec.ID = id
		return rec, nil
	case kindHTML:
		rec := htmlRecord(raw)
		rec.ID = id
		return rec, nil
	}
	return corpus.Record{ID: id, Text: string(raw)}, nil
}
