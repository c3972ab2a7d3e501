package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"verordening/internal/document"
)

// Page renders HTML pages from the page template and stylesheet in
// templates/html/.
type Page struct {
	tmpl *template.Template
	css  template.CSS
	md   goldmark.Markdown
}

// NewPage loads templates/html/page.html.tmpl and style.css from fsys.
func NewPage(fsys fs.FS) (*Page, error) {
	const name = "templates/html/page.html.tmpl"
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s ontbreekt: %v", name, err)
	}
	t, err := template.New(name).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("%v", err)
	}
	css, err := fs.ReadFile(fsys, "templates/html/style.css")
	if err != nil {
		return nil, fmt.Errorf("templates/html/style.css ontbreekt: %v", err)
	}
	return &Page{tmpl: t, css: template.CSS(css), md: Goldmark()}, nil
}

// Goldmark is the Markdown reader for our documents: CommonMark with pipe
// tables and automatic heading ids. Raw HTML stays disabled (goldmark's
// default), so nothing in a document can inject markup.
func Goldmark() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// A TOCEntry is one line of the table of contents.
type TOCEntry struct {
	ID, Text string
	Children []TOCEntry
}

var kindLabels = map[document.Kind]string{
	document.Verordening:           "Conceptverordening",
	document.Beleidsregels:         "Conceptbeleidsregels",
	document.Informatieblad:        "Informatieblad",
	document.Dekking:               "Dekkingsoverzicht",
	document.Wijzigingsverordening: "Conceptwijzigingsverordening",
	document.Harmonisatie:          "Harmonisatieoverzicht",
}

// HTML renders the document as a standalone page: its Markdown through
// goldmark, with a table of contents of the second and third heading
// levels taken from goldmark's own parse, so links and ids always agree.
func (p *Page) HTML(d *document.Document) ([]byte, error) {
	return p.HTMLFromMarkdown(d, Markdown(d))
}

// HTMLFromMarkdown renders given Markdown of d as a page.
func (p *Page) HTMLFromMarkdown(d *document.Document, md []byte) ([]byte, error) {
	doc := p.md.Parser().Parse(text.NewReader(md))
	var body bytes.Buffer
	body.Grow(len(md) + len(md)/4)
	if err := p.md.Renderer().Render(&body, md, doc); err != nil {
		return nil, err
	}
	// The table of contents goes right after the title, so that the page
	// reads title, contents, text, and no heading precedes the h1.
	head, rest, found := bytes.Cut(body.Bytes(), []byte("</h1>\n"))
	if found {
		head = append(head, "</h1>\n"...)
	} else {
		head, rest = nil, body.Bytes()
	}
	var out bytes.Buffer
	out.Grow(body.Len() + len(p.css) + 8<<10)
	err := p.tmpl.Execute(&out, map[string]any{
		"Title":     d.Title,
		"Kind":      string(d.Kind),
		"KindLabel": kindLabels[d.Kind],
		"Gemeente":  d.Gemeente,
		"CSS":       p.css,
		"TOC":       toc(doc, md),
		"Head":      template.HTML(head),
		"Body":      template.HTML(rest),
	})
	return out.Bytes(), err
}

// toc collects h2 and h3 headings; h3 entries hang under the h2 before them.
func toc(doc gast.Node, src []byte) []TOCEntry {
	var out []TOCEntry
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*gast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 {
			continue
		}
		id, _ := h.AttributeString("id")
		e := TOCEntry{ID: string(id.([]byte)), Text: plain(h, src)}
		if h.Level == 2 || len(out) == 0 {
			out = append(out, e)
		} else {
			out[len(out)-1].Children = append(out[len(out)-1].Children, e)
		}
	}
	return out
}

// plain is the text of a node without markup.
func plain(n gast.Node, src []byte) string {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*gast.Text); ok {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
			continue
		}
		if s, ok := c.(*gast.String); ok {
			b.Write(s.Value)
			continue
		}
		b.WriteString(plain(c, src))
	}
	return b.String()
}
