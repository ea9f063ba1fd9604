package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"marsad/internal/corpus"

	"marsad/internal/testcorpus"
)

// Article bodies long and varied enough that corpus.FromRecord keeps them
// and dedup tells them apart.
const (
	bodyA = "أعلنت وزارة الداخلية اليوم عن إلقاء القبض على خلية إرهابية في مدينة الموصل كانت تخطط لتنفيذ هجمات على مراكز التسوق والأسواق الشعبية خلال عطلة العيد.\nوقال المتحدث باسم الوزارة إن العملية جاءت بعد متابعة استخبارية دقيقة استمرت عدة أسابيع."
	bodyB = "افتتح وزير التربية والتعليم مدرسة جديدة في محافظة البصرة تتسع لأكثر من ألف طالب وطالبة وتضم مختبرات حديثة للعلوم والحاسوب.\nوأكد الوزير أن الحكومة تعمل على بناء مئات المدارس خلال العام المقبل لتخفيف الزحام في الصفوف."
	bodyC = "ارتفعت أسعار النفط في الأسواق العالمية بنسبة ثلاثة في المئة بعد قرار منظمة أوبك خفض الإنتاج حتى نهاية العام الجاري.\nوتوقع محللون أن تستمر الأسعار في الصعود إذا التزمت الدول الأعضاء بحصصها الجديدة."
)

func writeFile(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jsonLine(id, title, date, text string) string {
	return fmt.Sprintf(`{"id":%q,"title":%q,"date":%q,"source":"aawsat","category":"","text":%q}`, id, title, date, text)
}

func load(t *testing.T, path string, opts Options) *Result {
	t.Helper()
	res, err := Load(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	accounted(t, res)
	return res
}

// accounted checks the promise of the summary: every record read is kept
// or listed as skipped.
func accounted(t *testing.T, res *Result) {
	t.Helper()
	s := res.Summary
	if s.Records != s.Kept+len(s.Skipped) || s.Kept != len(res.Documents) {
		t.Errorf("records %d ≠ kept %d + skipped %d (documents %d)", s.Records, s.Kept, len(s.Skipped), len(res.Documents))
	}
}

func ids(docs []corpus.Document) string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return strings.Join(out, " ")
}

func TestFolderReadsTextMarkdownAndHTMLRecursivelyWithIDsFromTheirPaths(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte(bodyA))
	writeFile(t, dir, "2018/b.md", []byte("# افتتاح مدرسة جديدة في البصرة\n\n"+bodyB))
	writeFile(t, dir, "2018/c.HTML", []byte(`<html><head><title>النفط - الجزيرة</title></head><body><p>`+strings.ReplaceAll(bodyC, "\n", "</p><p>")+`</p></body></html>`))
	writeFile(t, dir, "2018/photo.jpg", []byte{0xff, 0xd8, 0xff})
	writeFile(t, dir, ".git/config", []byte("x"))
	res := load(t, dir, Options{})
	if got := ids(res.Documents); got != "2018/b 2018/c a" {
		t.Errorf("ids %q, want input order 2018/b 2018/c a", got)
	}
	s := res.Summary
	if s.Format != FormatDir || s.Files != 3 || s.Ignored[".jpg"] != 1 || s.Ignored[".hidden"] != 1 {
		t.Errorf("summary %+v", s)
	}
	if got := res.Documents[0].Title; got != "افتتاح مدرسة جديدة في البصرة" {
		t.Errorf("markdown title %q", got)
	}
	if got := res.Documents[1].Title; got != "النفط - الجزيرة" {
		t.Errorf("html title %q", got)
	}
}

func TestFolderGivesTheSameDocumentsAsCorpusLoadDir(t *testing.T) {
	seeds := testcorpus.SeedDir()
	want, err := corpus.LoadDir(seeds)
	if err != nil {
		t.Fatal(err)
	}
	res := load(t, seeds, Options{})
	if !reflect.DeepEqual(res.Documents, want) {
		t.Errorf("ingest and corpus.LoadDir disagree on %s (manifest applied?)", seeds)
		for i := range min(len(want), len(res.Documents)) {
			if !reflect.DeepEqual(res.Documents[i], want[i]) {
				t.Logf("%s:\n ingest %+v\n corpus %+v", want[i].ID, res.Documents[i], want[i])
			}
		}
	}
	if len(res.Summary.Skipped) != 0 || len(res.Summary.Warnings) != 0 {
		t.Errorf("seed corpus: skipped %v, warnings %v", res.Summary.Skipped, res.Summary.Warnings)
	}
}

func TestJSONLIsReadWhetherGzippedOrNotWhateverItsName(t *testing.T) {
	lines := jsonLine("snn-1", "خلية إرهابية في الموصل", "2015-07-21", bodyA) + "\n\n" +
		jsonLine("snn-2", "مدرسة جديدة", "", bodyB) + "\r\n" +
		`{"id":3,"title":"النفط","date":"2016-01-02T10:00:00+03:00","source":"alyaum","author":"سامي علي","text":` + fmt.Sprintf("%q", bodyC) + `,"url":"http://x","corpus":"snn"}`
	dir := t.TempDir()
	for _, tc := range []struct {
		name    string
		content []byte
		gz      bool
	}{
		{"plain.jsonl", []byte(lines), false},
		{"named.jsonl.gz", gzipped(t, []byte(lines)), true},
		{"misnamed.jsonl", gzipped(t, []byte(lines)), true}, // magic bytes, not the name
		{"no-extension", gzipped(t, []byte(lines)), true},   // sniffed: '{' after gunzip
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := load(t, writeFile(t, dir, tc.name, tc.content), Options{})
			if res.Summary.Format != FormatJSONL || res.Summary.Gzip != tc.gz || res.Summary.Records != 3 {
				t.Fatalf("summary %+v", res.Summary)
			}
			d := res.Documents
			if ids(d) != "snn-1 snn-2 3" {
				t.Errorf("ids %q", ids(d))
			}
			if d[0].Title != "خلية إرهابية في الموصل" || d[0].Date != "2015-07-21" || d[0].Source == "" {
				t.Errorf("record fields not kept: %+v", d[0])
			}
			if d[2].Date != "2016-01-02" || d[2].Author != "سامي علي" {
				t.Errorf("timestamp to day, author: %+v", d[2])
			}
		})
	}
}

func TestCSVFindsColumnsByDefaultNamesOrByTheColumnsFlag(t *testing.T) {
	dir := t.TempDir()
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for _, tc := range []struct {
		name, content string
		opts          Options
		wantIDs       string
		generated     int
	}{
		{"english.csv", "ID,Title,Date,Source,Text\n" +
			"a1,خلية,2015-07-21,aawsat," + q(bodyA) + "\n" + "a2,مدرسة,,alyaum," + q(bodyB) + "\n",
			Options{}, "a1 a2", 0},
		{"arabic.csv", "العنوان,التاريخ,المصدر,النص\n" +
			"خلية,2015-07-21,aawsat," + q(bodyA) + "\n" + "مدرسة,,alyaum," + q(bodyB) + "\n",
			Options{}, "arabic-1 arabic-2", 2},
		{"mapped.tsv", "key\theadline\tbody\n" +
			"k1\tخلية\t" + strings.ReplaceAll(bodyA, "\n", " ") + "\n",
			Options{Columns: map[string]string{"id": "key", "title": "headline", "text": "BODY"}}, "k1", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := load(t, writeFile(t, dir, tc.name, []byte(tc.content)), tc.opts)
			if got := ids(res.Documents); got != tc.wantIDs {
				t.Errorf("ids %q, want %q", got, tc.wantIDs)
			}
			if res.Summary.GeneratedIDs != tc.generated {
				t.Errorf("generated ids %d, want %d", res.Summary.GeneratedIDs, tc.generated)
			}
			if d := res.Documents[0]; d.Title != "خلية" {
				t.Errorf("title %q", d.Title)
			}
			var out strings.Builder
			res.Summary.Write(&out, false)
			if tc.generated > 0 && !strings.Contains(out.String(), "generated ids") {
				t.Errorf("summary does not say ids were generated:\n%s", out.String())
			}
		})
	}
}

// TestBadInputs: each bad input is either an error naming the file (and the
// line), or a skipped record listed with its location and reason; never a
// silent drop, a panic or a hang.
func TestBadInputs(t *testing.T) {
	good := jsonLine("ok-1", "خلية", "2015-07-21", bodyA)
	badAt := len(`{"id":"x","text":"نص`)
	for _, tc := range []struct {
		name    string
		file    string
		content []byte
		opts    Options
		// wantErr: Load fails with all of these in the message; else
		// wantSkip: the record is skipped with all of these in the reason.
		wantErr, wantSkip []string
	}{
		{name: "empty JSONL file", file: "empty.jsonl", content: nil,
			wantErr: []string{"empty.jsonl", "no records"}},
		{name: "empty CSV file", file: "empty.csv", content: nil,
			wantErr: []string{"empty.csv", "empty file"}},
		{name: "binary file", file: "image.jsonl", content: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
			wantErr: []string{"image.jsonl", "binary content", "NUL byte at byte 8"}},
		{name: "invalid UTF-8", file: "bad.jsonl", content: []byte(good + "\n" + `{"id":"x","text":"نص` + "\xff" + `"}` + "\n"),
			wantSkip: []string{"bad.jsonl:2", fmt.Sprintf("invalid UTF-8 at byte %d of the line", badAt), fmt.Sprintf("byte %d of the file", len(good)+1+badAt), "0xff"}},
		{name: "malformed JSON on line 3", file: "broken.jsonl", content: []byte(good + "\n" + jsonLine("ok-2", "", "", bodyB) + "\n" + `{"id":"x","text":"نص"` + "\n"),
			wantSkip: []string{"broken.jsonl:3", "malformed JSON"}},
		{name: "malformed JSON under strict", file: "strict.jsonl", opts: Options{Strict: true},
			content: []byte(good + "\n" + `{"id":"x",` + "\n"),
			wantErr: []string{"strict.jsonl:2", "malformed JSON", "strict"}},
		{name: "line over the limit", file: "long.jsonl", opts: Options{MaxLine: 1000},
			content:  []byte(good + "\n" + jsonLine("big", "", "", strings.Repeat("كلمة ", 400)) + "\n" + jsonLine("ok-2", "", "", bodyB) + "\n"),
			wantSkip: []string{"long.jsonl:2", "longer than the 1000-byte limit"}},
		{name: "duplicate id", file: "dup.jsonl", content: []byte(good + "\n" + jsonLine("ok-1", "", "", bodyB) + "\n"),
			wantSkip: []string{"dup.jsonl:2", `duplicate id "ok-1"`, "first at", "dup.jsonl:1"}},
		{name: "CSV without a text column", file: "notext.csv", content: []byte("id,title,matn\n1,x,y\n"),
			wantErr: []string{"notext.csv", "no text column", "-columns text="}},
		{name: "CSV with a named column it lacks", file: "named.csv", content: []byte("id,text\n1,x\n"),
			opts:    Options{Columns: map[string]string{"title": "headline"}},
			wantErr: []string{"named.csv", `no column "headline"`}},
		{name: "CSV with an unclosed quote", file: "quote.csv", content: []byte("id,text\nr1,\"" + bodyA + "\"\nr2,\"لم يغلق\n"),
			wantSkip: []string{"quote.csv:4", "malformed row"}},
		{name: "CSV row with too few fields", file: "short.csv", content: []byte("id,title,text\nr1,خلية," + `"` + bodyA + `"` + "\nr2,only two\n"),
			wantSkip: []string{"short.csv:4", "2 fields, the header has 3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tc.file, tc.content)
			res, err := Load(p, tc.opts)
			if tc.wantErr != nil {
				if err == nil {
					t.Fatalf("no error; summary %+v", res.Summary)
				}
				for _, w := range tc.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			accounted(t, res)
			if len(res.Summary.Skipped) != 1 {
				t.Fatalf("skipped %v, want one", res.Summary.Skipped)
			}
			for _, w := range tc.wantSkip {
				if got := res.Summary.Skipped[0].String(); !strings.Contains(got, w) {
					t.Errorf("skip %q lacks %q", got, w)
				}
			}
		})
	}
}

func TestBadFilesInAFolderAreSkippedWithTheirReason(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", []byte(bodyA))
	writeFile(t, dir, "empty.txt", nil)
	writeFile(t, dir, "binary.txt", []byte("abc\x00def"))
	writeFile(t, dir, "latin1.txt", []byte("caf\xe9 "+bodyB))
	writeFile(t, dir, "good.md", []byte(bodyC)) // same id as good.txt
	writeFile(t, dir, "nav.html", []byte("<nav>الرئيسية</nav><p> </p>"))
	res := load(t, dir, Options{})
	want := []string{
		"binary.txt: binary: binary content (NUL byte at byte 3)",
		"empty.txt: empty: empty file",
		"good.txt: good: duplicate id \"good\" (first at " + filepath.Join(dir, "good.md") + ")",
		"latin1.txt: latin1: invalid UTF-8 at byte 3: 0xe9",
		"nav.html: nav: no text left after removing the markup",
	}
	if len(res.Summary.Skipped) != len(want) {
		t.Fatalf("skipped %v", res.Summary.Skipped)
	}
	for i, p := range res.Summary.Skipped {
		if got := p.String(); !strings.HasSuffix(got, want[i]) {
			t.Errorf("skip %d = %q, want …%q", i, got, want[i])
		}
	}
	_, err := Load(dir, Options{Strict: true})
	if err == nil || !strings.Contains(err.Error(), "binary.txt") {
		t.Errorf("strict: %v", err)
	}
}

func TestAFolderWithNoUsableFilesIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "notes.pdf", []byte("%PDF"))
	if _, err := Load(dir, Options{}); err == nil || !strings.Contains(err.Error(), "no .txt, .md or .html files") || !strings.Contains(err.Error(), ".pdf 1") {
		t.Errorf("folder of a pdf: %v", err)
	}
	writeFile(t, dir, "empty.txt", []byte(" \n"))
	if _, err := Load(dir, Options{}); err == nil || !strings.Contains(err.Error(), "no usable articles") || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("folder of an empty file: %v", err)
	}
}

func TestAnUnreadableFileIsSkipped(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads a file whatever its mode, so chmod 000 cannot make
		// one unreadable; the skip path is still covered by unreadable
		// folders' handling in readDir, but not testable here.
		t.Skip("running as root: chmod 000 does not stop root from reading a file")
	}
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", []byte(bodyA))
	p := writeFile(t, dir, "secret.txt", []byte(bodyB))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	res := load(t, dir, Options{})
	if len(res.Summary.Skipped) != 1 || !strings.Contains(res.Summary.Skipped[0].String(), "secret.txt: secret: unreadable") {
		t.Errorf("skipped %v", res.Summary.Skipped)
	}
}

func TestAFiftyMegabyteLineIsRead(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a 50 MB line")
	}
	var text strings.Builder
	for i := 0; text.Len() < 50<<20; i++ {
		fmt.Fprintf(&text, "%s %d\n", bodyA, i)
	}
	line := jsonLine("huge", "مقال طويل جدا", "2015-07-21", text.String())
	p := writeFile(t, t.TempDir(), "huge.jsonl", []byte(line+"\n"+jsonLine("small", "مدرسة", "", bodyB)+"\n"))
	res := load(t, p, Options{})
	if ids(res.Documents) != "huge small" || len(res.Documents[0].Text) < 45<<20 {
		t.Errorf("ids %q, first text %d bytes", ids(res.Documents), len(res.Documents[0].Text))
	}
}

func TestDuplicatesAreReportedAndDroppedOnlyWhenAsked(t *testing.T) {
	// near: bodyA with one word changed and a different last sentence
	// would fall below 0.9; one changed word in a long text stays above.
	long := strings.Repeat(bodyA+"\n"+bodyB+"\n", 3)
	near := strings.Replace(long, "اليوم", "أمس", 1)
	lines := []string{
		jsonLine("first", "خلية", "", long),
		jsonLine("other", "نفط", "", bodyC),
		jsonLine("copy", "خلية", "", strings.ReplaceAll(long, "\n", "\n\n")), // same words: exact
		jsonLine("edited", "خلية", "", near),
	}
	p := writeFile(t, t.TempDir(), "dups.jsonl", []byte(strings.Join(lines, "\n")))

	res := load(t, p, Options{})
	if ids(res.Documents) != "first other copy edited" {
		t.Errorf("keep: ids %q", ids(res.Documents))
	}
	d := res.Summary.Duplicates
	if len(d) != 2 || d[0].ID != "copy" || d[0].Of != "first" || d[0].Kind != ExactDuplicate ||
		d[1].ID != "edited" || d[1].Of != "first" || d[1].Kind != NearDuplicate || d[1].Similarity < NearThreshold || d[1].Similarity >= 1 {
		t.Errorf("duplicates %+v", d)
	}

	res = load(t, p, Options{Duplicates: DuplicatesDrop})
	if ids(res.Documents) != "first other" || len(res.Summary.Skipped) != 2 ||
		!strings.Contains(res.Summary.Skipped[1].String(), "dups.jsonl:4: edited: near duplicate of first") {
		t.Errorf("drop: ids %q, skipped %v", ids(res.Documents), res.Summary.Skipped)
	}
}

func TestNearDuplicateThreshold(t *testing.T) {
	// 250 distinct words: 246 5-grams; each changed word changes five.
	vocab := strings.Fields(bodyA + " " + bodyB + " " + bodyC)
	var base []string
	for i := range 250 {
		base = append(base, fmt.Sprintf("%s%d", vocab[i%len(vocab)], i/len(vocab)))
	}
	for _, tc := range []struct {
		name    string
		changed int // words replaced, evenly spread
		near    bool
	}{
		{"one word in 250", 1, true},
		{"two words", 2, true},
		{"four words", 4, false}, // Jaccard 226/266 = 0.85
		{"one word in ten", len(base) / 10, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := append([]string(nil), base...)
			for i := range tc.changed {
				edited[(i*len(base))/tc.changed+len(base)/(2*tc.changed)] = fmt.Sprintf("بديل%d", i)
			}
			d := newDeduper(false)
			d.check("a", fingerprintOf(strings.Join(base, " ")))
			dup, isDup := d.check("b", fingerprintOf(strings.Join(edited, " ")))
			if isDup != tc.near {
				j := jaccard(shingleSet(strings.Join(base, " ")), shingleSet(strings.Join(edited, " ")))
				t.Errorf("%d of %d words changed (Jaccard %.3f): duplicate %v (%+v), want %v", tc.changed, len(base), j, isDup, dup, tc.near)
			}
		})
	}
}

func TestOutputOrderIsTheInputOrderWhateverTheWorkers(t *testing.T) {
	var lines []string
	for i := range 200 {
		lines = append(lines, jsonLine(fmt.Sprintf("n%03d", i), "", "", fmt.Sprintf("%s %d", []string{bodyA, bodyB, bodyC}[i%3], i)))
	}
	p := writeFile(t, t.TempDir(), "many.jsonl", []byte(strings.Join(lines, "\n")))
	one := load(t, p, Options{Workers: 1})
	four := load(t, p, Options{Workers: 4})
	if !reflect.DeepEqual(one, four) {
		t.Error("1 and 4 workers disagree")
	}
}

func TestTagFillsEntitiesAndCoverage(t *testing.T) {
	p := writeFile(t, t.TempDir(), "t.jsonl", []byte(jsonLine("a", "خلية", "2015", bodyA)+"\n"+jsonLine("b", "مدرسة", "2015-07", bodyB)))
	tag := func(text string) []corpus.Entity {
		if strings.Contains(text, "الموصل") {
			return []corpus.Entity{{Type: "place", Name: "الموصل", Count: strings.Count(text, "الموصل")}}
		}
		return nil
	}
	res := load(t, p, Options{Tag: tag})
	if e := res.Documents[0].Entities; len(e) != 1 || e[0].Name != "الموصل" {
		t.Errorf("entities %+v", e)
	}
	c := res.Summary.Coverage
	if !c.Tagged || c.Entities != 1 || c.Articles != 2 || c.Date != 2 || c.DateYr != 1 || c.DateMonth != 1 || c.Source != 2 {
		t.Errorf("coverage %+v", c)
	}
}

func TestSummaryListsTheFirstFewUnlessAskedForAll(t *testing.T) {
	var lines []string
	for i := range 8 {
		lines = append(lines, fmt.Sprintf(`{"id":"bad%d"`, i))
	}
	lines = append(lines, jsonLine("ok", "خلية", "", bodyA))
	res := load(t, writeFile(t, t.TempDir(), "s.jsonl", []byte(strings.Join(lines, "\n"))), Options{})
	var some, all strings.Builder
	res.Summary.Write(&some, false)
	res.Summary.Write(&all, true)
	if !strings.Contains(some.String(), "… and 3 more") || strings.Contains(some.String(), "s.jsonl:6:") {
		t.Errorf("short summary:\n%s", some.String())
	}
	if !strings.Contains(all.String(), "s.jsonl:8:") || strings.Contains(all.String(), "more") {
		t.Errorf("full summary:\n%s", all.String())
	}
	for _, w := range []string{"records read    9", "articles kept   1", "skipped         8", "title", "100.0%"} {
		if !strings.Contains(some.String(), w) {
			t.Errorf("summary lacks %q:\n%s", w, some.String())
		}
	}
}

func TestParseColumns(t *testing.T) {
	got, err := ParseColumns("id=ID, text = body ,title=العنوان")
	if err != nil || !reflect.DeepEqual(got, map[string]string{"id": "ID", "text": "body", "title": "العنوان"}) {
		t.Errorf("got %v, %v", got, err)
	}
	for _, bad := range []string{"text", "body=text", "text=a,text=b", "text="} {
		if _, err := ParseColumns(bad); err == nil {
			t.Errorf("ParseColumns(%q) accepted", bad)
		}
	}
}

func TestFormatDetection(t *testing.T) {
	dir := t.TempDir()
	for name, want := range map[string]Format{
		"a.jsonl": FormatJSONL, "a.jsonl.gz": FormatJSONL, "a.ndjson": FormatJSONL,
		"a.CSV": FormatCSV, "a.csv.gz": FormatCSV, "a.tsv": FormatTSV,
	} {
		got, err := resolveFormat(writeFile(t, dir, name, []byte("x")), FormatAuto)
		if err != nil || got != want {
			t.Errorf("%s: %v %v, want %v", name, got, err, want)
		}
	}
	if got, err := resolveFormat(dir, ""); got != FormatDir || err != nil {
		t.Errorf("folder: %v %v", got, err)
	}
	if _, err := resolveFormat(writeFile(t, dir, "data.bin", []byte("PK\x03\x04")), FormatAuto); err == nil || !strings.Contains(err.Error(), "-format") {
		t.Errorf("unknown content: %v", err)
	}
	if _, err := resolveFormat(writeFile(t, dir, "story.html", []byte("<p>نص</p>")), FormatAuto); err == nil || !strings.Contains(err.Error(), "one article") {
		t.Errorf("one article file: %v", err)
	}
	if _, err := resolveFormat(dir, FormatCSV); err == nil {
		t.Error("a folder as csv accepted")
	}
	if _, err := resolveFormat("/no/such/file.jsonl", ""); err == nil || !strings.Contains(err.Error(), "/no/such/file.jsonl") {
		t.Errorf("missing file: %v", err)
	}
}

func TestAPanicWhileConvertingSkipsOnlyThatRecord(t *testing.T) {
	p := writeFile(t, t.TempDir(), "p.jsonl", []byte(jsonLine("a", "خلية", "", bodyA)+"\n"+jsonLine("b", "مدرسة", "", bodyB)))
	tag := func(text string) []corpus.Entity {
		if strings.Contains(text, "البصرة") {
			panic("tagger bug")
		}
		return nil
	}
	res := load(t, p, Options{Tag: tag})
	if ids(res.Documents) != "a" || len(res.Summary.Skipped) != 1 || !strings.Contains(res.Summary.Skipped[0].String(), "p.jsonl:2: b: internal error") {
		t.Errorf("ids %q, skipped %v", ids(res.Documents), res.Summary.Skipped)
	}
}

// encodeUTF16 writes s as UTF-16 with its byte order mark, as spreadsheet
// programs save "Unicode text".
func encodeUTF16(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// encodeWindows1256 writes s in the Arabic Windows code page.
func encodeWindows1256(t *testing.T, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		i := slices.Index(windows1256[:], r)
		if i < 0 {
			t.Fatalf("%q is not in Windows-1256", r)
		}
		out = append(out, byte(0x80+i))
	}
	return out
}

func TestSpreadsheetEncodingsAreDecodedWithAWarning(t *testing.T) {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	csvText := "id,title,text\nr1,خلية," + q(bodyA) + "\nr2,مدرسة," + q(bodyB) + "\n"
	oneLine := func(s string) string { return strings.ReplaceAll(s, "\n", " ") }
	tsvText := "id\ttitle\ttext\nr1\tخلية\t" + oneLine(bodyA) + "\nr2\tمدرسة\t" + oneLine(bodyB) + "\n"
	for _, tc := range []struct {
		name, file string
		content    []byte
		encoding   string
	}{
		{"UTF-16 little-endian CSV", "utf16le.csv", encodeUTF16(csvText, false), "UTF-16LE"},
		{"UTF-16 big-endian TSV", "utf16be.tsv", encodeUTF16(tsvText, true), "UTF-16BE"},
		{"Windows-1256 CSV", "cp1256.csv", encodeWindows1256(t, csvText), "Windows-1256"},
		{"Windows-1256 text file in a folder", "folder/a.txt", encodeWindows1256(t, "خلية\n"+bodyA), "Windows-1256"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, tc.file, tc.content)
			if strings.HasPrefix(tc.file, "folder/") {
				p = filepath.Dir(p)
			}
			res := load(t, p, Options{})
			if len(res.Documents) == 0 || res.Documents[0].Title != "خلية" || !strings.Contains(res.Documents[0].Text, "وزارة الداخلية") {
				t.Fatalf("documents %+v, want the Arabic text decoded", res.Documents)
			}
			var out strings.Builder
			res.Summary.Write(&out, true)
			if !strings.Contains(out.String(), "decoded from "+tc.encoding) {
				t.Errorf("summary does not name %s:\n%s", tc.encoding, out.String())
			}
		})
	}
}

func TestInvalidUTF8ThatIsNotArabicWindows1256StaysAnError(t *testing.T) {
	// Latin-1 French: not UTF-8, and not Arabic in Windows-1256 either.
	p := writeFile(t, t.TempDir(), "latin1.csv", []byte("id,text\nr1,\"L'\xe9t\xe9 \xe0 Paris, caf\xe9 cr\xe8me et g\xe2teau \xe0 la fran\xe7aise\"\n"))
	res, err := Load(p, Options{})
	if err == nil && (len(res.Summary.Skipped) == 0 || !strings.Contains(res.Summary.Skipped[0].Reason, "invalid UTF-8")) {
		t.Errorf("Latin-1 read as %+v, want invalid UTF-8", res.Summary)
	}
}

// Records scraped from web pages often keep HTML character references in
// their fields; they are decoded, so that a title reads «"الحميد" لـ "سبق"»
// and not «&quot;الحميد&quot;», and quot is no word of the corpus. A .txt
// file is taken as written.
func TestCharacterReferencesInRecordsAreDecoded(t *testing.T) {
	dir := t.TempDir()
	text := "قال &quot;الحميد&quot; إن &#8220;داعش&#8221; يعدم الأسرى &amp; يهدد المدنيين في المدينة منذ أشهر طويلة."
	p := writeFile(t, dir, "news.jsonl", []byte(jsonLine("a", "&quot;الحميد&quot; لـ &quot;سبق&quot;", "2018-01-02", text)+"\n"))
	res := load(t, p, Options{})
	if len(res.Documents) != 1 {
		t.Fatalf("%d documents", len(res.Documents))
	}
	d := res.Documents[0]
	if d.Title != `"الحميد" لـ "سبق"` {
		t.Errorf("title %q", d.Title)
	}
	if !strings.Contains(d.Text, `قال "الحميد" إن “داعش” يعدم الأسرى & يهدد`) || strings.Contains(d.Text, "&quot;") {
		t.Errorf("text %q", d.Text)
	}
	txt := writeFile(t, t.TempDir(), "a.txt", []byte("عنوان المقال\n"+text))
	if got := load(t, filepath.Dir(txt), Options{}).Documents; len(got) != 1 || !strings.Contains(got[0].Text, "&quot;") {
		t.Errorf("a .txt file's text was changed: %+v", got)
	}
}
