// Package index holds the searchable bundle: the documents, an inverted index
// of their analyzed title and text with token positions, and the facet values.
// The bundle is built once, offline (Builder), encoded to bytes
// (MarshalBinary) and decoded in the browser or CLI (Decode).
package index

import (
	"slices"
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// Field is an indexed document field.
type Field uint8

// The indexed fields. The encoding writes them in this order.
const (
	Title Field = iota
	Text
	NumFields = 2
)

func (f Field) String() string {
	switch f {
	case Title:
		return "title"
	case Text:
		return "text"
	}
	return "field?"
}

// Posting is one document's occurrences of a key in one field.
type Posting struct {
	// Doc is the document's number, its index in the bundle (see Index.Doc).
	Doc int32
	// Positions are the Token.Position values of the occurrences, ascending.
	// len(Positions) is the term frequency. Shared with the index: read only.
	Positions []int32
	// Forms tells, for each position, which of the key's Forms occurs there
	// (an index into Index.Forms). nil when the key has a single form, and
	// for stop keys and exact keys. Read only.
	Forms []uint16
}

// Form is one normalized surface form of a term in one field.
type Form struct {
	// Norm is the form's Token.Norm: its exact key is ExactKey(Norm).
	Norm string
	// Spelling is the form's most frequent original spelling (Token.Text),
	// for display: "وتويتر", "الإرهابي".
	Spelling string
	// Count is the number of occurrences of the form in the field, over the
	// whole corpus. It is derived when the index is built or decoded.
	Count int
}

// maxForms bounds the distinct forms of one key (form numbers are uint16).
const maxForms = 1 << 16

// stopKeyPrefix marks the keys of stop words. Stop words have no index term,
// but phrases keep their slots ("تنظيم ما يسمى"), so each is indexed under
// its normalized form behind a prefix no analyzed term starts with.
const stopKeyPrefix = "\x00"

// StopKey is the postings key of a stop word, from its Token.Norm.
func StopKey(norm string) string { return stopKeyPrefix + norm }

// IsStopKey reports whether a postings key is a StopKey.
func IsStopKey(key string) bool { return strings.HasPrefix(key, stopKeyPrefix) }

// ExactKey is the postings key matching the tokens whose Token.Norm is norm,
// for exact-form search. It is the StopKey of norm: a stop word is indexed
// by its form anyway, and the other forms are derived from the term postings
// (see Posting.Forms), so exact keys cost the bundle one small number per
// occurrence of a term with several forms.
func ExactKey(norm string) string { return stopKeyPrefix + norm }

// KeyOf is the postings key under which a token is indexed: its Term, or
// StopKey(Norm) for a stop word, or "" for a token that is not indexed.
func KeyOf(t arabic.Token) string {
	if t.Term != "" {
		if IsStopKey(t.Term) {
			return ""
		}
		return t.Term
	}
	if t.Norm != "" {
		return StopKey(t.Norm)
	}
	return ""
}

// Index is a searchable bundle. It is immutable once built or decoded and safe
// for concurrent readers.
type Index struct {
	docs   []corpus.Document
	byID   map[string]int32
	years  []string
	fields [NumFields]fieldIndex
}

type fieldIndex struct {
	postings map[string][]Posting
	// forms are the forms of each term key (not of stop keys).
	forms map[string][]Form
	// byNorm finds the term keys having a form, for exact keys.
	byNorm map[string][]formRef
	// docLen counts each document's indexed terms (stop words excluded),
	// the length BM25 normalizes by.
	docLen   []int32
	totalLen int64
}

// NumDocs is the number of documents.
func (ix *Index) NumDocs() int { return len(ix.docs) }

// Doc returns document number i (0 <= i < NumDocs).
func (ix *Index) Doc(i int) corpus.Document { return ix.docs[i] }

// DocNum returns the number of the document with the given ID.
func (ix *Index) DocNum(id string) (int, bool) {
	i, ok := ix.byID[id]
	return int(i), ok
}

type formRef struct {
	key  string
	form uint16
}

// Postings returns the postings of a key (a Term, a StopKey or an ExactKey)
// in a field, ordered by document number; nil if the key does not occur.
// Read only. The postings of an exact key other than a stop word's are
// assembled from the term postings on each call.
func (ix *Index) Postings(f Field, key string) []Posting {
	fi := &ix.fields[f]
	if ps, ok := fi.postings[key]; ok || !IsStopKey(key) {
		return ps
	}
	refs := fi.byNorm[key[len(stopKeyPrefix):]]
	if len(refs) == 1 && len(fi.forms[refs[0].key]) == 1 {
		return fi.postings[refs[0].key]
	}
	var out []Posting
	for _, ref := range refs {
		out = mergePostings(out, formPostings(fi.postings[ref.key], ref.form))
	}
	return out
}

// formPostings keeps the occurrences of one form.
func formPostings(ps []Posting, form uint16) []Posting {
	var out []Posting
	for _, p := range ps {
		var pos []int32
		for i, id := range p.Forms {
			if id == form {
				pos = append(pos, p.Positions[i])
			}
		}
		if pos != nil {
			out = append(out, Posting{Doc: p.Doc, Positions: pos})
		}
	}
	return out
}

// mergePostings merges two posting lists of disjoint positions. Only a norm
// reached by several terms (spellings whose hamza stems differently) needs it.
func mergePostings(a, b []Posting) []Posting {
	if len(a) == 0 {
		return b
	}
	out := make([]Posting, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].Doc < b[j].Doc):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Doc < a[i].Doc:
			out = append(out, b[j])
			j++
		default:
			pos := append(append([]int32(nil), a[i].Positions...), b[j].Positions...)
			slices.Sort(pos)
			out = append(out, Posting{Doc: a[i].Doc, Positions: pos})
			i++
			j++
		}
	}
	return out
}

// Forms returns the forms of a term key in a field with their counts in that
// field, in index order; nil for stop keys and unknown keys. Read only.
func (ix *Index) Forms(f Field, key string) []Form {
	return ix.fields[f].forms[key]
}

// NumKeys is the number of distinct keys in a field (for statistics).
func (ix *Index) NumKeys(f Field) int { return len(ix.fields[f].postings) }

// DocLen is the number of indexed terms of document i in field f.
func (ix *Index) DocLen(f Field, i int) int { return int(ix.fields[f].docLen[i]) }

// AvgDocLen is the mean DocLen of field f over all documents (0 if empty).
func (ix *Index) AvgDocLen(f Field) float64 {
	if len(ix.docs) == 0 {
		return 0
	}
	return float64(ix.fields[f].totalLen) / float64(len(ix.docs))
}

// Source is the source facet value of document i ("" if unknown).
func (ix *Index) Source(i int) string { return ix.docs[i].Source }

// Year is the year facet value of document i: the first four characters of
// its Date, or "" if the date is unknown.
func (ix *Index) Year(i int) string { return ix.years[i] }

func yearOf(date string) string {
	if len(date) < 4 {
		return ""
	}
	for i := 0; i < 4; i++ {
		if date[i] < '0' || date[i] > '9' {
			return ""
		}
	}
	return date[:4]
}

// finish derives what is not stored: the ID lookup, years and lengths.
func (ix *Index) finish() {
	ix.byID = make(map[string]int32, len(ix.docs))
	ix.years = make([]string, len(ix.docs))
	for i, d := range ix.docs {
		ix.byID[d.ID] = int32(i)
		ix.years[i] = yearOf(d.Date)
	}
	for f := range ix.fields {
		fi := &ix.fields[f]
		fi.docLen = make([]int32, len(ix.docs))
		fi.totalLen = 0
		fi.byNorm = map[string][]formRef{}
		for key, ps := range fi.postings {
			if IsStopKey(key) {
				continue
			}
			forms := fi.forms[key]
			for i := range forms {
				forms[i].Count = 0
				fi.byNorm[forms[i].Norm] = append(fi.byNorm[forms[i].Norm], formRef{key, uint16(i)})
			}
			for _, p := range ps {
				fi.docLen[p.Doc] += int32(len(p.Positions))
				fi.totalLen += int64(len(p.Positions))
				if p.Forms == nil {
					forms[0].Count += len(p.Positions)
				}
				for _, id := range p.Forms {
					forms[id].Count++
				}
			}
		}
		for _, refs := range fi.byNorm {
			slices.SortFunc(refs, func(a, b formRef) int { return strings.Compare(a.key, b.key) })
		}
	}
}
