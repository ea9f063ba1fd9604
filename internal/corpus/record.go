package corpus

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
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
// more trustworthy than extraction. It is FromRecordWarn without the
// warnings.
func FromRecord(rec Record) (Document, error) {
	doc, _, err := FromRecordWarn(rec)
	return doc, err
}

// FromRecordWarn is FromRecord that also reports what it repaired or
// ignored: control or replacement characters removed from the text, a date
// field it could not read. The document is usable whatever the warnings.
//
// Source and category codes of the benchmark corpora ("skynews",
// "middleEast") become their Arabic display names; outlet aliases
// ("Reuters", "أ ف ب") their canonical name. A record date may be in any
// form the text parser reads ("21/07/2015", "٣ تشرين الثاني ٢٠١٨"); it is
// stored as ISO 8601 at its precision.
func FromRecordWarn(rec Record) (Document, []Warning, error) {
	rec, fieldWarns := cleanFields(rec)
	doc, warns, err := parseText(rec.Text, strings.TrimSpace(rec.Title) != "")
	if errors.Is(err, errBodyEmpty) && isHeadline(rec.Title) {
		// The body was all furniture, but the title is a real headline:
		// keep the article, findable by its title, and say so.
		doc, err = Document{}, nil
		warns = append(warns, Warning{"text", "no body text left after removing furniture; kept for its title"})
	}
	if err != nil {
		return Document{}, warns, fmt.Errorf("corpus: document %s: %w", rec.ID, err)
	}
	doc.ID = rec.ID
	warns = append(fieldWarns, warns...)
	if t := strings.TrimSpace(rec.Title); t != "" {
		// The text's first line is often the title again; with a real title
		// from the record, a derived one must not have eaten body text.
		if doc.Title != t && !strings.HasSuffix(doc.Title, ellipsis) && doc.Title != "" {
			doc.Text = doc.Title + "\n" + doc.Text
		}
		doc.Title = t
	}
	if d := strings.TrimSpace(rec.Date); d != "" {
		if iso, ok := recordDate(d); ok {
			doc.Date = iso
		} else {
			w := Warning{"date", fmt.Sprintf("unreadable date %q ignored", d)}
			if doc.Date != "" {
				w.Msg += "; the text's date " + doc.Date + " is used"
			}
			warns = append(warns, w)
		}
	}
	if s := strings.TrimSpace(rec.Source); s != "" {
		doc.Source = displaySource(s)
	}
	if a := strings.TrimSpace(rec.Author); a != "" {
		doc.Author = a
	}
	if c := strings.TrimSpace(rec.Category); c != "" {
		doc.Category = displayCategory(c)
	}
	if u := strings.TrimSpace(rec.URL); u != "" {
		if WebAddress(u) {
			doc.URL = u
		} else {
			warns = append(warns, Warning{"url", fmt.Sprintf("address %q ignored: only http and https addresses are linked", u)})
		}
	}
	return doc, warns, nil
}

// WebAddress reports whether u is an absolute http or https address
// without spaces or control characters: the only kind of original-article
// link the reader offers (never javascript:, data: or a relative path).
func WebAddress(u string) bool {
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") || len(u) > 2048 {
		return false
	}
	host := u[strings.Index(u, "//")+2:]
	if host == "" || host[0] == '/' {
		return false
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || unicode.Is(unicode.Bidi_Control, r) {
			return false
		}
	}
	return true
}

// isHeadline reports whether a record's title is a headline worth an
// article of its own: at least two words with letters, and not itself a
// line of page furniture.
func isHeadline(title string) bool {
	t := strings.TrimSpace(title)
	words := 0
	for _, w := range strings.Fields(t) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words >= 2 && len(cleanLines(t)) == 1
}

// recordDate reads a record's date field: ISO 8601 at any precision
// (a time part after "T" or a space is dropped), or any date line form.
func recordDate(d string) (string, bool) {
	if i := strings.IndexAny(d, "T "); i == 10 && validDate(d[:10]) {
		return d[:10], true
	}
	if validDate(d) {
		return d, true
	}
	if iso, ok := parseDateLine(d); ok {
		return iso, true
	}
	return "", false
}

// validDate accepts the precisions Document.Date allows, or "" (unknown).
func validDate(s string) bool {
	_, err := ParseDate(s)
	return err == nil
}

// cleanFields cleans every metadata field of rec (cleanField); the text is
// cleaned by parseText.
func cleanFields(rec Record) (Record, []Warning) {
	var warns []Warning
	for _, f := range []struct {
		name string
		v    *string
	}{{"title", &rec.Title}, {"date", &rec.Date}, {"source", &rec.Source}, {"author", &rec.Author},
		{"category", &rec.Category}, {"url", &rec.URL}} {
		var w []Warning
		*f.v, w = cleanField(f.name, *f.v)
		warns = append(warns, w...)
	}
	return rec, warns
}
