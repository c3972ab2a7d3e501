package assemble

import (
	"strings"

	"verordening/internal/document"
)

// While clauses run and articles are numbered, text is Markdown
// (document.Source): the assembler splits it into leden and onderdelen,
// punctuates and sorts it as text. finish then parses every text once
// into typed nodes, turning resolved references into document.Ref nodes,
// so that what leaves the assembler holds no Markdown.

// src wraps Markdown as a text still to be parsed.
func src(md string) document.Text {
	if md == "" {
		return nil
	}
	return document.Text{document.Source(md)}
}

// srcs wraps each Markdown string.
func srcs(mds ...string) []document.Text {
	out := make([]document.Text, len(mds))
	for i, s := range mds {
		out[i] = src(s)
	}
	return out
}

// md returns a text as Markdown: its source while assembling, or the
// Markdown of a text already parsed.
func md(t document.Text) string {
	if len(t) == 1 {
		if s, ok := t[0].(document.Source); ok {
			return string(s)
		}
	}
	return t.Markdown()
}

// textOf returns a text for searching its words: the Markdown while
// assembling, the plain text once parsed.
func textOf(t document.Text) string {
	if len(t) == 1 {
		if s, ok := t[0].(document.Source); ok {
			return string(s)
		}
	}
	return t.Plain()
}

// texts returns textOf of each text.
func texts(ts []document.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = textOf(t)
	}
	return out
}

// A resolved reference stays in the Markdown as a marker until finish
// parses the text: resolvedOpen, then the target's document kind, clause
// id, lid label, onderdeel label and article number and the wording,
// separated by refSep, then refClose. Like the other markers these are
// control characters no answer can hold.
const resolvedOpen = "\x1c"

func resolvedRef(kind string, r ref, number, wording string) string {
	return resolvedOpen + strings.Join([]string{kind, r.target, r.lid, r.item, number, wording}, refSep) + refClose
}

// typed parses Markdown, references included, once per cache: the
// gemeenten of a region share most of their text word for word. The
// cache's texts are shared, so nothing may change a Text after finish.
func (c *Cache) typed(md string) document.Text {
	if c != nil {
		if t, ok := c.parsed.Get(md); ok {
			return t
		}
	}
	t := withRefs(document.ParseMarkdown(md))
	if c != nil {
		c.parsed.Put(md, t)
	}
	return t
}

// withRefs turns the markers of resolved references in t into Ref nodes.
func withRefs(t document.Text) document.Text {
	var out document.Text
	changed := false
	for _, n := range t {
		switch n := n.(type) {
		case document.Str:
			if strings.Contains(string(n), resolvedOpen) {
				out = splitRefs(out, string(n))
				changed = true
				continue
			}
		case *document.Emph:
			if b := withRefs(n.Body); !sameSlice(b, n.Body) {
				out = append(out, &document.Emph{Strong: n.Strong, Body: b})
				changed = true
				continue
			}
		case *document.Link:
			if b := withRefs(n.Body); !sameSlice(b, n.Body) {
				out = append(out, &document.Link{Dest: n.Dest, Body: b})
				changed = true
				continue
			}
		}
		out = append(out, n)
	}
	if !changed {
		return t
	}
	return out
}

func sameSlice(a, b document.Text) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// splitRefs appends s with each resolved reference as a Ref node.
func splitRefs(out document.Text, s string) document.Text {
	for {
		i := strings.Index(s, resolvedOpen)
		j := -1
		if i >= 0 {
			j = strings.Index(s[i:], refClose)
		}
		if j < 0 {
			if s != "" {
				out = append(out, document.Str(s))
			}
			return out
		}
		if i > 0 {
			out = append(out, document.Str(s[:i]))
		}
		f := strings.Split(s[i+1:i+j], refSep)
		out = append(out, &document.Ref{Doc: document.Kind(f[0]), ID: f[1], Lid: f[2], Onderdeel: f[3], Article: f[4], Body: document.Plain(f[5])})
		s = s[i+j+1:]
	}
}

// finish parses every text of d that is still Markdown, through the cache.
func (c *Cache) finish(d *document.Document) *document.Document {
	if d == nil {
		return nil
	}
	d.Title = c.finishText(d.Title)
	c.finishBlocks(d.Intro)
	for _, ch := range d.Chapters {
		ch.Title = c.finishText(ch.Title)
		for _, a := range ch.Articles {
			a.Title = c.finishText(a.Title)
			for _, l := range a.Leden {
				l.Text = c.finishText(l.Text)
				c.finishItems(l.Items)
				c.finishBlocks(l.Blocks)
			}
			c.finishBlocks(a.Note)
		}
	}
	c.finishBlocks(d.Closing)
	if d.Notes != nil {
		d.Notes.Title = c.finishText(d.Notes.Title)
		c.finishBlocks(d.Notes.General)
	}
	return d
}

// finishText parses a text that is, or holds, Markdown; a text built
// around Markdown ("**" around a heading) is parsed as its whole Markdown.
func (c *Cache) finishText(t document.Text) document.Text {
	if len(t) == 1 {
		if s, ok := t[0].(document.Source); ok {
			return c.typed(string(s))
		}
	}
	if hasSource(t) {
		return c.typed(t.Markdown())
	}
	return t
}

func hasSource(t document.Text) bool {
	found := false
	t.Walk(func(n document.Inline) {
		if _, ok := n.(document.Source); ok {
			found = true
		}
	})
	return found
}

func (c *Cache) finishItems(items []*document.Item) {
	for _, it := range items {
		it.Text = c.finishText(it.Text)
		c.finishItems(it.Items)
	}
}

func (c *Cache) finishBlocks(blocks []document.Block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			b.Text = c.finishText(b.Text)
		case *document.Heading:
			b.Text = c.finishText(b.Text)
		case *document.List:
			for i := range b.Items {
				b.Items[i] = c.finishText(b.Items[i])
			}
		case *document.Quote:
			for i := range b.Lines {
				l := &b.Lines[i]
				l.Text = c.finishText(l.Text)
				if l.Table != nil {
					c.finishBlocks([]document.Block{l.Table})
				}
			}
		case *document.Table:
			b.Caption = c.finishText(b.Caption)
			for i := range b.Header {
				b.Header[i] = c.finishText(b.Header[i])
			}
			for _, row := range b.Rows {
				for i := range row {
					row[i] = c.finishText(row[i])
				}
			}
		}
	}
}
