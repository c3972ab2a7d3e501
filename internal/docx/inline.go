package docx

import (
	"strings"
	"unicode/utf8"

	mdformat "verordening/internal/format"
)

// A format is the character formatting of a run; mark highlights a
// placeholder the gemeente still has to fill in.
type format struct{ bold, italic, mark bool }

// with returns f plus the emphasis of a delimiter run of n stars:
// 1 italic, 2 bold, 3 both.
func (f format) with(n int) format {
	if n != 2 {
		f.italic = true
	}
	if n >= 2 {
		f.bold = true
	}
	return f
}

// A run is a stretch of text with one format.
type run struct {
	text string
	format
}

// inline parses inline Markdown (*italic*, **bold**, ***both***, links
// and backslash escapes) into runs. A link keeps its text: the documents
// link only to files written next to them, which a Word file cannot
// follow. Anything else is plain text; an unmatched star stays a star.
func inline(s string) []run {
	return merge(parseInline(s, format{}, nil))
}

// inlineAs is inline with every run also in format f.
func inlineAs(s string, f format) []run {
	return merge(parseInline(s, f, nil))
}

// plainText returns the text of inline Markdown without its markup.
func plainText(s string) string {
	var b strings.Builder
	for _, r := range inline(s) {
		b.WriteString(r.text)
	}
	return b.String()
}

func parseInline(s string, f format, out []run) []run {
	if !strings.ContainsAny(s, `\*[`) {
		// Most text has no markup: one run, no copy.
		if s != "" {
			out = append(out, run{s, f})
		}
		return out
	}
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, run{text.String(), f})
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], `\*[`)
		if j < 0 {
			text.WriteString(s[i:])
			break
		}
		text.WriteString(s[i : i+j])
		i += j
		switch {
		case s[i] == '\\' && i+1 < len(s) && mdformat.IsPunct(s[i+1]):
			text.WriteByte(s[i+1])
			i += 2
		case s[i] == '[' && mdformat.PlaceholderEnd(s, i) > 0:
			end := mdformat.PlaceholderEnd(s, i)
			flush()
			g := f
			g.mark = true
			out = append(out, run{mdformat.Unescape(s[i:end]), g})
			i = end
		case s[i] == '[':
			linkText, end := link(s, i)
			if end < 0 {
				text.WriteByte('[')
				i++
				continue
			}
			flush()
			out = parseInline(linkText, f, out)
			i = end
		case s[i] == '*':
			n := stars(s, i)
			end := closer(s, i+n, n)
			if end < 0 {
				text.WriteString(s[i : i+n])
				i += n
				continue
			}
			flush()
			out = parseInline(s[i+n:end], f.with(n), out)
			i = end + n
		default:
			text.WriteByte(s[i])
			i++
		}
	}
	flush()
	return out
}

// link reads a Markdown link "[text](target)" at s[i] and returns its text
// and the index after it, or -1 when there is none. The target may hold
// no blank and no parenthesis.
func link(s string, i int) (string, int) {
	mid := strings.Index(s[i:], "](")
	if mid < 0 {
		return "", -1
	}
	mid += i
	end := strings.IndexByte(s[mid+2:], ')')
	if end < 0 || strings.ContainsAny(s[mid+2:mid+2+end], " \t\n(") {
		return "", -1
	}
	return s[i+1 : mid], mid + 2 + end + 1
}

// stars returns the length of the run of '*' at s[i].
func stars(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '*' {
		n++
	}
	return n
}

// closer returns the index of the delimiter run of exactly n stars that
// closes an emphasis opened just before start, or -1. The opener must be
// followed and the closer preceded by a non-space character.
func closer(s string, start, n int) int {
	if n > 3 || start >= len(s) || isSpace(s[start]) {
		return -1
	}
	for j := start; j < len(s); {
		switch {
		case s[j] == '\\' && j+1 < len(s):
			j += 2
		case s[j] == '*':
			r := stars(s, j)
			if r == n && j > start && !isSpace(s[j-1]) {
				return j
			}
			j += r
		default:
			j++
		}
	}
	return -1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
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
