package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
)

// narrowScreenWidth is the widest window (CSS pixels) where the page lays out for a
// phone (see the media query in marsad.css).
const narrowScreenWidth = 720

// maxURLFilters bounds how many filter values a crafted link can make the page
// evaluate.
const maxURLFilters = 32

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
	if v.DocID != "" {
		add(paramDoc, v.DocID)
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
