package index

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// chunk is a decompressed term or position chunk. Its keys are read when it
// is loaded; an entry's postings are decoded when first asked for.
type chunk struct {
	name    string
	size    int
	used    uint64 // for the cache's least-recently-used order
	keys    []string
	entries [][]byte

	mu    sync.Mutex
	terms map[string]*termEntry
	pos   map[string]*[NumFields][]Posting
	forms map[string]*[NumFields][]uint16 // per field, every position's form in a row
	// decoded estimates the bytes of the decoded entries, which the
	// cache counts with the chunk's own.
	decoded int
	// cached is the cache's running total, which a decoded entry adds to
	// while the chunk is in the cache (not once evicted).
	cached  *atomic.Int64
	evicted bool
}

// grew counts n more decoded bytes; c.mu is held.
func (c *chunk) grew(n int) {
	c.decoded += n
	if c.cached != nil && !c.evicted {
		c.cached.Add(int64(n))
	}
}

// evict takes the chunk out of the cache's total.
func (c *chunk) evict() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cached != nil && !c.evicted {
		c.cached.Add(-int64(c.size + c.decoded))
	}
	c.evicted = true
}

// postingBytes estimates the memory of decoded postings.
func postingBytes(ps []Posting) int {
	n := len(ps) * 56
	for _, p := range ps {
		n += 4*len(p.Positions) + 2*len(p.Forms)
	}
	return n
}

func (c *chunk) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size + c.decoded
}

type termEntry struct {
	forms    []Form // nil for a phrase
	postings [NumFields]DocPostings
	// norms are a phrase's words' forms inside it (see writePhrase); nil
	// for a term.
	norms [][]string
}

func parseChunk(name string, kind byte, raw []byte) (*chunk, error) {
	r := &reader{name: name, buf: raw}
	// An entry takes at least a prefix length, a key length and an entry
	// length.
	n, err := r.count("key count", 3)
	if err != nil {
		return nil, err
	}
	c := &chunk{name: name, size: len(raw), keys: make([]string, n), entries: make([][]byte, n)}
	prev := ""
	for i := 0; i < n; i++ {
		key, err := r.frontCoded(prev, i == 0, "key")
		if err != nil {
			return nil, err
		}
		if kind == kindTerms && Key(key).IsStop() {
			return nil, r.fail("stop key in a term chunk")
		}
		if c.entries[i], err = r.bytes("entry"); err != nil {
			return nil, err
		}
		c.keys[i] = key
		prev = key
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	switch kind {
	case kindTerms:
		c.terms = map[string]*termEntry{}
	case kindForms:
		c.forms = map[string]*[NumFields][]uint16{}
	default:
		c.pos = map[string]*[NumFields][]Posting{}
	}
	return c, nil
}

func (c *chunk) find(key string) int {
	i := sort.SearchStrings(c.keys, key)
	if i < len(c.keys) && c.keys[i] == key {
		return i
	}
	return -1
}

// term decodes the entry of a term key; nil if the chunk lacks it.
func (c *chunk) term(key string, numDocs int) (*termEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.termLocked(key, numDocs)
}

// termLocked is term, with c.mu held.
func (c *chunk) termLocked(key string, numDocs int) (*termEntry, error) {
	if e, ok := c.terms[key]; ok {
		return e, nil
	}
	i := c.find(key)
	if i < 0 {
		return nil, nil
	}
	r := &reader{name: c.name, buf: c.entries[i]}
	e := &termEntry{}
	var err error
	if Key(key).IsPhrase() {
		e.norms, err = r.phraseNorms()
		if words := strings.Count(key, phraseSep) + 1; err == nil && len(e.norms) != words {
			err = r.fail("forms of " + itoa(len(e.norms)) + " words for a phrase of " + itoa(words))
		}
	} else {
		e.forms, err = r.forms(key)
	}
	if err != nil {
		return nil, err
	}
	for f := range e.postings {
		if e.postings[f], err = r.docPostings(numDocs); err != nil {
			return nil, err
		}
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	c.terms[key] = e
	n := 8*(e.postings[0].Len()+e.postings[1].Len()) + 64*len(e.forms)
	for _, norms := range e.norms {
		n += 24 + 32*len(norms)
	}
	c.grew(n)
	return e, nil
}

// phraseNorms reads the forms of a phrase's words that open its entry.
func (r *reader) phraseNorms() ([][]string, error) {
	// A word takes at least its count of forms.
	n, err := r.count("phrase word count", 1)
	if err != nil {
		return nil, err
	}
	if n < 2 {
		return nil, r.fail("phrase of fewer than two words")
	}
	out := make([][]string, n)
	for i := range out {
		// A form takes at least its length and a byte.
		k, err := r.count("phrase form count", 2)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			continue // a stop word: its key is its form
		}
		out[i] = make([]string, k)
		for j := range out[i] {
			if out[i][j], err = r.str("phrase form"); err != nil {
				return nil, err
			}
			if out[i][j] == "" {
				return nil, r.fail("empty phrase form")
			}
		}
	}
	return out, nil
}

// docFreq counts the postings of a term key in both fields, as term does,
// without keeping them: it reads the forms and the title's postings, which
// are few, then only the text's count. A broad prefix ranks hundreds of
// words by it and decodes the postings of the few it keeps.
func (c *chunk) docFreq(key string, numDocs int) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.terms[key]; ok {
		return e.postings[0].Len() + e.postings[1].Len(), nil
	}
	if Key(key).IsPhrase() {
		e, err := c.termLocked(key, numDocs)
		if e == nil || err != nil {
			return 0, err
		}
		return e.postings[0].Len() + e.postings[1].Len(), nil
	}
	i := c.find(key)
	if i < 0 {
		return 0, nil
	}
	r := &reader{name: c.name, buf: c.entries[i]}
	if _, err := r.forms(key); err != nil {
		return 0, err
	}
	title, err := r.docPostings(numDocs)
	if err != nil {
		return 0, err
	}
	text, err := r.postingCount(numDocs, 2)
	if err != nil {
		return 0, err
	}
	return title.Len() + text, nil
}

// forms reads the word forms that open a term entry.
func (r *reader) forms(key string) ([]Form, error) {
	n, err := r.count("form count", 4)
	if err != nil {
		return nil, err
	}
	if n == 0 || n > maxForms {
		return nil, r.fail("bad form count")
	}
	forms := make([]Form, n)
	for j := range forms {
		if forms[j], err = r.form(key); err != nil {
			return nil, err
		}
	}
	return forms, nil
}

// postingCount reads how many postings a field of an entry has, each taking
// at least minBytes.
func (r *reader) postingCount(numDocs, minBytes int) (int, error) {
	n, err := r.count("posting count", minBytes)
	if err != nil {
		return 0, err
	}
	if n > numDocs {
		return 0, r.fail("more postings than documents")
	}
	return n, nil
}

// docPostings reads a field's document postings in a term entry.
func (r *reader) docPostings(numDocs int) (DocPostings, error) {
	// A posting takes a document delta and a frequency.
	n, err := r.postingCount(numDocs, 2)
	if err != nil {
		return DocPostings{}, err
	}
	ps := DocPostings{Docs: make([]int32, n), TFs: make([]int32, n)}
	doc := int64(-1)
	for j := range n {
		if doc, err = r.nextDoc(doc, numDocs); err != nil {
			return DocPostings{}, err
		}
		tf, err := r.count1("term frequency", maxPosition)
		if err != nil {
			return DocPostings{}, err
		}
		ps.Docs[j], ps.TFs[j] = int32(doc), int32(tf)
	}
	return ps, nil
}

// positions decodes the entry of a key in a position chunk; nil if the chunk
// lacks it. A term's documents and counts come from its document postings
// (docs, per field); a stop key has none and carries its own.
func (c *chunk) positions(key string, numDocs int, docs *[NumFields]DocPostings) (*[NumFields][]Posting, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.pos[key]; ok {
		return e, nil
	}
	i := c.find(key)
	if i < 0 {
		return nil, nil
	}
	stop := Key(key).IsStop()
	if !stop && docs == nil {
		return nil, &FileError{c.name, ErrCorrupt, "corrupt: positions of a term without document postings"}
	}
	r := &reader{name: c.name, buf: c.entries[i]}
	e := new([NumFields][]Posting)
	for f := range e {
		var n int
		if stop {
			// A posting takes a document delta, a count and a position.
			var err error
			if n, err = r.postingCount(numDocs, 3); err != nil {
				return nil, err
			}
		} else {
			n = docs[f].Len()
		}
		body, err := r.bytes("positions")
		if err != nil {
			return nil, err
		}
		pr := &reader{name: c.name, buf: body}
		ps := make([]Posting, n)
		doc := int64(-1)
		for j := range ps {
			var p Posting
			if stop {
				var err error
				if doc, err = pr.nextDoc(doc, numDocs); err != nil {
					return nil, err
				}
				// A position takes at least a byte.
				tf, err := pr.count1("occurrence count", uint64(pr.remaining()))
				if err != nil {
					return nil, err
				}
				p = Posting{Doc: int32(doc), TF: int32(tf)}
			} else {
				p = Posting{Doc: docs[f].Docs[j], TF: docs[f].TFs[j]}
				if int(p.TF) > pr.remaining() {
					return nil, pr.fail("more occurrences than bytes")
				}
			}
			p.Positions = make([]int32, p.TF)
			pos := int64(-1)
			for k := range p.Positions {
				d, err := pr.uvarint("position")
				if err != nil {
					return nil, err
				}
				if d == 0 || pos+int64(d) > maxPosition {
					return nil, pr.fail("position out of range")
				}
				pos += int64(d)
				p.Positions[k] = int32(pos)
			}
			ps[j] = p
		}
		if err := pr.end(); err != nil {
			return nil, err
		}
		e[f] = ps
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	c.pos[key] = e
	c.grew(postingBytes(e[0]) + postingBytes(e[1]))
	return e, nil
}

// formsOf decodes the entry of a term key in a form chunk: per field, the
// form of every position of its postings in a row; nil if the chunk lacks
// it (every position has form 0). counts are the number of positions of
// each field, from the document postings.
func (c *chunk) formsOf(key string, counts [NumFields]int) (*[NumFields][]uint16, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.forms[key]; ok {
		return e, nil
	}
	i := c.find(key)
	if i < 0 {
		return nil, nil
	}
	r := &reader{name: c.name, buf: c.entries[i]}
	e := new([NumFields][]uint16)
	for f := range e {
		body, err := r.bytes("forms")
		if err != nil {
			return nil, err
		}
		fr := &reader{name: c.name, buf: body}
		// A run takes at least two bytes, so a forged count of positions
		// cannot make this allocate beyond the input (a run's length is
		// checked against what is left to fill).
		forms := make([]uint16, 0, min(counts[f], 1<<16))
		for fr.remaining() > 0 {
			form, err := fr.small("form number", maxForms-1)
			if err != nil {
				return nil, err
			}
			run, err := fr.small("form run", uint64(counts[f]-len(forms)))
			if err != nil {
				return nil, err
			}
			if run == 0 {
				return nil, fr.fail("empty form run")
			}
			for range run {
				forms = append(forms, uint16(form))
			}
		}
		if len(forms) != counts[f] {
			return nil, r.fail("forms of " + itoa(len(forms)) + " positions, the postings have " + itoa(counts[f]))
		}
		e[f] = forms
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	c.forms[key] = e
	c.grew(2 * (len(e[0]) + len(e[1])))
	return e, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// nextDoc reads a posting's document number, stored as the difference from
// the previous one (prev; -1 before the first): never 0, never past the
// last document.
func (r *reader) nextDoc(prev int64, numDocs int) (int64, error) {
	delta, err := r.uvarint("document delta")
	if err != nil {
		return 0, err
	}
	// A delta past the corpus is refused before it is added: a huge one
	// would turn negative as an int64.
	if delta == 0 || delta > uint64(numDocs) || prev+int64(delta) >= int64(numDocs) {
		return 0, r.fail("document number out of range")
	}
	return prev + int64(delta), nil
}

// count1 reads a number of occurrences: at least 1, at most limit.
func (r *reader) count1(what string, limit uint64) (uint64, error) {
	n, err := r.small(what, limit)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, r.fail("zero term frequency")
	}
	return n, nil
}
