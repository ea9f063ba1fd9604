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
	forms    [NumFields]map[string]*formTable
	finished bool
}

// formTable collects the forms of one term key while building.
type formTable struct {
	ids       map[string]uint16 // by Norm
	norms     []string          // in order of first occurrence
	spellings []map[string]int  // per form: occurrences of each Token.Text
}

// add records an occurrence and returns its form number.
func (ft *formTable) add(t arabic.Token) (uint16, error) {
	norm := t.Norm
	if norm == "" {
		norm = t.Term // not from arabic.Analyze; keep forms non-empty
	}
	id, ok := ft.ids[norm]
	if !ok {
		if len(ft.norms) >= maxForms {
			return 0, errors.New("too many forms of term " + t.Term)
		}
		id = uint16(len(ft.norms))
		ft.ids[norm] = id
		ft.norms = append(ft.norms, norm)
		ft.spellings = append(ft.spellings, map[string]int{})
	}
	ft.spellings[id][t.Text]++
	return id, nil
}

// forms returns the forms with their most frequent spelling (the smallest
// such spelling on a tie, for a deterministic bundle).
func (ft *formTable) forms() []Form {
	out := make([]Form, len(ft.norms))
	for i, norm := range ft.norms {
		best, n := "", 0
		for sp, c := range ft.spellings[i] {
			if c > n || (c == n && sp < best) {
				best, n = sp, c
			}
		}
		out[i] = Form{Norm: norm, Spelling: best}
	}
	return out
}

// NewBuilder returns an empty Builder.
func NewBuilder(opts Options) *Builder {
	b := &Builder{analyze: opts.Analyze, ids: map[string]bool{}}
	if b.analyze == nil {
		b.analyze = arabic.Analyze
	}
	for f := range b.postings {
		b.postings[f] = map[string][]Posting{}
		b.forms[f] = map[string]*formTable{}
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
		n := len(ps)
		if n > 0 && ps[n-1].Doc == num {
			last := ps[n-1].Positions
			if pos <= last[len(last)-1] {
				// Positions must ascend for phrase matching and delta
				// encoding; an analyzer repeating a position would be a bug
				// upstream, so keep the first occurrence.
				continue
			}
		} else {
			ps = append(ps, Posting{Doc: num})
			m[key] = ps
			n++
		}
		p := &ps[n-1]
		p.Positions = append(p.Positions, pos)
		if IsStopKey(key) {
			continue
		}
		ft := b.forms[f][key]
		if ft == nil {
			ft = &formTable{ids: map[string]uint16{}}
			b.forms[f][key] = ft
		}
		id, err := ft.add(t)
		if err != nil {
			return err
		}
		p.Forms = append(p.Forms, id)
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
		fi := &ix.fields[f]
		fi.postings = b.postings[f]
		fi.forms = make(map[string][]Form, len(b.forms[f]))
		for key, ft := range b.forms[f] {
			fi.forms[key] = ft.forms()
			if len(ft.norms) == 1 {
				for i := range fi.postings[key] {
					fi.postings[key][i].Forms = nil
				}
			}
		}
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
