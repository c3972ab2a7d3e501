package docx

import (
	"strconv"
	"strings"

	"verordening/internal/document"
)

// Page layout in twips (1/1440 inch): A4 with margins of 2.5 cm.
const (
	pageWidth  = 11906
	pageHeight = 16838
	margin     = 1418
	textWidth  = pageWidth - 2*margin
)

// maxHeading is the deepest heading style in styles.xml.
const maxHeading = 6

// body builds word/document.xml.
type body struct{ strings.Builder }

// A para is one paragraph to write.
type para struct {
	style     string // style id; empty for Normal
	marker    string // lid number or onderdeel letter, typed before a tab
	runs      []run
	pageBreak bool // start on a new page
}

func documentXML(d *document.Document) []byte {
	var b body
	b.Grow(64 << 10)
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	b.para(para{style: "Title", runs: inline(d.Title)})
	b.blocks(d.Intro, 0)
	for _, c := range d.Chapters {
		b.chapter(c)
	}
	b.blocks(d.Closing, 0)
	b.notes(d)
	b.sectPr(false)
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

// chapter writes a chapter heading, when the chapter has one, and its
// articles one level below it.
func (b *body) chapter(c *document.Chapter) {
	level := 1
	switch {
	case c.Number != "":
		b.heading(1, chapterHeading(c))
		level = 2
	case !c.Title.IsEmpty():
		b.heading(1, c.Title)
		level = 2
	}
	for _, a := range c.Articles {
		b.heading(level, a.Heading())
		for _, l := range a.Leden {
			b.lid(l, level)
		}
	}
}

// chapterHeading returns "Hoofdstuk 2. Aanvraag", or "Hoofdstuk 2".
func chapterHeading(c *document.Chapter) document.Text {
	if c.Title.IsEmpty() {
		return document.Plain("Hoofdstuk " + c.Number)
	}
	return c.Heading()
}

// lid writes a lid, its onderdelen and its blocks. level is the level of
// the article heading.
func (b *body) lid(l *document.Lid, level int) {
	switch {
	case l.Number != "":
		b.para(para{style: "Lid", marker: l.Number + ".", runs: inline(l.Text)})
	case !l.Text.IsEmpty():
		b.para(para{runs: inline(l.Text)})
	}
	b.items(l.Items, 1)
	b.blocks(l.Blocks, level)
}

// items writes onderdelen at the given depth (1 for onderdelen, 2 for
// sub-onderdelen, …) with their sub-items after each.
func (b *body) items(items []*document.Item, depth int) {
	for _, it := range items {
		b.para(itemPara(it, depth))
		b.items(it.Items, depth+1)
	}
}

func itemPara(it *document.Item, depth int) para {
	switch it.Marker {
	case "":
		return para{style: "Begrip", runs: inline(it.Text)}
	case "-":
		return para{style: itemStyle(depth), marker: "•", runs: inline(it.Text)}
	}
	return para{style: itemStyle(depth), marker: it.Marker, runs: inline(it.Text)}
}

// itemStyle returns the style of an item at depth 1, 2 or 3 and deeper.
func itemStyle(depth int) string {
	switch depth {
	case 1:
		return "Onderdeel"
	case 2:
		return "Subonderdeel"
	}
	return "Subsubonderdeel"
}

// blocks writes a block sequence whose enclosing heading has the given
// level (0 for the document title).
func (b *body) blocks(blocks []document.Block, level int) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *document.Paragraph:
			b.para(para{runs: inline(bl.Text)})
		case *document.Heading:
			b.heading(level+max(bl.Level, 1), bl.Text)
		case *document.List:
			b.list(bl)
		case *document.Table:
			b.table(bl)
		case *document.Quote:
			b.quote(bl)
		}
	}
}

// quote writes quoted articles as the regulation lays them out, their
// numbers and letters typed: they are the numbers of the text quoted.
func (b *body) quote(q *document.Quote) {
	for _, l := range q.Lines {
		switch {
		case l.Table != nil:
			b.table(l.Table)
		case l.Heading:
			b.para(para{runs: inlineAs(l.Text, format{bold: true})})
		case l.Depth == 0 && l.Marker != "":
			b.para(para{style: "Lid", marker: l.Marker + ".", runs: inline(l.Text)})
		case l.Depth == 0:
			b.para(para{runs: inline(l.Text)})
		case l.Marker == "-":
			b.para(para{style: itemStyle(l.Depth), marker: "•", runs: inline(l.Text)})
		default:
			b.para(para{style: itemStyle(l.Depth), marker: l.Marker, runs: inline(l.Text)})
		}
	}
}

// heading writes a heading paragraph; an empty heading is left out.
func (b *body) heading(level int, text document.Text) {
	if text.IsEmpty() {
		return
	}
	b.para(para{style: headingStyle(level), runs: inline(text)})
}

func headingStyle(level int) string {
	return "Heading" + strconv.Itoa(min(max(level, 1), maxHeading))
}

// list writes a list with its bullets or numbers typed as text.
func (b *body) list(l *document.List) {
	for i, it := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = strconv.Itoa(i+1) + "."
		}
		b.para(para{style: "Opsomming", marker: marker, runs: inline(it)})
	}
}

// notes writes the toelichting on a new page: "Algemeen" with the general
// part, then "Artikelsgewijs" with the notes of the articles that have one.
func (b *body) notes(d *document.Document) {
	n := d.Notes
	if n == nil {
		return
	}
	title := n.Title
	if title.IsEmpty() {
		title = document.Plain("Toelichting")
	}
	b.para(para{style: headingStyle(1), runs: inline(title), pageBreak: true})
	if len(n.General) > 0 {
		// Same outline as the Markdown and HTML: Algemeen, then
		// Artikelsgewijs, each one level below the toelichting.
		b.heading(2, document.Plain("Algemeen"))
		b.blocks(n.General, 2)
	}
	var noted []*document.Article
	for _, a := range d.Articles() {
		if len(a.Note) > 0 {
			noted = append(noted, a)
		}
	}
	if len(noted) == 0 {
		return
	}
	b.heading(2, document.Plain("Artikelsgewijs"))
	for _, a := range noted {
		b.heading(3, a.Heading())
		b.blocks(a.Note, 3)
	}
}

// para writes one paragraph.
func (b *body) para(p para) {
	b.WriteString("<w:p>")
	if p.style != "" || p.pageBreak {
		b.WriteString("<w:pPr>")
		if p.style != "" {
			b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
		}
		if p.pageBreak {
			b.WriteString("<w:pageBreakBefore/>")
		}
		b.WriteString("</w:pPr>")
	}
	if p.marker != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">`)
		writeEscaped(&b.Builder, p.marker)
		b.WriteString(`</w:t><w:tab/></w:r>`)
	}
	writeRuns(&b.Builder, p.runs)
	b.WriteString("</w:p>")
}

// sectPr writes the section properties: A4, portrait or landscape,
// margins, header and footer.
func (b *body) sectPr(landscape bool) {
	pgSz := `<w:pgSz w:w="` + strconv.Itoa(pageWidth) + `" w:h="` + strconv.Itoa(pageHeight) + `"/>`
	if landscape {
		pgSz = `<w:pgSz w:w="` + strconv.Itoa(pageHeight) + `" w:h="` + strconv.Itoa(pageWidth) + `" w:orient="landscape"/>`
	}
	b.WriteString(`<w:sectPr>` +
		`<w:headerReference w:type="default" r:id="rIdHeader1"/>` +
		`<w:footerReference w:type="default" r:id="rIdFooter1"/>` + pgSz +
		`<w:pgMar w:top="` + strconv.Itoa(margin) + `" w:right="` + strconv.Itoa(margin) +
		`" w:bottom="` + strconv.Itoa(margin) + `" w:left="` + strconv.Itoa(margin) +
		`" w:header="709" w:footer="709" w:gutter="0"/>` +
		`<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>`)
}
