//go:build !wasm

package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// newBrowserFetch has no network natively: the page is only pre-rendered
// there (in its loading state), and tests open bundles with fetchers of
// their own.
func newBrowserFetch() fetchFunc {
	return func(url string, off, length int64) ([]byte, error) {
		return nil, errors.New("fetching " + url + ": not in a browser")
	}
}

// pageWasControlled: natively no service worker serves the page.
func pageWasControlled() bool { return false }

func markFirstResults() {}

func markLoad(string) {}

// afterPaint: natively nothing is painted.
func afterPaint(fn func()) { fn() }

// Natively there is no document to set, focus or scroll: the page is only
// pre-rendered there, and tested as HTML.
func syncDocument(lang, string)  {}
func focusElement(string)        {}
func focusResult(string, int)    {}
func rememberScroll(string)      {}
func restoreScroll(string)       {}
func storedString(string) string { return "" }
func storeString(string, string) {}

func queryStart() float64 { return 0 }

func measureQuery(float64) {}

func exposeMemStats() {}

// moveToNewVersion: natively there is no page to reload.
func moveToNewVersion() bool { return false }

func copyText(ctx app.Context, text string, done func(ctx app.Context, ok bool)) { done(ctx, false) }

func download(name, mimeType string, data []byte) {}

func readPickedFile(ctx app.Context, inputID string, done func(ctx app.Context, text string, err string)) {
	done(ctx, "", "no browser")
}

func giveBackThread() {}
