package search

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"marsad/internal/index"
	"marsad/internal/testcorpus/seedbundle"
)

// fileLog is a Fetcher that lists the files it was asked for.
type fileLog struct {
	f     index.Fetcher
	mu    sync.Mutex
	names []string
}

func (l *fileLog) Fetch(name string, off, length int64) ([]byte, error) {
	l.mu.Lock()
	l.names = append(l.names, name)
	l.mu.Unlock()
	return l.f.Fetch(name, off, length)
}

func (l *fileLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.names
	l.names = nil
	return out
}

// An alias expansion searches phrases (داعش also "تنظيم الدولة", "الدولة
// الإسلامية"...): the bundle indexes them as keys of their own, so the
// search reads no position chunk, and finds, ranks and marks exactly what
// reading the positions of their words finds.
func TestAliasPhrasesAreReadWithoutPositions(t *testing.T) {
	docs := seedbundle.Docs(t)
	with := seedbundle.Bundle(t) // the default options index the alias table's phrases
	without, err := index.Build(index.Options{Phrases: []string{}}, docs)
	if err != nil {
		t.Fatal(err)
	}
	open := func(b *index.Bundle) (*Engine, *fileLog) {
		l := &fileLog{f: b.Fetcher()}
		e, err := Open(l, b.Root)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.LoadEntities(); err != nil {
			t.Fatal(err)
		}
		l.take()
		return e, l
	}
	// The last one, words near each other, reads positions with or
	// without the phrase: its words in any order are not the phrase.
	near := `"تنظيم الدولة"~3`
	for _, q := range []string{"داعش", "داعش ليبيا", "فيسبوك", `"تنظيم الدولة"`, "ISIS", "daesh تويتر", near} {
		e1, l1 := open(with)
		e2, l2 := open(without)
		req := Request{Query: q, Limit: 10, Aliases: true}
		r1, err := e1.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range l1.take() {
			if strings.HasPrefix(name, "p-") && q != near {
				t.Errorf("%s: read the position chunks of %s", q, name)
			}
		}
		r2, err := e2.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if r1.Total == 0 && q != "daesh تويتر" {
			t.Errorf("%s: no hit: the test proves nothing", q)
		}
		if q == "داعش" && !slices.ContainsFunc(l2.take(), func(name string) bool { return strings.HasPrefix(name, "p-") }) {
			t.Errorf("%s: without phrase keys, no position was read: the test proves nothing", q)
		}
		if !reflect.DeepEqual(r1, r2) {
			t.Errorf("%s: with phrase keys\n%+v\nwithout\n%+v", q, r1, r2)
		}
		for _, h := range r1.Hits {
			s1, _, err := e1.Highlights(h.ID, req)
			if err != nil {
				t.Fatal(err)
			}
			s2, _, _ := e2.Highlights(h.ID, req)
			if !reflect.DeepEqual(s1, s2) {
				t.Errorf("%s: highlights of %s differ: %v, without phrase keys %v", q, h.ID, s1, s2)
			}
		}
	}
}
