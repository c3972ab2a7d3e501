// Package lint checks that a Markdown document reads the same in two
// independent Markdown parsers, goldmark (which renders our HTML) and
// gomarkdown. Our Markdown is also handed to juristen, CMS imports and
// converters such as pandoc; a passage the two parsers read differently is
// one that some reader will show wrongly, so it is flagged before it ships.
package lint

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	gm "github.com/gomarkdown/markdown"
	gmhtml "github.com/gomarkdown/markdown/html"
	gmparser "github.com/gomarkdown/markdown/parser"
	xhtml "golang.org/x/net/html"

	"verordening/internal/render"
)

// A Finding is one place where the parsers disagree.
type Finding struct {
	Index         int    // position in the token stream
	Goldmark, Alt string // what each parser produced there
}

func (f Finding) String() string {
	return fmt.Sprintf("goldmark leest %q, gomarkdown leest %q", f.Goldmark, f.Alt)
}

// Compare parses md with both parsers and returns the first difference in
// structure or text, or nil when they agree. Differences of spelling that
// do not change what a reader sees (self-closing tags, attribute order,
// entity style, heading ids) are normalised away first.
func Compare(md []byte) *Finding {
	var a bytes.Buffer
	if err := render.Goldmark().Convert(md, &a); err != nil {
		return &Finding{Goldmark: err.Error()}
	}
	p := gmparser.NewWithExtensions(gmparser.CommonExtensions &^ gmparser.MathJax &^ gmparser.DefinitionLists)
	r := gmhtml.NewRenderer(gmhtml.RendererOptions{Flags: gmhtml.CommonFlags &^ gmhtml.Smartypants})
	b := gm.ToHTML(md, p, r)
	// The placeholder highlight is our goldmark extension; gomarkdown
	// keeps the brackets as text, which is the same text.
	ga := bytes.ReplaceAll(bytes.ReplaceAll(a.Bytes(), []byte(`<mark class="plaatshouder">`), nil), []byte("</mark>"), nil)
	ta, tb := tokens(ga), tokens(b)
	for i := 0; i < len(ta) || i < len(tb); i++ {
		var x, y string
		if i < len(ta) {
			x = ta[i]
		}
		if i < len(tb) {
			y = tb[i]
		}
		if x != y {
			return &Finding{Index: i, Goldmark: context(ta, i), Alt: context(tb, i)}
		}
	}
	return nil
}

// tokens reduces HTML to a list of element names and normalised text.
func tokens(doc []byte) []string {
	z := xhtml.NewTokenizer(bytes.NewReader(doc))
	var out []string
	var text strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(text.String()), " "); t != "" {
			out = append(out, t)
		}
		text.Reset()
	}
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			flush()
			return out
		case xhtml.TextToken:
			text.WriteString(html.UnescapeString(string(z.Text())) + " ")
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			flush()
			name, _ := z.TagName()
			out = append(out, "<"+string(name)+">")
		case xhtml.EndTagToken:
			flush()
			name, _ := z.TagName()
			out = append(out, "</"+string(name)+">")
		}
	}
}

func context(toks []string, i int) string {
	lo, hi := max(0, i-3), min(len(toks), i+4)
	return strings.Join(toks[lo:hi], " ")
}
