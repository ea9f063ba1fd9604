package eval

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

func TestScoreConflationToy(t *testing.T) {
	// A toy analyzer: the word minus a leading "x".
	toy := Analyzer{Name: "toy", Terms: func(s string) []string {
		var out []string
		for _, w := range strings.Fields(s) {
			if w == "stop" {
				continue
			}
			out = append(out, strings.TrimPrefix(w, "x"))
		}
		return out
	}}
	pairs, err := ParsePairs(strings.NewReader(strings.Join([]string{
		"# comment",
		"xcat\tcat\tsame\tTP",
		"dog\tdogs\tsame\tFN",
		"xbat\tbat\tdifferent\tFP",
		"hat\thot\tdifferent",
		"stop\tstop stop\tsame\tFN: both empty",
		"",
		"a b\txa b\tsame\tTP: several tokens joined",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreConflation(pairs, toy)
	if s.Pairs != 6 || s.TP != 2 || s.FN != 2 || s.FP != 1 || s.TN != 1 {
		t.Fatalf("got %+v", s)
	}
	if p := s.Precision(); p != 2.0/3 {
		t.Errorf("precision %v", p)
	}
	if r := s.Recall(); r != 0.5 {
		t.Errorf("recall %v", r)
	}
	if f := s.F1(); f < 0.5714 || f > 0.5715 {
		t.Errorf("F1 %v", f)
	}
	if len(s.Misses) != 3 || !s.Misses[0].Same || s.Misses[2].Same || s.Misses[2].A != "xbat" {
		t.Errorf("misses %+v", s.Misses)
	}
	if (ConflationScore{}).F1() != 0 {
		t.Error("empty F1 not 0")
	}
}

func TestParsePairsErrors(t *testing.T) {
	for _, in := range []string{
		"a\tb",
		"a\tb\tmaybe",
		"a\tb\tsame\tnote\textra",
		"a\ta\tsame",
		"a\tb\tsame\nb\ta\tdifferent",
	} {
		if _, err := ParsePairs(strings.NewReader(in)); err == nil {
			t.Errorf("ParsePairs(%q): no error", in)
		}
	}
}

func isArabicForm(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 0x0621 && r <= 0x064A, r == 0x0671:
			letters++
		case r >= 0x064B && r <= 0x0652, r == 0x0640, r == 0x0670:
		default:
			return false
		}
	}
	return letters > 0
}

func TestConflationFile(t *testing.T) {
	data := ConflationData()
	// Every non-comment line has 3–4 columns (ParsePairs checks it too, but
	// say which line here).
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if n := len(strings.Split(line, "\t")); n < 3 || n > 4 {
			t.Errorf("line %d: %d columns", i+1, n)
		}
	}
	pairs, err := ParsePairs(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 450 {
		t.Errorf("%d pairs, want at least 450", len(pairs))
	}
	same := 0
	for _, p := range pairs {
		if p.Same {
			same++
		}
		for _, f := range []string{p.A, p.B} {
			if !isArabicForm(f) {
				t.Errorf("line %d: form %q is not an Arabic word", p.Line, f)
			}
			for _, r := range f {
				if unicode.IsSpace(r) {
					t.Errorf("line %d: form %q has a space", p.Line, f)
				}
			}
		}
	}
	if frac := float64(same) / float64(len(pairs)); frac < 0.5 || frac > 0.7 {
		t.Errorf("%.0f%% same pairs, want about 60%%", 100*frac)
	}
}

func TestPickMisses(t *testing.T) {
	mk := func(fn, fp int) []Miss {
		var m []Miss
		for range fn {
			m = append(m, Miss{Pair: Pair{Same: true}})
		}
		for range fp {
			m = append(m, Miss{})
		}
		return m
	}
	for _, c := range []struct{ fn, fp, wantFN, wantFP int }{
		{22, 41, 15, 15}, {5, 41, 5, 25}, {22, 3, 22, 3}, {0, 0, 0, 0}, {40, 0, 30, 0},
	} {
		got := pickMisses(mk(c.fn, c.fp), 30)
		fn := 0
		for _, m := range got {
			if m.Same {
				fn++
			}
		}
		if fn != c.wantFN || len(got)-fn != c.wantFP {
			t.Errorf("%d/%d: got %d/%d, want %d/%d", c.fn, c.fp, fn, len(got)-fn, c.wantFN, c.wantFP)
		}
	}
}
