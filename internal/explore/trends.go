package explore

import (
	"slices"
	"strconv"

	"marsad/internal/corpus"
	"marsad/internal/index"
	"marsad/internal/search"
)

// DateUnit is the length of a trend's periods.
type DateUnit string

// The units of a trend. UnitAuto chooses by the span of the dated articles
// of the subcorpus: up to MaxDaySpan days by day, up to MaxMonthSpan days by
// month, longer by year.
const (
	UnitAuto  DateUnit = ""
	UnitDay   DateUnit = "day"
	UnitMonth DateUnit = "month"
	UnitYear  DateUnit = "year"
)

// Spans, in days, up to which UnitAuto counts by day and by month: about
// ninety bars by day, sixty by month at most.
const (
	MaxDaySpan   = 92
	MaxMonthSpan = 5*365 + 1
)

// MaxTrendQueries is the most queries one trend compares.
const MaxTrendQueries = 5

// TrendOptions shape a trend.
type TrendOptions struct {
	// Unit is the length of the periods; UnitAuto chooses by the span.
	Unit DateUnit
}

// TrendsResult is the frequency of up to MaxTrendQueries queries over the
// periods of their subcorpora, and by source.
//
// Dates are honoured at the precision the articles give. An article dated
// only to the year (or the month) is not counted in a month (day) period,
// where it would swell January (the 1st): in a chart by month or day, such
// articles are counted apart in Series.Coarse, by their own year or month;
// in a chart by year they are in their year. Articles without a date are
// counted in Series.Undated.
//
// Rates are per 10,000 words, a word being an indexed term of a title or a
// text, stop words left out (the index keeps a text's length to within a
// few percent); the denominator is the words of the series' subcorpus in
// the period, whether or not its articles have the query.
type TrendsResult struct {
	Unit DateUnit
	// Buckets are the periods, oldest first and contiguous (periods with
	// no article included), from the oldest to the newest dated article of
	// the subcorpora; empty when no article has a date.
	Buckets []Bucket
	// Series are the queries, in the order given, each counted in every
	// bucket.
	Series []Series
}

// Bucket is one period of a trend.
type Bucket struct {
	// Label names the period: "2016", "2016-03" or "2016-03-14".
	Label string
	// DateFilter is the value of a date: filter that lists the period's
	// articles (date:2016-03). That filter files an article dated to a
	// coarser precision under its first day (a 2016 article under
	// 2016-01-01), so the articles it lists for a January or a 1st may
	// include some that Series.Coarse counts rather than the bucket.
	DateFilter string
	// Words and Docs are the words (indexed terms of title and text, stop
	// words left out, see TrendsResult) and
	// the articles of the period, over the subcorpora of all the series
	// together (each Series has its own, for its rates).
	Words, Docs int
}

// Series is one query's counts.
type Series struct {
	// Query is the query as given; Canonical its canonical form.
	Query, Canonical string
	// Total is the occurrences of the query in every matching article
	// (title and text, all dates); TotalDocs the matching articles.
	Total, TotalDocs int
	// Counts are the occurrences (title and text) in each bucket, Docs the
	// matching articles, Words the words of the series' subcorpus (its
	// filters, whatever its query's words) and PerTenThousand the rate
	// Counts × 10,000 / Words (0 where there are no words).
	Counts, Docs, Words []int
	PerTenThousand      []float64
	// BySource counts the series over all dates, by source, most
	// occurrences first.
	BySource []Count
	// Undated counts the matching articles without a date.
	Undated Count
	// Coarse counts the matching articles dated more coarsely than the
	// unit, by their own period (a year, or a month), oldest first.
	Coarse []Count
	// OtherNames are the other names of an entity the query's words were
	// searched with (داعش: تنظيم الدولة, ISIS…), whose occurrences the
	// counts include.
	OtherNames []string
	// SameAs is the index of an earlier series that finds the very same
	// occurrences (ISIS and داعش, each expanded to the entity's other
	// names), -1 for none: its line is that series' line.
	SameAs int
}

// Count is the occurrences, matching articles and words of one part of a
// subcorpus: a source (Label the source, "" when unknown), a period (Label
// "2016" or "2016-03"), or the undated articles (Label "").
type Count struct {
	Label              string
	Count, Docs, Words int
	// PerTenThousand is Count × 10,000 / Words, 0 without words.
	PerTenThousand float64
}

// rate is n per 10,000 of words.
func rate(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(n) * 10000 / float64(words)
}

// Trends counts queries over dates and sources (see TrendsResult). It
// costs the postings of the queries' words and no article, but for the
// articles whose date may be coarser than the unit: those whose first day
// is a 1 January (by month) or a 1st (by day), read to learn their
// precision, which the index does not hold.
func Trends(e *search.Engine, queries []search.Request, opt TrendOptions) (*TrendsResult, error) {
	switch {
	case len(queries) == 0:
		return nil, ErrNoQuery
	case len(queries) > MaxTrendQueries:
		return nil, &OptionError{"queries", strconv.Itoa(len(queries)), "at most " + strconv.Itoa(MaxTrendQueries)}
	}
	switch opt.Unit {
	case UnitAuto, UnitDay, UnitMonth, UnitYear:
	default:
		return nil, &OptionError{"unit", string(opt.Unit), "day, month, year or none (chosen by the span)"}
	}
	ix := e.Index()
	occs := make([]*search.Occurrences, len(queries))
	var union []int32
	for i, q := range queries {
		o, err := occurrences(e, q)
		if err != nil {
			return nil, err
		}
		if o.Text == nil {
			return nil, ErrNoQuery
		}
		occs[i] = o
		union = unionSorted(union, o.Selected)
	}
	// Documents are numbered by falling date, undated ones last.
	newest, oldest := corpus.NoDay, corpus.NoDay
	for _, d := range union {
		if day := ix.Day(int(d)); day != corpus.NoDay {
			if newest == corpus.NoDay {
				newest = day
			}
			oldest = day
		}
	}
	res := &TrendsResult{Unit: opt.Unit}
	if res.Unit == UnitAuto {
		switch span := int(newest - oldest); {
		case newest == corpus.NoDay, span > MaxMonthSpan:
			res.Unit = UnitYear
		case span > MaxDaySpan:
			res.Unit = UnitMonth
		default:
			res.Unit = UnitDay
		}
	}
	p := periods{unit: res.Unit}
	if newest != corpus.NoDay {
		p.first = p.of(oldest)
		n := p.of(newest) - p.first + 1
		res.Buckets = make([]Bucket, n)
		for i := range res.Buckets {
			label := p.label(p.first + i)
			res.Buckets[i] = Bucket{Label: label, DateFilter: label}
		}
	}
	coarse, err := coarseDates(ix, union, res.Unit)
	if err != nil {
		return nil, err
	}
	// Where each document is counted: a bucket, or -1 (undated) or -2
	// (dated coarser than the unit).
	// Documents come by falling date, many on the same day: the bucket of
	// the last day is remembered (a day's period is a calendar sum).
	lastDay, lastSlot := corpus.NoDay, -1
	slot := func(d int32) int {
		day := ix.Day(int(d))
		switch {
		case day == corpus.NoDay:
			return -1
		case len(coarse) > 0 && coarse[d] != "":
			return -2
		case day != lastDay:
			lastDay, lastSlot = day, p.of(day)-p.first
		}
		return lastSlot
	}
	for _, d := range union {
		if b := slot(d); b >= 0 {
			res.Buckets[b].Docs++
			res.Buckets[b].Words += docWords(ix, d)
		}
	}
	for i, o := range occs {
		s := Series{Query: queries[i].Query, Canonical: o.Query, TotalDocs: len(o.Docs), SameAs: -1,
			Counts: make([]int, len(res.Buckets)), Docs: make([]int, len(res.Buckets)),
			Words: make([]int, len(res.Buckets)), PerTenThousand: make([]float64, len(res.Buckets))}
		for _, n := range o.AlsoSearched {
			s.OtherNames = append(s.OtherNames, n.Others...)
		}
		for j := range i {
			if o.CountsTheSame(occs[j]) {
				s.SameAs = j
				break
			}
		}
		bySource := map[int]*Count{}
		source := func(d int32) *Count {
			n := ix.SourceNum(int(d))
			sc := bySource[n]
			if sc == nil {
				sc = &Count{Label: ix.Source(int(d))}
				bySource[n] = sc
			}
			return sc
		}
		coarseCounts := map[string]*Count{}
		for _, d := range o.Selected {
			w := docWords(ix, d)
			source(d).Words += w
			switch b := slot(d); b {
			case -1:
				s.Undated.Words += w
			case -2:
				c := coarseCounts[coarse[d]]
				if c == nil {
					c = &Count{Label: coarse[d]}
					coarseCounts[coarse[d]] = c
				}
				c.Words += w
			default:
				s.Words[b] += w
			}
		}
		for k, d := range o.Docs {
			n := int(o.Text[k] + o.Title[k])
			s.Total += n
			sc := source(d)
			sc.Count += n
			sc.Docs++
			switch b := slot(d); b {
			case -1:
				s.Undated.Count += n
				s.Undated.Docs++
			case -2:
				c := coarseCounts[coarse[d]]
				c.Count += n
				c.Docs++
			default:
				s.Counts[b] += n
				s.Docs[b]++
			}
		}
		for b := range s.Counts {
			s.PerTenThousand[b] = rate(s.Counts[b], s.Words[b])
		}
		s.Undated.PerTenThousand = rate(s.Undated.Count, s.Undated.Words)
		for _, sc := range bySource {
			if sc.Docs == 0 {
				continue // a source of the subcorpus the query is not in
			}
			sc.PerTenThousand = rate(sc.Count, sc.Words)
			s.BySource = append(s.BySource, *sc)
		}
		slices.SortFunc(s.BySource, func(a, b Count) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return compareStrings(a.Label, b.Label)
		})
		for _, c := range coarseCounts {
			if c.Docs == 0 {
				continue
			}
			c.PerTenThousand = rate(c.Count, c.Words)
			s.Coarse = append(s.Coarse, *c)
		}
		slices.SortFunc(s.Coarse, func(a, b Count) int { return compareStrings(a.Label, b.Label) })
		res.Series = append(res.Series, s)
	}
	return res, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// docWords is the words of a document: the indexed terms of its title and
// text, stop words left out (the index stores the text's length to within a
// few percent). Every rate per 10,000 words is per 10,000 of these.
func docWords(ix *index.Index, d int32) int {
	return ix.DocLen(index.Title, int(d)) + ix.DocLen(index.Text, int(d))
}

// periods numbers the periods of a unit: days since 1970, months since
// year 0, years.
type periods struct {
	unit  DateUnit
	first int
}

func (p periods) of(day corpus.Day) int {
	d := day.Date()
	switch p.unit {
	case UnitDay:
		return int(day)
	case UnitMonth:
		return d.Year()*12 + d.Month() - 1
	}
	return d.Year()
}

func (p periods) label(n int) string {
	switch p.unit {
	case UnitDay:
		return corpus.Day(n).String()
	case UnitMonth:
		d, _ := corpus.DateOfParts(n/12, n%12+1, 0)
		return d.String()
	}
	d, _ := corpus.DateOfParts(n, 0, 0)
	return d.String()
}

// coarseDates finds the documents dated more coarsely than the unit and
// returns their dates ("2016", "2016-03") by document number. The index
// keeps a date's first day only, so the documents whose first day could be
// that of a coarser date (1 January by month, a 1st by day) are read.
func coarseDates(ix *index.Index, docs []int32, unit DateUnit) (map[int32]string, error) {
	out := map[int32]string{}
	if unit == UnitYear {
		return out, nil
	}
	var maybe []int32
	for _, d := range docs {
		day := ix.Day(int(d))
		if day == corpus.NoDay {
			continue
		}
		date := day.Date()
		if date.DayOfMonth() == 1 && (unit == UnitDay || date.Month() == 1) {
			maybe = append(maybe, d)
		}
	}
	if len(maybe) == 0 {
		return out, nil
	}
	read, err := ix.Docs(maybe)
	if err != nil {
		return nil, err
	}
	for k, doc := range read {
		date, err := corpus.ParseDate(doc.Date)
		if err != nil {
			continue
		}
		switch date.Precision() {
		case corpus.YearPrecision:
			out[maybe[k]] = date.String()
		case corpus.MonthPrecision:
			if unit == UnitDay {
				out[maybe[k]] = date.String()
			}
		}
	}
	return out, nil
}

// unionSorted merges two ascending lists.
func unionSorted(a, b []int32) []int32 {
	out := make([]int32, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
