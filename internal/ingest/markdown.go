package ingest

import (
	"regexp"
	"strings"

	"marsad/internal/corpus"
)

// markdownRecord strips Markdown to the text a reader sees. Front matter
// (--- key: value ---) fills title, date, source, author and category; the
// first "# " heading is the title otherwise. Code blocks are kept as text
// (without their fences): in news they hold quoted statements more often
// than code.
func markdownRecord(src string) corpus.Record {
	var rec corpus.Record
	src = strings.ReplaceAll(strings.TrimPrefix(src, bom), "\r\n", "\n")
	lines := strings.Split(src, "\n")
	lines = frontMatter(lines, &rec)

	var out []string
	var fence string // the open fence ("```" or "~~~"), "" outside code
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
				continue
			}
			out = append(out, l)
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		switch {
		case t == "":
			out = append(out, "")
			continue
		case mdRule.MatchString(t) || mdSetext.MatchString(t) || mdRefDef.MatchString(t):
			continue // rules, setext underlines, link reference definitions
		}
		if h := mdHeading.FindStringSubmatch(t); h != nil {
			t = strings.TrimSpace(strings.TrimRight(h[2], "# "))
			if len(h[1]) == 1 && rec.Title == "" {
				rec.Title = mdInline(t)
			}
		}
		t = mdQuote.ReplaceAllString(t, "")
		t = mdList.ReplaceAllString(t, "")
		out = append(out, mdInline(t))
	}
	rec.Text = strings.Join(out, "\n")
	return rec
}

var (
	mdHeading = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	mdRule    = regexp.MustCompile(`^([-*_])(\s*[-*_]){2,}$`)
	mdSetext  = regexp.MustCompile(`^(=+|-+)$`)
	mdRefDef  = regexp.MustCompile(`^\[[^\]]+\]:\s+\S+`)
	mdQuote   = regexp.MustCompile(`^(>\s?)+`)
	mdList    = regexp.MustCompile(`^([-*+]|\d+[.)])\s+`)

	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]`)
	mdAutolink = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	mdCode     = regexp.MustCompile("`+([^`]*)`+")
	// Emphasis markers only where they open or close a word, so snake_case
	// and 2*3 survive.
	mdStrong = regexp.MustCompile(`(\*\*|__|~~)(\S(?:.*?\S)?)(\*\*|__|~~)`)
	mdEm     = regexp.MustCompile(`(^|[\s(«"])[*_](\S(?:[^*_]*?\S)?)[*_]($|[\s.,،؛:!?؟)»"])`)
	mdHTML   = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// mdInline removes inline syntax: images go, links keep their text, code
// spans and emphasis keep their content.
func mdInline(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1$2")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$2")
	s = mdEm.ReplaceAllString(s, "$1$2$3")
	s = mdHTML.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ") // a dropped image leaves two spaces
}

// frontMatter reads a leading "---" block of "key: value" lines into rec and
// returns the lines after it. Anything it does not recognise is left alone.
func frontMatter(lines []string, rec *corpus.Record) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			for _, l := range lines[1:i] {
				k, v, ok := strings.Cut(l, ":")
				if !ok {
					continue
				}
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				switch strings.ToLower(strings.TrimSpace(k)) {
				case "title":
					rec.Title = v
				case "date", "published":
					rec.Date = v
				case "source", "site":
					rec.Source = v
				case "author":
					rec.Author = v
				case "category", "section":
					rec.Category = v
				case "url", "link":
					rec.URL = v
				}
			}
			return lines[i+1:]
		}
	}
	return lines // no closing "---": not front matter
}
