//go:build !wasm

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/corpus"
)

// seedTexts are the seed articles' texts by id.
func seedTexts(t *testing.T) map[string]string {
	t.Helper()
	docs, err := corpus.LoadDir(seedCorpus)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	return text
}

func TestKWICJSONLinesPointIntoTheReaderText(t *testing.T) {
	code, out, errOut := runCLI(t, "kwic", "-json", "-limit", "0", "-corpus", seedCorpus, "تويتر")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var file struct {
		About struct {
			View, Query string
			Command     []string
			Rows        int
		}
		Rows []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &file); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	rows := file.Rows
	if len(rows) == 0 {
		t.Fatal("no lines")
	}
	// The file says what it is of and what made it.
	if a := file.About; a.View != "kwic" || a.Query != "تويتر" || a.Rows != len(rows) || strings.Join(a.Command, " ") != "marsad kwic -json -limit 0 -corpus "+seedCorpus+" تويتر" {
		t.Errorf("about %+v", a)
	}
	text := seedTexts(t)
	for _, r := range rows {
		id, _ := r["id"].(string)
		start, end := int(r["start"].(float64)), int(r["end"].(float64))
		if got := text[id][start:end]; got != r["match"] || !strings.Contains(got, "تويتر") {
			t.Errorf("%s %d–%d: text %q, line says %q", id, start, end, got, r["match"])
		}
		if r["hit"].(float64) < 1 {
			t.Errorf("hit numbers start at 1 (the reader's &hit=): %v", r["hit"])
		}
	}
	// The text output counts the same lines.
	code, plain, _ := runCLI(t, "kwic", "-limit", "0", "-corpus", seedCorpus, "تويتر")
	if code != 0 || !strings.HasPrefix(plain, strconv.Itoa(len(rows))+" occurrences of \"تويتر\"") || strings.Count(plain, "⟦") != len(rows) {
		t.Errorf("text output for %d lines:\n%s", len(rows), plain)
	}
}

func TestKWICCSVIsASpreadsheetFile(t *testing.T) {
	code, out, errOut := runCLI(t, "kwic", "-csv", "-limit", "2", "-sort", "before1", "-corpus", seedCorpus, "تويتر")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\uFEFFid,title,source,date,url,hit,start,end,before,match,after\r\n") || strings.Count(out, "\r\n") != 3 {
		t.Errorf("CSV:\n%q", out)
	}
}

func TestWorkbenchCommandsSayWhatIsWrong(t *testing.T) {
	for _, args := range [][]string{
		{"kwic"},
		{"kwic", "-sort", "left", "تويتر"},
		{"kwic", "source:x"},
		{"kwic", "-json", "-csv", "تويتر"},
		{"trends", "a", "b", "c", "d", "e", "f"},
		{"trends", "-unit", "week", "تويتر"},
		{"collocates", "-window", "0", "تويتر"},
		{"compare", "source:x"},
		{"words", "-forms"},
	} {
		code, _, errOut := runCLI(t, append([]string{args[0], "-corpus", seedCorpus}, args[1:]...)...)
		if code != 2 || !strings.HasPrefix(errOut, "marsad: ") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

func TestTrendsCSVCountsEveryOccurrence(t *testing.T) {
	code, out, errOut := runCLI(t, "trends", "-json", "-corpus", seedCorpus, "تويتر")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var file struct {
		Rows []struct {
			Query, Kind, Period string
			Count               int
		}
	}
	if err := json.Unmarshal([]byte(out), &file); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	rows := file.Rows
	total := 0
	for _, r := range rows {
		total += r.Count
	}
	// Every occurrence, title and text, is in one row: a period, a coarse
	// date or the undated.
	code, plain, _ := runCLI(t, "trends", "-corpus", seedCorpus, "تويتر")
	if code != 0 || !strings.Contains(plain, strconv.Itoa(total)+" occurrences in ") {
		t.Errorf("rows sum to %d; text output:\n%s", total, plain)
	}
}

func TestWordsAndCollocatesAndCompareRunOnTheSeeds(t *testing.T) {
	for _, args := range [][]string{
		{"words", "-limit", "5"},
		{"words", "-forms", "تويتر"},
		{"collocates", "-min", "1", "تويتر"},
		{"compare", "-q", "تويتر", "date:..2016", "date:2017.."},
	} {
		code, out, errOut := runCLI(t, append([]string{args[0], "-corpus", seedCorpus}, args[1:]...)...)
		if code != 0 || out == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestCSVOutputKeepsCRLFAndStillEscapesControls(t *testing.T) {
	var out strings.Builder
	w := allowCRLF(escapeControls(&out))
	for _, s := range []string{"a,b\r\n", "x\x1b[31m,y\r", "\nlone\rcr\r\n"} {
		if _, err := w.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if want := "a,b\r\nx\\x1b[31m,y\r\nlone\\x0dcr\r\n"; out.String() != want {
		t.Errorf("wrote %q, want %q", out.String(), want)
	}
}

func TestTermGroupsFromAFileWorkInSearchAndTheWorkbench(t *testing.T) {
	groups := filepath.Join(t.TempDir(), "groups.json")
	if err := os.WriteFile(groups, []byte(`[{"name": "منصات", "terms": ["تويتر", "فيسبوك"]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(args ...string) int {
		t.Helper()
		code, out, errOut := runCLI(t, append([]string{"kwic", "-json", "-limit", "0", "-corpus", seedCorpus}, args...)...)
		if code != 0 {
			t.Fatalf("kwic %v: exit %d: %s", args, code, errOut)
		}
		var file struct{ Rows []map[string]any }
		if err := json.Unmarshal([]byte(out), &file); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		return len(file.Rows)
	}
	both, twitter, facebook := count("-groups", groups, "group:منصات"), count("تويتر"), count("فيسبوك")
	if both == 0 || both != count("تويتر OR فيسبوك") || both < twitter || both < facebook {
		t.Errorf("group:منصات gave %d lines; تويتر %d, فيسبوك %d", both, twitter, facebook)
	}
	code, out, errOut := runCLI(t, "search", "-json", "-groups", groups, "-corpus", seedCorpus, "group:منصات")
	if code != 0 || !strings.Contains(out, `"total"`) {
		t.Errorf("search with -groups: exit %d, %s %s", code, errOut, out)
	}
	// Batch mode reads the groups too: a line naming the group finds what
	// the OR of its terms finds.
	batch := filepath.Join(t.TempDir(), "queries.tsv")
	os.WriteFile(batch, []byte("g\tgroup:منصات\nor\tتويتر OR فيسبوك\n"), 0o644)
	code, out, errOut = runCLI(t, "search", "-json", "-limit", "0", "-groups", groups, "-queries", batch, "-corpus", seedCorpus)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("batch with -groups: exit %d, %q %s", code, out, errOut)
	}
	var g, or struct{ Hits []struct{ ID string } }
	json.Unmarshal([]byte(lines[0]), &g)
	json.Unmarshal([]byte(lines[1]), &or)
	if len(g.Hits) == 0 || !reflect.DeepEqual(g.Hits, or.Hits) {
		t.Errorf("batch group:منصات found %v; تويتر OR فيسبوك found %v", g.Hits, or.Hits)
	}
	code, _, errOut = runCLI(t, "search", "-corpus", seedCorpus, "group:غائب")
	if code != 0 || !strings.Contains(errOut, "group:غائب") {
		t.Errorf("an unknown group is searched as words and said: exit %d, stderr %q", code, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"x": []}`), 0o644)
	if code, _, errOut := runCLI(t, "kwic", "-groups", bad, "-corpus", seedCorpus, "تويتر"); code == 0 || !strings.Contains(errOut, "bad.json") {
		t.Errorf("a bad groups file: exit %d, stderr %q", code, errOut)
	}
}
