package ui

import (
	htmlpkg "html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// htmlWriter writes the markup of the workbench's big tables and charts as
// one string that the page sets in one step (app.Raw): hundreds of rows
// made element by element cost the page's one thread a call into the
// browser per element and per attribute, most of a view's time. Every text
// and attribute value goes through htmlpkg.EscapeString here, and nowhere
// else is markup written: corpus text is shown as text, never read as HTML.
type htmlWriter struct {
	b strings.Builder
}

// open writes a start tag; attrs are name, value pairs, the values escaped
// (a name is always a constant of this package).
func (w *htmlWriter) open(tag string, attrs ...string) {
	w.b.WriteString("<" + tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteString(" " + attrs[i] + `="` + htmlpkg.EscapeString(attrs[i+1]) + `"`)
	}
	w.b.WriteString(">")
}

func (w *htmlWriter) close(tag string) { w.b.WriteString("</" + tag + ">") }

// text writes text, escaped.
func (w *htmlWriter) text(s string) { w.b.WriteString(htmlpkg.EscapeString(s)) }

// bidiText writes text with its Latin and numeric runs isolated left to
// right, as marked does for the page's other text (see ltrRuns).
func (w *htmlWriter) bidiText(s string) {
	at := 0
	for _, r := range ltrRuns(s) {
		w.text(s[at:r.start])
		w.open("bdi", "dir", "ltr")
		w.text(s[r.start:r.end])
		w.close("bdi")
		at = r.end
	}
	w.text(s[at:])
}

// ui is the markup as a go-app node; it must have one root element.
func (w *htmlWriter) ui() app.UI { return app.Raw(w.b.String()) }
