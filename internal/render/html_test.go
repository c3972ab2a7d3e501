package render_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"verordening/internal/pipeline/pipelinetest"
)

// TestSections checks that rendering a page section by section, and from
// the cache of sections, gives exactly what goldmark gives for the whole
// Markdown at once, for every document of every example, and that every
// heading has an id of its own.
func TestSections(t *testing.T) {
	c := pipelinetest.Content(t)
	docs := 0
	for round := range 2 { // the second round reads sections from the cache
		for _, name := range c.Examples() {
			ans, err := c.ExampleAnswers(name)
			if err != nil {
				t.Fatal(err)
			}
			out, err := c.Build(ans, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range out.Docs {
				docs++
				sectioned, whole, hs, hw := c.Page.BodyBothWays(d)
				if !bytes.Equal(sectioned, whole) {
					t.Errorf("%s, %s (ronde %d): sections render differently from the whole text", name, d.Kind, round)
				}
				if !slices.Equal(hs, hw) {
					t.Errorf("%s, %s: headings differ:\n%s\nwant\n%s", name, d.Kind, strings.Join(hs, "\n"), strings.Join(hw, "\n"))
				}
				seen := map[string]bool{}
				for _, h := range hw {
					id := strings.Fields(h)[1]
					if seen[id] {
						t.Errorf("%s, %s: id %q twice", name, d.Kind, id)
					}
					seen[id] = true
				}
				if len(hw) < 3 {
					t.Errorf("%s, %s: only %d headings", name, d.Kind, len(hw))
				}
			}
		}
	}
	if docs < 2*7*4 {
		t.Errorf("only %d documents compared", docs)
	}
}

// The ids follow the model, so that links into a page stay the same when
// a heading's wording changes.
func TestHeadingIDs(t *testing.T) {
	c, ans := pipelinetest.Example(t, "zaanstreek-waterland")
	out, err := c.Build(ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	html, err := c.Page.HTML(out.Result.Verordening)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 id="hoofdstuk-1">`, `<h3 id="artikel-1">`, `<h2 id="toelichting">`, `<h4 id="toelichting-artikel-1">`, `<a href="#artikel-1">`} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("the verordening has no %s", want)
		}
	}
	if bytes.Contains(html, []byte("{#")) {
		t.Error("an id attribute was left in the text")
	}
}
