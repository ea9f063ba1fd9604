package ui

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/corpus"
	"marsad/internal/search"
)

// Reader shows one article whole, every hit of the query marked, with
// previous/next controls (n and p on the keyboard, web/page.js) and a strip
// showing where the hits fall. The current hit is in the address (&hit=3),
// so a shared link opens at that passage.
type Reader struct {
	app.Compo

	Lang    lang
	View    view
	Loading bool
	Doc     *corpus.Document
	Spans   []search.Span
	// TitleSpans mark the query in the title; the hits stepped through
	// and counted are the text's (Spans), as the concordance's lines are.
	TitleSpans []search.Span
	Err        string
	MissingID  string

	shown   string // the article the current hit belongs to
	current int

	// citeStatus says how "cite this passage" went; citeText is the
	// citation, shown to copy by hand when the browser refused to copy it.
	citeStatus string
	citeText   string
	// missingHit is the hit the address asked for (from 1) when the
	// article has fewer; 0 otherwise.
	missingHit int
}

func (r *Reader) OnMount(ctx app.Context)  { r.sync(ctx) }
func (r *Reader) OnUpdate(ctx app.Context) { r.sync(ctx) }

// sync starts at the address's hit when an article opens.
func (r *Reader) sync(ctx app.Context) {
	if r.Doc == nil || r.Doc.ID == r.shown {
		return
	}
	r.shown = r.Doc.ID
	r.current = 0
	r.citeStatus, r.citeText, r.missingHit = "", "", 0
	n := search.CountOccurrences(r.Spans)
	switch {
	case r.View.Hit > 0 && r.View.Hit < n:
		r.current = r.View.Hit
		r.scrollToCurrent(ctx)
	case r.View.Hit >= n && r.View.Hit > 0:
		// An address edited or made for another corpus: say so, and
		// let the address name the hit shown.
		r.missingHit = r.View.Hit + 1
		v := r.View
		v.Hit = 0
		ctx.Page().ReplaceURL(v.URL())
	}
}

func (r *Reader) goToHit(ctx app.Context, i int) {
	n := search.CountOccurrences(r.Spans)
	if n == 0 {
		return
	}
	r.current = (i + n) % n
	v := r.View
	v.Hit = r.current
	ctx.Page().ReplaceURL(v.URL())
	r.scrollToCurrent(ctx)
}

func (r *Reader) scrollToCurrent(ctx app.Context) {
	id := "hit-" + strconv.Itoa(r.current)
	ctx.Defer(func(ctx app.Context) { ctx.ScrollTo(id) })
}

func (r *Reader) Render() app.UI {
	t := r.Lang.t()
	back := r.View.results()
	backText := t.backToResults
	if r.View.Tool != toolResults {
		backText = r.Lang.w().backTo(r.Lang.w().toolNames[r.View.Tool])
	}
	backLink := app.A().Class("back").Href(back.URL().String()).Text(backText)
	switch {
	case r.Loading:
		return app.Article().Class("reader").Aria("busy", "true").Body(
			backLink,
			app.P().Class("status loading").Role("status").Body(
				app.Span().Class("spinner").Aria("hidden", "true"),
				app.Text(t.loadingCorpus),
			),
		)
	case r.Doc == nil:
		msg := r.Err
		if r.MissingID != "" {
			msg = t.noSuchArticle(r.MissingID)
		}
		return app.Div().Class("status error").Role("alert").Body(
			app.H1().Text(msg),
			backLink,
		)
	}
	d := r.Doc
	paragraphs := splitParagraphs(d.Text, r.Spans)
	return app.Article().Class("reader").DataSet("doc-id", d.ID).Body(
		backLink,
		app.H1().ID("reader-title").Class("reader-title").TabIndex(-1).Dir(textDir(d.Title)).Body(marked(d.Title, r.TitleSpans, nil, -1)...),
		app.P().Class("meta").Body(
			app.Bdi().Class("source").Text(t.sourceLabel(d.Source)),
			app.Span().Class("date").Text(t.displayDate(d.Date, d.DateInferred)),
			app.If(d.Author != "", func() app.UI {
				return app.Span().Class("author").Body(app.Text(t.byAuthor), app.Bdi().Text(d.Author))
			}),
			app.If(d.Dateline != "", func() app.UI { return app.Bdi().Class("dateline").Text(d.Dateline) }),
		),
		app.If(corpus.WebAddress(d.URL), func() app.UI {
			return app.P().Class("original").Body(
				app.A().Class("original-link").Href(d.URL).Target("_blank").Rel("noopener noreferrer").
					Title(t.originalTitle).Text(t.original+" ↗"),
				app.Span().Class("print-url").Dir("ltr").Text(d.URL),
			)
		}),
		app.If(len(d.Entities) > 0, func() app.UI { return r.renderEntities(d.Entities) }),
		app.If(r.Err != "", func() app.UI {
			return app.P().Class("query-error").Role("alert").Text(r.Err)
		}),
		app.If(r.missingHit > 0, func() app.UI {
			return app.P().Class("query-note no-such-hit").Role("status").Text(t.noSuchHit(r.missingHit, search.CountOccurrences(r.Spans)))
		}),
		app.If(len(r.Spans) > 0, func() app.UI { return r.renderHitBar(len(d.Text)) }),
		r.renderCite(),
		app.Div().Class("reader-body").Body(
			app.Range(paragraphs).Slice(func(i int) app.UI {
				p := paragraphs[i]
				return app.P().Dir(textDir(p.text)).Body(marked(p.text, p.spans, p.ids, r.current)...)
			}),
		),
	)
}

// renderEntities lists what the article mentions, most mentioned first;
// each name links to the results filtered on it. Past maxReaderEntities the
// rest fold behind a "more" switch so the article text stays near the top.
func (r *Reader) renderEntities(ents []corpus.Entity) app.UI {
	t := r.Lang.t()
	chip := func(e corpus.Entity) app.UI {
		next := r.View.results()
		next.Page = 0
		if !contains(next.Entities, e.Name) {
			next.Entities = append(append([]string(nil), next.Entities...), e.Name)
		}
		return app.Li().Body(
			app.A().Class("entity").DataSet("entity-type", e.Type).Href(next.URL().String()).
				Title(t.mentions(e.Count)).Body(app.Bdi().Text(e.Name)),
		)
	}
	shown, rest := ents, []corpus.Entity(nil)
	if len(ents) > maxReaderEntities {
		shown, rest = ents[:maxReaderEntities], ents[maxReaderEntities:]
	}
	return app.Div().Class("entities-block").Body(
		app.Ul().Class("entities").Aria("label", t.articleMentions).Body(
			app.Range(shown).Slice(func(i int) app.UI { return chip(shown[i]) }),
		),
		app.If(len(rest) > 0, func() app.UI {
			return app.Details().Class("more-entities").Body(
				app.Summary().Text(t.moreEntities(len(rest))),
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

// renderHitBar steps through the hits and shows where in the article they
// fall, so a reader sees at a glance whether the word is in passing or
// throughout. The strip is a picture for the mouse: the buttons beside it
// do the same for the keyboard and screen readers, so it is hidden from
// them and none of its ticks takes the focus.
//
// It steps through occurrences, not words: the words of a phrase are one
// stop (see search.Span.Occurrence).
func (r *Reader) renderHitBar(textLen int) app.UI {
	t := r.Lang.t()
	starts := search.OccurrenceStarts(r.Spans)
	total := len(starts)
	ticks := make([]app.UI, 0, total)
	for i, first := range starts {
		ticks = append(ticks, app.Span().Class(tickClass(i == r.current)).
			// A data attribute that the style sheet places, not a style
			// attribute: the page's Content-Security-Policy refuses those.
			DataSet("at", strconv.Itoa(100*r.Spans[first].Start/max(textLen, 1))).
			OnClick(func(ctx app.Context, e app.Event) { r.goToHit(ctx, i) }))
	}
	return app.Div().Class("hitbar").Body(
		app.Button().Type("button").Class("prev-hit").Text(t.previousHit).Aria("keyshortcuts", "p").
			OnClick(func(ctx app.Context, e app.Event) { r.goToHit(ctx, r.current-1) }),
		app.Span().Class("hit-position").Aria("live", "polite").Text(t.hitPosition(r.current+1, total)),
		app.Button().Type("button").Class("next-hit").Text(t.nextHit).Aria("keyshortcuts", "n").
			OnClick(func(ctx app.Context, e app.Event) { r.goToHit(ctx, r.current+1) }),
		app.Div().Class("strip").Aria("hidden", "true").Title(t.hitStrip).Body(ticks...),
	)
}

func tickClass(current bool) string {
	if current {
		return "tick current"
	}
	return "tick"
}

// renderCite offers "cite this passage": the passage of the current hit
// with the article's title, source, date, original address and a Marsad
// link to that hit, copied to the clipboard.
func (r *Reader) renderCite() app.UI {
	w := r.Lang.w()
	return app.Div().Class("cite").Body(
		app.Button().Type("button").Class("cite-button").Title(w.citeTitle).Text(w.cite).OnClick(r.onCite),
		app.Span().Class("cite-status").Role("status").Text(r.citeStatus),
		app.If(r.citeText != "", func() app.UI {
			return app.Textarea().Class("cite-text").ReadOnly(true).Aria("label", w.cite).Dir(textDir(r.citeText)).Rows(6).Text(r.citeText)
		}),
	)
}

func (r *Reader) onCite(ctx app.Context, e app.Event) {
	w := r.Lang.w()
	v := r.View
	v.Hit = r.current
	text := citation(r.Lang, r.Doc, r.Spans, r.current, absoluteURL(v.URL().String()), time.Now())
	copyText(ctx, text, func(ctx app.Context, ok bool) {
		if ok {
			r.citeStatus, r.citeText = w.citeCopied, ""
		} else {
			r.citeStatus, r.citeText = w.citeFailed, text
		}
	})
}
