package ui

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"marsad/internal/corpus"
	"marsad/internal/search"
)

// maxPassageBytes bounds the passage a citation quotes: a whole paragraph
// when it is short, else the sentences around the hit.
const maxPassageBytes = 900

// citation is the text "cite this passage" copies: the passage around hit
// (the paragraph it is in, cut to sentences around it when long), then the
// article's title, source and date, its original address when it has one,
// and link, the Marsad address of that hit.
func citation(l lang, d *corpus.Document, spans []search.Span, hit int, link string, accessed time.Time) string {
	w, t := l.w(), l.t()
	passage := passageAround(d.Text, spans, hit)
	var b strings.Builder
	b.WriteString(w.quoteOpen + passage + w.quoteClose + "\n")
	b.WriteString("— " + d.Title)
	// A title that ends in its own mark (a question, an exclamation) takes
	// no comma after it: "؟،" reads as a slip.
	sep := l.comma()
	if last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(d.Title)); strings.ContainsRune("؟?!.…:", last) {
		sep = " "
	}
	if d.Source != "" {
		b.WriteString(sep + d.Source)
		sep = l.comma()
	}
	if d.Date != "" {
		b.WriteString(sep + t.displayDate(d.Date, d.DateInferred))
	}
	b.WriteString("\n")
	if corpus.WebAddress(d.URL) {
		b.WriteString(w.citeOriginal + d.URL + "\n")
	}
	// The day it was read: a corpus is rebuilt, and a link's hit with it.
	b.WriteString(w.citeInMarsad + link + " " + w.citeAccessed(t.displayDate(accessed.Format("2006-01-02"), false)) + "\n")
	return b.String()
}

// passageAround is the paragraph of text holding occurrence hit of the
// spans (search.Span.Occurrence; the first paragraph when there is no such
// occurrence), cut to whole sentences around it when it is longer than
// maxPassageBytes.
func passageAround(text string, spans []search.Span, hit int) string {
	at := 0
	if i := slices.IndexFunc(spans, func(s search.Span) bool { return s.Occurrence == hit }); i >= 0 {
		at = spans[i].Start
	}
	if at > len(text) {
		at = len(text)
	}
	start := strings.LastIndexByte(text[:at], '\n') + 1
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += at
	}
	if hit < 0 || hit >= len(spans) {
		// No hit: the first paragraph with text.
		for _, p := range strings.Split(text, "\n") {
			if strings.TrimSpace(p) != "" {
				start = strings.Index(text, p)
				end = start + len(p)
				break
			}
		}
	}
	if end-start <= maxPassageBytes {
		return strings.TrimSpace(text[start:end])
	}
	// Whole sentences around the hit, as many as fit.
	from, to := at, at
	if hit >= 0 && hit < len(spans) {
		to = spans[hit].End
	}
	for from > start && to-from < maxPassageBytes/2 {
		from = sentenceStartBefore(text, start, from)
	}
	for to < end && to-from < maxPassageBytes {
		to = sentenceEndAfter(text, to, end)
	}
	out := strings.TrimSpace(text[from:to])
	if from > start {
		out = "… " + out
	}
	if to < end {
		out += " …"
	}
	return out
}

// sentenceEnds are the marks that end a sentence in Arabic and Latin text.
const sentenceEnds = ".!?؟؛\u06d4"

// sentenceStartBefore is where the sentence before position at begins (not
// before floor).
func sentenceStartBefore(text string, floor, at int) int {
	i := at
	// Step over the mark that ends the previous sentence, if at sits on it.
	for i > floor {
		r, size := utf8.DecodeLastRuneInString(text[floor:i])
		if !strings.ContainsRune(sentenceEnds, r) && r != ' ' {
			break
		}
		i -= size
	}
	for i > floor {
		r, size := utf8.DecodeLastRuneInString(text[floor:i])
		if strings.ContainsRune(sentenceEnds, r) {
			return i
		}
		i -= size
	}
	return floor
}

// sentenceEndAfter is the end of the sentence that position at is in (not
// past ceiling), its mark included.
func sentenceEndAfter(text string, at, ceiling int) int {
	i := at
	for i < ceiling {
		r, size := utf8.DecodeRuneInString(text[i:ceiling])
		i += size
		if strings.ContainsRune(sentenceEnds, r) {
			return i
		}
	}
	return ceiling
}
