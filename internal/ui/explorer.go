// Package ui is the explorer's page: go-app components that render search
// results, facets and the reader from the engine's answers.
package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/corpus"
	"marsad/internal/query"
	"marsad/internal/search"
)

// Routes registers the explorer's pages; call it in main before
// app.RunWhenOnBrowser, in the browser and natively alike.
func Routes() {
	app.Route("/", func() app.Composer { return &Explorer{} })
}

// pageSize is how many results one page shows. Each result's article is
// fetched (one range request) and analyzed for its snippet and for the
// proximity rerank, so a page of ten, the page of most search engines, costs
// a keystroke half what twenty did.
const pageSize = 10

// Explorer is the whole page: search box, facets, results and the reader.
// Its state is unexported so go-app's diff never compares it.
type Explorer struct {
	app.Compo

	view   view
	typing bool // a run of keystrokes shares one history entry
	// address is how the address bar must follow the typed query, once its
	// answer is on the page.
	address addressUpdate

	result      *search.Result
	queryErr    string
	suggestions []suggestion // when nothing matches: what each word finds alone

	doc        *corpus.Document // the reader's article, when view.DocID is set
	docSpans   []search.Span
	currentHit int

	seq int // the latest view asked for; older answers are dropped

	updateReady bool
	// narrow is a phone-sized window, read once at mount: the facets then
	// sit above the results and start folded.
	narrow bool
}

// OnMount starts loading the bundle as soon as the page exists.
func (c *Explorer) OnMount(ctx app.Context) {
	c.narrow = narrowScreen()
	c.navigate(ctx)
}

// OnNav runs on links inside the page and on back/forward: the address bar is
// the source of truth.
func (c *Explorer) OnNav(ctx app.Context) {
	c.navigate(ctx)
}

func (c *Explorer) navigate(ctx app.Context) {
	c.view = parseView(ctx.Page().URL())
	c.typing = false
	loadEngine(ctx, c.refresh)
	c.refresh(ctx)
}

// OnAppUpdate fires when a new version has been installed by the service
// worker: offer the reload rather than forcing it mid-reading.
func (c *Explorer) OnAppUpdate(ctx app.Context) {
	c.updateReady = ctx.AppUpdateAvailable() && pageWasControlled()
}

// refresh recomputes what the page shows from c.view. The search runs off
// the UI goroutine, since it may have to fetch parts of the bundle; only the
// answer to the latest view is shown.
func (c *Explorer) refresh(ctx app.Context) {
	engine := corpusEngine.engine
	if corpusEngine.status != loadReady || engine == nil {
		c.syncAddress(ctx)
		return
	}
	c.seq++
	seq, v := c.seq, c.view
	start := queryStart()
	answered := false // read and written on the UI goroutine only
	keepFramesComing(ctx, &answered)
	ctx.Async(func() {
		out := compute(engine, v)
		ctx.Dispatch(func(ctx app.Context) {
			answered = true
			if seq != c.seq {
				return // a newer view was asked for meanwhile
			}
			c.apply(out)
			ctx.Defer(func(ctx app.Context) {
				measureQuery(start)
				if !firstResultsMarked {
					firstResultsMarked = true
					markFirstResults()
				}
				c.syncAddress(ctx)
			})
			if out.result != nil && out.result.EntitiesPending {
				c.loadEntities(ctx, engine)
			}
		})
	})
}

// keepFramesComing keeps go-app's frames coming until *done. go-app draws
// the page in frames, 120 a second, but only while dispatches come: the first
// dispatch after a pause waits a whole frame (8.3 ms) before anything is
// drawn. An empty dispatch after each frame, while a search runs, has its
// answer drawn at the next frame instead, 4 ms later on average. The empty
// dispatches ask for no redraw.
func keepFramesComing(ctx app.Context, done *bool) {
	var beat func(app.Context)
	beat = func(ctx app.Context) {
		ctx.PreventUpdate()
		ctx.Defer(func(ctx app.Context) {
			if !*done {
				ctx.Dispatch(beat)
			}
		})
	}
	ctx.Dispatch(beat)
}

// firstResultsMarked: the first results of the visit were marked.
var firstResultsMarked bool

// loadEntities fetches the entity table once the first results are on the
// page (it is the largest file a first visit needs), then counts the entity
// facet.
func (c *Explorer) loadEntities(ctx app.Context, engine *search.Engine) {
	if corpusEngine.entities != loadPending {
		return
	}
	corpusEngine.entities = loadRunning
	ctx.Async(func() {
		err := engine.LoadEntities()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				corpusEngine.entities, corpusEngine.entitiesErr = loadFailed, err
				return
			}
			corpusEngine.entities = loadReady
			c.refresh(ctx)
		})
	})
}

// update runs the view's search, or opens its document, on the loaded
// engine, on the calling goroutine (tests; the page uses refresh).
func (c *Explorer) update() {
	engine := corpusEngine.engine
	if corpusEngine.status != loadReady || engine == nil {
		return
	}
	c.apply(compute(engine, c.view))
}

// pageState is what a view shows, computed away from the UI goroutine.
type pageState struct {
	result      *search.Result
	queryErr    string
	suggestions []suggestion
	doc         *corpus.Document
	docSpans    []search.Span
}

func (c *Explorer) apply(s pageState) {
	c.result, c.queryErr, c.suggestions = s.result, s.queryErr, s.suggestions
	c.doc, c.docSpans = s.doc, s.docSpans
	c.currentHit = 0
}

// compute runs a view's search or opens its document.
func compute(engine *search.Engine, v view) pageState {
	var s pageState
	if v.DocID != "" {
		openReader(engine, v, &s)
		return s
	}
	res, err := engine.Search(search.Request{
		Query:    v.Query,
		Sources:  v.Sources,
		Years:    v.Years,
		Entities: v.Entities,
		Offset:   v.Page * pageSize,
		Limit:    pageSize,
		Aliases:  !v.NoAliases,
		Sort:     v.Sort,
	})
	if err != nil {
		s.queryErr = describeError(err)
		return s
	}
	s.result = res
	if res.Total == 0 {
		s.suggestions = suggest(engine, v)
	}
	return s
}

// suggestion is a shorter query that does find something.
type suggestion struct {
	query string
	total int
}

// maxSuggestedWords bounds the extra searches a query that finds nothing may
// cost on one keystroke.
const maxSuggestedWords = 5

// suggest tries each word of a query that found nothing on its own, since
// requiring every word is the usual reason for an empty page. Only the plain
// words of an all-words query are tried: the parser, not this code, knows
// what a phrase, an exclusion or a filter is.
func suggest(engine *search.Engine, v view) []suggestion {
	node, _ := query.Read(v.Query)
	and, ok := node.(query.And)
	if !ok {
		return nil
	}
	var out []suggestion
	seen := map[string]bool{}
	for _, child := range and.Children {
		w, ok := child.(query.Word)
		if !ok || seen[w.Text] {
			continue
		}
		if len(out) == maxSuggestedWords || len(seen) >= 2*maxSuggestedWords {
			break
		}
		seen[w.Text] = true
		res, err := engine.Search(search.Request{Query: w.Text, Sources: v.Sources, Years: v.Years, Entities: v.Entities, Limit: 1, Aliases: !v.NoAliases})
		if err == nil && res.Total > 0 {
			out = append(out, suggestion{query: w.Text, total: res.Total})
		}
	}
	return out
}

func openReader(engine *search.Engine, v view, s *pageState) {
	doc, ok, err := engine.Document(v.DocID)
	if err != nil {
		s.queryErr = describeError(err)
		return
	}
	if !ok {
		s.queryErr = "لا يوجد في المدونة مقال بالمعرّف «" + v.DocID + "»."
		return
	}
	s.doc = &doc
	if strings.TrimSpace(v.Query) == "" {
		return
	}
	spans, err := engine.Highlight(doc.ID, search.Request{Query: v.Query, Aliases: !v.NoAliases})
	if err != nil {
		s.queryErr = describeError(err)
		return
	}
	s.docSpans = spans
}

// describeError says in Arabic what went wrong: the query could not be
// understood, or a file of the bundle could not be read (a network error,
// a damaged file), which the message names.
func describeError(err error) string {
	var qe *query.Error
	if errors.As(err, &qe) {
		return "تعذّر فهم الاستعلام: " + err.Error()
	}
	return "تعذّر قراءة جزء من المدونة، فهذه النتيجة ناقصة (أعد المحاولة، وإن تكرر الخطأ فالملف تالف: أعد بناء الموقع): " + err.Error()
}

func pageTitle(v view) string {
	if v.Query != "" {
		return v.Query + " — مرصد"
	}
	return "مرصد"
}

func (c *Explorer) onInput(ctx app.Context, e app.Event) {
	c.view.Query = ctx.JSSrc().Get("value").String()
	c.view.Page = 0
	c.view.DocID = ""
	if !c.typing {
		// The first keystroke of a new query gets its own history entry, so
		// Back returns to the previous query rather than to every keystroke.
		c.address = addressPush
		c.typing = true
	} else if c.address == addressKept {
		c.address = addressReplace
	}
	c.refresh(ctx)
	// The page changes when the answer comes (refresh dispatches it); a
	// render now would only redraw the old results, on the thread the
	// answer's fetches and the search itself need.
	ctx.PreventUpdate()
}

// addressUpdate is what the address bar still needs after a keystroke.
type addressUpdate int

const (
	addressKept    addressUpdate = iota // it shows the view already
	addressReplace                      // the current history entry takes the view
	addressPush                         // a new history entry takes it
)

// syncAddress brings the address bar and the title up to the view. It runs
// once the view's answer is on the page, not on the keystroke: changing the
// history and the title makes the browser work, on this machine enough to
// slow the fetches of the query being answered by a few milliseconds.
func (c *Explorer) syncAddress(ctx app.Context) {
	switch c.address {
	case addressReplace:
		ctx.Page().ReplaceURL(c.view.URL())
	case addressPush:
		app.Window().Get("history").Call("pushState", nil, "", c.view.URL().String())
	}
	c.address = addressKept
	ctx.Page().SetTitle(pageTitle(c.view))
}

func (c *Explorer) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	c.typing = false
}

func (c *Explorer) onRetry(ctx app.Context, e app.Event) {
	retryLoad(ctx, c.refresh)
}

func (c *Explorer) onReload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

func (c *Explorer) goToHit(ctx app.Context, i int) {
	if len(c.docSpans) == 0 {
		return
	}
	c.currentHit = (i + len(c.docSpans)) % len(c.docSpans)
	id := "hit-" + strconv.Itoa(c.currentHit)
	ctx.Defer(func(ctx app.Context) { ctx.ScrollTo(id) })
}

func (c *Explorer) Render() app.UI {
	return app.Div().Class("page").Body(
		c.renderHeader(),
		app.If(c.updateReady, func() app.UI {
			return app.Div().Class("update").Body(
				app.Span().Text("يتوفر إصدار جديد من مرصد."),
				app.Button().Class("update-reload").Text("حدّث الآن").OnClick(c.onReload),
			)
		}),
		app.Main().ID("main").Body(c.renderMain()),
		app.Footer().Class("foot").Body(
			app.P().Text("يجري كل البحث في متصفحك، ولا يُرسل شيء إلى أي خادم."),
			&OfflineKeeper{Ready: corpusEngine.status == loadReady},
		),
	)
}

func (c *Explorer) renderHeader() app.UI {
	return app.Header().Class("top").Body(
		app.A().Href("/").Class("brand").Body(
			app.Img().Src("/web/icons/icon.svg").Alt("").Width(32).Height(32),
			app.Span().Text("مرصد"),
		),
		app.Form().Class("search").Role("search").OnSubmit(c.onSubmit).Body(
			app.Label().For("q").Class("visually-hidden").Text("ابحث في المدونة"),
			app.Input().
				Type("search").
				ID("q").
				Name("q").
				Value(c.view.Query).
				Placeholder("ابحث: تويتر، تنظيم الدولة، داعش -فيسبوك").
				AutoComplete(false).
				Spellcheck(false).
				AutoFocus(true).
				OnInput(c.onInput),
		),
	)
}

func (c *Explorer) renderMain() app.UI {
	switch corpusEngine.status {
	case loadFailed:
		return app.Div().Class("status error").Role("alert").Body(
			app.H2().Text("تعذّر تحميل فهرس المدونة"),
			app.P().Class("error-detail").Text(corpusEngine.err.Error()),
			app.P().Text("تحقّق من اتصالك ثم أعد المحاولة. إن تكرر الخطأ فالملف تالف أو ناقص: أعد بناء الموقع."),
			app.Button().Class("retry").Text("أعد المحاولة").OnClick(c.onRetry),
		)
	case loadReady:
	default:
		return app.Div().Class("status loading").Role("status").Body(
			app.Span().Class("spinner").Aria("hidden", "true"),
			app.Text("جارٍ تحميل المدونة…"),
		)
	}
	if c.view.DocID != "" {
		return c.renderReader()
	}
	return c.renderResults()
}
