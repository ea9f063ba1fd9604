package ui

import (
	"strconv"

	"marsad/internal/corpus"
)

// countNoun says "N things" the way Arabic grammar wants it: the noun (and
// its adjective) takes a different form after 1, 2, 3–10 and 11+, so each
// form is given whole ("مقال واحد", "مقالان", "مقالات", "مقالًا").
func countNoun(n int, one, two, few, many string) string {
	switch {
	case n == 1:
		return one
	case n == 2:
		return two
	case n%100 >= 3 && n%100 <= 10:
		return strconv.Itoa(n) + " " + few
	default:
		return strconv.Itoa(n) + " " + many
	}
}

func resultsLabel(n int) string {
	if n == 0 {
		return "لا نتائج"
	}
	return countNoun(n, "نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة")
}

func articlesLabel(n int) string {
	return countNoun(n, "مقال واحد", "مقالان", "مقالات", "مقالًا")
}

func matchesLabel(n int) string {
	return countNoun(n, "مطابقة واحدة", "مطابقتان", "مطابقات", "مطابقة")
}

// knownSourcesLabel counts the sources the corpus names ("known", since some
// articles name none).
func knownSourcesLabel(n int) string {
	return countNoun(n, "مصدر واحد معروف", "مصدران معروفان", "مصادر معروفة", "مصدرًا معروفًا")
}

// displayDate renders an ISO date at the precision it has (see
// corpus.Date.Label): "2018-11-03" → "3 نوفمبر 2018", "2015-12" → "ديسمبر
// 2015", "2015" → "2015"; an inferred date says so.
func displayDate(iso string, inferred bool) string {
	d, err := corpus.ParseDate(iso)
	if err != nil {
		return iso
	}
	s := d.Label(corpus.Arabic)
	if inferred && d.Known() {
		s += " (تقديري)"
	}
	return s
}

const (
	noSourceLabel = "مصدر غير مذكور"
	noYearLabel   = "بلا تاريخ"
)

func sourceLabel(s string) string {
	if s == "" {
		return noSourceLabel
	}
	return s
}

func yearLabel(y string) string {
	if y == "" {
		return noYearLabel
	}
	return y
}
