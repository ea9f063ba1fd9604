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

// engineStatus is where loading the corpus stands.
type engineStatus int

const (
	enginePending engineStatus = iota // nobody asked for it yet
	engineLoading
	engineReady
	engineFailed
)

// engineState is the loaded corpus, kept in go-app's state store under
// engineStateKey: the routed page is rebuilt on navigation, the corpus is
// loaded once a visit. go-app's own docs site loads its data the same way
// (an action that sets a state which components observe).
type engineState struct {
	Status engineStatus
	Engine *search.Engine
	Err    error
}

const (
	engineStateKey   = "marsad/engine"
	loadEngineAction = "marsad/load-engine"
)

// firstResultsMark is the performance mark set once the first results of a
// visit are on the page.
const firstResultsMark = "marsad:first-results"

// handleLoadEngine opens the bundle (go-app runs global action handlers off
// the UI goroutine) and publishes the outcome as the engine state.
func handleLoadEngine(ctx app.Context, a app.Action) {
	var current engineState
	ctx.GetState(engineStateKey, &current)
	if current.Status == engineLoading || current.Status == engineReady {
		return
	}
	ctx.SetState(engineStateKey, engineState{Status: engineLoading})
	markLoad("go-ready")
	bundle := app.Getenv(BundleEnv)
	if bundle != "" {
		bundle = ctx.ResolveStaticResource(bundle)
	}
	exposeMemStats()
	// The browser build reads with JS fetch (not net/http, which would
	// add megabytes to app.wasm), gathering the ranges asked for at once.
	engine, err := openBundle(bundle, newBrowserFetch())
	if errors.Is(err, ErrNewVersion) && moveToNewVersion() {
		// The page reloads into the new version; until it does, the state
		// stays loading rather than blaming the visitor.
		return
	}
	if err != nil {
		ctx.SetState(engineStateKey, engineState{Status: engineFailed, Err: err})
		return
	}
	markLoad("bundle-open")
	ctx.SetState(engineStateKey, engineState{Status: engineReady, Engine: engine})
}

// fetchFunc gets bytes of a file at a URL: length bytes from off, or all
// of it when length < 0.
type fetchFunc func(url string, off, length int64) ([]byte, error)

// urlFetcher reads the files of a bundle from the folder URL base.
type urlFetcher struct {
	base  string
	fetch fetchFunc
}

func (u urlFetcher) Fetch(name string, off, length int64) ([]byte, error) {
	data, err := u.fetch(u.base+name, off, length)
	return data, classifyFetch(u.base+name, err)
}

// Pause implements index.Pauser: long decodes (the entity table) share the
// page's thread like a workbench view.
func (u urlFetcher) Pause() { pageThread.pause() }

// openBundle opens the bundle whose root file is at url, read with fetch;
// its errors name the file. Only the root is fetched now; the rest follows
// the queries.
func openBundle(url string, fetch fetchFunc) (*search.Engine, error) {
	if url == "" {
		return nil, errors.New("this build names no corpus bundle (" + BundleEnv + " is empty): rebuild the site with 'make build'")
	}
	base, root := path.Split(url)
	engine, err := search.Open(urlFetcher{base, fetch}, root)
	if err != nil {
		return nil, &renamedError{strings.Replace(err.Error(), root, url, 1), err}
	}
	return engine, nil
}

// renamedError says err in other words, keeping err in the chain (a new
// version, a part not kept offline).
type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }

// bundleBase is the URL folder of the loaded bundle's files.
func bundleBase() string {
	base, _ := path.Split(app.Getenv(BundleEnv))
	return base
}
