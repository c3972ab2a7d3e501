// Package amend compares the verordeningen that two answer sets of one
// gemeente give, article by article by clause id, and drafts what the raad
// needs to go from the first to the second: a wijzigingsverordening in the
// formulas of the Aanwijzingen voor de regelgeving (Ar 6.6, 6.15, 6.16), and
// a redline of the consolidated text.
//
// The amended regulation keeps its article numbers. A new article takes the
// number of the article it follows with a letter (9a, 9b); an article that
// goes, leaves its number empty; a variant that replaces another takes the
// number of the one it replaces. References in new and changed texts use
// these numbers (see refs.go).
package amend

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/pipeline"
	"verordening/internal/question"
	"verordening/internal/render"
)

// Frame lists the answers that belong to the decision that amends, not to
// the text it amends: the date a wijziging takes effect, the dates of the
// proposal and the vote. The amended regulation keeps the values it was
// adopted with (its citeertitel, its own date of entry into force, the
// regulation it withdrew), so the new verordening is assembled with the old
// values of these answers; the new values go into the wijzigingsverordening.
var Frame = []string{"inwerkingtreding", "citeertitel", "intrekking", "oude_regeling", "voorstel_datum", "vaststelling_datum"}

// ChangeKind says what a change does to the amended regulation.
type ChangeKind int

const (
	Modified ChangeKind = iota // an article stays, its text changes
	Replaced                   // another variant takes the article's place
	Inserted                   // one or more articles are inserted
	Removed                    // one or more articles go
)

// A Change is one lettered change (A, B, …) of Artikel I.
type Change struct {
	Letter string
	Kind   ChangeKind
	Old    []*document.Article // the article changed or replaced, or the articles that go
	New    []*document.Article // the article as it will read, or the articles inserted
	After  string              // Inserted: the number of the article they follow
	// Edits are the changes within a Modified article; nil when the
	// article is given in full ("komt te luiden").
	Edits []edit
}

// Whole reports whether the change gives the article in full.
func (c *Change) Whole() bool { return (c.Kind == Modified || c.Kind == Replaced) && len(c.Edits) == 0 }

// An AnswerChange is an answer that differs between the two sets.
type AnswerChange struct {
	Question *question.Question
	Old, New string // as a reader expects them, inline Markdown; "–" when the question is not asked
}

// An Other is a document other than the verordening that changes.
type Other struct {
	Kind  document.Kind
	Title string
}

// Amendment is the comparison of two answer sets.
type Amendment struct {
	Gemeente    string
	Citeertitel string // of the amended verordening, inline Markdown
	OldAnswers  *answer.Answers
	NewAnswers  *answer.Answers

	Old     *document.Document // the verordening as it reads now
	Amended *document.Document // as it will read: old numbers, new texts, no toelichting
	Changes []*Change
	Answers []AnswerChange // the answers that differ, frame answers left out
	Others  []Other        // other documents that change: beleidsregels, informatieblad

	lib      *clause.Library
	newRes   *assemble.Result
	oldIDs   map[string]bool // clause ids of the old verordening
	newIDs   map[string]bool // clause ids of the new verordening
	number   map[string]string
	oldNotes map[string][]document.Block // old notes by clause id, for what changed
	inserted map[string]bool             // clause ids of the articles inserted
	removed  map[string]bool             // clause ids of the articles that go
}

// Renumbered reports whether articles are inserted or go, so that a fresh
// build of the new answers numbers the verordening differently from the
// amended regulation.
func (a *Amendment) Renumbered() bool {
	return slices.ContainsFunc(a.Changes, func(c *Change) bool { return c.Kind == Inserted || c.Kind == Removed })
}

// renumbers reports whether the amended numbers differ from the numbers
// of d, the new verordening numbered in sequence.
func (a *Amendment) renumbers(d *document.Document) bool {
	return slices.ContainsFunc(d.Articles(), func(art *document.Article) bool { return a.number[art.ID] != art.Number })
}

// Same reports whether the two answer sets give the same verordening.
func (a *Amendment) Same() bool { return len(a.Changes) == 0 }

// Compare assembles the verordening of both answer sets and compares them.
// Errors in the answers come back as the assembler reports them
// (source.ErrorList, positioned).
func Compare(c *pipeline.Content, oldAns, newAns *answer.Answers) (*Amendment, error) {
	if oldAns.Gemeente != newAns.Gemeente {
		return nil, fmt.Errorf("%s is van de gemeente %s, %s van %s; vergelijk twee antwoordbestanden van dezelfde gemeente",
			oldAns.File, oldAns.Gemeente, newAns.File, newAns.Gemeente)
	}
	for _, ans := range []*answer.Answers{oldAns, newAns} {
		if c.Form.InParagraph(ans) {
			return nil, fmt.Errorf("%s kiest de paragraaf in de re-integratieverordening; amend vergelijkt alleen twee aparte verordeningen jobcoaching. Wijzig de paragraaf met een eigen wijzigingsbesluit van de re-integratieverordening, of bouw de nieuwe tekst met: verordening build --answers %s", ans.File, ans.File)
		}
	}
	form := assemble.Options{Form: c.Form, Cache: c.Cache}
	oldRes, err := assemble.BuildWith(c.Library, oldAns, form)
	if err != nil {
		return nil, err
	}
	adjusted := withFrame(newAns, oldAns)
	newRes, err := assemble.BuildWith(c.Library, adjusted, form)
	if err != nil {
		return nil, err
	}
	a := &Amendment{
		Gemeente:    oldAns.Gemeente,
		Citeertitel: oldRes.Verordening.Citeertitel,
		OldAnswers:  oldAns,
		NewAnswers:  newAns,
		Old:         oldRes.Verordening,
		lib:         c.Library,
		newRes:      newRes,
		oldIDs:      map[string]bool{},
		newIDs:      map[string]bool{},
		oldNotes:    map[string][]document.Block{},
		inserted:    map[string]bool{},
		removed:     map[string]bool{},
	}
	for _, art := range a.Old.Articles() {
		a.oldIDs[art.ID] = true
		a.oldNotes[art.ID] = art.Note
	}
	for _, art := range newRes.Verordening.Articles() {
		a.newIDs[art.ID] = true
	}
	// The new answers, built again with the numbers of the amended
	// regulation, so that every reference names those numbers.
	matched := a.numberArticles(newRes.Verordening)
	if a.renumbers(newRes.Verordening) {
		newRes, err = assemble.BuildWith(c.Library, adjusted, assemble.Options{Numbers: a.number, Form: c.Form, Cache: c.Cache})
		if err != nil {
			return nil, fmt.Errorf("interne fout bij het nummeren: %v", err)
		}
		a.newRes = newRes
	}
	newDoc := newRes.Verordening
	a.Amended = a.consolidated(newDoc)
	a.compare(matched)
	a.others(oldRes, newRes)
	a.answerChanges()
	return a, nil
}

// withFrame returns the new answers with the old values of the frame
// answers.
func withFrame(newAns, oldAns *answer.Answers) *answer.Answers {
	adj := *newAns
	adj.Values = maps.Clone(newAns.Values)
	for _, id := range Frame {
		if v, ok := oldAns.Values[id]; ok {
			adj.Values[id] = v
		} else {
			delete(adj.Values, id)
		}
	}
	return &adj
}

// numberArticles gives every article of the new verordening its number in
// the amended regulation and returns, by new clause id, the old article it
// continues (the same clause, or another variant of the same group).
func (a *Amendment) numberArticles(newDoc *document.Document) map[string]*document.Article {
	byGroup := map[string]*document.Article{}
	for _, o := range a.Old.Articles() {
		if cl := a.lib.Lookup(o.ID); cl != nil && cl.Kind == clause.Variant && !a.newIDs[o.ID] {
			byGroup[cl.Group] = o
		}
	}
	a.number = map[string]string{}
	matched := map[string]*document.Article{}
	prev := ""
	suffixes := map[string]int{}
	for _, n := range newDoc.Articles() {
		o := a.Old.Article(n.ID)
		if o == nil {
			if cl := a.lib.Lookup(n.ID); cl != nil && cl.Kind == clause.Variant {
				o = byGroup[cl.Group]
				delete(byGroup, cl.Group)
			}
		}
		if o != nil {
			matched[n.ID] = o
			a.number[n.ID] = o.Number
			prev = o.Number
			continue
		}
		base := prev
		if base == "" {
			base = "0" // before the first article; the library puts none there
		}
		a.number[n.ID] = base + suffix(suffixes[prev])
		suffixes[prev]++
	}
	return matched
}

// suffix gives the letter of the i-th inserted article: a, b, … z, aa, ab.
func suffix(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

// changeLetter gives the letter of the i-th change: A … Z, then AA, BB, as
// amending texts do.
func changeLetter(i int) string {
	return strings.Repeat(string(rune('A'+i%26)), i/26+1)
}

// consolidated builds the amended regulation: the new articles under their
// amended numbers, with the title, aanhef and ondertekening of the
// regulation as it was adopted. Chapters keep their old number; a chapter
// the old regulation did not have is numbered after the one before it.
func (a *Amendment) consolidated(newDoc *document.Document) *document.Document {
	d := &document.Document{
		Kind:        document.Verordening,
		Title:       a.Old.Title,
		Citeertitel: a.Old.Citeertitel,
		Gemeente:    a.Old.Gemeente,
		Subject:     a.Old.Subject,
		Intro:       a.Old.Intro,
		Closing:     a.Old.Closing,
	}
	oldChapters := map[string]string{}
	for _, ch := range a.Old.Chapters {
		oldChapters[md(ch.Title)] = ch.Number
	}
	prev, extra := "", 0
	for _, ch := range newDoc.Chapters {
		c := *ch
		if n, ok := oldChapters[md(ch.Title)]; ok || ch.Number == "" {
			c.Number, prev, extra = n, n, 0
		} else {
			c.Number = prev + suffix(extra)
			extra++
		}
		d.Chapters = append(d.Chapters, &c)
	}
	return d
}

// entry is one article in the order of the amended regulation.
type entry struct {
	pos, sub int // position of the old article it is or follows; 0 for it, 1… after it
	old, new *document.Article
}

// compare walks both verordeningen in the order of the amended regulation
// and collects the changes.
func (a *Amendment) compare(matched map[string]*document.Article) {
	oldPos := map[string]int{}
	for i, o := range a.Old.Articles() {
		oldPos[o.ID] = i
	}
	var entries []entry
	continued := map[string]bool{}
	prev, sub := -1, 0
	for _, n := range a.newRes.Verordening.Articles() {
		if o := matched[n.ID]; o != nil {
			continued[o.ID] = true
			prev, sub = oldPos[o.ID], 0
			entries = append(entries, entry{pos: prev, old: o, new: n})
			continue
		}
		sub++
		entries = append(entries, entry{pos: prev, sub: sub, new: n})
	}
	for i, o := range a.Old.Articles() {
		if !continued[o.ID] {
			entries = append(entries, entry{pos: i, old: o})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if entries[i].pos != entries[j].pos {
			return entries[i].pos < entries[j].pos
		}
		return entries[i].sub < entries[j].sub
	})
	var last *Change // the change made from the previous entry, for grouping
	for _, e := range entries {
		var ch *Change
		switch {
		case e.old != nil && e.new != nil && e.old.ID != e.new.ID:
			ch = &Change{Kind: Replaced, Old: []*document.Article{e.old}, New: []*document.Article{e.new}}
		case e.old != nil && e.new != nil:
			edits, whole := diffArticle(e.old, e.new)
			if !whole && len(edits) == 0 {
				last = nil
				continue
			}
			ch = &Change{Kind: Modified, Old: []*document.Article{e.old}, New: []*document.Article{e.new}, Edits: edits}
		case e.new != nil:
			a.inserted[e.new.ID] = true
			after := ""
			if e.pos >= 0 {
				after = a.Old.Articles()[e.pos].Number
			}
			if last != nil && last.Kind == Inserted && last.After == after {
				last.New = append(last.New, e.new)
				continue
			}
			ch = &Change{Kind: Inserted, New: []*document.Article{e.new}, After: after}
		default:
			a.removed[e.old.ID] = true
			if last != nil && last.Kind == Removed {
				last.Old = append(last.Old, e.old)
				continue
			}
			ch = &Change{Kind: Removed, Old: []*document.Article{e.old}}
		}
		ch.Letter = changeLetter(len(a.Changes))
		a.Changes = append(a.Changes, ch)
		last = ch
	}
}

// others finds the other documents that change.
func (a *Amendment) others(oldRes, newRes *assemble.Result) {
	for _, p := range []struct{ o, n *document.Document }{
		{oldRes.Beleidsregels, newRes.Beleidsregels},
		{oldRes.Informatieblad, newRes.Informatieblad},
	} {
		switch {
		case p.o == nil && p.n == nil:
			continue
		case p.o != nil && p.n != nil && string(render.Markdown(p.o)) == string(render.Markdown(p.n)):
			continue
		}
		d := p.n
		if d == nil {
			d = p.o
		}
		a.Others = append(a.Others, Other{Kind: d.Kind, Title: md(d.Title)})
	}
}

// answerChanges lists the answers that differ, in questionnaire order.
func (a *Amendment) answerChanges() {
	for _, q := range a.OldAnswers.Questionnaire().Questions {
		if slices.Contains(Frame, q.ID) {
			continue
		}
		ov, oOK := a.OldAnswers.Values[q.ID]
		nv, nOK := a.NewAnswers.Values[q.ID]
		if !oOK && !nOK || oOK && nOK && sameValue(ov.V, nv.V) {
			continue
		}
		show := func(v answer.Value, ok bool) string {
			if !ok {
				return "–"
			}
			return q.Show(v.V)
		}
		a.Answers = append(a.Answers, AnswerChange{Question: q, Old: show(ov, oOK), New: show(nv, nOK)})
	}
}

// sameValue compares two answers; the order of a meerkeuze answer does
// not count.
func sameValue(x, y any) bool {
	xs, ok1 := x.([]string)
	ys, ok2 := y.([]string)
	if ok1 && ok2 {
		xs, ys = slices.Clone(xs), slices.Clone(ys)
		slices.Sort(xs)
		slices.Sort(ys)
		return slices.Equal(xs, ys)
	}
	return reflect.DeepEqual(x, y)
}

// FrameChanges lists the frame answers that differ, by question id.
func (a *Amendment) FrameChanges() []string {
	var out []string
	for _, id := range Frame {
		ov, oOK := a.OldAnswers.Values[id]
		nv, nOK := a.NewAnswers.Values[id]
		if oOK != nOK || oOK && !sameValue(ov.V, nv.V) {
			out = append(out, id)
		}
	}
	return out
}

// date returns a datum answer of the new set, or "".
func (a *Amendment) date(id string) string {
	s, _ := a.NewAnswers.Get(id).(string)
	return s
}

// EarlyDate reports whether the new date of entry into force does not lie
// after the old one: then the wijziging would take effect on a day the
// amended regulation already had.
func (a *Amendment) EarlyDate() bool {
	o, _ := a.OldAnswers.Get("inwerkingtreding").(string)
	n := a.date("inwerkingtreding")
	return o != "" && n != "" && n <= o
}

// articleNumbers words a list of old article numbers: "artikel 24", "de
// artikelen 24 en 25", "de artikelen 24 tot en met 26".
func articleNumbers(arts []*document.Article) string {
	var nums []string
	for _, o := range arts {
		nums = append(nums, o.Number)
	}
	return assemble.ArticleList(nums)
}
