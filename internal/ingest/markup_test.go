package ingest

import (
	"bufio"
	"strings"
	"testing"

	"marsad/internal/corpus"
)

func TestHTMLRecord(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		want       corpus.Record
	}{
		{
			name: "furniture dropped, entities decoded, blocks become lines",
			html: `<!doctype html><html><head><title>عنوان الصفحة</title>
<style>p { color: red }</style><script>var x = "<p>لا</p>";</script></head>
<body><header><a href="/">الرئيسية</a></header><nav><ul><li>أخبار</li><li>رياضة</li></ul></nav>
<p>قال  الوزير &quot;نعم&quot; &amp; <b>أكد</b> ذلك&nbsp;اليوم.</p><div>فقرة ثانية<br>سطر ثالث</div>
<aside>اقرأ أيضا</aside><form><input value="ابحث"></form><noscript>فعّل جافاسكربت</noscript>
<footer>جميع الحقوق محفوظة</footer></body></html>`,
			want: corpus.Record{Title: "عنوان الصفحة",
				Text: "قال الوزير \"نعم\" & أكد ذلك اليوم.\nفقرة ثانية\nسطر ثالث\n"},
		},
		{
			name: "h1 and meta win over the title; article over the page",
			html: `<html><head><title>خبر - الجزيرة نت</title>
<meta property="og:site_name" content="الجزيرة نت">
<meta property="article:published_time" content="2018-11-03T12:00:00+03:00">
<meta name="author" content="أحمد الأنباري"><meta property="article:author" content="https://x/profile">
<meta property="article:section" content="سياسة"></head>
<body><div>قائمة الموقع</div><article><h1>انفجار في بغداد</h1><p>وقع انفجار <a href="/x">في سوق</a> شعبي.</p>
<figure><img src="a.jpg" alt="صورة"><figcaption>موقع الانفجار</figcaption></figure></article>
<div>تعليقات القراء</div></body></html>`,
			want: corpus.Record{Title: "انفجار في بغداد", Date: "2018-11-03T12:00:00+03:00", Source: "الجزيرة نت",
				Author: "أحمد الأنباري", Category: "سياسة",
				Text: "انفجار في بغداد\nوقع انفجار في سوق شعبي.\nموقع الانفجار\n"},
		},
		{
			name: "title without the site name, pre kept as is, unclosed tags",
			html: `<title>خبر عاجل | الوطن</title><meta property="og:site_name" content="الوطن">
<p>أول<pre>  سطر
  آخر</pre><p>نهاية`,
			want: corpus.Record{Title: "خبر عاجل", Source: "الوطن", Text: "أول\n  سطر\n  آخر\nنهاية"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := htmlRecord([]byte(tc.html))
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v\ntext %q", got, tc.want, got.Text)
			}
		})
	}
}

func TestMarkdownRecord(t *testing.T) {
	for _, tc := range []struct {
		name, md string
		want     corpus.Record
	}{
		{
			name: "syntax stripped, text kept",
			md: "# عنوان الخبر\n\nقال **الوزير** إن _الحكومة_ ستعمل [على الخطة](http://x.com/a) ![صورة](a.jpg) و`الميزانية`.\n" +
				"## قسم فرعي\n> اقتباس من البيان\n- بند أول\n2. بند ثان\n---\n```\nنص داخل سياج\n```\n[1]: http://example.com\nاسم_متغير و2*3\n",
			want: corpus.Record{Title: "عنوان الخبر",
				Text: "عنوان الخبر\n\nقال الوزير إن الحكومة ستعمل على الخطة والميزانية.\nقسم فرعي\nاقتباس من البيان\nبند أول\nبند ثان\nنص داخل سياج\nاسم_متغير و2*3\n"},
		},
		{
			name: "front matter fills the fields",
			md:   "---\ntitle: \"خبر من الموصل\"\ndate: 2017-07-10\nsource: رويترز\nauthor: سامي\ncategory: العراق\n---\nتحرير المدينة بالكامل.",
			want: corpus.Record{Title: "خبر من الموصل", Date: "2017-07-10", Source: "رويترز", Author: "سامي",
				Category: "العراق", Text: "تحرير المدينة بالكامل."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := markdownRecord(tc.md)
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v\ntext %q\nwant %q", got, tc.want, got.Text, tc.want.Text)
			}
		})
	}
}

func TestLineReaderHasNoScannerLimitAndStopsAtItsOwn(t *testing.T) {
	long := strings.Repeat("x", 3<<20) // beyond bufio's buffer and Scanner's 64 KiB
	r := strings.NewReader("a\n" + long + "\r\n" + long + "y\nlast")
	lr := lineReader{r: bufio.NewReader(r), max: 3 << 20}
	var got []string
	for {
		line, _, tooLong, err := lr.next()
		if err != nil {
			break
		}
		switch {
		case tooLong:
			got = append(got, "TOO LONG")
		case len(line) > 100:
			got = append(got, "long")
		default:
			got = append(got, string(line))
		}
	}
	if strings.Join(got, ",") != "a,long,TOO LONG,last" || lr.line != 5 {
		t.Errorf("lines %v (line counter %d)", got, lr.line)
	}
}
