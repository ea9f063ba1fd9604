package ui

import (
	"errors"
	"path"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/search"
)

// BundleEnv is the app environment variable that holds the URL path of the
// bundle's root file; the site generator sets it to the content-hashed file
// name. The bundle's other files sit next to it.
const BundleEnv = "MARSAD_BUNDLE"

type loadStatus int

const (
	loadPending loadStatus = iota
	loadRunning
	loadReady
	loadFailed
)

// corpusEngine is the search engine over the loaded bundle. It lives at package
// level because the routed page component is rebuilt on navigation, while the
// bundle must be fetched and decoded once per visit.
var corpusEngine struct {
	status loadStatus
	engine *search.Engine
	err    error
	// The entity table is fetched after the first results.
	entities    loadStatus
	entitiesErr error
}

// firstResultsMark is the performance mark set once the first results of a
// visit are on the page.
const firstResultsMark = "marsad:first-results"

// fetchBundle gets bytes of a bundle file (all of it when length < 0); the
// browser build uses JS fetch (not net/http, which would add megabytes to
// app.wasm). Tests replace it.
var fetchBundle = fetchBytes

// urlFetcher reads the files of a bundle from the folder URL base.
type urlFetcher struct{ base string }

func (u urlFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	data, err := fetchBundle(u.base+name, off, length)
	return data, classifyFetch(u.base+name, err)
}

// loadEngine starts loading the bundle once and calls done on the UI goroutine
// when it is ready or has failed.
func loadEngine(ctx app.Context, done func(app.Context)) {
	// The static generator pre-renders the page natively: it shows the
	// loader, and only the browser fetches the bundle.
	if corpusEngine.status != loadPending || app.IsServer {
		return
	}
	corpusEngine.status = loadRunning
	exposeMemStats()
	path := app.Getenv(BundleEnv)
	if path != "" {
		path = ctx.ResolveStaticResource(path)
	}
	ctx.Async(func() {
		engine, err := openBundle(path)
		ctx.Dispatch(func(ctx app.Context) {
			if errors.Is(err, ErrNewVersion) && moveToNewVersion() {
				err = errors.New(newVersionMessage(true, err))
			}
			if err != nil {
				corpusEngine.status, corpusEngine.err = loadFailed, err
			} else {
				corpusEngine.status, corpusEngine.engine = loadReady, engine
			}
			done(ctx)
		})
	})
}

// openBundle opens the bundle whose root file is at url; its errors name the
// file. Only the root is fetched now; the rest follows the queries.
func openBundle(url string) (*search.Engine, error) {
	if url == "" {
		return nil, errors.New("this build names no corpus bundle (" + BundleEnv + " is empty): rebuild the site with 'make build'")
	}
	base, root := path.Split(url)
	engine, err := search.Open(urlFetcher{base}, root)
	if err != nil {
		return nil, &renamedError{strings.Replace(err.Error(), root, url, 1), err}
	}
	return engine, nil
}

// bundleBase is the URL folder of the loaded bundle's files.
func bundleBase() string {
	base, _ := path.Split(app.Getenv(BundleEnv))
	return base
}

// retryLoad lets the visitor try again after a failed load (a flaky network).
func retryLoad(ctx app.Context, done func(app.Context)) {
	corpusEngine.status, corpusEngine.err = loadPending, nil
	loadEngine(ctx, done)
}

// renamedError says err in other words, keeping err in the chain (a new
// version, a part not kept offline).
type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }
