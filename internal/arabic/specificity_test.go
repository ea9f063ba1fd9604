package arabic

import "testing"

// TestSpecificity: words of every news article are the least specific, a
// word or name news seldom uses is fully specific.
func TestSpecificity(t *testing.T) {
	spec := func(word string) float64 { return Specificity(Analyze(word)[0].Term) }
	if terms, articles := commonTable(); articles < 10000 || len(terms) < 1000 {
		t.Fatalf("common_terms.txt: %v articles, %d terms; want the table TestGenerateCommonTerms writes", articles, len(terms))
	}
	for _, c := range []struct{ less, more string }{
		{"قال", "الحكومة"},
		{"الحكومة", "البرلمان"},
		{"البرلمان", "الزبرجد"},
	} {
		if a, b := spec(c.less), spec(c.more); !(a < b) {
			t.Errorf("Specificity %s %.3f, %s %.3f; want the first lower", c.less, a, c.more, b)
		}
	}
	for _, w := range []string{"الزبرجد", "لوثر", "xyzzy"} {
		if s := spec(w); s != 1 {
			t.Errorf("Specificity(%s) = %.3f, want 1", w, s)
		}
	}
	if s := spec("قال"); s <= 0 || s > 0.2 {
		t.Errorf("Specificity(قال) = %.3f, want a little above 0", s)
	}
}
