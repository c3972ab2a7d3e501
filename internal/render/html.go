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
	"verordening/internal/format"
	"verordening/internal/memo"
	"verordening/internal/source"
	"verordening/internal/version"
)

// Page renders HTML pages from the page template and stylesheet in
// templates/html/.
type Page struct {
	tmpl *template.Template
	css  template.CSS
	md   goldmark.Markdown

	sections memo.Map[string, *section] // by the section's Markdown
}

// NewPage loads templates/html/page.html.tmpl and style.css from fsys.
func NewPage(fsys fs.FS) (*Page, error) {
	const name = "templates/html/page.html.tmpl"
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s ontbreekt: %v", name, source.Reason(err))
	}
	t, err := template.New(name).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("%v", err)
	}
	css, err := fs.ReadFile(fsys, "templates/html/style.css")
	if err != nil {
		return nil, fmt.Errorf("templates/html/style.css ontbreekt: %v", source.Reason(err))
	}
	return &Page{tmpl: t, css: template.CSS(css), md: Goldmark(), sections: memo.Map[string, *section]{Limit: maxSections}}, nil
}

// Goldmark is the Markdown reader for our documents: CommonMark with pipe
// tables, heading ids given as {#id}, and automatic ids for headings
// without one, and placeholders highlighted (placeholder.go). Raw HTML stays disabled (goldmark's default), so nothing in
// a document can inject markup.
func Goldmark() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, placeholderExtension{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithHeadingAttribute()),
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
	w := markdownForHTML(d)
	body, headings, err := p.body(w.b, w.sections)
	w.free()
	if err != nil {
		return nil, err
	}
	// The table of contents goes right after the title, so that the page
	// reads title, contents, text, and no heading precedes the h1.
	head, rest, found := bytes.Cut(body, []byte("</h1>\n"))
	if found {
		head = append(head[:len(head):len(head)], "</h1>\n"...)
	} else {
		head, rest = nil, body
	}
	entries := toc(headings)
	tocItems, fast := tocHTML(entries)
	var out bytes.Buffer
	out.Grow(len(body) + len(p.css) + 8<<10)
	err = p.tmpl.Execute(&out, map[string]any{
		"Title":     format.PlainMarkdown(d.Title), // plain text: a <title> shows no markup
		"Kind":      string(d.Kind),
		"KindLabel": kindLabels[d.Kind],
		"Gemeente":  d.Gemeente,
		"Generator": version.Generator(),
		"CSS":       p.css,
		"TOC":       entries,
		"TOCHTML":   tocItems,
		"FastTOC":   fast,
		"Head":      template.HTML(head),
		"Body":      template.HTML(rest),
	})
	return out.Bytes(), err
}

// A section is the HTML of one heading and the text up to the next, with
// the headings goldmark found in it.
type section struct {
	html     []byte
	headings []heading
}

type heading struct {
	level    int
	id, text string
}

// maxSections bounds the sections a Page keeps.
const maxSections = 4096

// body renders md section by section, each section starting at one of the
// given offsets. Every heading carries its id ({#…}), and our Markdown has
// a blank line before every heading and no construct that spans one, so a
// section renders the same alone as within the whole text (TestSections
// checks this against goldmark on the whole text). Sections are kept and
// reused: the gemeenten of a region share most articles word for word,
// and goldmark took a third of a region build.
func (p *Page) body(md []byte, starts []int) ([]byte, []heading, error) {
	if len(starts) == 0 || starts[0] != 0 {
		starts = append([]int{0}, starts...)
	}
	out := make([]byte, 0, len(md)+len(md)/4)
	var headings []heading
	for i, start := range starts {
		end := len(md)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		s, err := p.section(md[start:end])
		if err != nil {
			return nil, nil, err
		}
		out = append(out, s.html...)
		headings = append(headings, s.headings...)
	}
	return out, headings, nil
}

func (p *Page) section(md []byte) (*section, error) {
	if s, ok := p.sections.Get(string(md)); ok {
		return s, nil
	}
	s, err := p.render(md)
	if err != nil {
		return nil, err
	}
	p.sections.Put(string(md), s)
	return s, nil
}

// render runs goldmark on md.
func (p *Page) render(md []byte) (*section, error) {
	doc := p.md.Parser().Parse(text.NewReader(md))
	var buf bytes.Buffer
	buf.Grow(len(md) + len(md)/4)
	if err := p.md.Renderer().Render(&buf, md, doc); err != nil {
		return nil, err
	}
	s := &section{html: buf.Bytes()}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*gast.Heading); ok {
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			s.headings = append(s.headings, heading{h.Level, string(idb), plain(h, md)})
		}
	}
	return s, nil
}

// toc collects h2 and h3 headings; h3 entries hang under the h2 before them.
func toc(headings []heading) []TOCEntry {
	var out []TOCEntry
	for _, h := range headings {
		if h.level < 2 || h.level > 3 {
			continue
		}
		e := TOCEntry{ID: h.id, Text: h.text}
		if h.level == 2 || len(out) == 0 {
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
