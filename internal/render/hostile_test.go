package render_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/render"
)

// TestHostileAnswers: a free-text answer that looks like Markdown ("1. x",
// "- - -", "# kop", indented code) and a gemeente name with markup change
// no document's structure. The Markdown (read by goldmark), the HTML and
// the DOCX of each document have the same blocks as with a plain answer,
// and the HTML <title> is plain text, without Markdown escapes.
func TestHostileAnswers(t *testing.T) {
	c := pipelinetest.Content(t)
	_, example, err := c.Example("uwv-protocol-paragraaf")
	if err != nil {
		t.Fatal(err)
	}
	build := func(gemeente, afdeling string) map[string][]byte {
		src := strings.Replace(string(example), "gemeente: Voorbeeldstad", "gemeente: "+strconv.Quote(gemeente), 1)
		src = strings.Replace(src, "reintegratieverordening: Re-integratieverordening Participatiewet Voorbeeldstad 2023", "reintegratieverordening: "+strconv.Quote("Re-integratieverordening Participatiewet "+gemeente+" 2023"), 1)
		src = strings.Replace(src, "contact_afdeling: Team Werk en Inkomen", "contact_afdeling: "+strconv.Quote(afdeling), 1)
		ans, _, err := c.Decode("a.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", afdeling, err)
		}
		out, err := c.Build(ans, []string{"md", "html", "docx"})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range out.Files {
			files[f.Name] = f.Data
		}
		return files
	}
	plain := shapes(t, build("Voorbeeldstad", "Team Werk"))
	for _, h := range []string{"1. x", "- - -", "# kop", "    code", "> citaat", "| a | b |", "+ plus", "2) twee", "===", "<b>vet</b>"} {
		files := build("Stad ## <script>", h)
		if got := shapes(t, files); !equalShapes(got, plain) {
			for name := range plain {
				if got[name] != plain[name] {
					t.Errorf("%q: %s has another structure:\n%s\nwant\n%s", h, name, got[name], plain[name])
				}
			}
		}
		for name, data := range files {
			if name != "verordening.html" && name != "dekking.html" {
				continue
			}
			title := regexp.MustCompile(`<title>(.*)</title>`).FindSubmatch(data)
			if title == nil || !bytes.Contains(title[1], []byte("Participatiewet Stad ## &lt;script&gt; 2023")) || bytes.Contains(title[1], []byte(`\`)) {
				t.Errorf("%s: title %q, want the plain name", name, title)
			}
		}
	}
}

// shapes gives for each file the sequence of its blocks: goldmark's block
// nodes for Markdown, the block tags for HTML, paragraph styles for DOCX.
func shapes(t *testing.T, files map[string][]byte) map[string]string {
	out := map[string]string{}
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, ".md"):
			doc := render.Goldmark().Parser().Parse(text.NewReader(data))
			var b strings.Builder
			ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering && n.Type() == ast.TypeBlock {
					b.WriteString(n.Kind().String() + " ")
				}
				return ast.WalkContinue, nil
			})
			out[name] = b.String()
		case strings.HasSuffix(name, ".html"):
			out[name] = strings.Join(regexp.MustCompile(`<(p|ol|ul|li|hr|h[1-6]|pre|blockquote|table|tr|br)\b`).FindAllString(string(data), -1), " ")
		case strings.HasSuffix(name, ".docx"):
			out[name] = strings.Join(regexp.MustCompile(`<w:pStyle w:val="[^"]*"|<w:numId w:val="[^"]*"|<w:p>`).FindAllString(pipelinetest.DocxBody(t, data), -1), " ")
		}
	}
	return out
}

func equalShapes(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
