package ui

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestClassifyFetch(t *testing.T) {
	for _, tc := range []struct {
		url, err string
		want     error
	}{
		{"/web/bundle/t-0123456789abcdef.mrsd", "HTTP 404 Not Found", ErrNewVersion},
		{"/marsad/web/bundle/corpus-0123456789abcdef.mrsd", "HTTP 410 Gone", ErrNewVersion},
		{"/web/bundle/t-0123456789abcdef.mrsd", "TypeError: Failed to fetch", ErrNotKeptOffline},
		{"/web/bundle/d-0123456789abcdef.mrsd", "TypeError: NetworkError when attempting to fetch resource.", ErrNotKeptOffline},
		{"/web/bundle/t-0123456789abcdef.mrsd", "HTTP 500 Internal Server Error", nil},
		{"/web/bundle/bundle.mrsd", "HTTP 404 Not Found", nil}, // not named after its content
	} {
		err := classifyFetch(tc.url, errors.New(tc.err))
		for _, kind := range []error{ErrNewVersion, ErrNotKeptOffline} {
			if errors.Is(err, kind) != (kind == tc.want) {
				t.Errorf("%s %q: classified %v, want %v", tc.url, tc.err, err, tc.want)
			}
		}
		if err.Error() != tc.err {
			t.Errorf("%s: message %q changed to %q", tc.url, tc.err, err.Error())
		}
	}
}

// A chunk that the host answers 404 for is a new version, not damage; one
// the network cannot bring is not available offline. Either way the page
// keeps its search box and says so, never "rebuild the site".
func TestExplorerTellsANewVersionAndAPartNotKeptOfflineFromDamage(t *testing.T) {
	for _, tc := range []struct {
		name, fail, want string
	}{
		{"gone from the host", "HTTP 404 Not Found", arabicTexts.newVersionStillMissing},
		{"no network", "TypeError: Failed to fetch", "غير متاح دون اتصال"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bundle := seedBundle(t)
			files := bundle.Fetcher()
			serve, _ := serveBundle(files)
			failing := false // term chunks fail once the bundle is open
			engine, err := openBundle("/web/bundle/"+bundle.Root, func(u string, off, length int64) ([]byte, error) {
				if failing && strings.Contains(u, "/t-") {
					return nil, errors.New(tc.fail)
				}
				return serve(u, off, length)
			})
			if err != nil {
				t.Fatal(err)
			}
			failing = true
			html := app.HTMLString(explorerAt(t, engine, "/?q="+url.QueryEscape("تويتر")))
			if !strings.Contains(html, tc.want) || strings.Contains(html, "أعد بناء الموقع") || !strings.Contains(html, `id="q"`) {
				t.Errorf("the page does not say %q, or says 'rebuild the site', or lost its search box:\n%s", tc.want, html)
			}
		})
	}
}
