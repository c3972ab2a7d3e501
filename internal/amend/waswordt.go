package amend

import (
	"verordening/internal/document"
)

// Texts of the was-wordt-tabel for a side that has no text.
const (
	newArticle    = "(nieuw artikel)"
	newDefinition = "(nieuwe begripsomschrijving)"
	goes          = "(vervalt)"
)

// WasWordt drafts the was-wordt-tabel that goes with the
// wijzigingsverordening, with the text as it reads now, the text as it
// will read, and why. An article that changes, is inserted or goes has a
// row with its heading and the reason, then a row per lid, the leden of
// the two texts side by side as their texts correspond, each lid
// after its number and each onderdeel after its letter: a table cell can
// hold no line break in every format (GFM Markdown has none), so a row per
// lid is what keeps the leden apart, as VNG's tables show them. A change
// of the begripsbepalingen that only changes definitions has one row per
// definition.
func (a *Amendment) WasWordt() *document.Document {
	title := "Was-wordt-tabel bij de " + a.Title()
	t := &document.Table{Header: txts("Huidige tekst", "Nieuwe tekst", "Toelichting")}
	row := func(old, new document.Text, why []document.Block) {
		t.Rows = append(t.Rows, []document.Text{old, new, cellText(why)})
	}
	article := func(old, new *document.Article, none string, why []document.Block) {
		t.Rows = append(t.Rows, articleRows(old, new, none, cellText(why))...)
	}
	for _, c := range a.Changes {
		switch c.Kind {
		case Modified:
			if defs := definitionEdits(c); defs != nil {
				for _, e := range defs {
					o, n := definitionText(c.Old[0], e), definitionText(c.New[0], e)
					if o == nil {
						o = document.Plain(newDefinition)
					} else {
						o = definitionCell(c.Old[0], o)
					}
					if n == nil {
						n = document.Plain(goes)
					} else {
						n = definitionCell(c.New[0], n)
					}
					row(o, n, a.definitionNote(e))
				}
				continue
			}
			article(c.Old[0], c.New[0], "", a.why(c, nil))
		case Replaced:
			article(c.Old[0], c.New[0], "", a.why(c, nil))
		case Inserted:
			for _, n := range c.New {
				article(nil, n, newArticle, a.why(c, n))
			}
		case Removed:
			for _, o := range c.Old {
				article(o, nil, goes, a.why(c, o))
			}
		}
	}
	return &document.Document{
		Kind:        document.WasWordt,
		Title:       txt(title),
		Citeertitel: title,
		Gemeente:    a.Gemeente,
		Subject:     "Was-wordt-tabel bij de wijziging van de " + a.Citeertitel,
		Intro: []document.Block{
			&document.Paragraph{Text: txt("Deze tabel zet de tekst van de " + a.Citeertitel + " zoals die nu luidt naast de tekst na de wijziging, per artikel dat verandert. De artikelen houden hun nummer; een nieuw artikel heeft het nummer van het artikel waarna het komt, met een letter. De tabel hoort bij het voorstel en maakt geen deel uit van de verordening.")},
			t,
		},
		Chapters: []*document.Chapter{{}},
	}
}

// articleRows are the rows of one article in the was-wordt-tabel: its
// heading and why, then a row per lid. old or new may be nil, and is then
// the text none says. The leden are paired by their text, not by their
// number, as the redline pairs them: a lid inserted in the middle has a
// row of its own with an empty left cell, and the leden after it stand
// beside their old text under their new number. Leden that are replaced
// by others (a variant) stand side by side, the old beside the new.
func articleRows(old, new *document.Article, none string, why document.Text) [][]document.Text {
	o, n := articleParts(old), articleParts(new)
	rows := [][]document.Text{{headingCell(o, none), headingCell(n, none), why}}
	ok, nk := lidKeys(old), lidKeys(new)
	like := func(i, j int) bool { return similar(ok[i], nk[j]) }
	for _, s := range align(ok, nk, like, true) {
		r := []document.Text{nil, nil, nil}
		if s.o >= 0 {
			r[0] = o[1+s.o]
		}
		if s.n >= 0 {
			r[1] = n[1+s.n]
		}
		rows = append(rows, r)
	}
	return rows
}

// headingCell is the first of an article's parts, its heading, or none
// for no article.
func headingCell(parts []document.Text, none string) document.Text {
	if parts == nil {
		return document.Plain(none)
	}
	return parts[0]
}

// lidKeys are the texts of an article's leden without their numbers, by
// which the was-wordt-tabel pairs them.
func lidKeys(art *document.Article) []string {
	if art == nil {
		return nil
	}
	keys := make([]string, len(art.Leden))
	for i, l := range art.Leden {
		keys[i] = lidCell(l, false).Plain()
	}
	return keys
}

// definitionEdits returns the edits of a change of the begripsbepalingen
// when every edit concerns a definition, or nil.
func definitionEdits(c *Change) []edit {
	if c.Whole() {
		return nil
	}
	for _, e := range c.Edits {
		if e.loc.term == "" {
			return nil
		}
	}
	return c.Edits
}

// definitionText is the definition an edit concerns as art has it, or nil.
func definitionText(art *document.Article, e edit) document.Text {
	if e.loc.lid < 0 || e.loc.lid >= len(art.Leden) {
		return nil
	}
	for _, it := range art.Leden[e.loc.lid].Items {
		if isDefinition(it) && it.Label == e.loc.term {
			return it.Text
		}
	}
	return nil
}

// definitionCell is a definition as one cell, after the heading of the
// article it is in.
func definitionCell(art *document.Article, def document.Text) document.Text {
	return append(document.Text{&document.Emph{Strong: true, Body: art.Heading()}, document.Str(" ")}, def...)
}

// articleText is an article as one text: its heading in bold, then the
// leden after their numbers and the onderdelen after their letters.
func articleText(art *document.Article) document.Text {
	parts := articleParts(art)
	out := parts[0]
	for _, p := range parts[1:] {
		out = append(append(out, document.Str(" ")), p...)
	}
	return out
}

// articleParts is an article as the cells of the was-wordt-tabel: its
// heading in bold, then each lid after its number with its onderdelen
// after their letters. A nil article has none.
func articleParts(art *document.Article) []document.Text {
	if art == nil {
		return nil
	}
	parts := []document.Text{{&document.Emph{Strong: true, Body: art.Heading()}}}
	for _, l := range art.Leden {
		parts = append(parts, lidCell(l, true))
	}
	return parts
}

// lidCell is a lid as one cell: its text, with its onderdelen after their
// letters and its other blocks after it, and, if number, after its number.
func lidCell(l *document.Lid, number bool) document.Text {
	var out document.Text
	add := func(sep string, t document.Text) {
		if len(out) > 0 {
			out = append(out, document.Str(sep))
		}
		out = append(out, t...)
	}
	var items func([]*document.Item)
	items = func(its []*document.Item) {
		for _, it := range its {
			switch it.Marker {
			case "":
				add(" ", it.Text)
			case "-":
				add(" – ", it.Text)
			default:
				add(" "+it.Marker+" ", it.Text)
			}
			items(it.Items)
		}
	}
	if number && l.Number != "" {
		out = document.Text{document.Str(l.Number + ". ")}
	}
	out = append(out, l.Text...)
	items(l.Items)
	for _, b := range l.Blocks {
		add(" ", cellText([]document.Block{b}))
	}
	return out
}

// cellText is a sequence of blocks as one cell: paragraphs one after the
// other, a list's items after the sentence that opens it, separated by
// semicolons, a table by its rows.
func cellText(blocks []document.Block) document.Text {
	var out document.Text
	sep := func() {
		if len(out) > 0 {
			out = append(out, document.Str(" "))
		}
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			sep()
			out = append(out, b.Text...)
		case *document.Heading:
			sep()
			out = append(out, b.Text...)
		case *document.List:
			for i, it := range b.Items {
				sep()
				out = append(out, it...)
				if i < len(b.Items)-1 {
					out = append(out, document.Str(";"))
				} else {
					out = append(out, document.Str("."))
				}
			}
		case *document.Table:
			for _, r := range append([][]document.Text{b.Header}, b.Rows...) {
				for i, c := range r {
					sep()
					if i > 0 {
						out = append(out, document.Str("| "))
					}
					out = append(out, c...)
				}
			}
		}
	}
	return out
}
