package document

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Goldmark is the Markdown reader for our documents: CommonMark with pipe
// tables, heading ids given as {#id}, automatic ids for headings without
// one, and placeholders (placeholder.go). Raw HTML stays disabled
// (goldmark's default), so nothing in a document can inject markup. It
// parses the clause text once, in ParseMarkdown, and in tests it is the
// oracle the renderers are held to.
func Goldmark() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, placeholderExt{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithHeadingAttribute()),
	)
}

// inlineParser parses one paragraph of inline Markdown. Its parse context
// is not shared, so ParseMarkdown may run in parallel.
var inlineParser = Goldmark().Parser()

// ParseMarkdown parses one paragraph of inline Markdown into a Text. A
// text that goldmark would read as more than one block (a blank line
// inside it) keeps the blocks' inline content, joined by a line end.
func ParseMarkdown(md string) Text {
	if md == "" {
		return nil
	}
	if isPlain(md) {
		return Text{Str(md)}
	}
	src := []byte(md)
	doc := inlineParser.Parse(text.NewReader(src))
	var t Text
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		if len(t) > 0 {
			t = t.add(Str("\n"))
		}
		t = appendInlines(t, b, src)
	}
	return t
}

// isPlain reports whether md reads as itself: no character that Markdown
// gives a meaning inside a line, nothing that opens a block, no line end.
func isPlain(md string) bool {
	if strings.ContainsAny(md, "\\`*_[]<>&!\n\r\t|~") || strings.HasSuffix(md, " ") {
		return false
	}
	switch md[0] {
	case '#', '-', '+', '=', '>', ' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return false
	}
	return true
}

// appendInlines appends the inline content of goldmark node n.
func appendInlines(t Text, n gast.Node, src []byte) Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t = appendInline(t, c, src)
	}
	return t
}

func appendInline(t Text, n gast.Node, src []byte) Text {
	switch n := n.(type) {
	case *gast.Text:
		t = t.add(Str(unescape(n.Segment.Value(src))))
		if n.HardLineBreak() || n.SoftLineBreak() {
			t = t.add(Str("\n"))
		}
		return t
	case *gast.String:
		return t.add(Str(n.Value))
	case *gast.Emphasis:
		return append(t, &Emph{Strong: n.Level >= 2, Body: appendInlines(nil, n, src)})
	case *gast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if s, ok := c.(*gast.Text); ok {
				b.Write(s.Segment.Value(src))
			}
		}
		return append(t, Code(b.String()))
	case *gast.Link:
		return append(t, &Link{Dest: string(n.Destination), Body: appendInlines(nil, n, src)})
	case *placeholderNode:
		return append(t, Placeholder(appendInlines(nil, n, src).Plain()))
	case *gast.RawHTML:
		// Raw HTML is off: what looks like a tag is text.
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(src))
		}
		return t.add(Str(b.String()))
	}
	return appendInlines(t, n, src)
}

// add appends s, joining it to a Str before it.
func (t Text) add(s Str) Text {
	if s == "" {
		return t
	}
	if n := len(t); n > 0 {
		if prev, ok := t[n-1].(Str); ok {
			t[n-1] = prev + s
			return t
		}
	}
	return append(t, s)
}

// unescape resolves backslash escapes and character references in one
// pass, as goldmark's HTML writer does when it prints a text segment (an
// escaped "\&amp;" stays "&amp;").
func unescape(v []byte) string {
	if !strings.ContainsAny(string(v), `\&`) {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			b.WriteByte(v[i+1])
			i++
			continue
		}
		if c == '&' {
			if r, n := entity(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// entity reads a character reference at the start of v ("&amp;",
// "&#233;", "&#xE9;") and returns its text and length; 0 when none.
func entity(v []byte) (string, int) {
	end := bytes.IndexByte(v, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	name := string(v[1:end])
	if name[0] == '#' {
		base, digits := 10, name[1:]
		if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
			base, digits = 16, digits[1:]
		}
		if digits == "" || len(digits) > 7 {
			return "", 0
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}
