package render_test

import (
	"regexp"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/render"
)

// TestChangeLetterStandsAlone: in a wijzigingsartikel the letter of each
// change (A, B, …) stands on a line of its own, without a dot, with the
// change below it (Aanwijzing 6.15), in Markdown and in HTML; a lid's
// number stays in front of its text.
func TestChangeLetterStandsAlone(t *testing.T) {
	d := &document.Document{Kind: document.Verordening, Title: document.Plain("Wijziging"), Chapters: []*document.Chapter{{Articles: []*document.Article{{
		Number: "I",
		Leden: []*document.Lid{
			{Text: document.Plain("De Verordening X wordt als volgt gewijzigd:")},
			{Number: "A", Text: document.Plain("Artikel 2 vervalt.")},
			{Number: "B", Text: document.Plain("Artikel 3 wordt als volgt gewijzigd:")},
			{Number: "1", Text: document.Plain("Het tweede lid vervalt.")},
		},
	}}}}}
	md := string(render.Markdown(d))
	for _, want := range []string{"\n\nA\n\nArtikel 2 vervalt.\n\n", "\n\nB\n\nArtikel 3 wordt als volgt gewijzigd:\n\n", "\n\n1\\. Het tweede lid vervalt.\n\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	html := string(render.Body(d))
	for _, want := range []string{"<p>A</p>\n<p>Artikel 2 vervalt.</p>", "<p>1. Het tweede lid vervalt.</p>"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
}

// TestExamplesLetterChangesAlone: no wijzigingsverordening of an example
// (the paragraph form) puts a change's letter in front of its text.
func TestExamplesLetterChangesAlone(t *testing.T) {
	c := pipelinetest.Content(t)
	inFront := regexp.MustCompile(`(?m)^[A-Z]{1,2}\\\. `)
	alone := regexp.MustCompile(`(?m)^A$`)
	seen := 0
	for _, name := range c.Examples() {
		ans, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := c.Build(ans, []string{"md"})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range out.Files {
			if f.Name != "verordening.md" || !strings.Contains(string(f.Data), "wordt als volgt gewijzigd:") {
				continue
			}
			seen++
			if m := inFront.Find(f.Data); m != nil {
				t.Errorf("%s: a change's letter stands in front of its text: %q", name, m)
			}
			if !alone.Match(f.Data) {
				t.Errorf("%s: no change letter on a line of its own", name)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no example has a wijzigingsverordening: the test checks nothing")
	}
}
