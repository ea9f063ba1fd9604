package ui

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"marsad/internal/explore"
	"marsad/internal/query"
	"marsad/internal/search"
)

// view is everything the address bar says about the page: a shared link,
// a reload or back/forward restores exactly this.
type view struct {
	Query   string
	Sources []string
	Years   []string
	// Entities are entity names the articles must all mention.
	Entities []string
	// DocID, when set, opens the reader on that document.
	DocID string
	// Page is the zero-based page of results. The address counts pages
	// from 1, as the page itself does (page=2 is "page 2 of …"); the first
	// page has no parameter.
	Page int
	// NoAliases switches off alias expansion (داعش also searching
	// تنظيم الدولة, ISIS…), which is on by default.
	NoAliases bool
	// AllWords keeps the results to the articles that have every word of
	// the query, with no fall back to partial matches (search.Request's
	// NoPartial): the link the partial-match note offers.
	AllWords bool
	// Sort is the order of the results: search.SortRelevance (""),
	// search.SortNewest or search.SortOldest.
	Sort string
	// Dates is a date range picked in the filters ("2015..2016-06", open
	// ends allowed), searched as the query's date: filter.
	Dates string
	// Hit is the reader's current hit, zero-based (the URL counts from 1),
	// so a shared link opens at that passage.
	Hit int
	// Help shows the query language's help instead of results.
	Help bool
	// Lang is the interface language: what the address says, else what the
	// browser remembers, else Arabic.
	Lang lang

	// Tool is the workbench view shown for the query: the list of results
	// (toolResults, ""), the concordance, trends… Each keeps its own
	// settings below, all in the address, so a link reproduces the view.
	Tool tool
	// LineSort orders the concordance's lines (explore.ConcordanceSort).
	LineSort string
	// Compared are up to four more queries drawn beside the query in
	// trends.
	Compared []string
	// Unit is the trends' period: "" (chosen by the span of the data),
	// "day", "month" or "year".
	Unit string
	// PerWords draws trends per 10,000 words rather than as counts.
	PerWords bool
	// AsTable shows a view's numbers as a table rather than as a chart.
	AsTable bool
	// BySource draws trends by source rather than over time.
	BySource bool
	// Window is the collocates' window, in words each side (0: default).
	Window int
	// SideA and SideB are the two subcorpora compare sets side by side,
	// each as query text (source:الجزيرة, date:2014..2015, a word…).
	SideA, SideB string
	// Groups are term-group definitions the link carries ("name=t1|t2"),
	// so that a query with group:name reads the same for whoever opens it.
	Groups []string
}

// tool is a workbench view.
type tool string

const (
	toolResults     tool = ""
	toolConcordance tool = "kwic"
	toolTrends      tool = "trends"
	toolCollocates  tool = "collocates"
	toolWords       tool = "words"
	toolCompare     tool = "compare"
	toolKeep        tool = "keep" // term groups and saved queries
)

// name is the view's name where one must be written (a tab's data-tool,
// an export's "view"): "results" for the results, whose view= is empty.
func (t tool) name() string {
	if t == toolResults {
		return "results"
	}
	return string(t)
}

// tools are the workbench views in the order of their tabs.
var tools = []tool{toolResults, toolConcordance, toolTrends, toolCollocates, toolWords, toolCompare, toolKeep}

func parseTool(s string) tool {
	for _, t := range tools {
		if string(t) == s {
			return t
		}
	}
	return toolResults
}

// maxCompared bounds the queries trends draws beside the query (five in all).
const maxCompared = 4

// URL parameter names.
const (
	paramQuery  = "q"
	paramSource = "source"
	paramYear   = "year"
	paramEntity = "entity"
	paramDoc    = "doc"
	paramPage   = "page"
	paramAlias  = "aliases"
	paramStrict = "match"
	paramSort   = "sort"
	paramDates  = "date"
	paramHit    = "hit"
	paramHelp   = "help"
	paramLang   = "lang"

	paramTool     = "view"
	paramLineSort = "lines"
	paramCompared = "vs"
	paramUnit     = "unit"
	paramPer      = "per"
	paramAsTable  = "table"
	paramBySource = "by"
	paramWindow   = "window"
	paramSideA    = "a"
	paramSideB    = "b"
	paramGroups   = "groups"
)

// The values of paramPer and paramBySource.
const (
	perTenThousand = "10k"
	bySource       = "source"
)

// maxURLFilters bounds how many filter values a crafted link can make the page
// evaluate.
const maxURLFilters = 32

// effectiveQuery is what the engine searches: the typed query and the date
// range picked in the filters, as one query.
func (v view) effectiveQuery() string {
	if v.Dates == "" {
		return v.Query
	}
	return strings.TrimSpace(v.Query + " " + query.FieldDate + ":" + v.Dates)
}

// results is the view's list of results (or its workbench view): the same
// filters, no article open.
func (v view) results() view {
	v.DocID, v.Hit, v.Help = "", 0, false
	return v
}

// withTool is the view switched to another workbench view, keeping the
// query, the filters and every view's settings.
func (v view) withTool(t tool) view {
	v = v.results()
	v.Tool, v.Page = t, 0
	return v
}

// searching is the results of the query q, with v's filters, language and
// views' settings: where a word, pair or form of a view leads.
func (v view) searching(q string) view {
	v = v.withTool(toolResults)
	v.Query, v.AllWords = q, false
	return v
}

func parseView(u *url.URL) view {
	q := u.Query()
	v := view{
		Query:    q.Get(paramQuery),
		Sources:  limit(q[paramSource]),
		Years:    limit(q[paramYear]),
		Entities: limit(q[paramEntity]),
		DocID:    q.Get(paramDoc),
		// Only the explicit "off" disables them: a mistyped value keeps the default.
		NoAliases: q.Get(paramAlias) == "off",
		AllWords:  q.Get(paramStrict) == "all",
	}
	switch s := q.Get(paramSort); s {
	case search.SortNewest, search.SortOldest:
		v.Sort = s
	}
	if p, err := strconv.Atoi(q.Get(paramPage)); err == nil && p > 1 && p < 1_000_000 {
		v.Page = p - 1
	}
	if h, err := strconv.Atoi(q.Get(paramHit)); err == nil && h > 1 && h < 1_000_000 {
		v.Hit = h - 1
	}
	if d := strings.TrimSpace(q.Get(paramDates)); len(d) <= 32 {
		v.Dates = d
	}
	_, v.Help = q[paramHelp]
	if l := q.Get(paramLang); l != "" {
		v.Lang = parseLang(l) // unset: the page uses the language remembered
	}
	v.Tool = parseTool(q.Get(paramTool))
	if s := explore.ConcordanceSort(q.Get(paramLineSort)); slices.Contains(explore.ConcordanceSorts, s) {
		v.LineSort = string(s)
	}
	for _, c := range q[paramCompared] {
		if c = strings.TrimSpace(c); c != "" && len(v.Compared) < maxCompared {
			v.Compared = append(v.Compared, c)
		}
	}
	switch u := q.Get(paramUnit); u {
	case "day", "month", "year":
		v.Unit = u
	}
	v.PerWords = q.Get(paramPer) == perTenThousand
	_, v.AsTable = q[paramAsTable]
	v.BySource = q.Get(paramBySource) == bySource
	if w, err := strconv.Atoi(q.Get(paramWindow)); err == nil && w >= 1 && w <= maxWindow {
		v.Window = w
	}
	v.SideA, v.SideB = q.Get(paramSideA), q.Get(paramSideB)
	v.Groups = limit(q[paramGroups])
	return v
}

// maxWindow bounds the collocates' window a link can ask for.
const maxWindow = 10

func limit(values []string) []string {
	if len(values) > maxURLFilters {
		values = values[:maxURLFilters]
	}
	return values
}

// URL is the page's address for v, parameters in a stable order so that equal
// views have equal URLs.
func (v view) URL() *url.URL {
	var parts []string
	add := func(k, val string) { parts = append(parts, k+"="+url.QueryEscape(val)) }
	if v.Query != "" {
		add(paramQuery, v.Query)
	}
	for _, s := range v.Sources {
		add(paramSource, s)
	}
	for _, y := range v.Years {
		add(paramYear, y)
	}
	for _, e := range v.Entities {
		add(paramEntity, e)
	}
	if v.NoAliases {
		add(paramAlias, "off")
	}
	if v.AllWords {
		add(paramStrict, "all")
	}
	if v.Sort != "" {
		add(paramSort, v.Sort)
	}
	if v.Page > 0 {
		add(paramPage, strconv.Itoa(v.Page+1))
	}
	if v.Dates != "" {
		add(paramDates, v.Dates)
	}
	if v.DocID != "" {
		add(paramDoc, v.DocID)
		if v.Hit > 0 {
			add(paramHit, strconv.Itoa(v.Hit+1))
		}
	}
	if v.Help {
		parts = append(parts, paramHelp)
	}
	if v.Tool != toolResults {
		add(paramTool, string(v.Tool))
	}
	if v.LineSort != "" {
		add(paramLineSort, v.LineSort)
	}
	for _, c := range v.Compared {
		add(paramCompared, c)
	}
	if v.Unit != "" {
		add(paramUnit, v.Unit)
	}
	if v.PerWords {
		add(paramPer, perTenThousand)
	}
	if v.BySource {
		add(paramBySource, bySource)
	}
	if v.AsTable {
		parts = append(parts, paramAsTable)
	}
	if v.Window > 0 {
		add(paramWindow, strconv.Itoa(v.Window))
	}
	if v.SideA != "" {
		add(paramSideA, v.SideA)
	}
	if v.SideB != "" {
		add(paramSideB, v.SideB)
	}
	for _, g := range v.Groups {
		add(paramGroups, g)
	}
	if v.Lang == english {
		add(paramLang, string(english))
	}
	return &url.URL{Path: RootPath(), RawQuery: strings.Join(parts, "&")}
}

// RootPath is the path of the explorer's page: "/", or in the browser the
// folder the site is served from when built with a base path ("/marsad/"),
// which go-app passes on as GOAPP_ROOT_PREFIX ("/marsad"). Pre-rendering,
// go-app itself puts the prefix before every path of the page.
//
// It is read once: app.Getenv asks the page's JavaScript each time, and
// every link the page draws (a facet value, a bar, a tab) starts with it.
func RootPath() string {
	if app.IsServer {
		return "/"
	}
	rootPathOnce.Do(func() { rootPath = strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + "/" })
	return rootPath
}

var (
	rootPathOnce sync.Once
	rootPath     string
)

// toggle adds value to values, or removes it if present.
func toggle(values []string, value string) []string {
	out := make([]string, 0, len(values)+1)
	found := false
	for _, v := range values {
		if v == value {
			found = true
			continue
		}
		out = append(out, v)
	}
	if !found {
		out = append(out, value)
	}
	return out
}

func contains(values []string, value string) bool {
	for _, v := range values {
		if v == value {
			return true
		}
	}
	return false
}
