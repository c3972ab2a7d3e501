package document

import "strings"

// Text is inline content: a sequence of typed nodes, parsed once from the
// clause Markdown when the document is assembled (see ParseMarkdown).
// Renderers walk it; none of them parses text.
type Text []Inline

// An Inline is one node of a Text: Str, Emph, Code, Link, Placeholder,
// Ref or Source.
type Inline interface{ inline() }

// A Str is plain text, without escapes or markup.
type Str string

// Emph is emphasis: italic, or bold when Strong is set.
type Emph struct {
	Strong bool
	Body   Text
}

// Code is a code span: text a renderer shows in a fixed style, never with
// its backticks.
type Code string

// A Link is a hyperlink to Dest with Body as its text.
type Link struct {
	Dest string
	Body Text
}

// A Placeholder is a gap the gemeente still has to fill in, such as
// "[datum]"; the brackets are part of it.
type Placeholder string

// A Ref is a reference to an article, a lid or an onderdeel, by the id of
// the clause it came from. Body is its wording ("artikel 5, tweede lid"),
// computed by the assembler from the numbers in the model.
//
// A reference to several articles ("de artikelen 8 en 20") has their ids
// joined by commas and no Article.
type Ref struct {
	Doc       Kind   // the document the target is in; empty for this one
	ID        string // the target article's clause id
	Lid       string // the label of the lid referred to, or ""
	Onderdeel string // the label of the onderdeel referred to, or ""
	Article   string // the target article's number, for links
	Body      Text
}

// Source is inline Markdown not yet parsed. It exists only while a
// document is being assembled; an assembled document holds none.
type Source string

func (Str) inline()         {}
func (*Emph) inline()       {}
func (Code) inline()        {}
func (*Link) inline()       {}
func (Placeholder) inline() {}
func (*Ref) inline()        {}
func (Source) inline()      {}

// Plain makes a Text of plain text s (nil for "").
func Plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{Str(s)}
}

// Plain returns the text without markup, as a reader sees it.
func (t Text) Plain() string {
	if len(t) == 1 {
		if s, ok := t[0].(Str); ok {
			return string(s)
		}
	}
	var b strings.Builder
	t.writePlain(&b)
	return b.String()
}

func (t Text) writePlain(b *strings.Builder) {
	for _, n := range t {
		switch n := n.(type) {
		case Str:
			b.WriteString(string(n))
		case *Emph:
			n.Body.writePlain(b)
		case Code:
			b.WriteString(string(n))
		case *Link:
			n.Body.writePlain(b)
		case Placeholder:
			b.WriteString(string(n))
		case *Ref:
			n.Body.writePlain(b)
		case Source:
			b.WriteString(string(n))
		}
	}
}

// IsEmpty reports whether t holds no text.
func (t Text) IsEmpty() bool {
	for _, n := range t {
		switch n := n.(type) {
		case Str:
			if n != "" {
				return false
			}
		case Source:
			if n != "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Walk calls f for every node of t, depth first, entering the bodies of
// emphasis, links and references after their node.
func (t Text) Walk(f func(Inline)) {
	for _, n := range t {
		f(n)
		switch n := n.(type) {
		case *Emph:
			n.Body.Walk(f)
		case *Link:
			n.Body.Walk(f)
		case *Ref:
			n.Body.Walk(f)
		}
	}
}

// Equal reports whether two texts are the same, node for node.
func (t Text) Equal(u Text) bool {
	if len(t) != len(u) {
		return false
	}
	for i := range t {
		if !inlineEqual(t[i], u[i]) {
			return false
		}
	}
	return true
}

func inlineEqual(a, b Inline) bool {
	switch a := a.(type) {
	case *Emph:
		b, ok := b.(*Emph)
		return ok && a.Strong == b.Strong && a.Body.Equal(b.Body)
	case *Link:
		b, ok := b.(*Link)
		return ok && a.Dest == b.Dest && a.Body.Equal(b.Body)
	case *Ref:
		b, ok := b.(*Ref)
		return ok && a.Doc == b.Doc && a.ID == b.ID && a.Lid == b.Lid && a.Onderdeel == b.Onderdeel && a.Article == b.Article && a.Body.Equal(b.Body)
	}
	return a == b
}

// join merges adjacent Str nodes.
func (t Text) join() Text {
	var out Text
	for _, n := range t {
		if s, ok := n.(Str); ok {
			out = out.add(s)
			continue
		}
		out = append(out, n)
	}
	return out
}
