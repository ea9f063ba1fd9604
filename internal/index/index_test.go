package index

import (
	"bytes"
	"errors"
	"fmt"
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
		URL:      "https://example.org/a?x=1",
		Text:     "cats and dogs\nthe state of cats",
		Entities: []corpus.Entity{{Type: "place", Name: "Baghdad", Count: 2}, {Type: "platform", Name: "Twitter", Count: 1}}},
	{ID: "b", Title: "Dogs", Date: "2015", DateInferred: true, Source: "S2", Text: "dog dog dog"},
	{ID: "c", Title: "", Date: "", Source: "", Text: ""},
}

func buildBundle(t testing.TB, opts Options, docs []corpus.Document) *Bundle {
	t.Helper()
	if opts.Analyze == nil {
		opts.Analyze = wordAnalyzer
	}
	bundle, err := Build(opts, docs)
	if err != nil {
		t.Fatal(err)
	}
	return bundle
}

func openBundle(t testing.TB, b *Bundle) *Index {
	t.Helper()
	ix, err := Open(b.Fetcher(), b.Root)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func buildTest(t testing.TB) *Index {
	return openBundle(t, buildBundle(t, Options{}, testDocs))
}

func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestBuildOrdersNewestFirstAndKeepsEveryField(t *testing.T) {
	ix := buildTest(t)
	if ix.NumDocs() != 3 {
		t.Fatalf("NumDocs = %d", ix.NumDocs())
	}
	// Newest first, unknown dates last.
	for i, id := range []string{"a", "b", "c"} {
		d := must[corpus.Document](t)(ix.Doc(i))
		if d.ID != id {
			t.Errorf("Doc(%d).ID = %q, want %q", i, d.ID, id)
		}
		if !reflect.DeepEqual(d, testDocs[i]) {
			t.Errorf("Doc(%d) = %+v, want %+v", i, d, testDocs[i])
		}
		n, ok, err := ix.DocNum(id)
		if err != nil || !ok || n != i {
			t.Errorf("DocNum(%q) = %d, %v, %v", id, n, ok, err)
		}
	}
	if _, ok, err := ix.DocNum("zzz"); ok || err != nil {
		t.Errorf("DocNum of an unknown ID = %v, %v", ok, err)
	}
	if ix.Year(0) != "2018" || ix.Year(1) != "2015" || ix.Year(2) != "" {
		t.Errorf("years %q %q %q", ix.Year(0), ix.Year(1), ix.Year(2))
	}
	if ix.Day(0) != corpus.DayOfDate("2018-11-03") || ix.Day(2) != corpus.NoDay {
		t.Errorf("days %d %d", ix.Day(0), ix.Day(2))
	}
	if ix.Source(0) != "S1" || ix.Source(2) != "" {
		t.Errorf("sources %q %q", ix.Source(0), ix.Source(2))
	}
}

func TestPostingsAndPositions(t *testing.T) {
	ix := buildTest(t)
	docs := must[DocPostings](t)(ix.Postings(Text, "cat"))
	if want := (DocPostings{Docs: []int32{0}, TFs: []int32{2}}); !reflect.DeepEqual(docs, want) {
		t.Errorf("Postings(text, cat) = %+v, want %+v", docs, want)
	}
	got := must[[]Posting](t)(ix.Positions(Text, "cat"))
	if want := []Posting{{Doc: 0, TF: 2, Positions: []int32{0, 6}, Forms: []uint16{0, 0}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Positions(text, cat) = %+v, want %+v", got, want)
	}
	// dog: "dogs" in a (form 0), "dog dog dog" in b (form 1).
	docs = must[DocPostings](t)(ix.Postings(Text, "dog"))
	if want := (DocPostings{Docs: []int32{0, 1}, TFs: []int32{1, 3}}); !reflect.DeepEqual(docs, want) {
		t.Errorf("Postings(text, dog) = %+v, want %+v", docs, want)
	}
	got = must[[]Posting](t)(ix.Positions(Text, "dog"))
	if len(got) != 2 || !reflect.DeepEqual(got[1].Forms, []uint16{1, 1, 1}) || !reflect.DeepEqual(got[1].Positions, []int32{0, 1, 2}) {
		t.Errorf("Positions(text, dog) = %+v", got)
	}
	if got := must[[]Posting](t)(ix.Positions(Text, StopKey("the"))); len(got) != 1 || got[0].Positions[0] != 3 || got[0].TF != 1 {
		t.Errorf("stop word positions = %+v, want position 3", got)
	}
	// A stop word's document postings come from its positions.
	if got := must[DocPostings](t)(ix.Postings(Text, StopKey("the"))); !reflect.DeepEqual(got, DocPostings{Docs: []int32{0}, TFs: []int32{1}}) {
		t.Errorf("stop word postings = %+v, want document 0 once", got)
	}
	if got := must[DocPostings](t)(ix.Postings(Text, "bird")); got.Len() != 0 {
		t.Errorf("unknown key: %+v", got)
	}
	if ix.DocLen(Text, 0) != 5 || ix.DocLen(Title, 0) != 2 || ix.DocLen(Text, 2) != 0 {
		t.Errorf("DocLen = %d %d %d, want 5 2 0 (stop words excluded)", ix.DocLen(Text, 0), ix.DocLen(Title, 0), ix.DocLen(Text, 2))
	}
	if avg := ix.AvgDocLen(Text); avg != 8.0/3 {
		t.Errorf("AvgDocLen(text) = %v", avg)
	}
}

func TestForms(t *testing.T) {
	ix := buildTest(t)
	tests := []struct {
		name string
		key  Key
		want []Form
	}{
		{"two forms, first seen first, counted over both fields", "dog", []Form{{Norm: "dogs", Spelling: "Dogs", Count: 2}, {Norm: "dog", Spelling: "dog", Count: 3}}},
		{"one form", "cat", []Form{{Norm: "cats", Spelling: "cats", Count: 2}}},
		{"stop key has none", StopKey("the"), nil},
		{"unknown key", "bird", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := must[[]Form](t)(ix.Forms(tt.key)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Forms(%q) = %+v, want %+v", tt.key, got, tt.want)
			}
		})
	}
}

func TestMostFrequentSpelling(t *testing.T) {
	ix := openBundle(t, buildBundle(t, Options{}, []corpus.Document{{ID: "x", Text: "Dogs dogs dogs DOGS dog cat"}}))
	if f := must[[]Form](t)(ix.Forms("dog")); len(f) != 2 || f[0].Spelling != "dogs" || f[0].Count != 4 || f[1].Norm != "dog" {
		t.Errorf("forms of dog: %+v", f)
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

// manyDocs is a corpus large enough to need several chunks, packs and ID
// groups with small Options.
func manyDocs(n int) []corpus.Document {
	docs := make([]corpus.Document, n)
	for i := range docs {
		words := []string{fmt.Sprintf("w%d", i), fmt.Sprintf("k%d", i%7), "common", "the", fmt.Sprintf("x%ds", i%13)}
		docs[i] = corpus.Document{ID: fmt.Sprintf("doc%03d", i), Title: words[0], Date: fmt.Sprintf("20%02d-0%d-1%d", 10+i%9, 1+i%9, i%10),
			Source: fmt.Sprintf("src%d", i%3), Text: strings.Join(words, " ") + " " + strings.Join(words, " ")}
	}
	return docs
}

var smallOptions = Options{ChunkBytes: 200, PosChunkBytes: 200, ChunkFileBytes: 300, PackBytes: 2000, IDGroupDocs: 16}

// The chunk cache keeps a running total of its bytes rather than adding
// them up on every read: the total must stay exact through loads, decoded
// entries and evictions, the budget must hold, and evicted chunks must read
// again the same.
func TestChunkCacheKeepsItsBudget(t *testing.T) {
	docs := manyDocs(120)
	ix := openBundle(t, buildBundle(t, smallOptions, docs))
	ix.cacheBudget = 3000
	keys := []Key{"common", StopKey("the")}
	for i := 0; i < 120; i += 7 {
		keys = append(keys, Key(fmt.Sprintf("w%d", i)), Key(fmt.Sprintf("k%d", i%7)))
	}
	first := map[Key][]Posting{}
	for round := 0; round < 2; round++ {
		for _, key := range keys {
			got := must[[]Posting](t)(ix.Positions(Text, key))
			must[DocPostings](t)(ix.Postings(Title, key))
			if round == 0 {
				first[key] = got
			} else if !reflect.DeepEqual(got, first[key]) {
				t.Errorf("Positions(text, %q) read again after eviction = %+v, want %+v", key, got, first[key])
			}
			ix.mu.Lock()
			sum := 0
			for _, c := range ix.chunks {
				sum += c.bytes()
			}
			n := len(ix.chunks)
			ix.mu.Unlock()
			if total := ix.cacheBytes.Load(); total != int64(sum) {
				t.Fatalf("after %q: running total %d bytes, cached chunks hold %d", key, total, sum)
			}
			if sum > 3000 && n > 1 {
				t.Fatalf("after %q: %d chunks of %d bytes cached, over the budget of 3000", key, n, sum)
			}
		}
	}
}

func TestSplitBundleAnswersLikeOneChunk(t *testing.T) {
	docs := manyDocs(120)
	split := buildBundle(t, smallOptions, docs)
	whole := buildBundle(t, Options{}, docs)
	count := map[byte]int{}
	for _, f := range split.Files {
		count[f.Name[0]]++
	}
	if count['t'] < 3 || count['p'] < 3 || count['d'] < 3 || count['i'] < 3 {
		t.Fatalf("expected several files of each family, got %v", count)
	}
	a, b := openBundle(t, split), openBundle(t, whole)
	if len(a.dirs[termFamily]) <= count['t'] || len(a.dirs[positionFamily]) <= count['p'] {
		t.Fatalf("expected files of several chunks: %d term chunks in %d files, %d position chunks in %d files",
			len(a.dirs[termFamily]), count['t'], len(a.dirs[positionFamily]), count['p'])
	}
	for _, key := range []Key{"common", "k3", "w7", "w119", "x5", StopKey("the")} {
		for f := Field(0); f < NumFields; f++ {
			pa, pb := must[[]Posting](t)(a.Positions(f, key)), must[[]Posting](t)(b.Positions(f, key))
			if !reflect.DeepEqual(pa, pb) {
				t.Errorf("Positions(%v, %q) differ between split and whole bundles", f, key)
			}
			if len(pa) == 0 && f == Text {
				t.Errorf("Positions(%v, %q) empty", f, key)
			}
		}
	}
	for i := 0; i < len(docs); i += 17 {
		da, db := must[corpus.Document](t)(a.Doc(i)), must[corpus.Document](t)(b.Doc(i))
		if !reflect.DeepEqual(da, db) {
			t.Errorf("Doc(%d) differs", i)
		}
		n, ok, err := a.DocNum(da.ID)
		if n != i || !ok || err != nil {
			t.Errorf("DocNum(%q) = %d %v %v", da.ID, n, ok, err)
		}
	}
	keys, err := a.KeysWithPrefix("w1")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 31 || keys[0] != "w1" || !strings.HasPrefix(string(keys[len(keys)-1]), "w1") {
		t.Errorf("KeysWithPrefix(w1) = %d keys %v", len(keys), keys)
	}
	// With chunks of a key or two, the 400 keys of w span more chunks than
	// one keystroke may fetch.
	tiny := smallOptions
	tiny.ChunkBytes = 20
	if _, err := openBundle(t, buildBundle(t, tiny, manyDocs(400))).KeysWithPrefix("w"); !errors.Is(err, ErrTooBroad) {
		t.Errorf("KeysWithPrefix(w) error = %v, want ErrTooBroad", err)
	}
	// A prefix over few chunks that add up to more bytes than a keystroke
	// may read is too broad as well.
	defer func(was int64) { maxRangeBytes = was }(maxRangeBytes)
	name, size := a.TermChunk("w1")
	if name == "" || size <= 0 {
		t.Fatalf("TermChunk(w1) = %q, %d", name, size)
	}
	maxRangeBytes = size - 1
	if _, err := openBundle(t, buildBundle(t, smallOptions, manyDocs(400))).KeysWithPrefix("w1"); !errors.Is(err, ErrTooBroad) {
		t.Errorf("KeysWithPrefix(w1) over %d bytes of chunks, %d allowed: error = %v, want ErrTooBroad", size, maxRangeBytes, err)
	}
	maxRangeBytes = 128 << 10
	v := must[[]VocabEntry](t)(a.Vocab())
	found := map[string]int{}
	for _, e := range v {
		found[e.Key] = e.DF
	}
	if found["common"] != 120 || found["k3"] == 0 {
		t.Errorf("vocabulary: common %d, k3 %d", found["common"], found["k3"])
	}
	if _, ok := found["w7"]; ok {
		t.Error("a term of one document is in the vocabulary")
	}
}

func TestDeterministic(t *testing.T) {
	a := buildBundle(t, smallOptions, manyDocs(50))
	b := buildBundle(t, smallOptions, manyDocs(50))
	if a.Root != b.Root || len(a.Files) != len(b.Files) {
		t.Fatal("two builds of the same documents differ")
	}
	for i := range a.Files {
		if !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("file %s differs", a.Files[i].Name)
		}
	}
}

func TestEntities(t *testing.T) {
	ix := buildTest(t)
	ents := must[*Entities](t)(ix.Entities())
	if len(ents.Names) != 2 {
		t.Fatalf("entities %v", ents.Names)
	}
	n, ok := ents.Num("Twitter")
	if !ok || ents.Types[n] != "platform" || !reflect.DeepEqual(ents.Of(0), []int32{0, 1}) || len(ents.Of(1)) != 0 {
		t.Errorf("entity table %+v, doc 0 %v", ents, ents.Of(0))
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
	want := []string{"ID", "Title", "Date", "DateInferred", "Source", "Author", "Dateline", "Category", "URL", "Text", "Entities"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("corpus.Document fields = %v; the bundle encodes %v: update writeRecord, decodeRecord and FormatVersion", names, want)
	}
}

func TestTextLengthQuantization(t *testing.T) {
	for _, n := range []int32{1, 2, 10, 99, 500, 4321, 100000} {
		got := dequantizeLen(quantizeLen(n))
		if diff := float64(got-n) / float64(n); diff > 0.031 || diff < -0.031 {
			t.Errorf("length %d comes back as %d", n, got)
		}
	}
}

// DocFreq reads a term's counts without decoding its text postings: it must
// give the lengths of its postings in both fields, before the term is
// decoded and after, and nothing for a key the index lacks.
func TestDocFreqCountsThePostingsOfBothFields(t *testing.T) {
	docs := manyDocs(120)
	// Titles hold one word each: w<i>, which is also in the text.
	ix := openBundle(t, buildBundle(t, smallOptions, docs))
	keys := []Key{"common", "k3", "w5", "w119", "x4s", StopKey("the"), "absent"}
	for round := 0; round < 2; round++ {
		for _, key := range keys {
			got := must[int](t)(ix.DocFreq(key))
			want := 0
			for f := Field(0); f < NumFields; f++ {
				want += must[DocPostings](t)(ix.Postings(f, key)).Len()
			}
			if got != want {
				t.Errorf("round %d: DocFreq(%q) = %d, want %d", round, key, got, want)
			}
			if key == "w5" && want != 2 {
				t.Errorf("w5 is in one title and one text, yet has %d postings", want)
			}
		}
	}
}

// DocsEach hands over, in the order asked, the documents Docs returns,
// whether they were decoded before or not; a record that cannot be fetched
// stops it before any document is handed over.
func TestDocsEachHandsOverInOrderWhatDocsReads(t *testing.T) {
	b := buildBundle(t, Options{}, testDocs)
	fetcher := &switchableFetcher{Fetcher: b.Fetcher()}
	ix := must[*Index](t)(Open(fetcher, b.Root))
	must[corpus.Document](t)(ix.Doc(1)) // one of them decoded already
	nums := []int32{2, 0, 1, 0}
	want := must[[]corpus.Document](t)(ix.Docs(nums))
	var got []corpus.Document
	err := ix.DocsEach(nums, func(k int, d corpus.Document) error {
		if k != len(got) {
			t.Errorf("document %d handed over at place %d", k, len(got))
		}
		got = append(got, d)
		return nil
	})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("DocsEach = %v, %v; Docs = %v", got, err, want)
	}

	fresh := must[*Index](t)(Open(fetcher, b.Root))
	fetcher.fail = true
	handed := 0
	err = fresh.DocsEach([]int32{0, 1}, func(int, corpus.Document) error { handed++; return nil })
	if err == nil || handed != 0 {
		t.Errorf("with the records unreadable: %d documents handed over, error %v", handed, err)
	}
}

// switchableFetcher fails every read of a document pack once told to.
type switchableFetcher struct {
	Fetcher
	fail bool
}

func (f *switchableFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	if f.fail && length >= 0 {
		return nil, errors.New("unreachable")
	}
	return f.Fetcher.Fetch(name, off, length)
}

// A fetcher that is a Pauser is asked to pause during a long decode (the
// entity table of a corpus naming thousands of entities), and the table
// decoded with pauses is the same.
func TestEntityTableDecodePausesWhenTheFetcherAsks(t *testing.T) {
	var docs []corpus.Document
	for d := 0; d < 10; d++ {
		doc := corpus.Document{ID: fmt.Sprintf("d%d", d), Title: "t", Text: "some words", Date: "2016-01-02"}
		for e := 0; e < 300; e++ {
			doc.Entities = append(doc.Entities, corpus.Entity{Type: "person", Name: fmt.Sprintf("name %d %d", d, e), Count: 1})
		}
		docs = append(docs, doc)
	}
	b := buildBundle(t, Options{}, docs)
	pausing := &pausingFetcher{Fetcher: b.Fetcher()}
	ents := must[*Entities](t)(must[*Index](t)(Open(pausing, b.Root)).Entities())
	if pausing.pauses == 0 {
		t.Errorf("3,000 entities decoded without a pause")
	}
	want := must[*Entities](t)(must[*Index](t)(Open(b.Fetcher(), b.Root)).Entities())
	if !reflect.DeepEqual(ents, want) {
		t.Errorf("the table decoded with pauses differs")
	}
}

type pausingFetcher struct {
	Fetcher
	pauses int
}

func (f *pausingFetcher) Pause() { f.pauses++ }
