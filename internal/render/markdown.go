// Package render writes a document.Document as Markdown and as a
// standalone HTML page. Both only walk the model: numbering and references
// were decided by the assembler.
package render

import (
	"bytes"
	"sync"

	"verordening/internal/document"
	"verordening/internal/format"
)

// Markdown renders the document as CommonMark. Leden are paragraphs that
// start with their number ("1\."), escaped so that no Markdown reader turns
// them into a list of its own numbering; onderdelen are list items that
// carry their letter as text.
func Markdown(d *document.Document) []byte {
	w := newWriter(nil)
	defer w.free()
	w.document(d)
	return bytes.Clone(w.b)
}

// markdownForHTML is Markdown with an explicit id on every heading
// ("## Artikel 5. Aanvraag {#artikel-5}"), and the offsets where each
// heading starts a section. Ids follow the model — "hoofdstuk-2",
// "artikel-5", "toelichting-artikel-5" — so that each section renders the
// same on its own as within the whole page (see Page.body).
// The caller calls free when done with md.
func markdownForHTML(d *document.Document) (w *mdWriter) {
	w = newWriter(map[string]bool{})
	w.document(d)
	return w
}

func (w *mdWriter) document(d *document.Document) {
	w.heading(1, d.Title, "")
	w.blocks(d.Intro, 2, "")
	chapters := len(d.Chapters) > 0 && d.Chapters[0].Number != ""
	artLevel := 2
	if chapters {
		artLevel = 3
	}
	for _, ch := range d.Chapters {
		if chapters {
			w.heading(2, "Hoofdstuk "+ch.Number+". "+ch.Title, "hoofdstuk-"+ch.Number)
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

// articleID is the anchor of an article: its number, or for an
// unnumbered section (the informatieblad) its title.
func articleID(a *document.Article) string {
	if a.Number != "" {
		return "artikel-" + a.Number
	}
	return format.Slug(a.Title)
}

type mdWriter struct {
	b []byte
	// For HTML only: the ids given so far (nil: write no ids) and the
	// offsets of the headings.
	ids      map[string]bool
	sections []int
}

// buffers keeps the writers' buffers: a verordening is some 90 kB, and
// growing a buffer to that size for every document cost more than writing
// the text.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

func newWriter(ids map[string]bool) *mdWriter {
	return &mdWriter{b: (*buffers.Get().(*[]byte))[:0], ids: ids}
}

// free returns the buffer; w.b must not be used after.
func (w *mdWriter) free() {
	b := w.b[:0]
	buffers.Put(&b)
	w.b = nil
}

// str writes the parts.
func (w *mdWriter) str(parts ...string) {
	for _, p := range parts {
		w.b = append(w.b, p...)
	}
}

// para writes the parts as one paragraph.
func (w *mdWriter) para(parts ...string) {
	w.str(parts...)
	w.b = append(w.b, "\n\n"...)
}

// heading writes a heading; when ids are asked for, it gets id, or one
// made from its text, made unique within the document.
func (w *mdWriter) heading(level int, text, id string) {
	hashes := "######"[:min(level, 6)]
	if w.ids == nil {
		w.para(hashes, " ", text)
		return
	}
	if id == "" {
		id = format.Slug(text)
	}
	if id == "" {
		id = "kop"
	}
	for n, base := 2, id; w.ids[id]; n++ {
		id = base + "-" + itoa(n)
	}
	w.ids[id] = true
	w.sections = append(w.sections, len(w.b))
	w.para(hashes, " ", text, " {#", id, "}")
}

func (w *mdWriter) leden(leden []*document.Lid, level int) {
	for _, l := range leden {
		if l.Number != "" {
			w.para(l.Number, `\. `, l.Text)
		} else {
			w.para(l.Text)
		}
		if len(l.Items) > 0 {
			w.items(l.Items, "")
			w.str("\n")
		}
		w.blocks(l.Blocks, level, "")
	}
}

func (w *mdWriter) items(items []*document.Item, indent string) {
	for _, it := range items {
		w.str(indent, "- ")
		if it.Marker != "" && it.Marker != "-" {
			w.str(it.Marker, " ")
		}
		w.str(it.Text, "\n")
		if len(it.Items) > 0 {
			w.items(it.Items, indent+"  ")
		}
	}
}

// blocks writes block content; a Heading of level 1 becomes a heading of
// the given absolute level.
// Their ids start with prefix.
func (w *mdWriter) blocks(blocks []document.Block, level int, prefix string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			w.para(b.Text)
		case *document.Heading:
			id := format.Slug(b.Text)
			if prefix != "" {
				id = prefix + "-" + id
			}
			w.heading(min(level+b.Level-1, 6), b.Text, id)
		case *document.List:
			for i, it := range b.Items {
				if b.Ordered {
					w.str(itoa(i+1), ". ", it, "\n")
				} else {
					w.str("- ", it, "\n")
				}
			}
			w.str("\n")
		case *document.Table:
			w.table(b)
		}
	}
}

func (w *mdWriter) table(t *document.Table) {
	if t.Caption != "" {
		w.para("*", t.Caption, "*")
	}
	w.row(t.Header)
	rule := make([]string, len(t.Header))
	for i := range rule {
		rule[i] = "---"
	}
	w.row(rule)
	for _, r := range t.Rows {
		w.row(r)
	}
	w.str("\n")
}

func (w *mdWriter) row(cells []string) {
	w.str("|")
	for _, c := range cells {
		w.str(" ", c, " |")
	}
	w.str("\n")
}

func (w *mdWriter) notes(d *document.Document, n *document.Notes) {
	w.heading(2, n.Title, "toelichting")
	if len(n.General) > 0 {
		w.heading(3, "Algemeen", "toelichting-algemeen")
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
	w.heading(3, "Artikelsgewijs", "toelichting-artikelsgewijs")
	for _, a := range arts {
		id := "toelichting-" + articleID(a)
		w.heading(4, a.Heading(), id)
		w.blocks(a.Note, 5, id)
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// ArticleMarkdown renders one article's text (its leden, onderdelen and
// tables, without heading or toelichting), for comparing article texts.
func ArticleMarkdown(a *document.Article) string {
	w := newWriter(nil)
	defer w.free()
	w.leden(a.Leden, 4)
	return string(w.b)
}
