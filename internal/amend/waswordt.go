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
// wijzigingsverordening: one row per article that changes, is inserted or
// goes, and one per definition when a change of the begripsbepalingen
// only changes definitions, with the text as it reads now, the text as it
// will read, and why. A cell holds the whole article: its heading, then
// each lid after its number and each onderdeel after its letter, so that
// the leden stay apart in every format.
func (a *Amendment) WasWordt() *document.Document {
	title := "Was-wordt-tabel bij de " + a.Title()
	t := &document.Table{Header: txts("Huidige tekst", "Nieuwe tekst", "Toelichting")}
	row := func(old, new document.Text, why []document.Block) {
		t.Rows = append(t.Rows, []document.Text{old, new, cellText(why)})
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
			row(articleText(c.Old[0]), articleText(c.New[0]), a.why(c, nil))
		case Replaced:
			row(articleText(c.Old[0]), articleText(c.New[0]), a.why(c, nil))
		case Inserted:
			for _, n := range c.New {
				row(document.Plain(newArticle), articleText(n), a.why(c, n))
			}
		case Removed:
			for _, o := range c.Old {
				row(articleText(o), document.Plain(goes), a.why(c, o))
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

// articleText is an article as one cell: its heading in bold, then the
// leden after their numbers and the onderdelen after their letters.
func articleText(art *document.Article) document.Text {
	out := document.Text{&document.Emph{Strong: true, Body: art.Heading()}}
	add := func(sep string, t document.Text) {
		out = append(out, document.Str(sep))
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
	for _, l := range art.Leden {
		if l.Number != "" {
			add(" "+l.Number+". ", l.Text)
		} else {
			add(" ", l.Text)
		}
		items(l.Items)
		for _, b := range l.Blocks {
			add(" ", cellText([]document.Block{b}))
		}
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
