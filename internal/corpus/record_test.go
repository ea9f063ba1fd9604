package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFromRecordCodes(t *testing.T) {
	tests := []struct{ source, category, wantSource, wantCategory string }{
		{"skynews", "internationalNews", "سكاي نيوز عربية", "دولي"},
		{"alarabia", "sport", "العربية", "رياضة"},
		{"aawsat", "middleEast", "الشرق الأوسط", "الشرق الأوسط"},
		{"BBC", "localNews", "بي بي سي عربي", "محليات"},
		{"CNN", "economy", "سي إن إن بالعربية", "اقتصاد"},
		{"france24", "technology", "فرانس 24", "تكنولوجيا"},
		{"aljazirah", "culture", "صحيفة الجزيرة", "ثقافة"}, // the Saudi daily, not the channel
		{"alriyadh", "society", "صحيفة الرياض", "مجتمع"},
		{"okaz", "politic", "عكاظ", "سياسة"},
		{"alyaum", "diverse", "صحيفة اليوم", "منوعات"},
		{"alwatan", "", "صحيفة الوطن", ""},
		{"3alyoum", "", "عين اليوم", ""},
		{"alweeam", "", "الوئام", ""},
		{"almadina", "", "صحيفة المدينة", ""},
		{"sabq", "", "سبق", ""},
		{"was", "", "واس", ""},
		{"aleqtisadiya", "", "الاقتصادية", ""},
		{"arreyadi", "", "الرياضي", ""},
		{"arriyadiyah", "", "الرياضية", ""},
		{"Jawhara FM", "", "الجوهرة إف إم", ""},
		{"Reuters", "", "رويترز", ""},
		{"أ ف ب", "", "فرانس برس", ""},
		{"بوابة الوفد", "الأخبار", "بوابة الوفد", "الأخبار"}, // Arabic kept as is
	}
	for _, tt := range tests {
		doc, err := FromRecord(Record{ID: "r", Title: "ع", Source: tt.source, Category: tt.category, Text: "نص."})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Source != tt.wantSource || doc.Category != tt.wantCategory {
			t.Errorf("%q/%q → %q/%q, want %q/%q", tt.source, tt.category, doc.Source, doc.Category, tt.wantSource, tt.wantCategory)
		}
	}
}

func TestFromRecordDates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2015-07-21", "2015-07-21"},
		{"2015-12", "2015-12"},
		{"2015", "2015"},
		{"2015-07-21T10:00:00Z", "2015-07-21"},
		{"21/07/2015", "2015-07-21"},
		{"٣ تشرين الثاني ٢٠١٨", "2018-11-03"},
	}
	for _, tt := range tests {
		doc, warns, err := FromRecordWarn(Record{ID: "d", Title: "ع", Date: tt.in, Text: "نص."})
		if err != nil || doc.Date != tt.want || len(warns) != 0 {
			t.Errorf("date %q → %q, %v, %v; want %q", tt.in, doc.Date, warns, err, tt.want)
		}
	}
	// An unreadable date field is a warning, and the text's date is used.
	doc, warns, err := FromRecordWarn(Record{ID: "d", Title: "ع", Date: "yesterday", Text: "السبت، 03 نوفمبر 2018\nنص."})
	if err != nil || doc.Date != "2018-11-03" || len(warns) != 1 || warns[0].Field != "date" {
		t.Errorf("got %q, %v, %v", doc.Date, warns, err)
	}
}

// Record fields win; the text fills only what is missing.
func TestFromRecordFieldsWin(t *testing.T) {
	text := "عين اليوم – جدة\nقالت ثلاثة مصادر مطلعة اليوم الثلاثاء إن السندات صدرت.\n"
	doc, err := FromRecord(Record{ID: "w", Title: "عنوان", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	want := Document{ID: "w", Title: "عنوان", Source: "عين اليوم", Dateline: "جدة",
		Text: "قالت ثلاثة مصادر مطلعة اليوم الثلاثاء إن السندات صدرت."}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("got %+v\nwant %+v", doc, want)
	}
	doc, err = FromRecord(Record{ID: "w", Title: "عنوان", Source: "3alyoum", Author: "فلان", Date: "2015-08-11", Text: text})
	if err != nil || doc.Source != "عين اليوم" || doc.Author != "فلان" || doc.Date != "2015-08-11" {
		t.Errorf("got %+v, %v", doc, err)
	}
}

type jsonRecord struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Date     string `json:"date"`
	Source   string `json:"source"`
	Category string `json:"category"`
	Text     string `json:"text"`
	URL      string `json:"url"`
}

func (j jsonRecord) record() Record {
	return Record{ID: j.ID, Title: j.Title, Date: j.Date, Source: j.Source, Category: j.Category, URL: j.URL, Text: j.Text}
}

// readJSONL calls f for the first n records of a JSONL file (gzip if it
// ends in .gz); n < 0 reads all.
func readJSONL(tb testing.TB, path string, n int, f func(jsonRecord)) {
	tb.Helper()
	fh, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	var r io.Reader = fh
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			tb.Fatal(err)
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for i := 0; sc.Scan() && (n < 0 || i < n); i++ {
		var j jsonRecord
		if err := json.Unmarshal(sc.Bytes(), &j); err != nil {
			tb.Fatalf("%s: record %d: %v", path, i+1, err)
		}
		f(j)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
}

// The excerpts in testdata (see testdata/README.md) with what each must give.
func TestSamples(t *testing.T) {
	// date and textSource are what the text alone states (the record
	// without its fields); source, author and dateline are the result with
	// the record's fields.
	type want struct {
		date, textSource, source, author, dateline string
		gone, kept                                 []string
	}
	wants := map[string]want{
		"snn-002072": {source: "صحيفة اليوم", kept: []string{"الوطن. من احتفالات"}, gone: []string{"\x1a"}},
		"snn-006649": {textSource: "عين اليوم", source: "عين اليوم", author: "أحمد حجازي",
			gone: []string{"Next Previous", "عين اليوم –"}, kept: []string{"قتل 4 أشخاص"}},
		"snn-008248": {textSource: "سبق", source: "سبق", author: "ماجد الرفاعي", dateline: "جدة",
			kept: []string{"ماجد الرفاعي- سبق- جدة: أعلنت"}},
		"snn-009444": {source: "الوئام", gone: []string{"رابط الخبر"}, kept: []string{"تعويضا لأسرة كل متوفي."}},
		"snn-011805": {source: "صحيفة المدينة", gone: []string{"SMS", "Zain", "Mobily", "Stc", "تبدأ بالرمز"},
			kept: []string{"حرب التصريحات"}},
		"snn-028803": {date: "2015-08-10", textSource: "واس", source: "واس", dateline: "نيويورك",
			gone: []string{"شوال"}, kept: []string{"ارتفعت أسعار النفط"}},
		"ant2-AL-sport-664-20180316": {textSource: "الرؤية الإماراتية", source: "العربية",
			gone: []string{"نقلا عن", "جميع المقالات"}},
		"ant2-BB-middleEast-845-20180806": {source: "بي بي سي عربي", gone: []string{"يمكنكم", "-----"}},
		"ant2-CN-internationalNews-305-20180502": {textSource: "سي إن إن بالعربية", source: "سي إن إن بالعربية",
			dateline: "دبي", kept: []string{"دبي، الإمارات العربية المتحدة (CNN)"}},
		// The text says "اليوم الاثنين 27 فيفري 2017"; the record (the
		// crawl) says the 28th and wins.
		"ant1-JA-internationalNews-395-20170228":  {date: "2017-02-27", source: "الجوهرة إف إم"},
		"ant2-FR-internationalNews-2063-20180629": {textSource: "فرانس 24", source: "فرانس 24", gone: []string{"أ ف ب"}},
	}
	seen := 0
	readJSONL(t, filepath.Join("testdata", "samples.jsonl"), -1, func(j jsonRecord) {
		w, ok := wants[j.ID]
		if !ok {
			t.Errorf("sample %s has no expectation", j.ID)
			return
		}
		seen++
		doc, err := FromRecord(j.record())
		if err != nil {
			t.Errorf("%s: %v", j.ID, err)
			return
		}
		if doc.Date != j.Date || doc.Source != w.source || doc.Author != w.author || doc.Dateline != w.dateline {
			t.Errorf("%s: date %q source %q author %q dateline %q; want %q %q %q %q", j.ID,
				doc.Date, doc.Source, doc.Author, doc.Dateline, j.Date, w.source, w.author, w.dateline)
		}
		for _, g := range w.gone {
			if strings.Contains(doc.Text, g) {
				t.Errorf("%s: %q left in the text", j.ID, g)
			}
		}
		for _, k := range w.kept {
			if !strings.Contains(doc.Text, k) {
				t.Errorf("%s: %q lost from the text", j.ID, k)
			}
		}
		// The same record without its metadata: the text's own.
		bare, err := FromRecord(Record{ID: j.ID, Text: j.Text})
		if err != nil {
			t.Errorf("%s bare: %v", j.ID, err)
		} else if bare.Date != w.date || bare.Source != w.textSource {
			t.Errorf("%s from the text alone: date %q source %q; want %q %q", j.ID, bare.Date, bare.Source, w.date, w.textSource)
		}
	})
	if seen != len(wants) {
		t.Errorf("read %d samples, want %d", seen, len(wants))
	}
}

func TestFromRecordCleansMetadataLikeText(t *testing.T) {
	tests := []struct {
		name      string
		rec       Record
		title     string
		source    string
		author    string
		warnField string
		warnHas   string
	}{
		{name: "a right-to-left override cannot reverse a title",
			rec: Record{Title: "صورة gnp\u202Eexe.png"}, title: "صورة gnpexe.png", warnField: "title", warnHas: "bidirectional"},
		{name: "NUL, ESC and BEL leave the title",
			rec: Record{Title: "عنوان\x00 \x1b[31mأحمر\x07"}, title: "عنوان [31mأحمر", warnField: "title", warnHas: "control character"},
		{name: "line ends in a field become one space",
			rec: Record{Source: "صحيفة\r\nالمدينة"}, source: "صحيفة المدينة", warnField: "source", warnHas: "line end"},
		{name: "U+FFFD in the author is reported",
			rec: Record{Author: "محمد \uFFFDعلي"}, author: "محمد علي", warnField: "author", warnHas: "U+FFFD"},
		{name: "invalid UTF-8 in a field is removed with a warning",
			rec: Record{Author: "محمد \xffعلي"}, author: "محمد علي", warnField: "author", warnHas: "U+FFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.rec.ID, tt.rec.Text = "x", "نص المقالة الكامل هنا."
			doc, warns, err := FromRecordWarn(tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			if tt.title != "" && doc.Title != tt.title {
				t.Errorf("title %q, want %q", doc.Title, tt.title)
			}
			if tt.source != "" && doc.Source != tt.source {
				t.Errorf("source %q, want %q", doc.Source, tt.source)
			}
			if tt.author != "" && doc.Author != tt.author {
				t.Errorf("author %q, want %q", doc.Author, tt.author)
			}
			found := false
			for _, w := range warns {
				if w.Field == tt.warnField && strings.Contains(w.Msg, tt.warnHas) {
					found = true
				}
			}
			if !found {
				t.Errorf("warnings %v, want one on %s saying %q", warns, tt.warnField, tt.warnHas)
			}
		})
	}
}

// TestFromRecordKeepsATitleOnlyArticle: a record whose body is all page
// furniture but whose title is a real headline is kept, with a warning, so
// that it can be found by its title; without a headline it is still
// skipped.
func TestFromRecordKeepsATitleOnlyArticle(t *testing.T) {
	furniture := "مقالات ذات صلة\n197\nenn\n"
	doc, warns, err := FromRecordWarn(Record{ID: "r1", Title: "ارتفاع أسعار النفط في الأسواق العالمية", Text: furniture})
	if err != nil || doc.Title != "ارتفاع أسعار النفط في الأسواق العالمية" || len(warns) == 0 || !strings.Contains(warns[len(warns)-1].Msg, "kept for its title") {
		t.Errorf("got %+v, %v, %v; want the article kept for its title, with a warning", doc, warns, err)
	}
	for _, title := range []string{"", "197", "مقالات ذات صلة"} {
		if _, _, err := FromRecordWarn(Record{ID: "r2", Title: title, Text: furniture}); err == nil {
			t.Errorf("title %q: kept; want the record skipped (no headline, no body)", title)
		}
	}
}
