package render

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"verordening/internal/document"
)

// htmlWriter is the HTML emitter. It writes, byte for byte, what goldmark
// writes for the document's Markdown (MarkdownWithIDs; TestHTMLIsGoldmark
// holds it to that for every example), but from the typed model, so that
// nothing is parsed at render time. With links set, references become
// links to the article they name, in this document or the other one; the
// Markdown has no such links, so the oracle test turns them off.
type htmlWriter struct {
	b        []byte
	links    Links         // the articles references may link to; nil for none
	self     document.Kind // the kind of the document written
	headings []heading     // for the table of contents
}

type heading struct {
	level    int
	id, text string
}

func (w *htmlWriter) str(s string) { w.b = append(w.b, s...) }

func (w *htmlWriter) heading(level int, text document.Text, id string) {
	n := itoa(level)
	w.str("<h" + n + ` id="`)
	w.b = appendEscaped(w.b, id)
	w.str(`">`)
	w.text(text)
	w.str("</h" + n + ">\n")
	w.headings = append(w.headings, heading{level, id, text.Plain()})
}

func (w *htmlWriter) para(t document.Text) {
	w.str("<p>")
	w.text(t)
	w.str("</p>\n")
}

func (w *htmlWriter) lid(number string, text document.Text) {
	w.str("<p>")
	if number != "" {
		w.str(number + ". ")
	}
	w.text(text)
	w.str("</p>\n")
}

func (w *htmlWriter) items(items []*document.Item) {
	w.str("<ul>\n")
	for _, it := range items {
		w.str("<li>")
		w.marked(it.Marker, it.Text)
		if len(it.Items) > 0 {
			w.str("\n")
			w.items(it.Items)
		}
		w.str("</li>\n")
	}
	w.str("</ul>\n")
}

func (w *htmlWriter) marked(marker string, text document.Text) {
	if marker != "" && marker != "-" {
		w.str(marker + " ")
	}
	w.text(text)
}

func (w *htmlWriter) list(l *document.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	w.str("<" + tag + ">\n")
	for _, it := range l.Items {
		w.str("<li>")
		w.text(it)
		w.str("</li>\n")
	}
	w.str("</" + tag + ">\n")
}

func (w *htmlWriter) table(t *document.Table) {
	if !t.Caption.IsEmpty() {
		w.str("<p><em>")
		w.text(t.Caption)
		w.str("</em></p>\n")
	}
	w.str("<table>\n<thead>\n<tr>\n")
	for _, c := range t.Header {
		w.str("<th>")
		w.text(c)
		w.str("</th>\n")
	}
	w.str("</tr>\n</thead>\n")
	if len(t.Rows) > 0 {
		w.str("<tbody>\n")
		for _, r := range t.Rows {
			w.str("<tr>\n")
			for _, c := range r {
				w.str("<td>")
				w.text(c)
				w.str("</td>\n")
			}
			w.str("</tr>\n")
		}
		w.str("</tbody>\n")
	}
	w.str("</table>\n")
}

// quote writes a Quote as goldmark writes the block quote the Markdown
// emitter makes of it: paragraphs, and a list for each run of onderdelen.
func (w *htmlWriter) quote(q *document.Quote) {
	w.str("<blockquote>\n")
	for i := 0; i < len(q.Lines); {
		l := q.Lines[i]
		switch {
		case l.Table != nil:
			w.table(&document.Table{Header: l.Table.Header, Rows: l.Table.Rows})
			i++
		case l.Depth > 0:
			i = w.quoteItems(q.Lines, i, l.Depth)
		case l.Heading:
			w.str("<p><strong>")
			w.text(l.Text)
			w.str("</strong></p>\n")
			i++
		default:
			w.lid(l.Marker, l.Text)
			i++
		}
	}
	w.str("</blockquote>\n")
}

// quoteItems writes the run of quoted onderdelen at depth starting at
// lines[i] as a list, deeper ones nested, and returns the index after it.
func (w *htmlWriter) quoteItems(lines []document.QuoteLine, i, depth int) int {
	w.str("<ul>\n")
	for i < len(lines) && lines[i].Depth == depth && lines[i].Table == nil {
		w.str("<li>")
		w.marked(lines[i].Marker, lines[i].Text)
		i++
		if i < len(lines) && lines[i].Depth > depth && lines[i].Table == nil {
			w.str("\n")
			i = w.quoteItems(lines, i, lines[i].Depth)
		}
		w.str("</li>\n")
	}
	w.str("</ul>\n")
	return i
}

// text writes inline content as goldmark renders it.
func (w *htmlWriter) text(t document.Text) {
	for _, n := range t {
		switch n := n.(type) {
		case document.Str:
			w.b = appendEscaped(w.b, string(n))
		case *document.Emph:
			tag := "em"
			if n.Strong {
				tag = "strong"
			}
			w.str("<" + tag + ">")
			w.text(n.Body)
			w.str("</" + tag + ">")
		case document.Code:
			w.str("<code>")
			w.b = appendEscaped(w.b, string(n))
			w.str("</code>")
		case *document.Link:
			w.str(`<a href="`)
			dest := util.URLEscape([]byte(n.Dest), true)
			if !html.IsDangerousURL(dest) {
				w.b = appendEscaped(w.b, string(dest))
			}
			w.str(`">`)
			w.text(n.Body)
			w.str("</a>")
		case document.Placeholder:
			w.str(`<mark class="plaatshouder">`)
			w.b = appendEscaped(w.b, string(n))
			w.str("</mark>")
		case *document.Ref:
			w.ref(n)
		case document.Source:
			w.b = appendEscaped(w.b, string(n))
		}
	}
}

// ref writes a reference, as a link to its article when it names one
// article that links has.
func (w *htmlWriter) ref(r *document.Ref) {
	kind := r.Doc
	if kind == "" {
		kind = w.self
	}
	if r.Article == "" || !w.links[kind][r.Article] {
		w.text(r.Body)
		return
	}
	href := "#artikel-" + r.Article
	if kind != w.self {
		href = string(kind) + ".html" + href
	}
	w.str(`<a class="verwijzing" href="`)
	w.b = appendEscaped(w.b, href)
	w.str(`">`)
	w.text(r.Body)
	w.str("</a>")
}

// appendEscaped appends s escaped for HTML text and attributes, as
// goldmark escapes: &, <, > and ".
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var e string
		switch s[i] {
		case '&':
			e = "&amp;"
		case '<':
			e = "&lt;"
		case '>':
			e = "&gt;"
		case '"':
			e = "&quot;"
		default:
			continue
		}
		b = append(append(b, s[last:i]...), e...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
