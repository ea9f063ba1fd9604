package index

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"marsad/internal/corpus"
)

var phraseDocs = []corpus.Document{
	{ID: "a", Title: "State of Cats", Text: "the cat state\nstate cats and cats state of cats"},
	{ID: "b", Title: "Dogs", Text: "states cat no", Date: "2019"},
	{ID: "c", Text: "cats state cats"},
}

// positionPhrase counts a phrase by its words' positions, as a search
// without phrase keys does: where the first word is, followed by the
// others.
func positionPhrase(t *testing.T, ix *Index, f Field, keys []Key) DocPostings {
	t.Helper()
	lists := make([][]Posting, len(keys))
	for i, k := range keys {
		lists[i] = must[[]Posting](t)(ix.Positions(f, k))
	}
	var out DocPostings
	for _, p := range lists[0] {
		n := int32(0)
	start:
		for _, pos := range p.Positions {
			for i := 1; i < len(keys); i++ {
				found := false
				for _, q := range lists[i] {
					if q.Doc == p.Doc {
						for _, x := range q.Positions {
							found = found || x == pos+int32(i)
						}
					}
				}
				if !found {
					continue start
				}
			}
			n++
		}
		if n > 0 {
			out.Docs = append(out.Docs, p.Doc)
			out.TFs = append(out.TFs, n)
		}
	}
	return out
}

func TestAPhraseIsIndexedWithThePostingsItsPositionsGive(t *testing.T) {
	ix := openBundle(t, buildBundle(t, Options{Phrases: []string{"cats state", "State of cats", "dog bark"}}, phraseDocs))
	for _, tt := range []struct {
		text string
		keys []Key
	}{
		{"cats state", []Key{"cat", "state"}},
		{"state of cats", []Key{"state", StopKey("of"), "cat"}},
	} {
		key, keys, ok := PhraseKeyOf(wordAnalyzer(tt.text))
		if !ok || !reflect.DeepEqual(keys, tt.keys) {
			t.Fatalf("PhraseKeyOf(%q) = %q, %q, %v; want the keys %q", tt.text, key, keys, ok, tt.keys)
		}
		ph := must[*Phrase](t)(ix.Phrase(key))
		if ph == nil {
			t.Fatalf("%q: no entry", tt.text)
		}
		for f := Field(0); f < NumFields; f++ {
			want := positionPhrase(t, ix, f, keys)
			if got := ph.Postings[f]; !slices.Equal(got.Docs, want.Docs) || !slices.Equal(got.TFs, want.TFs) {
				t.Errorf("%q in the %s: postings %v %v, the positions give %v %v", tt.text, f, got.Docs, got.TFs, want.Docs, want.TFs)
			}
		}
		if tt.text == "cats state" && len(ph.Postings[Text].Docs) == 0 {
			t.Errorf("%q: no document holds it", tt.text)
		}
	}
	// The forms its words take inside the phrase, not every form: "state"
	// is also "states" in the corpus, never after a cat.
	key, _, _ := PhraseKeyOf(wordAnalyzer("cats state"))
	if got := must[*Phrase](t)(ix.Phrase(key)).Norms; !reflect.DeepEqual(got, [][]string{{"cat", "cats"}, {"state"}}) {
		t.Errorf("forms inside %q = %q", "cats state", got)
	}
	key, _, _ = PhraseKeyOf(wordAnalyzer("state of cats"))
	if got := must[*Phrase](t)(ix.Phrase(key)).Norms; !reflect.DeepEqual(got, [][]string{{"state"}, nil, {"cats"}}) {
		t.Errorf("forms inside %q = %q", "state of cats", got)
	}
	// A listed phrase that occurs nowhere has an entry without postings; an
	// unlisted one has none.
	key, _, _ = PhraseKeyOf(wordAnalyzer("dog bark"))
	if ph := must[*Phrase](t)(ix.Phrase(key)); ph == nil || ph.Postings[Title].Len()+ph.Postings[Text].Len() != 0 {
		t.Errorf("dog bark: entry %+v, want one without postings", ph)
	}
	key, _, _ = PhraseKeyOf(wordAnalyzer("cat no"))
	if ph := must[*Phrase](t)(ix.Phrase(key)); ph != nil {
		t.Errorf("cat no, not listed: entry %+v", ph)
	}
}

func TestPhraseKeysAreNeitherWordsNorVocabulary(t *testing.T) {
	ix := openBundle(t, buildBundle(t, Options{Phrases: []string{"cats state"}, MinVocabDocs: 1}, phraseDocs))
	keys := must[[]Key](t)(ix.KeysWithPrefix("ca"))
	if !reflect.DeepEqual(keys, []Key{"cat"}) {
		t.Errorf("KeysWithPrefix(ca) = %q, want only the word", keys)
	}
	for _, v := range must[[]VocabEntry](t)(ix.Vocab()) {
		if Key(v.Key).IsPhrase() {
			t.Errorf("the vocabulary lists the phrase %q", v.Key)
		}
	}
	if err := ix.Verify(); err != nil {
		t.Error(err)
	}
}

func TestAPhraseKeyNeedsTwoWordsAndAFirstThatIsNoStopWord(t *testing.T) {
	for _, text := range []string{"cats", "of cats", ""} {
		if key, _, ok := PhraseKeyOf(wordAnalyzer(text)); ok {
			t.Errorf("PhraseKeyOf(%q) = %q", text, key)
		}
	}
	if _, ok := PhraseKey([]Key{"a", "b\x01c"}); ok {
		t.Error("a phrase key made of a phrase key")
	}
	key, _ := PhraseKey([]Key{"state", "cat"})
	if !key.IsPhrase() || Key("state").IsPhrase() || StopKey("of").IsPhrase() {
		t.Error("IsPhrase tells phrases from words wrongly")
	}
}

// fetchLog is a Fetcher that lists the files it was asked for.
type fetchLog struct {
	f     Fetcher
	names []string
}

func (l *fetchLog) Fetch(name string, off, length int64) ([]byte, error) {
	l.names = append(l.names, name)
	return l.f.Fetch(name, off, length)
}

// The forms of a word's positions are in chunks of their own: a phrase,
// which needs where its words are and not which form they take, reads no
// form chunk; Positions reads them, and gives the same positions.
func TestPositionsWithoutFormsReadNoFormChunk(t *testing.T) {
	b := buildBundle(t, Options{}, testDocs)
	l := &fetchLog{f: b.Fetcher()}
	ix, err := Open(l, b.Root)
	if err != nil {
		t.Fatal(err)
	}
	l.names = nil
	bare := must[[]Posting](t)(ix.PositionsWithoutForms(Text, "dog"))
	for _, name := range l.names {
		if name[0] == 'f' {
			t.Errorf("PositionsWithoutForms read the form chunk %s", name)
		}
	}
	full := must[[]Posting](t)(ix.Positions(Text, "dog"))
	if !slices.ContainsFunc(l.names, func(name string) bool { return name[0] == 'f' }) {
		t.Errorf("Positions of a word of two forms read no form chunk: %q", l.names)
	}
	if len(bare) != 2 || len(full) != 2 || bare[1].Forms != nil || !slices.Equal(full[1].Forms, []uint16{1, 1, 1}) {
		t.Fatalf("without forms %+v, with %+v", bare, full)
	}
	for i := range bare {
		if !slices.Equal(bare[i].Positions, full[i].Positions) || bare[i].Doc != full[i].Doc {
			t.Errorf("posting %d: without forms %+v, with %+v", i, bare[i], full[i])
		}
	}
}

// A phrase entry whose forms are for another number of words than its key
// has is damage, said as such: a search would otherwise index past them.
func TestAPhraseEntryOfTheWrongLengthIsCorrupt(t *testing.T) {
	key, _ := PhraseKey([]Key{"a", "b", "c"})
	entry := &writer{}
	entry.uvarint(2) // two words, where the key has three
	entry.uvarint(0)
	entry.uvarint(0)
	entry.uvarint(0) // no postings in the title
	entry.uvarint(0) // nor in the text
	raw := &writer{}
	raw.uvarint(1)
	raw.uvarint(0)
	raw.str(string(key))
	raw.bytes(entry.buf)
	c, err := parseChunk("t-test.mrsd", kindTerms, raw.buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.term(string(key), 10); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a phrase of three words with the forms of two: error %v, want ErrCorrupt", err)
	}
}
