package index

import (
	"errors"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// Options configures a Builder.
type Options struct {
	// Analyze turns text into tokens. nil means arabic.Analyze, the analyzer
	// the search engine applies to queries; anything else is for tests, since
	// a bundle built with another analyzer would not match queries.
	Analyze func(text string) []arabic.Token
}

// Builder accumulates documents into an Index.
type Builder struct {
	analyze  func(string) []arabic.Token
	docs     []corpus.Document
	ids      map[string]bool
	postings [NumFields]map[string][]Posting
	finished bool
}

// NewBuilder returns an empty Builder.
func NewBuilder(opts Options) *Builder {
	b := &Builder{analyze: opts.Analyze, ids: map[string]bool{}}
	if b.analyze == nil {
		b.analyze = arabic.Analyze
	}
	for f := range b.postings {
		b.postings[f] = map[string][]Posting{}
	}
	return b
}

// Add analyzes and adds a document. Its ID must be non-empty and unique.
func (b *Builder) Add(doc corpus.Document) error {
	if b.finished {
		return errors.New("index: Add after Finish")
	}
	if doc.ID == "" {
		return errors.New("index: document has no ID")
	}
	if b.ids[doc.ID] {
		return errors.New("index: duplicate document ID " + doc.ID)
	}
	if len(b.docs) >= maxDocs {
		return errors.New("index: too many documents")
	}
	num := int32(len(b.docs))
	if err := b.addField(Title, num, doc.Title); err != nil {
		return errors.New("index: document " + doc.ID + " title: " + err.Error())
	}
	if err := b.addField(Text, num, doc.Text); err != nil {
		return errors.New("index: document " + doc.ID + " text: " + err.Error())
	}
	b.ids[doc.ID] = true
	b.docs = append(b.docs, doc)
	return nil
}

func (b *Builder) addField(f Field, num int32, text string) error {
	m := b.postings[f]
	for _, t := range b.analyze(text) {
		key := KeyOf(t)
		if key == "" {
			continue
		}
		if t.Position < 0 || t.Position > maxPosition {
			return errors.New("token position out of range")
		}
		pos := int32(t.Position)
		ps := m[key]
		if n := len(ps); n > 0 && ps[n-1].Doc == num {
			last := ps[n-1].Positions
			if pos <= last[len(last)-1] {
				// Positions must ascend for phrase matching and delta
				// encoding; an analyzer repeating a position would be a bug
				// upstream, so keep the first occurrence.
				continue
			}
			ps[n-1].Positions = append(last, pos)
			continue
		}
		m[key] = append(ps, Posting{Doc: num, Positions: []int32{pos}})
	}
	return nil
}

// Finish returns the Index. The Builder cannot be used afterwards.
func (b *Builder) Finish() (*Index, error) {
	if b.finished {
		return nil, errors.New("index: Finish called twice")
	}
	b.finished = true
	ix := &Index{docs: b.docs}
	for f := range ix.fields {
		ix.fields[f].postings = b.postings[f]
	}
	ix.finish()
	return ix, nil
}

// Build is a convenience: a default Builder fed with docs.
func Build(docs []corpus.Document) (*Index, error) {
	b := NewBuilder(Options{})
	for _, d := range docs {
		if err := b.Add(d); err != nil {
			return nil, err
		}
	}
	return b.Finish()
}
