package format_test

import (
	"bytes"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/lint"
	"verordening/internal/render"
)

// hostile are answers that start a Markdown block when they stand at the
// start of a line, or that would end one early.
var hostile = []string{
	"1. x", "12) twaalf", "- - -", "---", "***", "___", "- item", "+ plus", "* ster",
	"# kop", "## kop", "> citaat", "| a | b |", "    code", "\tcode", "===", "= gelijk",
	"```", "~~~", "<div>", "[a]: /x", "lijn  ", "a\n\n- b", "\n1. x",
}

// contexts are the places a clause puts an answer: alone on a line, after
// a paragraph line, in a list item, after text on the same line.
var contexts = []struct {
	name, before, after, want string // want: the block structure of the HTML
}{
	{"alleen", "", "\n", "<p>"},
	{"na alinea", "Tekst van het artikel.\n", "\n", "<p>"},
	{"lijstonderdeel", "- ", "\n", "<ul><li>"},
	{"genummerd", "a. ", "\n", "<p>"},
	{"midden", "Contact: ", ".\n", "<p>"},
}

// TestEscapeBlockStart: an escaped answer stays inline text wherever a
// clause puts it. goldmark (our HTML) and gomarkdown (another reader of
// the Markdown) see the same structure, and the text read is the answer.
func TestEscapeBlockStart(t *testing.T) {
	for _, c := range contexts {
		for _, h := range hostile {
			md := c.before + format.EscapeMarkdown(h) + c.after
			var out bytes.Buffer
			if err := render.Goldmark().Convert([]byte(md), &out); err != nil {
				t.Fatal(err)
			}
			if got := blocks(out.String()); got != c.want {
				t.Errorf("%s, %q: blocks %s, want %s\nmarkdown %q\nhtml %s", c.name, h, got, c.want, md, out.String())
			}
			if f := lint.Compare([]byte(md)); f != nil && strings.Trim(h, "= ") != "" {
				// gomarkdown keeps the backslash of \=; see EscapeMarkdown.
				t.Errorf("%s, %q: the parsers disagree: %v", c.name, h, f)
			}
			want := strings.Join(strings.Fields(h), " ")
			if got := document.ParseMarkdown(format.EscapeMarkdown(h)).Plain(); strings.Join(strings.Fields(got), " ") != want {
				t.Errorf("%q: plain text %q, want %q", h, got, want)
			}
		}
	}
}

// blocks is the sequence of block elements in html, without text.
func blocks(html string) string {
	var b strings.Builder
	for _, tag := range []string{"<p>", "<ul>", "<ol>", "<li>", "<hr", "<h1", "<h2", "<h3", "<blockquote>", "<pre>", "<table>", "<br", "<div"} {
		for range strings.Count(html, tag) {
			b.WriteString(tag)
		}
	}
	return b.String()
}

// TestPlainText: the plain text of escaped answers and clause Markdown,
// as the model's parser reads it, is what a reader sees.
func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{format.EscapeMarkdown("<script>alert(1)</script>"), "<script>alert(1)</script>"},
		{format.EscapeMarkdown("## kop & *Co*"), "## kop & *Co*"},
		{"*nadruk* en _schuin_", "nadruk en schuin"},
		{"Verordening jobcoaching " + format.EscapeMarkdown("Stad_Noord"), "Verordening jobcoaching Stad_Noord"},
		{`Verordening \#1`, "Verordening #1"},
	}
	for _, tt := range tests {
		if got := document.ParseMarkdown(tt.in).Plain(); got != tt.want {
			t.Errorf("plain text of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}
