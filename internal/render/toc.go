package render

import (
	"html/template"
	"strings"
)

// useFastTOC is false only in the test that compares tocHTML with the
// template.
var useFastTOC = true

// tocHTML writes the items of the table of contents as html/template
// writes them from the range in page.html.tmpl, which it replaces there:
// the escapers html/template calls for each entry took a tenth of a build
// (TestTOCHTMLMatchesTemplate holds the two to the same bytes).
func tocHTML(entries []TOCEntry) (template.HTML, bool) {
	if !useFastTOC {
		return "", false
	}
	var b strings.Builder
	for _, e := range entries {
		if !writeItem(&b, e) {
			return "", false
		}
		if len(e.Children) > 0 {
			b.WriteString("\n<ol>")
			for _, c := range e.Children {
				if !writeItem(&b, c) {
					return "", false
				}
				b.WriteString("</li>")
			}
			b.WriteString("\n</ol>")
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String()), true
}

// writeItem writes "\n<li><a href="#id">text</a>"; it reports false for
// an id that needs URL escaping, which the template then does.
func writeItem(b *strings.Builder, e TOCEntry) bool {
	for i := 0; i < len(e.ID); i++ {
		c := e.ID[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	b.WriteString("\n<li><a href=\"#")
	b.WriteString(e.ID)
	b.WriteString("\">")
	htmlText(b, e.Text)
	b.WriteString("</a>")
	return true
}

// htmlText escapes s for HTML text as html/template's text escaper does.
func htmlText(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case 0:
			b.WriteString("\uFFFD")
		case '"':
			b.WriteString("&#34;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '+':
			b.WriteString("&#43;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
}
