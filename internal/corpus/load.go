package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the optional per-directory file of metadata overrides.
const ManifestName = "manifest.json"

// LoadDir reads every .txt file of dir (sorted by name) plus dir/manifest.json
// if present.
func LoadDir(dir string) ([]Document, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("corpus: %s: not a directory", dir)
	}
	return load(os.DirFS(dir), func(name string) string { return filepath.Join(dir, name) })
}

// LoadFS is LoadDir over the root of fsys, so the wasm build can load an
// embedded corpus (embed.FS) without touching the OS.
func LoadFS(fsys fs.FS) ([]Document, error) {
	return load(fsys, func(name string) string { return name })
}

// load reads the corpus; label turns a name inside fsys into the name shown in
// errors. Every problem is an error: a document is never dropped silently.
func load(fsys fs.FS, label func(string) string) ([]Document, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("corpus: reading %s: %w", label("."), err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(path.Ext(e.Name()), ".txt") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names) // ReadDir sorts already; the order is part of the contract

	docs := make([]Document, 0, len(names))
	byID := make(map[string]int, len(names))
	for _, name := range names {
		id := strings.TrimSuffix(name, path.Ext(name))
		if prev, dup := byID[id]; dup {
			return nil, fmt.Errorf("corpus: %s: duplicate document id %q (also %s)",
				label(name), id, label(names[prev]))
		}
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("corpus: %s: unreadable: %w", label(name), err)
		}
		doc, err := parse(raw)
		if err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", label(name), err)
		}
		doc.ID = id
		byID[id] = len(docs)
		docs = append(docs, doc)
	}

	raw, err := fs.ReadFile(fsys, ManifestName)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return docs, nil
	case err != nil:
		return nil, fmt.Errorf("corpus: %s: unreadable: %w", label(ManifestName), err)
	}
	if _, err := ApplyManifest(raw, docs, nil); err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", label(ManifestName), err)
	}
	return docs, nil
}

// manifest holds what a reader knows and the text does not say: a source
// named only in passing, a date inferred from the events described.
type manifest struct {
	// About describes the file for whoever edits it; ignored by the loader.
	About     string          `json:"about"`
	Documents []manifestEntry `json:"documents"`
}

// manifestEntry overrides a Document field only when the field is present
// (pointers tell "absent" from "set to empty").
type manifestEntry struct {
	ID           string  `json:"id"`
	Title        *string `json:"title"`
	Date         *string `json:"date"`
	DateInferred *bool   `json:"date_inferred"`
	Source       *string `json:"source"`
	Author       *string `json:"author"`
	Dateline     *string `json:"dateline"`
	Category     *string `json:"category"`
	// Note records the basis of the overrides; required so no value is
	// entered without its reason.
	Note string `json:"note"`
}

// ApplyManifest overrides the fields each entry of a manifest.json names in
// docs. Every problem is an error naming the entry, with one exception: an
// entry for a document the caller knows it skipped (skipped reports it) is
// returned in unused instead, since the skip is reported already.
func ApplyManifest(raw []byte, docs []Document, skipped func(id string) bool) (unused []string, err error) {
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // a misspelt field would silently do nothing
	if err := dec.Decode(&m); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			// Offset counts the bytes read, the bad one included; report
			// its 0-based position like the UTF-8 check does.
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
		if e.Date != nil {
			if _, err := ParseDate(*e.Date); err != nil {
				return nil, fmt.Errorf("entry %q: %v", e.ID, err)
			}
		}
		k, ok := byID[e.ID]
		if !ok {
			if skipped != nil && skipped(e.ID) {
				unused = append(unused, fmt.Sprintf("entry %d: document %q was skipped; its overrides are unused", i, e.ID))
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
	return unused, nil
}

func set(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}
