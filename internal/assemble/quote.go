package assemble

import (
	"verordening/internal/document"
)

// A QuoteLine is one line of a quoted text: an article given in full in a
// wijzigingsverordening ("Na artikel 12 wordt een paragraaf ingevoegd,
// luidende: …").
type QuoteLine = document.QuoteLine

// QuoteArticle gives an article as it will read: its heading and leden.
func QuoteArticle(a *document.Article) []QuoteLine {
	out := []QuoteLine{{Heading: true, Text: a.Heading()}}
	for _, l := range a.Leden {
		out = append(out, QuoteLid(l)...)
	}
	return out
}

func QuoteLid(l *document.Lid) []QuoteLine {
	out := []QuoteLine{{Marker: l.Number, Text: l.Text}}
	var walk func(items []*document.Item, depth int)
	walk = func(items []*document.Item, depth int) {
		for _, it := range items {
			out = append(out, QuoteLine{Marker: it.Marker, Depth: depth, Text: it.Text})
			walk(it.Items, depth+1)
		}
	}
	walk(l.Items, 1)
	for _, b := range l.Blocks {
		if t, ok := b.(*document.Table); ok {
			out = append(out, QuoteLine{Table: t})
		}
	}
	return out
}

// QuoteBlocks renders quoted lines as blocks. With blockquotes (Markdown
// and HTML), they form one document.Quote, laid out as the verordening
// itself; without (Word), each line is a paragraph and the heading is
// bold.
func QuoteBlocks(lines []QuoteLine, blockquotes bool) []document.Block {
	if blockquotes {
		return []document.Block{&document.Quote{Lines: lines}}
	}
	var out []document.Block
	for _, l := range lines {
		switch {
		case l.Table != nil:
			out = append(out, l.Table)
		case l.Heading:
			out = append(out, &document.Paragraph{Text: document.Text{&document.Emph{Strong: true, Body: l.Text}}})
		case l.Depth == 0 && l.Marker != "":
			out = append(out, &document.Paragraph{Text: prefixed(l.Marker+". ", l.Text)})
		case l.Marker != "" && l.Marker != "-":
			out = append(out, &document.Paragraph{Text: prefixed(l.Marker+" ", l.Text)})
		default:
			out = append(out, &document.Paragraph{Text: l.Text})
		}
	}
	return out
}

// prefixed is t with plain text p before it.
func prefixed(p string, t document.Text) document.Text {
	return append(document.Text{document.Str(p)}, t...)
}
