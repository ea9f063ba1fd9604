package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Pair is one labelled line of the conflation set: two surface forms and
// whether an Arabic reader takes them as forms of the same word (Same) or
// as different words.
type Pair struct {
	A, B string
	Same bool
	Note string
	Line int // 1-based line in the file
}

// ParsePairs reads a conflation file: one pair per line,
// "form1 TAB form2 TAB same|different [TAB note]"; blank lines and lines
// starting with # are comments. A pair (in either order) may appear once.
func ParsePairs(r io.Reader) ([]Pair, error) {
	var pairs []Pair
	seen := map[[2]string]int{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 4 {
			return nil, fmt.Errorf("line %d: want 3 or 4 tab-separated columns, got %d", n, len(f))
		}
		p := Pair{A: strings.TrimSpace(f[0]), B: strings.TrimSpace(f[1]), Line: n}
		if p.A == "" || p.B == "" {
			return nil, fmt.Errorf("line %d: empty form", n)
		}
		if p.A == p.B {
			return nil, fmt.Errorf("line %d: both forms are %q", n, p.A)
		}
		switch strings.TrimSpace(f[2]) {
		case "same":
			p.Same = true
		case "different":
		default:
			return nil, fmt.Errorf("line %d: label %q is neither same nor different", n, f[2])
		}
		if len(f) == 4 {
			p.Note = strings.TrimSpace(f[3])
		}
		key := [2]string{p.A, p.B}
		if key[1] < key[0] {
			key[0], key[1] = key[1], key[0]
		}
		if prev, ok := seen[key]; ok {
			return nil, fmt.Errorf("line %d: pair %s/%s already on line %d", n, p.A, p.B, prev)
		}
		seen[key] = n
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return pairs, nil
}

// Analyzer is a text analyzer under evaluation: Terms returns the index
// terms of a text in order, stop words dropped.
type Analyzer struct {
	Name  string
	Terms func(text string) []string
}

// WordTerm is the single index term an analyzer gives one word on its own:
// the terms of the word joined with a space when it yields several tokens,
// "" when it is a stop word.
func (a Analyzer) WordTerm(word string) string {
	return strings.Join(a.Terms(word), " ")
}

// Miss is a pair an analyzer got wrong, with the terms it gave both forms.
type Miss struct {
	Pair
	TermA, TermB string
}

// ConflationScore is the confusion matrix of the "same" class.
type ConflationScore struct {
	Pairs          int
	TP, FP, FN, TN int
	// Misses lists the false negatives (same pairs kept apart) then the
	// false positives (different words joined), in file order.
	Misses []Miss
}

// Precision of the "same" prediction: TP / (TP + FP); 0 when nothing was
// predicted same.
func (s ConflationScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall of the "same" class: TP / (TP + FN).
func (s ConflationScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of Precision and Recall.
func (s ConflationScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScoreConflation predicts "same" for a pair iff the analyzer gives both
// forms the same non-empty term, and counts the outcomes against the labels.
func ScoreConflation(pairs []Pair, a Analyzer) ConflationScore {
	var s ConflationScore
	var fps []Miss
	for _, p := range pairs {
		ta, tb := a.WordTerm(p.A), a.WordTerm(p.B)
		pred := ta != "" && ta == tb
		s.Pairs++
		switch {
		case pred && p.Same:
			s.TP++
		case pred && !p.Same:
			s.FP++
			fps = append(fps, Miss{p, ta, tb})
		case !pred && p.Same:
			s.FN++
			s.Misses = append(s.Misses, Miss{p, ta, tb})
		default:
			s.TN++
		}
	}
	s.Misses = append(s.Misses, fps...)
	return s
}
