package document

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"verordening/internal/format"
)

// Placeholders ("[datum]", see format.PlaceholderEnd) are highlighted in
// HTML as <mark class="plaatshouder">. goldmark has no such syntax, so a
// small inline parser claims the "[" before the link parser does; a
// real link ("[tekst](doel)") is never a placeholder and still goes to
// the link parser.

// kindPlaceholder is the AST node kind of a placeholder.
var kindPlaceholder = gast.NewNodeKind("Plaatshouder")

// placeholderNode holds the placeholder's text, brackets included, as a
// Text child.
type placeholderNode struct{ gast.BaseInline }

func (n *placeholderNode) Kind() gast.NodeKind { return kindPlaceholder }

func (n *placeholderNode) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, nil, nil)
}

type placeholderParser struct{}

func (placeholderParser) Trigger() []byte { return []byte{'['} }

func (placeholderParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	end := format.PlaceholderEnd(string(line), 0)
	if end < 0 {
		return nil
	}
	// A "!" or "]" just before the "[" makes it an image or a second
	// label, not a placeholder.
	if prev := block.PrecendingCharacter(); prev == '!' || prev == ']' {
		return nil
	}
	n := &placeholderNode{}
	// The brackets are text; the escapes inside are resolved as in any text.
	n.AppendChild(n, gast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+1)))
	inner := gast.NewTextSegment(text.NewSegment(seg.Start+1, seg.Start+end-1))
	n.AppendChild(n, inner)
	n.AppendChild(n, gast.NewTextSegment(text.NewSegment(seg.Start+end-1, seg.Start+end)))
	block.Advance(end)
	return n
}

type placeholderRenderer struct{}

func (placeholderRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPlaceholder, func(w util.BufWriter, source []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<mark class="plaatshouder">`)
		} else {
			_, _ = w.WriteString("</mark>")
		}
		return gast.WalkContinue, nil
	})
}

// placeholderExt adds the parser and renderer to goldmark.
type placeholderExt struct{}

func (placeholderExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(placeholderParser{}, 199)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(placeholderRenderer{}, 500)))
}
