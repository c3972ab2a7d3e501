package render

import "verordening/internal/document"

// An emitter writes the parts of a document in one format. walk decides
// the order, the heading levels and the ids; the emitters only spell the
// parts out, so that the Markdown and the HTML of a document always have
// the same structure.
type emitter interface {
	heading(level int, text document.Text, id string)
	// lid writes a lid's text; number is empty for a single lid.
	lid(number string, text document.Text)
	items(items []*document.Item)
	para(text document.Text)
	list(l *document.List)
	table(t *document.Table)
	quote(q *document.Quote)
}

// walker walks a document for an emitter, giving every heading a unique
// id (when ids is not nil).
type walker struct {
	e   emitter
	ids ids
}

func (w *walker) heading(level int, text document.Text, id string) {
	if w.ids != nil {
		id = w.ids.unique(text, id)
	}
	w.e.heading(level, text, id)
}

func (w *walker) document(d *document.Document) {
	w.heading(1, d.Title, "")
	w.blocks(d.Intro, 2, "")
	chapters := len(d.Chapters) > 0 && d.Chapters[0].Number != ""
	artLevel := 2
	if chapters {
		artLevel = 3
	}
	for _, ch := range d.Chapters {
		if chapters {
			w.heading(2, ch.Heading(), "hoofdstuk-"+ch.Number)
		}
		for _, a := range ch.Articles {
			w.heading(artLevel, a.Heading(), articleID(a))
			w.leden(a.Leden, artLevel+1)
		}
	}
	w.blocks(d.Closing, 2, "")
	if d.Notes != nil {
		w.notes(d, d.Notes)
	}
}

func (w *walker) leden(leden []*document.Lid, level int) {
	for _, l := range leden {
		if l.IsChange() {
			w.e.para(document.Plain(l.Number))
			w.e.para(l.Text)
		} else {
			w.e.lid(l.Number, l.Text)
		}
		if len(l.Items) > 0 {
			w.e.items(l.Items)
		}
		w.blocks(l.Blocks, level, "")
	}
}

// blocks writes block content; a Heading of level 1 becomes a heading of
// the given absolute level. Their ids start with prefix.
func (w *walker) blocks(blocks []document.Block, level int, prefix string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			w.e.para(b.Text)
		case *document.Heading:
			w.heading(min(level+b.Level-1, 6), b.Text, headingID(prefix, b.Text))
		case *document.List:
			w.e.list(b)
		case *document.Table:
			w.e.table(b)
		case *document.Quote:
			w.e.quote(b)
		}
	}
}

func (w *walker) notes(d *document.Document, n *document.Notes) {
	w.heading(2, n.Title, "toelichting")
	if len(n.General) > 0 {
		w.heading(3, document.Plain("Algemeen"), "toelichting-algemeen")
		w.blocks(n.General, 4, "toelichting")
	}
	var arts []*document.Article
	for _, a := range d.Articles() {
		if len(a.Note) > 0 {
			arts = append(arts, a)
		}
	}
	if len(arts) == 0 {
		return
	}
	w.heading(3, document.Plain("Artikelsgewijs"), "toelichting-artikelsgewijs")
	for _, a := range arts {
		id := "toelichting-" + articleID(a)
		w.heading(4, a.Heading(), id)
		w.blocks(a.Note, 5, id)
	}
}
