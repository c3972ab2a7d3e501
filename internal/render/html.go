package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"

	"github.com/yuin/goldmark"

	"verordening/internal/document"
	"verordening/internal/source"
	"verordening/internal/version"
)

// Page renders HTML pages from the page template and stylesheet in
// templates/html/.
type Page struct {
	tmpl *template.Template
	css  template.CSS
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
	return &Page{tmpl: t, css: template.CSS(css)}, nil
}

// Goldmark is the Markdown reader for our documents (document.Goldmark).
func Goldmark() goldmark.Markdown { return document.Goldmark() }

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
	document.WasWordt:              "Was-wordt-tabel",
	"index":                        "Overzicht van de documenten",
}

// KindLabel names a document's kind for readers: "Conceptverordening".
func KindLabel(k document.Kind) string { return kindLabels[k] }

// HTML renders the document as a standalone page, with a table of
// contents of the second and third heading levels. A reference links to
// the article it names when that article is in d.
func (p *Page) HTML(d *document.Document) ([]byte, error) {
	return p.HTMLLinked(d, LinksOf(d))
}

// HTMLLinked is HTML where a reference links to the article it names
// when links has that article: in d itself, or in a document written
// beside it ("artikel 16 van de verordening" to verordening.html).
func (p *Page) HTMLLinked(d *document.Document, links Links) ([]byte, error) {
	w := &htmlWriter{b: make([]byte, 0, 64<<10), links: links, self: d.Kind}
	(&walker{e: w, ids: ids{}}).document(d)
	body := w.b
	// The table of contents goes right after the title, so that the page
	// reads title, contents, text, and no heading precedes the h1.
	head, rest, found := bytes.Cut(body, []byte("</h1>\n"))
	if found {
		head = append(head[:len(head):len(head)], "</h1>\n"...)
	} else {
		head, rest = nil, body
	}
	entries := toc(w.headings)
	tocItems, fast := tocHTML(entries)
	var out bytes.Buffer
	out.Grow(len(body) + len(p.css) + 8<<10)
	err := p.tmpl.Execute(&out, map[string]any{
		"Title":     d.Title.Plain(), // plain text: a <title> shows no markup
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

// Links are the articles a page may link to: by document kind, the
// numbers of the articles that document has as headings.
type Links map[document.Kind]map[string]bool

// LinksOf gives the articles of the documents.
func LinksOf(docs ...*document.Document) Links {
	l := Links{}
	for _, d := range docs {
		nums := map[string]bool{}
		for _, a := range d.Articles() {
			if a.Number != "" {
				nums[a.Number] = true
			}
		}
		l[d.Kind] = nums
	}
	return l
}

// Body renders the page body only, links off: the bytes goldmark writes
// for MarkdownWithIDs, which tests hold it to.
func Body(d *document.Document) []byte {
	w := &htmlWriter{}
	(&walker{e: w, ids: ids{}}).document(d)
	return w.b
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
