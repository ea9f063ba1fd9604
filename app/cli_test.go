//go:build !wasm

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"marsad/internal/corpus"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut strings.Builder
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

const seedCorpus = "../web/corpus"

func TestSearchJSONGivesHitsWithMatchOffsetsIntoTheReaderText(t *testing.T) {
	code, out, errOut := runCLI(t, "search", "-json", "-corpus", seedCorpus, "تويتر")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res jsonResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if res.Query != "تويتر" || res.Total != 4 {
		t.Errorf("query %q total %d, want تويتر and 4", res.Query, res.Total)
	}
	docs, err := corpus.LoadDir(seedCorpus)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
		if h.Title == "" || h.Snippet == "" || h.Score <= 0 || len(h.Matches) == 0 {
			t.Errorf("hit %s incomplete: %+v", h.ID, h)
		}
		for _, m := range h.Matches {
			if got := text[h.ID][m.Start:m.End]; got != m.Text || !strings.Contains(m.Text, "تويتر") {
				t.Errorf("%s match %d-%d: text %q, document has %q", h.ID, m.Start, m.End, m.Text, got)
			}
		}
	}
	sort.Strings(ids)
	if strings.Join(ids, " ") != "000_7fa01f341305d679 001_c483dde8c62f1c3b 002_42e37f6622a20da9 003_86d0032281bea5ec" {
		t.Errorf("ids %v", ids)
	}
}

func TestSearchLimitZeroMeansAllHits(t *testing.T) {
	count := func(limit string) int {
		code, out, errOut := runCLI(t, "search", "-json", "-limit", limit, "-corpus", seedCorpus, "الإنترنت")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res jsonResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		return len(res.Hits)
	}
	if one, all := count("1"), count("0"); one != 1 || all < 3 {
		t.Errorf("-limit 1 gave %d hits, -limit 0 gave %d", one, all)
	}
}

func TestSearchSearchesABuiltBundle(t *testing.T) {
	bundle := filepath.Join(t.TempDir(), "corpus.mrsd")
	if code, _, errOut := runCLI(t, "index", "-corpus", seedCorpus, "-out", bundle); code != 0 {
		t.Fatalf("index: %s", errOut)
	}
	code, out, errOut := runCLI(t, "search", "-bundle", bundle, "-aliases=false", "داعش")
	if code != 0 || !strings.HasPrefix(out, "4 hits") {
		t.Errorf("exit %d, output %q %s", code, out, errOut)
	}
	// With its other names (the default), also the article that says only
	// تنظيم الدولة, and the output says what else was searched.
	code, out, errOut = runCLI(t, "search", "-bundle", bundle, "داعش")
	if code != 0 || !strings.HasPrefix(out, "5 hits") || !strings.Contains(out, "also searched for داعش: تنظيم الدولة") {
		t.Errorf("exit %d, output %q %s", code, out, errOut)
	}
}

func TestSearchReportsAMalformedQuery(t *testing.T) {
	code, _, errOut := runCLI(t, "search", "-corpus", seedCorpus, `"تنظيم الدولة`)
	if code == 0 || errOut == "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestIndexNamesTheFileAndTheReason(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		content    []byte
		want       string
	}{
		{"invalid UTF-8", "005_bad.txt", []byte("نص \xff\xfe عربي"), "invalid UTF-8"},
		{"empty", "006_empty.txt", nil, "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), tc.content, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, errOut := runCLI(t, "index", "-corpus", dir, "-out", filepath.Join(dir, "x.mrsd"))
			if code == 0 || !strings.Contains(errOut, tc.file) || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q: want the file %s and %q", code, errOut, tc.file, tc.want)
			}
		})
	}
	code, _, errOut := runCLI(t, "index", "-corpus", "/no/such/corpus")
	if code == 0 || !strings.Contains(errOut, "/no/such/corpus") {
		t.Errorf("missing folder: exit %d, stderr %q", code, errOut)
	}
}

func TestAnalyzeJSONGivesOffsetsAndTerms(t *testing.T) {
	text := "وبتويتر «داعش»"
	code, out, errOut := runCLI(t, "analyze", "-json", text)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Tokens []jsonToken `json:"tokens"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Tokens) != 2 {
		t.Fatalf("tokens %+v", res.Tokens)
	}
	for i, want := range []struct{ text, term string }{{"وبتويتر", "تويتر"}, {"داعش", "داعش"}} {
		tok := res.Tokens[i]
		if tok.Text != want.text || text[tok.Start:tok.End] != want.text || tok.Term != want.term {
			t.Errorf("token %d = %+v, want %q with term %q", i, tok, want.text, want.term)
		}
	}
}

func TestCommandsRefuseMissingArguments(t *testing.T) {
	for _, args := range [][]string{{}, {"search"}, {"analyze"}, {"frobnicate"}, {"search", "-limit", "-1", "x"}} {
		if code, _, errOut := runCLI(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want usage error 2", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "serve", "-dist", t.TempDir()); code != 1 || !strings.Contains(errOut, "make build") {
		t.Errorf("serve without a site: exit %d, %q", code, errOut)
	}
}
