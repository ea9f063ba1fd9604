// Command marsad is the explorer and its tools in one binary: compiled to
// WebAssembly it is the page a visitor uses; run natively it is the command
// line that indexes a corpus, builds and serves the static site, and answers
// queries with the very same engine.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/ui"
)

func main() {
	markStart()
	ui.Routes()
	app.RunWhenOnBrowser() // in the browser this never returns
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
