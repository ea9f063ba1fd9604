package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"marsad/internal/testcorpus"
)

var seedDir = testcorpus.SeedDir()

// furniture must never reach a body Text.
var furnitureStrings = []string{
	"اقرأ أيضا", "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "enn",
	"المصدر :", "أحمد الأنباري-بغداد", "السبت، 03 نوفمبر",
}

func loadSeeds(t *testing.T) map[string]Document {
	t.Helper()
	docs, err := LoadDir(seedDir)
	if err != nil {
		t.Fatalf("LoadDir(%s): %v", seedDir, err)
	}
	m := map[string]Document{}
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

// checkSeed compares the metadata exactly and checks the body: no furniture,
// no blank or repeated lines, title not repeated, key sentences present.
func checkSeed(t *testing.T, want Document, keep ...string) Document {
	t.Helper()
	got, ok := loadSeeds(t)[want.ID]
	if !ok {
		t.Fatalf("seed %s not loaded", want.ID)
	}
	body := got.Text
	got.Text = ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metadata:\n got %+v\nwant %+v", got, want)
	}
	for _, f := range furnitureStrings {
		if strings.Contains(body, f) {
			t.Errorf("body contains furniture %q", f)
		}
	}
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if l == "" || l != strings.TrimSpace(l) {
			t.Errorf("line %d blank or untrimmed: %q", i, l)
		}
		if isNumberLine(l) || l == got.Category && l != "" {
			t.Errorf("line %d is furniture: %q", i, l)
		}
		if i > 0 && lines[i-1] == l {
			t.Errorf("line %d repeats the previous one: %q", i, l)
		}
		if !strings.HasSuffix(want.Title, ellipsis) && l == want.Title {
			t.Errorf("title repeated in body at line %d", i)
		}
	}
	for _, k := range keep {
		if !strings.Contains(body, k) {
			t.Errorf("body lost %q", k)
		}
	}
	got.Text = body
	return got
}

func TestSeed000(t *testing.T) {
	checkSeed(t, Document{
		ID:           "000_7fa01f341305d679",
		Title:        "أصبح تنظيم داعش الإرهابي وباء يهدد الأرض ومن عليها…",
		Date:         "2015-12",
		DateInferred: true,
		Source:       "بوابة الوفد",
	},
		"أصبح تنظيم داعش الإرهابي وباء يهدد الأرض ومن عليها ، فبات ينتشر",
		`في تصريح خاص ل "بوابة الوفد"`,
		"وحماية الشباب من أفكاره العدائية والتكفيرية.")
}

func TestSeed001(t *testing.T) {
	d := checkSeed(t, Document{
		ID:    "001_c483dde8c62f1c3b",
		Title: "بعد اعترافه بالهزيمة على الأرض.. كيف يخطط «داعش» لشن حرب جديدة عبر الإنترنت؟",
		Date:  "2018-11-03",
	},
		"اعتبر كثيرون من الخبراء والسياسيين والمتابعين أن عام 2018",
		"«بنقرة واحده يصل صوتنا لملايين الناس»")
	if n := strings.Count(d.Text, "\n") + 1; n != 6 {
		t.Errorf("paragraphs = %d, want 6 (three related links removed)", n)
	}
}

func TestSeed002(t *testing.T) {
	d := checkSeed(t, Document{
		ID:       "002_42e37f6622a20da9",
		Title:    "صراع إلكتروني بين عراقيين وتنظيم الدولة",
		Source:   "الجزيرة",
		Author:   "أحمد الأنباري",
		Dateline: "بغداد",
	},
		"يخوض ناشطون عراقيون صراعا إلكترونيا",
		"\nفجر الفلوجة\n",
		"\nطبيعة الجمهور\n",
		"وبإمكانهم ضرب أي قوة متطرفة\".")
	if !strings.HasPrefix(d.Text, "يخوض ناشطون") {
		t.Errorf("body should start with the lead, starts %q", d.Text[:60])
	}
	// Doubled captions are kept once. The NBSPs are the author's and stay.
	for _, c := range []string{
		"تنظيم الدولة هدد المدون سيف الخياط\u00a0بالقتل (الجزيرة)",
		"زاهر موسى: جمهور التنظيم في تويتر\u00a0ليسوا مقاتلين في الغالب (الجزيرة)",
	} {
		if n := strings.Count(d.Text, c); n != 1 {
			t.Errorf("caption %q appears %d times, want 1", c, n)
		}
	}
	// Secondary title and lead photo caption sit between title and byline.
	for _, h := range []string{"صراع الكتروني مع تنظيم الدولة", "مواقع عراقية تتصدى"} {
		if strings.Contains(d.Text, h) {
			t.Errorf("header line %q left in body", h)
		}
	}
}

func TestSeed003(t *testing.T) {
	d := checkSeed(t, Document{
		ID:           "003_86d0032281bea5ec",
		Title:        "“داعش” يدعو للنفير “الإلكترونى”",
		Date:         "2015-02",
		DateInferred: true,
		Category:     "الأخبار",
	},
		"أعلن مقاتلو تنظيم «داعش»",
		"التى نقل خلالها رفاة قبر «سليمان شاه»",
		"وستكون فى ضيافة 5 نجوم».")
	if strings.Contains(d.Text, "197\n") || strings.HasSuffix(d.Text, "\n197") {
		t.Error("view counter left in body")
	}
	if !strings.HasSuffix(d.Text, "وستكون فى ضيافة 5 نجوم».") {
		t.Errorf("body should end with the last paragraph")
	}
}

func TestSeed004(t *testing.T) {
	checkSeed(t, Document{
		ID:    "004_5f3415fee05059e7",
		Title: "في ضل الصراعات المستمرة في منطقة الشرق الأوسط و رغم أختلاف المصالح…",
	},
		"في ضل الصراعات المستمرة في منطقة الشرق الأوسط",
		"منذ ايام باغوز",
		"فقدان داعش لنظام قيادة أو استراتيجية رقمية متماسكة.")
}

func TestLoadDirSeedsSortedAndComplete(t *testing.T) {
	docs, err := LoadDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"000_7fa01f341305d679", "001_c483dde8c62f1c3b", "002_42e37f6622a20da9",
		"003_86d0032281bea5ec", "004_5f3415fee05059e7"}
	if len(docs) != len(want) {
		t.Fatalf("got %d documents, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		if d.ID != want[i] {
			t.Errorf("docs[%d].ID = %s, want %s", i, d.ID, want[i])
		}
	}
}

func TestLoadFSMatchesLoadDir(t *testing.T) {
	a, err := LoadDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadFS(os.DirFS(seedDir))
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Errorf("doc %d differs between LoadDir and LoadFS", i)
		}
	}
}

// Without the manifest, Parse reports only what the text states.
func TestParseSeedsWithoutManifest(t *testing.T) {
	for _, id := range []string{"000_7fa01f341305d679", "003_86d0032281bea5ec"} {
		raw, err := os.ReadFile(filepath.Join(seedDir, id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(id, raw)
		if err != nil {
			t.Fatal(err)
		}
		if d.ID != id || d.Date != "" || d.DateInferred || d.Source != "" {
			t.Errorf("%s: got date %q inferred %v source %q; want none from text alone",
				id, d.Date, d.DateInferred, d.Source)
		}
	}
}

func TestManifestOverridesOnlyPresentFields(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "عنوان أصلي\nالسبت، 03 نوفمبر 2018\nنص.\nالمصدر: الجزيرة\n")
	write(t, dir, ManifestName, `{"documents":[{"id":"a","title":"عنوان جديد","author":"","note":"test"}]}`)
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Document{ID: "a", Title: "عنوان جديد", Date: "2018-11-03", Source: "الجزيرة", Text: "نص."}
	if !reflect.DeepEqual(docs[0], want) {
		t.Errorf("got %+v\nwant %+v", docs[0], want)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadDirErrors(t *testing.T) {
	const ok = "عنوان\nنص الخبر.\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // substrings of the error
	}{
		{"empty file", map[string]string{"a.txt": ok, "b.txt": ""}, []string{"b.txt", "empty file"}},
		{"white space only", map[string]string{"b.txt": " \n\u00a0\n"}, []string{"b.txt", "empty file"}},
		{"invalid UTF-8", map[string]string{"bad.txt": "abc\xffdef"}, []string{"bad.txt", "invalid UTF-8", "byte 3"}},
		{"binary", map[string]string{"bin.txt": "\x89PNG\r\n\x1a\n\x00\x00"}, []string{"bin.txt", "invalid UTF-8", "byte 0"}},
		{"binary valid UTF-8", map[string]string{"nul.txt": "نص\x00\x00\x01"}, []string{"nul.txt", "binary", "byte 4"}},
		{"furniture only", map[string]string{"f.txt": "مقالات ذات صلة\n197\nenn\n"}, []string{"f.txt", "no body text"}},
		{"metadata only", map[string]string{"m.txt": "عنوان\nأحمد علي-بغداد\nالمصدر: الجزيرة\n"}, []string{"m.txt", "no body text"}},
		{"duplicate id", map[string]string{"x.txt": ok, "x.TXT": ok}, []string{"x.txt", "x.TXT", "duplicate document id \"x\""}},
		{"malformed manifest", map[string]string{"a.txt": ok, ManifestName: `{"documents": [`}, []string{ManifestName, "malformed JSON"}},
		{"manifest syntax error", map[string]string{"a.txt": ok, ManifestName: `{"documents": [}`}, []string{ManifestName, "malformed JSON at byte 15"}},
		{"manifest unknown field", map[string]string{"a.txt": ok, ManifestName: `{"documents":[{"id":"a","sourse":"x","note":"n"}]}`}, []string{ManifestName, "sourse"}},
		{"manifest unknown id", map[string]string{"a.txt": ok, ManifestName: `{"documents":[{"id":"zz_9","note":"n"}]}`}, []string{ManifestName, `unknown document id "zz_9"`}},
		{"manifest duplicate id", map[string]string{"a.txt": ok, ManifestName: `{"documents":[{"id":"a","note":"n"},{"id":"a","note":"n"}]}`}, []string{ManifestName, "duplicate id"}},
		{"manifest bad date", map[string]string{"a.txt": ok, ManifestName: `{"documents":[{"id":"a","date":"12/2015","note":"n"}]}`}, []string{ManifestName, "12/2015"}},
		{"manifest missing note", map[string]string{"a.txt": ok, ManifestName: `{"documents":[{"id":"a","date":"2015"}]}`}, []string{ManifestName, "missing note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				write(t, dir, name, content)
			}
			docs, err := LoadDir(dir)
			if err == nil {
				t.Fatalf("no error; got %d documents", len(docs))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadDirMissingDir(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	_, err := LoadDir(missing)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("err = %v, want one naming %s", err, missing)
	}
}

// A dangling symlink is unreadable even for root, unlike a mode-000 file.
func TestLoadDirUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "a.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), "a.txt") || !strings.Contains(err.Error(), "unreadable") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadDirIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "نص ثان.")
	write(t, dir, "a.txt", "نص أول.")
	write(t, dir, "README.md", "not a document")
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" {
		t.Errorf("got %+v", docs)
	}
}

func TestParseErrorNamesDocument(t *testing.T) {
	_, err := Parse("doc_7", []byte("ab\xff"))
	if err == nil || !strings.Contains(err.Error(), "doc_7") || !strings.Contains(err.Error(), "byte 2") {
		t.Fatalf("err = %v", err)
	}
	if _, err := Parse("doc_8", nil); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("err = %v", err)
	}
}
