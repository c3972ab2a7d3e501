package pipeline

import (
	"path"
	"strings"

	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/render"
)

// IndexFile is the name of a folder's index page.
const IndexFile = "index.html"

// An IndexRow is one line of a folder's index page: a document, or a
// folder with an index of its own, and the files to link to.
type IndexRow struct {
	Title string // plain text
	Kind  string // what it is: "Conceptverordening"
	Files []string
}

// formatLabels name the formats in the index's links. They are short
// labels in a table cell, so they stay here as data.
var formatLabels = map[string]string{"md": "Markdown", "html": "HTML", "docx": "Word", "pdf": "PDF"}

// DocumentRows are the index rows of docs: each with the files of files
// that hold it, in the order of Formats; a document with none is left
// out.
func DocumentRows(docs []*document.Document, files []File) []IndexRow {
	written := map[string]bool{}
	for _, f := range files {
		written[f.Name] = true
	}
	var rows []IndexRow
	for _, d := range docs {
		row := IndexRow{Title: d.Title.Plain(), Kind: render.KindLabel(d.Kind)}
		for _, f := range Formats {
			if name := string(d.Kind) + "." + f; written[name] {
				row.Files = append(row.Files, name)
			}
		}
		if len(row.Files) > 0 {
			rows = append(rows, row)
		}
	}
	return rows
}

// Index lays out the index page of the folder of name (a gemeente, or
// with region a region) as HTML in the look of the documents: the title
// and introduction from templates/index/, then a table of rows.
func (c *Content) Index(name string, region bool, rows []IndexRow) (File, error) {
	f := c.Cache.Frames(c.Library)
	defer f.Release()
	data := map[string]any{"Naam": format.EscapeMarkdown(name), "Regio": region}
	title := document.ParseMarkdown(f.Text("templates/index/titel.md.tmpl", data))
	intro := document.ParseMarkdown(f.Text("templates/index/inleiding.md.tmpl", data))
	if err := f.Err(); err != nil {
		return File{}, err
	}
	t := &document.Table{Header: []document.Text{document.Plain("Document"), document.Plain("Soort"), document.Plain("Formaten")}}
	for _, r := range rows {
		var links []string
		for _, file := range r.Files {
			label := formatLabels[strings.TrimPrefix(path.Ext(file), ".")]
			if path.Base(file) == IndexFile {
				label = "Overzicht"
			}
			links = append(links, "["+label+"]("+file+")")
		}
		t.Rows = append(t.Rows, []document.Text{document.Plain(r.Title), document.Plain(r.Kind),
			document.ParseMarkdown(strings.Join(links, ", "))})
	}
	d := &document.Document{Kind: "index", Title: title, Citeertitel: title.Plain(), Gemeente: name,
		Intro: []document.Block{&document.Paragraph{Text: intro}, t}}
	page, err := c.Page.HTML(d)
	if err != nil {
		return File{}, err
	}
	return File{Name: IndexFile, Data: page}, nil
}

// withIndex adds the gemeente's index page to out's files, when any
// document was written.
func (c *Content) withIndex(out *Output, gemeente string) error {
	rows := DocumentRows(out.Docs, out.Files)
	if len(rows) == 0 {
		return nil
	}
	idx, err := c.Index(gemeente, false, rows)
	if err != nil {
		return err
	}
	out.Files = append(out.Files, idx)
	return nil
}
