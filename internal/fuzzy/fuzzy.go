// Package fuzzy finds index keys spelled nearly like a query word: a
// weighted Damerau–Levenshtein distance that knows which Arabic letters
// people confuse, and a vocabulary that scans 100,000 keys per query fast
// enough to run in the browser.
//
// Keys are compared letter by letter (runes). Harakat and tatweel are
// ignored; hamza seats, ta marbuta, alef maqsura and the letters that
// dialects or transliteration merge cost less than other edits, so a key
// the analyzer did not fold still finds its neighbours.
package fuzzy

import (
	"math/bits"
	"unicode/utf8"
)

// Costs are counted internally in tenths so that sums and comparisons are
// exact.
const unit = 10

const (
	plain      = 10 // insert, delete, substitute or transpose: 1
	transpose  = 10 // swap two adjacent letters (التنظمي/التنظيم): 1
	minIndel   = 5  // the cheapest insertion or deletion, for lower bounds
	maxUnits   = 1 << 24
	deadUnits  = 1 << 29 // a cell that cannot lead to a cost within max
	firstAlpha = 0x0621  // ء, the first letter of the Arabic block
	lastAlpha  = 0x064A  // ي
	alefWasla  = 0x0671  // ٱ
	nLetters   = lastAlpha - firstAlpha + 3
)

// cheapSubs lists groups of letters any two of which substitute for less
// than a plain edit.
var cheapSubs = [...]struct {
	letters string
	cost    uint8
}{
	// Hamza seats: the same hamza written on alef, waw, yeh or the line,
	// or the bare alef most people type instead (أسامة/اسامة,
	// مسؤول/مسئول, إسلام/اسلام).
	{"اأإآءؤئٱ", 3},
	// Ta marbuta is typed as heh, and sounds like it at the end of a
	// phrase (عملية/عمليه).
	{"ةه", 3},
	// Final alef maqsura and yeh are swapped freely, Egyptian style
	// (على/علي, مصطفى/مصطفي).
	{"ىي", 3},
	// A hamza on waw or yeh gets dropped, leaving the bare seat
	// (مسؤول/مسوول, هيئة/هييه).
	{"ؤو", 3},
	{"ئي", 3},
	// Alef maqsura is pronounced as alef (مستشفى/مستشفا).
	{"ىا", 5},
	// Dad and zah merged in nearly every dialect (التنظيم/التنضيم).
	{"ضظ", 5},
	// Thal and zah are said z in Egyptian and Levantine speech
	// (ذكرى/زكرى, ظابط/زابط).
	{"ذز", 5},
	{"ظز", 5},
	// Theh is said s in the same dialects (ثانية/سانية).
	{"ثس", 5},
	// Emphatic and plain pairs are mixed up by learners and by
	// transliteration from Latin script (صورة/سورة, طالبان/تالبان).
	{"صس", 5},
	{"طت", 5},
	// Qaf is said as kaf in some dialects, and q/k transliterate to
	// either (قطر/كطر).
	{"قك", 5},
}

// cheapIndels lists letters inserted or deleted for less than a plain edit.
var cheapIndels = [...]struct {
	letters string
	cost    uint8
}{
	// Long vowels are dropped or added in informal spelling and in
	// transliterated names (ديمقراطية/ديموقراطية, يونيو/يونيه, ابو/اب).
	{"اويى", 6},
	// Hamza on the line is often left out at the end of a word
	// (سماء/سما, جزاء/جزا).
	{"ء", 5},
}

var (
	subTab   [nLetters][nLetters]uint8
	indelTab [nLetters]uint8
	// classBit maps a letter to a bit of a key's mask (see maskOf); 0 for
	// letters whose class can appear or vanish by cheap edits.
	classBit [nLetters]uint64
)

func init() {
	for i := range subTab {
		for j := range subTab[i] {
			if i != j {
				subTab[i][j] = plain
			}
		}
		indelTab[i] = plain
	}
	// Index 0 stands for every rune outside the Arabic letters: two of
	// them differ (equal runes never reach the table).
	subTab[0][0] = plain
	parent := make([]int, nLetters)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for _, g := range cheapSubs {
		for _, a := range g.letters {
			for _, b := range g.letters {
				ia, ib := letterIndex(a), letterIndex(b)
				if ia != ib && g.cost < subTab[ia][ib] {
					subTab[ia][ib] = g.cost
				}
				parent[find(ia)] = find(ib)
			}
		}
	}
	for _, g := range cheapIndels {
		for _, a := range g.letters {
			indelTab[letterIndex(a)] = g.cost
		}
	}
	// Letters joined by cheap substitutions form a class; a class with a
	// cheaply inserted letter gets no bit, since it can appear or vanish
	// for less than a plain edit.
	free := make([]bool, nLetters)
	for i := 1; i < nLetters; i++ {
		if indelTab[i] < plain {
			free[find(i)] = true
		}
	}
	bit := 0
	bits := make([]uint64, nLetters)
	for i := 1; i < nLetters; i++ {
		if r := find(i); r == i && !free[i] {
			// Past classBits classes, bits are shared: merging classes
			// only weakens the bound.
			bits[i] = 1 << (bit % classBits)
			bit++
		}
	}
	for i := 1; i < nLetters; i++ {
		classBit[i] = bits[find(i)]
	}
}

// letterIndex numbers the Arabic letters from 1; 0 for any other rune.
func letterIndex(r rune) int {
	switch {
	case r >= firstAlpha && r <= lastAlpha:
		return int(r-firstAlpha) + 1
	case r == alefWasla:
		return nLetters - 1
	}
	return 0
}

func indelCost(r rune) int32 {
	return int32(indelTab[letterIndex(r)])
}

// ignored reports harakat, Quranic marks and tatweel, which never change a
// word.
func ignored(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 ||
		r >= 0x0610 && r <= 0x061A || r >= 0x06D6 && r <= 0x06ED
}

// word is a key ready for distance: its letters, their table indexes and
// their insertion or deletion costs.
type word struct {
	r   []rune
	ix  []uint8
	del []int32
}

func (w *word) set(s string) {
	w.r = appendLetters(w.r[:0], s)
	w.ix, w.del = w.ix[:0], w.del[:0]
	for _, r := range w.r {
		i := letterIndex(r)
		w.ix = append(w.ix, uint8(i))
		w.del = append(w.del, int32(indelTab[i]))
	}
}

// appendLetters appends the runes of s that count, ignoring harakat and
// tatweel.
func appendLetters(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if !ignored(r) {
			dst = append(dst, r)
		}
	}
	return dst
}

// Layout of a mask: a bit per class of letters present (low classBits
// bits), the same bit shifted by classBits when the class appears twice or
// more, and a presence bit per other rune modulo 64-2*classBits.
const classBits = 24

// maskOf summarizes which classes of letters a key has, counting to two.
//
// Letters joined by cheap substitutions form a class. Only edits costing a
// plain 1 change how many letters of a class a key has (apart from the
// classes of cheaply inserted letters, left out), and each changes it by
// one on each side at most. So with P the class letters one key has in
// excess of the other (counts capped at 2) and N the reverse, the distance
// is at least max(P, N): maskBound never exceeds the distance.
func maskOf(rs []rune) uint64 {
	var m uint64
	for _, r := range rs {
		if i := letterIndex(r); i != 0 {
			b := classBit[i]
			if m&b != 0 {
				b <<= classBits
			}
			m |= b
		} else {
			// Other runes share the top bits; sharing only lowers the
			// bound.
			m |= 1 << (2*classBits + uint(r)%(64-2*classBits))
		}
	}
	return m
}

func maskBound(a, b uint64) int32 {
	return int32(max(bits.OnesCount64(a&^b), bits.OnesCount64(b&^a))) * plain
}

// toUnits converts a cost budget to tenths, rounding down; -1 for a
// negative or NaN budget, which nothing meets.
func toUnits(max float64) int32 {
	if !(max >= 0) {
		return -1
	}
	if max >= maxUnits/unit {
		return maxUnits
	}
	return int32(max*unit + 1e-9)
}

// Distance returns the weighted Damerau–Levenshtein distance (optimal
// string alignment) between a and b and whether it is at most max.
//
// Inserting, deleting or substituting a letter and swapping two adjacent
// letters cost 1; the Arabic confusions listed in this package cost less
// (hamza seats, ة/ه, ى/ي 0.3; ض/ظ, ذ/ز, ث/س, ص/س, ط/ت, ق/ك 0.5; inserting
// or deleting ا و ي ى 0.6 and ء 0.5). Harakat and tatweel are ignored.
//
// The computation stops as soon as the cost is known to exceed max; the
// cost returned with false is then only a lower bound, greater than max.
func Distance(a, b string, max float64) (float64, bool) {
	var wa, wb word
	wa.set(a)
	wb.set(b)
	buf := make([]int32, 3*(len(wb.r)+1))
	maxU := toUnits(max)
	c := distance(&wa, &wb, maxU, buf)
	return float64(c) / unit, c <= maxU
}

// distance is Distance in tenths over letters; it returns maxU+1 once the
// cost is known to exceed maxU. buf holds at least 3*(len(b)+1) values.
//
// A cell (i, j) is dead when its cost plus the cheapest way to even out
// the letters left on each side exceeds maxU; dead cells are set to
// deadUnits. An optimal path within maxU only crosses live cells, so its
// cost is exact. Every path to the end crosses one of two consecutive rows
// (a transposition skips one row, never two), so two dead rows in a row
// end the computation.
func distance(wa, wb *word, maxU int32, buf []int32) int32 {
	a, b := wa.r, wb.r
	n, m := len(a), len(b)
	if int32(absInt(n-m))*minIndel > maxU {
		return maxU + 1
	}
	bix, bdel := wb.ix[:m], wb.del[:m]
	w := m + 1
	prev2, prev, cur := buf[:w], buf[w:2*w], buf[2*w:3*w]
	prev[0] = 0
	prevLive := true
	for j := 1; j <= m; j++ {
		prev[j] = live(prev[j-1]+bdel[j-1], absInt(n-(m-j)), maxU)
	}
	for i := 1; i <= n; i++ {
		ai := a[i-1]
		subs := &subTab[wa.ix[i-1]]
		del := wa.del[i-1]
		rowLive := false
		cur[0] = live(prev[0]+del, absInt(n-i-m), maxU)
		if cur[0] < deadUnits {
			rowLive = true
		}
		for j := 1; j <= m; j++ {
			bj := b[j-1]
			v := prev[j-1]
			if ai != bj {
				v += int32(subs[bix[j-1]])
			}
			if x := prev[j] + del; x < v {
				v = x
			}
			if x := cur[j-1] + bdel[j-1]; x < v {
				v = x
			}
			if i > 1 && j > 1 && ai == b[j-2] && a[i-2] == bj && ai != bj {
				if x := prev2[j-2] + transpose; x < v {
					v = x
				}
			}
			v = live(v, absInt((n-i)-(m-j)), maxU)
			if v < deadUnits {
				rowLive = true
			}
			cur[j] = v
		}
		if !rowLive && !prevLive {
			return maxU + 1
		}
		prevLive = rowLive
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[m] > maxU {
		return maxU + 1
	}
	return prev[m]
}

// live returns v, or deadUnits when v plus left insertions or deletions
// (at least minIndel each) must exceed maxU.
func live(v int32, left int, maxU int32) int32 {
	if v+int32(left)*minIndel > maxU {
		return deadUnits
	}
	return v
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// MaxCost is the default budget of a fuzzy query word (word~) by its number
// of letters: 0.5 up to 3 letters (confusable letters only, short words
// have too many neighbours), 1 for 4 to 6 letters, 2 from 7 letters.
func MaxCost(key string) float64 {
	var s [32]rune
	switch n := len(appendLetters(s[:0], key)); {
	case n <= 3:
		return 0.5
	case n <= 6:
		return 1
	}
	return 2
}
