//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"marsad/internal/site"
)

// rangeLog serves a site and records the Range header of every request for
// one file; with wholeFiles, it answers a request for several ranges with
// the whole file, as a server without multipart support does.
type rangeLog struct {
	files      http.Handler
	name       string
	wholeFiles bool

	mu     sync.Mutex
	ranges []string
}

func (s *rangeLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/"+s.name) {
		s.mu.Lock()
		s.ranges = append(s.ranges, r.Header.Get("Range"))
		s.mu.Unlock()
		if s.wholeFiles && strings.Contains(r.Header.Get("Range"), ",") {
			r.Header.Del("Range")
		}
	}
	s.files.ServeHTTP(w, r)
}

func (s *rangeLog) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.ranges...)
}

// The page asks for the ranges of one file in one request, and reads the
// multipart answer into the right bytes; from a server that answers with
// the whole file instead, it still gets the right bytes, and asks one range
// at a time from then on.
func TestBrowserFetchesTheRangesOfAFileInOneRequest(t *testing.T) {
	dir, bundle := largeSite(t)
	var pack []byte
	var name string
	for _, f := range bundle.Files {
		if strings.HasPrefix(f.Name, "d-") {
			pack, name = f.Data, f.Name
		}
	}
	if len(pack) < 1200 {
		t.Fatalf("the test site's document pack has %d bytes, want 1200 or more", len(pack))
	}
	ranges := [][2]int{{1000, 100}, {10, 50}, {200, 30}}
	var want []byte
	var wantSizes []int
	for _, r := range ranges {
		want = append(want, pack[r[0]:r[0]+r[1]]...)
		wantSizes = append(wantSizes, r[1])
	}
	for _, wholeFiles := range []bool{false, true} {
		t.Run(fmt.Sprintf("whole files %v", wholeFiles), func(t *testing.T) {
			log := &rangeLog{files: site.FileServer(dir), name: name, wholeFiles: wholeFiles}
			srv := httptest.NewServer(log)
			defer srv.Close()
			ctx := newBrowser(t)
			// The front page lists the corpus: its articles share the pack,
			// and the page's first request for them is for several ranges.
			do(t, ctx, chromedp.Navigate(srv.URL+"/"))
			waitFor(t, ctx, "the front page's articles", `document.querySelectorAll("li.hit").length === 5`)
			var multi int
			for _, r := range log.seen() {
				if strings.Contains(r, ",") {
					multi++
				}
			}
			if multi != 1 {
				t.Errorf("the front page asked for several ranges in %d requests (%q), want 1", multi, log.seen())
			}
			var requests [][]any
			for _, r := range ranges {
				requests = append(requests, []any{"/web/bundle/" + name, r[0], r[1]})
			}
			js, _ := json.Marshal(requests)
			type answer struct {
				Bytes  []byte   `json:"bytes"`
				Sizes  []int    `json:"sizes"`
				Errors []string `json:"errors"`
			}
			call := `marsadFetchRanges(` + string(js) + `).then(r => ({bytes: btoa(String.fromCharCode(...r.bytes)), sizes: r.sizes, errors: r.errors}))`
			for round := 0; round < 2; round++ {
				before := len(log.seen())
				got := awaitJS[answer](t, ctx, call)
				if !reflect.DeepEqual(got.Sizes, wantSizes) || !reflect.DeepEqual(got.Bytes, want) || strings.Join(got.Errors, "") != "" {
					t.Fatalf("round %d: sizes %v errors %q, bytes equal %v; want sizes %v", round, got.Sizes, got.Errors, reflect.DeepEqual(got.Bytes, want), wantSizes)
				}
				asked := log.seen()[before:]
				if !wholeFiles && !reflect.DeepEqual(asked, []string{"bytes=1000-1099,10-59,200-229"}) {
					t.Errorf("round %d: requests with ranges %q, want one for all three", round, asked)
				}
				// The server answered the front page's request for several
				// ranges with the whole file: the page asks one at a time
				// (on the second round the service worker may answer some
				// from the pieces it kept from the first).
				if wholeFiles && (len(asked) > 3 || round == 0 && len(asked) != 3 || strings.Contains(strings.Join(asked, " "), ",")) {
					t.Errorf("round %d: requests with ranges %q, want one a range", round, asked)
				}
			}
		})
	}
}
