package amend

import (
	"slices"
	"strconv"
	"strings"

	"verordening/internal/assemble"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/question"
)

// Title is the title of the wijzigingsverordening.
func (a *Amendment) Title() string { return "Verordening tot wijziging van de " + a.Citeertitel }

// Document drafts the wijzigingsverordening: aanhef, Artikel I with the
// changes, Artikel II on its entry into force, ondertekening and
// toelichting; quoted articles are quotes. It needs at least one change.
func (a *Amendment) Document() *document.Document {
	title := a.Title()
	d := &document.Document{
		Kind:        document.Wijzigingsverordening,
		Title:       txt(title),
		Citeertitel: title,
		Gemeente:    a.Gemeente,
		Subject:     "Wijziging van de " + a.Citeertitel,
	}
	d.Intro = []document.Block{
		&document.Paragraph{Text: txt("De raad van de gemeente " + format.EscapeMarkdown(a.Gemeente) + ";")},
		&document.Paragraph{Text: txt("gelezen het voorstel van burgemeester en wethouders van " + a.dateOr("voorstel_datum") + ";")},
		&document.Paragraph{Text: txt("gelet op " + a.geletOp() + ";")},
		&document.Paragraph{Text: txt("besluit vast te stellen de volgende verordening: " + title + ".")},
	}
	one := &document.Article{ID: "wijzigingen", Number: "I", Leden: a.changeLeden(), Note: a.changeNotes()}
	two := &document.Article{ID: "inwerkingtreding", Number: "II", Leden: []*document.Lid{{Text: txt(a.entryIntoForce())}}, Note: a.entryNote()}
	d.Chapters = []*document.Chapter{{Articles: []*document.Article{one, two}}}
	d.Closing = []document.Block{
		&document.Paragraph{Text: txt("Aldus vastgesteld in de openbare vergadering van " + a.dateOr("vaststelling_datum") + ".")},
		&document.Paragraph{Text: txt("De griffier,")},
		&document.Paragraph{Text: txt("De voorzitter,")},
	}
	d.Notes = &document.Notes{Title: document.Plain("Toelichting"), General: a.generalNote()}
	return d
}

// dateOr is a date of the new answers in words, or "[datum]" to fill in.
// A date of the proposal or the vote that equals the old one was copied
// along with the old answers file: it belongs to the amended regulation,
// not to this one.
func (a *Amendment) dateOr(id string) string {
	s := a.date(id)
	if old, _ := a.OldAnswers.Get(id).(string); id != "inwerkingtreding" && s == old {
		s = ""
	}
	if s != "" {
		return format.Datum(s)
	}
	return "[datum]"
}

// geletOp is the statutory basis of the verordening as it will read.
func (a *Amendment) geletOp() string {
	var basis []clause.StatuteRef
	for _, ch := range a.newRes.Chosen {
		basis = append(basis, ch.Clause.Basis...)
	}
	if len(basis) == 0 {
		return "artikel 8a van de Participatiewet"
	}
	return a.lib.GeletOp(basis)
}

func (a *Amendment) entryIntoForce() string {
	return "Deze verordening treedt in werking met ingang van " + a.dateOr("inwerkingtreding") +
		", of, als het gemeenteblad waarin zij wordt bekendgemaakt na die datum wordt uitgegeven, met ingang van de dag na de uitgifte van dat gemeenteblad."
}

// changeLeden writes Artikel I. A single change is one sentence that names
// the regulation; several are lettered under "De … wordt als volgt
// gewijzigd:" (Ar 6.15). The edits of one article are numbered 1, 2, …
// under the change.
func (a *Amendment) changeLeden() []*document.Lid {
	var out []*document.Lid
	of := ""
	if len(a.Changes) == 1 {
		of = a.Citeertitel
	} else {
		out = append(out, &document.Lid{Text: txt("De " + a.Citeertitel + " wordt als volgt gewijzigd:")})
	}
	for _, c := range a.Changes {
		lid := &document.Lid{Text: txt(c.lead(of))}
		if of == "" {
			lid.Number = c.Letter
		}
		out = append(out, lid)
		switch {
		case c.Kind == Modified && len(c.Edits) == 1:
			lid.Blocks = editQuote(c.Edits[0])
		case c.Kind == Modified && len(c.Edits) > 1:
			rel := where{rel: true}
			for i, e := range c.Edits {
				out = append(out, &document.Lid{Number: strconv.Itoa(i + 1), Text: txt(rel.sentence(e)), Blocks: editQuote(e)})
			}
		case c.Kind == Modified || c.Kind == Replaced:
			lid.Blocks = assemble.QuoteBlocks(assemble.QuoteArticle(c.New[0]))
		case c.Kind == Inserted:
			for _, n := range c.New {
				lid.Blocks = append(lid.Blocks, assemble.QuoteBlocks(assemble.QuoteArticle(n))...)
			}
		}
	}
	return out
}

// editQuote is the quoted text that follows an edit, if any.
func editQuote(e edit) []document.Block {
	switch e.kind {
	case editLid:
		return assemble.QuoteBlocks(assemble.QuoteLid(e.lid))
	case editLidAdd:
		var lines []assemble.QuoteLine
		for _, l := range e.leden {
			lines = append(lines, assemble.QuoteLid(l)...)
		}
		return assemble.QuoteBlocks(lines)
	}
	return nil
}

// generalNote is the general part of the toelichting: why the regulation
// changes (the answers that changed), what changes, what else changes, and
// what the drafter must still fill in.
func (a *Amendment) generalNote() []document.Block {
	h := func(s string) document.Block { return &document.Heading{Level: 1, Text: txt(s)} }
	p := func(s string) document.Block { return &document.Paragraph{Text: txt(s)} }
	out := []document.Block{h("Aanleiding")}
	if len(a.Answers) > 0 {
		out = append(out, p("Met deze verordening wijzigt de raad de "+a.Citeertitel+". De raad kiest op de volgende punten anders dan bij de vaststelling van die verordening:"))
		t := &document.Table{Header: txts("Vraag", "Was", "Wordt")}
		for _, c := range a.Answers {
			t.Rows = append(t.Rows, txts(format.EscapeMarkdown(c.Question.Text), c.Old, c.New))
		}
		out = append(out, t)
		if slices.ContainsFunc(a.Answers, func(c AnswerChange) bool { return c.Old == "–" || c.New == "–" }) {
			out = append(out, p("Een streep betekent dat de vraag bij die keuzes niet van toepassing is."))
		}
	} else {
		out = append(out, p("Met deze verordening wijzigt de raad de "+a.Citeertitel+"."))
	}
	out = append(out, h("Wat verandert"))
	if len(a.Changes) == 1 {
		out = append(out, p(a.Changes[0].Summary()))
	} else {
		l := &document.List{}
		for _, c := range a.Changes {
			l.Items = append(l.Items, txt("Onderdeel "+c.Letter+": "+lowerFirst(c.Summary())))
		}
		out = append(out, p("Artikel I bevat de volgende wijzigingen:"), l)
	}
	if slices.ContainsFunc(a.Changes, func(c *Change) bool { return c.Kind == Inserted || c.Kind == Removed }) {
		out = append(out, p("De artikelen houden hun nummer. Een nieuw artikel krijgt het nummer van het artikel waarna het komt, met een letter; het nummer van een artikel dat vervalt, blijft leeg. Verwijzingen in de nieuwe teksten gebruiken deze nummers."))
	}
	for _, o := range a.Others {
		switch o.Kind {
		case document.Beleidsregels:
			out = append(out, h("Beleidsregels"), p("Door dezelfde keuzes veranderen ook de beleidsregels ("+o.Title+"). Die stelt het college vast; zij maken geen deel uit van deze verordening. Het college stelt gewijzigde beleidsregels vast die tegelijk met deze verordening in werking treden."))
		case document.Informatieblad:
			out = append(out, h("Informatieblad"), p("Ook het informatieblad voor jobcoachorganisaties verandert; het college past het aan en maakt het opnieuw bekend."))
		}
	}
	out = append(out,
		h("Financiële gevolgen"),
		p("[Beschrijf hier de financiële gevolgen van deze wijziging, of vermeld dat er geen zijn.]"),
		h("Doorlopende tekst"),
		p("Bij het voorstel hoort de doorlopende tekst van de "+a.Citeertitel+" zoals die na deze wijziging luidt, met de wijzigingen gemarkeerd."),
	)
	return out
}

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "Artikel ") || strings.HasPrefix(s, "Na ") || strings.HasPrefix(s, "Voor ") || strings.HasPrefix(s, "De ") {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// changeNotes is the toelichting on Artikel I: per change, why it is made
// and, from the clause, what the article as it will read does.
func (a *Amendment) changeNotes() []document.Block {
	var out []document.Block
	for _, c := range a.Changes {
		if len(a.Changes) > 1 {
			out = append(out, &document.Heading{Level: 1, Text: txt("Onderdeel " + c.Letter)})
		}
		out = append(out, a.changeNote(c)...)
	}
	return out
}

func (a *Amendment) changeNote(c *Change) []document.Block {
	var out []document.Block
	switch c.Kind {
	case Modified:
		out = a.why(c, nil)
		if c.Whole() {
			out = a.appendNote(out, c.New[0], nil)
		} else {
			out = a.appendNote(out, c.New[0], a.oldNotes[c.Old[0].ID])
		}
	case Replaced:
		out = a.appendNote(a.why(c, nil), c.New[0], nil)
	case Inserted:
		for _, n := range c.New {
			out = a.appendNote(append(out, a.why(c, n)...), n, nil)
		}
	case Removed:
		for _, o := range c.Old {
			out = append(out, a.why(c, o)...)
		}
	}
	return out
}

// why says why a change is made: for a change that inserts or removes
// articles, why art is inserted or goes.
func (a *Amendment) why(c *Change, art *document.Article) []document.Block {
	switch c.Kind {
	case Modified:
		n := c.New[0]
		out := a.definitionNotes(c)
		r := a.reasons(c, a.clauseDeps(n.ID))
		if r != nil || len(out) == 0 {
			out = append(out, explain("Artikel "+n.Number+" ("+md(n.Title)+") verandert.", r)...)
		}
		return out
	case Replaced:
		o, n := c.Old[0], c.New[0]
		return explain("Artikel "+n.Number+" ("+md(o.Title)+") maakt plaats voor een andere regeling.", a.reasons(c, a.clauseDeps(n.ID, o.ID)))
	case Inserted:
		return explain("Artikel "+art.Number+" ("+md(art.Title)+") wordt ingevoegd.", a.reasons(nil, a.clauseDeps(art.ID)))
	default:
		return explain("Artikel "+art.Number+" ("+md(art.Title)+") vervalt.", a.reasons(nil, a.clauseDeps(art.ID)))
	}
}

// clauseDeps is what the clauses of an article (and, for a replaced
// variant, the one it replaces) depend on.
func (a *Amendment) clauseDeps(ids ...string) deps {
	var d deps
	for _, id := range ids {
		if cl := a.lib.Lookup(id); cl != nil {
			x := clauseDeps(a.lib, cl)
			d.answers = append(d.answers, x.answers...)
			d.clauses = append(d.clauses, x.clauses...)
		}
	}
	slices.Sort(d.answers)
	d.answers = slices.Compact(d.answers)
	slices.Sort(d.clauses)
	d.clauses = slices.Compact(d.clauses)
	return d
}

// reason is why an article changes: the changed answers it reads, and the
// articles it refers to that are inserted or go.
type reason struct {
	answers []AnswerChange
	refs    []string // "artikel 24 (Nazorg), dat vervalt"
}

// reasons finds why an article changes. For a changed article (c not
// nil) the articles it refers to that are inserted or go count too.
func (a *Amendment) reasons(c *Change, d deps) *reason {
	r := &reason{}
	for _, ac := range a.Answers {
		if slices.Contains(d.answers, ac.Question.ID) {
			r.answers = append(r.answers, ac)
		}
	}
	if c != nil {
		for _, id := range d.clauses {
			switch {
			case a.removed[id]:
				o := a.Old.Article(id)
				r.refs = append(r.refs, "artikel "+o.Number+" ("+md(o.Title)+"), dat vervalt")
			case a.inserted[id]:
				n := a.Amended.Article(id)
				r.refs = append(r.refs, "artikel "+n.Number+" ("+md(n.Title)+"), dat wordt ingevoegd")
			}
		}
	}
	if len(r.answers) == 0 && len(r.refs) == 0 {
		return nil
	}
	return r
}

// explain writes a first sentence and the reason after it: the changed
// answers (one in the sentence, several as a list) and the articles
// referred to.
func explain(first string, r *reason) []document.Block {
	if r == nil {
		return []document.Block{&document.Paragraph{Text: txt(first + " Dat volgt uit de andere wijzigingen in deze verordening.")}}
	}
	var out []document.Block
	switch len(r.answers) {
	case 0:
		out = append(out, &document.Paragraph{Text: txt(first + " Het artikel verwijst naar " + format.Join(r.refs, "en") + ".")})
		return out
	case 1:
		c := r.answers[0]
		out = append(out, &document.Paragraph{Text: txt(first + " Dat volgt uit het gewijzigde antwoord op de vraag " + quote(format.EscapeMarkdown(c.Question.Text)) + ": " + answerPhrase(c) + ".")})
	default:
		out = append(out, &document.Paragraph{Text: txt(first + " Dat volgt uit de gewijzigde antwoorden op de volgende vragen:")})
		l := &document.List{}
		for _, c := range r.answers {
			l.Items = append(l.Items, txt(quote(format.EscapeMarkdown(c.Question.Text))+": "+answerPhrase(c)))
		}
		out = append(out, l)
	}
	if len(r.refs) > 0 {
		out = append(out, &document.Paragraph{Text: txt("Het artikel verwijst ook naar " + format.Join(r.refs, "en") + ".")})
	}
	return out
}

// answerPhrase words a changed answer: "was € 8.600, wordt € 9.500";
// chosen options and text are quoted, as their labels hold commas.
func answerPhrase(c AnswerChange) string {
	show := func(v string) string {
		switch c.Question.Type {
		case question.Keuze, question.Meerkeuze, question.Tekst:
			return quote(v)
		}
		return v
	}
	switch {
	case c.New == "–":
		return "was " + show(c.Old) + ", is niet meer van toepassing"
	case c.Old == "–":
		return "was niet van toepassing, wordt " + show(c.New)
	}
	return "was " + show(c.Old) + ", wordt " + show(c.New)
}

// appendNote adds the article's toelichting as it will read. With old, the
// toelichting of the article before the change, only the paragraphs that
// differ are given: they are the ones the change concerns.
func (a *Amendment) appendNote(out []document.Block, n *document.Article, old []document.Block) []document.Block {
	note := n.Note
	lead := "Uit de toelichting bij het artikel:"
	if old != nil {
		note = nil
		for _, b := range n.Note {
			if !slices.ContainsFunc(old, func(o document.Block) bool { return sameBlock(o, b) }) {
				note = append(note, b)
			}
		}
		lead = "Uit de toelichting bij het artikel, zoals die na de wijziging luidt:"
	}
	if len(note) == 0 {
		return out
	}
	out = append(out, &document.Paragraph{Text: txt(lead)})
	for _, b := range note {
		if h, ok := b.(*document.Heading); ok {
			b = &document.Heading{Level: h.Level + 1, Text: h.Text}
		}
		out = append(out, b)
	}
	return out
}

func sameBlock(a, b document.Block) bool {
	switch x := a.(type) {
	case *document.Paragraph:
		y, ok := b.(*document.Paragraph)
		return ok && x.Text.Equal(y.Text)
	case *document.Heading:
		y, ok := b.(*document.Heading)
		return ok && x.Text.Equal(y.Text)
	case *document.List:
		y, ok := b.(*document.List)
		return ok && slices.EqualFunc(x.Items, y.Items, document.Text.Equal)
	}
	return false
}

// definitionNotes explains the changes to the definitions of a change to
// the begripsbepalingen.
func (a *Amendment) definitionNotes(c *Change) []document.Block {
	var out []document.Block
	for _, e := range c.Edits {
		out = append(out, a.definitionNote(e)...)
	}
	return out
}

// definitionNote explains an edit of a definition; nil for another edit.
func (a *Amendment) definitionNote(e edit) []document.Block {
	if e.loc.term == "" {
		return nil
	}
	t := quote(e.loc.term)
	switch e.kind {
	case editDefAdd:
		s := "De begripsomschrijving van " + t + " wordt ingevoegd, omdat de verordening dit begrip na de wijziging gebruikt"
		if users := a.users(e.loc.term); len(users) > 0 {
			s += " (" + format.Join(users, "en") + ")"
		}
		return []document.Block{&document.Paragraph{Text: txt(s + ".")}}
	case editDefRemove:
		return []document.Block{&document.Paragraph{Text: txt("De begripsomschrijving van " + t + " vervalt, omdat de verordening dit begrip na de wijziging niet meer gebruikt.")}}
	}
	var ids []string
	for _, d := range a.lib.Definitions {
		if d.Defines == e.loc.term {
			ids = append(ids, d.ID)
		}
	}
	return explain("De begripsomschrijving van "+t+" verandert.", a.reasons(nil, a.clauseDeps(ids...)))
}

// users lists the articles of the amended regulation whose clause uses a
// term.
func (a *Amendment) users(term string) []string {
	var out []string
	for _, n := range a.Amended.Articles() {
		if cl := a.lib.Lookup(n.ID); cl != nil && slices.Contains(cl.Uses, term) {
			out = append(out, "artikel "+n.Number)
		}
	}
	return out
}

// entryNote is the toelichting on Artikel II.
func (a *Amendment) entryNote() []document.Block {
	s := "Deze verordening treedt in werking op " + a.dateOr("inwerkingtreding") + ". Een verordening geldt pas nadat zij in het gemeenteblad is bekendgemaakt; verschijnt het gemeenteblad later dan die datum, dan treedt zij in werking op de dag na de uitgifte, zodat de wijziging nooit terugwerkt."
	out := []document.Block{&document.Paragraph{Text: txt(s)}}
	if a.EarlyDate() {
		out = append(out, &document.Paragraph{Text: txt("[Let op: deze datum ligt niet na de datum waarop de " + a.Citeertitel + " in werking is getreden. Kies de datum waarop de wijziging in werking treedt en zet die als inwerkingtreding in het nieuwe antwoordbestand.]")})
	}
	return out
}
