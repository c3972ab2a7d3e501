package document

import "strings"

// A Context says where a text stands in Markdown, which decides what must
// be escaped beyond the characters that are markup everywhere.
type Context uint8

const (
	MidLine     Context = 0         // inside a line
	LineStart   Context = 1 << iota // at the start of a block: "#", "-", "1." would open one
	Cell                            // in a table cell: "|" ends the cell
	HeadingText                     // in a heading: "{" would open attributes
)

// Markdown returns t as inline Markdown that goldmark reads back as t.
func (t Text) Markdown() string { return string(t.AppendMarkdown(nil, MidLine)) }

// AppendMarkdown appends t as Markdown written in context ctx.
func (t Text) AppendMarkdown(b []byte, ctx Context) []byte {
	for i, n := range t {
		c := ctx
		if i > 0 {
			c &^= LineStart
		}
		b = appendNodeMarkdown(b, n, c)
	}
	return b
}

func appendNodeMarkdown(b []byte, n Inline, ctx Context) []byte {
	switch n := n.(type) {
	case Str:
		return appendEscaped(b, string(n), ctx)
	case *Emph:
		d := "*"
		if n.Strong {
			d = "**"
		}
		b = append(b, d...)
		b = n.Body.AppendMarkdown(b, ctx&^LineStart)
		return append(b, d...)
	case Code:
		fence := "`"
		for strings.Contains(string(n), fence) {
			fence += "`"
		}
		pad := ""
		if strings.HasPrefix(string(n), "`") || strings.HasSuffix(string(n), "`") {
			pad = " "
		}
		return append(append(append(append(append(b, fence...), pad...), n...), pad...), fence...)
	case *Link:
		b = append(b, '[')
		b = n.Body.AppendMarkdown(b, ctx&^LineStart)
		return append(append(append(b, "]("...), n.Dest...), ')')
	case Placeholder:
		s := string(n)
		if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
			b = append(b, '[')
			b = appendEscaped(b, s[1:len(s)-1], ctx&^LineStart)
			return append(b, ']')
		}
		return appendEscaped(b, s, ctx)
	case *Ref:
		return n.Body.AppendMarkdown(b, ctx)
	case Source:
		return append(b, n...)
	}
	return b
}

// appendEscaped appends plain text s with every character escaped that
// Markdown would read as markup in ctx.
func appendEscaped(b []byte, s string, ctx Context) []byte {
	if ctx&LineStart != 0 {
		b, s = escapeLineStart(b, s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<':
			b = append(b, '\\')
		case '&':
			if i+1 < len(s) && (s[i+1] == '#' || isLetter(s[i+1])) {
				b = append(b, '\\')
			}
		case '|':
			if ctx&Cell != 0 {
				b = append(b, '\\')
			}
		case '{':
			if ctx&HeadingText != 0 {
				b = append(b, '\\')
			}
		}
		b = append(b, c)
	}
	return b
}

// escapeLineStart writes what s starts with escaped, when at the start of
// a line it would open a heading, a list, a quote or a thematic break, and
// returns the rest of s.
func escapeLineStart(b []byte, s string) ([]byte, string) {
	if s == "" {
		return b, s
	}
	switch s[0] {
	case '#', '-', '+', '>', '=':
		return append(b, '\\', s[0]), s[1:]
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return append(append(b, s[:i]...), '\\', s[i]), s[i+1:]
	}
	return b, s
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
