package ui

import (
	"regexp"
	"strings"
	"testing"

	"marsad/internal/search"
)

// A right-to-left line scatters the neutral characters of a Latin or
// numeric run unless the run is isolated: these are the cases seen on the
// page before isolation.
func TestLTRRunsIsolateWhatRightToLeftDisplayWouldScatter(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"كتب الوزير (@AdelAljubeir) أمس", []string{"@AdelAljubeir"}},
		{"نُشر في أغسطس 3, 2015 على الموقع", []string{"3, 2015"}},
		{"انظر https://t.co/x1Y.z?a=1 ثم", []string{"https://t.co/x1Y.z?a=1"}},
		{"راسلونا على info@example.org.", []string{"info@example.org"}},
		{"وسم #StopISIS انتشر", []string{"#StopISIS"}},
		{"فيروس covid-19 و ISIS", []string{"covid-19"}},
		{"التاريخ: 2015-01..2016-06", []string{"2015-01..2016-06"}}, // a range of dates, in the filter bar
		{"التاريخ: 2015-01-01..", []string{"2015-01-01"}},
		{"تنظيم ISIS في 2015", nil}, // one word, one number: no isolation needed
		{"وسم #داعش", nil},          // an Arabic hashtag reads right-to-left already
		{"", nil},
	} {
		var got []string
		for _, r := range ltrRuns(c.text) {
			got = append(got, c.text[r.start:r.end])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: isolated %q, want %q", c.text, got, c.want)
		}
	}
}

func TestMarkedIsolatesLatinRunsWithTheirMarks(t *testing.T) {
	text := "حساب (@AdelAljubeir) وتاريخ أغسطس 3, 2015"
	i := strings.Index(text, "AdelAljubeir")
	// HTMLString indents nested elements; the browser builds the nodes
	// without that white space.
	got := regexp.MustCompile(`\n\s*`).ReplaceAllString(html(marked(text, []search.Span{{Start: i, End: i + len("AdelAljubeir")}}, nil, -1)), "")
	want := `حساب (<bdi dir="ltr">@<mark>AdelAljubeir</mark></bdi>) وتاريخ أغسطس <bdi dir="ltr">3, 2015</bdi>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A mark that crosses the edge of an isolated run is cut in two; the hit's
// id stays on its first piece so the reader's next/previous still finds it.
func TestMarkedCutsAMarkAtAnIsolatedRunAndKeepsOneID(t *testing.T) {
	text := "عن covid-19"
	got := html(marked(text, []search.Span{{Start: 0, End: len(text)}}, []int{0}, -1))
	if strings.Count(got, `id="hit-0"`) != 1 || strings.Count(got, "<mark") != 2 {
		t.Errorf("got %s", got)
	}
}

// A paragraph takes the direction of most of its letters, not of its
// first: an Arabic lede that opens with a Latin credit is right to left.
func TestTextDirIsTheDirectionOfMostLetters(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"(CNN)-- اتهمت وزارة العدل الأمريكية امرأة روسية بالعمل على تمويل الدعاية", "rtl"},
		{"ISIS يعلن مسؤوليته", "rtl"},
		{"داعش", "rtl"},
		{"Twitter closes ISIS accounts, says تويتر", "ltr"},
		{"2018 - 05 - 03", "rtl"}, // no letter: the corpus's direction
		{"", "rtl"},
	} {
		if got := textDir(tc.text); got != tc.want {
			t.Errorf("textDir(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}
