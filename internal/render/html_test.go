package render_test

import (
	"bytes"
	"regexp"
	"testing"

	"verordening/internal/render"

	"verordening/internal/pipeline/pipelinetest"
)

// TestHTMLIsGoldmark holds the HTML writer to goldmark: for every
// document of every example, the page body written from the model equals
// byte for byte what goldmark writes for the document's Markdown, and
// every heading has an id of its own. goldmark is the oracle; the
// renderer itself parses nothing.
func TestHTMLIsGoldmark(t *testing.T) {
	c := pipelinetest.Content(t)
	md := render.Goldmark()
	docs := 0
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
			src := render.MarkdownWithIDs(d)
			var want bytes.Buffer
			if err := md.Convert(src, &want); err != nil {
				t.Fatal(err)
			}
			got := render.Body(d)
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s, %s: the HTML differs from goldmark's:\n%s", name, d.Kind, firstDiff(got, want.Bytes()))
			}
			ids := regexp.MustCompile(`<h[1-6] id="([^"]*)"`).FindAllSubmatch(got, -1)
			seen := map[string]bool{}
			for _, m := range ids {
				if seen[string(m[1])] {
					t.Errorf("%s, %s: id %q twice", name, d.Kind, m[1])
				}
				seen[string(m[1])] = true
			}
			if len(ids) < 3 {
				t.Errorf("%s, %s: only %d headings", name, d.Kind, len(ids))
			}
		}
	}
	if docs < 7*4 {
		t.Errorf("only %d documents compared", docs)
	}
}

// firstDiff shows the lines around the first difference of a and b.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return "got:  " + string(a[from:min(len(a), i+200)]) + "\nwant: " + string(b[from:min(len(b), i+200)])
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
