package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/search"
)

func html(nodes []app.UI) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(app.HTMLString(n))
	}
	return b.String()
}

func TestMarkedWrapsSpansAndEscapesText(t *testing.T) {
	text := "قال <b>تويتر</b>: وتويتر."
	i := strings.Index(text, "تويتر")
	j := strings.Index(text, "وتويتر")
	spans := []search.Span{{Start: i, End: i + len("تويتر")}, {Start: j, End: j + len("وتويتر")}}
	got := html(marked(text, spans, nil, -1))
	want := "قال &lt;b&gt;<mark>تويتر</mark>&lt;/b&gt;: <mark>وتويتر</mark>."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestMarkedSkipsSpansItCannotTrust(t *testing.T) {
	text := "داعش"
	got := html(marked(text, []search.Span{{Start: 2, End: 1}, {Start: 0, End: 99}}, nil, -1))
	if got != "داعش" {
		t.Errorf("got %s", got)
	}
}

func TestSplitParagraphsRebasesHits(t *testing.T) {
	text := "أ تويتر\nب تويتر ج"
	first := strings.Index(text, "تويتر")
	second := strings.LastIndex(text, "تويتر")
	ps := splitParagraphs(text, []search.Span{{Start: first, End: first + 10}, {Start: second, End: second + 10, Occurrence: 1}})
	if len(ps) != 2 {
		t.Fatalf("%d paragraphs", len(ps))
	}
	if !slices.Equal(ps[1].ids, []int{1}) || ps[1].text[ps[1].spans[0].Start:ps[1].spans[0].End] != "تويتر" {
		t.Errorf("second paragraph: %+v", ps[1])
	}
}

// The reader steps through occurrences: the two words of one occurrence of
// a phrase are one stop, with one id, and both are drawn as the current one.
func TestTheWordsOfAPhraseAreOneHitInTheReader(t *testing.T) {
	text := "قال تنظيم الدولة إن تنظيم الدولة"
	var spans []search.Span
	n := 0
	for i := 0; i < 4; i++ {
		at := strings.Index(text[n:], []string{"تنظيم", "الدولة"}[i%2]) + n
		w := []string{"تنظيم", "الدولة"}[i%2]
		spans = append(spans, search.Span{Start: at, End: at + len(w), Text: w, Occurrence: i / 2})
		n = at + len(w)
	}
	ps := splitParagraphs(text, spans)
	if len(ps) != 1 || !slices.Equal(ps[0].ids, []int{0, -1, 1, -1}) {
		t.Fatalf("paragraphs %+v", ps)
	}
	got := html(marked(ps[0].text, ps[0].spans, ps[0].ids, 1))
	if strings.Count(got, `id="hit-`) != 2 || !strings.Contains(got, `id="hit-1"`) || strings.Contains(got, `id="hit-2"`) || strings.Contains(got, `id="hit-3"`) {
		t.Errorf("ids: %s", got)
	}
	if c := strings.Count(got, `class="current"`); c != 2 {
		t.Errorf("%d marks drawn as current, want the 2 words of the second occurrence: %s", c, got)
	}
	if got := search.OccurrenceStarts(spans); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("OccurrenceStarts = %v, want [0 2]", got)
	}
	if got := search.CountOccurrences(spans); got != 2 {
		t.Errorf("CountOccurrences = %d, want 2", got)
	}
}
