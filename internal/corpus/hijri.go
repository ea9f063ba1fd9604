package corpus

// HijriYear is the span of days of year y of the Hijri calendar, as the
// tabular (arithmetic) Islamic calendar counts it: twelve months of 29 or
// 30 days, eleven leap years in thirty, from 1 Muharram 1 AH = 16 July 622
// (Julian). Official calendars (Umm al-Qura, a sighted moon) start a month
// up to two days apart from it, so a search by Hijri year is close, not
// exact, at its edges. A visitor who types 1436 into a date filter often
// means the Hijri year (2014–2015), not a year of the Gregorian one.
func HijriYear(y int) (first, last Day) {
	return hijriNewYear(y), hijriNewYear(y+1) - 1
}

// hijriNewYear is 1 Muharram of year y: 354 days a year plus the leap days
// of the years before it ((3 + 11y) / 30), counted from the epoch (Reingold
// and Dershowitz, Calendrical Calculations: R.D. 227,015 is the epoch,
// R.D. 719,163 is 1970-01-01).
func hijriNewYear(y int) Day {
	const epoch, unixEpoch = 227015, 719163
	return Day(epoch - unixEpoch + (y-1)*354 + floorDiv(3+11*y, 30))
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
