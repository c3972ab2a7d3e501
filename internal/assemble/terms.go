package assemble

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/memo"
)

// defsMarker stands where the begripsbepalingen article wants its list of
// definitions (the template function "begrippen").
const defsMarker = refOpen + "BEGRIPPEN" + refClose

func hasDefsMarker(a *document.Article) bool {
	for _, l := range a.Leden {
		for _, it := range l.Items {
			if strings.HasPrefix(md(it.Text), defsMarker) {
				return true
			}
		}
	}
	return false
}

// properNames are names of statutes that contain a defined word without
// meaning it: "wet" in "Algemene wet bestuursrecht" is not the term "wet"
// (the Participatiewet). Their words are removed before terms are looked
// for.
var properNames = [][]string{
	{"algemene", "wet", "bestuursrecht"},
	{"wet", "breed", "offensief"},
	{"wet", "sociale", "werkvoorziening"},
	{"wet", "werk", "en", "inkomen", "naar", "arbeidsvermogen"},
	{"wet", "arbeidsongeschiktheidsvoorziening", "jonggehandicapten"},
}

// words splits text into lower-case words, without reference placeholders
// and proper names: the form in which terms are looked for.
func words(text string) []string {
	text = answerRe.ReplaceAllString(stripRefs(text), " ")
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		if n := properNameAt(ws[i:]); n > 0 {
			out = append(out, "")
			i += n - 1
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

func properNameAt(ws []string) int {
	for _, name := range properNames {
		if len(ws) >= len(name) && slices.Equal(ws[:len(name)], name) {
			return len(name)
		}
	}
	return 0
}

// pluralEndings may follow a term's last word: "jobcoaches", "werkgevers".
var pluralEndings = []string{"", "s", "es", "en", "n"}

// A termTable finds every defined term in a text in one pass over its
// words: it maps each form of a term's last word (with its plural endings)
// to the terms ending in it. One table serves every build of a Cache,
// and remembers what it found in the texts it saw: the builds of a region
// check the same article texts again and again.
type termTable struct {
	index map[string][]termWords
	found memo.Map[string, map[string]bool] // by text; read-only once kept
}

type termWords struct {
	term   string
	before []string // the words before the last one
}

// libraryTerms returns a new term table of the terms lib defines.
func libraryTerms(lib *clause.Library) *termTable {
	var terms []string
	for _, d := range lib.Definitions {
		terms = append(terms, d.Defines)
	}
	return newTermTable(terms)
}

func newTermTable(terms []string) *termTable {
	t := &termTable{index: map[string][]termWords{}, found: memo.Map[string, map[string]bool]{Limit: maxCached}}
	for _, term := range terms {
		tw := strings.Fields(strings.ToLower(term))
		last := tw[len(tw)-1]
		for _, end := range pluralEndings {
			t.index[last+end] = append(t.index[last+end], termWords{term: term, before: tw[:len(tw)-1]})
		}
	}
	return t
}

// find returns the set of terms the text holds as whole words. The caller
// must not change the map.
func (t *termTable) find(text string) map[string]bool {
	if f, ok := t.found.Get(text); ok {
		return f
	}
	found := map[string]bool{}
	ws := words(text)
	for i, w := range ws {
		for _, c := range t.index[w] {
			n := len(c.before)
			if i >= n && slices.Equal(ws[i-n:i], c.before) {
				found[c.term] = true
			}
		}
	}
	t.found.Put(text, found)
	return found
}

// articleText is the text of an article's leden, items and tables: what
// the begripsbepalingen must explain. The toelichting is not counted.
func articleText(a *document.Article) string {
	var sb strings.Builder
	for _, l := range a.Leden {
		sb.WriteString(textOf(l.Text) + "\n")
		itemText(&sb, l.Items)
		for _, bl := range l.Blocks {
			if t, ok := bl.(*document.Table); ok {
				sb.WriteString(strings.Join(texts(t.Header), " ") + "\n")
				for _, r := range t.Rows {
					sb.WriteString(strings.Join(texts(r), " ") + "\n")
				}
			}
		}
	}
	return sb.String()
}

func itemText(sb *strings.Builder, items []*document.Item) {
	for _, it := range items {
		sb.WriteString(textOf(it.Text) + "\n")
		itemText(sb, it.Items)
	}
}

// checkTerms reports, for one text, each listed term that does not occur
// and each defined term that occurs without being listed.
func (b *builder) checkTerms(c *clause.Clause, text string, skip string) {
	found := b.terms.find(text)
	for _, t := range c.Uses {
		if !found[t] {
			b.errs.Add(c.Pos, "%s: uses noemt %q, maar dat begrip komt niet voor in de tekst; haal het uit uses", c.ID, t)
		}
	}
	for _, d := range b.lib.Definitions {
		t := d.Defines
		if t != skip && !slices.Contains(c.Uses, t) && found[t] {
			b.errs.Add(c.Pos, "%s: de tekst gebruikt het begrip %q; zet het in uses, zodat het in de begripsbepalingen komt", c.ID, t)
		}
	}
}

// definitions fills the begripsbepalingen with exactly the terms the
// chosen articles use (and the terms those definitions use in turn), in
// alphabetical order, and checks every text for its terms.
func (b *builder) definitions(d *document.Document, defs *document.Article, chosen []Chosen) {
	used := map[string]bool{}
	var queue []string
	use := func(terms []string) {
		for _, t := range terms {
			if !used[t] {
				used[t] = true
				queue = append(queue, t)
			}
		}
	}
	for _, ch := range chosen {
		art := d.Article(ch.Clause.ID)
		if art == nil {
			continue
		}
		text := articleText(art)
		if art == defs {
			text = strings.ReplaceAll(text, defsMarker, "")
		}
		b.checkTerms(ch.Clause, text, "")
		use(ch.Clause.Uses)
	}
	var items []*document.Item
	var notes []document.Block
	for len(queue) > 0 {
		term := queue[0]
		queue = queue[1:]
		def := b.definition(term)
		if def == nil {
			continue
		}
		text, note, ok := b.execute(def)
		if !ok {
			continue
		}
		text = strings.Join(strings.Fields(text), " ")
		b.checkTerms(def, text, term)
		use(def.Uses)
		items = append(items, &document.Item{Label: term, Text: src(term + ": " + strings.TrimRight(text, " ;."))})
		if n := parseNote(note); len(n) > 0 {
			notes = append(notes, n...)
		}
	}
	if len(items) > 0 && defs == nil {
		b.errs.Add(b.lib.Lookup(chosen[0].Clause.ID).Pos, "de gekozen artikelen gebruiken begrippen, maar er is geen artikel met {{ begrippen }} voor de begripsbepalingen")
		return
	}
	if defs != nil {
		fillDefinitions(defs, items, notes)
	}
}

// definition returns the one definition of term whose condition holds.
func (b *builder) definition(term string) *clause.Clause {
	env := b.env
	var found []*clause.Clause
	for _, d := range b.lib.Definitions {
		if d.Defines != term {
			continue
		}
		if ok, err := d.When.Eval(env); err == nil && ok {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 0:
		b.errs.Add(b.lib.Definitions[0].Pos, "het begrip %q wordt gebruikt, maar geen definitie geldt voor deze antwoorden; voeg een definitie toe in clauses/begrippen/", term)
		return nil
	case 1:
		return found[0]
	}
	b.errs.Add(found[1].Pos, "het begrip %q heeft voor deze antwoorden twee definities (%s en %s); maak hun voorwaarden uitsluitend", term, found[0].ID, found[1].ID)
	return nil
}

// fillDefinitions puts the definitions, alphabetically and without
// letters, where the marker stands, ending each with ";" and the last
// with ".".
func fillDefinitions(a *document.Article, items []*document.Item, notes []document.Block) {
	sort.SliceStable(items, func(i, j int) bool { return strings.ToLower(items[i].Label) < strings.ToLower(items[j].Label) })
	for i, it := range items {
		it.Text = src(punctuate(md(it.Text), i == len(items)-1))
	}
	for _, l := range a.Leden {
		for i, it := range l.Items {
			if strings.HasPrefix(md(it.Text), defsMarker) {
				l.Items = slices.Concat(l.Items[:i], items, l.Items[i+1:])
				break
			}
		}
	}
	a.Note = append(a.Note, notes...)
}
