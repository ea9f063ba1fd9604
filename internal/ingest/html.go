package ingest

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"marsad/internal/corpus"
)

// dropped are the elements whose content is page furniture or code, never
// article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true,
}

// blocks are the elements that end a line of text; inline ones (a, span,
// b…) do not, so a link inside a sentence stays inside it.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true,
	atom.Figure: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Hr: true, atom.Address: true, atom.Body: true, atom.Caption: true,
}

// metaFields maps <meta property|name> to the record field it fills; the
// first one present wins.
var metaFields = map[string]string{
	"article:published_time": "date", "og:published_time": "date", "date": "date",
	"pubdate": "date", "publish-date": "date", "dc.date": "date", "dc.date.issued": "date",
	"og:site_name": "source", "author": "author", "article:author": "author",
	"dc.creator": "author", "article:section": "category", "og:title": "title",
}

// htmlRecord strips a page to its article text and metadata. Text comes
// from the first <article> (or <main>) when the page has one, else from the
// whole body; the title is the first <h1> outside dropped elements, else
// og:title, else <title>.
func htmlRecord(raw []byte) corpus.Record {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var (
		body, main   textBuilder
		mainDepth    int  // >0 inside the <article>/<main> kept as the text
		mainDone     bool // one article only: the first
		skip         []atom.Atom
		pre          int
		inTitle, inH bool
		title, h1    strings.Builder
		h1Done       bool
		meta         = map[string]string{}
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF, or malformed beyond repair: keep what was read
		}
		tok := z.Token()
		a := tok.DataAtom
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			if a == atom.Meta {
				readMeta(tok, meta)
				continue
			}
			if len(skip) > 0 {
				if dropped[a] && tt == html.StartTagToken {
					skip = append(skip, a)
				}
				continue
			}
			if dropped[a] {
				if tt == html.StartTagToken {
					skip = append(skip, a)
				}
				continue
			}
			switch a {
			case atom.Title:
				inTitle = true
			case atom.H1:
				inH = !h1Done
			case atom.Pre:
				pre++
			case atom.Article, atom.Main:
				if !mainDone {
					mainDepth++
				}
			case atom.Img:
				continue // alt text is a caption at best, often a file name
			}
			if blocks[a] {
				body.newline()
				main.newline()
			}
		case html.EndTagToken:
			if len(skip) > 0 {
				if skip[len(skip)-1] == a {
					skip = skip[:len(skip)-1]
				}
				continue
			}
			switch a {
			case atom.Title:
				inTitle = false
			case atom.H1:
				if inH && strings.TrimSpace(h1.String()) != "" {
					h1Done = true
				}
				inH = false
			case atom.Pre:
				pre = max(pre-1, 0)
			case atom.Article, atom.Main:
				if mainDepth > 0 {
					mainDepth--
					if mainDepth == 0 && strings.TrimSpace(main.String()) != "" {
						mainDone = true
					}
				}
			}
			if blocks[a] {
				body.newline()
				main.newline()
			}
		case html.TextToken:
			if len(skip) > 0 {
				continue
			}
			t := tok.Data // entities already decoded
			if inTitle {
				title.WriteString(t)
				continue
			}
			if inH {
				h1.WriteString(t)
			}
			body.text(t, pre > 0)
			if mainDepth > 0 {
				main.text(t, pre > 0)
			}
		}
	}
	rec := corpus.Record{
		Date: meta["date"], Source: meta["source"], Author: meta["author"], Category: meta["category"],
		Text: body.String(),
	}
	if m := main.String(); strings.TrimSpace(m) != "" {
		rec.Text = m
	}
	switch {
	case h1Done:
		rec.Title = collapse(h1.String())
	case meta["title"] != "":
		rec.Title = meta["title"]
	default:
		rec.Title = siteless(collapse(title.String()), rec.Source)
	}
	return rec
}

func readMeta(tok html.Token, meta map[string]string) {
	var key, content string
	for _, at := range tok.Attr {
		switch strings.ToLower(at.Key) {
		case "property", "name", "itemprop":
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(at.Val))
			}
		case "content":
			content = collapse(at.Val)
		}
	}
	field, ok := metaFields[key]
	if !ok || content == "" || meta[field] != "" {
		return
	}
	if field == "author" && (strings.HasPrefix(content, "http://") || strings.HasPrefix(content, "https://")) {
		return // article:author is often a profile URL, not a name
	}
	meta[field] = content
}

// siteless drops the site name a <title> often ends with ("… - الجزيرة نت").
func siteless(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" - ", " | ", " – ", " — ", " :: "} {
		if rest, ok := strings.CutSuffix(title, sep+site); ok {
			return strings.TrimSpace(rest)
		}
	}
	return title
}

// collapse turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// textBuilder accumulates text with HTML's white-space rules: runs of white
// space are one space except inside <pre>, and block boundaries are line
// ends (never more than one in a row: blank lines carry nothing here).
type textBuilder struct {
	b       strings.Builder
	pending bool // a space is owed before the next word
}

func (t *textBuilder) newline() {
	s := t.b.String()
	if len(s) > 0 && s[len(s)-1] != '\n' {
		t.b.WriteByte('\n')
	}
	t.pending = false
}

func (t *textBuilder) text(s string, pre bool) {
	if pre {
		t.b.WriteString(s)
		t.pending = false
		return
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		t.pending = t.pending || s != ""
		return
	}
	startsSpace := strings.TrimLeft(s, " \t\r\n\f") != s
	if (t.pending || startsSpace) && t.b.Len() > 0 && !strings.HasSuffix(t.b.String(), "\n") {
		t.b.WriteByte(' ')
	}
	t.b.WriteString(strings.Join(words, " "))
	t.pending = strings.TrimRight(s, " \t\r\n\f") != s
}

func (t *textBuilder) String() string { return t.b.String() }
