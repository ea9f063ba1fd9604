package ui

import (
	"encoding/json"
	"strings"

	"marsad/internal/query"
)

// The visitor's term groups and saved queries live in the browser's
// localStorage as JSON, under these keys: nothing leaves the machine.
const (
	groupsStorageKey = "marsad.groups"
	savedStorageKey  = "marsad.saved"
)

// storedGroups reads the term groups the browser keeps; a damaged entry
// reads as no groups rather than breaking the page.
func storedGroups() query.Groups {
	text := storedString(groupsStorageKey)
	if text == "" {
		return nil
	}
	gs, err := query.ReadGroups([]byte(text))
	if err != nil {
		return nil
	}
	return gs
}

func storeGroups(gs query.Groups) { storeString(groupsStorageKey, string(gs.JSON())) }

// groupLink writes a group as the address carries it: "name=term|term".
func groupLink(g query.Group) string {
	return g.Name + "=" + strings.Join(g.Terms, "|")
}

// linkGroups reads the groups an address carries; a malformed one is left
// out (its group:name is then searched as words, and the page says so).
func linkGroups(values []string) query.Groups {
	var gs query.Groups
	for _, v := range values {
		name, terms, ok := strings.Cut(v, "=")
		if !ok {
			continue
		}
		g, err := query.NewGroup(name, strings.ReplaceAll(terms, "|", "\n"))
		if err != nil {
			continue
		}
		gs = gs.Put(g)
	}
	return gs
}

// groupsFor are the groups a view's query reads with: the ones its address
// carries, else the visitor's own.
func groupsFor(v view, own query.Groups) query.Groups {
	gs := own
	for _, g := range linkGroups(v.Groups) {
		gs = gs.Put(g)
	}
	return gs
}

// expandGroups is the text a view's query searches: its group:name words
// replaced by the groups' terms. It also returns the definitions of the
// groups used, for the address, and the unknown names.
func expandGroups(text string, gs query.Groups) (expanded string, carried []string, unknown []string) {
	expanded, used, unknown := query.ExpandGroups(text, gs)
	for _, g := range used {
		carried = append(carried, groupLink(g))
	}
	return expanded, carried, unknown
}

// savedQuery is a query the visitor kept: a name and the address of the view
// (query, filters, view and its settings), one click to run again.
type savedQuery struct {
	Name string `json:"name"`
	Link string `json:"link"` // the view's address, from "?"
}

// maxSaved bounds the saved queries kept.
const maxSaved = 200

func storedQueries() []savedQuery {
	var out []savedQuery
	if err := json.Unmarshal([]byte(storedString(savedStorageKey)), &out); err != nil {
		return nil
	}
	kept := out[:0]
	for _, s := range out {
		if strings.TrimSpace(s.Name) != "" && strings.HasPrefix(s.Link, "?") {
			kept = append(kept, s)
		}
	}
	return kept
}

func storeQueries(qs []savedQuery) {
	if len(qs) > maxSaved {
		qs = qs[len(qs)-maxSaved:]
	}
	b, _ := json.Marshal(qs)
	storeString(savedStorageKey, string(b))
}
