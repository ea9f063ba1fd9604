package index

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"sync"
)

// FormatVersion is the version of the bundle files written by Builder.
// Open reads exactly this version: a bundle is rebuilt with the site, so
// there is no need to read old ones, only to say so clearly.
//
// Changelog:
//
//	1  first format: one file with the documents, then for title and text the
//	   sorted keys (front-coded) with postings as doc-number deltas, term
//	   frequency and position deltas.
//	2  exact forms and word forms: each term key is followed by its forms;
//	   when a key has several forms each position carries its form number.
//	3  entities: after each document's flags, its entities.
//	4  split bundle, so that a browser downloads only what a query needs: a
//	   root file (documents' metadata, facets and the directories of the
//	   other files) read eagerly; term chunks (document postings by key
//	   range); position chunks (positions and forms, for phrases, exact
//	   forms and proximity); document packs (each document compressed on its
//	   own, fetched by byte range); the entities of every document; ID
//	   groups (ID → document number, by hash); the vocabulary with document
//	   frequencies (fuzzy search, "did you mean"). Documents are numbered
//	   newest first. Every file but the packs is DEFLATE-compressed behind a
//	   header with its kind, raw length and a CRC-32C; each document record
//	   has its own CRC-32C. File names carry a hash of their content.
//	5  chunks are fetched by byte range: term and position chunks are smaller
//	   and each is sealed on its own (magic, version, kind, lengths,
//	   CRC-32C) inside files of consecutive chunks. The root's directories
//	   list the files once, then per chunk its first key, whether it opens
//	   the next file, and its length. A query decompresses a quarter of what
//	   it did. Sizes are build options, not the format: today term chunks
//	   close at 8 KiB raw and position chunks at 4 KiB (DefaultChunkBytes,
//	   DefaultPosChunkBytes), and chunk files at 24 MiB compressed, like the
//	   document packs (DefaultChunkFileBytes, DefaultPackBytes).
//	6  the root starts with the analysis version (arabic.Version) the terms
//	   were made with; Open refuses a bundle of another analysis, which it
//	   would otherwise read with the wrong terms, and says to rebuild it.
//	   A document record whose flags have bit 2 (flagURL) ends with the
//	   article's original http(s) address, after its entities.
//	7  phrases as keys (Options.Phrases; by default the multi-word forms of
//	   the alias table): a phrase's key is its words' keys joined by 0x01
//	   (PhraseKey), so it sorts right after its first word. Its entry, in
//	   the term chunks only, holds the number of its words, the forms each
//	   word takes inside the phrase, then its document postings per field
//	   like a term's. Every listed phrase has an entry, without postings
//	   when it occurs nowhere. A search for an indexed phrase (an alias
//	   expansion's تنظيم الدولة) reads that entry instead of its words'
//	   positions and forms. Position chunks close at 4 KiB raw by default.
//	   The forms of positions leave the position chunks for form chunks
//	   of their own (a third directory in the root, after the position
//	   chunks'): a position is a plain delta, and a term's form entry
//	   holds per field the forms of all its positions in a row as runs
//	   (form number, length); a term whose every position has its first
//	   form has none. A phrase reads positions only: on news-70k a common
//	   word's positions were a third forms. Form chunks close at 16 KiB
//	   raw by default (DefaultFormChunkBytes).
//	8  the mentions of each alias group (arabic.EachAliasMention) are
//	   counted under the group's AliasKey, an entry like a phrase's of two
//	   words ("\x02" and the group's name) without forms: a count of داعش
//	   with its other names reads it, so that "تنظيم الدولة الإسلامية"
//	   counts once rather than once for each of its three names.
const FormatVersion = 8

// Flags of a document record.
const (
	flagDateInferred = 1 << iota
	// flagURL: the record ends with the article's original address, after
	// its entities.
	flagURL
)

// File kinds, the byte after the version in a file header.
const (
	kindRoot     byte = 'R'
	kindTerms    byte = 'T'
	kindPos      byte = 'P'
	kindForms    byte = 'F'
	kindPack     byte = 'D'
	kindEntities byte = 'E'
	kindIDs      byte = 'I'
	kindVocab    byte = 'V'
)

func kindName(k byte) string {
	switch k {
	case kindRoot:
		return "root"
	case kindTerms:
		return "term chunk"
	case kindPos:
		return "position chunk"
	case kindForms:
		return "form chunk"
	case kindPack:
		return "document pack"
	case kindEntities:
		return "entity table"
	case kindIDs:
		return "ID group"
	case kindVocab:
		return "vocabulary"
	}
	return "unknown"
}

// Header layout: magic, version (uint16), kind, raw length (uint32), payload
// length (uint32), CRC-32C of the payload (uint32).
//
// The checksum is CRC-32C rather than SHA-256: it guards against truncated
// downloads and storage corruption, not against tampering (HTTPS does that),
// and hash/crc32 is far smaller in a WebAssembly binary than crypto/sha256.
const (
	magic      = "MRSD"
	headerSize = 4 + 2 + 1 + 4 + 4 + 4
	// maxRawFile bounds what one file may decompress to, so that a forged
	// header cannot make a reader allocate without limit.
	maxRawFile = 512 << 20
)

// Bounds that keep decoding in int32 and plausible sizes.
const (
	maxDocs     = 1<<31 - 1
	maxPosition = 1<<31 - 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Error kinds, for errors.Is. Messages carry the details and the file name.
var (
	ErrNotBundle = errors.New("not a Marsad bundle")
	ErrVersion   = errors.New("unsupported bundle format version")
	ErrAnalysis  = errors.New("bundle built by another version of the analysis")
	ErrTruncated = errors.New("bundle is truncated")
	ErrCorrupt   = errors.New("bundle is corrupt")
	ErrFetch     = errors.New("bundle file could not be read")
)

// FileError is an error about one file of a bundle: its name, and what is
// wrong with it.
type FileError struct {
	File string
	Kind error // one of the Err* values
	Msg  string
}

func (e *FileError) Error() string { return e.File + ": " + e.Msg }
func (e *FileError) Unwrap() error { return e.Kind }

// seal compresses raw and puts it behind a header.
func seal(kind byte, raw []byte) []byte {
	var z bytes.Buffer
	z.Grow(len(raw)/3 + 64)
	fw, _ := flate.NewWriter(&z, flate.BestCompression)
	fw.Write(raw)
	fw.Close()
	out := make([]byte, headerSize, headerSize+z.Len())
	copy(out, magic)
	binary.LittleEndian.PutUint16(out[4:], FormatVersion)
	out[6] = kind
	binary.LittleEndian.PutUint32(out[7:], uint32(len(raw)))
	binary.LittleEndian.PutUint32(out[11:], uint32(z.Len()))
	binary.LittleEndian.PutUint32(out[15:], crc32.Checksum(z.Bytes(), castagnoli))
	return append(out, z.Bytes()...)
}

// unseal checks a file's header and checksum and returns its decompressed
// content. It never panics and never allocates beyond the header's raw length,
// itself bounded.
func unseal(name string, kind byte, data []byte) ([]byte, error) {
	fail := func(k error, msg string) error { return &FileError{name, k, msg} }
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fail(ErrNotBundle, "not a Marsad bundle file (bad magic)")
	}
	if len(data) < headerSize {
		return nil, fail(ErrTruncated, "truncated: incomplete header")
	}
	if v := binary.LittleEndian.Uint16(data[4:]); v != FormatVersion {
		return nil, fail(ErrVersion, "unsupported bundle format version "+strconv.Itoa(int(v))+
			" (this build reads version "+strconv.Itoa(FormatVersion)+"): rebuild the bundle or reload the app")
	}
	if data[6] != kind {
		return nil, fail(ErrCorrupt, "corrupt: a "+kindName(data[6])+" where a "+kindName(kind)+" was expected")
	}
	rawLen := binary.LittleEndian.Uint32(data[7:])
	size := uint64(binary.LittleEndian.Uint32(data[11:]))
	have := uint64(len(data) - headerSize)
	if size > have {
		return nil, fail(ErrTruncated, "truncated: header announces "+strconv.FormatUint(size, 10)+
			" payload bytes, "+strconv.FormatUint(have, 10)+" present")
	}
	if size < have {
		return nil, fail(ErrCorrupt, "corrupt: "+strconv.FormatUint(have-size, 10)+" unexpected bytes after the payload")
	}
	payload := data[headerSize:]
	if crc32.Checksum(payload, castagnoli) != binary.LittleEndian.Uint32(data[15:]) {
		return nil, fail(ErrCorrupt, "corrupt: checksum mismatch")
	}
	if rawLen > maxRawFile {
		return nil, fail(ErrCorrupt, "corrupt: announces "+strconv.FormatUint(uint64(rawLen), 10)+" bytes of content")
	}
	raw, err := inflate(payload, int(rawLen))
	if err != nil {
		return nil, fail(ErrCorrupt, "corrupt: "+err.Error())
	}
	return raw, nil
}

// inflaters reuses DEFLATE readers: a page of results inflates a record per
// hit, and a fresh reader allocates tens of kilobytes of tables each time.
var inflaters sync.Pool

// inflate decompresses exactly n bytes.
func inflate(z []byte, n int) ([]byte, error) {
	var fr io.ReadCloser
	if r, ok := inflaters.Get().(io.ReadCloser); ok {
		if err := r.(flate.Resetter).Reset(bytes.NewReader(z), nil); err == nil {
			fr = r
		}
	}
	if fr == nil {
		fr = flate.NewReader(bytes.NewReader(z))
	}
	defer inflaters.Put(fr)
	raw := make([]byte, n)
	if _, err := io.ReadFull(fr, raw); err != nil {
		return nil, errors.New("content shorter than announced (" + err.Error() + ")")
	}
	var one [1]byte
	if m, _ := fr.Read(one[:]); m != 0 {
		return nil, errors.New("content longer than announced")
	}
	return raw, nil
}

// deflate compresses a document record.
func deflate(raw []byte) []byte {
	var z bytes.Buffer
	fw, _ := flate.NewWriter(&z, flate.BestCompression)
	fw.Write(raw)
	fw.Close()
	return z.Bytes()
}

// contentName names a file after its content, so caches never mix versions.
func contentName(prefix string, data []byte) string {
	sum := sha256.Sum256(data)
	return prefix + "-" + hex.EncodeToString(sum[:])[:16] + ".mrsd"
}

// commonPrefix returns the length of the common prefix of a and b. Cutting
// off to a UTF-8 boundary is not needed: suffixes are raw bytes.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

type writer struct{ buf []byte }

func (w *writer) uvarint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) varint(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }
func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}
func (w *writer) bytes(b []byte) {
	w.uvarint(uint64(len(b)))
	w.buf = append(w.buf, b...)
}

// form writes a form compactly. The norm is nearly always the term with
// clitics around it (تويتر in وتويتر), so it is written as the bytes before
// the term and the string after it, or as 0 and the whole norm when the term
// is not inside. The spelling differs from the norm by a few letters if at
// all (الإرهابي, الارهابي): 0 when equal, else 1 + the length of their common
// prefix, the length of their common suffix and the spelling's middle.
func (w *writer) form(key string, fm Form) {
	if o := strings.Index(fm.Norm, key); o >= 0 {
		w.uvarint(uint64(o) + 1)
		w.buf = append(w.buf, fm.Norm[:o]...)
		w.str(fm.Norm[o+len(key):])
	} else {
		w.uvarint(0)
		w.str(fm.Norm)
	}
	if fm.Spelling == fm.Norm {
		w.uvarint(0)
	} else {
		p := commonPrefix(fm.Norm, fm.Spelling)
		n, sp := fm.Norm[p:], fm.Spelling[p:]
		s := 0
		for s < len(n) && s < len(sp) && n[len(n)-1-s] == sp[len(sp)-1-s] {
			s++
		}
		w.uvarint(uint64(p) + 1)
		w.uvarint(uint64(s))
		w.str(sp[:len(sp)-s])
	}
	w.uvarint(uint64(fm.Count))
}

// reader decodes a file's content. Every count is checked against the bytes
// that remain, so forged counts cannot make it allocate beyond the input.
type reader struct {
	name string
	buf  []byte
	off  int
}

func (r *reader) fail(what string) error {
	return &FileError{r.name, ErrCorrupt, "corrupt: " + what + " at byte " + strconv.Itoa(r.off)}
}

func (r *reader) remaining() int { return len(r.buf) - r.off }

func (r *reader) uvarint(what string) (uint64, error) {
	v, n := binary.Uvarint(r.buf[r.off:])
	if n <= 0 {
		return 0, r.fail("bad " + what)
	}
	r.off += n
	return v, nil
}

func (r *reader) varint(what string) (int64, error) {
	v, n := binary.Varint(r.buf[r.off:])
	if n <= 0 {
		return 0, r.fail("bad " + what)
	}
	r.off += n
	return v, nil
}

// count reads a number of items that each take at least minBytes bytes.
func (r *reader) count(what string, minBytes int) (int, error) {
	v, err := r.uvarint(what)
	if err != nil {
		return 0, err
	}
	if v > uint64(r.remaining()/max(minBytes, 1)) {
		return 0, r.fail(what + " exceeds the remaining bytes")
	}
	return int(v), nil
}

// small reads a number that must not exceed limit.
func (r *reader) small(what string, limit uint64) (uint64, error) {
	v, err := r.uvarint(what)
	if err == nil && v > limit {
		err = r.fail(what + " out of range")
	}
	return v, err
}

func (r *reader) bytes(what string) ([]byte, error) {
	n, err := r.count(what+" length", 1)
	if err != nil {
		return nil, err
	}
	b := r.buf[r.off : r.off+n]
	r.off += n
	return b, nil
}

func (r *reader) str(what string) (string, error) {
	b, err := r.bytes(what)
	return string(b), err
}

// frontCoded reads a key written front-coded after prev (the length of the
// prefix they share, then the rest) and checks that it sorts after prev.
func (r *reader) frontCoded(prev string, first bool, what string) (string, error) {
	shared, err := r.small(what+" prefix", uint64(len(prev)))
	if err != nil {
		return "", err
	}
	suffix, err := r.str(what)
	if err != nil {
		return "", err
	}
	key := prev[:shared] + suffix
	if key == "" || (!first && key <= prev) {
		return "", r.fail(what + "s out of order")
	}
	return key, nil
}

func (r *reader) byte1(what string) (byte, error) {
	if r.remaining() < 1 {
		return 0, r.fail("missing " + what)
	}
	r.off++
	return r.buf[r.off-1], nil
}

func (r *reader) end() error {
	if r.remaining() != 0 {
		return r.fail(strconv.Itoa(r.remaining()) + " unexpected bytes")
	}
	return nil
}

// form reads a form written by writer.form.
func (r *reader) form(key string) (Form, error) {
	var norm string
	at, err := r.uvarint("form")
	if err != nil {
		return Form{}, err
	}
	if at == 0 {
		norm, err = r.str("form")
	} else {
		if at-1 > uint64(r.remaining()) {
			return Form{}, r.fail("form prefix exceeds the remaining bytes")
		}
		pre := string(r.buf[r.off : r.off+int(at-1)])
		r.off += int(at - 1)
		var post string
		post, err = r.str("form")
		norm = pre + key + post
	}
	if err != nil {
		return Form{}, err
	}
	spelling := norm
	p, err := r.uvarint("spelling")
	if err != nil {
		return Form{}, err
	}
	if p > 0 {
		s, err := r.uvarint("spelling suffix")
		if err != nil {
			return Form{}, err
		}
		mid, err := r.str("spelling")
		if err != nil {
			return Form{}, err
		}
		if p-1 > uint64(len(norm)) || s > uint64(len(norm))-(p-1) {
			return Form{}, r.fail("spelling out of range")
		}
		spelling = norm[:p-1] + mid + norm[uint64(len(norm))-s:]
	}
	count, err := r.small("form count", maxPosition)
	if err != nil {
		return Form{}, err
	}
	if norm == "" || spelling == "" {
		return Form{}, r.fail("empty form")
	}
	return Form{Norm: norm, Spelling: spelling, Count: int(count)}, nil
}
