package docx

import (
	"strings"
	"unicode/utf8"

	"verordening/internal/document"
)

// A format is the character formatting of a run; mark highlights a
// placeholder the gemeente still has to fill in.
type format struct{ bold, italic, mark bool }

// A run is a stretch of text with one format.
type run struct {
	text string
	format
}

// inline flattens typed text into runs. A link and a reference keep
// their text: the documents link only to files written next to them,
// which a Word file cannot follow; a code span is plain text.
func inline(t document.Text) []run {
	return merge(appendRuns(nil, t, format{}))
}

// inlineAs is inline with every run also in format f.
func inlineAs(t document.Text, f format) []run {
	return merge(appendRuns(nil, t, f))
}

func appendRuns(out []run, t document.Text, f format) []run {
	for _, n := range t {
		switch n := n.(type) {
		case document.Str:
			out = append(out, run{string(n), f})
		case *document.Emph:
			g := f
			if n.Strong {
				g.bold = true
			} else {
				g.italic = true
			}
			out = appendRuns(out, n.Body, g)
		case document.Code:
			out = append(out, run{string(n), f})
		case *document.Link:
			out = appendRuns(out, n.Body, f)
		case document.Placeholder:
			g := f
			g.mark = true
			out = append(out, run{string(n), g})
		case *document.Ref:
			out = appendRuns(out, n.Body, f)
		case document.Source:
			out = append(out, run{string(n), f})
		}
	}
	return out
}

// merge joins adjacent runs of the same format.
func merge(runs []run) []run {
	var out []run
	for _, r := range runs {
		if n := len(out); n > 0 && out[n-1].format == r.format {
			out[n-1].text += r.text
			continue
		}
		out = append(out, r)
	}
	return out
}

// writeRuns writes runs as w:r elements.
func writeRuns(b *strings.Builder, runs []run) {
	for _, r := range runs {
		b.WriteString("<w:r>")
		if r.bold || r.italic || r.mark {
			b.WriteString("<w:rPr>")
			if r.bold {
				b.WriteString("<w:b/><w:bCs/>")
			}
			if r.italic {
				b.WriteString("<w:i/><w:iCs/>")
			}
			if r.mark {
				// A placeholder: yellow, as a jurist marks what is still open.
				b.WriteString(`<w:highlight w:val="yellow"/>`)
			}
			b.WriteString("</w:rPr>")
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		writeEscaped(b, r.text)
		b.WriteString("</w:t></w:r>")
	}
}

// escape escapes s for XML text and attribute values. Tabs and line breaks
// become spaces; characters XML 1.0 does not allow are dropped, and invalid
// UTF-8 becomes U+FFFD.
func escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	writeEscaped(&b, s)
	return b.String()
}

// writeEscaped writes s to b as escape returns it, without the copy when
// nothing needs escaping.
func writeEscaped(b *strings.Builder, s string) {
	if !needsEscape(s) {
		b.WriteString(s)
		return
	}
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t', '\n', '\r':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				continue
			}
			b.WriteRune(r)
		}
	}
}

// needsEscape reports whether escape would change s. It looks at bytes:
// U+FFFE and U+FFFF are the only characters above ASCII it drops, and
// they are encoded as EF BF BE and EF BF BF.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"':
			return true
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return true
		}
	}
	return !utf8.ValidString(s)
}
