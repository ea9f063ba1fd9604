package corpus

import (
	"fmt"
	"strings"
)

// Record is one article as an input format delivers it, before cleaning:
// the fields the source had (any may be empty) and the raw text. Formats
// with structured fields (JSONL, CSV) fill what they have; a plain text file
// gives only ID and Text.
type Record struct {
	ID       string
	Title    string
	Date     string
	Source   string
	Author   string
	Category string
	URL      string
	Text     string
}

// FromRecord cleans rec.Text (furniture out, lines normalised) and fills the
// metadata the record lacks from the text itself. A field the record has
// always wins over what the text suggests: the source's own metadata is
// more trustworthy than extraction.
func FromRecord(rec Record) (Document, error) {
	doc, err := parse([]byte(rec.Text))
	if err != nil {
		return Document{}, fmt.Errorf("corpus: document %s: %w", rec.ID, err)
	}
	doc.ID = rec.ID
	if t := strings.TrimSpace(rec.Title); t != "" {
		// The text's first line is often the title again; with a real title
		// from the record, a derived one must not have eaten body text.
		if doc.Title != t && !strings.HasSuffix(doc.Title, ellipsis) && doc.Title != "" {
			doc.Text = doc.Title + "\n" + doc.Text
		}
		doc.Title = t
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&doc.Date, rec.Date}, {&doc.Source, rec.Source},
		{&doc.Author, rec.Author}, {&doc.Category, rec.Category},
	} {
		if v := strings.TrimSpace(f.v); v != "" {
			*f.dst = v
		}
	}
	return doc, nil
}
