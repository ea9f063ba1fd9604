package query

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FieldGroup names a term group in a query: group:داعش stands for every
// term of the visitor's group named داعش, searched as one (any of them).
// The groups are the visitor's own, kept by the page or given to the
// command line as a file, so the parser never sees the field: ExpandGroups
// replaces it by the group's terms before a query is read.
const FieldGroup = "group"

// groupFieldNames are the spellings of group: (Arabic مجموعة:).
var groupFieldNames = []string{FieldGroup, "مجموعة"}

// Bounds on a term group, so that a crafted link or file cannot make one
// query word stand for an unbounded query.
const (
	MaxGroupTerms    = 64
	MaxGroupNameLen  = 64
	MaxGroupTermLen  = 128
	MaxGroupsPerFile = 256
)

// Group is a named set of terms and phrases searched as one.
type Group struct {
	Name  string   `json:"name"`
	Terms []string `json:"terms"`
}

// Groups are the visitor's term groups, by name.
type Groups []Group

// Find returns the group with this name (names compare as written, letter
// case ignored for Latin names).
func (gs Groups) Find(name string) (Group, bool) {
	for _, g := range gs {
		if strings.EqualFold(g.Name, name) {
			return g, true
		}
	}
	return Group{}, false
}

// Put adds g, replacing a group of the same name, and keeps the groups in
// name order.
func (gs Groups) Put(g Group) Groups {
	out := make(Groups, 0, len(gs)+1)
	for _, old := range gs {
		if !strings.EqualFold(old.Name, g.Name) {
			out = append(out, old)
		}
	}
	out = append(out, g)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Remove returns the groups without the one named name.
func (gs Groups) Remove(name string) Groups {
	out := make(Groups, 0, len(gs))
	for _, g := range gs {
		if !strings.EqualFold(g.Name, name) {
			out = append(out, g)
		}
	}
	return out
}

// ErrGroup is the kind of every error about a term group's text; each is
// a *GroupError, which says what is wrong in terms a page can translate.
var ErrGroup = errors.New("term group")

// GroupProblem is what is wrong with a term group, or a file of them.
type GroupProblem int

const (
	GroupNameEmpty GroupProblem = iota + 1
	GroupNameNotOneWord
	GroupNameTooLong
	GroupTooManyTerms
	GroupNoTerms
	GroupsNotAList // the file is not JSON of groups
	GroupsTooMany
	GroupsSameName // two groups of a file have one name: which to keep is not the reader's to guess
)

// GroupError is an error about a term group: the problem, the group's name
// and its place in a file (1-based; 0 outside a file), the limit passed,
// and for GroupsNotAList the JSON reader's own words.
type GroupError struct {
	Problem GroupProblem
	Name    string
	Index   int
	Limit   int
	Detail  string
}

func (e *GroupError) Error() string {
	var s string
	switch e.Problem {
	case GroupNameEmpty:
		s = "the name is empty"
	case GroupNameNotOneWord:
		s = fmt.Sprintf("the name %q must be one word (letters, digits, - or _)", e.Name)
	case GroupNameTooLong:
		s = fmt.Sprintf("the name is longer than %d letters", e.Limit)
	case GroupTooManyTerms:
		s = fmt.Sprintf("more than %d terms", e.Limit)
	case GroupNoTerms:
		s = fmt.Sprintf("%q has no terms", e.Name)
	case GroupsNotAList:
		s = "not a list of groups ([{\"name\": …, \"terms\": […]}]): " + e.Detail
	case GroupsTooMany:
		s = fmt.Sprintf("more than %d groups", e.Limit)
	case GroupsSameName:
		s = fmt.Sprintf("the name %q is taken by an earlier group of the file", e.Name)
	}
	s = ErrGroup.Error() + ": " + s
	if e.Index > 0 {
		s = fmt.Sprintf("group %d: %s", e.Index, s)
	}
	return s
}

func (e *GroupError) Unwrap() error { return ErrGroup }

// NewGroup makes a group from a name and the terms as a visitor types them:
// one term or phrase per line, or separated by commas (Arabic ، too). It
// cleans what cannot be searched (quotes, brackets, control characters)
// and refuses an empty name, a name that is not one word, or no terms.
func NewGroup(name string, terms string) (Group, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Group{}, &GroupError{Problem: GroupNameEmpty}
	}
	if strings.IndexFunc(name, func(r rune) bool { return !isGroupNameRune(r) }) >= 0 {
		return Group{}, &GroupError{Problem: GroupNameNotOneWord, Name: name}
	}
	if utf8.RuneCountInString(name) > MaxGroupNameLen {
		return Group{}, &GroupError{Problem: GroupNameTooLong, Name: name, Limit: MaxGroupNameLen}
	}
	g := Group{Name: name}
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(terms, func(r rune) bool { return r == '\n' || r == ',' || r == '،' || r == ';' || r == '؛' }) {
		t = cleanGroupTerm(t)
		if t == "" || seen[t] {
			continue
		}
		if len(g.Terms) == MaxGroupTerms {
			return Group{}, &GroupError{Problem: GroupTooManyTerms, Name: name, Limit: MaxGroupTerms}
		}
		seen[t] = true
		g.Terms = append(g.Terms, t)
	}
	if len(g.Terms) == 0 {
		return Group{}, &GroupError{Problem: GroupNoTerms, Name: name}
	}
	return g, nil
}

func isGroupNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '_'
}

// cleanGroupTerm keeps a term's words: quotes, brackets and control
// characters would change the query it is put into, so they become spaces.
func cleanGroupTerm(t string) string {
	t = strings.Map(func(r rune) rune {
		if r == '(' || r == ')' || r == '|' || isQuoteOpener(r) || r == '"' || unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, t)
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) > MaxGroupTermLen {
		t = string([]rune(t)[:MaxGroupTermLen])
	}
	return t
}

// Query is the group as query text: its terms joined by OR, a term of
// several words as a phrase.
func (g Group) Query() string {
	parts := make([]string, len(g.Terms))
	for i, t := range g.Terms {
		if strings.ContainsFunc(t, unicode.IsSpace) {
			t = `"` + t + `"`
		}
		parts[i] = t
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// ReadGroups reads term groups from JSON (what WriteGroups writes, or an
// object mapping names to term lists), checking each as NewGroup does.
func ReadGroups(data []byte) (Groups, error) {
	var list []Group
	if err := json.Unmarshal(data, &list); err != nil {
		var byName map[string][]string
		if err2 := json.Unmarshal(data, &byName); err2 != nil {
			return nil, &GroupError{Problem: GroupsNotAList, Detail: err.Error()}
		}
		for name, terms := range byName {
			list = append(list, Group{Name: name, Terms: terms})
		}
	}
	if len(list) > MaxGroupsPerFile {
		return nil, &GroupError{Problem: GroupsTooMany, Limit: MaxGroupsPerFile}
	}
	var gs Groups
	for i, g := range list {
		clean, err := NewGroup(g.Name, strings.Join(g.Terms, "\n"))
		if err != nil {
			ge := *err.(*GroupError)
			ge.Index = i + 1
			return nil, &ge
		}
		if _, taken := gs.Find(clean.Name); taken {
			return nil, &GroupError{Problem: GroupsSameName, Name: clean.Name, Index: i + 1}
		}
		gs = gs.Put(clean)
	}
	return gs, nil
}

// JSON is the groups as indented JSON, for export.
func (gs Groups) JSON() []byte {
	if gs == nil {
		gs = Groups{}
	}
	b, _ := json.MarshalIndent(gs, "", "  ")
	return append(b, '\n')
}

// ExpandGroups replaces each group:NAME word of a query (outside quotes) by
// the group's terms (Group.Query). It returns the query to search, the
// groups it used and the names it did not know; an unknown group is left as
// written, so it is searched as words and the page can say so.
func ExpandGroups(s string, gs Groups) (expanded string, used Groups, unknown []string) {
	var b strings.Builder
	inQuote := rune(0)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if inQuote != 0 {
			if r == inQuote {
				inQuote = 0
			}
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		if isQuoteOpener(r) && strings.ContainsRune(s[i+size:], closerOf(r)) {
			inQuote = closerOf(r)
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		atWordStart := i == 0 || !isWordRune(lastRune(s[:i])) || lastRune(s[:i]) == '-'
		if atWordStart {
			if name, n, ok := groupWord(s[i:]); ok {
				if g, found := gs.Find(name); found {
					b.WriteString(g.Query())
					used = used.Put(g)
				} else {
					b.WriteString(s[i : i+n])
					unknown = append(unknown, name)
				}
				i += n
				continue
			}
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String(), used, unknown
}

// groupWord reads "group:NAME" at the start of s: the name and the bytes
// read.
func groupWord(s string) (name string, n int, ok bool) {
	for _, field := range groupFieldNames {
		if len(s) <= len(field)+1 || !strings.EqualFold(s[:len(field)], field) || s[len(field)] != ':' {
			continue
		}
		rest := s[len(field)+1:]
		end := strings.IndexFunc(rest, func(r rune) bool { return !isGroupNameRune(r) })
		if end < 0 {
			end = len(rest)
		}
		if end == 0 {
			return "", 0, false
		}
		return rest[:end], len(field) + 1 + end, true
	}
	return "", 0, false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
