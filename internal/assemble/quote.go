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

// QuoteBlocks renders quoted lines as one document.Quote, laid out as the
// verordening itself, in every format.
func QuoteBlocks(lines []QuoteLine) []document.Block {
	return []document.Block{&document.Quote{Lines: lines}}
}
