// Package corpus is the document model and its ingestion from files.
package corpus

// Document is one article as the explorer shows it.
type Document struct {
	// ID is the file's base name without extension, e.g. "001_c483dde8c62f1c3b".
	ID    string `json:"id"`
	Title string `json:"title"`
	// Date is ISO 8601 at the precision known: "2018-11-03", "2015-12" or "2015"; "" if unknown.
	Date string `json:"date,omitempty"`
	// DateInferred is true when the text does not state the date and it was
	// inferred by a reader (from the manifest) from events the text describes.
	DateInferred bool   `json:"date_inferred,omitempty"`
	Source       string `json:"source,omitempty"`
	Author       string `json:"author,omitempty"`
	// Dateline is the city of the byline ("أحمد الأنباري-بغداد" → "بغداد").
	Dateline string `json:"dateline,omitempty"`
	// Category is the site section label printed above the title ("الأخبار"),
	// kept apart so it is neither mistaken for the title nor shown as text.
	Category string `json:"category,omitempty"`
	// URL is the article's original address, when the input gives one and
	// it is an http or https address (see WebAddress).
	URL string `json:"url,omitempty"`
	// Text is the article body the reader shows, page furniture removed.
	// Paragraphs are separated by "\n".
	Text string `json:"text"`
	// Entities are the organisations, platforms, places and people the
	// article mentions, most mentioned first (filled by the entity tagger at
	// ingestion; nil before).
	Entities []Entity `json:"entities,omitempty"`
}

// Entity is one named entity an article mentions: its canonical name (the
// one the page shows and facets count), its type and how often it occurs.
type Entity struct {
	Type  EntityType `json:"type"`
	Name  string     `json:"name"`
	Count int        `json:"count"`
}
