// Package ui is the explorer's page: go-app components that render search
// results, facets and the reader from the engine's answers.
//
// Explorer is the page: it owns the view (what the address says), runs the
// searches and hands their answers to one component per part of the page,
// each in its own file: SearchBox, FilterBar, Facets, Results, Reader, Help
// and OfflineKeeper. The components get what they show as fields and change
// the page by navigating to a new address, so the address bar stays the one
// source of truth (reload, back/forward and shared links restore a view).
package ui

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/corpus"
	"marsad/internal/query"
	"marsad/internal/search"
)

// Routes registers the explorer's pages and the action that loads the
// corpus; call it in main before app.RunWhenOnBrowser, in the browser and
// natively alike.
func Routes() {
	app.Route("/", func() app.Composer { return &Explorer{} })
	app.Handle(loadEngineAction, handleLoadEngine)
}

// pageSize is how many results one page shows. Each result's article is
// fetched (one range request) and analyzed for its snippet and for the
// proximity rerank, so a page of ten, the page of most search engines, costs
// a keystroke half what twenty did.
const pageSize = 10

// busyAfter is how long a search may run before the page says it is
// searching: shorter searches would only flicker.
const busyAfter = 150 * time.Millisecond

// Explorer is the whole page. Its state is unexported so go-app's diff never
// compares it; go-app keeps the same Explorer across navigations within the
// page, so this state lives as long as the visit.
type Explorer struct {
	app.Compo

	view  view
	lang  lang   // the interface language in force
	theme string // "", "light" or "dark": the visitor's choice over the system's

	engine engineState

	typing bool // a run of keystrokes shares one history entry
	// address is how the address bar must follow the typed query, once its
	// answer is on the page.
	address addressUpdate

	// groups are the visitor's term groups, as this browser keeps them.
	groups query.Groups
	// arabicDigits: the visitor writes numbers ١٢٣ in the charts.
	arabicDigits bool

	answer pageState
	// answered is the view whose answer is on the page; while it differs
	// from view, a search is running.
	answered view
	busy     bool

	seq int // the latest view asked for; older answers are dropped

	updateReady bool
	// movingToNewVersion: a file of this version is gone from the host, so
	// a new version was published; the page is reloading into it.
	movingToNewVersion bool
	filtersOpen        bool // the filters' drawer, on a phone
	// returnTo is the article the reader was showing, and returnHit its
	// hit (&hit=), to focus its result or its concordance line when the
	// visitor returns to the list.
	returnTo  string
	returnHit int
	// entitiesAsked: the entity table, left out of the first answers, is
	// being loaded (loadEntitiesLater).
	entitiesAsked bool
	// entitiesLoaded: the entity table has arrived (or failed to).
	entitiesLoaded bool
	// warmed: the workbench views were warmed this visit (warmViews).
	warmed bool
}

// OnMount starts loading the corpus as soon as the page exists.
func (c *Explorer) OnMount(ctx app.Context) {
	c.theme = storedString(themeStorageKey)
	c.groups = storedGroups()
	c.arabicDigits = storedString(digitsStorageKey) == "arab"
	ctx.ObserveState(engineStateKey, &c.engine).OnChange(func() { c.refresh(ctx) })
	ctx.Handle(closeFiltersAction, func(ctx app.Context, a app.Action) { c.setFiltersOpen(ctx, false) })
	ctx.GetState(engineStateKey, &c.engine)
	if c.engine.Status == enginePending && !app.IsServer {
		ctx.NewAction(loadEngineAction)
	}
	c.navigate(ctx)
}

// OnNav runs on links inside the page and on back/forward: the address bar is
// the source of truth.
func (c *Explorer) OnNav(ctx app.Context) {
	c.navigate(ctx)
}

func (c *Explorer) navigate(ctx app.Context) {
	from := c.view
	c.view = parseView(ctx.Page().URL())
	c.resolveLang(ctx)
	c.typing = false
	// The filters' drawer (a phone's) stays open while the visitor picks
	// filters in it, one after another; anything else closes it.
	if from.Query != c.view.Query || from.Tool != c.view.Tool || from.DocID != c.view.DocID || from.Help != c.view.Help {
		c.filtersOpen = false
	}
	if from.DocID != "" && c.view.DocID == "" {
		c.returnTo, c.returnHit = from.DocID, from.Hit
	}
	if c.view.DocID != "" && from.DocID == "" {
		rememberScroll(from.URL().RawQuery)
	}
	c.refresh(ctx)
}

// resolveLang settles the interface language: the address when it names
// one (and the browser remembers it), else the remembered choice.
func (c *Explorer) resolveLang(ctx app.Context) {
	if c.view.Lang != "" {
		storeString(langStorageKey, string(c.view.Lang))
	} else {
		c.view.Lang = parseLang(storedString(langStorageKey))
	}
	c.lang = c.view.Lang
	syncDocument(c.lang, c.theme)
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
	pageThread.begin()
	engine := c.engine.Engine
	if c.engine.Status != engineReady || engine == nil {
		c.syncAddress(ctx)
		return
	}
	if c.view.Help || (c.view.Tool == toolKeep && c.view.DocID == "") {
		c.answered, c.busy = c.view, false
		c.syncAddress(ctx)
		return
	}
	c.carryGroups()
	c.seq++
	seq, v, groups := c.seq, c.view, c.groups
	known := c.knownAnswer(v)
	start := queryStart()
	answered := false // read and written on the UI goroutine only
	ctx.After(busyAfter, func(ctx app.Context) {
		if seq == c.seq && !answered {
			c.busy = true
		}
	})
	run := func(ctx app.Context) {
		keepFramesComing(ctx, &answered)
		ctx.Async(func() {
			out := compute(engine, v, groups, known)
			ctx.Dispatch(func(ctx app.Context) {
				answered = true
				if seq != c.seq {
					return // a newer view was asked for meanwhile
				}
				c.answer, c.answered, c.busy = out, v, false
				if errors.Is(out.failure(), ErrNewVersion) && moveToNewVersion() {
					c.movingToNewVersion = true
				}
				ctx.Defer(func(ctx app.Context) {
					measureQuery(start)
					markFirstResults()
					c.loadEntitiesLater(ctx, engine, out)
					c.warmViewsLater(ctx, engine, v, groups)
					c.syncAddress(ctx)
					c.placeFocus(v)
				})
			})
		})
	}
	if c.typing && v.Tool != toolResults {
		// A workbench view may read a hundred articles: while the visitor
		// types, it is computed once typing pauses, not for every
		// keystroke's unfinished word (the page's one thread would be
		// busy with answers nobody waits for).
		ctx.After(typingPause, func(ctx app.Context) {
			if seq != c.seq {
				answered = true
				return
			}
			run(ctx)
		})
		return
	}
	run(ctx)
}

// typingPause is how long typing must pause before a workbench view is
// computed for the query in the box.
const typingPause = 300 * time.Millisecond

// loadEntitiesLater loads the entity table once an answer that went
// without it is on the page and painted (search.Request.EntitiesLater: a
// visit's first results do not wait for its hundreds of kilobytes), then
// counts the entity facet of the answer on the page.
func (c *Explorer) loadEntitiesLater(ctx app.Context, engine *search.Engine, s pageState) {
	if s.result == nil || !s.result.Facets.EntitiesPending {
		return
	}
	if c.entitiesLoaded {
		c.recountFacets(ctx, engine)
		return
	}
	if c.entitiesAsked {
		return // on its way: the answer on the page is counted when it arrives
	}
	c.entitiesAsked = true
	afterPaint(func() {
		ctx.Async(func() {
			_ = engine.LoadEntities() // a failure shows in the facets' recount
			giveBackThread()
			ctx.Dispatch(func(ctx app.Context) {
				c.entitiesLoaded = true
				c.recountFacets(ctx, engine)
			})
		})
	})
}

// warmDelay is how long after a visit's first answer with a query the
// workbench views are warmed (warmViews): after the entity table, while
// the visitor reads.
const warmDelay = 1500 * time.Millisecond

// viewsWarmedMark is the performance mark ("marsad:views-warmed") set once
// the views are warmed: a benchmark of a view's own work waits for it, or
// it would count the warming as the first click's.
const viewsWarmedMark = "views-warmed"

// warmViewsLater warms the workbench views once a visit, on the first query
// answered.
func (c *Explorer) warmViewsLater(ctx app.Context, engine *search.Engine, v view, groups query.Groups) {
	if c.warmed || v.DocID != "" || strings.TrimSpace(v.Query) == "" {
		return
	}
	c.warmed = true
	q, _, _ := expandGroups(v.effectiveQuery(), groupsFor(v, groups))
	ctx.After(warmDelay, func(ctx app.Context) {
		ctx.Async(func() {
			warmViews(engine, v, q)
			markLoad(viewsWarmedMark)
		})
	})
}

// recountFacets counts the entity facet of the answer on the page, now
// that the entity table is here: the search again for its facets alone,
// which reads no article, while the view's own answer (its results, its
// workbench view) stays as it is rather than being computed again. An
// answer still on its way is counted when it arrives.
func (c *Explorer) recountFacets(ctx app.Context, engine *search.Engine) {
	pending := c.answer.result
	if pending == nil || !pending.Facets.EntitiesPending || c.answer.recounted != nil ||
		c.answered.URL().String() != c.view.URL().String() {
		return
	}
	seq, req := c.seq, c.answer.searched
	req.Offset, req.Limit, req.Sort, req.EntitiesLater = math.MaxInt32, 1, search.SortNewest, false
	ctx.Async(func() {
		giveBackThread()
		res, err := engine.Search(req)
		giveBackThread()
		ctx.Dispatch(func(ctx app.Context) {
			if seq != c.seq || c.answer.result != pending {
				return // another answer is on the page
			}
			counted := res.Facets
			if err != nil {
				counted = pending.Facets
				counted.EntitiesPending, counted.EntitiesErr = false, err
			}
			// Beside the answer, not in it: the results (a new answer to
			// go-app) would be drawn again for nothing.
			c.answer.recounted = &counted
		})
	})
}

// placeFocus puts the keyboard where the visitor expects it once a view is
// drawn: on the article's heading when an article opens, back on the result
// it came from (and the list where it was scrolled) when it closes.
func (c *Explorer) placeFocus(v view) {
	switch {
	case v.DocID != "":
		focusElement("reader-title")
		c.returnTo = ""
	case c.returnTo != "":
		restoreScroll(v.URL().RawQuery)
		focusResult(c.returnTo, c.returnHit)
		c.returnTo = ""
	}
}

// pageThread paces long work (a workbench view, the entity table): at each
// point where the work can pause, it gives the thread back to the browser
// once a slice of work has run. A slice is counted from the last pause, or
// from the event that started the work (begin): short work is done in the
// task of its click, long work yields as it goes.
var pageThread threadPacer

// workSlice is how long work runs before it gives the thread back: short
// enough that a click waits no more than a frame or two, long enough that
// the pauses cost little.
const workSlice = 25 * time.Millisecond

// threadPacer gives the thread back every workSlice of work.
type threadPacer struct {
	mu   sync.Mutex
	last time.Time // when the thread was last given back
}

// begin starts a slice: the page handles an event (a click, a key), and
// its work counts from now, not from the last pause before the page was
// idle.
func (p *threadPacer) begin() {
	p.mu.Lock()
	p.last = time.Now()
	p.mu.Unlock()
}

func (p *threadPacer) pause() {
	p.mu.Lock()
	due := time.Since(p.last) >= workSlice
	p.mu.Unlock()
	if !due {
		return
	}
	giveBackThread()
	p.mu.Lock()
	p.last = time.Now()
	p.mu.Unlock()
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

// carryGroups writes the definitions of the term groups the query uses into
// the view, so that its address carries them: whoever opens the link
// searches what the sender searched, with or without the same groups.
func (c *Explorer) carryGroups() {
	if c.view.DocID != "" {
		return
	}
	_, carried, _ := expandGroups(c.view.Query, groupsFor(c.view, c.groups))
	if !slices.Equal(carried, c.view.Groups) && c.address == addressKept {
		c.address = addressReplace
	}
	c.view.Groups = carried
}

// onGroups takes the visitor's term groups after a change in the Saved view.
func (c *Explorer) onGroups(ctx app.Context, gs query.Groups) {
	c.groups = gs
}

// pageState is what a view shows, computed away from the UI goroutine.
type pageState struct {
	// unknownGroups are group:name words of the query naming no group this
	// browser or the link has: they were searched as words.
	unknownGroups []string
	// work is a workbench view's answer (nil for the results).
	work        *workAnswer
	result      *search.Result
	err         error
	suggestions []suggestion // when nothing matches: what each word finds alone
	// sourceHints are the source filters naming no source of the corpus.
	sourceHints []sourceHint
	// dateHints are the date filters outside every dated article's day.
	dateHints  []dateHint
	doc        *corpus.Document
	docSpans   []search.Span
	titleSpans []search.Span // the query's words in the article's title
	missingDoc string        // the id of an article the corpus does not have
	// recounted are the result's facets counted again once the entity
	// table arrived (recountFacets); nil until then.
	recounted *search.Facets
	// searched is the search asked (its query and filters are what its
	// facets count), so that a view of the same search can take its facets
	// from here, and the facets can be counted again.
	searched search.Request
}

// searchKey is what a search's facets and count depend on: its query (term
// groups expanded) and its filters, not its page or order.
type searchKey struct {
	query, sources, years, entities string
	aliases                         bool
}

func keyOf(req search.Request) searchKey {
	return searchKey{query: req.Query, sources: strings.Join(req.Sources, "\x00"), years: strings.Join(req.Years, "\x00"),
		entities: strings.Join(req.Entities, "\x00"), aliases: req.Aliases}
}

// knownAnswer is what the page already knows of a view's answer.
type knownAnswer struct {
	// work is the view's workbench answer, when the view asked is the one
	// answered (the page answers it again, as when the engine's state
	// changes): its articles are not read a second time.
	work *workAnswer
	// search is the last answer's search, and searched its key: a
	// workbench view of the same query and filters takes its facets and
	// count from it rather than searching again on the click that opens it.
	search   *search.Result
	searched searchKey
}

func (c *Explorer) knownAnswer(v view) knownAnswer {
	var k knownAnswer
	if w := c.answer.work; w != nil && w.err == nil && c.answered.URL().String() == v.URL().String() {
		k.work = w
	}
	// A search whose entity facet is still pending is not taken: the view
	// searches again, and so counts the entities if their table is here.
	if r := c.answer.result; r != nil && c.answer.failure() == nil {
		if c.answer.recounted != nil {
			counted := *r
			counted.Facets = *c.answer.recounted
			r = &counted
		}
		if !r.Facets.EntitiesPending {
			k.search, k.searched = r, keyOf(c.answer.searched)
		}
	}
	return k
}

// facets are the facets the page shows with the answer: the result's, or
// their recount.
func (s pageState) facets() search.Facets {
	if s.recounted != nil {
		return *s.recounted
	}
	if s.result == nil {
		return search.Facets{}
	}
	return s.result.Facets
}

// failure is what went wrong reading the bundle for this answer, if
// anything: the search's error, or the parts it could not read.
func (s pageState) failure() error {
	if s.err != nil {
		return s.err
	}
	if s.result != nil && len(s.result.Unreadable) > 0 {
		return errors.Join(s.result.Unreadable...)
	}
	return nil
}

// compute runs a view's search or opens its document. The query's term
// groups are read with the visitor's own groups (and those the address
// carries); known is what the page already has of the answer.
func compute(engine *search.Engine, v view, own query.Groups, known knownAnswer) pageState {
	var s pageState
	q, _, unknown := expandGroups(v.effectiveQuery(), groupsFor(v, own))
	s.unknownGroups = unknown
	if v.DocID != "" {
		openReader(engine, v, q, &s)
		return s
	}
	offset, limit, order := v.Page*pageSize, pageSize, v.Sort
	if v.Tool != toolResults {
		// A workbench view shows its own answer; the search gives only the
		// facets and the filter bar their counts. A page past the last hit,
		// in date order, reads no article: relevance would rerank the best
		// few by reading them, and a page would read its snippets.
		offset, limit, order = math.MaxInt32, 1, search.SortNewest
	}
	req := search.Request{
		Query:    q,
		Sources:  v.Sources,
		Years:    v.Years,
		Entities: v.Entities,
		Offset:   offset,
		Limit:    limit,
		Aliases:  !v.NoAliases,
		Sort:     order,
		// Only the results honor AllWords: the workbench views count
		// occurrences, which never fall back to partial matches.
		NoPartial: v.AllWords && v.Tool == toolResults,
		// The entity facet comes after the first results (loadEntitiesLater).
		EntitiesLater: true,
	}
	s.searched = req
	if v.Tool != toolResults {
		return computeView(engine, v, q, req, known, s)
	}
	res, err := engine.Search(req)
	if err != nil {
		s.err = err
		return s
	}
	s.result = res
	if res.Total == 0 {
		// A source filter naming no source finds nothing: only then is
		// there one to name.
		s.suggestions = suggest(engine, v)
		s.sourceHints = sourceHints(engine, v)
		s.dateHints = dateHints(engine, v)
	}
	return s
}

// sourceHint is a source filter that names no source of the corpus, the
// sources whose names hold its words, and the view without it.
type sourceHint struct {
	value   string
	like    []string
	without view
}

// sourceHints lists the source filters of v, picked or typed, that name
// no source: they find nothing, and the page says why.
func sourceHints(engine *search.Engine, v view) []sourceHint {
	var out []sourceHint
	for _, f := range activeFilters(v) {
		if f.kind != filterSource {
			continue
		}
		if known, like := engine.SourcesLike(f.value); !known {
			out = append(out, sourceHint{value: f.value, like: like, without: f.without})
		}
	}
	return out
}

// dateHint is a date filter that lies wholly outside the days of the
// corpus's dated articles, with the span they do cover; and, when the
// filter is whole years whose Hijri reading falls within that span (1436
// is 2014–2015), the days of those Hijri years and the view that searches
// them instead.
type dateHint struct {
	value              string
	first, last        string
	hijriFrom, hijriTo string
	hijri              view
}

// dateHints lists the date and year filters of v, picked or typed, that
// no dated article can meet: they find nothing, and the page says why.
func dateHints(engine *search.Engine, v view) []dateHint {
	first, last, ok := engine.DatedSpan()
	if !ok {
		return nil
	}
	var out []dateHint
	for _, f := range activeFilters(v) {
		if f.kind != filterDate && f.kind != filterYear {
			continue
		}
		r, ok := readQuery(query.FieldDate + ":" + f.value).(query.DateRange)
		if !ok {
			continue
		}
		if r.To != "" && corpus.DayOfDate(r.To) < first || r.From != "" && corpus.DayOfDate(r.From) > last {
			h := dateHint{value: f.value, first: first.String(), last: last.String()}
			if from, to, ok := hijriYears(r); ok {
				hFirst, _ := corpus.HijriYear(from)
				_, hLast := corpus.HijriYear(to)
				if hLast >= first && hFirst <= last {
					h.hijriFrom, h.hijriTo = hFirst.String(), hLast.String()
					h.hijri = f.without
					h.hijri.Dates = h.hijriFrom + ".." + h.hijriTo
				}
			}
			out = append(out, h)
		}
	}
	return out
}

// hijriYears reads a date range of whole years (2015, 1435..1436) as
// years, which a visitor may have meant in the Hijri calendar.
func hijriYears(r query.DateRange) (from, to int, ok bool) {
	if !strings.HasSuffix(r.From, "-01-01") || !strings.HasSuffix(r.To, "-12-31") {
		return 0, 0, false
	}
	from, err1 := strconv.Atoi(r.From[:4])
	to, err2 := strconv.Atoi(r.To[:4])
	return from, to, err1 == nil && err2 == nil
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
		alone := v
		alone.Query = w.Text
		res, err := engine.Search(search.Request{Query: alone.effectiveQuery(), Sources: v.Sources, Years: v.Years, Entities: v.Entities, Limit: 1, Aliases: !v.NoAliases, EntitiesLater: true})
		if err == nil && res.Total > 0 {
			out = append(out, suggestion{query: w.Text, total: res.Total})
		}
	}
	return out
}

func openReader(engine *search.Engine, v view, q string, s *pageState) {
	doc, ok, err := engine.Document(v.DocID)
	if err != nil {
		s.err = err
		return
	}
	if !ok {
		s.missingDoc = v.DocID
		return
	}
	s.doc = &doc
	if q == "" {
		return
	}
	spans, titleSpans, err := engine.Highlights(doc.ID, search.Request{Query: q, Aliases: !v.NoAliases})
	if err != nil {
		s.err = err
		return
	}
	s.docSpans, s.titleSpans = spans, titleSpans
}

// describeError says in the page's language what went wrong: the query
// could not be understood, or a file of the bundle could not be read (a
// network error, a damaged file), which the message names.
func describeError(t *texts, err error) string {
	var qe *query.Error
	switch {
	case errors.As(err, &qe):
		return t.queryNotUnderstood(err.Error())
	case errors.Is(err, ErrNotKeptOffline):
		return notOfflineMessage(t)
	case errors.Is(err, ErrNewVersion):
		// Reached only when the page already reloaded for this version:
		// the file is missing from the new one too.
		return newVersionMessage(t, false, err)
	}
	return t.readError(err.Error())
}

func (c *Explorer) pageTitle() string {
	t := c.lang.t()
	switch {
	case c.view.DocID != "" && c.answer.doc != nil && c.answered.DocID == c.view.DocID:
		return c.answer.doc.Title + " — " + t.appName
	case c.view.Help:
		return t.helpTitle + " — " + t.appName
	case c.view.Query != "":
		return c.view.Query + " — " + t.appName
	}
	return t.appName + " — " + t.tagline
}

// onType is the search box's input: the view follows the text at once, the
// address bar once the answer is on the page.
func (c *Explorer) onType(ctx app.Context, text string) {
	c.view.Query = text
	c.view.Page = 0
	c.view.DocID, c.view.Hit, c.view.Help = "", 0, false
	c.view.AllWords = false // a choice made for the query it was made on
	if c.view.Tool == toolKeep {
		// The saved groups and queries search nothing: a query typed
		// there is for the results.
		c.view.Tool = toolResults
	}
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

// onSubmit ends a run of typing: the next keystroke starts a new history
// entry.
func (c *Explorer) onSubmit(ctx app.Context) {
	c.typing = false
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
	ctx.Page().SetTitle(c.pageTitle())
}

func (c *Explorer) onRetry(ctx app.Context, e app.Event) {
	// A failed load leaves the state failed; back to pending, the action
	// loads again.
	ctx.SetState(engineStateKey, engineState{})
	ctx.NewAction(loadEngineAction)
}

func (c *Explorer) onReload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

func (c *Explorer) onToggleLang(ctx app.Context, e app.Event) {
	v := c.view
	v.Lang = c.lang.other()
	storeString(langStorageKey, string(v.Lang))
	ctx.NavigateTo(v.URL())
}

// themeStorageKey is where the browser remembers the visitor's theme.
const themeStorageKey = "marsad.theme"

// themes cycle auto → light → dark; auto follows the system.
var themes = [...]string{"", "light", "dark"}

func themeIndex(theme string) int {
	for i, t := range themes {
		if t == theme {
			return i
		}
	}
	return 0
}

func (c *Explorer) onToggleTheme(ctx app.Context, e app.Event) {
	c.theme = themes[(themeIndex(c.theme)+1)%len(themes)]
	storeString(themeStorageKey, c.theme)
	syncDocument(c.lang, c.theme)
}

func (c *Explorer) setFiltersOpen(ctx app.Context, open bool) {
	c.filtersOpen = open
	if open {
		ctx.Defer(func(app.Context) { focusElement("facets-close") })
	} else {
		ctx.Defer(func(app.Context) { focusElement("filters-button") })
	}
}

// activeFilterCount is how many filters narrow the results, typed or picked.
func (c *Explorer) activeFilterCount() int {
	return len(activeFilters(c.view))
}

func (c *Explorer) Render() app.UI {
	t := c.lang.t()
	home := view{Lang: c.view.Lang}
	help := view{Lang: c.view.Lang, Help: true}
	return app.Div().Class("page").Lang(string(c.lang)).Dir(c.lang.dir()).Body(
		app.A().Class("skip-link").Href("#results").Text(t.skipToResults),
		app.Header().Class("top").Body(
			app.A().Href(home.URL().String()).Class("brand").Body(
				app.Img().Src("/web/icons/icon.svg").Alt(t.logoAlt).Width(32).Height(32),
				app.Span().Aria("hidden", "true").Text(t.appName),
			),
			app.Nav().Class("tools").Aria("label", t.appName).Body(
				app.A().Class("help-link").Href(help.URL().String()).Text(t.helpLink),
				app.Button().Type("button").Class("lang-toggle").Lang(string(c.lang.other())).
					Aria("label", t.langToggleLabel).Text(t.langToggle).OnClick(c.onToggleLang),
				app.Button().Type("button").Class("theme-toggle").
					Aria("label", t.themeLabel+": "+t.themeNames[themeIndex(c.theme)]).
					Title(t.themeLabel).Text("◐ "+t.themeNames[themeIndex(c.theme)]).OnClick(c.onToggleTheme),
			),
			&SearchBox{Lang: c.lang, Query: c.view.Query, OnType: c.onType, OnSubmit: c.onSubmit},
		),
		app.If(c.movingToNewVersion, func() app.UI {
			return app.Div().Class("update").Role("status").Body(app.Span().Text(t.newVersion))
		}),
		app.If(c.updateReady, func() app.UI {
			return app.Div().Class("update").Role("status").Body(
				app.Span().Text(t.updateAvailable),
				app.Button().Type("button").Class("update-reload").Text(t.updateNow).OnClick(c.onReload),
			)
		}),
		app.Main().ID("main").Body(c.renderMain()),
		app.Footer().Class("foot").Body(
			app.P().Text(t.privacyNote),
			&OfflineKeeper{Engine: c.engine.Engine, Lang: c.lang},
		),
	)
}

func (c *Explorer) renderMain() app.UI {
	t := c.lang.t()
	switch c.engine.Status {
	case engineFailed:
		return app.Div().Class("status error").Role("alert").Body(
			app.H1().Text(t.loadFailedTitle),
			app.P().Class("error-detail").Dir("ltr").Text(errString(c.engine.Err)),
			app.P().Text(t.loadFailedAdvice),
			app.Button().Type("button").Class("retry").Text(t.retry).OnClick(c.onRetry),
		)
	case engineReady:
	default:
		return app.Div().Class("status loading").Role("status").Body(
			app.H1().Class("visually-hidden").Text(t.appName),
			app.Span().Class("spinner").Aria("hidden", "true"),
			app.Text(t.loadingCorpus),
		)
	}
	if c.view.Help {
		return &Help{Lang: c.lang}
	}
	if c.view.DocID != "" {
		return c.renderReader()
	}
	return c.renderResults()
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func (c *Explorer) renderReader() app.UI {
	shown := c.answered.DocID == c.view.DocID
	r := &Reader{Lang: c.lang, View: c.view, Loading: !shown}
	if shown {
		r.Doc, r.Spans, r.TitleSpans, r.MissingID = c.answer.doc, c.answer.docSpans, c.answer.titleSpans, c.answer.missingDoc
		if err := c.answer.failure(); err != nil {
			r.Err = describeError(c.lang.t(), err)
		}
	}
	return r
}

func (c *Explorer) renderResults() app.UI {
	t := c.lang.t()
	res := c.answer.result
	if c.answered.DocID != "" {
		res = nil // the answer on the page is an article's
	}
	var facets search.Facets
	if res != nil {
		facets = c.answer.facets()
	}
	heading := t.corpusHeading
	if c.view.Query != "" {
		heading = t.resultsHeading(c.view.Query)
	}
	errText := ""
	if c.answered.DocID == "" {
		switch {
		case c.answer.err != nil:
			errText = describeError(t, c.answer.err)
		case res != nil && len(res.Unreadable) > 0:
			err := errors.Join(res.Unreadable...)
			if errors.Is(err, ErrNotKeptOffline) || errors.Is(err, ErrNewVersion) {
				errText = describeError(t, err)
			} else {
				errText = t.unreadable(err.Error())
			}
		}
	}
	entitiesErr := ""
	if res != nil {
		entitiesErr = errString(facets.EntitiesErr)
	}
	filters := c.activeFilterCount()
	var content app.UI
	if c.view.Tool == toolResults {
		// Saving and exporting come after the list: the first result stays
		// a few Tabs from the search box.
		content = app.Div().Body(
			&Results{
				Lang: c.lang, View: c.view, Answered: c.answered.effectiveQuery(), Result: res,
				Suggestions: c.answer.suggestions, SourceHints: c.answer.sourceHints, DateHints: c.answer.dateHints, Err: errText, Busy: c.busy,
			},
			app.Div().Class("work-bar").Body(
				&SaveQuery{Lang: c.lang, View: c.view},
				app.If(res != nil && res.Total > 0, func() app.UI {
					return &Export{Lang: c.lang, Name: exportName(c.view.withTool(toolResults)), Table: c.resultsTable(), About: aboutView(c.view, c.engine.Engine)}
				}),
			),
		)
	} else {
		content = c.renderWork(errText)
	}
	layout := "layout"
	if c.view.Tool == toolKeep {
		layout = "layout no-facets"
	}
	return app.Div().Class(layout).Body(
		app.H1().Class("visually-hidden").Text(heading),
		// The tabs come first in the page's order as they do on screen (the
		// grid places each part), so Tab meets them where the eye does; they
		// are one Tab stop, and the skip link still leads to the results.
		toolTabs(c.lang, c.view),
		&FilterBar{Lang: c.lang, View: c.view},
		app.Section().ID("results").Class(busyClass("results", c.busy)).TabIndex(-1).
			Aria("label", t.resultsLabel).Aria("busy", boolString(c.busy)).Body(
			app.If(c.view.Tool != toolKeep, func() app.UI {
				return app.Button().Type("button").ID("filters-button").Class("filters-button").
					Aria("expanded", boolString(c.filtersOpen)).Aria("controls", "facets").
					Text(t.filtersButton(filters)).
					OnClick(func(ctx app.Context, e app.Event) { c.setFiltersOpen(ctx, true) })
			}),
			app.If(len(c.answer.unknownGroups) > 0, func() app.UI {
				return app.P().Class("note").Role("status").Text(c.lang.w().groupUnknown(joinTerms(c.lang, c.answer.unknownGroups)))
			}),
			content,
		),
		// The saved groups and queries are filtered by nothing.
		app.If(c.view.Tool != toolKeep, func() app.UI {
			return &Facets{
				Lang: c.lang, View: facetFilters(c.view), Facets: facets, Open: c.filtersOpen, EntitiesErr: entitiesErr,
			}
		}),
	)
}

func busyClass(base string, busy bool) string {
	if busy {
		return base + " busy"
	}
	return base
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
