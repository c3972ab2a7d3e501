package assemble

import (
	"strconv"
	"strings"

	"verordening/internal/clause"
	"verordening/internal/memo"
)

// The output of templates, clauses and frames, is kept across the builds of one
// library, keyed by the template and the values it depends on
// (clause.Deps). A region builds hundreds of gemeenten whose answers
// differ in a few places, so most clauses come out the same; running
// text/template for each took a fifth of a region build.
type outputCache = memo.Map[string, string]

// maxCached bounds each of the assembler's caches.
const maxCached = 4096

// cacheOff turns the cache off; tests compare builds with and without it.
var cacheOff bool

// The keys of our caches in clause.Library.Caches.
type cacheKind int

const (
	outputCacheKey cacheKind = iota
	termTableKey
)

func cacheFor(lib *clause.Library) *outputCache {
	if c, ok := lib.Caches.Load(outputCacheKey); ok {
		return c.(*outputCache)
	}
	c, _ := lib.Caches.LoadOrStore(outputCacheKey, &outputCache{Limit: maxCached})
	return c.(*outputCache)
}

// cacheKey writes the template's name and every value it depends on,
// each with its length, so that no two different sets of values give the
// same key. It returns "" when the output cannot be cached.
func (b *builder) cacheKey(name string) string {
	d := b.lib.Deps(name)
	if cacheOff || d == nil || !d.Static {
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
