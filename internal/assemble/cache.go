package assemble

import (
	"strconv"
	"strings"
	"sync"

	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/memo"
)

// A Cache is what the builds of one clause library keep for one another,
// so that a region's hundreds of gemeenten, whose answers differ in a few
// places, do most of the work once:
//   - the output of templates, clauses and frames, keyed by the template
//     and the values it depends on (clause.Deps); running text/template
//     for each build took a fifth of a region build;
//   - the term table that finds defined terms in article texts, with what
//     it found in each text;
//   - the typed form of each Markdown text (see typed);
//   - the runners of the frame templates (see Frames).
//
// The caller that loads the library creates one (pipeline does, one per
// content pack) and passes it in Options. A nil *Cache keeps nothing:
// every build runs every template and parses every text, which tests use
// to compare against. A Cache is safe for concurrent builds.
type Cache struct {
	lib    *clause.Library
	output memo.Map[string, string]
	terms  *termTable
	parsed memo.Map[string, document.Text]
	// runners are the runners of the frames (Cache.Frames) not in use.
	runners sync.Pool
}

// maxCached bounds the template output cache and the term table's memory
// of texts; maxParsed bounds the parsed texts.
const (
	maxCached = 4096
	maxParsed = 1 << 16
)

// NewCache returns an empty cache for the builds of lib.
func NewCache(lib *clause.Library) *Cache {
	c := &Cache{lib: lib}
	c.output.Limit = maxCached
	c.parsed.Limit = maxParsed
	c.terms = libraryTerms(lib)
	return c
}

// check panics when the cache was made for another library: its texts
// would be that library's.
func (c *Cache) check(lib *clause.Library) {
	if c != nil && c.lib != lib {
		panic("assemble: a Cache serves the builds of the library it was made for")
	}
}

// templateOutput returns the output kept for key.
func (c *Cache) templateOutput(key string) (string, bool) {
	if c == nil || key == "" {
		return "", false
	}
	return c.output.Get(key)
}

// keepOutput keeps a template's output for key.
func (c *Cache) keepOutput(key, out string) {
	if c != nil && key != "" {
		c.output.Put(key, out)
	}
}

// termTable returns the term table of lib: the cache's, or a new one.
func (c *Cache) termTable(lib *clause.Library) *termTable {
	if c == nil {
		return libraryTerms(lib)
	}
	return c.terms
}

// cacheKey writes the template's name and every value it depends on,
// each with its length, so that no two different sets of values give the
// same key. It returns "" when the output cannot be cached.
func (b *builder) cacheKey(name string) string {
	d := b.lib.Deps(name)
	if b.cache == nil || d == nil || !d.Static {
		return ""
	}
	var k strings.Builder
	k.Grow(256)
	field := func(s string) {
		k.WriteString(strconv.Itoa(len(s)))
		k.WriteByte(':')
		k.WriteString(s)
	}
	field(name)
	for _, id := range d.Answers {
		v, ok := b.data.A[id]
		field(id)
		if !ok {
			k.WriteByte('!')
			continue
		}
		if !writeValue(&k, v, field) {
			return ""
		}
	}
	for _, id := range d.Selected {
		field(id)
		if b.chosen[id] {
			k.WriteByte('1')
		} else {
			k.WriteByte('0')
		}
	}
	for _, id := range d.Sources {
		field(id)
		field(b.source(id))
	}
	for _, f := range d.Fields {
		field(f)
		switch f {
		case "Gemeente":
			field(b.data.Gemeente)
		case "Citeertitel":
			field(b.data.Citeertitel)
		case "GeletOp":
			field(b.data.GeletOp)
		case "Regeling":
			field(b.data.Regeling)
		case "Regels":
			field(b.data.Regels)
		case "RegelsTitel":
			field(b.data.RegelsTitel)
		case "Vervallen":
			writeValue(&k, b.data.Vervallen, field)
		default:
			// A field this key does not know: the template fails when it
			// runs, and runs every time.
			return ""
		}
	}
	return k.String()
}

// writeValue writes an answer value with its type; it reports false for a
// type it does not know, whose output is then not cached.
func writeValue(k *strings.Builder, v any, field func(string)) bool {
	switch x := v.(type) {
	case nil:
		k.WriteByte('n')
	case string:
		k.WriteByte('s')
		field(x)
	case float64:
		k.WriteByte('f')
		field(strconv.FormatFloat(x, 'g', -1, 64))
	case int:
		k.WriteByte('i')
		field(strconv.Itoa(x))
	case bool:
		k.WriteByte('b')
		field(strconv.FormatBool(x))
	case openFigure:
		k.WriteByte('o')
		field(x.text)
	case []string:
		k.WriteByte('l')
		field(strconv.Itoa(len(x)))
		for _, s := range x {
			field(s)
		}
	default:
		return false
	}
	return true
}
