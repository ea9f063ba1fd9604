package ui

import (
	"errors"
	"path"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What a failed read of the bundle means for a visitor, told apart below
// the page's text so that each gets its own message.
var (
	// ErrNewVersion: a file of the bundle, named after its content, is
	// gone from the host. Its name changes with its content, so a new
	// version of the site was published since this page was loaded; the
	// visitor did nothing wrong, and the page moves to the new version.
	ErrNewVersion = errors.New("a new version of the site is published")
	// ErrNotKeptOffline: the network failed for a part of the corpus this
	// device does not keep: offline, it is not available.
	ErrNotKeptOffline = errors.New("not kept offline")
)

// fetchFailure is a failed fetch of a bundle file, classified.
type fetchFailure struct {
	kind error
	err  error
}

func (f *fetchFailure) Error() string   { return f.err.Error() }
func (f *fetchFailure) Unwrap() []error { return []error{f.kind, f.err} }

// classifyFetch tells what a failed fetch of the bundle file at url means.
// The fetchers say "HTTP <status> …" for an answer that is not a success,
// and pass on the browser's own error for a request that got no answer at
// all (the network, or the service worker with nothing kept).
func classifyFetch(url string, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case (strings.HasPrefix(msg, "HTTP 404") || strings.HasPrefix(msg, "HTTP 410")) && contentNamed(url):
		return &fetchFailure{ErrNewVersion, err}
	case noAnswer(msg):
		return &fetchFailure{ErrNotKeptOffline, err}
	}
	return err
}

// noAnswer recognises the browsers' words for a fetch that got no answer:
// Chromium's "Failed to fetch", Firefox's "NetworkError when attempting to
// fetch resource", Safari's "Load failed".
func noAnswer(msg string) bool {
	for _, s := range []string{"Failed to fetch", "NetworkError", "Load failed", "network error"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// contentNamed reports whether a bundle file's name carries its content
// hash (corpus-…, t-…, d-… .mrsd), so that a new version has new names.
func contentNamed(url string) bool {
	name := path.Base(strings.SplitN(url, "?", 2)[0])
	prefix, hash, ok := strings.Cut(strings.TrimSuffix(name, ".mrsd"), "-")
	return ok && strings.HasSuffix(name, ".mrsd") && prefix != "" && len(hash) >= 8
}

// newVersionMessage is what the page says while it moves to the new
// version, or, when it already reloaded for this one and the file is still
// missing, that the site is damaged.
func newVersionMessage(t *texts, reloading bool, err error) string {
	if reloading {
		return t.newVersion
	}
	return t.newVersionStillMissing + " " + err.Error()
}

// notOfflineMessage says that a part of the corpus is not kept on this
// device, and how to keep the whole corpus offline and at what size.
func notOfflineMessage(t *texts) string {
	total, _ := strconv.ParseInt(app.Getenv(BundleSizeEnv), 10, 64)
	msg := t.notKeptOffline
	if !corpusPrecached() && total > 0 {
		msg += " " + t.keepOfflineOffer(t.size(total))
	}
	return msg
}

// asNewVersion returns err when it says a new version is published, nil
// otherwise.
func asNewVersion(err error) error {
	if errors.Is(err, ErrNewVersion) {
		return err
	}
	return nil
}
