package eval

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"

	"marsad/internal/search"
)

// The grid Tune searches: k1 0.4…2.4 by 0.2 and b 0.0…1.0 by 0.1, the
// title boost left at search.DefaultRanking's.
var (
	TuneK1 = steps(0.4, 2.4, 0.2)
	TuneB  = steps(0, 1, 0.1)
)

// steps lists from, from+step, … to, rounded to one decimal.
func steps(from, to, step float64) []float64 {
	var out []float64
	for i := 0; ; i++ {
		x := math.Round((from+float64(i)*step)*10) / 10
		if x > to+1e-9 {
			return out
		}
		out = append(out, x)
	}
}

// Tuning is the outcome of Tune: every grid point scored on every level.
type Tuning struct {
	Collection string
	Levels     []*EngineCollection
	K1, B      []float64
	// Scores[i][j][l] is k1 K1[i], b B[j] on level Levels[l].
	Scores  [][][]RankScore
	Default []RankScore // search.DefaultRanking on each level
}

// Tune scores the k1 × b grid (TuneK1 × TuneB) on both levels of
// xquad_r_ar under sharedDir ("" means "../shared"), building each level's
// engine once.
func Tune(sharedDir string) (*Tuning, error) {
	if sharedDir == "" {
		sharedDir = "../shared"
	}
	dir := filepath.Join(sharedDir, "eval", "xquad_r_ar")
	t := &Tuning{Collection: dir, K1: TuneK1, B: TuneB}
	for _, lv := range XQuADLevels {
		c, err := LoadEngineCollection(dir, lv)
		if err != nil {
			return nil, err
		}
		t.Levels = append(t.Levels, c)
	}
	score := func(r search.Ranking) ([]RankScore, error) {
		out := make([]RankScore, len(t.Levels))
		for l, c := range t.Levels {
			s, err := c.Score(r)
			if err != nil {
				return nil, err
			}
			out[l] = s
		}
		return out, nil
	}
	var err error
	if t.Default, err = score(search.DefaultRanking); err != nil {
		return nil, err
	}
	t.Scores = make([][][]RankScore, len(t.K1))
	for i, k1 := range t.K1 {
		t.Scores[i] = make([][]RankScore, len(t.B))
		for j, b := range t.B {
			r := search.DefaultRanking
			r.K1, r.B = k1, b
			if t.Scores[i][j], err = score(r); err != nil {
				return nil, err
			}
		}
	}
	return t, nil
}

// Criterion is what the parameters are chosen by: the mean MRR@10 of the
// levels (sentence and paragraph weigh the same).
func Criterion(levels []RankScore) float64 {
	var sum float64
	for _, s := range levels {
		sum += s.MRR10
	}
	return sum / float64(len(levels))
}

// Neighbourhood returns the mean and the minimum of the Criterion over the
// grid points next to (i, j), diagonals included, the point itself
// excluded: a point whose neighbours are much lower is a spike, not a
// setting to ship.
func (t *Tuning) Neighbourhood(i, j int) (mean, lowest float64) {
	lowest = math.Inf(1)
	n := 0
	for di := -1; di <= 1; di++ {
		for dj := -1; dj <= 1; dj++ {
			a, b := i+di, j+dj
			if (di == 0 && dj == 0) || a < 0 || b < 0 || a >= len(t.K1) || b >= len(t.B) {
				continue
			}
			c := Criterion(t.Scores[a][b])
			mean += c
			lowest = min(lowest, c)
			n++
		}
	}
	return mean / float64(n), lowest
}

// TopShown is how many grid points Write lists per table.
const TopShown = 10

// Write prints, per level, the best TopShown grid points by that level's
// MRR@10, then the best by the Criterion with their neighbourhoods, each
// table followed by search.DefaultRanking for comparison.
func (t *Tuning) Write(w io.Writer) {
	type point struct{ i, j int }
	var points []point
	for i := range t.K1 {
		for j := range t.B {
			points = append(points, point{i, j})
		}
	}
	def := search.DefaultRanking
	fmt.Fprintf(w, "BM25 grid on %s: k1 %.1f…%.1f × b %.1f…%.1f (%d points), title boost %.1f;\n",
		t.Collection, t.K1[0], t.K1[len(t.K1)-1], t.B[0], t.B[len(t.B)-1], len(points), def.TitleBoost)
	fmt.Fprintf(w, "each question searched as typed (aliases on, partial matches), top %d hits.\n", Depth)
	header := func() {
		fmt.Fprintf(w, "  %-8s %4s %4s  %7s %7s %7s %7s %7s\n", "", "k1", "b", "MRR@10", "nDCG@10", "R@10", "R@100", "no hits")
	}
	row := func(label string, k1, b float64, s RankScore) {
		fmt.Fprintf(w, "  %-8s %4.1f %4.2g  %7.4f %7.4f %7.4f %7.4f %7d\n", label, k1, b, s.MRR10, s.NDCG10, s.Recall10, s.Recall100, s.NoHits)
	}
	for l, c := range t.Levels {
		fmt.Fprintf(w, "\n%s level: %d documents, %d judged topics; best %d by MRR@10\n", c.Name, c.Docs, t.Default[l].Topics, TopShown)
		header()
		byLevel := slices.Clone(points)
		slices.SortStableFunc(byLevel, func(a, b point) int {
			sa, sb := t.Scores[a.i][a.j][l], t.Scores[b.i][b.j][l]
			if sa.MRR10 != sb.MRR10 {
				return cmpDesc(sa.MRR10, sb.MRR10)
			}
			return cmpDesc(sa.NDCG10, sb.NDCG10)
		})
		for n, p := range byLevel[:min(TopShown, len(byLevel))] {
			row(fmt.Sprintf("#%d", n+1), t.K1[p.i], t.B[p.j], t.Scores[p.i][p.j][l])
		}
		row("default", def.K1, def.B, t.Default[l])
		if s := t.Default[l]; s.Partial+s.Coverage > 0 {
			fmt.Fprintf(w, "  (with the default ranking %d questions were ranked as partial matches, %d by coverage)\n", s.Partial, s.Coverage)
		}
	}

	fmt.Fprintf(w, "\nBest %d by the mean MRR@10 of the levels (nbrs: mean and lowest of the 8 grid neighbours)\n", TopShown)
	fmt.Fprintf(w, "  %-8s %4s %4s  %7s", "", "k1", "b", "mean")
	for _, c := range t.Levels {
		fmt.Fprintf(w, " %10.10s", c.Name)
	}
	fmt.Fprintf(w, " %7s %7s\n", "nbrs", "lowest")
	byMean := slices.Clone(points)
	slices.SortStableFunc(byMean, func(a, b point) int {
		return cmpDesc(Criterion(t.Scores[a.i][a.j]), Criterion(t.Scores[b.i][b.j]))
	})
	meanRow := func(label string, k1, b float64, s []RankScore, nbrs string) {
		fmt.Fprintf(w, "  %-8s %4.1f %4.2g  %7.4f", label, k1, b, Criterion(s))
		for _, x := range s {
			fmt.Fprintf(w, " %10.4f", x.MRR10)
		}
		fmt.Fprintf(w, " %s\n", nbrs)
	}
	for n, p := range byMean[:min(TopShown, len(byMean))] {
		mean, lowest := t.Neighbourhood(p.i, p.j)
		meanRow(fmt.Sprintf("#%d", n+1), t.K1[p.i], t.B[p.j], t.Scores[p.i][p.j], fmt.Sprintf("%7.4f %7.4f", mean, lowest))
	}
	meanRow("default", def.K1, def.B, t.Default, "")

	fmt.Fprintf(w, "\nMean MRR@10 of the levels over the grid (rows k1, columns b)\n  %4s", "k1\\b")
	for _, b := range t.B {
		fmt.Fprintf(w, " %6.1f", b)
	}
	fmt.Fprintln(w)
	for i, k1 := range t.K1 {
		fmt.Fprintf(w, "  %4.1f", k1)
		for j := range t.B {
			fmt.Fprintf(w, " %6.4f", Criterion(t.Scores[i][j]))
		}
		fmt.Fprintln(w)
	}
}

// cmpDesc orders larger values first.
func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}
