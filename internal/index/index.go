// Package index holds the searchable bundle: the documents, an inverted index
// of their analyzed title and text with token positions, and the facet values.
// The bundle is built once, offline (Builder), as a set of files; a reader
// (Open) loads its small root eagerly and every other file when a query or a
// page first needs it, natively from a folder or in the browser through fetch.
package index

import (
	"strings"

	"marsad/internal/arabic"
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
	// TF is the number of occurrences.
	TF int32
	// Positions are the Token.Position values of the occurrences, ascending;
	// only from Index.Positions and PositionsWithoutForms. Shared with the
	// index: read only.
	Positions []int32
	// Forms tells, for each position, which of the key's Forms occurs there;
	// only from Index.Positions, nil for stop keys and from
	// Index.PositionsWithoutForms. Read only.
	Forms []uint16
}

// DocPostings are a key's documents in one field, ascending, with the number
// of occurrences in each: postings without positions, which is what ranking
// needs, in 8 bytes a document (a Posting takes 56). Shared with the index:
// read only.
type DocPostings struct {
	Docs []int32
	TFs  []int32
}

// Len is the number of documents.
func (d DocPostings) Len() int { return len(d.Docs) }

// Form is one normalized surface form of a term.
type Form struct {
	// Norm is the form's Token.Norm, what an exact-form search matches.
	Norm string
	// Spelling is the form's most frequent original spelling (Token.Text),
	// for display: "وتويتر", "الإرهابي".
	Spelling string
	// Count is the number of occurrences of the form over the whole corpus,
	// title and text.
	Count int
}

// maxForms bounds the distinct forms of one key (form numbers are uint16).
const maxForms = 1 << 16

// family is one of the two kinds of chunk a key's entries live in, each
// with its directory in the root.
type family int

const (
	// termFamily chunks hold a term's forms and document postings.
	termFamily family = iota
	// positionFamily chunks hold positions (phrases, exact forms) and a
	// stop word's whole postings.
	positionFamily
	// formFamily chunks hold the form of each position (exact forms, the
	// forms of a word in some articles), for the terms of several forms.
	formFamily
	numFamilies
)

// kind is the file kind of the family's chunks.
func (f family) kind() byte {
	switch f {
	case positionFamily:
		return kindPos
	case formFamily:
		return kindForms
	}
	return kindTerms
}

// Key is a postings key: the index term of a word, or the key of a stop
// word. Stop words have no index term, but phrases keep their slots
// ("تنظيم ما يسمى"), so each is indexed under its normalized form behind a
// prefix no analyzed term starts with.
type Key string

// stopKeyPrefix marks the keys of stop words; only Key's methods and
// StopKey read it.
const stopKeyPrefix = "\x00"

// StopKey is the postings key of a stop word, from its Token.Norm.
func StopKey(norm string) Key { return Key(stopKeyPrefix + norm) }

// IsStop reports whether the key is a stop word's.
func (k Key) IsStop() bool { return strings.HasPrefix(string(k), stopKeyPrefix) }

// Text is what the key stands for, to show or compare with a token: the
// term, or the stop word's normalized form.
func (k Key) Text() string { return strings.TrimPrefix(string(k), stopKeyPrefix) }

// phraseSep joins the keys of a phrase's words into the phrase's key. It
// sorts before every byte a term is made of, so a phrase's key comes right
// after the key of its first word, in the same term chunk or the next.
const phraseSep = "\x01"

// PhraseKey is the key of the phrase made of words with these keys at
// consecutive positions, as Options.Phrases indexes it: the keys joined by
// a separator no key contains. ok is false for what cannot be a phrase key:
// fewer than two words, a first word that is a stop word or a key that is
// itself a phrase's.
func PhraseKey(keys []Key) (Key, bool) {
	if len(keys) < 2 || keys[0].IsStop() {
		return "", false
	}
	var b strings.Builder
	for i, k := range keys {
		if k == "" || k.IsPhrase() {
			return "", false
		}
		if i > 0 {
			b.WriteString(phraseSep)
		}
		b.WriteString(string(k))
	}
	return Key(b.String()), true
}

// PhraseKeyOf is the key of a phrase from its analyzed tokens: the keys of
// the tokens that have one (KeyOf), a hashtag's whole-tag token left out
// (a search does the same), which must sit at consecutive positions.
func PhraseKeyOf(toks []arabic.Token) (Key, []Key, bool) {
	var keys []Key
	first := 0
	for _, t := range toks {
		if strings.HasPrefix(t.Term, "#") {
			continue
		}
		k := KeyOf(t)
		if k == "" {
			continue
		}
		if len(keys) == 0 {
			first = t.Position
		}
		if t.Position != first+len(keys) {
			return "", nil, false
		}
		keys = append(keys, k)
	}
	key, ok := PhraseKey(keys)
	if !ok {
		return "", nil, false
	}
	return key, keys, true
}

// aliasMarker opens the key of an alias group's mentions (AliasKey): no
// term starts with it, and it sorts before every letter.
const aliasMarker = Key("\x02")

// AliasKey is the key under which an index counts the mentions of an alias
// group (arabic.EachAliasMention) in each document: one per mention, where
// the group's forms overlap ("تنظيم الدولة الإسلامية" holds three of them).
// It is stored as a phrase's key of two words (the marker and the group's
// name), with documents and counts and no positions.
func AliasKey(group string) Key {
	k, _ := PhraseKey([]Key{aliasMarker, Key(group)})
	return k
}

// IsPhrase reports whether the key is a phrase's (see PhraseKey).
func (k Key) IsPhrase() bool { return !k.IsStop() && strings.Contains(string(k), phraseSep) }

// KeyOf is the postings key under which a token is indexed: its Term, or
// StopKey(Norm) for a stop word, or "" for a token that is not indexed.
func KeyOf(t arabic.Token) Key {
	if t.Term != "" {
		if Key(t.Term).IsStop() || strings.Contains(t.Term, phraseSep) {
			return "" // never a term's key: a stop word's or a phrase's
		}
		return Key(t.Term)
	}
	if t.Norm != "" {
		return StopKey(t.Norm)
	}
	return ""
}
