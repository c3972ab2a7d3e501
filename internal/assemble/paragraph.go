package assemble

import (
	"regexp"
	"strings"

	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/source"
)

// The frame of the wijzigingsverordening in the paragraph form: one
// template per part, so that no sentence of it lives in Go.
const (
	paragraphHeadingTmpl = "templates/verordening/paragraaf-opschrift.md.tmpl"
	amendTitleTmpl       = "templates/verordening/wijziging-titel.md.tmpl"
	amendIntroTmpl       = "templates/verordening/wijziging-aanhef.md.tmpl"
	amendArticleITmpl    = "templates/verordening/wijziging-artikel-i.md.tmpl"
	amendArticleIITmpl   = "templates/verordening/wijziging-artikel-ii.md.tmpl"
	amendNotesTmpl       = "templates/verordening/wijziging-toelichting.md.tmpl"
	closingTmpl          = "templates/verordening/ondertekening.md.tmpl"
)

// insertMarker stands, as a paragraph of its own, where the frame's
// templates put the inserted paragraph (in Artikel I) and the toelichting
// on its articles (in the toelichting on Artikel I).
const insertMarker = refOpen + "INVOEGING" + refClose

// wijziging is what the frame templates of the wijzigingsverordening see
// as .Wijziging.
type wijziging struct {
	Titel     string      // the title of the wijzigingsverordening
	Opschrift string      // the heading of the inserted paragraph
	Na        string      // the article the paragraph follows
	Eerste    string      // the number of the first inserted article
	Laatste   string      // the number of the last
	Aantal    int         // how many articles are inserted
	Vervallen []onderdeel // the articles of the re-integratieverordening that go, lettered from B
	// VervallenTekst names them: "artikel 12", "de artikelen 12 en 13".
	VervallenTekst string
	// VervallenKop heads their toelichting: "Onderdeel B", "Onderdelen
	// B en C".
	VervallenKop string
	Invoeging    string // insertMarker
}

// An onderdeel is a lettered change of Artikel I that repeals an article.
type onderdeel struct{ Letter, Artikel string }

// omit drops the clauses the paragraph form leaves out (Form), so that
// they count as not chosen for selected, ref and coverage alike.
func (b *builder) omit(chosen []Chosen) []Chosen {
	if !b.paragraph {
		return chosen
	}
	var out []Chosen
	for _, c := range chosen {
		if b.form.Paragraph.omitted(c.Clause.ID) {
			delete(b.chosen, c.Clause.ID)
			// What the clause rested on still grounds the paragraph
			// (the reikwijdte: artikel 10, eerste lid).
			b.omittedBasis = append(b.omittedBasis, c.Clause.Basis...)
			continue
		}
		out = append(out, c)
	}
	return out
}

// insertedNumbers numbers the articles of the paragraph after article
// after: 12a, 12b, ….
func insertedNumbers(d *document.Document, after string) map[string]string {
	m := map[string]string{}
	for i, a := range d.Articles() {
		m[a.ID] = InsertedNumber(after, i+1)
	}
	return m
}

// changeLetterOf is the letter of the n-th change of Artikel I (from 1): A, B, …,
// Z, AA, AB, ….
func changeLetterOf(n int) string { return strings.ToUpper(InsertedNumber("", n)) }

// Amending is the wijzigingsverordening of the paragraph form, assembled
// but for the quotation of the paragraph, which depends on the output
// format (see Document).
type Amending struct {
	Title     string
	Gemeente  string
	Intro     []document.Block
	ArticleI  []*document.Lid // the quoted paragraph goes after the lid at Insert
	Insert    int
	NoteI     []document.Block // the toelichting on Artikel I, the notes on the inserted articles included
	ArticleII *document.Article
	Closing   []document.Block
	General   []document.Block
	Heading   string              // of the inserted paragraph
	Paragraph []*document.Article // the inserted articles, as they will read
	cache     *Cache              // of the build, for Document's texts
}

// amending assembles the wijzigingsverordening around the paragraph p
// (the verordening, numbered as inserted).
func (b *builder) amending(p *document.Document) *Amending {
	arts := p.Articles()
	w := &wijziging{Na: b.after, Aantal: len(arts), Invoeging: insertMarker}
	if len(arts) > 0 {
		w.Eerste, w.Laatste = arts[0].Number, arts[len(arts)-1].Number
	}
	b.checkRepeals(arts)
	var letters []string
	for i, n := range b.data.Vervallen {
		w.Vervallen = append(w.Vervallen, onderdeel{Letter: changeLetterOf(i + 2), Artikel: n})
		letters = append(letters, changeLetterOf(i+2))
	}
	if len(b.data.Vervallen) > 0 {
		w.VervallenTekst = articleList(b.data.Vervallen)
		w.VervallenKop = "Onderdeel " + letters[0]
		if len(letters) > 1 {
			w.VervallenKop = "Onderdelen " + format.Join(letters, "en")
		}
	}
	b.data.Wijziging = w
	w.Opschrift = strings.TrimSpace(b.runText(paragraphHeadingTmpl))
	w.Titel = strings.TrimSpace(b.runText(amendTitleTmpl))
	a := &Amending{Title: unmark(w.Titel), Gemeente: b.ans.Gemeente, Heading: unmark(w.Opschrift), Paragraph: arts, cache: b.cache}
	a.Intro = parseNote(b.runText(amendIntroTmpl))
	text, note := clause.SplitToelichting(b.runText(amendArticleITmpl))
	a.ArticleI, a.Insert = changeLeden(text)
	if a.Insert < 0 {
		b.errs.Add(source.Pos{File: amendArticleITmpl}, "de plaats van de ingevoegde paragraaf ontbreekt; zet {{ .Wijziging.Invoeging }} als eigen alinea na de zin die de invoeging aankondigt")
	}
	a.NoteI = withArticleNotes(parseNote(note), arts)
	text, note = clause.SplitToelichting(b.runText(amendArticleIITmpl))
	if leden, err := parseArticle(text); err != nil {
		b.errs.Add(source.Pos{File: amendArticleIITmpl}, "%v", err)
	} else {
		numberLegal(leden)
		a.ArticleII = &document.Article{ID: "wijziging-inwerkingtreding", Number: "II", Leden: leden, Note: parseNote(note)}
		b.resolveInParagraph(a.ArticleII, p)
	}
	a.Closing = parseNote(b.runText(closingTmpl))
	a.General = parseNote(b.runText(amendNotesTmpl))
	a.unmark()
	return a
}

// resolveInParagraph resolves the references of an article of the
// frame (Artikel II naming the inserted articles that do not work back)
// against the paragraph p as inserted, so that they cite its numbers; a
// reference to a clause not chosen is reported at the frame template.
func (b *builder) resolveInParagraph(art *document.Article, p *document.Document) {
	walkText(art, func(s string) string {
		var out strings.Builder
		last := 0
		for _, m := range refRe.FindAllStringSubmatchIndex(s, -1) {
			r := parseRef(s[m[2]:m[3]])
			w, kind, num, target, err := resolveOne(p, nil, b.docName, nil, r)
			comma := strings.Contains(w, ",")
			if err != nil {
				b.errs.Add(source.Pos{File: amendArticleIITmpl}, "%v", err)
				w = "[verwijzing]"
			} else {
				r.target = target
				w = resolvedRef(kind, r, num, w)
			}
			// "artikel 12f, eerste lid, van die verordening": a
			// reference with a comma takes one before the words naming
			// the regulation it stands in.
			if comma && strings.HasPrefix(s[m[1]:], " van ") {
				w += ","
			}
			out.WriteString(s[last:m[0]] + w)
			last = m[1]
		}
		return out.String() + s[last:]
	})
}

// checkRepeals refuses a repealed article that bears the number of an
// inserted one: "Artikel 12a vervalt" would repeal the new article, and
// the existing 12a collides with it anyway.
func (b *builder) checkRepeals(arts []*document.Article) {
	inserted := map[string]bool{}
	for _, a := range arts {
		inserted[a.Number] = true
	}
	for _, n := range b.data.Vervallen {
		if inserted[n] {
			pos := b.ans.Values[b.form.Repealed].Pos
			b.errs.Add(pos, "%s: artikel %s krijgt in de re-integratieverordening al een ingevoegd artikel van de paragraaf; kies bij %s een artikel waarna nog geen artikelen met een letter volgen, of noem dit artikel niet bij %s", b.form.Repealed, n, b.form.Paragraph.After, b.form.Repealed)
		}
	}
}

// runText runs a frame template; an error is reported at the template.
func (b *builder) runText(path string) string {
	out, _ := b.run(path, source.Pos{File: path})
	return out
}

var changeLetter = regexp.MustCompile(`^([A-Z]{1,2})\. (.*)$`)

// changeLeden reads Artikel I as the template wrote it: a paragraph per
// lid, a lid that starts with a capital letter and a full stop ("A. Na
// artikel 12 …") is that lettered change; the paragraph that is the
// insertMarker gives the index of the lid the inserted paragraph follows
// (-1 when there is none).
func changeLeden(text string) ([]*document.Lid, int) {
	var out []*document.Lid
	insert := -1
	for _, block := range splitBlocks(text) {
		var lines []string
		for _, l := range block {
			lines = append(lines, strings.TrimSpace(l))
		}
		t := strings.TrimSpace(strings.Join(lines, " "))
		switch m := changeLetter.FindStringSubmatch(t); {
		case t == "":
		case t == insertMarker:
			insert = len(out) - 1
		case m != nil:
			out = append(out, &document.Lid{Number: m[1], Text: src(m[2])})
		default:
			out = append(out, &document.Lid{Text: src(t)})
		}
	}
	return out, insert
}

// withArticleNotes puts the toelichting on each inserted article where
// the note of Artikel I holds the insertMarker, each under its heading.
func withArticleNotes(note []document.Block, arts []*document.Article) []document.Block {
	var out []document.Block
	for _, bl := range note {
		if p, ok := bl.(*document.Paragraph); !ok || md(p.Text) != insertMarker {
			out = append(out, bl)
			continue
		}
		for _, a := range arts {
			if len(a.Note) == 0 {
				continue
			}
			out = append(out, &document.Heading{Level: 2, Text: a.Heading()})
			for _, n := range a.Note {
				if h, ok := n.(*document.Heading); ok {
					n = &document.Heading{Level: h.Level + 2, Text: h.Text}
				}
				out = append(out, n)
			}
		}
	}
	return out
}

// unmark drops the answer markers from the frame's text.
func (a *Amending) unmark() {
	for _, l := range a.ArticleI {
		l.Text = apply(unmark, l.Text)
	}
	walkBlocks(a.Intro, unmark)
	walkBlocks(a.NoteI, unmark)
	walkBlocks(a.Closing, unmark)
	walkBlocks(a.General, unmark)
	if a.ArticleII != nil {
		walkText(a.ArticleII, unmark)
	}
}

// Document is the wijzigingsverordening as the raad adopts it, in the
// file of the verordening; the inserted paragraph is a quote.
func (a *Amending) Document() *document.Document {
	d := &document.Document{Kind: document.Verordening, Title: src(a.Title), Citeertitel: document.ParseMarkdown(a.Title).Plain(),
		Gemeente: a.Gemeente, Subject: a.Title, Intro: a.Intro, Closing: a.Closing}
	var leden []*document.Lid
	for i, l := range a.ArticleI {
		c := *l
		if i == a.Insert {
			lines := []QuoteLine{{Heading: true, Text: src(a.Heading)}}
			for _, art := range a.Paragraph {
				lines = append(lines, QuoteArticle(art)...)
			}
			c.Blocks = append(append([]document.Block{}, l.Blocks...), QuoteBlocks(lines)...)
		}
		leden = append(leden, &c)
	}
	one := &document.Article{ID: "wijzigingen", Number: "I", Leden: leden, Note: a.NoteI}
	arts := []*document.Article{one}
	if a.ArticleII != nil {
		arts = append(arts, a.ArticleII)
	}
	d.Chapters = []*document.Chapter{{Articles: arts}}
	d.Notes = &document.Notes{Title: document.Plain("Toelichting"), General: a.General}
	return a.cache.finish(d)
}
