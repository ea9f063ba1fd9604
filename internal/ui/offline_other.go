//go:build !wasm

package ui

import "errors"

// Natively there is no browser: the page is only pre-rendered there, and the
// keeper shows its note without offering anything.

var errNoBrowser = errors.New("keeping the corpus offline needs a browser")

func keepSupported() bool { return false }

func keptURLs(name string) (map[string]bool, error) { return nil, errNoBrowser }

func dropOtherKept(keep string) error { return errNoBrowser }

func dropKept(name string) error { return errNoBrowser }

func absoluteURL(u string) string { return u }

func storageFree() (int64, bool) { return 0, false }

func persistStorage() {}

func openKeepStore(name string) (keepStore, error) { return nil, errNoBrowser }
