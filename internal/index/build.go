package index

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// Options configures a Builder. The zero value is the configuration the site
// is built with.
type Options struct {
	// Analyze turns text into tokens. nil means arabic.Analyze, the analyzer
	// the search engine applies to queries; anything else is for tests, since
	// a bundle built with another analyzer would not match queries.
	Analyze func(text string) []arabic.Token
	// Workers is how many goroutines analyze documents; 0 means one per CPU.
	Workers int
	// ChunkBytes is the uncompressed size at which a term chunk is closed
	// (0: DefaultChunkBytes), and PosChunkBytes the same for a position
	// chunk (0: DefaultPosChunkBytes). A chunk is the unit a query fetches
	// (by byte range) and decompresses: smaller chunks mean fewer bytes and
	// less work per query, at some cost in compression and a longer
	// directory in the root (about 6 bytes a chunk).
	ChunkBytes    int
	PosChunkBytes int
	// FormChunkBytes is the same for a form chunk (0: four times
	// PosChunkBytes, DefaultFormChunkBytes by default). Only exact forms
	// and the word-forms view read forms, and the root lists every chunk,
	// so form chunks are the larger.
	FormChunkBytes int
	// ChunkFileBytes is the compressed size at which a file of consecutive
	// chunks is closed (0: DefaultChunkFileBytes). Chunks are fetched by
	// byte range, and the browser asks for the chunks of one file that a
	// query needs at the same moment in one request (several ranges), so
	// fewer, larger files mean fewer requests: a fuzzy word's dozen near
	// words, spread over the vocabulary, cost one request instead of ten.
	ChunkFileBytes int
	// PackBytes is the compressed size at which a document pack is closed
	// (0: DefaultPackBytes). Documents are fetched by byte range, and the
	// browser asks for a page's documents that share a pack in one request
	// (several ranges), so fewer, larger packs mean fewer requests a page.
	PackBytes int
	// IDGroupDocs is how many documents share an ID group file (0:
	// DefaultIDGroupDocs).
	IDGroupDocs int
	// Phrases are phrases indexed as keys of their own (PhraseKey): their
	// documents and how often each holds the phrase, in the term chunks, so
	// that a search for one reads a posting list rather than the positions
	// of its words, and only the forms its words take inside the phrase
	// (for highlights) rather than every form of each word. nil means the
	// multi-word forms of the alias table (arabic.AliasPhrases), which an
	// alias expansion searches (داعش also searches "تنظيم الدولة", whose
	// words' positions are among the largest of a news corpus); an empty
	// list indexes none. A phrase that does not analyze to two or more
	// words at consecutive positions, the first not a stop word, is left
	// out.
	Phrases []string
	// MinVocabDocs is the fewest documents a term must occur in to enter the
	// vocabulary that fuzzy search and "did you mean" draw from (0: 2).
	MinVocabDocs int
}

// Defaults of Options.
const (
	DefaultChunkBytes = 8 << 10
	// DefaultPosChunkBytes: a phrase reads one position chunk per word,
	// and most words' positions are a small part of a chunk, so the chunk
	// is what a phrase pays for. On news-70k, 32 KiB chunks (29 KB
	// compressed at the median) made a two-word phrase of rare words read
	// 60-80 KB of positions; 4 KiB chunks cut the 95th percentile of the
	// benchmark queries' bytes from 103 to 68 KB and add 14 KB to the root
	// (BenchmarkQueryBytes in internal/search). With the forms apart and
	// the phrase keys, 4 KiB give 55 KB and 8 KiB 61 KB, for a root 6 KB
	// smaller.
	DefaultPosChunkBytes  = 4 << 10
	DefaultFormChunkBytes = 4 * DefaultPosChunkBytes
	DefaultChunkFileBytes = 24 << 20 // like the packs: news-70k has one file of each kind of chunk
	DefaultPackBytes      = 24 << 20 // under the 25 MiB a file some static hosts allow
	DefaultIDGroupDocs    = 4096
)

// Bundle is a built bundle: its files, each named after its content.
type Bundle struct {
	// Root is the name of the root file, the one a reader opens first.
	Root  string
	Files []File
}

// File is one file of a bundle.
type File struct {
	Name string
	Data []byte
}

// Size is the total size of the bundle's files in bytes.
func (b *Bundle) Size() int64 {
	var n int64
	for _, f := range b.Files {
		n += int64(len(f.Data))
	}
	return n
}

// Build indexes docs into a bundle with the given options: a Builder fed
// with docs.
func Build(opts Options, docs []corpus.Document) (*Bundle, error) {
	b := NewBuilder(opts)
	for _, d := range docs {
		if err := b.Add(d); err != nil {
			return nil, err
		}
	}
	return b.Finish()
}

// Builder accumulates documents into a Bundle: Add each document, then
// Finish once.
type Builder struct {
	opts     Options
	docs     []corpus.Document
	ids      map[string]bool
	finished bool
	// phrases are the phrases to index, by the key of their first word.
	phrases map[string][]phrase
}

// NewBuilder returns an empty Builder.
func NewBuilder(opts Options) *Builder {
	if opts.Analyze == nil {
		opts.Analyze = arabic.Analyze
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.ChunkBytes <= 0 {
		opts.ChunkBytes = DefaultChunkBytes
	}
	if opts.PosChunkBytes <= 0 {
		opts.PosChunkBytes = DefaultPosChunkBytes
	}
	if opts.FormChunkBytes <= 0 {
		opts.FormChunkBytes = 4 * opts.PosChunkBytes
	}
	if opts.ChunkFileBytes <= 0 {
		opts.ChunkFileBytes = DefaultChunkFileBytes
	}
	if opts.PackBytes <= 0 {
		opts.PackBytes = DefaultPackBytes
	}
	if opts.IDGroupDocs <= 0 {
		opts.IDGroupDocs = DefaultIDGroupDocs
	}
	if opts.MinVocabDocs <= 0 {
		opts.MinVocabDocs = 2
	}
	if opts.Phrases == nil {
		opts.Phrases = arabic.AliasPhrases()
	}
	b := &Builder{opts: opts, ids: map[string]bool{}, phrases: map[string][]phrase{}}
	seen := map[Key]bool{}
	for _, text := range opts.Phrases {
		key, keys, ok := PhraseKeyOf(opts.Analyze(text))
		if !ok || seen[key] {
			continue
		}
		seen[key] = true
		b.phrases[string(keys[0])] = append(b.phrases[string(keys[0])], phrase{key: string(key), keys: keys})
	}
	return b
}

// phrase is a phrase of Options.Phrases: its key and its words' keys.
type phrase struct {
	key  string
	keys []Key
}

// Add adds a document. Its ID must be non-empty and unique. The analysis
// happens in Finish, where documents are first put in their final order.
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
	b.ids[doc.ID] = true
	b.docs = append(b.docs, doc)
	return nil
}

// keyAcc accumulates the postings of one key while building, already
// encoded: a term's document postings (docs) and, for every key, the
// positions (pos).
type keyAcc struct {
	fields  [NumFields]fieldAcc
	forms   *formTable // nil for stop keys and phrases
	lastDoc int32      // for the document frequency over both fields
	df      int32
	// norms are, for a phrase, the forms (Token.Norm) each of its words
	// takes inside the phrase's occurrences; nil for the words that are
	// stop words (their key is their form) and for other keys.
	norms []map[string]bool
}

type fieldAcc struct {
	n       int32
	prevDoc int32
	docs    []byte // per posting: doc delta, term frequency
	// pos holds the positions: for a term, per posting the position
	// deltas (the documents and counts are those of docs); for a stop key,
	// per posting the doc delta, the count and the position deltas.
	pos []byte
	// forms holds, for a term, the form of each position, all postings'
	// positions in a row, as runs: the form number, then how many
	// positions in a row have it (the last run is still in form and run).
	forms     []byte
	form, run uint64
	manyForms bool // a position has a form other than 0
}

// addForms adds the forms of a posting's positions to the runs.
func (fa *fieldAcc) addForms(forms []uint16) {
	for _, f := range forms {
		if uint64(f) != fa.form && fa.run > 0 {
			fa.forms = binary.AppendUvarint(fa.forms, fa.form)
			fa.forms = binary.AppendUvarint(fa.forms, fa.run)
			fa.run = 0
		}
		fa.form = uint64(f)
		fa.run++
		if f != 0 {
			fa.manyForms = true
		}
	}
}

// formRuns returns the runs of forms, the last one included.
func (fa *fieldAcc) formRuns() []byte {
	if fa.run > 0 {
		fa.forms = binary.AppendUvarint(fa.forms, fa.form)
		fa.forms = binary.AppendUvarint(fa.forms, fa.run)
		fa.run = 0
	}
	return fa.forms
}

// formTable collects the forms of one term key while building.
type formTable struct {
	ids       map[string]uint16 // by Norm
	norms     []string          // in order of first occurrence
	counts    []int
	spellings []spellings
}

// spellings counts the original spellings of one form. Nearly every form has
// one spelling, so the map is made only for a second one: at news scale the
// maps would otherwise dominate the builder's memory and time.
type spellings struct {
	first string
	more  map[string]int // every spelling with its count, once there are two
}

// best is the most frequent spelling, the smallest on a tie.
func (s *spellings) best(int) string {
	if s.more == nil {
		return s.first
	}
	best, c := "", 0
	for sp, k := range s.more {
		if k > c || (k == c && sp < best) {
			best, c = sp, k
		}
	}
	return best
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
		ft.counts = append(ft.counts, 0)
		ft.spellings = append(ft.spellings, spellings{first: t.Text})
	}
	ft.counts[id]++
	sp := &ft.spellings[id]
	if sp.more == nil && t.Text != sp.first {
		// The second spelling: count the first one's occurrences so far.
		sp.more = map[string]int{sp.first: ft.counts[id] - 1}
	}
	if sp.more != nil {
		sp.more[t.Text]++
	}
	return id, nil
}

// forms returns the forms with their most frequent spelling (the smallest
// such spelling on a tie, for a deterministic bundle).
func (ft *formTable) forms() []Form {
	out := make([]Form, len(ft.norms))
	for i, norm := range ft.norms {
		out[i] = Form{Norm: norm, Spelling: ft.spellings[i].best(ft.counts[i]), Count: ft.counts[i]}
	}
	return out
}

// occ is one key's occurrences in one field of the document being added.
type occ struct {
	key       string
	positions []int32
	forms     []uint16
}

// Finish analyzes the documents and returns the bundle. The Builder cannot be
// used afterwards.
func (b *Builder) Finish() (*Bundle, error) {
	if b.finished {
		return nil, errors.New("index: Finish called twice")
	}
	b.finished = true
	docs := b.docs
	b.docs = nil
	// Newest first, then by ID: the order of a blank query and of sorting
	// by date, so neither needs a sort in the browser.
	sort.SliceStable(docs, func(i, j int) bool {
		if docs[i].Date != docs[j].Date {
			return docs[i].Date > docs[j].Date
		}
		return docs[i].ID < docs[j].ID
	})
	acc := map[string]*keyAcc{}
	var lens [NumFields][]int32
	for f := range lens {
		lens[f] = make([]int32, len(docs))
	}
	err := b.analyzeAll(docs, func(num int32, fields [NumFields][]arabic.Token) error {
		for f := Field(0); f < NumFields; f++ {
			n, err := addField(acc, b.phrases, f, num, fields[f])
			if err != nil {
				return errors.New("index: document " + docs[num].ID + " " + f.String() + ": " + err.Error())
			}
			lens[f][num] = n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Every phrase gets its entry, found or not: a search can then tell a
	// phrase that occurs nowhere from one this bundle did not index, whose
	// words' positions it reads instead.
	for _, phs := range b.phrases {
		for _, ph := range phs {
			phraseAcc(acc, ph)
		}
	}
	return b.write(docs, acc, lens)
}

// analyzeAll analyzes the documents on several goroutines and hands them to
// add one at a time, in order.
func (b *Builder) analyzeAll(docs []corpus.Document, add func(int32, [NumFields][]arabic.Token) error) error {
	type result struct {
		fields [NumFields][]arabic.Token
		done   chan struct{}
	}
	const window = 256
	results := make([]result, len(docs))
	for i := range results {
		results[i].done = make(chan struct{})
	}
	next := make(chan int, window)
	var wg sync.WaitGroup
	for w := 0; w < b.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i].fields = [NumFields][]arabic.Token{b.opts.Analyze(docs[i].Title), b.opts.Analyze(docs[i].Text)}
				close(results[i].done)
			}
		}()
	}
	// The producer stays at most window documents ahead of the consumer,
	// so the tokens held at once stay bounded.
	stop := make(chan struct{})
	go func() {
		defer close(next)
		for i := range docs {
			if i >= window {
				select {
				case <-results[i-window].done:
				case <-stop:
					return
				}
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for i := range docs {
		<-results[i].done
		if err == nil {
			err = add(int32(i), results[i].fields)
		}
		results[i].fields = [NumFields][]arabic.Token{}
		if err != nil {
			close(stop)
			break
		}
	}
	wg.Wait()
	return err
}

// addField adds one field of document num and returns its length in indexed
// terms (stop words excluded), the length BM25 normalizes by.
func addField(acc map[string]*keyAcc, phrases map[string][]phrase, f Field, num int32, toks []arabic.Token) (int32, error) {
	byKey := map[string]*occ{}
	var order []*occ
	var length int32
	for _, t := range toks {
		k := KeyOf(t)
		if k == "" {
			continue
		}
		key := string(k)
		if t.Position < 0 || t.Position > maxPosition {
			return 0, errors.New("token position out of range")
		}
		pos := int32(t.Position)
		o := byKey[key]
		if o == nil {
			o = &occ{key: key}
			byKey[key] = o
			order = append(order, o)
		} else if pos <= o.positions[len(o.positions)-1] {
			// Positions must ascend for phrase matching and delta
			// encoding; an analyzer repeating a position would be a bug
			// upstream, so keep the first occurrence.
			continue
		}
		ka := acc[key]
		if ka == nil {
			ka = newKeyAcc(nil)
			if !k.IsStop() {
				ka.forms = &formTable{ids: map[string]uint16{}}
			}
			acc[key] = ka
		}
		o.positions = append(o.positions, pos)
		if ka.forms != nil {
			id, err := ka.forms.add(t)
			if err != nil {
				return 0, err
			}
			o.forms = append(o.forms, id)
			length++
		}
	}
	order = addPhrases(acc, phrases, byKey, order)
	order = addAliasMentions(acc, toks, order)
	for _, o := range order {
		ka := acc[o.key]
		if ka.norms != nil {
			// A phrase: its documents and counts, as a term's.
			if ka.lastDoc != num {
				ka.lastDoc = num
				ka.df++
			}
			fa := &ka.fields[f]
			fa.docs = binary.AppendUvarint(fa.docs, uint64(num-fa.prevDoc))
			fa.docs = binary.AppendUvarint(fa.docs, uint64(len(o.positions)))
			fa.prevDoc = num
			fa.n++
			continue
		}
		if ka.lastDoc != num {
			ka.lastDoc = num
			ka.df++
		}
		fa := &ka.fields[f]
		delta := uint64(num - fa.prevDoc)
		fa.prevDoc = num
		fa.n++
		if ka.forms != nil {
			fa.docs = binary.AppendUvarint(fa.docs, delta)
			fa.docs = binary.AppendUvarint(fa.docs, uint64(len(o.positions)))
		}
		if ka.forms == nil {
			fa.pos = binary.AppendUvarint(fa.pos, delta)
			fa.pos = binary.AppendUvarint(fa.pos, uint64(len(o.positions)))
		}
		fa.pos = appendPositions(fa.pos, o.positions)
		if ka.forms != nil {
			fa.addForms(o.forms)
		}
	}
	return length, nil
}

// addPhrases finds the phrases to index in a field's occurrences (byKey)
// and returns order with an occ for each phrase found, its positions those
// where it starts: the occurrences of its first word followed by its other
// words at the next positions, as a search matches a phrase by positions.
// It records the forms of the phrase's words there.
func addPhrases(acc map[string]*keyAcc, phrases map[string][]phrase, byKey map[string]*occ, order []*occ) []*occ {
	if len(phrases) == 0 {
		return order
	}
	n := len(order)
	for _, first := range order[:n] {
		for _, ph := range phrases[first.key] {
			words := make([]*occ, len(ph.keys))
			for i, k := range ph.keys {
				if words[i] = byKey[string(k)]; words[i] == nil {
					break
				}
			}
			if words[len(words)-1] == nil {
				continue
			}
			var starts []int32
			var at []int // per word, the index of its occurrence in the last start
			for _, p := range first.positions {
				at = at[:0]
				for i, w := range words {
					j, ok := slices.BinarySearch(w.positions, p+int32(i))
					if !ok {
						break
					}
					at = append(at, j)
				}
				if len(at) < len(words) {
					continue
				}
				starts = append(starts, p)
				ka := phraseAcc(acc, ph)
				for i, w := range words {
					if w.forms != nil {
						ka.norms[i][acc[w.key].forms.norms[w.forms[at[i]]]] = true
					}
				}
			}
			if len(starts) > 0 {
				order = append(order, &occ{key: ph.key, positions: starts})
			}
		}
	}
	return order
}

// addAliasMentions counts the mentions of each alias group in a field's
// tokens (arabic.EachAliasMention) under the group's AliasKey, as a
// phrase's documents and counts: a count of داعش with its other names
// then counts "تنظيم الدولة الإسلامية" once, not once for each of the
// three names it holds.
func addAliasMentions(acc map[string]*keyAcc, toks []arabic.Token, order []*occ) []*occ {
	byGroup := map[string]*occ{}
	arabic.EachAliasMention(toks, func(group string, start, _ int) {
		o := byGroup[group]
		if o == nil {
			key := string(AliasKey(group))
			o = &occ{key: key}
			byGroup[group] = o
			order = append(order, o)
			if acc[key] == nil {
				acc[key] = newKeyAcc([]map[string]bool{{}, {}}) // two words, no forms
			}
		}
		o.positions = append(o.positions, int32(toks[start].Position))
	})
	return order
}

// newKeyAcc is an empty accumulator, before any document; norms is
// non-nil for a phrase's (see keyAcc).
func newKeyAcc(norms []map[string]bool) *keyAcc {
	ka := &keyAcc{lastDoc: -1, norms: norms}
	for i := range ka.fields {
		ka.fields[i].prevDoc = -1
	}
	return ka
}

// phraseAcc is the accumulator of a phrase, made on its first occurrence.
func phraseAcc(acc map[string]*keyAcc, ph phrase) *keyAcc {
	ka := acc[ph.key]
	if ka == nil {
		ka = newKeyAcc(make([]map[string]bool, len(ph.keys)))
		for i, k := range ph.keys {
			ka.norms[i] = map[string]bool{}
			if k.IsStop() {
				ka.norms[i] = nil
			}
		}
		acc[ph.key] = ka
	}
	return ka
}

// appendPositions writes a posting's positions as deltas, the first from
// -1. Their forms go apart (fieldAcc.forms), in chunks of their own: a
// phrase reads positions only, and the forms were a third of them.
func appendPositions(buf []byte, positions []int32) []byte {
	prev := int32(-1)
	for _, p := range positions {
		buf = binary.AppendUvarint(buf, uint64(p-prev))
		prev = p
	}
	return buf
}

// writePhrase writes a phrase's term entry: the number of its words, the
// forms each word takes inside it (sorted; none for a stop word), then for
// each field its document postings, as a term's.
func writePhrase(w *writer, ka *keyAcc) {
	w.uvarint(uint64(len(ka.norms)))
	for _, set := range ka.norms {
		norms := make([]string, 0, len(set))
		for n := range set {
			norms = append(norms, n)
		}
		slices.Sort(norms)
		w.uvarint(uint64(len(norms)))
		for _, n := range norms {
			w.str(n)
		}
	}
	for f := range ka.fields {
		w.uvarint(uint64(ka.fields[f].n))
		w.buf = append(w.buf, ka.fields[f].docs...)
	}
}

// chunker cuts the sorted entries of one family (terms or positions) into
// chunks, each sealed on its own, and writes consecutive chunks into files.
type chunker struct {
	kind      byte
	prefix    string
	target    int // raw bytes at which a chunk is closed
	fileBytes int // sealed bytes at which a file is closed
	body      writer
	n         int
	first     string
	prev      string
	pending   [][]byte // closed chunks' content, sealed together by seal
	dir       []chunkRef
	files     []File
}

// chunkRef is one entry of a chunk directory: the first key of a chunk, its
// file and its byte range there.
type chunkRef struct {
	First    string
	File     string
	Off, Len int64
}

func (c *chunker) add(key string, entry []byte) {
	if c.n == 0 {
		c.first, c.prev = key, ""
	}
	shared := commonPrefix(c.prev, key)
	c.body.uvarint(uint64(shared))
	c.body.str(key[shared:])
	c.body.bytes(entry)
	c.prev = key
	c.n++
	if len(c.body.buf) >= c.target {
		c.cut()
	}
}

func (c *chunker) cut() {
	if c.n == 0 {
		return
	}
	head := &writer{}
	head.uvarint(uint64(c.n))
	c.pending = append(c.pending, append(head.buf, c.body.buf...))
	c.dir = append(c.dir, chunkRef{First: c.first})
	c.body.buf = c.body.buf[:0]
	c.n = 0
}

// seal compresses the closed chunks on several goroutines, then writes them
// in order into files of about fileBytes and names them.
func (c *chunker) seal(workers int) {
	c.cut()
	sealed := make([][]byte, len(c.pending))
	next := make(chan int, len(c.pending))
	for i := range c.pending {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sealed[i] = seal(c.kind, c.pending[i])
			}
		}()
	}
	wg.Wait()
	c.pending = nil
	var data []byte
	from := 0 // the first chunk in data
	flush := func(to int) {
		if len(data) == 0 {
			return
		}
		f := File{Name: contentName(c.prefix, data), Data: data}
		for i := from; i < to; i++ {
			c.dir[i].File = f.Name
		}
		c.files = append(c.files, f)
		data, from = nil, to
	}
	for i, chunk := range sealed {
		if len(data) > 0 && len(data)+len(chunk) > c.fileBytes {
			flush(i)
		}
		c.dir[i].Off, c.dir[i].Len = int64(len(data)), int64(len(chunk))
		data = append(data, chunk...)
	}
	flush(len(sealed))
}

// writeDir writes a chunk directory into the root: the files' names once,
// then for each chunk its first key (front-coded), whether it starts the
// next file, and its length; a chunk starts where the one before it in the
// same file ends.
func writeDir(root *writer, dir []chunkRef) {
	var files []string
	for i, ref := range dir {
		if i == 0 || ref.File != dir[i-1].File {
			files = append(files, ref.File)
		}
	}
	root.uvarint(uint64(len(files)))
	for _, f := range files {
		root.str(f)
	}
	root.uvarint(uint64(len(dir)))
	prev := ""
	for i, ref := range dir {
		shared := commonPrefix(prev, ref.First)
		root.uvarint(uint64(shared))
		root.str(ref.First[shared:])
		newFile := uint64(0)
		if i > 0 && ref.File != dir[i-1].File {
			newFile = 1
		}
		root.uvarint(newFile)
		root.uvarint(uint64(ref.Len))
		prev = ref.First
	}
}

// write encodes every file of the bundle.
func (b *Builder) write(docs []corpus.Document, acc map[string]*keyAcc, lens [NumFields][]int32) (*Bundle, error) {
	bundle := &Bundle{}
	keys := make([]string, 0, len(acc))
	for k := range acc {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	terms := &chunker{kind: kindTerms, prefix: "t", target: b.opts.ChunkBytes, fileBytes: b.opts.ChunkFileBytes}
	positions := &chunker{kind: kindPos, prefix: "p", target: b.opts.PosChunkBytes, fileBytes: b.opts.ChunkFileBytes}
	forms := &chunker{kind: kindForms, prefix: "f", target: b.opts.FormChunkBytes, fileBytes: b.opts.ChunkFileBytes}
	vocab := &writer{}
	var vocabN int
	var vocabBody writer
	prevVocab := ""
	entry := &writer{}
	for _, key := range keys {
		ka := acc[key]
		if ka.norms != nil {
			// A phrase: in the term chunks only, with no forms of its
			// own, out of the vocabulary.
			entry.buf = entry.buf[:0]
			writePhrase(entry, ka)
			terms.add(key, entry.buf)
			delete(acc, key)
			continue
		}
		if ka.forms != nil {
			entry.buf = entry.buf[:0]
			forms := ka.forms.forms()
			entry.uvarint(uint64(len(forms)))
			for _, fm := range forms {
				entry.form(key, fm)
			}
			for f := range ka.fields {
				entry.uvarint(uint64(ka.fields[f].n))
				entry.buf = append(entry.buf, ka.fields[f].docs...)
			}
			terms.add(key, entry.buf)
			if int(ka.df) >= b.opts.MinVocabDocs && !strings.HasPrefix(key, "#") {
				shared := commonPrefix(prevVocab, key)
				vocabBody.uvarint(uint64(shared))
				vocabBody.str(key[shared:])
				vocabBody.uvarint(uint64(ka.df))
				prevVocab = key
				vocabN++
			}
		}
		entry.buf = entry.buf[:0]
		for f := range ka.fields {
			if ka.forms == nil {
				entry.uvarint(uint64(ka.fields[f].n))
			}
			entry.bytes(ka.fields[f].pos)
		}
		positions.add(key, entry.buf)
		if ka.forms != nil && (ka.fields[Title].manyForms || ka.fields[Text].manyForms) {
			// A key whose every position has form 0 has no entry.
			entry.buf = entry.buf[:0]
			for f := range ka.fields {
				entry.bytes(ka.fields[f].formRuns())
			}
			forms.add(key, entry.buf)
		}
		delete(acc, key) // let the encoded postings go as the chunks fill
	}
	terms.seal(b.opts.Workers)
	positions.seal(b.opts.Workers)
	forms.seal(b.opts.Workers)
	bundle.Files = append(bundle.Files, terms.files...)
	bundle.Files = append(bundle.Files, positions.files...)
	bundle.Files = append(bundle.Files, forms.files...)
	vocab.uvarint(uint64(vocabN))
	vocab.buf = append(vocab.buf, vocabBody.buf...)
	vocabData := seal(kindVocab, vocab.buf)
	vocabFile := File{Name: contentName("v", vocabData), Data: vocabData}
	bundle.Files = append(bundle.Files, vocabFile)

	packs, recordLens := b.writePacks(docs)
	bundle.Files = append(bundle.Files, packs.files...)
	entFile := writeEntities(docs)
	bundle.Files = append(bundle.Files, entFile)
	idFiles := writeIDGroups(docs, b.opts.IDGroupDocs)
	bundle.Files = append(bundle.Files, idFiles...)

	root := &writer{}
	root.uvarint(arabic.Version)
	root.uvarint(uint64(len(docs)))
	writeMeta(root, docs, lens, recordLens)
	root.uvarint(uint64(len(packs.first)))
	for i, first := range packs.first {
		root.str(packs.files[i].Name)
		root.uvarint(uint64(first))
	}
	writeDir(root, terms.dir)
	writeDir(root, positions.dir)
	writeDir(root, forms.dir)
	root.str(entFile.Name)
	root.str(vocabFile.Name)
	root.uvarint(uint64(len(idFiles)))
	for _, f := range idFiles {
		root.str(f.Name)
	}
	root.uvarint(uint64(len(bundle.Files)))
	for _, f := range bundle.Files {
		root.str(f.Name)
		root.uvarint(uint64(len(f.Data)))
	}
	rootData := seal(kindRoot, root.buf)
	bundle.Root = contentName("corpus", rootData)
	bundle.Files = append([]File{{Name: bundle.Root, Data: rootData}}, bundle.Files...)
	return bundle, nil
}

// writeMeta writes what the root keeps per document, one column at a time
// (columns compress better than rows): source, date, field lengths and the
// size of the document's record in its pack.
func writeMeta(w *writer, docs []corpus.Document, lens [NumFields][]int32, recordLens []int) {
	sources := map[string]int{}
	var names []string
	for _, d := range docs {
		if _, ok := sources[d.Source]; !ok {
			sources[d.Source] = len(names)
			names = append(names, d.Source)
		}
	}
	w.uvarint(uint64(len(names)))
	for _, s := range names {
		w.str(s)
	}
	for _, d := range docs {
		w.uvarint(uint64(sources[d.Source]))
	}
	prev := int64(0)
	for _, d := range docs {
		day := int64(corpus.DayOfDate(d.Date))
		w.varint(day - prev)
		prev = day
	}
	for f := range lens {
		var total int64
		for _, n := range lens[f] {
			total += int64(n)
		}
		w.uvarint(uint64(total))
	}
	for _, n := range lens[Title] {
		w.uvarint(uint64(n))
	}
	for _, n := range lens[Text] {
		w.buf = append(w.buf, quantizeLen(n))
	}
	for _, n := range recordLens {
		w.uvarint(uint64(n))
	}
}

// lenBase is the ratio between successive quantized text lengths: BM25 only
// needs a document's length to a few percent, and one byte per document keeps
// the root small (Lucene stores its norms in a byte for the same reason).
const lenBase = 1.06

func quantizeLen(n int32) byte {
	if n <= 0 {
		return 0
	}
	q := 1 + math.Round(math.Log(float64(n))/math.Log(lenBase))
	return byte(min(q, 255))
}

func dequantizeLen(q byte) int32 { return dequantized[q] }

// dequantized holds every quantized length's value: BM25 reads one for each
// hit of every query.
var dequantized = func() (t [256]int32) {
	for q := 1; q < len(t); q++ {
		t[q] = int32(math.Round(math.Pow(lenBase, float64(q-1))))
	}
	return t
}()

type packSet struct {
	first []int32
	files []File
}

// writePacks writes the document records into packs: each record is its
// CRC-32C and its DEFLATE-compressed fields, so a reader fetches and checks
// one document by byte range.
func (b *Builder) writePacks(docs []corpus.Document) (packSet, []int) {
	var ps packSet
	recordLens := make([]int, len(docs))
	var cur []byte
	first := int32(0)
	cut := func(next int32) {
		if cur == nil {
			return
		}
		name := contentName("d", cur)
		ps.first = append(ps.first, first)
		ps.files = append(ps.files, File{Name: name, Data: cur})
		cur, first = nil, next
	}
	// Compressing the records is most of the time of writing a bundle, and
	// each is compressed on its own: spread them over the workers.
	records := make([][]byte, len(docs))
	rawLens := make([]int, len(docs))
	next := make(chan int, 64)
	var wg sync.WaitGroup
	for w := 0; w < b.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := &writer{}
			for i := range next {
				rec.buf = rec.buf[:0]
				writeRecord(rec, docs[i])
				records[i], rawLens[i] = deflate(rec.buf), len(rec.buf)
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range docs {
		if cur == nil {
			cur = packHeader()
			first = int32(i)
		}
		z := records[i]
		records[i] = nil
		cur = binary.LittleEndian.AppendUint32(cur, crc32.Checksum(z, castagnoli))
		cur = binary.LittleEndian.AppendUint32(cur, uint32(rawLens[i]))
		cur = append(cur, z...)
		recordLens[i] = 8 + len(z)
		if len(cur) >= b.opts.PackBytes {
			cut(int32(i + 1))
		}
	}
	cut(int32(len(docs)))
	return ps, recordLens
}

// packHeader is the header of a pack: magic, version and kind, then zeros
// where other files have lengths and a checksum (records carry their own).
func packHeader() []byte {
	h := make([]byte, headerSize)
	copy(h, magic)
	binary.LittleEndian.PutUint16(h[4:], FormatVersion)
	h[6] = kindPack
	return h
}

func writeRecord(w *writer, d corpus.Document) {
	w.str(d.ID)
	w.str(d.Title)
	w.str(d.Date)
	w.str(d.Source)
	w.str(d.Author)
	w.str(d.Dateline)
	w.str(d.Category)
	w.str(d.Text)
	var flags uint64
	if d.DateInferred {
		flags |= flagDateInferred
	}
	if d.URL != "" {
		flags |= flagURL
	}
	w.uvarint(flags)
	w.uvarint(uint64(len(d.Entities)))
	for _, e := range d.Entities {
		w.str(string(e.Type))
		w.str(e.Name)
		w.uvarint(uint64(e.Count))
	}
	if d.URL != "" {
		w.str(d.URL)
	}
}

// writeEntities writes the entity table (names by falling document
// frequency) and, per document, the entities it mentions as ascending
// numbers, for the entity facet and filter.
func writeEntities(docs []corpus.Document) File {
	type ent struct {
		typ  corpus.EntityType
		name string
		df   int
	}
	byName := map[string]*ent{}
	for _, d := range docs {
		for _, e := range d.Entities {
			x := byName[e.Name]
			if x == nil {
				x = &ent{typ: e.Type, name: e.Name}
				byName[e.Name] = x
			}
			x.df++
		}
	}
	all := make([]*ent, 0, len(byName))
	for _, x := range byName {
		all = append(all, x)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].df != all[j].df {
			return all[i].df > all[j].df
		}
		return all[i].name < all[j].name
	})
	num := make(map[string]int, len(all))
	w := &writer{}
	w.uvarint(uint64(len(all)))
	for i, x := range all {
		num[x.name] = i
		w.str(string(x.typ))
		w.str(x.name)
		w.uvarint(uint64(x.df))
	}
	var ids []int
	for _, d := range docs {
		ids = ids[:0]
		for _, e := range d.Entities {
			ids = append(ids, num[e.Name])
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		w.uvarint(uint64(len(ids)))
		prev := -1
		for _, id := range ids {
			w.uvarint(uint64(id - prev))
			prev = id
		}
	}
	data := seal(kindEntities, w.buf)
	return File{Name: contentName("e", data), Data: data}
}

// idGroup is the ID group of an ID: FNV-1a, so a reader finds a document's
// number from its ID by fetching one small file.
func idGroup(id string, groups int) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return int(h % uint32(groups))
}

func writeIDGroups(docs []corpus.Document, perGroup int) []File {
	groups := max(1, (len(docs)+perGroup-1)/perGroup)
	ws := make([]writer, groups)
	counts := make([]int, groups)
	for i, d := range docs {
		g := idGroup(d.ID, groups)
		ws[g].str(d.ID)
		ws[g].uvarint(uint64(i))
		counts[g]++
	}
	files := make([]File, groups)
	for g := range ws {
		w := &writer{}
		w.uvarint(uint64(counts[g]))
		w.buf = append(w.buf, ws[g].buf...)
		data := seal(kindIDs, w.buf)
		files[g] = File{Name: contentName("i", data), Data: data}
	}
	return files
}
