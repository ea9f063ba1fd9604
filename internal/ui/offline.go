package ui

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/search"
)

// PrecachedEnv is the app environment variable the site generator sets to "1"
// when the service worker precaches the whole bundle: the corpus then works
// offline after the first visit, and the page has nothing to offer.
const PrecachedEnv = "MARSAD_PRECACHED"

// BundleSizeEnv is the app environment variable that holds the bundle's
// total size in bytes, its root file included.
const BundleSizeEnv = "MARSAD_BUNDLE_SIZE"

// keptCachePrefix starts the names of the caches that hold corpora kept
// offline, one per bundle root; the service worker answers from them and
// never deletes them.
const keptCachePrefix = "marsad-corpus-"

// keepConcurrency is how many files are downloaded at once.
const keepConcurrency = 4

// keepAction is the action the download posts to re-render the k.keeper.
const keepAction = "marsad/offline"

// keepPingInterval spaces the progress updates: each re-renders the page.
const keepPingInterval = 400 * time.Millisecond

type keepPhase int

const (
	keepUnchecked   keepPhase = iota // the engine has not loaded, or the check has not started
	keepChecking                     // looking in the cache for what is already kept
	keepOffered                      // not (all) kept: offer the download
	keepRunning                      // downloading
	keepDeleting                     // removing the kept copy
	keepDone                         // every file is kept
	keepFailed                       // the download stopped on an error
	keepUnavailable                  // no Cache API here (an insecure origin, an old browser)
)

// keepFile is a bundle file to keep: its URL and size in bytes.
type keepFile struct {
	url  string
	size int64
}

// keepState is the state of keeping the corpus offline, held by the
// OfflineKeeper (go-app keeps the page's components across navigations, so
// it lasts the visit). The download's goroutines write it under mu; the
// component reads it under mu when it renders.
type keepState struct {
	mu       sync.Mutex
	phase    keepPhase
	cache    string // the Cache name: keptCachePrefix + the root's name
	files    []keepFile
	total    int64
	done     int64 // bytes kept so far
	failure  *keepFailure
	store    keepStore // the running download's, to cancel it
	run      int       // counts downloads, so a cancelled one's late news is ignored
	lastPing time.Time
}

// keepFailure is why the last download stopped.
type keepFailure struct {
	url   string // the file that failed, if one did
	quota bool   // the browser refused the storage
	msg   string // the HTTP status or the browser's error
}

// keepStore downloads files into one Cache; the wasm build implements it
// with fetch and the Cache API.
type keepStore interface {
	// put fetches url and stores it. Only a 200 answer is stored: another
	// status is a *keepHTTPError.
	put(url string) error
	// stop aborts the downloads under way; their put returns errKeepAborted.
	stop()
}

var (
	errKeepQuota   = errors.New("storage quota exceeded")
	errKeepAborted = errors.New("download aborted")
)

// keepHTTPError is an answer other than 200 OK.
type keepHTTPError struct {
	status int
	text   string
}

func (e *keepHTTPError) Error() string {
	s := "HTTP " + strconv.Itoa(e.status)
	if e.text != "" {
		s += " " + e.text
	}
	return s
}

// OfflineKeeper sits in the footer and says what works offline. A small
// corpus is precached whole by the service worker. For a larger one, only
// what the visitor's queries fetched is in the browser's cache, so it offers
// to keep every file of the bundle in a Cache of its own, with a progress
// bar, cancel, retry and delete.
type OfflineKeeper struct {
	app.Compo

	Lang lang
	// Engine is the loaded corpus (nil until it is): the bundle's root lists
	// the files to keep.
	Engine *search.Engine

	keeper keepState
}

// OnMount registers for the download's progress and checks, once per visit,
// what is already kept.
func (k *OfflineKeeper) OnMount(ctx app.Context) {
	ctx.Handle(keepAction, func(app.Context, app.Action) {})
	k.check(ctx)
}

// OnUpdate runs when Engine changes.
func (k *OfflineKeeper) OnUpdate(ctx app.Context) {
	k.check(ctx)
}

func corpusPrecached() bool { return app.Getenv(PrecachedEnv) == "1" }

// check looks, once, for a kept copy of this corpus and removes those of
// other corpora (an earlier version of the site).
func (k *OfflineKeeper) check(ctx app.Context) {
	if app.IsServer {
		return
	}
	precached := corpusPrecached()
	if !precached && k.Engine == nil {
		return
	}
	k.keeper.mu.Lock()
	defer k.keeper.mu.Unlock()
	if k.keeper.phase != keepUnchecked {
		return
	}
	if !keepSupported() {
		k.keeper.phase = keepUnavailable
		return
	}
	k.keeper.phase = keepChecking
	if !precached {
		k.keeper.cache, k.keeper.files, k.keeper.total = keepList(ctx, k.Engine)
	}
	name, files := k.keeper.cache, k.keeper.files
	ctx.Async(func() {
		// A precached corpus keeps nothing of its own: every kept copy is stale.
		_ = dropOtherKept(name)
		if precached {
			return
		}
		kept, err := keptURLs(name)
		k.keeper.mu.Lock()
		k.keeper.phase = keepOffered
		k.keeper.done = 0
		if err == nil {
			all := true
			for _, f := range files {
				if kept[absoluteURL(f.url)] {
					k.keeper.done += f.size
				} else {
					all = false
				}
			}
			if all {
				k.keeper.phase = keepDone
			}
		}
		k.keeper.mu.Unlock()
		k.keepPing(ctx, true)
	})
}

// keepList lists the bundle's files, root first, with their URLs.
func keepList(ctx app.Context, engine *search.Engine) (cache string, files []keepFile, total int64) {
	ix := engine.Index()
	base := bundleBase()
	var others int64
	for _, f := range ix.Files() {
		others += f.Size
	}
	rootSize, _ := strconv.ParseInt(app.Getenv(BundleSizeEnv), 10, 64)
	rootSize -= others
	if rootSize < 0 {
		rootSize = 0
	}
	files = append(files, keepFile{ctx.ResolveStaticResource(base + ix.Root()), rootSize})
	for _, f := range ix.Files() {
		files = append(files, keepFile{ctx.ResolveStaticResource(base + f.Name), f.Size})
	}
	return keptCachePrefix + ix.Root(), files, rootSize + others
}

// keepPing re-renders the keeper, at most every keepPingInterval unless now.
func (k *OfflineKeeper) keepPing(ctx app.Context, now bool) {
	k.keeper.mu.Lock()
	t := time.Now()
	if !now && t.Sub(k.keeper.lastPing) < keepPingInterval {
		k.keeper.mu.Unlock()
		return
	}
	k.keeper.lastPing = t
	k.keeper.mu.Unlock()
	ctx.NewAction(keepAction)
}

func (k *OfflineKeeper) onKeep(ctx app.Context, e app.Event) {
	k.keeper.mu.Lock()
	if k.keeper.phase != keepOffered && k.keeper.phase != keepFailed {
		k.keeper.mu.Unlock()
		return
	}
	k.keeper.phase = keepRunning
	k.keeper.failure = nil
	k.keeper.run++
	run, name, files, total := k.keeper.run, k.keeper.cache, k.keeper.files, k.keeper.total
	k.keeper.mu.Unlock()
	ctx.Async(func() { k.keepAll(ctx, run, name, files, total) })
}

// keepAll downloads every file not yet kept into the Cache name, a few at a
// time, and stops at the first failure.
func (k *OfflineKeeper) keepAll(ctx app.Context, run int, name string, files []keepFile, total int64) {
	// current reports whether this download is still the one the page shows
	// (not cancelled); call it with k.keeper.mu held.
	current := func() bool { return k.keeper.run == run && k.keeper.phase == keepRunning }
	fail := func(f *keepFailure) {
		k.keeper.mu.Lock()
		if current() {
			k.keeper.phase, k.keeper.failure = keepFailed, f
		}
		k.keeper.mu.Unlock()
		k.keepPing(ctx, true)
	}

	kept, err := keptURLs(name)
	if err != nil {
		fail(&keepFailure{msg: err.Error()})
		return
	}
	var todo []keepFile
	var done int64
	for _, f := range files {
		if kept[absoluteURL(f.url)] {
			done += f.size
		} else {
			todo = append(todo, f)
		}
	}
	if free, ok := storageFree(); ok && free < total-done {
		fail(&keepFailure{quota: true})
		return
	}
	persistStorage()
	store, err := openKeepStore(name)
	if err != nil {
		fail(&keepFailure{quota: errors.Is(err, errKeepQuota), msg: err.Error()})
		return
	}
	k.keeper.mu.Lock()
	if !current() {
		k.keeper.mu.Unlock()
		return
	}
	k.keeper.store, k.keeper.done = store, done
	k.keeper.mu.Unlock()
	k.keepPing(ctx, true)

	var (
		mu      sync.Mutex
		next    int
		failure *keepFailure
		wg      sync.WaitGroup
	)
	take := func() (keepFile, bool) {
		mu.Lock()
		defer mu.Unlock()
		if failure != nil || next == len(todo) {
			return keepFile{}, false
		}
		k.keeper.mu.Lock()
		running := current()
		k.keeper.mu.Unlock()
		if !running {
			return keepFile{}, false
		}
		next++
		return todo[next-1], true
	}
	for range keepConcurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				f, ok := take()
				if !ok {
					return
				}
				if err := store.put(f.url); err != nil {
					if errors.Is(err, errKeepAborted) {
						return
					}
					mu.Lock()
					if failure == nil {
						failure = &keepFailure{url: f.url, quota: errors.Is(err, errKeepQuota), msg: err.Error()}
						store.stop() // the others need not finish
					}
					mu.Unlock()
					return
				}
				k.keeper.mu.Lock()
				if current() {
					k.keeper.done += f.size
				}
				k.keeper.mu.Unlock()
				k.keepPing(ctx, false)
			}
		}()
	}
	wg.Wait()

	k.keeper.mu.Lock()
	if k.keeper.run == run {
		k.keeper.store = nil
	}
	k.keeper.mu.Unlock()
	if failure != nil {
		fail(failure)
		return
	}
	k.keeper.mu.Lock()
	if current() {
		k.keeper.phase, k.keeper.done = keepDone, total
	}
	k.keeper.mu.Unlock()
	k.keepPing(ctx, true)
}

func (k *OfflineKeeper) onCancel(ctx app.Context, e app.Event) {
	k.keeper.mu.Lock()
	defer k.keeper.mu.Unlock()
	if k.keeper.phase != keepRunning {
		return
	}
	// What is kept so far stays kept and is served offline; the next
	// download resumes from it.
	k.keeper.phase = keepOffered
	k.keeper.run++
	if k.keeper.store != nil {
		k.keeper.store.stop()
		k.keeper.store = nil
	}
}

func (k *OfflineKeeper) onDelete(ctx app.Context, e app.Event) {
	k.keeper.mu.Lock()
	if k.keeper.phase != keepDone && k.keeper.phase != keepOffered && k.keeper.phase != keepFailed {
		k.keeper.mu.Unlock()
		return
	}
	k.keeper.phase = keepDeleting
	k.keeper.failure = nil
	k.keeper.run++
	name := k.keeper.cache
	k.keeper.mu.Unlock()
	ctx.Async(func() {
		err := dropKept(name)
		k.keeper.mu.Lock()
		if err != nil {
			k.keeper.phase, k.keeper.failure = keepFailed, &keepFailure{msg: err.Error()}
		} else {
			k.keeper.phase, k.keeper.done = keepOffered, 0
		}
		k.keeper.mu.Unlock()
		k.keepPing(ctx, true)
	})
}

// Render shows the offline panel for the keeper's current state.
func (k *OfflineKeeper) Render() app.UI {
	t := k.Lang.t()
	if corpusPrecached() {
		return app.P().Class("offline").DataSet("offline-state", "precached").Text(t.offlinePrecached)
	}
	k.keeper.mu.Lock()
	phase, total, done, failure := k.keeper.phase, k.keeper.total, k.keeper.done, k.keeper.failure
	k.keeper.mu.Unlock()

	state := map[keepPhase]string{
		keepUnchecked: "unchecked", keepChecking: "checking", keepOffered: "offered", keepRunning: "running",
		keepDeleting: "deleting", keepDone: "kept", keepFailed: "failed", keepUnavailable: "unavailable",
	}[phase]
	panel := app.Section().Class("offline").DataSet("offline-state", state).Aria("label", t.offlineLabel)
	sz := func(n int64) string { return t.size(n) }
	partial := app.If(done > 0 && done < total, func() app.UI {
		return app.P().Class("offline-count").Text(t.offlineKeptSoFar(t.sizeOf(done, total), sz(total)))
	})
	keepButton := app.Button().Type("button").Class("offline-keep").Text(t.offlineKeep(sz(total))).OnClick(k.onKeep)

	switch phase {
	case keepRunning:
		return panel.Body(
			app.P().Text(t.offlineSaving),
			app.Div().Class("offline-bar").Body(
				app.Progress().Class("offline-progress").Max(total).Value(done).Aria("label", t.offlineProgress),
				app.Button().Type("button").Class("offline-cancel").Text(t.offlineStop).OnClick(k.onCancel),
			),
			app.P().Class("offline-count").Aria("live", "polite").Text(t.offlineSaved(t.sizeOf(done, total), sz(total))),
		)
	case keepDone:
		return panel.Body(
			app.P().Class("offline-kept").Text(t.offlineAllKept(sz(total))),
			app.Button().Type("button").Class("offline-delete").Text(t.offlineDelete).OnClick(k.onDelete),
		)
	case keepDeleting:
		return panel.Body(app.P().Text(t.offlineDeleting))
	case keepFailed:
		return panel.Body(
			app.Div().Class("offline-error").Role("alert").Body(failure.render(t, total)...),
			partial,
			app.Div().Class("offline-actions").Body(
				app.Button().Type("button").Class("offline-retry").Text(t.retry).OnClick(k.onKeep),
				app.If(done > 0, func() app.UI {
					return app.Button().Type("button").Class("offline-delete").Text(t.offlineDeletePartial).OnClick(k.onDelete)
				}),
			),
		)
	case keepUnavailable:
		return panel.Body(app.P().Text(t.offlineUnavailable))
	}
	note := app.P().Text(t.offlineNote)
	if phase != keepOffered {
		return panel.Body(note)
	}
	return panel.Body(note, partial, keepButton)
}

// render says why keeping failed; the rest of the page keeps working.
func (f *keepFailure) render(t *texts, total int64) []app.UI {
	if f == nil {
		f = &keepFailure{}
	}
	if f.quota {
		return []app.UI{
			app.P().Text(t.offlineQuota(t.size(total))),
			app.If(f.url != "", func() app.UI { return app.P().Class("error-detail").Dir("ltr").Text(f.url) }),
		}
	}
	detail := f.msg
	if f.url != "" {
		detail = f.url + ": " + f.msg
	}
	return []app.UI{
		app.P().Text(t.offlineFailed),
		app.If(detail != "", func() app.UI { return app.P().Class("error-detail").Dir("ltr").Text(detail) }),
	}
}

// size writes a size with its unit: megabytes (MiB), or kilobytes (KiB)
// under one megabyte. A size that is not zero never shows as zero.
func (t *texts) size(n int64) string {
	div, unit := t.sizeUnit(n)
	if n > 0 && n*10 < div {
		n = (div + 9) / 10
	}
	return scaled(n, div) + " " + unit
}

// sizeOf writes part, without a unit, in the unit size(total) uses.
func (t *texts) sizeOf(part, total int64) string {
	div, _ := t.sizeUnit(total)
	return scaled(part, div)
}

func (t *texts) sizeUnit(n int64) (div int64, unit string) {
	if n < 1<<20 {
		return 1 << 10, t.kilobytes
	}
	return 1 << 20, t.megabytes
}

// scaled writes n/div with one decimal under ten, none above.
func scaled(n, div int64) string {
	if n >= 10*div {
		return strconv.FormatInt((n+div/2)/div, 10)
	}
	tenths := (n*10 + div/2) / div
	return strings.TrimSuffix(strconv.FormatInt(tenths/10, 10)+"."+strconv.FormatInt(tenths%10, 10), ".0")
}
