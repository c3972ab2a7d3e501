package assemble

import (
	"strings"

	"verordening/internal/document"
)

// A QuoteLine is one line of a quoted text: an article given in full in a
// wijzigingsverordening ("Na artikel 12 wordt een paragraaf ingevoegd,
// luidende: …").
type QuoteLine struct {
	Heading bool
	Marker  string // lid number ("1") or onderdeel marker ("a.", "1°.")
	Depth   int    // 0 for a lid, 1 for an onderdeel, 2 for a sub-onderdeel
	Text    string
	Table   *document.Table
}

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
// and HTML), they form one Markdown block quote, laid out as the
// verordening itself; without (Word, which has no block quote in the
// document model), each line is a paragraph and the heading is bold.
func QuoteBlocks(lines []QuoteLine, blockquotes bool) []document.Block {
	if !blockquotes {
		var out []document.Block
		for _, l := range lines {
			switch {
			case l.Table != nil:
				out = append(out, l.Table)
			case l.Heading:
				out = append(out, &document.Paragraph{Text: "**" + l.Text + "**"})
			case l.Depth == 0 && l.Marker != "":
				out = append(out, &document.Paragraph{Text: l.Marker + `\. ` + l.Text})
			case l.Marker != "" && l.Marker != "-":
				out = append(out, &document.Paragraph{Text: l.Marker + " " + l.Text})
			default:
				out = append(out, &document.Paragraph{Text: l.Text})
			}
		}
		return out
	}
	var b strings.Builder
	inList := false
	for i, l := range lines {
		if i > 0 {
			if l.Depth == 0 || !inList {
				b.WriteString("\n>\n")
			} else {
				b.WriteString("\n")
			}
		}
		inList = false
		switch {
		case l.Table != nil:
			b.WriteString(tableQuote(l.Table))
		case l.Heading:
			b.WriteString("> **" + l.Text + "**")
		case l.Depth == 0 && l.Marker != "":
			b.WriteString("> " + l.Marker + `\. ` + l.Text)
		case l.Depth == 0:
			b.WriteString("> " + l.Text)
		default:
			text := l.Text
			if l.Marker != "" && l.Marker != "-" {
				text = l.Marker + " " + text
			}
			b.WriteString("> " + strings.Repeat("  ", l.Depth-1) + "- " + text)
			inList = true
		}
		if l.Depth > 0 {
			inList = true
		}
	}
	return []document.Block{&document.Paragraph{Text: b.String()}}
}

func tableQuote(t *document.Table) string {
	row := func(cells []string) string { return "> | " + strings.Join(cells, " | ") + " |" }
	lines := []string{row(t.Header)}
	rule := make([]string, len(t.Header))
	for i := range rule {
		rule[i] = "---"
	}
	lines = append(lines, row(rule))
	for _, r := range t.Rows {
		lines = append(lines, row(r))
	}
	return strings.Join(lines, "\n")
}
