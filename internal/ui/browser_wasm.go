//go:build wasm

package ui

import (
	"errors"
	"runtime"
	"strconv"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// newBrowserFetch returns the page's reader of bundle files: the whole file
// when length < 0, otherwise length bytes from off, read with the other
// ranges asked for at the same moment (rangeGatherer). It blocks the
// calling goroutine, never the JS event loop: call it from ctx.Async.
func newBrowserFetch() fetchFunc {
	g := &rangeGatherer{}
	return func(url string, off, length int64) ([]byte, error) {
		if length < 0 {
			return fetchWhole(url)
		}
		return g.fetch(url, off, length)
	}
}

// fetchWhole downloads a whole file with the browser's fetch (not net/http,
// which would add megabytes to app.wasm) and copies the body into Go memory
// in one call.
func fetchWhole(url string) ([]byte, error) {
	result := make(chan fetchOutcome, 1)
	var onResponse, onBody, onError app.Func
	defer func() {
		onResponse.Release()
		onBody.Release()
		onError.Release()
	}()
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		result <- fetchOutcome{err: errors.New(msg)}
		return nil
	})
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		bytes := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, bytes.Length())
		app.CopyBytesToGo(data, bytes)
		result <- fetchOutcome{data: data}
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			result <- fetchOutcome{err: errors.New("HTTP " + strconv.Itoa(resp.Get("status").Int()) + " " + resp.Get("statusText").String())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody, onError)
		return nil
	})
	app.Window().Call("fetch", url).Call("then", onResponse, onError)
	r := <-result
	return r.data, r.err
}

// rangeGatherer holds the range requests made since the last round went
// out.
type rangeGatherer struct {
	mu    sync.Mutex
	calls []*rangeCall
}

type rangeCall struct {
	url         string
	off, length int64
	done        chan fetchOutcome
}

type fetchOutcome struct {
	data []byte
	err  error
}

// fetch reads a range of a file, gathered with the ranges other
// goroutines ask for at the same moment (a page's articles, a prefix's term
// chunks) into one call of window.marsadFetchRanges (web/ranges.js), which
// handles ranges for the whole app: the Go program then wakes once for the
// round, not twice a request.
func (g *rangeGatherer) fetch(url string, off, length int64) ([]byte, error) {
	c := &rangeCall{url: url, off: off, length: length, done: make(chan fetchOutcome, 1)}
	g.mu.Lock()
	g.calls = append(g.calls, c)
	first := len(g.calls) == 1
	g.mu.Unlock()
	if first {
		go g.send()
	}
	r := <-c.done
	return r.data, r.err
}

// send yields once, so that the goroutines started together with the
// first request (WebAssembly runs one at a time) make theirs, then fetches
// them all.
func (g *rangeGatherer) send() {
	runtime.Gosched()
	g.mu.Lock()
	calls := g.calls
	g.calls = nil
	g.mu.Unlock()

	if app.Window().Get("marsadFetchRanges").Type() != app.TypeFunction {
		// The page's scripts are precached with it: only a broken build
		// lacks it.
		for _, c := range calls {
			c.done <- fetchOutcome{err: errors.New("web/ranges.js did not load, so no part of the corpus can be read")}
		}
		return
	}
	list := app.Window().Get("Array").New()
	for _, c := range calls {
		list.Call("push", []any{c.url, c.off, c.length})
	}
	result := make(chan app.Value, 1)
	onDone := app.FuncOf(func(this app.Value, args []app.Value) any {
		result <- args[0]
		return nil
	})
	defer onDone.Release()
	app.Window().Call("marsadFetchRanges", list).Call("then", onDone)
	answer := <-result

	bytes := answer.Get("bytes")
	all := make([]byte, bytes.Length())
	app.CopyBytesToGo(all, bytes)
	sizes, errs := answer.Get("sizes"), answer.Get("errors")
	at := 0
	for i, c := range calls {
		if msg := errs.Index(i).String(); msg != "" {
			c.done <- fetchOutcome{err: errors.New(msg)}
			continue
		}
		n := sizes.Index(i).Int()
		c.done <- fetchOutcome{data: all[at : at+n : at+n]}
		at += n
	}
}

// pageWasControlled reports whether this page was loaded through a service
// worker. go-app announces an update whenever a worker activates while one
// controls the page, which also happens on the very first visit, when the
// fresh worker claims the page; only a page that an older worker served can
// have a newer version waiting.
func pageWasControlled() bool {
	entries := app.Window().Get("performance").Call("getEntriesByType", "navigation")
	if entries.Length() == 0 {
		return false
	}
	return entries.Index(0).Get("workerStart").Float() > 0
}

// markFirstResults records, once a visit, when the first results reached
// the page, for the navigation-to-first-result benchmark and for anyone
// profiling the page.
func markFirstResults() {
	perf := app.Window().Get("performance")
	if perf.Call("getEntriesByName", firstResultsMark).Length() == 0 {
		perf.Call("mark", firstResultsMark)
	}
}

// afterPaint calls fn once the browser has drawn the next frame: work that
// can wait (the entity table) does not hold back the paint of what the page
// just put in the DOM. (A frame callback runs before that frame's paint;
// the task it queues runs after.)
func afterPaint(fn func()) {
	var frame, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		fn()
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", task, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// markLoad records a step of loading the corpus as a performance mark
// ("marsad:" + step), for the benchmark's account of a cold visit and for
// anyone profiling the page.
func markLoad(step string) {
	app.Window().Get("performance").Call("mark", "marsad:"+step)
}

// page calls one of the helpers web/page.js defines on window.marsadPage;
// a page whose script failed to load still works, without them.
func page(name string, args ...any) {
	helpers := app.Window().Get("marsadPage")
	if helpers.Truthy() {
		helpers.Call(name, args...)
	}
}

// storedString reads a preference the browser remembers ("" if none, or if
// storage is off).
func storedString(key string) string {
	helpers := app.Window().Get("marsadPage")
	if !helpers.Truthy() {
		return ""
	}
	v := helpers.Call("get", key)
	if v.Type() != app.TypeString {
		return ""
	}
	return v.String()
}

// storeString remembers a preference.
func storeString(key, value string) { page("set", key, value) }

// syncDocument sets the document's language, direction and theme: go-app
// renders inside <body>, and <html lang dir> must follow the interface
// language for screen readers and for the layout.
func syncDocument(l lang, theme string) { page("setDocument", string(l), l.dir(), theme) }

// focusElement moves the keyboard focus to the element with that id.
func focusElement(id string) { page("focus", id) }

// focusResult focuses the title link of the result that shows docID.
func focusResult(docID string, hit int) { page("focusResult", docID, hit) }

// rememberScroll keeps how far the list of results at that address was
// scrolled, for restoreScroll when the visitor comes back to it.
func rememberScroll(address string) { page("rememberScroll", address) }

func restoreScroll(address string) { page("restoreScroll", address) }

// queryStart is the time a search starts, for measureQuery.
func queryStart() float64 {
	return app.Window().Get("performance").Call("now").Float()
}

// measureQuery records a "marsad:query" performance measure from a search's
// start to its results on the page: the latency a visitor sees, which the
// browser benchmark reads.
func measureQuery(start float64) {
	opts := app.Window().Get("Object").New()
	opts.Set("start", start)
	opts.Set("end", queryStart())
	app.Window().Get("performance").Call("measure", "marsad:query", opts)
}

// exposeMemStats lets a benchmark read the Go heap of the page: window
// .marsadMemStats() returns the bytes the Go runtime holds from the browser
// (Sys, which bounds the WebAssembly memory it grew) and the live heap.
func exposeMemStats() {
	app.Window().Set("marsadMemStats", app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 && args[0].Truthy() {
			runtime.GC() // marsadMemStats(true): what stays live
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{"sys": float64(m.Sys), "heapAlloc": float64(m.HeapAlloc), "heapSys": float64(m.HeapSys),
			"numGC": float64(m.NumGC), "gcPauseMs": float64(m.PauseTotalNs) / 1e6, "totalAlloc": float64(m.TotalAlloc)}
	}))
}

// reloadedForKey is the session storage key holding the bundle a page
// reloaded for, so that a file really missing is reloaded for only once.
const reloadedForKey = "marsad.reloaded-for"

// moveToNewVersion reloads the page, keeping its address, so that it runs
// the version now published (the service worker has it, or the server);
// it reports whether it did. A page that already reloaded for the same
// bundle does not reload again: the file is missing in the new version too.
func moveToNewVersion() bool {
	storage := app.Window().Get("sessionStorage")
	bundle := app.Getenv(BundleEnv)
	if storage.Truthy() && storage.Call("getItem", reloadedForKey).String() == bundle {
		return false
	}
	if storage.Truthy() {
		storage.Call("setItem", reloadedForKey, bundle)
	}
	reloadIntoNewVersion()
	return true
}

// newWorkerWait bounds the wait for a new service worker before reloading.
const newWorkerWait = 10000 // ms

// reloadIntoNewVersion reloads once the service worker has the new version:
// the worker in control serves the page it precached, so a reload before
// the new worker takes over would run the old version again. The new
// worker claims the page as soon as it has cached everything
// (controllerchange); without a worker, or with no newer one, the page
// reloads at once.
func reloadIntoNewVersion() {
	win := app.Window()
	reload := app.FuncOf(func(this app.Value, args []app.Value) any {
		win.Get("location").Call("reload")
		return nil
	})
	container := win.Get("navigator").Get("serviceWorker")
	if !container.Truthy() {
		reload.Invoke()
		return
	}
	container.Call("addEventListener", "controllerchange", reload)
	win.Call("setTimeout", reload, newWorkerWait)
	var onRegistration, onUpdated app.Func
	onUpdated = app.FuncOf(func(this app.Value, args []app.Value) any {
		reg := args[0]
		if !reg.Truthy() || (!reg.Get("installing").Truthy() && !reg.Get("waiting").Truthy()) {
			reload.Invoke()
		}
		return nil
	})
	onRegistration = app.FuncOf(func(this app.Value, args []app.Value) any {
		reg := args[0]
		if !reg.Truthy() {
			reload.Invoke()
			return nil
		}
		reg.Call("update").Call("then", app.FuncOf(func(app.Value, []app.Value) any {
			onUpdated.Invoke(reg)
			return nil
		}), reload)
		return nil
	})
	container.Call("getRegistration").Call("then", onRegistration, reload)
}

// copyText puts text on the clipboard and calls done with whether the
// browser took it, on the UI goroutine.
func copyText(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	helpers := app.Window().Get("marsadPage")
	if !helpers.Truthy() {
		done(ctx, false)
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok := len(args) > 0 && args[0].Truthy()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, ok) })
		cb.Release()
		return nil
	})
	helpers.Call("copy", text, cb)
}

// download has the browser save data as a file named name. The bytes go
// over as they are: a Go string handed to JS is decoded as UTF-8 with the
// byte order mark dropped, and the CSV's BOM is what spreadsheet programs
// need to read Arabic.
func download(name, mimeType string, data []byte) {
	bytes := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(bytes, data)
	page("download", name, mimeType, bytes)
}

// readPickedFile reads the file picked in the <input type=file> with that id
// and calls done with its text, or the browser's error, on the UI goroutine.
func readPickedFile(ctx app.Context, inputID string, done func(ctx app.Context, text string, err string)) {
	helpers := app.Window().Get("marsadPage")
	input := app.Window().GetElementByID(inputID)
	if !helpers.Truthy() || !input.Truthy() {
		done(ctx, "", "no file")
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		text, err := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, text, err) })
		cb.Release()
		return nil
	})
	helpers.Call("readFile", input, cb)
}

// giveBackThread hands the page's one thread back to the browser (to draw,
// and to take input) before the work that follows, which then runs in a
// task of its own: Go in the browser runs every goroutine it can before it
// returns to the event loop, so work queued behind other work would
// otherwise lengthen the same task. (A sleep is not enough: measured, the
// task went on across sleeps, the Go runtime giving the idle moment to its
// garbage collector and to other goroutines rather than to the browser.)
//
// It returns once the browser has run a task of its own: the calling
// goroutine waits for a timer callback.
func giveBackThread() {
	done := make(chan struct{})
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		close(done)
		return nil
	})
	app.Window().Call("setTimeout", cb, 0)
	<-done
}
