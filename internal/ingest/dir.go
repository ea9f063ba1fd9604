package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

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

// The manifest below mirrors internal/corpus's (load.go): same schema and
// checks, so a folder's manifest.json means the same whether LoadDir or
// ingest reads it. corpus keeps its applyManifest unexported; if it is ever
// exported, this copy should go.

type manifest struct {
	About     string          `json:"about"`
	Documents []manifestEntry `json:"documents"`
}

type manifestEntry struct {
	ID           string  `json:"id"`
	Title        *string `json:"title"`
	Date         *string `json:"date"`
	DateInferred *bool   `json:"date_inferred"`
	Source       *string `json:"source"`
	Author       *string `json:"author"`
	Dateline     *string `json:"dateline"`
	Category     *string `json:"category"`
	Note         string  `json:"note"`
}

// applyManifest overrides the fields each entry names. An entry for an
// article that was skipped is a warning (returned), not an error: the skip
// is already reported with its reason.
func applyManifest(raw []byte, docs []corpus.Document, skipped []Problem) (warnings []string, err error) {
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // a misspelt field would silently do nothing
	if err := dec.Decode(&m); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("malformed JSON at byte %d: %w", max(syn.Offset-1, 0), err)
		}
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("malformed JSON: data after the top-level object")
	}
	byID := make(map[string]int, len(docs))
	for i, d := range docs {
		byID[d.ID] = i
	}
	wasSkipped := map[string]bool{}
	for _, p := range skipped {
		wasSkipped[p.ID] = true
	}
	seen := map[string]bool{}
	for i, e := range m.Documents {
		if e.ID == "" {
			return nil, fmt.Errorf("entry %d: missing id", i)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("entry %d: duplicate id %q", i, e.ID)
		}
		seen[e.ID] = true
		if strings.TrimSpace(e.Note) == "" {
			return nil, fmt.Errorf("entry %q: missing note (the basis of the overrides)", e.ID)
		}
		if e.Date != nil && !validDate(*e.Date) {
			return nil, fmt.Errorf("entry %q: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", e.ID, *e.Date)
		}
		k, ok := byID[e.ID]
		if !ok {
			if wasSkipped[e.ID] {
				warnings = append(warnings, fmt.Sprintf("entry %d: document %q was skipped; its overrides are unused", i, e.ID))
				continue
			}
			return nil, fmt.Errorf("entry %d: unknown document id %q", i, e.ID)
		}
		d := &docs[k]
		set(&d.Title, e.Title)
		set(&d.Date, e.Date)
		set(&d.Source, e.Source)
		set(&d.Author, e.Author)
		set(&d.Dateline, e.Dateline)
		set(&d.Category, e.Category)
		if e.DateInferred != nil {
			d.DateInferred = *e.DateInferred
		}
	}
	return warnings, nil
}

func set(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}

func validDate(s string) bool {
	if s == "" {
		return true
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}
