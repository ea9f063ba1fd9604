package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// wordAnalyzer is a stand-in analyzer so that these tests exercise the index
// alone: tokens are space-separated words, "the" and "of" are stop words, and
// the term is the word without a trailing "s".
func wordAnalyzer(text string) []arabic.Token {
	var toks []arabic.Token
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ' ' && text[i] != '\n' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := text[start:i]
			t := arabic.Token{Start: start, End: i, Text: w, Position: len(toks), Norm: strings.ToLower(w)}
			if t.Norm != "the" && t.Norm != "of" {
				t.Term = strings.TrimSuffix(t.Norm, "s")
			}
			toks = append(toks, t)
			start = -1
		}
	}
	return toks
}

var testDocs = []corpus.Document{
	{ID: "a", Title: "The state of things", Date: "2018-11-03", Source: "S1", Author: "X", Dateline: "Baghdad", Category: "news",
		Text:     "cats and dogs\nthe state of cats",
		Entities: []corpus.Entity{{Type: "place", Name: "Baghdad", Count: 2}, {Type: "platform", Name: "Twitter", Count: 1}}},
	{ID: "b", Title: "Dogs", Date: "2015", DateInferred: true, Source: "S2", Text: "dog dog dog"},
	{ID: "c", Title: "", Date: "", Source: "", Text: ""},
}

func buildTest(t testing.TB) *Index {
	t.Helper()
	b := NewBuilder(Options{Analyze: wordAnalyzer})
	for _, d := range testDocs {
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestBuild(t *testing.T) {
	ix := buildTest(t)
	if ix.NumDocs() != 3 {
		t.Fatalf("NumDocs = %d", ix.NumDocs())
	}
	got := ix.Postings(Text, "cat")
	want := []Posting{{Doc: 0, Positions: []int32{0, 6}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Postings(text, cat) = %v, want %v", got, want)
	}
	if got := ix.Postings(Text, "dog"); len(got) != 2 || len(got[1].Positions) != 3 {
		t.Errorf("Postings(text, dog) = %v", got)
	}
	if got := ix.Postings(Text, StopKey("the")); len(got) != 1 || got[0].Positions[0] != 3 {
		t.Errorf("stop word postings = %v, want position 3", got)
	}
	if ix.DocLen(Text, 0) != 5 || ix.DocLen(Title, 0) != 2 || ix.DocLen(Text, 2) != 0 {
		t.Errorf("DocLen = %d %d %d, want 5 2 0 (stop words excluded)", ix.DocLen(Text, 0), ix.DocLen(Title, 0), ix.DocLen(Text, 2))
	}
	if avg := ix.AvgDocLen(Text); avg != 8.0/3 {
		t.Errorf("AvgDocLen(text) = %v", avg)
	}
	if ix.Year(0) != "2018" || ix.Year(1) != "2015" || ix.Year(2) != "" {
		t.Errorf("years %q %q %q", ix.Year(0), ix.Year(1), ix.Year(2))
	}
	if n, ok := ix.DocNum("b"); !ok || n != 1 || ix.Doc(n).ID != "b" {
		t.Errorf("DocNum(b) = %d, %v", n, ok)
	}
}

func TestBuilderRejectsDuplicateID(t *testing.T) {
	b := NewBuilder(Options{Analyze: wordAnalyzer})
	if err := b.Add(corpus.Document{ID: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Add(corpus.Document{ID: "x"}); err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Errorf("second Add = %v, want duplicate error", err)
	}
}

func TestBuilderRejectsEmptyID(t *testing.T) {
	if err := NewBuilder(Options{Analyze: wordAnalyzer}).Add(corpus.Document{}); err == nil {
		t.Error("Add of a document without ID succeeded")
	}
}

func TestRoundTrip(t *testing.T) {
	ix := buildTest(t)
	got, data := roundTrip(t, ix)
	again, _ := got.MarshalBinary()
	if !bytes.Equal(again, data) {
		t.Error("encoding is not deterministic")
	}
}

// TestDocumentFieldsAllEncoded fails when corpus.Document gains a field, so
// that the encoding (and FormatVersion) is updated with it.
func TestDocumentFieldsAllEncoded(t *testing.T) {
	var names []string
	typ := reflect.TypeOf(corpus.Document{})
	for i := 0; i < typ.NumField(); i++ {
		names = append(names, typ.Field(i).Name)
	}
	want := []string{"ID", "Title", "Date", "DateInferred", "Source", "Author", "Dateline", "Category", "Text", "Entities"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("corpus.Document fields = %v; the bundle encodes %v: update MarshalBinary, Decode and FormatVersion", names, want)
	}
}

// reseal recomputes the checksum of a bundle whose payload was edited.
func reseal(b []byte) []byte {
	binary.LittleEndian.PutUint32(b[6:], uint32(len(b)-headerSize))
	binary.LittleEndian.PutUint32(b[10:], crc32.Checksum(b[headerSize:], castagnoli))
	return b
}

func TestDecodeErrors(t *testing.T) {
	good, err := buildTest(t).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(b []byte) []byte) []byte {
		return f(append([]byte(nil), good...))
	}
	tests := []struct {
		name    string
		data    []byte
		kind    error
		msgPart string
	}{
		{"empty", nil, ErrNotBundle, "not a Marsad bundle"},
		{"wrong magic", edit(func(b []byte) []byte { b[0] = 'X'; return b }), ErrNotBundle, "not a Marsad bundle"},
		{"JSON instead of a bundle", []byte(`{"docs":[]}`), ErrNotBundle, "not a Marsad bundle"},
		{"header cut", good[:8], ErrTruncated, "truncated"},
		{"unknown version", edit(func(b []byte) []byte { b[4] = 99; return b }), ErrVersion, "version 99"},
		{"version 1 bundle", edit(func(b []byte) []byte { b[4] = 1; return b }), ErrVersion, "unsupported bundle format version 1 (this build reads version 3)"},
		{"payload cut", good[:len(good)-10], ErrTruncated, "truncated"},
		{"trailing bytes", append(append([]byte(nil), good...), 0), ErrCorrupt, "unexpected bytes"},
		{"flipped payload byte", edit(func(b []byte) []byte { b[headerSize+20] ^= 1; return b }), ErrCorrupt, "checksum mismatch"},
		{"huge document count", reseal(append(append([]byte(nil), good[:headerSize]...), 0xff, 0xff, 0xff, 0xff, 0x0f)), ErrCorrupt, "document count"},
		{"payload cut before checksum", reseal(append([]byte(nil), good[:len(good)-3]...)), ErrCorrupt, "corrupt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := Decode(tt.data)
			if err == nil {
				t.Fatalf("Decode succeeded: %v", ix)
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msgPart) {
				t.Errorf("Decode error = %v, want kind %v containing %q", err, tt.kind, tt.msgPart)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	good, err := buildTest(f).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:headerSize])
	f.Add([]byte("MRSD"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The fuzzer rarely forges a checksum, so also decode the payload as
		// if the checksum were right, reaching the payload validation.
		for _, b := range [][]byte{data, resealed(data)} {
			ix, err := Decode(b)
			if err != nil {
				continue
			}
			if _, err := ix.MarshalBinary(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func resealed(data []byte) []byte {
	b := append([]byte(magic), FormatVersion, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	b = append(b, data...)
	return reseal(b)
}

func TestForms(t *testing.T) {
	ix := buildTest(t)
	tests := []struct {
		name  string
		field Field
		key   string
		want  []Form
	}{
		{"two forms, first seen first", Text, "dog", []Form{{Norm: "dogs", Spelling: "dogs", Count: 1}, {Norm: "dog", Spelling: "dog", Count: 3}}},
		{"one form", Text, "cat", []Form{{Norm: "cats", Spelling: "cats", Count: 2}}},
		{"most frequent spelling", Title, "dog", []Form{{Norm: "dogs", Spelling: "Dogs", Count: 1}}},
		{"stop key has none", Text, StopKey("the"), nil},
		{"unknown key", Text, "bird", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Forms(tt.field, tt.key); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Forms(%v, %q) = %+v, want %+v", tt.field, tt.key, got, tt.want)
			}
		})
	}
}

func TestExactPostings(t *testing.T) {
	ix := buildTest(t)
	tests := []struct {
		name  string
		field Field
		norm  string
		want  []Posting
	}{
		{"one form of several", Text, "dog", []Posting{{Doc: 1, Positions: []int32{0, 1, 2}}}},
		{"the other form", Text, "dogs", []Posting{{Doc: 0, Positions: []int32{2}}}},
		{"single-form term", Text, "cats", []Posting{{Doc: 0, Positions: []int32{0, 6}}}},
		{"stop word", Text, "the", []Posting{{Doc: 0, Positions: []int32{3}}}},
		{"the stem itself is not a form", Text, "cat", nil},
		{"other field", Title, "dogs", []Posting{{Doc: 1, Positions: []int32{0}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Postings(tt.field, ExactKey(tt.norm)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Postings(%v, ExactKey(%q)) = %v, want %v", tt.field, tt.norm, got, tt.want)
			}
		})
	}
}

func TestFormsRoundTrip(t *testing.T) {
	docs := []corpus.Document{
		{ID: "x", Text: "Dogs dogs dogs DOGS dog cat"},
		{ID: "y", Title: "dogS", Text: "cats"},
	}
	b := NewBuilder(Options{Analyze: wordAnalyzer})
	for _, d := range docs {
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	ix, _ := b.Finish()
	got, _ := roundTrip(t, ix)
	if f := got.Forms(Text, "dog"); len(f) != 2 || f[0].Spelling != "dogs" || f[0].Count != 4 || f[1].Norm != "dog" {
		t.Errorf("forms of dog: %+v", f)
	}
}

// roundTrip encodes and decodes ix, and checks that nothing was lost.
func roundTrip(t *testing.T, ix *Index) (*Index, []byte) {
	t.Helper()
	data, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ix) {
		t.Errorf("decoded index differs:\n got %+v\nwant %+v", got, ix)
	}
	return got, data
}
