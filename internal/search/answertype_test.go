package search

import (
	"testing"

	"marsad/internal/corpus"
)

// TestAQuestionForADatePrefersATextWithOne: of two texts with the same
// words of the question, the one holding a date ranks first when the
// question asks when, although the other is shorter; asked without متى,
// the same words rank the shorter text first.
func TestAQuestionForADatePrefersATextWithOne(t *testing.T) {
	e, err := buildEngine([]corpus.Document{
		{ID: "short", Text: "افتتح الملعب الجديد في المدينة وسط حضور كبير من الجمهور."},
		{ID: "dated", Text: "افتتح الملعب الجديد في المدينة عام 1998 وسط حضور كبير من الجمهور والمسؤولين والضيوف."},
		{ID: "other1", Text: "أعلنت الحكومة عن خطة للاقتصاد."},
		{ID: "other2", Text: "فاز الفريق بالمباراة على أرضه."},
		{ID: "other3", Text: "تشهد البلاد موجة حر شديدة."},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ query, first string }{
		{"متى افتتح الملعب الجديد في المدينة؟", "dated"},
		{"افتتح الملعب الجديد في المدينة", "short"},
	} {
		res, err := e.Search(Request{Query: c.query, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if len(got) != 2 || got[0] != c.first {
			t.Errorf("%q ranks %v, want %s first of the two", c.query, got, c.first)
		}
	}
}

// TestTheNumbersOfTheQuestionAreNotItsAnswer: a number the question holds
// (the 50 of سوبر بول 50) does not make a text an answer; another one does.
func TestTheNumbersOfTheQuestionAreNotItsAnswer(t *testing.T) {
	e, err := buildEngine([]corpus.Document{
		{ID: "given", Text: "لعب مانينغ في سوبر بول 50 مع فريقه."},
		{ID: "answer", Text: "لعب مانينغ في سوبر بول 50 وهو في سن 39 مع فريقه الجديد في المدينة الكبيرة."},
		{ID: "other1", Text: "أعلنت الحكومة عن خطة للاقتصاد."},
		{ID: "other2", Text: "فاز الفريق بالمباراة على أرضه."},
		{ID: "other3", Text: "تشهد البلاد موجة حر شديدة."},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Search(Request{Query: "كم كان عمر مانينغ عندما لعب في سوبر بول 50؟", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "answer" {
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		t.Errorf("ranks %v, want answer first", got)
	}
}
