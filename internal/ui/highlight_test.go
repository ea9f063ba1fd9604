package ui

import (
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
	got := html(marked(text, spans, -1, -1))
	want := "قال &lt;b&gt;<mark>تويتر</mark>&lt;/b&gt;: <mark>وتويتر</mark>."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestMarkedSkipsSpansItCannotTrust(t *testing.T) {
	text := "داعش"
	got := html(marked(text, []search.Span{{Start: 2, End: 1}, {Start: 0, End: 99}}, -1, -1))
	if got != "داعش" {
		t.Errorf("got %s", got)
	}
}

func TestSplitParagraphsRebasesHits(t *testing.T) {
	text := "أ تويتر\nب تويتر ج"
	first := strings.Index(text, "تويتر")
	second := strings.LastIndex(text, "تويتر")
	ps := splitParagraphs(text, []search.Span{{Start: first, End: first + 10}, {Start: second, End: second + 10}})
	if len(ps) != 2 {
		t.Fatalf("%d paragraphs", len(ps))
	}
	if ps[1].firstHit != 1 || ps[1].text[ps[1].spans[0].Start:ps[1].spans[0].End] != "تويتر" {
		t.Errorf("second paragraph: %+v", ps[1])
	}
}
