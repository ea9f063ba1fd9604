package ingest

import (
	"crypto/sha256"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Near-duplicates are found with MinHash over word 5-grams, in its
// one-permutation form (each shingle hashed once, into one of sigBins bins,
// keeping the bin's minimum; empty bins borrow from the next full one), and
// LSH banding: two articles become candidates when all sigRows values of
// one of the sigBands bands agree. With 16 bands of 8 rows the chance that
// a pair is a candidate is 1-(1-J⁸)¹⁶: 0.99998 at J=0.9, 0.96 at J=0.8,
// 0.06 at J=0.5, so only similar pairs are ever compared and 70k articles
// cost about as much as reading them. Each candidate pair is then measured
// exactly (the Jaccard of the two shingle sets), so the threshold is
// NearThreshold itself, not an estimate of it.
const (
	shingleWords = 5
	sigBins      = 128
	sigBands     = 16
	sigRows      = sigBins / sigBands
	// candidateFloor: candidates whose signatures agree on less than this
	// share are not measured exactly; MinHash's estimate at 128 bins has a
	// standard deviation under 0.045, so 0.15 below the threshold loses
	// nothing that matters.
	candidateFloor = NearThreshold - 0.15
)

// fingerprint is what dedup needs of a text, computed by the workers.
type fingerprint struct {
	sum  [16]byte // of the normalised text: equal sums are exact duplicates
	sig  *[sigBins]uint32
	text string // kept to measure candidate pairs exactly
}

// fingerprintOf normalises text to its words (letters and digits, Arabic
// spelling variants and harakat folded, Latin lower-cased), hashes the word
// sequence for exact duplicates and MinHashes its 5-grams.
func fingerprintOf(text string) fingerprint {
	norm, words := normalizeWords(text)
	fp := fingerprint{text: text}
	h := sha256.Sum256(norm)
	copy(fp.sum[:], h[:16])
	if len(words) == 0 {
		return fp
	}
	var sig [sigBins]uint32
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	filled := false
	forShingles(words, func(s uint64) {
		bin := s >> (64 - 7) // sigBins = 2⁷
		if v := uint32(s); v < sig[bin] {
			sig[bin] = v
			filled = true
		}
	})
	if !filled {
		return fp
	}
	// Densify: an empty bin takes the next full bin's value, offset by the
	// distance so two texts agree on it only when they agree on the source.
	for i := range sig {
		if sig[i] != math.MaxUint32 {
			continue
		}
		for d := 1; d < sigBins; d++ {
			if v := sig[(i+d)%sigBins]; v != math.MaxUint32 {
				sig[i] = uint32(mix(uint64(v) + uint64(d)*0x9e3779b97f4a7c15))
				if sig[i] == math.MaxUint32 {
					sig[i]--
				}
				break
			}
		}
	}
	fp.sig = &sig
	return fp
}

// normalizeWords returns the text's words joined by single spaces (for the
// exact hash) and each word's hash.
func normalizeWords(text string) ([]byte, []uint64) {
	norm := make([]byte, 0, len(text))
	var words []uint64
	var h uint64
	inWord := false
	for _, r := range text {
		r = foldRune(r)
		if r < 0 {
			continue // harakat, tatweel: inside a word, not a break
		}
		if isWordRune(r) {
			if !inWord {
				if len(norm) > 0 {
					norm = append(norm, ' ')
				}
				h, inWord = fnvOffset, true
			}
			norm = utf8.AppendRune(norm, r)
			h = (h ^ uint64(r)) * fnvPrime
			continue
		}
		if inWord {
			words = append(words, h)
			inWord = false
		}
	}
	if inWord {
		words = append(words, h)
	}
	return norm, words
}

// isWordRune is unicode.IsLetter || unicode.IsDigit with the Arabic block
// and ASCII answered without table look-ups: this loop sees every
// character of the corpus.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x0621 <= r && r <= 0x064A, 0x0660 <= r && r <= 0x0669:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// foldRune maps spelling variants that do not make a different article to
// one letter; -1 drops the rune.
func foldRune(r rune) rune {
	switch {
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r == 'ـ' || (r >= 0x064B && r <= 0x0652) || r == 0x0670:
		return -1
	case r < utf8.RuneSelf:
		return unicode.ToLower(r)
	}
	return r
}

// forShingles calls f with the hash of every run of shingleWords words (or
// of the whole text when it is shorter).
func forShingles(words []uint64, f func(uint64)) {
	k := min(shingleWords, len(words))
	for i := 0; i+k <= len(words); i++ {
		var h uint64
		for _, w := range words[i : i+k] {
			h = mix(h ^ w)
		}
		f(h)
	}
}

// mix is splitmix64's finaliser: every input bit moves every output bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingleSet is the sorted, distinct shingle hashes of text.
func shingleSet(text string) []uint64 {
	_, words := normalizeWords(text)
	var set []uint64
	forShingles(words, func(s uint64) { set = append(set, s) })
	slices.Sort(set)
	return slices.Compact(set)
}

func jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// deduper remembers the articles seen so far (in input order) and tells
// whether the next one repeats one of them.
type deduper struct {
	// dropping: a duplicate is not remembered (it will be dropped), so a
	// later article is only ever reported against a kept one.
	dropping bool
	ids      []string
	fps      []fingerprint
	exact    map[[16]byte]int32
	bands    [sigBands]map[uint64][]int32
	shingles map[int32][]uint64 // measured candidates, cached
}

func newDeduper(dropping bool) *deduper {
	d := &deduper{dropping: dropping, exact: map[[16]byte]int32{}, shingles: map[int32][]uint64{}}
	for i := range d.bands {
		d.bands[i] = map[uint64][]int32{}
	}
	return d
}

// check reports whether the article repeats an earlier one: an exact
// duplicate of the first with the same words, else a near duplicate of the
// earliest one at or above NearThreshold.
func (d *deduper) check(id string, fp fingerprint) (Duplicate, bool) {
	if first, ok := d.exact[fp.sum]; ok {
		return Duplicate{ID: id, Of: d.ids[first], Kind: ExactDuplicate, Similarity: 1}, true
	}
	var keys [sigBands]uint64
	best, bestSim := int32(-1), 0.0
	if fp.sig != nil {
		var mine []uint64
		tried := map[int32]bool{}
		for b := range sigBands {
			keys[b] = bandKey(fp.sig[b*sigRows : (b+1)*sigRows])
			for _, c := range d.bands[b][keys[b]] {
				if tried[c] || (best >= 0 && c > best) {
					continue
				}
				tried[c] = true
				if agreement(fp.sig, d.fps[c].sig) < candidateFloor {
					continue
				}
				if mine == nil {
					mine = shingleSet(fp.text)
				}
				theirs, ok := d.shingles[c]
				if !ok {
					theirs = shingleSet(d.fps[c].text)
					d.shingles[c] = theirs
				}
				if j := jaccard(mine, theirs); j >= NearThreshold {
					best, bestSim = c, j
				}
			}
		}
	}
	var dup Duplicate
	if best >= 0 {
		dup = Duplicate{ID: id, Of: d.ids[best], Kind: NearDuplicate, Similarity: bestSim}
		if d.dropping {
			return dup, true
		}
	}
	n := int32(len(d.ids))
	d.ids = append(d.ids, id)
	d.fps = append(d.fps, fp)
	d.exact[fp.sum] = n
	if fp.sig != nil {
		for b := range sigBands {
			d.bands[b][keys[b]] = append(d.bands[b][keys[b]], n)
		}
	}
	return dup, best >= 0
}

func bandKey(rows []uint32) uint64 {
	var h uint64
	for _, v := range rows {
		h = mix(h ^ uint64(v))
	}
	return h
}

func agreement(a, b *[sigBins]uint32) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / sigBins
}
