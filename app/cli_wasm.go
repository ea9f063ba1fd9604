//go:build wasm

package main

import "io"

// run is never reached in the browser: app.RunWhenOnBrowser does not return.
func run(args []string, stdout, stderr io.Writer) int { return 0 }
