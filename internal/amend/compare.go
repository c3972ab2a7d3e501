package amend

import (
	"reflect"
	"sort"
	"strings"

	"verordening/internal/document"
	"verordening/internal/format"
)

// maxEdits is the most changes within one article that are still worded
// one by one; past it, the article is given in full.
const maxEdits = 6

// maxQuoted is the longest fragment, in words, that a replacement quotes;
// a longer change gives the lid or article in full.
const maxQuoted = 15

type editKind int

const (
	editReplace    editKind = iota // "wordt “…” vervangen door “…”"
	editLid                        // "… lid komt te luiden:"
	editDefAdd                     // a definition is inserted
	editDefRemove                  // a definition goes
	editDefReplace                 // a definition is given anew
	editLidAdd                     // leden are added at the end
	editLidRemove                  // a lid at the end goes
)

// An edit is one change within an article.
type edit struct {
	kind  editKind
	loc   loc
	pairs []pair          // editReplace
	lid   *document.Lid   // editLid: the lid as it will read
	leden []*document.Lid // editLidAdd: the leden added
	text  string          // editDefAdd, editDefReplace: the definition as it will read
}

// A pair is one replacement: old text by new text.
type pair struct{ old, new string }

// A loc is a place in an article, as a reference names it (Ar 3.29):
// "artikel 9, eerste lid, onderdeel a, onder 1°", "…, aanhef".
type loc struct {
	art    string   // the amended article number
	lid    int      // lid index; -1 for the whole article
	leden  int      // the number of leden of the article: one lid is not named
	items  []string // the markers of the onderdeel and sub-onderdelen ("a.", "1°.")
	aanhef bool     // the text before an enumeration
	term   string   // a definition, by its term
}

// parts are the place's parts after "artikel N".
func (l loc) parts() []string {
	var p []string
	if l.lid >= 0 && l.leden > 1 {
		p = append(p, format.Ordinal(l.lid+1)+" lid")
	}
	for i, m := range l.items {
		m = strings.TrimSuffix(m, ".")
		if i == 0 {
			p = append(p, "onderdeel "+m)
		} else {
			p = append(p, "onder "+m)
		}
	}
	if l.aanhef {
		p = append(p, "aanhef")
	}
	return p
}

// diffArticle compares an old article with the new one. It returns the
// edits within the article, or whole when the article is best given in
// full: another title, leden inserted or dropped other than at the end,
// or too much changed.
func diffArticle(o, n *document.Article) (edits []edit, whole bool) {
	if !o.Title.Equal(n.Title) {
		return nil, true
	}
	if len(o.Leden) != len(n.Leden) && (len(o.Leden) < 2 || len(n.Leden) < 2) {
		// From one lid to several or back: every lid changes its number.
		return nil, true
	}
	common := min(len(o.Leden), len(n.Leden))
	lidEdits := 0
	for i := range common {
		lo, ln := o.Leden[i], n.Leden[i]
		if lidEqual(lo, ln) {
			continue
		}
		base := loc{art: n.Number, lid: i, leden: len(n.Leden)}
		var es []edit
		ok := false
		switch {
		case hasDefinitions(lo) && hasDefinitions(ln):
			es, ok = diffDefinitions(base, lo, ln)
		case sameShape(lo, ln):
			es, ok = diffUnits(base, lo, ln)
		}
		if !ok {
			if len(o.Leden) == 1 {
				return nil, true
			}
			es = []edit{{kind: editLid, loc: base, lid: ln}}
			lidEdits++
		}
		edits = append(edits, es...)
	}
	if len(n.Leden) > common {
		edits = append(edits, edit{kind: editLidAdd, loc: loc{art: n.Number, lid: -1, leden: len(n.Leden)}, leden: n.Leden[common:]})
	}
	for i := common; i < len(o.Leden); i++ {
		edits = append(edits, edit{kind: editLidRemove, loc: loc{art: n.Number, lid: i, leden: len(o.Leden)}})
	}
	if len(edits) > maxEdits || lidEdits*2 > common {
		return nil, true
	}
	return edits, false
}

func lidEqual(a, b *document.Lid) bool {
	return a.Number == b.Number && a.Text.Equal(b.Text) && itemsEqual(a.Items, b.Items) && reflect.DeepEqual(a.Blocks, b.Blocks)
}

func itemsEqual(a, b []*document.Item) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Marker != b[i].Marker || !a[i].Text.Equal(b[i].Text) || !itemsEqual(a[i].Items, b[i].Items) {
			return false
		}
	}
	return true
}

// sameShape reports whether two leden have the same onderdelen (by
// marker) and the same tables, so that only texts differ.
func sameShape(a, b *document.Lid) bool {
	return itemShape(a.Items, b.Items) && reflect.DeepEqual(a.Blocks, b.Blocks)
}

func itemShape(a, b []*document.Item) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Marker != b[i].Marker || !itemShape(a[i].Items, b[i].Items) {
			return false
		}
	}
	return true
}

// A unit is one text of a lid: its own text or an onderdeel's.
type unit struct {
	loc  loc
	text string
}

func units(base loc, l *document.Lid, items []*document.Item) []unit {
	lidLoc := base
	lidLoc.aanhef = len(items) > 0
	out := []unit{{lidLoc, md(l.Text)}}
	var walk func(items []*document.Item, path []string)
	walk = func(items []*document.Item, path []string) {
		for _, it := range items {
			p := append(append([]string(nil), path...), it.Marker)
			u := base
			u.items = p
			u.aanhef = len(it.Items) > 0
			out = append(out, unit{u, md(it.Text)})
			walk(it.Items, p)
		}
	}
	walk(items, nil)
	return out
}

// diffUnits words the changes between two leden of the same shape as
// replacements, one edit per changed text; ok is false when a change is
// too large for that.
func diffUnits(base loc, lo, ln *document.Lid) ([]edit, bool) {
	return diffUnitList(units(base, lo, lo.Items), units(base, ln, ln.Items))
}

func diffUnitList(uo, un []unit) ([]edit, bool) {
	var edits []edit
	for i := range uo {
		if uo[i].text == un[i].text {
			continue
		}
		pairs, ok := replacements(uo[i].text, un[i].text)
		if !ok {
			return nil, false
		}
		edits = append(edits, edit{kind: editReplace, loc: un[i].loc, pairs: pairs})
	}
	return edits, true
}

// hasDefinitions reports whether a lid lists definitions: unlettered
// items with a term as label (see assemble/terms.go).
func hasDefinitions(l *document.Lid) bool {
	for _, it := range l.Items {
		if isDefinition(it) {
			return true
		}
	}
	return false
}

func isDefinition(it *document.Item) bool { return it.Marker == "" && it.Label != "" }

// diffDefinitions compares a lid of definitions: the definitions by term,
// the rest as texts.
func diffDefinitions(base loc, lo, ln *document.Lid) ([]edit, bool) {
	split := func(l *document.Lid) (defs map[string]*document.Item, terms []string, rest []*document.Item) {
		defs = map[string]*document.Item{}
		for _, it := range l.Items {
			if isDefinition(it) {
				defs[it.Label] = it
				terms = append(terms, it.Label)
			} else {
				rest = append(rest, it)
			}
		}
		return defs, terms, rest
	}
	od, ot, or := split(lo)
	nd, nt, nr := split(ln)
	if !itemShape(or, nr) || !reflect.DeepEqual(lo.Blocks, ln.Blocks) {
		return nil, false
	}
	edits, ok := diffUnitList(units(base, lo, or), units(base, ln, nr))
	if !ok {
		return nil, false
	}
	// The lid's own text is the aanhef of the list of definitions.
	for i := range edits {
		if len(edits[i].loc.items) == 0 {
			edits[i].loc.aanhef = true
		}
	}
	terms := append(ot, nt...)
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i]) < strings.ToLower(terms[j]) })
	seen := map[string]bool{}
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		l := base
		l.term = t
		o, n := od[t], nd[t]
		switch {
		case o == nil:
			edits = append(edits, edit{kind: editDefAdd, loc: l, text: md(n.Text)})
		case n == nil:
			edits = append(edits, edit{kind: editDefRemove, loc: l})
		default:
			// The final ";" or "." follows the place in the list, which
			// "in de alfabetische volgorde" already settles.
			ot, nt := trimEnd(md(o.Text)), trimEnd(md(n.Text))
			if ot == nt {
				continue
			}
			if pairs, ok := replacements(ot, nt); ok {
				edits = append(edits, edit{kind: editReplace, loc: l, pairs: pairs})
			} else {
				edits = append(edits, edit{kind: editDefReplace, loc: l, text: md(n.Text)})
			}
		}
	}
	return edits, true
}

func trimEnd(s string) string { return strings.TrimRight(s, " ;.") }

// replacements words the change from old to new as at most two
// replacements of quoted fragments. Each old fragment occurs once in old,
// so the instruction is unambiguous, and applying them gives new exactly.
func replacements(old, new string) ([]pair, bool) {
	ow, nw := words(old), words(new)
	if strings.Join(ow, " ") != old || strings.Join(nw, " ") != new {
		return nil, false // irregular spacing: quote the whole text instead
	}
	ss := spans(ow, nw, 2)
	if len(ss) == 0 || len(ss) > 2 {
		return nil, false
	}
	ss = expandSpans(ss, ow, nw, old)
	var pairs []pair
	for _, s := range ss {
		if s.OldTo-s.OldFrom > maxQuoted || s.NewTo-s.NewFrom > maxQuoted {
			return nil, false
		}
		p := tidy(s, ow, nw, old)
		if !balanced(p.old) || !balanced(p.new) {
			return nil, false
		}
		pairs = append(pairs, p)
	}
	got := old
	for _, p := range pairs {
		if strings.Count(got, p.old) != 1 {
			return nil, false
		}
		got = strings.Replace(got, p.old, p.new, 1)
	}
	if got != new {
		return nil, false
	}
	return pairs, true
}

// expandSpans widens each span with the shared words around it until
// both sides have text and the old fragment occurs only once; a span that
// cannot grow further without meeting its neighbour is joined to it.
func expandSpans(ss []span, ow, nw []string, old string) []span {
	for i := 0; i < len(ss); {
		s := &ss[i]
		frag := strings.Join(ow[s.OldFrom:s.OldTo], " ")
		if s.OldFrom < s.OldTo && s.NewFrom < s.NewTo && strings.Count(old, frag) == 1 {
			i++
			continue
		}
		right := len(ow)
		if i+1 < len(ss) {
			right = ss[i+1].OldFrom
		}
		left := 0
		if i > 0 {
			left = ss[i-1].OldTo
		}
		switch {
		case s.OldFrom > left:
			// Prefer the word before: "na “werkgever” …" reads as the
			// sentence goes.
			s.OldFrom--
			s.NewFrom--
		case s.OldTo < right:
			s.OldTo++
			s.NewTo++
		case i+1 < len(ss):
			ss[i].OldTo, ss[i].NewTo = ss[i+1].OldTo, ss[i+1].NewTo
			ss = append(ss[:i+1], ss[i+2:]...)
		case i > 0:
			ss[i-1].OldTo, ss[i-1].NewTo = s.OldTo, s.NewTo
			ss = ss[:i]
			i--
		default:
			return ss // the whole text; it occurs once
		}
	}
	return ss
}

// tidy turns a span into its fragments, leaving out a final punctuation
// mark both share and taking along the word that says what a number is
// ("€ 8.600", "artikel 21"), as a drafter would quote them.
func tidy(s span, ow, nw []string, old string) pair {
	p := pair{strings.Join(ow[s.OldFrom:s.OldTo], " "), strings.Join(nw[s.NewFrom:s.NewTo], " ")}
	if s.OldFrom > 0 && s.NewFrom > 0 && startsWithDigit(p.old) && startsWithDigit(p.new) {
		switch w := ow[s.OldFrom-1]; w {
		case "€", "artikel", "artikelen":
			q := pair{w + " " + p.old, w + " " + p.new}
			if strings.Count(old, q.old) == 1 {
				p = q
			}
		}
	}
	for _, c := range []string{",", ";", ".", ":"} {
		if strings.HasSuffix(p.old, c) && strings.HasSuffix(p.new, c) && len(p.old) > 1 && len(p.new) > 1 {
			q := pair{strings.TrimSuffix(p.old, c), strings.TrimSuffix(p.new, c)}
			if strings.Count(old, q.old) == 1 && !strings.HasSuffix(q.old, `\`) {
				p = q
			}
			break
		}
	}
	return p
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// balanced reports whether a fragment can stand on its own as inline
// Markdown: no emphasis cut in half, no escape cut off.
func balanced(s string) bool {
	stars := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 == len(s) {
				return false
			}
			i++
		case '*':
			stars++
		}
	}
	return stars%2 == 0
}
