package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetRunes is the target length of a snippet, in characters.
const snippetRunes = 200

// lookBackRunes is how far before the first match a snippet may start to
// begin at a sentence start instead of mid-sentence.
const lookBackRunes = 60

// contextRunes is how much text precedes the first match when no sentence
// start is near.
const contextRunes = 25

const ellipsis = "…"

// makeSnippet picks the ~200-character window of text with the most distinct
// matched words (then the most matches), cut at word boundaries, starting at
// a sentence start when one is close before the first match. Without matches
// it is the start of the text.
func makeSnippet(text string, matches []Span) Snippet {
	if text == "" {
		return Snippet{}
	}
	start := 0
	if len(matches) > 0 {
		best, bestScore := 0, -1
		for i, m := range matches {
			limit := advanceRunes(text, m.Start, snippetRunes)
			distinct := map[string]bool{}
			n := 0
			for _, o := range matches[i:] {
				if o.End > limit {
					break
				}
				distinct[o.Text] = true
				n++
			}
			if s := len(distinct)*1000 + n; s > bestScore {
				best, bestScore = i, s
			}
		}
		start = windowStart(text, matches[best].Start)
	}
	end := advanceRunes(text, start, snippetRunes)
	if end < len(text) {
		// Cut after the last whole word.
		if cut := strings.LastIndexFunc(text[start:end], unicode.IsSpace); cut > 0 {
			end = start + cut
		}
	}
	body := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
	end = start + len(body)
	var sb strings.Builder
	prefix := 0
	if start > 0 && !isParagraphStart(text, start) {
		sb.WriteString(ellipsis)
		prefix = len(ellipsis)
	}
	// Paragraph breaks become spaces (same byte length, offsets hold).
	sb.WriteString(strings.ReplaceAll(body, "\n", " "))
	if end < len(text) {
		sb.WriteString(ellipsis)
	}
	snip := Snippet{Text: sb.String()}
	for _, m := range matches {
		if m.Start >= start && m.End <= end {
			s := m.Start - start + prefix
			snip.Marks = append(snip.Marks, Span{Start: s, End: s + len(m.Text), Text: m.Text})
		}
	}
	return snip
}

// windowStart chooses where a snippet showing a match at byte offset at
// begins: the start of its sentence if near, else a few words before it.
func windowStart(text string, at int) int {
	from := backRunes(text, at, lookBackRunes)
	// The latest sentence start in [from, at].
	for i := at; i > from; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if isSentenceEnd(r) {
			return skipSpace(text, i)
		}
		i -= size
	}
	if from == 0 {
		return 0
	}
	from = backRunes(text, at, contextRunes)
	// Move forward to the next word start so no word is cut.
	if i := strings.IndexFunc(text[from:at], unicode.IsSpace); i >= 0 {
		return skipSpace(text, from+i)
	}
	return at
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '\n', '؛', '…':
		return true
	}
	return false
}

func isParagraphStart(text string, i int) bool {
	return i == 0 || text[i-1] == '\n'
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// advanceRunes returns the byte offset n runes after i (or len(text)).
func advanceRunes(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// backRunes returns the byte offset n runes before i (or 0).
func backRunes(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}
