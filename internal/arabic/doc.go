// Package arabic turns Arabic text into index terms: tokenize with byte offsets
// into the original text, normalize orthography, drop stop words, stem lightly.
// The index and the query use this very pipeline, so a word typed by a visitor
// meets the same word in an article whatever its spelling or clitics.
package arabic
