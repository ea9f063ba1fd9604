package fuzzy

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Entry is a vocabulary key and its document frequency.
type Entry struct {
	Key   string
	Count int
}

// Match is a vocabulary key near a query key.
type Match struct {
	Key   string
	Cost  float64
	Count int
}

// Vocab is a set of keys searchable by distance. It is read-only once built
// and safe for concurrent use.
type Vocab struct {
	// Keys sorted by number of letters, then byte order; the keys of n
	// letters are keys[byLen[n]:byLen[n+1]].
	keys   []string
	counts []int
	masks  []uint64
	byLen  []int
}

// NewVocab builds a vocabulary. Empty keys are dropped and duplicate keys
// merged, their counts added.
func NewVocab(entries []Entry) *Vocab {
	type item struct {
		key   string
		count int
		n     int
		mask  uint64
	}
	items := make([]item, 0, len(entries))
	var buf []rune
	for _, e := range entries {
		if e.Key == "" {
			continue
		}
		buf = appendLetters(buf[:0], e.Key)
		items = append(items, item{e.Key, e.Count, len(buf), maskOf(buf)})
	}
	// Order by letters, then key. The index's vocabulary comes in key order
	// already: then a stable pass by length is enough, which in the browser
	// is a fifth of a sort's time on the first fuzzy query of a visit.
	if slices.IsSortedFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) }) {
		items = byLetters(items, func(it item) int { return it.n })
	} else {
		slices.SortFunc(items, func(a, b item) int {
			if a.n != b.n {
				return a.n - b.n
			}
			return strings.Compare(a.key, b.key)
		})
	}
	v := &Vocab{}
	maxLen := 0
	if len(items) > 0 {
		maxLen = items[len(items)-1].n
	}
	// byLen[n] is the index of the first key of n letters or more.
	v.byLen = make([]int, maxLen+2)
	n := 0
	for i, it := range items {
		if i > 0 && it.key == items[i-1].key {
			v.counts[len(v.counts)-1] += it.count
			continue
		}
		for ; n <= it.n; n++ {
			v.byLen[n] = len(v.keys)
		}
		v.keys = append(v.keys, it.key)
		v.counts = append(v.counts, it.count)
		v.masks = append(v.masks, it.mask)
	}
	for ; n < len(v.byLen); n++ {
		v.byLen[n] = len(v.keys)
	}
	return v
}

// Len returns the number of distinct keys.
func (v *Vocab) Len() int { return len(v.keys) }

// Count returns the count of a key, 0 if absent.
func (v *Vocab) Count(key string) int {
	var s [32]rune
	n := len(appendLetters(s[:0], key))
	if len(v.keys) == 0 || n+1 >= len(v.byLen) {
		return 0
	}
	lo, hi := v.byLen[n], v.byLen[n+1]
	i := lo + sort.SearchStrings(v.keys[lo:hi], key)
	if i < hi && v.keys[i] == key {
		return v.counts[i]
	}
	return 0
}

// Near returns up to limit keys within maxCost of key (see Distance),
// closest first, then most frequent, then in byte order. The key itself is
// left out. A limit below 1 returns nothing.
func (v *Vocab) Near(key string, maxCost float64, limit int) []Match {
	maxU := toUnits(maxCost)
	if limit < 1 || maxU < 0 {
		return nil
	}
	type scored struct {
		m Match
		u int32
	}
	var top []scored
	before := func(a, b scored) bool {
		if a.u != b.u {
			return a.u < b.u
		}
		if a.m.Count != b.m.Count {
			return a.m.Count > b.m.Count
		}
		return a.m.Key < b.m.Key
	}
	v.scan(key, maxU, func(i int, u int32) int32 {
		s := scored{Match{v.keys[i], float64(u) / unit, v.counts[i]}, u}
		at := sort.Search(len(top), func(k int) bool { return before(s, top[k]) })
		if at == limit {
			return top[limit-1].u
		}
		if len(top) < limit {
			top = append(top, scored{})
		}
		copy(top[at+1:], top[at:])
		top[at] = s
		if len(top) == limit {
			// Only keys as close as the last kept can still enter.
			return top[limit-1].u
		}
		return maxU
	})
	if len(top) == 0 {
		return nil
	}
	out := make([]Match, len(top))
	for i, s := range top {
		out[i] = s.m
	}
	return out
}

// freqWeight trades cost for frequency in Suggest: a key 20 times more
// frequent makes up for 0.2*ln(20) ≈ 0.6 of cost.
const freqWeight = 0.2

// Suggest returns the key to offer as "did you mean": among the keys more
// frequent than key itself (or any key, if key is not in the vocabulary),
// within a budget that grows with the word (1 up to 4 letters, 1.5 up to
// 7, 2 beyond), the one with the lowest cost minus 0.2·ln(Count). A key 20
// times more frequent thus wins at up to about 0.6 more cost. The key
// itself is never suggested.
func (v *Vocab) Suggest(key string) (Match, bool) {
	var s [32]rune
	budget := int32(20)
	switch n := len(appendLetters(s[:0], key)); {
	case n <= 4:
		budget = 10
	case n <= 7:
		budget = 15
	}
	own := v.Count(key)
	var best Match
	var bestScore float64
	found := false
	v.scan(key, budget, func(i int, u int32) int32 {
		c := v.counts[i]
		if c <= own {
			return budget
		}
		m := Match{v.keys[i], float64(u) / unit, c}
		score := m.Cost - freqWeight*math.Log(float64(c))
		if !found || score < bestScore ||
			score == bestScore && (m.Cost < best.Cost || m.Cost == best.Cost && m.Key < best.Key) {
			best, bestScore, found = m, score, true
		}
		return budget
	})
	return best, found
}

// scan calls visit with the index and cost of every key other than key
// within maxU, trying lengths nearest key's first. visit returns the budget
// for the rest of the scan, which may only shrink.
func (v *Vocab) scan(key string, maxU int32, visit func(i int, u int32) int32) {
	if len(v.keys) == 0 {
		return
	}
	var q, cand word
	q.set(key)
	qm := maskOf(q.r)
	n := len(q.r)
	maxLen := len(v.byLen) - 2
	buf := make([]int32, 3*(maxLen+1))
	for d := 0; int32(d)*minIndel <= maxU && (n-d >= 0 || n+d <= maxLen); d++ {
		lens := [2]int{n - d, n + d}
		tries := lens[:]
		if d == 0 {
			tries = lens[:1]
		}
		for _, l := range tries {
			if l < 0 || l > maxLen {
				continue
			}
			for i := v.byLen[l]; i < v.byLen[l+1]; i++ {
				if maskBound(qm, v.masks[i]) > maxU || v.keys[i] == key {
					continue
				}
				cand.set(v.keys[i])
				if u := distance(&q, &cand, maxU, buf); u <= maxU {
					maxU = visit(i, u)
				}
			}
		}
	}
}

// byLetters orders items by n (from letters), keeping the order of items of
// equal n: a counting sort.
func byLetters[T any](items []T, letters func(T) int) []T {
	var count []int
	for _, it := range items {
		n := letters(it)
		for len(count) <= n+1 {
			count = append(count, 0)
		}
		count[n+1]++
	}
	for n := 1; n < len(count); n++ {
		count[n] += count[n-1]
	}
	out := make([]T, len(items))
	for _, it := range items {
		n := letters(it)
		out[count[n]] = it
		count[n]++
	}
	return out
}
