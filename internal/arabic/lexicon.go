package arabic

import (
	_ "embed"
	"encoding/binary"
)

// The lexicon answers one question for the stemmer: is this a word (or the
// stem of a word) of Arabic news text? A one-letter proclitic ب ك س is only
// stripped when what remains is known, so loanwords and names whose first
// letter merely looks like a proclitic stay whole (بانثرز، باتريوتس،
// كاليفورنيا، سيمبسون) while بتويتر and ستكون still lose it.
//
// It is a Bloom filter over normalized words as written, built by
// TestGenerateLexicon from the Apache-2.0 ANT corpus articles of
// ../shared/corpora/news-70k.jsonl.gz (words seen at least lexiconMinCount
// times). A Bloom filter stores no words, only bits, so it costs a fixed
// size whatever their length, and a false "known" only means a proclitic is
// stripped as it was before the lexicon existed.

//go:embed lexicon.bin
var lexiconBin []byte

// lexiconMagic starts lexicon.bin; the header then holds the number of
// hash functions and the number of bits (both uint32, little endian).
const lexiconMagic = "MLEX1"

type bloom struct {
	bits []byte
	m    uint64 // number of bits
	k    uint32 // hash functions
}

// lexicon is nil when lexicon.bin is empty or malformed (then every
// remainder counts as known: the stemmer behaves as without a lexicon).
var lexicon = decodeBloom(lexiconBin)

func decodeBloom(b []byte) *bloom {
	const header = len(lexiconMagic) + 8
	if len(b) < header || string(b[:len(lexiconMagic)]) != lexiconMagic {
		return nil
	}
	k := binary.LittleEndian.Uint32(b[len(lexiconMagic):])
	m := uint64(binary.LittleEndian.Uint32(b[len(lexiconMagic)+4:]))
	bits := b[header:]
	if k == 0 || k > 32 || m == 0 || uint64(len(bits))*8 < m {
		return nil
	}
	return &bloom{bits: bits, m: m, k: k}
}

// positions yields the k bit positions of word (double hashing of a 64-bit
// FNV-1a: h1 + i·h2, as in Kirsch and Mitzenmacher). The hash is written
// out so a lookup allocates nothing: the stemmer asks it per word.
func (f *bloom) positions(word string, visit func(uint64) bool) bool {
	return f.positionsOf(fnv64(word), visit)
}

// fnv64 is the 64-bit FNV-1a hash of a word, as a string or as bytes.
func fnv64[T string | []byte](word T) uint64 {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	sum := uint64(offset64)
	for i := 0; i < len(word); i++ {
		sum ^= uint64(word[i])
		sum *= prime64
	}
	return sum
}

func (f *bloom) positionsOf(sum uint64, visit func(uint64) bool) bool {
	h1, h2 := sum&0xFFFFFFFF, sum>>32|1
	for i := uint64(0); i < uint64(f.k); i++ {
		if !visit((h1 + i*h2) % f.m) {
			return false
		}
	}
	return true
}

func (f *bloom) has(word string) bool {
	return f.positions(word, func(p uint64) bool { return f.bits[p/8]&(1<<(p%8)) != 0 })
}

func (f *bloom) add(word string) {
	f.positions(word, func(p uint64) bool { f.bits[p/8] |= 1 << (p % 8); return true })
}

// knownWord reports whether a normalized word or stem is in the lexicon;
// without a lexicon every word is known.
func knownWord(s string) bool {
	return lexicon == nil || lexicon.has(s)
}

// knownBytes is knownWord for a word being built, so that asking about a
// candidate the lexicon does not know allocates nothing.
func knownBytes(b []byte) bool {
	if lexicon == nil {
		return true
	}
	f := lexicon
	return f.positionsOf(fnv64(b), func(p uint64) bool { return f.bits[p/8]&(1<<(p%8)) != 0 })
}

// knownRest reports whether rest, what remains of a word after a one-letter
// proclitic, is a word of the language: as written, behind the article, or
// without its suffixes (تغريداتهم → تغريدات).
func knownRest(rest string) bool {
	if knownWord(rest) || knownWord(articleAl+rest) {
		return true
	}
	bare := stripSuffixes(rest)
	return bare != rest && (knownWord(bare) || knownWord(articleAl+bare))
}
