package query

import (
	"strings"

	"marsad/internal/arabic"
	"marsad/internal/corpus"
)

// Date values: a year, month or day, or an inclusive range of them.
//
//	2018         2018-01-01..2018-12-31
//	2018-02      2018-02-01..2018-02-28
//	2018-3-5     2018-03-05..2018-03-05 (one-digit month and day accepted)
//	2015-01..2016-06   2015-01-01..2016-06-30
//	..2016       ..2016-12-31
//	2015..       2015-01-01..

const (
	dateExpects = "date: expects 2018, 2018-03, 2018-03-05 or a range 2015-01..2016-06"
	yearExpects = "year: expects a 4-digit year such as 2018 or a range 2015..2016"
)

// parseDateRange reads the value of a date: or year: filter (name is
// FieldDate or FieldYear); pos is the byte offset of the value, where every
// error points.
func parseDateRange(name, value string, pos int) (Node, error) {
	fail := func(msg string) (Node, error) {
		return nil, &Error{Pos: pos, Kind: ErrDateValue, Msg: msg}
	}
	expects := dateExpects
	if name == FieldYear {
		expects = yearExpects
	}
	v := arabic.ASCIIDigits(value)
	lo, hi, isRange := strings.Cut(v, "..")
	if isRange && (strings.Contains(hi, "..") || lo == "" && hi == "") {
		return fail(expects)
	}
	if !isRange {
		hi = lo
	}
	var r DateRange
	var msg string
	if lo != "" {
		if r.From, _, msg = period(lo, name == FieldYear); msg != "" {
			return fail(msg)
		}
	}
	if hi != "" {
		if _, r.To, msg = period(hi, name == FieldYear); msg != "" {
			return fail(msg)
		}
	}
	if r.From != "" && r.To != "" && r.From > r.To {
		// Given backwards (2018..2015): the same stretch of time, from the
		// start of the earlier period to the end of the later.
		r.From, _, _ = period(hi, name == FieldYear)
		_, r.To, _ = period(lo, name == FieldYear)
	}
	return r, nil
}

// period returns the first and last day of a year ("2018"), month
// ("2018-03") or day ("2018-03-05") in ASCII digits. msg is empty when v
// is valid, otherwise it says what was expected. yearOnly rejects months
// and days.
func period(v string, yearOnly bool) (first, last, msg string) {
	expects := dateExpects
	if yearOnly {
		expects = yearExpects
	}
	parts := strings.Split(v, "-")
	if len(parts) > 3 || yearOnly && len(parts) > 1 {
		return "", "", expects
	}
	y, ok := number(parts[0], 4, 4)
	if !ok {
		return "", "", expects
	}
	ys := parts[0]
	if len(parts) == 1 {
		return ys + "-01-01", ys + "-12-31", ""
	}
	m, ok := number(parts[1], 1, 2)
	if !ok {
		return "", "", expects
	}
	if m < 1 || m > 12 {
		return "", "", "date: there is no month " + itoa(m) + ": expected a month from 01 to 12"
	}
	ms := ys + "-" + pad2(m)
	days := corpus.DaysIn(y, m)
	if len(parts) == 2 {
		return ms + "-01", ms + "-" + pad2(days), ""
	}
	d, ok := number(parts[2], 1, 2)
	if !ok {
		return "", "", expects
	}
	if d < 1 || d > days {
		return "", "", "date: " + ms + " has " + itoa(days) + " days: expected a day from 01 to " + itoa(days)
	}
	day := ms + "-" + pad2(d)
	return day, day, ""
}

// number parses between minLen and maxLen ASCII digits.
func number(s string, minLen, maxLen int) (int, bool) {
	if len(s) < minLen || len(s) > maxLen {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}
