package index

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// Fetcher reads the files of a bundle: natively from a folder, in the
// browser with fetch and HTTP range requests.
type Fetcher interface {
	// Fetch returns length bytes of the named file from offset off, or the
	// whole file when length < 0.
	Fetch(name string, off, length int64) ([]byte, error)
}

// A Pauser is a Fetcher that wants long decoding work broken up: Pause is
// called every so often during it, and may hand the thread to other work
// for a moment (Go in the browser shares the page's one thread with it).
type Pauser interface {
	Pause()
}

// Pause calls the fetcher's Pause, if it has one: the index calls it in its
// own long loops, and the search engine in its loops over the index.
func (ix *Index) Pause() {
	if p, ok := ix.fetch.(Pauser); ok {
		p.Pause()
	}
}

// DirFetcher reads a bundle from a folder.
type DirFetcher string

// Fetch implements Fetcher.
func (d DirFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	if strings.ContainsAny(name, `/\`) || name == "" || name[0] == '.' {
		return nil, errors.New("bad file name " + strconv.Quote(name))
	}
	p := filepath.Join(string(d), name)
	if length < 0 {
		return os.ReadFile(p)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, length)
	if _, err := f.ReadAt(buf, off); err == io.EOF {
		size := int64(-1)
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		return nil, &cutShortError{size: size, off: off, length: length}
	} else if err != nil {
		return nil, err
	}
	return buf, nil
}

// cutShortError is a range asked beyond the end of a file that was cut
// short: it says where the file ends, rather than a bare EOF.
type cutShortError struct{ size, off, length int64 }

func (e *cutShortError) Error() string {
	return "truncated at byte " + strconv.FormatInt(e.size, 10) + " (the file ends there; " +
		strconv.FormatInt(e.length, 10) + " bytes asked from byte " + strconv.FormatInt(e.off, 10) + ")"
}

func (e *cutShortError) Unwrap() error { return ErrTruncated }

// fetchError is the FileError of a fetch that failed: truncated when the
// fetcher says the file is cut short, unreadable otherwise. The fetcher's
// own error stays in the chain, so that the page can tell a file gone from
// the host from a network that is down.
func fetchError(name string, err error) error {
	if errors.Is(err, ErrTruncated) {
		return &FileError{name, ErrTruncated, err.Error()}
	}
	return &fetchFileError{&FileError{name, ErrFetch, err.Error()}, err}
}

// fetchFileError is a FileError that keeps the fetcher's error.
type fetchFileError struct {
	*FileError
	cause error
}

func (e *fetchFileError) Unwrap() []error { return []error{e.FileError, e.cause} }

// MemFetcher serves a bundle held in memory, by file name.
type MemFetcher map[string][]byte

// Fetch implements Fetcher.
func (m MemFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	data, ok := m[name]
	if !ok {
		return nil, errors.New("no such file")
	}
	if length < 0 {
		return data, nil
	}
	if off < 0 || off+length > int64(len(data)) {
		return nil, errors.New("range beyond the end of the file")
	}
	return data[off : off+length], nil
}

// Fetcher returns a MemFetcher over the bundle's files.
func (b *Bundle) Fetcher() MemFetcher {
	m := MemFetcher{}
	for _, f := range b.Files {
		m[f.Name] = f.Data
	}
	return m
}

// WriteDir writes the bundle's files into dir, which must exist.
func (b *Bundle) WriteDir(dir string) error {
	for _, f := range b.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// FileInfo names a file of the bundle and its size.
type FileInfo struct {
	Name string
	Size int64
}

// maxCachedBytes bounds the decompressed chunks kept in memory with their
// decoded postings; the least recently used go first, so the browser's heap
// stays bounded however many queries run. 16 MB: with 32, the page's Go
// memory on news-70k reached 112 MB after 1,000 queries (47 MB live, most
// of it this cache). An evicted chunk asked for again is fetched again
// (from the browser's HTTP cache where it kept the range: the files are
// immutable).
const maxCachedBytes = 16 << 20

// maxCachedDocs bounds the documents kept in memory.
const maxCachedDocs = 512

// Index is an open bundle. Its root is read at Open; every other file is
// fetched when first needed and cached. It is safe for concurrent use.
type Index struct {
	fetch Fetcher
	root  string

	numDocs   int
	sources   []string
	docSource []int32
	docDay    []int32
	docYear   []int32 // 0: unknown
	titleLen  []int32
	textLen   []byte
	avgLen    [NumFields]float64
	packs     []packRef
	recOff    []uint32
	recLen    []uint32
	dirs      [numFamilies][]chunkRef
	entFile   string
	vocabFile string
	idFiles   []string
	files     []FileInfo

	mu          sync.Mutex
	chunks      map[string]*chunk
	cacheBytes  atomic.Int64 // bytes of the cached chunks, decoded entries included
	cacheBudget int64        // maxCachedBytes; smaller in tests
	tick        uint64
	docs        map[int32]*corpus.Document
	ents        *Entities
	vocab       []VocabEntry
	idGroups    map[int]map[string]int32
}

type packRef struct {
	file  string
	first int32
}

// Open reads a bundle's root file through f.
func Open(f Fetcher, root string) (*Index, error) {
	raw, err := fetchSealed(f, root, kindRoot)
	if err != nil {
		return nil, err
	}
	ix := &Index{fetch: f, root: root, chunks: map[string]*chunk{}, cacheBudget: maxCachedBytes, docs: map[int32]*corpus.Document{},
		idGroups: map[int]map[string]int32{}}
	if err := ix.readRoot(&reader{name: root, buf: raw}); err != nil {
		return nil, err
	}
	return ix, nil
}

// fetchSealed fetches a whole file and returns its checked, decompressed
// content; its errors name the file.
func fetchSealed(f Fetcher, name string, kind byte) ([]byte, error) {
	data, err := f.Fetch(name, 0, -1)
	if err != nil {
		return nil, fetchError(name, err)
	}
	return unseal(name, kind, data)
}

// OpenDir opens the bundle in a folder: its root is the one corpus-*.mrsd
// file there.
func OpenDir(dir string) (*Index, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "corpus-*.mrsd"))
	if err != nil {
		return nil, err
	}
	if len(matches) != 1 {
		return nil, errors.New(dir + ": expected one corpus-*.mrsd root file, found " + strconv.Itoa(len(matches)))
	}
	return Open(DirFetcher(dir), filepath.Base(matches[0]))
}

// checkAnalysis reads the analysis version a root starts with and refuses
// a bundle whose terms another version of package arabic made.
func checkAnalysis(r *reader) error {
	analysis, err := r.uvarint("analysis version")
	if err != nil {
		return err
	}
	if analysis != arabic.Version {
		return &FileError{r.name, ErrAnalysis, "built by version " + strconv.FormatUint(analysis, 10) + " of the Arabic analysis, this build analyzes with version " + strconv.Itoa(arabic.Version) + ": rebuild the bundle (marsad index, or marsad build for a site)"}
	}
	return nil
}

func (ix *Index) readRoot(r *reader) error {
	if err := checkAnalysis(r); err != nil {
		return err
	}
	// A document takes at least a source, a date, two lengths and a record
	// size in the root.
	n, err := r.count("document count", 5)
	if err != nil {
		return err
	}
	ix.numDocs = n
	ns, err := r.count("source count", 1)
	if err != nil {
		return err
	}
	ix.sources = make([]string, ns)
	for i := range ix.sources {
		if ix.sources[i], err = r.str("source"); err != nil {
			return err
		}
	}
	ix.docSource = make([]int32, n)
	for i := range ix.docSource {
		v, err := r.small("source number", uint64(max(ns-1, 0)))
		if err != nil {
			return err
		}
		ix.docSource[i] = int32(v)
	}
	ix.docDay = make([]int32, n)
	day := int64(0)
	for i := range ix.docDay {
		d, err := r.varint("date")
		if err != nil {
			return err
		}
		day += d
		if day < int64(corpus.NoDay) || day > 1<<30 {
			return r.fail("date out of range")
		}
		ix.docDay[i] = int32(day)
	}
	// Years are counted for every hit of every query (the year facet).
	ix.docYear = make([]int32, n)
	for i, d := range ix.docDay {
		if corpus.Day(d) != corpus.NoDay {
			ix.docYear[i] = int32(corpus.Day(d).Year())
		}
	}
	var totals [NumFields]uint64
	for f := range totals {
		if totals[f], err = r.uvarint("total length"); err != nil {
			return err
		}
		if n > 0 {
			ix.avgLen[f] = float64(totals[f]) / float64(n)
		}
	}
	ix.titleLen = make([]int32, n)
	for i := range ix.titleLen {
		v, err := r.small("title length", maxPosition)
		if err != nil {
			return err
		}
		ix.titleLen[i] = int32(v)
	}
	if r.remaining() < n {
		return r.fail("missing text lengths")
	}
	ix.textLen = r.buf[r.off : r.off+n]
	r.off += n
	ix.recLen = make([]uint32, n)
	for i := range ix.recLen {
		v, err := r.small("record size", maxRawFile)
		if err != nil {
			return err
		}
		if v < 8 {
			return r.fail("record size too small")
		}
		ix.recLen[i] = uint32(v)
	}
	np, err := r.count("pack count", 2)
	if err != nil {
		return err
	}
	ix.packs = make([]packRef, np)
	for i := range ix.packs {
		name, err := r.str("pack name")
		if err != nil {
			return err
		}
		first, err := r.small("pack start", uint64(n))
		if err != nil {
			return err
		}
		if (i == 0 && first != 0) || (i > 0 && int32(first) <= ix.packs[i-1].first) {
			return r.fail("packs out of order")
		}
		ix.packs[i] = packRef{name, int32(first)}
	}
	if n > 0 && np == 0 {
		return r.fail("documents without packs")
	}
	ix.recOff = make([]uint32, n)
	p := 0
	off := uint64(headerSize)
	for i := 0; i < n; i++ {
		if p+1 < np && int32(i) == ix.packs[p+1].first {
			p++
			off = headerSize
		}
		if off > maxRawFile {
			return r.fail("pack too large")
		}
		ix.recOff[i] = uint32(off)
		off += uint64(ix.recLen[i])
	}
	for d := range ix.dirs {
		if ix.dirs[d], err = readDir(r); err != nil {
			return err
		}
	}
	if ix.entFile, err = r.str("entity table name"); err != nil {
		return err
	}
	if ix.vocabFile, err = r.str("vocabulary name"); err != nil {
		return err
	}
	ng, err := r.count("ID group count", 1)
	if err != nil {
		return err
	}
	if ng == 0 {
		return r.fail("no ID groups")
	}
	ix.idFiles = make([]string, ng)
	for i := range ix.idFiles {
		if ix.idFiles[i], err = r.str("ID group name"); err != nil {
			return err
		}
	}
	nf, err := r.count("file count", 2)
	if err != nil {
		return err
	}
	ix.files = make([]FileInfo, nf)
	for i := range ix.files {
		name, err := r.str("file name")
		if err != nil {
			return err
		}
		size, err := r.small("file size", 1<<40)
		if err != nil {
			return err
		}
		ix.files[i] = FileInfo{name, int64(size)}
	}
	return r.end()
}

// Root is the name of the bundle's root file.
func (ix *Index) Root() string { return ix.root }

// Files lists every file of the bundle but the root, with its size: what
// keeping the corpus offline downloads.
func (ix *Index) Files() []FileInfo { return ix.files }

// NumDocs is the number of documents.
func (ix *Index) NumDocs() int { return ix.numDocs }

// Source is the source of document i ("" if unknown).
func (ix *Index) Source(i int) string { return ix.sources[ix.docSource[i]] }

// Sources lists the distinct sources.
func (ix *Index) Sources() []string { return ix.sources }

// SourceNum is the number of document i's source in Sources.
func (ix *Index) SourceNum(i int) int { return int(ix.docSource[i]) }

// Day is the first day of document i's date (see corpus.Date.FirstDay),
// NoDay if unknown.
// Documents are numbered by falling date: Day never increases with i.
func (ix *Index) Day(i int) corpus.Day { return corpus.Day(ix.docDay[i]) }

// Year is the year facet value of document i, "" if its date is unknown.
func (ix *Index) Year(i int) string {
	y := ix.YearNum(i)
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// YearNum is the year of document i's date, 0 if it is unknown.
func (ix *Index) YearNum(i int) int { return int(ix.docYear[i]) }

// DocLen is the number of indexed terms of document i in field f (for the
// text, to within a few percent).
func (ix *Index) DocLen(f Field, i int) int {
	if f == Title {
		return int(ix.titleLen[i])
	}
	return int(dequantizeLen(ix.textLen[i]))
}

// AvgDocLen is the mean DocLen of field f over all documents (0 if empty).
func (ix *Index) AvgDocLen(f Field) float64 { return ix.avgLen[f] }

// chunkFor returns the chunk that holds key in a family, fetching it if
// need be; nil if no chunk can hold it.
func (ix *Index) chunkFor(fam family, key string) (*chunk, error) {
	dir := ix.dirs[fam]
	i := sort.Search(len(dir), func(i int) bool { return dir[i].First > key }) - 1
	if i < 0 {
		return nil, nil
	}
	return ix.loadChunk(fam, dir[i])
}

// cacheKey names a chunk in the cache: its file and where it starts.
func (ref chunkRef) cacheKey() string { return ref.File + "@" + strconv.FormatInt(ref.Off, 10) }

// cached returns a chunk from the cache, marking it used.
func (ix *Index) cached(ref chunkRef) *chunk {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	c, ok := ix.chunks[ref.cacheKey()]
	if !ok {
		return nil
	}
	ix.tick++
	c.used = ix.tick
	return c
}

func (ix *Index) loadChunk(fam family, ref chunkRef) (*chunk, error) {
	if c := ix.cached(ref); c != nil {
		return c, nil
	}
	if err := ix.loadChunks(fam, []chunkRef{ref}); err != nil {
		return nil, err
	}
	if c := ix.cached(ref); c != nil {
		return c, nil
	}
	// Evicted at once: only if the chunk alone outgrows the cache.
	return ix.fetchChunks(fam, []chunkRef{ref})
}

// loadChunks brings the chunks into the cache. Chunks that follow each other
// in a file are fetched with one range request; the runs are fetched in
// parallel.
func (ix *Index) loadChunks(fam family, refs []chunkRef) error {
	var missing []chunkRef
	for _, ref := range refs {
		if ix.cached(ref) == nil {
			missing = append(missing, ref)
		}
	}
	sort.Slice(missing, func(i, j int) bool {
		if missing[i].File != missing[j].File {
			return missing[i].File < missing[j].File
		}
		return missing[i].Off < missing[j].Off
	})
	var runs [][]chunkRef
	for i, ref := range missing {
		if i > 0 && ref == missing[i-1] {
			continue
		}
		if n := len(runs); n > 0 {
			last := runs[n-1][len(runs[n-1])-1]
			if last.File == ref.File && last.Off+last.Len == ref.Off {
				runs[n-1] = append(runs[n-1], ref)
				continue
			}
		}
		runs = append(runs, []chunkRef{ref})
	}
	return ix.loadAll(len(runs), func(i int) error {
		_, err := ix.fetchChunks(fam, runs[i])
		return err
	})
}

// fetchChunks fetches consecutive chunks of one file in one request, checks
// and decodes them, and caches them; it returns the last.
func (ix *Index) fetchChunks(fam family, run []chunkRef) (*chunk, error) {
	kind := fam.kind()
	first, last := run[0], run[len(run)-1]
	length := last.Off + last.Len - first.Off
	data, err := ix.fetch.Fetch(first.File, first.Off, length)
	if err != nil {
		return nil, fetchError(first.File, err)
	}
	if int64(len(data)) != length {
		return nil, &FileError{first.File, ErrTruncated, "truncated at byte " + strconv.FormatInt(first.Off+int64(len(data)), 10) +
			": " + strconv.Itoa(len(data)) + " of the " + strconv.FormatInt(length, 10) + " bytes asked from byte " + strconv.FormatInt(first.Off, 10)}
	}
	var c *chunk
	for _, ref := range run {
		piece := data[ref.Off-first.Off : ref.Off-first.Off+ref.Len]
		raw, err := unseal(ref.File, kind, piece)
		if err == nil {
			c, err = parseChunk(ref.File, kind, raw)
		}
		if err != nil {
			var fe *FileError
			if errors.As(err, &fe) {
				fe.Msg += " (chunk at byte " + strconv.FormatInt(ref.Off, 10) + ")"
			}
			return nil, err
		}
		c.name = ref.cacheKey()
		ix.mu.Lock()
		ix.tick++
		c.used = ix.tick
		if old := ix.chunks[c.name]; old != nil {
			old.evict()
		}
		c.cached = &ix.cacheBytes
		ix.cacheBytes.Add(int64(c.bytes()))
		ix.chunks[c.name] = c
		ix.evict()
		ix.mu.Unlock()
	}
	return c, nil
}

// evict drops the least recently used chunks beyond the cache budget. Called
// with ix.mu held.
func (ix *Index) evict() {
	for ix.cacheBytes.Load() > ix.cacheBudget && len(ix.chunks) > 1 {
		var oldest *chunk
		for _, c := range ix.chunks {
			if oldest == nil || c.used < oldest.used {
				oldest = c
			}
		}
		delete(ix.chunks, oldest.name)
		oldest.evict()
	}
}

// trim applies the cache budget after entries were decoded. Every read of
// postings calls it: within the budget it costs one atomic load.
func (ix *Index) trim() {
	if ix.cacheBytes.Load() <= ix.cacheBudget {
		return
	}
	ix.mu.Lock()
	ix.evict()
	ix.mu.Unlock()
}

// Need is a key a query is about to read, and whether it needs positions.
type Need struct {
	Key       Key
	Positions bool
	// WithoutForms: the positions without their forms (a phrase's word,
	// PositionsWithoutForms).
	WithoutForms bool
}

// Prefetch fetches, in parallel, the chunks that the needed keys live in, so
// that a query waits for one round trip rather than one per key.
func (ix *Index) Prefetch(needs []Need) error {
	var refs [numFamilies][]chunkRef
	for _, n := range needs {
		fams := []family{termFamily}
		if n.Positions || n.Key.IsStop() {
			fams = append(fams, positionFamily)
		}
		if n.Positions && !n.WithoutForms && !n.Key.IsStop() {
			fams = append(fams, formFamily)
		}
		if n.Key.IsStop() {
			fams = fams[1:]
		}
		for _, fam := range fams {
			dir := ix.dirs[fam]
			i := sort.Search(len(dir), func(i int) bool { return dir[i].First > string(n.Key) }) - 1
			if i >= 0 {
				refs[fam] = append(refs[fam], dir[i])
			}
		}
	}
	return ix.loadAll(len(refs), func(i int) error { return ix.loadChunks(family(i), refs[i]) })
}

// loadAll runs n loads concurrently and returns the first error.
func (ix *Index) loadAll(n int, load func(i int) error) error {
	if n == 1 {
		return load(0)
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = load(i)
		}()
	}
	wg.Wait()
	// Records of one damaged pack fail alike: say it once.
	seen := map[string]bool{}
	var distinct []error
	for _, err := range errs {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			distinct = append(distinct, err)
		}
	}
	return errors.Join(distinct...)
}

// Postings returns the documents of a key in a field with the number of
// occurrences in each, ordered by document; empty if the key does not occur.
// Stop keys have no document postings: theirs come from their positions.
func (ix *Index) Postings(f Field, key Key) (DocPostings, error) {
	if key.IsStop() {
		ps, err := ix.Positions(f, key)
		if err != nil {
			return DocPostings{}, err
		}
		out := DocPostings{Docs: make([]int32, len(ps)), TFs: make([]int32, len(ps))}
		for i, p := range ps {
			out.Docs[i], out.TFs[i] = p.Doc, p.TF
		}
		return out, nil
	}
	e, err := ix.term(key)
	if e == nil || err != nil {
		return DocPostings{}, err
	}
	ix.trim()
	return e.postings[f], nil
}

// DocFreq returns how many postings a key has in both fields together, the
// sum of its Postings' lengths, without decoding the postings of its text.
func (ix *Index) DocFreq(key Key) (int, error) {
	if key.IsStop() {
		df := 0
		for f := Field(0); f < NumFields; f++ {
			ps, err := ix.Postings(f, key)
			if err != nil {
				return 0, err
			}
			df += ps.Len()
		}
		return df, nil
	}
	c, err := ix.chunkFor(termFamily, string(key))
	if c == nil || err != nil {
		return 0, err
	}
	return c.docFreq(string(key), ix.numDocs)
}

// Positions returns the postings of a key in a field with their positions and
// forms.
func (ix *Index) Positions(f Field, key Key) ([]Posting, error) {
	ps, e, err := ix.positions(key)
	if ps == nil || err != nil {
		return nil, err
	}
	if key.IsStop() {
		ix.trim()
		return ps[f], nil // a stop key is its only form
	}
	var forms *[NumFields][]uint16
	if len(e.forms) > 1 {
		fc, err := ix.chunkFor(formFamily, string(key))
		if err != nil {
			return nil, err
		}
		if fc != nil {
			counts := [NumFields]int{}
			for g := range counts {
				for _, tf := range e.postings[g].TFs {
					counts[g] += int(tf)
				}
			}
			if forms, err = fc.formsOf(string(key), counts); err != nil {
				return nil, err
			}
		}
	}
	out := make([]Posting, len(ps[f]))
	at := 0
	var zeros []uint16
	for i, p := range ps[f] {
		if forms != nil {
			p.Forms = forms[f][at : at+len(p.Positions) : at+len(p.Positions)]
			at += len(p.Positions)
		} else {
			if len(zeros) < len(p.Positions) {
				zeros = make([]uint16, max(len(p.Positions), 64))
			}
			p.Forms = zeros[:len(p.Positions):len(p.Positions)]
		}
		out[i] = p
	}
	ix.trim()
	return out, nil
}

// PositionsWithoutForms is Positions without the form of each position
// (Posting.Forms nil), which a phrase does not need: it reads no form
// chunk.
func (ix *Index) PositionsWithoutForms(f Field, key Key) ([]Posting, error) {
	ps, _, err := ix.positions(key)
	if ps == nil || err != nil {
		return nil, err
	}
	ix.trim()
	return ps[f], nil
}

// positions decodes a key's positions in both fields, with the term entry
// they belong to (nil for a stop key); nil when the key has none.
func (ix *Index) positions(key Key) (*[NumFields][]Posting, *termEntry, error) {
	var docs *[NumFields]DocPostings
	var e *termEntry
	if !key.IsStop() {
		var err error
		if e, err = ix.term(key); e == nil || err != nil {
			return nil, nil, err
		}
		docs = &e.postings
	}
	c, err := ix.chunkFor(positionFamily, string(key))
	if c == nil || err != nil {
		return nil, nil, err
	}
	ps, err := c.positions(string(key), ix.numDocs, docs)
	return ps, e, err
}

// Forms returns the forms of a term key with their counts over the whole
// corpus, in index order; nil for stop keys and unknown keys. Read only.
func (ix *Index) Forms(key Key) ([]Form, error) {
	if key.IsStop() {
		return nil, nil
	}
	e, err := ix.term(key)
	if e == nil || err != nil {
		return nil, err
	}
	return e.forms, nil
}

// term is the entry of a key in its term chunk, nil when the bundle has
// none.
func (ix *Index) term(key Key) (*termEntry, error) {
	c, err := ix.chunkFor(termFamily, string(key))
	if c == nil || err != nil {
		return nil, err
	}
	return c.term(string(key), ix.numDocs)
}

// TermChunk tells which term chunk holds a key, if any chunk can: a name
// that tells chunks apart and the chunk's size as fetched (compressed),
// what reading the key costs when the chunk is not cached yet.
func (ix *Index) TermChunk(key Key) (name string, size int64) {
	dir := ix.dirs[termFamily]
	i := sort.Search(len(dir), func(i int) bool { return dir[i].First > string(key) }) - 1
	if i < 0 {
		return "", 0
	}
	return dir[i].cacheKey(), dir[i].Len
}

// Phrase is what a bundle holds of an indexed phrase (Options.Phrases).
type Phrase struct {
	// Postings are the documents that hold the phrase in each field, with
	// how many times; as those of a search matching it by positions.
	Postings [NumFields]DocPostings
	// Norms are, for each word of the phrase, the forms (Token.Norm) it
	// takes inside the phrase anywhere in the corpus; nil for a stop word.
	Norms [][]string
}

// Phrase returns the entry of a phrase key (PhraseKey), nil when the bundle
// did not index that phrase: its words' positions then tell where it
// occurs. An indexed phrase that occurs nowhere has an entry without
// postings. Shared with the index: read only.
func (ix *Index) Phrase(key Key) (*Phrase, error) {
	if !key.IsPhrase() {
		return nil, nil
	}
	e, err := ix.term(key)
	if e == nil || err != nil {
		return nil, err
	}
	ix.trim()
	return &Phrase{Postings: e.postings, Norms: e.norms}, nil
}

// maxRangeChunks bounds the chunks one key range may fetch: 512 KiB of term
// postings with the default 8 KiB chunks; maxRangeBytes bounds their bytes
// as fetched (compressed). The bytes are the tighter bound where the keys
// are common words, each a chunk of its own of up to tens of kilobytes:
// 64 such chunks would be over a megabyte. On news-70k the broadest prefix
// of the benchmark queries (الإي*) reads 95 KB of term chunks.
const maxRangeChunks = 64

var maxRangeBytes int64 = 128 << 10 // a variable for tests

// ErrTooBroad is returned by KeysWithPrefix when a prefix spans too much of
// the index to search on one keystroke.
var ErrTooBroad = errors.New("prefix too broad")

// KeysWithPrefix returns the term keys starting with prefix, in order. A
// prefix whose keys span more than a few chunks, or more than
// maxRangeBytes of them, is refused with ErrTooBroad (whatever the cache
// holds: a query finds the same every time).
func (ix *Index) KeysWithPrefix(prefix string) ([]Key, error) {
	dir := ix.dirs[termFamily]
	lo := sort.Search(len(dir), func(i int) bool { return dir[i].First > prefix }) - 1
	lo = max(lo, 0)
	hi := lo
	var size int64
	for hi < len(dir) && (hi == lo || strings.HasPrefix(dir[hi].First, prefix) || dir[hi].First < prefix) {
		size += dir[hi].Len
		hi++
	}
	if hi-lo > maxRangeChunks || size > maxRangeBytes {
		return nil, ErrTooBroad
	}
	var out []Key
	if err := ix.loadChunks(termFamily, dir[lo:hi]); err != nil {
		return nil, err
	}
	for i := lo; i < hi; i++ {
		c, err := ix.loadChunk(termFamily, dir[i])
		if err != nil {
			return nil, err
		}
		j := sort.SearchStrings(c.keys, prefix)
		for ; j < len(c.keys) && strings.HasPrefix(c.keys[j], prefix); j++ {
			if !Key(c.keys[j]).IsPhrase() {
				out = append(out, Key(c.keys[j]))
			}
		}
	}
	return out, nil
}

// Doc returns document i, fetching its record if need be.
func (ix *Index) Doc(i int) (corpus.Document, error) {
	docs, err := ix.Docs([]int32{int32(i)})
	if err != nil {
		return corpus.Document{}, err
	}
	return docs[0], nil
}

// Docs returns several documents, fetching the missing records together
// (see DocsEach).
func (ix *Index) Docs(nums []int32) ([]corpus.Document, error) {
	out := make([]corpus.Document, len(nums))
	err := ix.DocsEach(nums, func(k int, d corpus.Document) error {
		out[k] = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DocsEach reads several documents, fetching the missing records together
// (in parallel), and decodes them one at a time, in order, each just
// before fn gets it: a caller that shares its thread (Go in the browser)
// can pause between two, where Docs decodes a hundred articles in one go.
// A fetch that fails stops it before fn is called at all.
func (ix *Index) DocsEach(nums []int32, fn func(k int, doc corpus.Document) error) error {
	cached := make([]*corpus.Document, len(nums))
	var missing []int
	ix.mu.Lock()
	for k, n := range nums {
		if n < 0 || int(n) >= ix.numDocs {
			ix.mu.Unlock()
			return errors.New("index: no document number " + strconv.Itoa(int(n)))
		}
		if d, ok := ix.docs[n]; ok {
			cached[k] = d
		} else {
			missing = append(missing, k)
		}
	}
	ix.mu.Unlock()
	records := make([][]byte, len(nums))
	err := ix.loadAll(len(missing), func(m int) error {
		k := missing[m]
		data, err := ix.fetchRecord(nums[k])
		records[k] = data
		return err
	})
	if err != nil {
		return err
	}
	for k, n := range nums {
		d := cached[k]
		if d == nil {
			if d, err = ix.decodeDoc(n, records[k]); err != nil {
				return err
			}
			records[k] = nil
		}
		if err := fn(k, *d); err != nil {
			return err
		}
	}
	return nil
}

func (ix *Index) packOf(n int32) packRef {
	p := sort.Search(len(ix.packs), func(i int) bool { return ix.packs[i].first > n }) - 1
	return ix.packs[p]
}

func (ix *Index) fetchDoc(n int32) (*corpus.Document, error) {
	data, err := ix.fetchRecord(n)
	if err != nil {
		return nil, err
	}
	return ix.decodeDoc(n, data)
}

// fetchRecord reads the record of document n, still compressed.
func (ix *Index) fetchRecord(n int32) ([]byte, error) {
	pack := ix.packOf(n)
	data, err := ix.fetch.Fetch(pack.file, int64(ix.recOff[n]), int64(ix.recLen[n]))
	if err != nil {
		return nil, fetchError(pack.file, err)
	}
	if len(data) != int(ix.recLen[n]) {
		return nil, &FileError{pack.file, ErrTruncated, "truncated at byte " + strconv.Itoa(int(ix.recOff[n])+len(data)) +
			": article " + strconv.Itoa(int(n)) + "'s record is " + strconv.Itoa(int(ix.recLen[n])) + " bytes from byte " + strconv.Itoa(int(ix.recOff[n]))}
	}
	return data, nil
}

// decodeDoc decodes the record of document n and keeps it in the cache.
func (ix *Index) decodeDoc(n int32, data []byte) (*corpus.Document, error) {
	d, err := decodeRecord(ix.packOf(n).file, n, ix.recOff[n], data)
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	if len(ix.docs) >= maxCachedDocs {
		for k := range ix.docs {
			delete(ix.docs, k)
			if len(ix.docs) < maxCachedDocs/2 {
				break
			}
		}
	}
	ix.docs[n] = d
	ix.mu.Unlock()
	return d, nil
}

func decodeRecord(file string, n int32, off uint32, data []byte) (*corpus.Document, error) {
	fail := func(msg string) error {
		return &FileError{file, ErrCorrupt, "corrupt: " + msg + " in article " + strconv.Itoa(int(n)) + " (its record at byte " + strconv.Itoa(int(off)) + ")"}
	}
	if len(data) < 8 {
		return nil, fail("truncated")
	}
	z := data[8:]
	if crc32.Checksum(z, castagnoli) != binary.LittleEndian.Uint32(data) {
		return nil, fail("checksum mismatch")
	}
	rawLen := binary.LittleEndian.Uint32(data[4:])
	if rawLen > maxRawFile {
		return nil, fail("announces too many bytes")
	}
	raw, err := inflate(z, int(rawLen))
	if err != nil {
		return nil, fail(err.Error())
	}
	r := &reader{name: file, buf: raw}
	var d corpus.Document
	for _, s := range []*string{&d.ID, &d.Title, &d.Date, &d.Source, &d.Author, &d.Dateline, &d.Category, &d.Text} {
		if *s, err = r.str("document field"); err != nil {
			return nil, err
		}
	}
	flags, err := r.uvarint("flags")
	if err != nil {
		return nil, err
	}
	d.DateInferred = flags&flagDateInferred != 0
	ne, err := r.count("entity count", 3)
	if err != nil {
		return nil, err
	}
	if ne > 0 {
		d.Entities = make([]corpus.Entity, ne)
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		typ, err := r.str("entity type")
		if err != nil {
			return nil, err
		}
		e.Type = corpus.EntityType(typ)
		if e.Name, err = r.str("entity name"); err != nil {
			return nil, err
		}
		c, err := r.small("entity count", maxPosition)
		if err != nil {
			return nil, err
		}
		e.Count = int(c)
	}
	if flags&flagURL != 0 {
		if d.URL, err = r.str("document address"); err != nil {
			return nil, err
		}
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	return &d, nil
}

// DocNum returns the number of the document with the given ID, fetching the
// ID's group file if need be.
func (ix *Index) DocNum(id string) (int, bool, error) {
	g := idGroup(id, len(ix.idFiles))
	if err := ix.loadIDGroup(g); err != nil {
		return 0, false, err
	}
	ix.mu.Lock()
	m := ix.idGroups[g]
	ix.mu.Unlock()
	num, ok := m[id]
	return int(num), ok, nil
}

func (ix *Index) loadIDGroup(g int) error {
	ix.mu.Lock()
	_, ok := ix.idGroups[g]
	ix.mu.Unlock()
	if ok {
		return nil
	}
	name := ix.idFiles[g]
	raw, err := fetchSealed(ix.fetch, name, kindIDs)
	if err != nil {
		return err
	}
	r := &reader{name: name, buf: raw}
	n, err := r.count("ID count", 2)
	if err != nil {
		return err
	}
	m := make(map[string]int32, n)
	for i := 0; i < n; i++ {
		s, err := r.str("ID")
		if err != nil {
			return err
		}
		num, err := r.small("document number", uint64(max(ix.numDocs-1, 0)))
		if err != nil {
			return err
		}
		m[s] = int32(num)
	}
	if err := r.end(); err != nil {
		return err
	}
	ix.mu.Lock()
	ix.idGroups[g] = m
	ix.mu.Unlock()
	return nil
}

// VocabEntry is a term of the vocabulary and the number of documents it
// occurs in.
type VocabEntry struct {
	Key string
	DF  int
}

// Vocab returns the terms that occur in at least Options.MinVocabDocs
// documents, sorted, fetching the vocabulary file on first use.
func (ix *Index) Vocab() ([]VocabEntry, error) {
	ix.mu.Lock()
	v := ix.vocab
	ix.mu.Unlock()
	if v != nil {
		return v, nil
	}
	raw, err := fetchSealed(ix.fetch, ix.vocabFile, kindVocab)
	if err != nil {
		return nil, err
	}
	r := &reader{name: ix.vocabFile, buf: raw}
	n, err := r.count("vocabulary size", 3)
	if err != nil {
		return nil, err
	}
	v = make([]VocabEntry, n)
	prev := ""
	for i := range v {
		key, err := r.frontCoded(prev, i == 0, "key")
		if err != nil {
			return nil, err
		}
		df, err := r.small("document frequency", uint64(ix.numDocs))
		if err != nil {
			return nil, err
		}
		prev = key
		v[i] = VocabEntry{key, int(df)}
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	ix.mu.Lock()
	ix.vocab = v
	ix.mu.Unlock()
	return v, nil
}

// Entities is the entity table of a bundle: every entity the articles
// mention, most widespread first, and which ones each article mentions.
type Entities struct {
	Names  []string
	Types  []corpus.EntityType
	DF     []int
	byName map[string]int32
	// The entities of document d are ids[start[d]:start[d+1]]: one array
	// for the corpus, which the entity facet reads for every hit.
	start []uint32
	ids   []int32
}

// Num returns the number of the entity with this canonical name.
func (e *Entities) Num(name string) (int32, bool) {
	n, ok := e.byName[name]
	return n, ok
}

// Of returns the numbers of the entities document i mentions, ascending.
func (e *Entities) Of(i int) []int32 { return e.ids[e.start[i]:e.start[i+1]:e.start[i+1]] }

// Entities returns the entity table, fetching it on first use.
func (ix *Index) Entities() (*Entities, error) {
	ix.mu.Lock()
	ents := ix.ents
	ix.mu.Unlock()
	if ents != nil {
		return ents, nil
	}
	name := ix.entFile
	raw, err := fetchSealed(ix.fetch, name, kindEntities)
	if err != nil {
		return nil, err
	}
	r := &reader{name: name, buf: raw}
	n, err := r.count("entity count", 3)
	if err != nil {
		return nil, err
	}
	ents = &Entities{Names: make([]string, n), Types: make([]corpus.EntityType, n), DF: make([]int, n), byName: make(map[string]int32, n)}
	for i := 0; i < n; i++ {
		if i%1024 == 1023 {
			ix.Pause()
		}
		typ, err := r.str("entity type")
		if err != nil {
			return nil, err
		}
		ents.Types[i] = corpus.EntityType(typ)
		if ents.Names[i], err = r.str("entity name"); err != nil {
			return nil, err
		}
		df, err := r.small("entity frequency", uint64(ix.numDocs))
		if err != nil {
			return nil, err
		}
		ents.DF[i] = int(df)
		ents.byName[ents.Names[i]] = int32(i)
	}
	if r.remaining() < ix.numDocs {
		return nil, r.fail("missing document entities")
	}
	ents.start = make([]uint32, ix.numDocs+1)
	for d := 0; d < ix.numDocs; d++ {
		if d%4096 == 4095 {
			ix.Pause()
		}
		k, err := r.count("document entity count", 1)
		if err != nil {
			return nil, err
		}
		prev := int64(-1)
		for range k {
			delta, err := r.small("entity number", uint64(n))
			if err != nil {
				return nil, err
			}
			prev += int64(delta)
			if delta == 0 || prev >= int64(n) {
				return nil, r.fail("entity number out of range")
			}
			ents.ids = append(ents.ids, int32(prev))
		}
		ents.start[d+1] = uint32(len(ents.ids))
	}
	if err := r.end(); err != nil {
		return nil, err
	}
	ix.mu.Lock()
	ix.ents = ents
	ix.mu.Unlock()
	return ents, nil
}

// Verify reads and checks every file of the bundle: every chunk entry, every
// document record, the ID groups, the vocabulary and the entity table. It
// returns an error naming each damaged file.
func (ix *Index) Verify() error {
	var errs []error
	for i, dir := range ix.dirs {
		fam := family(i)
		for _, ref := range dir {
			c, err := ix.loadChunk(fam, ref)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, key := range c.keys {
				if fam == termFamily {
					_, err = c.term(key, ix.numDocs)
				} else {
					_, err = ix.Positions(Title, Key(key))
				}
				if err != nil {
					errs = append(errs, err)
					break
				}
			}
		}
	}
	bad := map[string]bool{}
	for i := 0; i < ix.numDocs; i++ {
		p := ix.packOf(int32(i))
		if bad[p.file] {
			continue
		}
		if _, err := ix.fetchDoc(int32(i)); err != nil {
			bad[p.file] = true
			errs = append(errs, err)
		}
	}
	for g := range ix.idFiles {
		if err := ix.loadIDGroup(g); err != nil {
			errs = append(errs, err)
		}
	}
	if _, err := ix.Vocab(); err != nil {
		errs = append(errs, err)
	}
	if _, err := ix.Entities(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// readDir reads a chunk directory written by writeDir.
func readDir(r *reader) ([]chunkRef, error) {
	nf, err := r.count("chunk file count", 1)
	if err != nil {
		return nil, err
	}
	files := make([]string, nf)
	for i := range files {
		if files[i], err = r.str("chunk file name"); err != nil {
			return nil, err
		}
	}
	nc, err := r.count("chunk count", 4)
	if err != nil {
		return nil, err
	}
	if nf > 0 && nc == 0 {
		return nil, r.fail("chunk files without chunks")
	}
	dir := make([]chunkRef, nc)
	prev := ""
	file, off := 0, int64(0)
	for i := range dir {
		first, err := r.frontCoded(prev, i == 0, "chunk key")
		if err != nil {
			return nil, err
		}
		next, err := r.small("chunk file step", 1)
		if err != nil {
			return nil, err
		}
		if i > 0 && next == 1 {
			file, off = file+1, 0
		}
		if file >= nf {
			return nil, r.fail("chunk beyond the listed files")
		}
		length, err := r.small("chunk length", maxRawFile)
		if err != nil {
			return nil, err
		}
		if length < headerSize {
			return nil, r.fail("chunk shorter than its header")
		}
		dir[i] = chunkRef{First: first, File: files[file], Off: off, Len: int64(length)}
		off += int64(length)
		prev = first
	}
	if nc > 0 && file != nf-1 {
		return nil, r.fail("chunk files without chunks")
	}
	return dir, nil
}
