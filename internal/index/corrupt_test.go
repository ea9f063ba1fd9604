package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/arabic"
)

// exercise reads everything a bundle has, the way a visitor's queries and
// pages would, and returns the first error.
func exercise(ix *Index) error {
	var errs []error
	for _, key := range []Key{"common", "k3", "w7", "x5", StopKey("the")} {
		// Before Postings, so that it reads the entry undecoded.
		_, err := ix.DocFreq(key)
		errs = append(errs, err)
		for f := Field(0); f < NumFields; f++ {
			_, err := ix.Postings(f, key)
			errs = append(errs, err)
			_, err = ix.Positions(f, key)
			errs = append(errs, err)
		}
		_, err = ix.Forms(key)
		errs = append(errs, err)
		_, err = ix.PositionsWithoutForms(Text, key)
		errs = append(errs, err)
	}
	for _, keys := range [][]Key{{"k3", "common"}, {"common", StopKey("the"), "x1"}} {
		key, _ := PhraseKey(keys)
		_, err := ix.Phrase(key)
		errs = append(errs, err)
	}
	for i := 0; i < ix.NumDocs(); i++ {
		_, err := ix.Doc(i)
		errs = append(errs, err)
	}
	_, _, err := ix.DocNum("doc007")
	errs = append(errs, err)
	_, err = ix.Vocab()
	errs = append(errs, err)
	_, err = ix.Entities()
	errs = append(errs, err)
	_, err = ix.KeysWithPrefix("w2")
	errs = append(errs, err)
	errs = append(errs, ix.Verify())
	return errors.Join(errs...)
}

// TestCorruptOrMissingFileIsNamed damages each file of a split bundle in turn
// (a flipped byte, a cut, a missing file) and expects an error naming that
// file, never a panic, and the other files still readable.
func TestCorruptOrMissingFileIsNamed(t *testing.T) {
	b := buildBundle(t, smallOptions, manyDocs(60))
	damages := map[string]func([]byte) []byte{
		"flipped": func(d []byte) []byte {
			d = append([]byte(nil), d...)
			d[len(d)-3] ^= 0x40
			return d
		},
		"cut":     func(d []byte) []byte { return d[:len(d)*2/3] },
		"missing": nil,
	}
	for _, f := range b.Files {
		for how, damage := range damages {
			fetch := b.Fetcher()
			if damage == nil {
				delete(fetch, f.Name)
			} else {
				fetch[f.Name] = damage(f.Data)
			}
			ix, err := Open(fetch, b.Root)
			if f.Name == b.Root {
				if err == nil || !strings.Contains(err.Error(), f.Name) {
					t.Errorf("%s root: Open error %v does not name it", how, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s %s: Open failed though the root is intact: %v", how, f.Name, err)
			}
			err = exercise(ix)
			if err == nil {
				// A cut pack may only lose records nobody asked for.
				if how == "cut" && f.Name[0] == 'd' {
					continue
				}
				t.Errorf("%s %s: no error", how, f.Name)
				continue
			}
			if !strings.Contains(err.Error(), f.Name) {
				t.Errorf("%s %s: error does not name the file: %v", how, f.Name, err)
			}
			for _, other := range strings.Split(err.Error(), "\n") {
				if !strings.Contains(other, f.Name) {
					t.Errorf("%s %s: another file failed too: %s", how, f.Name, other)
				}
			}
		}
	}
}

func TestRootErrors(t *testing.T) {
	b := buildBundle(t, Options{}, testDocs)
	good := b.Fetcher()[b.Root]
	tests := []struct {
		name    string
		data    []byte
		kind    error
		msgPart string
	}{
		{"empty", nil, ErrNotBundle, "not a Marsad bundle"},
		{"JSON instead of a bundle", []byte(`{"docs":[]}`), ErrNotBundle, "not a Marsad bundle"},
		{"header cut", good[:8], ErrTruncated, "truncated"},
		{"version 3 bundle", append(append([]byte(nil), good[:4]...), append([]byte{3, 0}, good[6:]...)...), ErrVersion, "unsupported bundle format version 3 (this build reads version " + strconv.Itoa(FormatVersion) + ")"},
		{"payload cut", good[:len(good)-10], ErrTruncated, "truncated"},
		{"trailing bytes", append(append([]byte(nil), good...), 0), ErrCorrupt, "unexpected bytes"},
		{"a chunk where the root should be", sealed(kindTerms, []byte{0}), ErrCorrupt, "a term chunk where a root was expected"},
		{"huge document count", sealed(kindRoot, []byte{arabic.Version, 0xff, 0xff, 0xff, 0xff, 0x0f}), ErrCorrupt, "document count"},
		{"built by another analysis", sealed(kindRoot, append([]byte{arabic.Version + 1}, rootPayload(t, good)[1:]...)), ErrAnalysis, "rebuild the bundle"},
		{"announces a gigabyte", withRawLen(sealed(kindRoot, []byte{0}), 1<<30), ErrCorrupt, "announces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(MemFetcher{"corpus-x.mrsd": tt.data}, "corpus-x.mrsd")
			if err == nil {
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msgPart) || !strings.HasPrefix(err.Error(), "corpus-x.mrsd: ") {
				t.Errorf("Open error = %v, want kind %v containing %q, naming the file", err, tt.kind, tt.msgPart)
			}
		})
	}
}

func sealed(kind byte, raw []byte) []byte { return seal(kind, raw) }

// rootPayload is a root file's decompressed content, which starts with the
// analysis version (one byte while it is under 128).
func rootPayload(t *testing.T, root []byte) []byte {
	raw, err := unseal("root", kindRoot, root)
	if err != nil {
		t.Fatal(err)
	}
	if raw[0] != arabic.Version {
		t.Fatalf("root starts with %d, want the analysis version %d", raw[0], arabic.Version)
	}
	return raw
}

func withRawLen(d []byte, n uint32) []byte {
	d = append([]byte(nil), d...)
	d[7], d[8], d[9], d[10] = byte(n), byte(n>>8), byte(n>>16), byte(n>>24)
	return d
}

// FuzzBundle feeds arbitrary content to every kind of file, sealed so that
// the fuzzer gets past the checksum: decoding must fail cleanly or succeed,
// never panic or allocate beyond what the input justifies. A term or
// position chunk is one of several in its file, fetched by a range whose
// length the root fixes, so the fuzzer's chunk takes the place of the one
// holding "common" as if that range had been fetched and checked.
func FuzzBundle(f *testing.F) {
	// Words of two forms (x1s and x1), for the form chunks, and phrases.
	docs := manyDocs(30)
	for i := range docs {
		docs[i].Text += fmt.Sprintf(" x%d", i%13)
	}
	opts := smallOptions
	opts.Phrases = []string{"k3 common", "common the x1s"}
	b := buildBundle(f, opts, docs)
	ix0, err := Open(b.Fetcher(), b.Root)
	if err != nil {
		f.Fatal(err)
	}
	chunked := func(kind byte) bool { return kind == kindTerms || kind == kindPos || kind == kindForms }
	chunkOf := func(kind byte) (chunkRef, bool) {
		dir := ix0.dirs[termFamily]
		switch kind {
		case kindPos:
			dir = ix0.dirs[positionFamily]
		case kindForms:
			dir = ix0.dirs[formFamily]
		}
		i := sort.Search(len(dir), func(i int) bool { return dir[i].First > "common" }) - 1
		return dir[max(i, 0)], len(dir) > 0
	}
	for _, file := range b.Files {
		kind := file.Data[6]
		if file.Name[0] == 'd' {
			continue
		}
		data := file.Data
		if chunked(kind) {
			ref, _ := chunkOf(kind)
			if ref.File != file.Name {
				continue
			}
			data = data[ref.Off : ref.Off+ref.Len]
		}
		raw, err := unseal(file.Name, kind, data)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(kind, raw)
	}
	f.Fuzz(func(t *testing.T, kind byte, raw []byte) {
		if chunked(kind) {
			ref, ok := chunkOf(kind)
			if !ok {
				return
			}
			ix, err := Open(b.Fetcher(), b.Root)
			if err != nil {
				t.Fatal(err)
			}
			c, err := parseChunk(ref.File, kind, raw)
			if err != nil {
				return
			}
			c.name = ref.cacheKey()
			ix.chunks[c.name] = c
			exercise(ix)
			return
		}
		fetch := b.Fetcher()
		var target string
		for _, file := range b.Files {
			if file.Data[6] == kind && file.Name[0] != 'd' {
				target = file.Name
				break
			}
		}
		if target == "" {
			return
		}
		fetch[target] = seal(kind, raw)
		ix, err := Open(fetch, b.Root)
		if err != nil {
			return
		}
		exercise(ix)
	})
}

// A posting's document delta is checked before it is added: one too large
// for an int64 must not wrap into a negative document number.
func TestPostingDocumentDeltaStaysInTheCorpus(t *testing.T) {
	for _, c := range []struct {
		prev  int64
		delta uint64
		ok    bool
	}{
		{-1, 1, true}, {-1, 10, true}, {4, 5, true},
		{-1, 0, false}, {-1, 11, false}, {4, 6, false},
		{-1, 1<<63 + 5, false}, {3, 1<<64 - 1, false},
	} {
		r := &reader{name: "t-test.mrsd", buf: binary.AppendUvarint(nil, c.delta)}
		doc, err := r.nextDoc(c.prev, 10)
		if c.ok && (err != nil || doc != c.prev+int64(c.delta)) {
			t.Errorf("nextDoc(%d) with delta %d = %d, %v; want %d", c.prev, c.delta, doc, err, c.prev+int64(c.delta))
		}
		if !c.ok && err == nil {
			t.Errorf("nextDoc(%d) with delta %d = %d, want an error", c.prev, c.delta, doc)
		}
	}
}
