//go:build !wasm

package main

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// escapingWriter shows, instead of sending, what a terminal would obey
// rather than print: C0 and C1 control characters other than newline and
// tab (ESC starts colour and cursor sequences, CR overwrites a line, BEL
// rings) and the bidirectional overrides and isolates that reorder the rest
// of a line. Titles, ids and file names come from the corpus, which anyone
// may have written; each such character is printed as \xNN or \uNNNN.
type escapingWriter struct {
	w       io.Writer
	pending []byte // the start of a UTF-8 sequence split across writes
	// crlf lets CR through before LF: the line end of a CSV file (RFC
	// 4180), which a terminal shows as a line end.
	crlf bool
}

// allowCRLF is w letting CRLF line ends through if it escapes controls.
func allowCRLF(w io.Writer) io.Writer {
	if e, ok := w.(*escapingWriter); ok {
		return &escapingWriter{w: e.w, crlf: true}
	}
	return w
}

func escapeControls(w io.Writer) io.Writer {
	if _, ok := w.(*escapingWriter); ok {
		return w
	}
	return &escapingWriter{w: w}
}

func (e *escapingWriter) Write(p []byte) (int, error) {
	data := p
	if len(e.pending) > 0 {
		data = append(e.pending, p...)
		e.pending = nil
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 && !utf8.FullRune(data[i:]) {
			e.pending = append([]byte(nil), data[i:]...)
			break
		}
		switch {
		case r == '\n' || r == '\t':
			out = append(out, byte(r))
		case r == '\r' && e.crlf && i+1 == len(data):
			e.pending = []byte{'\r'}
		case r == '\r' && e.crlf && data[i+1] == '\n':
			out = append(out, '\r')
		case r < 0x20 || r == 0x7f:
			out = fmt.Appendf(out, `\x%02x`, r)
		case (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
