package corpus

import "testing"

// TestHijriYearsStartOnTheirNewYear checks the tabular calendar against
// the first of Muharram as published (Umm al-Qura), which it meets within
// a day: the arithmetic calendar and the observed one differ at most by
// that much in these years.
func TestHijriYearsStartOnTheirNewYear(t *testing.T) {
	for _, c := range []struct {
		year       int
		newYear    string // 1 Muharram, Umm al-Qura
		lastOfYear string // the day before the next 1 Muharram, Umm al-Qura
	}{
		{1436, "2014-10-25", "2015-10-13"},
		{1440, "2018-09-11", "2019-08-30"},
		{1445, "2023-07-19", "2024-07-06"},
		{1430, "2008-12-29", "2009-12-17"},
	} {
		first, last := HijriYear(c.year)
		if d := first - DayOfDate(c.newYear); d < -1 || d > 1 {
			t.Errorf("%d AH starts on %s, want %s (±1 day)", c.year, first, c.newYear)
		}
		if d := last - DayOfDate(c.lastOfYear); d < -1 || d > 1 {
			t.Errorf("%d AH ends on %s, want %s (±1 day)", c.year, last, c.lastOfYear)
		}
		if n := int(last-first) + 1; n != 354 && n != 355 {
			t.Errorf("%d AH has %d days, want 354 or 355", c.year, n)
		}
	}
	// Consecutive years meet without a gap.
	for y := 1300; y < 1500; y++ {
		_, last := HijriYear(y)
		if next, _ := HijriYear(y + 1); next != last+1 {
			t.Fatalf("%d AH ends on %s but %d AH starts on %s", y, last, y+1, next)
		}
	}
}
