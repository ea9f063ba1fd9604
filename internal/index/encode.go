package index

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"sort"
	"strconv"
	"strings"

	"marsad/internal/corpus"
)

// FormatVersion is the version of the bundle encoding written by
// MarshalBinary. Decode reads exactly this version: a bundle is rebuilt with
// the site, so there is no need to read old ones, only to say so clearly.
//
// Changelog:
//
//	1  first format: documents (ID, Title, Date, Source, Author, Dateline,
//	   Category, Text, DateInferred), then for title and text the sorted keys
//	   (front-coded) with postings as doc-number deltas, term frequency and
//	   position deltas.
//	2  exact forms and word forms: each term key (not stop keys) is followed
//	   by its forms (Token.Norm and the most frequent original spelling, both
//	   coded by difference, see writer.form; a count of 0 stands for the key
//	   itself as the only form); when a key has several forms, each position
//	   delta is followed by the number of the form found there.
//	3  entities: after each document's flags, the number of entities it
//	   mentions, then for each its type, its canonical name and its count.
const FormatVersion = 3

// Header layout: magic, version, payload length, checksum of the payload.
//
// The checksum is CRC-32C rather than SHA-256: it guards against truncated
// downloads and storage corruption, not against tampering (HTTPS does that),
// and hash/crc32 is far smaller in a WebAssembly binary than crypto/sha256.
const (
	magic      = "MRSD"
	headerSize = 4 + 2 + 4 + 4
)

// Bounds that keep decoding in int32 and plausible sizes.
const (
	maxDocs     = 1<<31 - 1
	maxPosition = 1<<31 - 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Error kinds of Decode, for errors.Is. Messages carry the details.
var (
	ErrNotBundle = errors.New("not a Marsad bundle")
	ErrVersion   = errors.New("unsupported bundle format version")
	ErrTruncated = errors.New("bundle is truncated")
	ErrCorrupt   = errors.New("bundle is corrupt")
)

type decodeError struct {
	kind error
	msg  string
}

func (e *decodeError) Error() string { return e.msg }
func (e *decodeError) Unwrap() error { return e.kind }

// MarshalBinary encodes the index as a bundle. The output is deterministic:
// the same documents give the same bytes.
func (ix *Index) MarshalBinary() ([]byte, error) {
	w := &writer{buf: make([]byte, headerSize, 1<<16)}
	w.uvarint(uint64(len(ix.docs)))
	for _, d := range ix.docs {
		w.str(d.ID)
		w.str(d.Title)
		w.str(d.Date)
		w.str(d.Source)
		w.str(d.Author)
		w.str(d.Dateline)
		w.str(d.Category)
		w.str(d.Text)
		var flags byte
		if d.DateInferred {
			flags |= 1
		}
		w.buf = append(w.buf, flags)
		w.uvarint(uint64(len(d.Entities)))
		for _, e := range d.Entities {
			w.str(e.Type)
			w.str(e.Name)
			w.uvarint(uint64(e.Count))
		}
	}
	for f := range ix.fields {
		m := ix.fields[f].postings
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w.uvarint(uint64(len(keys)))
		prev := ""
		for _, k := range keys {
			// Front coding: sorted Arabic stems share long prefixes.
			shared := commonPrefix(prev, k)
			w.uvarint(uint64(shared))
			w.str(k[shared:])
			prev = k
			if !IsStopKey(k) {
				forms := ix.fields[f].forms[k]
				if len(forms) == 1 && forms[0].Norm == k && forms[0].Spelling == k {
					w.uvarint(0) // the common case: the key as the only form
				} else {
					w.uvarint(uint64(len(forms)))
					for _, fm := range forms {
						w.form(k, fm)
					}
				}
			}
			ps := m[k]
			w.uvarint(uint64(len(ps)))
			lastDoc := int32(-1)
			for _, p := range ps {
				w.uvarint(uint64(p.Doc - lastDoc))
				lastDoc = p.Doc
				w.uvarint(uint64(len(p.Positions)))
				lastPos := int32(-1)
				for i, pos := range p.Positions {
					w.uvarint(uint64(pos - lastPos))
					lastPos = pos
					if p.Forms != nil {
						w.uvarint(uint64(p.Forms[i]))
					}
				}
			}
		}
	}
	payload := w.buf[headerSize:]
	if len(payload) > 1<<32-1 {
		return nil, errors.New("index: bundle too large")
	}
	h := w.buf[:headerSize]
	copy(h, magic)
	binary.LittleEndian.PutUint16(h[4:], FormatVersion)
	binary.LittleEndian.PutUint32(h[6:], uint32(len(payload)))
	binary.LittleEndian.PutUint32(h[10:], crc32.Checksum(payload, castagnoli))
	return w.buf, nil
}

// commonPrefix returns the length of the common prefix of a and b, backed
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
		return
	}
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

func (w *writer) uvarint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// Decode reads a bundle written by MarshalBinary. It never panics and never
// allocates more than the input justifies: every count is checked against
// the bytes that remain.
func Decode(data []byte) (*Index, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, &decodeError{ErrNotBundle, "not a Marsad bundle (bad magic)"}
	}
	if len(data) < headerSize {
		return nil, &decodeError{ErrTruncated, "bundle is truncated: incomplete header"}
	}
	if v := binary.LittleEndian.Uint16(data[4:]); v != FormatVersion {
		return nil, &decodeError{ErrVersion, "unsupported bundle format version " + strconv.Itoa(int(v)) +
			" (this build reads version " + strconv.Itoa(FormatVersion) + "): rebuild the bundle or reload the app"}
	}
	size := uint64(binary.LittleEndian.Uint32(data[6:]))
	have := uint64(len(data) - headerSize)
	if size > have {
		return nil, &decodeError{ErrTruncated, "bundle is truncated: header announces " + strconv.FormatUint(size, 10) +
			" payload bytes, " + strconv.FormatUint(have, 10) + " present"}
	}
	if size < have {
		return nil, &decodeError{ErrCorrupt, "bundle is corrupt: " + strconv.FormatUint(have-size, 10) + " unexpected bytes after the payload"}
	}
	payload := data[headerSize:]
	if crc32.Checksum(payload, castagnoli) != binary.LittleEndian.Uint32(data[10:]) {
		return nil, &decodeError{ErrCorrupt, "bundle is corrupt: checksum mismatch"}
	}
	r := &reader{buf: payload}
	ix, err := r.index()
	if err != nil {
		return nil, err
	}
	return ix, nil
}

type reader struct {
	buf []byte
	off int
}

func (r *reader) fail(what string) error {
	return &decodeError{ErrCorrupt, "bundle is corrupt: " + what + " at payload byte " + strconv.Itoa(r.off)}
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

// count reads a number of items that each take at least minBytes bytes, so
// that a forged count cannot make the decoder allocate beyond the input.
func (r *reader) count(what string, minBytes int) (int, error) {
	v, err := r.uvarint(what)
	if err != nil {
		return 0, err
	}
	if v > uint64(r.remaining()/minBytes) {
		return 0, r.fail(what + " exceeds the remaining bytes")
	}
	return int(v), nil
}

func (r *reader) str(what string) (string, error) {
	n, err := r.count(what+" length", 1)
	if err != nil {
		return "", err
	}
	s := string(r.buf[r.off : r.off+n])
	r.off += n
	return s, nil
}

func (r *reader) index() (*Index, error) {
	// A document takes at least 8 length bytes, a flags byte and an
	// entity count.
	numDocs, err := r.count("document count", 10)
	if err != nil {
		return nil, err
	}
	ix := &Index{docs: make([]corpus.Document, numDocs)}
	seen := make(map[string]bool, numDocs)
	for i := range ix.docs {
		d := &ix.docs[i]
		for _, field := range []struct {
			dst  *string
			name string
		}{
			{&d.ID, "document ID"}, {&d.Title, "title"}, {&d.Date, "date"}, {&d.Source, "source"},
			{&d.Author, "author"}, {&d.Dateline, "dateline"}, {&d.Category, "category"}, {&d.Text, "text"},
		} {
			if *field.dst, err = r.str(field.name); err != nil {
				return nil, err
			}
		}
		if d.ID == "" || seen[d.ID] {
			return nil, r.fail("empty or duplicate document ID")
		}
		seen[d.ID] = true
		if r.remaining() < 1 || r.buf[r.off] > 1 {
			return nil, r.fail("bad document flags")
		}
		d.DateInferred = r.buf[r.off] == 1
		r.off++
		if d.Entities, err = r.entities(); err != nil {
			return nil, err
		}
	}
	for f := range ix.fields {
		m, forms, err := r.postings(numDocs)
		if err != nil {
			return nil, err
		}
		ix.fields[f].postings = m
		ix.fields[f].forms = forms
	}
	if r.remaining() != 0 {
		return nil, r.fail("unexpected data after the index")
	}
	ix.finish()
	return ix, nil
}

// entities reads one document's entity list (format 3).
func (r *reader) entities() ([]corpus.Entity, error) {
	// An entity takes at least two length bytes and a count byte.
	n, err := r.count("entity count", 3)
	if err != nil || n == 0 {
		return nil, err
	}
	list := make([]corpus.Entity, n)
	for i := range list {
		e := &list[i]
		if e.Type, err = r.str("entity type"); err != nil {
			return nil, err
		}
		if e.Name, err = r.str("entity name"); err != nil {
			return nil, err
		}
		if e.Type == "" || e.Name == "" {
			return nil, r.fail("entity without type or name")
		}
		c, err := r.uvarint("entity mentions")
		if err != nil {
			return nil, err
		}
		if c == 0 || c > maxPosition {
			return nil, r.fail("implausible entity mention count")
		}
		e.Count = int(c)
	}
	return list, nil
}

func (r *reader) postings(numDocs int) (map[string][]Posting, map[string][]Form, error) {
	// A key takes at least: shared length, suffix length, posting count.
	numKeys, err := r.count("key count", 3)
	if err != nil {
		return nil, nil, err
	}
	m := make(map[string][]Posting, numKeys)
	formsOf := map[string][]Form{}
	prev := ""
	var sb strings.Builder
	for k := 0; k < numKeys; k++ {
		shared, err := r.uvarint("key prefix")
		if err != nil {
			return nil, nil, err
		}
		if shared > uint64(len(prev)) {
			return nil, nil, r.fail("key prefix longer than the previous key")
		}
		suffix, err := r.str("key")
		if err != nil {
			return nil, nil, err
		}
		sb.Reset()
		sb.WriteString(prev[:shared])
		sb.WriteString(suffix)
		key := sb.String()
		if key == "" || (k > 0 && key <= prev) {
			return nil, nil, r.fail("keys out of order")
		}
		prev = key
		var forms []Form
		if !IsStopKey(key) {
			if forms, err = r.forms(key); err != nil {
				return nil, nil, err
			}
			formsOf[key] = forms
		}
		// A posting takes at least a doc delta, a frequency and a position.
		n, err := r.count("posting count", 3)
		if err != nil {
			return nil, nil, err
		}
		if n > numDocs {
			return nil, nil, r.fail("more postings than documents")
		}
		ps := make([]Posting, n)
		doc := int64(-1)
		for i := range ps {
			delta, err := r.uvarint("document delta")
			if err != nil {
				return nil, nil, err
			}
			if delta == 0 || delta > uint64(numDocs) || doc+int64(delta) >= int64(numDocs) {
				return nil, nil, r.fail("document number out of range")
			}
			doc += int64(delta)
			freq, err := r.count("term frequency", 1)
			if err != nil {
				return nil, nil, err
			}
			if freq == 0 {
				return nil, nil, r.fail("zero term frequency")
			}
			positions := make([]int32, freq)
			var ids []uint16
			if len(forms) > 1 {
				ids = make([]uint16, freq)
			}
			pos := int64(-1)
			for j := range positions {
				d, err := r.uvarint("position delta")
				if err != nil {
					return nil, nil, err
				}
				if d == 0 || d > maxPosition || pos+int64(d) > maxPosition {
					return nil, nil, r.fail("position out of range")
				}
				pos += int64(d)
				positions[j] = int32(pos)
				if ids != nil {
					id, err := r.uvarint("form number")
					if err != nil {
						return nil, nil, err
					}
					if id >= uint64(len(forms)) {
						return nil, nil, r.fail("form number out of range")
					}
					ids[j] = uint16(id)
				}
			}
			ps[i] = Posting{Doc: int32(doc), Positions: positions, Forms: ids}
		}
		m[key] = ps
	}
	return m, formsOf, nil
}

// forms reads the forms of a term key (see writer.form).
func (r *reader) forms(key string) ([]Form, error) {
	// A form takes at least a norm offset, a norm length and a spelling flag.
	n, err := r.count("form count", 3)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return []Form{{Norm: key, Spelling: key}}, nil
	}
	if n > maxForms {
		return nil, r.fail("bad form count")
	}
	forms := make([]Form, n)
	seen := make(map[string]bool, n)
	for i := range forms {
		var norm string
		at, err := r.uvarint("form")
		if err != nil {
			return nil, err
		}
		if at == 0 {
			norm, err = r.str("form")
		} else {
			if at-1 > uint64(r.remaining()) {
				return nil, r.fail("form prefix exceeds the remaining bytes")
			}
			pre := string(r.buf[r.off : r.off+int(at-1)])
			r.off += int(at - 1)
			var post string
			post, err = r.str("form")
			norm = pre + key + post
		}
		if err != nil {
			return nil, err
		}
		spelling := norm
		p, err := r.uvarint("spelling")
		if err != nil {
			return nil, err
		}
		if p > 0 {
			s, err := r.uvarint("spelling suffix")
			if err != nil {
				return nil, err
			}
			mid, err := r.str("spelling")
			if err != nil {
				return nil, err
			}
			if p-1 > uint64(len(norm)) || s > uint64(len(norm))-(p-1) {
				return nil, r.fail("spelling out of range")
			}
			spelling = norm[:p-1] + mid + norm[uint64(len(norm))-s:]
		}
		if norm == "" || seen[norm] || spelling == "" {
			return nil, r.fail("empty or duplicate form")
		}
		seen[norm] = true
		forms[i] = Form{Norm: norm, Spelling: spelling}
	}
	return forms, nil
}
