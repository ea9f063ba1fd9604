package ui

import (
	"strconv"

	"marsad/internal/corpus"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (c *Explorer) renderReader() app.UI {
	back := c.view
	back.DocID = ""
	if c.doc == nil {
		return app.Div().Class("status error").Role("alert").Body(
			app.P().Text(c.queryErr),
			app.A().Href(back.URL().String()).Text("→ العودة إلى النتائج"),
		)
	}
	d := c.doc
	paragraphs := splitParagraphs(d.Text, c.docSpans)
	total := 0
	for _, p := range paragraphs {
		total += len(p.spans)
	}
	return app.Article().Class("reader").DataSet("doc-id", d.ID).Body(
		app.A().Class("back").Href(back.URL().String()).Text("→ العودة إلى النتائج"),
		app.H1().Class("reader-title").Text(d.Title),
		app.P().Class("meta").Body(
			app.Span().Class("source").Text(sourceLabel(d.Source)),
			app.Span().Class("date").Text(displayDate(d.Date, d.DateInferred)),
			app.If(d.Author != "", func() app.UI { return app.Span().Class("author").Text(d.Author) }),
			app.If(d.Dateline != "", func() app.UI { return app.Span().Class("dateline").Text(d.Dateline) }),
		),
		app.If(len(d.Entities) > 0, func() app.UI { return c.renderEntities(d.Entities) }),
		app.If(c.queryErr != "", func() app.UI {
			return app.P().Class("query-error").Role("alert").Text(c.queryErr)
		}),
		app.If(total > 0, func() app.UI { return c.renderHitBar(total, len(d.Text)) }),
		app.Div().Class("reader-body").Body(
			app.Range(paragraphs).Slice(func(i int) app.UI {
				p := paragraphs[i]
				return app.P().Body(marked(p.text, p.spans, p.firstHit, c.currentHit)...)
			}),
		),
	)
}

// renderEntities lists what the article mentions, most mentioned first;
// each name links to the results filtered on it. Past maxReaderEntities the
// rest fold behind a "more" switch so the article text stays near the top.
func (c *Explorer) renderEntities(ents []corpus.Entity) app.UI {
	chip := func(e corpus.Entity) app.UI {
		next := c.view
		next.DocID, next.Page = "", 0
		if !contains(next.Entities, e.Name) {
			next.Entities = append(append([]string(nil), next.Entities...), e.Name)
		}
		return app.Li().Body(
			app.A().Class("entity").DataSet("entity-type", e.Type).Href(next.URL().String()).
				Title(mentionsLabel(e.Count)).Text(e.Name),
		)
	}
	shown, rest := ents, []corpus.Entity(nil)
	if len(ents) > maxReaderEntities {
		shown, rest = ents[:maxReaderEntities], ents[maxReaderEntities:]
	}
	return app.Div().Class("entities-block").Body(
		app.Ul().Class("entities").Aria("label", "يذكر المقال").Body(
			app.Range(shown).Slice(func(i int) app.UI { return chip(shown[i]) }),
		),
		app.If(len(rest) > 0, func() app.UI {
			return app.Details().Class("more-entities").Body(
				app.Summary().Text("المزيد: "+countNoun(len(rest), "اسم واحد", "اسمان", "أسماء", "اسمًا")),
				app.Ul().Class("entities").Body(
					app.Range(rest).Slice(func(i int) app.UI { return chip(rest[i]) }),
				),
			)
		}),
	)
}

// maxReaderEntities is how many entity names the reader shows before the
// "more" switch.
const maxReaderEntities = 10

func mentionsLabel(n int) string {
	return "ذُكر " + countNoun(n, "مرة واحدة", "مرتين", "مرات", "مرة")
}

// renderHitBar steps through the hits and shows where in the article they
// fall, so a reader sees at a glance whether the word is in passing or
// throughout.
func (c *Explorer) renderHitBar(total, textLen int) app.UI {
	ticks := make([]app.UI, 0, total)
	for i := 0; i < total && i < len(c.docSpans); i++ {
		ticks = append(ticks, app.Button().Class(tickClass(i == c.currentHit)).
			Title("الموضع "+strconv.Itoa(i+1)).
			// A class, not a style attribute: the page's
			// Content-Security-Policy refuses inline styles.
			DataSet("at", strconv.Itoa(100*c.docSpans[i].Start/max(textLen, 1))).
			OnClick(func(ctx app.Context, e app.Event) { c.goToHit(ctx, i) }))
	}
	return app.Div().Class("hitbar").Body(
		app.Button().Class("prev-hit").Text("→ السابق").Title("الموضع السابق").
			OnClick(func(ctx app.Context, e app.Event) { c.goToHit(ctx, c.currentHit-1) }),
		app.Span().Class("hit-position").Text("الموضع "+strconv.Itoa(c.currentHit+1)+" من "+strconv.Itoa(total)),
		app.Button().Class("next-hit").Text("التالي ←").Title("الموضع التالي").
			OnClick(func(ctx app.Context, e app.Event) { c.goToHit(ctx, c.currentHit+1) }),
		app.Div().Class("strip").Aria("hidden", "true").Body(ticks...),
	)
}

func tickClass(current bool) string {
	if current {
		return "tick current"
	}
	return "tick"
}
