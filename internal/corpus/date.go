package corpus

import (
	"errors"
	"strconv"
)

// Precision is how much of a date is known.
type Precision uint8

// Precisions of a Date, from none (the date is unknown) to the day.
const (
	NoPrecision Precision = iota
	YearPrecision
	MonthPrecision
	DayPrecision
)

// Date is a calendar date known to the year, the month or the day: the
// value of Document.Date ("2018", "2018-11", "2018-11-03", or "" when
// unknown), parsed. The zero Date is the unknown date.
type Date struct {
	year, month, day int
	precision        Precision
}

// ParseDate reads an ISO 8601 date at any of the precisions Document.Date
// holds: "2018", "2018-11" or "2018-11-03" (a real day of the Gregorian
// calendar). "" is the unknown date, not an error.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	// The error is made only when needed: dates are read for every line
	// and bar a view draws, and quoting is costly in the browser.
	bad := func() error { return errors.New("date " + strconv.Quote(s) + " is not YYYY, YYYY-MM or YYYY-MM-DD") }
	digits := func(from, to int) (int, bool) {
		if to > len(s) {
			return 0, false
		}
		n := 0
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, ok := digits(0, 4)
	if !ok {
		return Date{}, bad()
	}
	switch len(s) {
	case 4:
		return Date{year: y, month: 1, day: 1, precision: YearPrecision}, nil
	case 7, 10:
	default:
		return Date{}, bad()
	}
	m, ok := digits(5, 7)
	if !ok || s[4] != '-' || m < 1 || m > 12 {
		return Date{}, bad()
	}
	if len(s) == 7 {
		return Date{year: y, month: m, day: 1, precision: MonthPrecision}, nil
	}
	d, ok := digits(8, 10)
	if !ok || s[7] != '-' || d < 1 || d > DaysIn(y, m) {
		return Date{}, bad()
	}
	return Date{year: y, month: m, day: d, precision: DayPrecision}, nil
}

// DateOf is the date of a day, known to the day.
func DateOf(year, month, day int) Date {
	return Date{year: year, month: month, day: day, precision: DayPrecision}
}

// DateOfParts is the date known to the day, or to the month when day is
// 0, or to the year when month is 0 too; ok is false for a month or a day
// the calendar does not have (31 نوفمبر, 29 فبراير 2015).
func DateOfParts(year, month, day int) (d Date, ok bool) {
	switch {
	case year < 0 || year > 9999 || month < 0 || month > 12 || day < 0:
		return Date{}, false
	case month == 0 && day == 0:
		return Date{year: year, month: 1, day: 1, precision: YearPrecision}, true
	case month == 0:
		return Date{}, false
	case day == 0:
		return Date{year: year, month: month, day: 1, precision: MonthPrecision}, true
	case day > DaysIn(year, month):
		return Date{}, false
	}
	return DateOf(year, month, day), true
}

// Known reports whether anything of the date is known.
func (d Date) Known() bool { return d.precision != NoPrecision }

// Precision is how much of the date is known.
func (d Date) Precision() Precision { return d.precision }

// Year is the date's year, 0 when the date is unknown.
func (d Date) Year() int { return d.year }

// Month is the date's month (1–12), 0 when not known.
func (d Date) Month() int {
	if d.precision < MonthPrecision {
		return 0
	}
	return d.month
}

// DayOfMonth is the date's day of the month, 0 when not known.
func (d Date) DayOfMonth() int {
	if d.precision < DayPrecision {
		return 0
	}
	return d.day
}

// String renders the date as Document.Date holds it: at its precision, ""
// when unknown.
func (d Date) String() string {
	switch d.precision {
	case YearPrecision:
		return pad(d.year, 4)
	case MonthPrecision:
		return pad(d.year, 4) + "-" + pad(d.month, 2)
	case DayPrecision:
		return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
	}
	return ""
}

// FirstDay is the first day the date covers (the date itself when known to
// the day), NoDay when it is unknown. It is the day a document is filed
// under: the index orders and filters documents by it.
func (d Date) FirstDay() Day {
	if !d.Known() {
		return NoDay
	}
	return dayOf(d.year, d.month, d.day)
}

// LastDay is the last day the date covers: the end of its month or year.
func (d Date) LastDay() Day {
	switch d.precision {
	case YearPrecision:
		return dayOf(d.year, 12, 31)
	case MonthPrecision:
		return dayOf(d.year, d.month, DaysIn(d.year, d.month))
	case DayPrecision:
		return dayOf(d.year, d.month, d.day)
	}
	return NoDay
}

// Day is a day of the proleptic Gregorian calendar, counted from
// 1970-01-01.
type Day int32

// NoDay is the Day of an unknown date; it sorts before every real day.
const NoDay Day = -1 << 30

// DayOfDate is the first day of a date written as Document.Date holds it
// (see Date.FirstDay); NoDay when it is unknown or malformed.
func DayOfDate(s string) Day {
	d, err := ParseDate(s)
	if err != nil {
		return NoDay
	}
	return d.FirstDay()
}

// dayOf counts days from 1970-01-01 (the days-from-civil algorithm of
// Howard Hinnant).
func dayOf(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// civil is the inverse of dayOf (Hinnant's civil-from-days).
func (day Day) civil() (y, m, d int) {
	z := int(day) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 { // January or February: the year of March's era ended
		y++
	}
	return y, m, d
}

// Date is the day as a Date known to the day; the unknown Date for NoDay.
func (day Day) Date() Date {
	if day == NoDay {
		return Date{}
	}
	y, m, d := day.civil()
	return DateOf(y, m, d)
}

// Year is the day's year, 0 for NoDay.
func (day Day) Year() int {
	if day == NoDay {
		return 0
	}
	y, _, _ := day.civil()
	return y
}

// String renders the day as YYYY-MM-DD, "" for NoDay.
func (day Day) String() string { return day.Date().String() }

// DaysIn is the number of days of a month of the Gregorian calendar.
func DaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
