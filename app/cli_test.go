//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"marsad/internal/arabic"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"marsad/internal/corpus"
	"marsad/internal/ingest"

	"marsad/internal/testcorpus"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut strings.Builder
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

var seedCorpus = testcorpus.SeedDir()

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

func TestSearchReadsMalformedSyntaxAsText(t *testing.T) {
	code, out, errOut := runCLI(t, "search", "-corpus", seedCorpus, `"تنظيم الدولة`)
	if code != 0 || !strings.Contains(out, "read as text: query: unclosed quote") || strings.HasPrefix(out, "0 hits") {
		t.Errorf("exit %d, stdout %q, stderr %q: want hits and the unclosed quote named", code, out, errOut)
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
	// The term is the analyzer's key for the word, the same for وبتويتر and
	// تويتر (what it looks like is the analyzer's business).
	for i, want := range []struct{ text, term string }{{"وبتويتر", arabic.Terms("تويتر")[0]}, {"داعش", "داعش"}} {
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

// articleText is a body corpus.FromRecord keeps.
const articleText = "أعلنت وزارة الداخلية اليوم عن إلقاء القبض على خلية كانت تخطط لتنفيذ هجمات خلال عطلة العيد." +
	"\nوقال المتحدث باسم الوزارة إن العملية جاءت بعد متابعة دقيقة."

// articleLine is a JSONL record about a city.
func articleLine(id, city string) string {
	body := "في مدينة " + city + " " + articleText
	title := city
	b, _ := json.Marshal(map[string]string{"id": id, "title": title, "date": "2015-07-21", "source": "aawsat", "text": body})
	return string(b)
}

func writeInput(t *testing.T, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIndexReadsJSONLAndSummarisesWhatItSkipped(t *testing.T) {
	in := writeInput(t, "news.jsonl", articleLine("n1", "الموصل"), `{"id":"n2","text":`, articleLine("n3", "البصرة"))
	bundle := filepath.Join(t.TempDir(), "b.mrsd")
	code, out, errOut := runCLI(t, "index", "-corpus", in, "-out", bundle)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"(jsonl)", "records read    3", "articles kept   2", "skipped         1",
		in + ":2: n2: malformed JSON", "indexed 2 documents"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "search", "-bundle", bundle, "-aliases=false", "البصرة")
	if code != 0 || !strings.HasPrefix(out, "1 hits") {
		t.Errorf("search the JSONL bundle: exit %d, %q", code, out)
	}
	// search -corpus reads the same file, keeps -json clean and counts
	// the skipped record on stderr.
	code, out, errOut = runCLI(t, "search", "-json", "-corpus", in, "الموصل")
	var res jsonResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total != 1 || !strings.Contains(errOut, "1 records") {
		t.Errorf("search -corpus JSONL: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestIndexStrictFailsOnTheFirstProblemWithFileAndLine(t *testing.T) {
	in := writeInput(t, "news.jsonl", articleLine("n1", "الموصل"), articleLine("n1", "البصرة"))
	code, _, errOut := runCLI(t, "index", "-strict", "-corpus", in, "-out", filepath.Join(t.TempDir(), "b.mrsd"))
	if code != 1 || !strings.Contains(errOut, in+":2") || !strings.Contains(errOut, `duplicate id "n1"`) {
		t.Errorf("exit %d, stderr %q; want 1 and %s:2", code, errOut, in)
	}
}

func TestIndexReadsCSVWithTheColumnsFlag(t *testing.T) {
	var rows []string
	for _, r := range [][2]string{{"k1", "الموصل"}, {"k2", "البصرة"}} {
		var rec map[string]string
		_ = json.Unmarshal([]byte(articleLine(r[0], r[1])), &rec)
		rows = append(rows, r[0]+","+r[1]+`,"`+rec["text"]+`"`)
	}
	in := writeInput(t, "news.csv", append([]string{"key,headline,body_text"}, rows...)...)
	out := filepath.Join(t.TempDir(), "b.mrsd")
	code, stdout, errOut := runCLI(t, "index", "-corpus", in, "-columns", "id=key,title=headline,text=body_text", "-out", out)
	if code != 0 || !strings.Contains(stdout, "indexed 2 documents") {
		t.Errorf("exit %d: %s %s", code, stdout, errOut)
	}
	code, _, errOut = runCLI(t, "index", "-corpus", in, "-out", out)
	if code != 1 || !strings.Contains(errOut, in) || !strings.Contains(errOut, "no text column") {
		t.Errorf("without -columns: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "index", "-corpus", in, "-columns", "text=النص", "-out", out)
	if code != 1 || !strings.Contains(errOut, in) || !strings.Contains(errOut, `no column "النص"`) {
		t.Errorf("missing named column: exit %d, %q", code, errOut)
	}
}

func TestIndexFormatAndDuplicatesFlags(t *testing.T) {
	line := articleLine("n1", "الموصل")
	dup := strings.Replace(line, `"n1"`, `"n2"`, 1)
	out := filepath.Join(t.TempDir(), "b.mrsd")
	// JSONL under a name that does not say so is recognised by its content.
	in := writeInput(t, "export.txt", line, dup)
	code, stdout, errOut := runCLI(t, "index", "-corpus", in, "-out", out)
	if code != 0 || !strings.Contains(stdout, "(jsonl)") || !strings.Contains(stdout, "1 exact, 0 near") || !strings.Contains(stdout, "indexed 2 documents") {
		t.Errorf("auto on JSONL in export.txt: exit %d, %s %s", code, stdout, errOut)
	}
	code, stdout, errOut = runCLI(t, "index", "-duplicates", "drop", "-corpus", in, "-out", out)
	if code != 0 || !strings.Contains(stdout, "n2: exact duplicate of n1") || !strings.Contains(stdout, "indexed 1 documents") {
		t.Errorf("-duplicates drop: exit %d, %s %s", code, stdout, errOut)
	}
	// TSV under .txt: auto cannot tell, -format can.
	tsv := writeInput(t, "table.txt", "id\ttext", "t1\t"+strings.ReplaceAll(articleText, "\n", " "))
	if code, _, errOut := runCLI(t, "index", "-corpus", tsv, "-out", out); code != 1 || !strings.Contains(errOut, "-format") {
		t.Errorf("auto on TSV in table.txt: exit %d, %q", code, errOut)
	}
	if code, stdout, errOut := runCLI(t, "index", "-format", "tsv", "-corpus", tsv, "-out", out); code != 0 || !strings.Contains(stdout, "indexed 1 documents") {
		t.Errorf("-format tsv: exit %d, %s %s", code, stdout, errOut)
	}
	for _, bad := range [][]string{{"-duplicates", "merge"}, {"-format", "xml"}, {"-columns", "body=text"}} {
		if code, _, errOut := runCLI(t, append([]string{"index", "-corpus", in, "-out", out}, bad...)...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, %q; want usage error 2", bad, code, errOut)
		}
	}
}

func TestIndexSkippedListsEverySkippedRecord(t *testing.T) {
	lines := []string{articleLine("ok", "الموصل")}
	for i := range 8 {
		lines = append(lines, fmt.Sprintf(`{"id":"bad%d"`, i))
	}
	in := writeInput(t, "news.jsonl", lines...)
	out := filepath.Join(t.TempDir(), "b.mrsd")
	_, short, _ := runCLI(t, "index", "-corpus", in, "-out", out)
	_, long, _ := runCLI(t, "index", "-skipped", "-corpus", in, "-out", out)
	if !strings.Contains(short, "… and 3 more") || strings.Contains(short, in+":9:") {
		t.Errorf("default lists the first few:\n%s", short)
	}
	if !strings.Contains(long, in+":9: bad7: malformed JSON") || strings.Contains(long, "more") {
		t.Errorf("-skipped lists all:\n%s", long)
	}
}

// TestIngestKeepsTheSeedCorpusBundle: make build goes through ingest now;
// the bundle must be the one corpus.LoadDir's documents give.
func TestIngestKeepsTheSeedCorpusBundle(t *testing.T) {
	docs, err := corpus.LoadDir(seedCorpus)
	if err != nil {
		t.Fatal(err)
	}
	want, err := buildBundle(docs)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Load(seedCorpus, ingest.Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := buildBundle(res.Documents)
	if err != nil {
		t.Fatal(err)
	}
	if got.Root != want.Root {
		t.Error("the seed corpus bundle differs between ingest and corpus.LoadDir")
	}
}

func TestSearchQueryStartingWithMinusGoesAfterDoubleDash(t *testing.T) {
	code, out, errOut := runCLI(t, "search", "-json", "-corpus", seedCorpus, "--", "-زرافة", "تويتر")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res jsonResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if res.Query != "-زرافة تويتر" || res.Total == 0 {
		t.Errorf("query %q, %d hits; want the query after -- and some hits", res.Query, res.Total)
	}
	// Without --, the query reads as a flag: the error says what to do.
	code, _, errOut = runCLI(t, "search", "-corpus", seedCorpus, "-داعش")
	if code != 2 || !strings.Contains(errOut, "goes after --") {
		t.Errorf("exit %d, stderr %q; want 2 and how to pass a query starting with -", code, errOut)
	}
}

func TestSearchEscapesControlCharactersItPrints(t *testing.T) {
	dir := t.TempDir()
	corpusFile := filepath.Join(dir, "c.jsonl")
	// A title with an ESC sequence would pass cleaning only if it came from
	// the text; the id is printed as written, so it carries one here.
	line := `{"id":"evil\u001b[2J\u202e","title":"عنوان","text":"نص عن تويتر وغيره من المنصات في هذه المقالة."}` + "\n"
	if err := os.WriteFile(corpusFile, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "search", "-corpus", corpusFile, "تويتر")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("raw control characters reached the terminal: %q", out)
	}
	if !strings.Contains(out, `evil\x1b[2J\u202e`) {
		t.Errorf("output %q, want the id with its controls shown as escapes", out)
	}
}

func TestEscapingWriterKeepsASequenceSplitAcrossWrites(t *testing.T) {
	var b strings.Builder
	w := escapeControls(&b)
	rlo := []byte("a\u202eb")
	w.Write(rlo[:2]) // "a" and the first byte of U+202E
	w.Write(rlo[2:])
	if got, want := b.String(), `a\u202eb`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSearchReadsADamagedBundleAsThePageDoes: each damage is named with its
// file, every result that can still be read is printed, and the exit
// status is 1.
func TestSearchReadsADamagedBundleAsThePageDoes(t *testing.T) {
	built := filepath.Join(t.TempDir(), "bundle")
	if code, _, errOut := runCLI(t, "index", "-corpus", seedCorpus, "-out", built); code != 0 {
		t.Fatalf("index: %s", errOut)
	}
	damaged := func(t *testing.T, prefix string, damage func(path string)) string {
		dir := t.TempDir()
		files, _ := filepath.Glob(filepath.Join(built, "*.mrsd"))
		var victim string
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, filepath.Base(f))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(filepath.Base(f), prefix) {
				victim = p
			}
		}
		damage(victim)
		return dir
	}
	for _, tc := range []struct {
		name, prefix string
		damage       func(path string)
		query        string
		wantOut      string   // the start of what is printed
		wantErr      []string // in the error
	}{
		{name: "entity table gone", prefix: "e-", damage: func(p string) { os.Remove(p) }, query: "تويتر",
			wantOut: "4 hits", wantErr: []string{"e-", "no such file"}},
		{name: "vocabulary gone, misspelled word", prefix: "v-", damage: func(p string) { os.Remove(p) }, query: "تويتتر",
			wantOut: "0 hits", wantErr: []string{"v-", "no such file"}},
		{name: "a byte flipped in one article", prefix: "d-", damage: func(p string) {
			data, _ := os.ReadFile(p)
			data[len(data)-20] ^= 0xff
			os.WriteFile(p, data, 0o644)
		}, query: "", wantOut: "5 hits", wantErr: []string{"d-", "checksum mismatch in article 4"}},
		{name: "term chunk truncated", prefix: "t-", damage: func(p string) { os.Truncate(p, 3000) }, query: "تويتر",
			wantErr: []string{"t-", "truncated at byte 3000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := damaged(t, tc.prefix, tc.damage)
			code, out, errOut := runCLI(t, "search", "-bundle", dir, "--", tc.query)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.HasPrefix(out, tc.wantOut) {
				t.Errorf("output %q, want it to start %q", out, tc.wantOut)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("error %q lacks %q", errOut, w)
				}
			}
		})
	}
}
