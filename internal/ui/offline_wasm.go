//go:build wasm

package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser side of keeping a corpus offline: the Cache API and fetch.
// Every function here awaits JS promises, so it blocks its goroutine: call
// them from ctx.Async, never on the UI goroutine.

// jsError is a rejected promise's reason: a DOMException's name and message.
type jsError struct{ name, msg string }

func (e *jsError) Error() string {
	if e.name == "" {
		return e.msg
	}
	return e.name + ": " + e.msg
}

// offlineAwait waits for a JS promise and returns its value or its reason.
func offlineAwait(promise app.Value) (app.Value, error) {
	type outcome struct {
		v   app.Value
		err error
	}
	result := make(chan outcome, 1)
	onValue := app.FuncOf(func(this app.Value, args []app.Value) any {
		v := app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		result <- outcome{v: v}
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		err := &jsError{msg: "unknown error"}
		if len(args) > 0 {
			reason := args[0]
			if reason.Type() == app.TypeObject && !reason.IsNull() {
				if name := reason.Get("name"); name.Type() == app.TypeString {
					err.name = name.String()
				}
				if msg := reason.Get("message"); msg.Type() == app.TypeString {
					err.msg = msg.String()
				}
			} else if !reason.IsUndefined() && !reason.IsNull() {
				err.msg = reason.Call("toString").String()
			}
		}
		result <- outcome{err: err}
		return nil
	})
	promise.Call("then", onValue, onError)
	r := <-result
	onValue.Release()
	onError.Release()
	return r.v, r.err
}

func cacheStorage() app.Value { return app.Window().Get("caches") }

// keepSupported reports whether this page can keep files: the Cache API
// exists only in secure contexts (https, localhost).
func keepSupported() bool {
	w := app.Window()
	return w.Get("isSecureContext").Truthy() && w.Get("caches").Truthy()
}

// keptURLs lists the URLs the Cache name holds; none when it does not exist.
func keptURLs(name string) (map[string]bool, error) {
	has, err := offlineAwait(cacheStorage().Call("has", name))
	if err != nil || !has.Truthy() {
		return nil, err
	}
	cache, err := offlineAwait(cacheStorage().Call("open", name))
	if err != nil {
		return nil, err
	}
	keys, err := offlineAwait(cache.Call("keys"))
	if err != nil {
		return nil, err
	}
	urls := make(map[string]bool, keys.Length())
	for i := range keys.Length() {
		urls[keys.Index(i).Get("url").String()] = true
	}
	return urls, nil
}

// dropOtherKept deletes the kept corpora other than keep: stale versions.
func dropOtherKept(keep string) error {
	names, err := offlineAwait(cacheStorage().Call("keys"))
	if err != nil {
		return err
	}
	for i := range names.Length() {
		name := names.Index(i).String()
		if strings.HasPrefix(name, keptCachePrefix) && name != keep {
			if _, err := offlineAwait(cacheStorage().Call("delete", name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// dropKept deletes the Cache name.
func dropKept(name string) error {
	_, err := offlineAwait(cacheStorage().Call("delete", name))
	return err
}

// absoluteURL resolves u against the page, as the Cache API keys it.
func absoluteURL(u string) string {
	w := app.Window()
	return w.Get("URL").New(u, w.Get("location").Get("href")).Get("href").String()
}

// storageFree estimates how many bytes the browser still lets this origin
// store; ok is false when it cannot tell.
func storageFree() (free int64, ok bool) {
	storage := app.Window().Get("navigator").Get("storage")
	if !storage.Truthy() || !storage.Get("estimate").Truthy() {
		return 0, false
	}
	est, err := offlineAwait(storage.Call("estimate"))
	if err != nil || est.Get("quota").Type() != app.TypeNumber || est.Get("usage").Type() != app.TypeNumber {
		return 0, false
	}
	return int64(est.Get("quota").Float() - est.Get("usage").Float()), true
}

// persistStorage asks the browser not to evict what is kept under storage
// pressure; the browser may decide without asking the visitor, or refuse.
func persistStorage() {
	storage := app.Window().Get("navigator").Get("storage")
	if storage.Truthy() && storage.Get("persist").Truthy() {
		storage.Call("persist")
	}
}

// jsKeepStore fetches files into one Cache; one AbortController stops all
// of its downloads.
type jsKeepStore struct {
	cache app.Value
	abort app.Value
}

func openKeepStore(name string) (keepStore, error) {
	cache, err := offlineAwait(cacheStorage().Call("open", name))
	if err != nil {
		return nil, keepErr(err)
	}
	return &jsKeepStore{cache: cache, abort: app.Window().Get("AbortController").New()}, nil
}

func (s *jsKeepStore) put(url string) error {
	init := app.Window().Get("Object").New()
	init.Set("signal", s.abort.Get("signal"))
	resp, err := offlineAwait(app.Window().Call("fetch", url, init))
	if err != nil {
		return keepErr(err)
	}
	if status := resp.Get("status").Int(); status != 200 {
		// A 206 would store a piece as if it were the file: only 200 goes in.
		if body := resp.Get("body"); body.Truthy() {
			body.Call("cancel")
		}
		return &keepHTTPError{status: status, text: resp.Get("statusText").String()}
	}
	if _, err := offlineAwait(s.cache.Call("put", url, resp)); err != nil {
		return keepErr(err)
	}
	return nil
}

func (s *jsKeepStore) stop() { s.abort.Call("abort") }

// keepErr maps the browser's errors to the ones the keeper explains.
func keepErr(err error) error {
	if e, ok := err.(*jsError); ok {
		switch e.name {
		case "QuotaExceededError":
			return errKeepQuota
		case "AbortError":
			return errKeepAborted
		}
	}
	return err
}
