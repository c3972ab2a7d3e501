package render_test

import (
	"bytes"
	"testing"

	"verordening/internal/document"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/render"
)

// The table of contents written by tocHTML is byte for byte what the
// range in page.html.tmpl writes through html/template, for every
// document of every example and for headings with characters html/template
// escapes.
func TestTOCHTMLMatchesTemplate(t *testing.T) {
	c := pipelinetest.Content(t)
	defer render.SetFastTOC(true)
	var docs []*document.Document
	for _, name := range c.Examples() {
		ans, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := c.Build(ans, nil)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, out.Docs...)
	}
	docs = append(docs, &document.Document{Kind: document.Verordening, Title: document.Plain("T"), Chapters: []*document.Chapter{{
		Number: "1", Title: document.Plain(`Kop met "aanhalingstekens" & <tekens> + 'meer' \x00`),
		Articles: []*document.Article{{ID: "a", Number: "1", Title: document.Plain("Één + twee < drie")}, {ID: "b", Number: "2", Title: document.Plain("Ünïcode ‘’")}},
	}}})
	for _, d := range docs {
		render.SetFastTOC(true)
		fast, err := c.Page.HTML(d)
		if err != nil {
			t.Fatal(err)
		}
		render.SetFastTOC(false)
		slow, err := c.Page.HTML(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fast, slow) {
			i := 0
			for i < len(fast) && i < len(slow) && fast[i] == slow[i] {
				i++
			}
			t.Errorf("%s %s: differs at byte %d:\nfast %q\nslow %q", d.Kind, d.Title, i, fast[i:min(len(fast), i+120)], slow[i:min(len(slow), i+120)])
		}
		if !bytes.Contains(fast, []byte(`<nav class="inhoud"`)) {
			t.Errorf("%s: no table of contents", d.Title)
		}
	}
}
