// Package render writes a document.Document as Markdown and as a
// standalone HTML page. Both only walk the model: numbering and references
// were decided by the assembler, and the text is typed (document.Text), so
// neither parses anything.
package render

import (
	"bytes"
	"strings"
	"sync"

	"verordening/internal/document"
	"verordening/internal/format"
)

// Markdown renders the document as CommonMark. Leden are paragraphs that
// start with their number ("1\."), escaped so that no Markdown reader turns
// them into a list of its own numbering; onderdelen are list items that
// carry their letter as text.
func Markdown(d *document.Document) []byte {
	w := newWriter(false)
	defer w.free()
	(&walker{e: w}).document(d)
	return bytes.Clone(w.b)
}

// MarkdownWithIDs is Markdown with an explicit id on every heading ("##
// Artikel 5. Aanvraag {#artikel-5}"), as the HTML page has them. Ids
// follow the model: "hoofdstuk-2", "artikel-5", "toelichting-artikel-5".
// goldmark's rendering of it is what HTML must equal (without links).
func MarkdownWithIDs(d *document.Document) []byte {
	w := newWriter(true)
	defer w.free()
	(&walker{e: w, ids: ids{}}).document(d)
	return bytes.Clone(w.b)
}

// articleID is the anchor of an article: its number, or for an
// unnumbered section (the informatieblad) its title.
func articleID(a *document.Article) string {
	if a.Number != "" {
		return "artikel-" + a.Number
	}
	return format.Slug(a.Title.Plain())
}

// mdWriter is the Markdown emitter.
type mdWriter struct {
	b       []byte
	withIDs bool // write {#id} after every heading
}

// buffers keeps the writers' buffers: a verordening is some 90 kB, and
// growing a buffer to that size for every document cost more than writing
// the text.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

func newWriter(withIDs bool) *mdWriter {
	return &mdWriter{b: (*buffers.Get().(*[]byte))[:0], withIDs: withIDs}
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

// text writes t as Markdown in context ctx.
func (w *mdWriter) text(t document.Text, ctx document.Context) {
	w.b = t.AppendMarkdown(w.b, ctx)
}

func (w *mdWriter) para(t document.Text) {
	w.text(t, document.LineStart)
	w.b = append(w.b, "\n\n"...)
}

func (w *mdWriter) heading(level int, text document.Text, id string) {
	w.str("######"[:min(level, 6)], " ")
	w.text(text, document.HeadingText)
	if w.withIDs {
		w.str(" {#", id, "}")
	}
	w.str("\n\n")
}

func (w *mdWriter) lid(number string, text document.Text) {
	if number == "" {
		w.para(text)
		return
	}
	w.str(number, `\. `)
	w.text(text, document.MidLine)
	w.str("\n\n")
}

func (w *mdWriter) items(items []*document.Item) {
	w.itemList(items, "")
	w.str("\n")
}

func (w *mdWriter) itemList(items []*document.Item, indent string) {
	for _, it := range items {
		w.str(indent, "- ")
		w.marked(it.Marker, it.Text)
		w.str("\n")
		if len(it.Items) > 0 {
			w.itemList(it.Items, indent+"  ")
		}
	}
}

// marked writes an item's marker ("a.", not "-") and text.
func (w *mdWriter) marked(marker string, text document.Text) {
	if marker == "" || marker == "-" {
		w.text(text, document.LineStart)
		return
	}
	w.str(marker, " ")
	w.text(text, document.MidLine)
}

func (w *mdWriter) list(l *document.List) {
	for i, it := range l.Items {
		if l.Ordered {
			w.str(itoa(i+1), ". ")
		} else {
			w.str("- ")
		}
		w.text(it, document.LineStart)
		w.str("\n")
	}
	w.str("\n")
}

func (w *mdWriter) table(t *document.Table) {
	if !t.Caption.IsEmpty() {
		w.str("*")
		w.text(t.Caption, document.MidLine)
		w.str("*\n\n")
	}
	w.rows(t, "")
	w.str("\n\n")
}

// rows writes a pipe table's lines, each after prefix, the last without
// its line end.
func (w *mdWriter) rows(t *document.Table, prefix string) {
	w.row(t.Header, prefix)
	w.str("\n", prefix, "|")
	for range t.Header {
		w.str(" --- |")
	}
	for _, r := range t.Rows {
		w.str("\n")
		w.row(r, prefix)
	}
}

func (w *mdWriter) row(cells []document.Text, prefix string) {
	w.str(prefix, "|")
	for _, c := range cells {
		w.str(" ")
		w.text(c, document.Cell)
		w.str(" |")
	}
}

// quote writes a Quote as a block quote laid out as the regulation: a
// bold heading, numbered leden as paragraphs, onderdelen as list items.
func (w *mdWriter) quote(q *document.Quote) {
	inList := false
	for i, l := range q.Lines {
		if i > 0 {
			if l.Depth == 0 || !inList {
				w.str("\n>\n")
			} else {
				w.str("\n")
			}
		}
		inList = l.Depth > 0 && l.Table == nil
		switch {
		case l.Table != nil:
			w.rows(l.Table, "> ")
		case l.Heading:
			w.str("> **")
			w.text(l.Text, document.MidLine)
			w.str("**")
		case l.Depth == 0 && l.Marker != "":
			w.str("> ", l.Marker, `\. `)
			w.text(l.Text, document.MidLine)
		case l.Depth == 0:
			w.str("> ")
			w.text(l.Text, document.LineStart)
		default:
			w.str("> ", strings.Repeat("  ", l.Depth-1), "- ")
			w.marked(l.Marker, l.Text)
		}
	}
	w.str("\n\n")
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// ids are the heading ids given so far in a document.
type ids map[string]bool

// unique returns id, or one made from text when id is empty, made unique
// within the document, and records it.
func (m ids) unique(text document.Text, id string) string {
	if id == "" {
		id = format.Slug(text.Plain())
	}
	if id == "" {
		id = "kop"
	}
	for n, base := 2, id; m[id]; n++ {
		id = base + "-" + itoa(n)
	}
	m[id] = true
	return id
}

// headingID is the id of a heading inside a block sequence: its slug,
// after prefix.
func headingID(prefix string, text document.Text) string {
	id := format.Slug(text.Plain())
	if prefix != "" {
		id = prefix + "-" + id
	}
	return id
}
