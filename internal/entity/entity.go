// Package entity tags an article with the organisations, media outlets,
// platforms, places and people it names.
//
// The names come from data files embedded in the package (data/*.tsv): a
// list curated for the corpus's subject (Daesh and the "electronic war"
// around it) and names imported from two gazetteers, filtered against the
// corpus vocabulary (see data/NOTICE and gen_test.go).
//
// Matching works on the tokens of package arabic (Tokenize, then
// Normalize): orthography is folded (أ إ آ → ا, ة → ه, ى → ي, harakat and
// tatweel dropped, Latin lowercased), and the first word of a name may carry
// the proclitics و ف and ب ل (بتويتر، لداعش، وتنظيم الدولة، للعراق). Names
// are compared as normalized surface words, not as stems: a stem would merge
// the country سوريا with the adjective السوري, and a person عمر with the
// noun عمر (age). A name of several words matches consecutive tokens, the
// longest name wins and its words are not matched again ("الدولة الإسلامية
// في العراق والشام" is one mention of Daesh, not also one of العراق).
package entity

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"marsad/internal/corpus"
)

// Entity types, the values of Entry.Type: those of corpus.Entity, whose
// package owns them and their labels (corpus.EntityType.Label).
const (
	TypeOrganization = corpus.Organization
	TypeMedia        = corpus.Media
	TypePlatform     = corpus.Platform
	TypePlace        = corpus.Place
	TypePerson       = corpus.Person
)

// Origins of an entry: where its name and aliases come from.
const (
	OriginCurated     = "curated"      // written for Marsad
	OriginNewsFANE    = "newsfane"     // NewsFANE gold annotations, CC BY-SA 3.0
	OriginWorldCities = "world-cities" // world-cities (Wikidata), CC BY 4.0
)

// Entry is one entity: its type, canonical name (what the page shows and
// facets count), the other names and spellings that refer to it, and the
// origin of the data.
//
// An alias written "=form" (one word) matches that spelling only: the word
// without clitics (a name that is also a common word once a proclitic is
// taken off). Latin aliases compare lowercased, except an all-capital alias
// of at most four letters (IS, ISIL, UN), which must match its case.
type Entry struct {
	Type    corpus.EntityType
	Name    string
	Aliases []string
	Origin  string
}

// dataFiles maps each data file to the type of its entries.
var dataFiles = []struct {
	file string
	typ  corpus.EntityType
}{
	{"data/organizations.tsv", TypeOrganization},
	{"data/media.tsv", TypeMedia},
	{"data/platforms.tsv", TypePlatform},
	{"data/places.tsv", TypePlace},
	{"data/people.tsv", TypePerson},
	// ignore.tsv lists phrases that contain a name but are not a mention
	// of it (an account called «النصرة المقدسية» is not Jabhat al-Nusra):
	// a match consumes its words and tags nothing.
	{"data/ignore.tsv", typeIgnore},
}

// typeIgnore marks the entries of data/ignore.tsv.
const typeIgnore corpus.EntityType = "ignore"

//go:embed data
var dataFS embed.FS

// Entries returns the embedded entries, in file order (ignore.tsv included,
// with the unexported type "ignore").
func Entries() ([]Entry, error) {
	var all []Entry
	for _, f := range dataFiles {
		b, err := fs.ReadFile(dataFS, f.file)
		if err != nil {
			return nil, err
		}
		entries, err := Parse(string(b), f.typ)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.file, err)
		}
		all = append(all, entries...)
	}
	return all, nil
}

// Parse reads one data file: one entry per line, the canonical name then
// its aliases, separated by tabs. Lines starting with '#' are comments,
// except "#! origin: NAME", which sets the Origin of the lines after it
// (the default is "curated").
func Parse(data string, typ corpus.EntityType) ([]Entry, error) {
	var out []Entry
	origin := OriginCurated
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "#!"); ok {
			key, val, ok := strings.Cut(rest, ":")
			if !ok || strings.TrimSpace(key) != "origin" || strings.TrimSpace(val) == "" {
				return nil, fmt.Errorf("line %d: bad directive %q", n+1, line)
			}
			origin = strings.Fields(val)[0]
			continue
		}
		if line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		e := Entry{Type: typ, Name: strings.TrimSpace(fields[0]), Origin: origin}
		if e.Name == "" || strings.HasPrefix(e.Name, "=") {
			return nil, fmt.Errorf("line %d: empty or flagged canonical name", n+1)
		}
		for _, a := range fields[1:] {
			a = strings.TrimSpace(a)
			if a == "" || a == "=" {
				return nil, fmt.Errorf("line %d: empty alias", n+1)
			}
			e.Aliases = append(e.Aliases, a)
		}
		out = append(out, e)
	}
	return out, nil
}

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	entries, err := Entries()
	if err != nil {
		return nil, err
	}
	return New(entries)
})

// Default returns the tagger of the embedded data. It is built once and
// shared; a Tagger is safe for concurrent use.
func Default() (*Tagger, error) { return defaultTagger() }
