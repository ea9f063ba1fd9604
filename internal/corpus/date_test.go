package corpus

import (
	"testing"
	"time"
)

// A date keeps the precision it was written with, and files a document
// under the first day it covers (formerly index.DayOf).
func TestDayOfDateIsTheFirstDayOfThePeriod(t *testing.T) {
	for date, want := range map[string]string{"2018-11-03": "2018-11-03", "2015-12": "2015-12-01", "2015": "2015-01-01"} {
		if got := DayOfDate(date).String(); got != want {
			t.Errorf("DayOfDate(%q) = %s, want %s", date, got, want)
		}
	}
	for _, bad := range []string{"", "x", "2018-13", "18-01-01", "2018-01-01-01", "2018-02-30", "2018-1-5"} {
		if DayOfDate(bad) != NoDay {
			t.Errorf("DayOfDate(%q) = %d, want NoDay", bad, DayOfDate(bad))
		}
	}
}

func TestParseDateKeepsItsPrecision(t *testing.T) {
	for s, want := range map[string]struct {
		p          Precision
		first, end string
		year       int
	}{
		"2018-11-03": {DayPrecision, "2018-11-03", "2018-11-03", 2018},
		"2016-02":    {MonthPrecision, "2016-02-01", "2016-02-29", 2016},
		"2015":       {YearPrecision, "2015-01-01", "2015-12-31", 2015},
		"":           {NoPrecision, "", "", 0},
	} {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if d.Precision() != want.p || d.FirstDay().String() != want.first || d.LastDay().String() != want.end || d.Year() != want.year || d.String() != s {
			t.Errorf("ParseDate(%q) = %v %s..%s year %d %q, want %v %s..%s year %d", s, d.Precision(), d.FirstDay(), d.LastDay(), d.Year(), d.String(), want.p, want.first, want.end, want.year)
		}
	}
	if _, err := ParseDate("2018-13"); err == nil || err.Error() != `date "2018-13" is not YYYY, YYYY-MM or YYYY-MM-DD` {
		t.Errorf("ParseDate(2018-13) error = %v", err)
	}
}

// Day numbers agree with the calendar on every day from 1600 to 2400, leap
// days and year ends included (formerly index.YearOfDay, which the year
// facet reads for every document).
func TestDaysMatchTheCalendar(t *testing.T) {
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := start; d.Year() < 2400; d = d.AddDate(0, 0, 1) {
		day := Day(d.Unix() / 86400)
		if got := day.Year(); got != d.Year() {
			t.Fatalf("Day(%d).Year() (%s) = %d, want %d", day, d.Format("2006-01-02"), got, d.Year())
		}
		if got := day.String(); got != d.Format("2006-01-02") {
			t.Fatalf("Day(%d) = %s, want %s", day, got, d.Format("2006-01-02"))
		}
		if got := DateOf(d.Year(), int(d.Month()), d.Day()).FirstDay(); got != day {
			t.Fatalf("DateOf(%s).FirstDay() = %d, want %d", d.Format("2006-01-02"), got, day)
		}
	}
}

// Formerly the UI's displayDate: a date reads at the precision it has.
func TestDateLabelsKeepThePrecision(t *testing.T) {
	for iso, want := range map[string]string{"2018-11-03": "3 نوفمبر 2018", "2015-12": "ديسمبر 2015", "2015": "2015", "": "تاريخ غير مذكور"} {
		d, _ := ParseDate(iso)
		if got := d.Label(Arabic); got != want {
			t.Errorf("Label(%q, Arabic) = %q, want %q", iso, got, want)
		}
	}
	for iso, want := range map[string]string{"2018-11-03": "3 November 2018", "2015-12": "December 2015", "2015": "2015", "": "date not given"} {
		d, _ := ParseDate(iso)
		if got := d.Label(English); got != want {
			t.Errorf("Label(%q, English) = %q, want %q", iso, got, want)
		}
	}
}

// Formerly entity.Label: every type has a heading, in both languages.
func TestEveryEntityTypeHasALabelInBothLanguages(t *testing.T) {
	for _, typ := range EntityTypes {
		for _, lang := range []Language{Arabic, English} {
			if typ.Label(lang) == string(typ) || typ.Label(lang) == "" {
				t.Errorf("type %s has no %s label", typ, lang)
			}
		}
	}
	if Platform.Label(Arabic) != "منصات" || Platform.Label(English) != "Platforms" {
		t.Errorf("Label(platform) = %s / %s", Platform.Label(Arabic), Platform.Label(English))
	}
	if EntityType("other").Label(Arabic) != "other" {
		t.Error("an unknown type is its own label")
	}
}

// A date made of its parts has the precision of the parts given, and only
// days the calendar has.
func TestDateOfPartsKeepsThePrecisionGiven(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
		ok      bool
	}{
		{2018, 11, 3, "2018-11-03", true},
		{2015, 12, 0, "2015-12", true},
		{2015, 0, 0, "2015", true},
		{2016, 2, 29, "2016-02-29", true},
		{2015, 2, 29, "", false},
		{2015, 11, 31, "", false},
		{2015, 13, 0, "", false},
		{2015, 0, 5, "", false},
	} {
		d, ok := DateOfParts(c.y, c.m, c.d)
		if ok != c.ok || (ok && d.String() != c.want) {
			t.Errorf("DateOfParts(%d, %d, %d) = %q, %v; want %q, %v", c.y, c.m, c.d, d.String(), ok, c.want, c.ok)
		}
	}
}
