package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
	// Page is the zero-based page of results.
	Page int
	// NoAliases switches off alias expansion (داعش also searching
	// تنظيم الدولة, ISIS…), which is on by default.
	NoAliases bool
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
}

// URL parameter names.
const (
	paramQuery  = "q"
	paramSource = "source"
	paramYear   = "year"
	paramEntity = "entity"
	paramDoc    = "doc"
	paramPage   = "page"
	paramAlias  = "aliases"
	paramSort   = "sort"
	paramDates  = "date"
	paramHit    = "hit"
	paramHelp   = "help"
	paramLang   = "lang"
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

// results is the view's list of results: the same filters, no article open.
func (v view) results() view {
	v.DocID, v.Hit, v.Help = "", 0, false
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
	}
	switch s := q.Get(paramSort); s {
	case search.SortNewest, search.SortOldest:
		v.Sort = s
	}
	if p, err := strconv.Atoi(q.Get(paramPage)); err == nil && p > 0 && p < 1_000_000 {
		v.Page = p
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
	return v
}

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
	if v.Sort != "" {
		add(paramSort, v.Sort)
	}
	if v.Page > 0 {
		add(paramPage, strconv.Itoa(v.Page))
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
	if v.Lang == english {
		add(paramLang, string(english))
	}
	return &url.URL{Path: RootPath(), RawQuery: strings.Join(parts, "&")}
}

// RootPath is the path of the explorer's page: "/", or in the browser the
// folder the site is served from when built with a base path ("/marsad/"),
// which go-app passes on as GOAPP_ROOT_PREFIX ("/marsad"). Pre-rendering,
// go-app itself puts the prefix before every path of the page.
func RootPath() string {
	if app.IsServer {
		return "/"
	}
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + "/"
}

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
