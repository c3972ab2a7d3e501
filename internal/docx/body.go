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

// body builds word/document.xml and collects the lists it numbers.
type body struct {
	strings.Builder
	drop bool // Options.DROP
	num  numbering
	art  articleList
}

// A para is one paragraph to write.
type para struct {
	style     string // style id; empty for Normal
	marker    string // a number typed before a tab, where Word cannot number
	numID     int    // the list instance that numbers it, or 0
	ilvl      int    // its level in that list
	runs      []run
	keepNext  bool // keep on one page with the next paragraph
	before    int  // space before in twips, or 0 for the style's
	pageBreak bool // start on a new page
}

// document writes the body of d.
func (b *body) document(d *document.Document) {
	b.Grow(64 << 10)
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	b.para(para{style: "Title", runs: inline(d.Title)})
	if !b.drop && hasNumberedArticles(d) {
		b.toc()
	}
	b.blocks(d.Intro, 0)
	for _, c := range d.Chapters {
		b.chapter(c)
	}
	b.blocks(d.Closing, 0)
	b.notes(d)
	b.sectPr(false)
	b.WriteString(`</w:body></w:document>`)
}

// hasNumberedArticles reports whether d is a regulation, with articles,
// rather than a document of sections: only a regulation gets a table of
// contents.
func hasNumberedArticles(d *document.Document) bool {
	for _, a := range d.Articles() {
		if a.Number != "" {
			return true
		}
	}
	return false
}

// tocText is the table of contents until Word updates the field.
const tocText = "Klik met de rechtermuisknop en kies Veld bijwerken om de inhoudsopgave te maken."

// toc writes the heading "Inhoud" and a TOC field of heading levels 1–3,
// with hyperlinks and without page numbers in web view. The field is
// marked dirty and settings.xml asks Word to update fields on opening.
func (b *body) toc() {
	b.para(para{style: "TOCHeading", runs: []run{{text: "Inhoud"}}})
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>` +
		`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>` + tocText + `</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
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
		b.art = articleList{}
		b.articleHeading(level, a)
		b.leden(a.Leden, level)
	}
}

// articleHeading writes the heading of an article at the given level. For
// DROP a numbered article's heading is bold body text, as the template OP
// Stijl Compleet Besluit wants (only the opschrift and the chapter and
// paragraph headings are Titel, Kop 1 and Kop 2); for editing it is a
// heading, so that Word's navigation pane and table of contents show the
// articles.
func (b *body) articleHeading(level int, a *document.Article) {
	if b.drop && a.Number != "" {
		b.para(para{runs: inlineAs(a.Heading(), format{bold: true}), keepNext: true, before: 240})
		return
	}
	b.heading(level, a.Heading())
}

// chapterHeading returns "Hoofdstuk 2. Aanvraag", or "Hoofdstuk 2".
func chapterHeading(c *document.Chapter) document.Text {
	if c.Title.IsEmpty() {
		return document.Plain("Hoofdstuk " + c.Number)
	}
	return c.Heading()
}

// leden writes the leden of an article; its numbered leden are one list.
// level is the level of the article heading.
func (b *body) leden(leden []*document.Lid, level int) {
	var markers []string
	for _, l := range leden {
		if l.Number != "" && !l.IsChange() {
			markers = append(markers, l.Number+".")
		}
	}
	// An unnumbered lid among them is the opening sentence of a
	// wijzigingsartikel ("… wordt als volgt gewijzigd:").
	numID := b.legal(0, markers)
	for _, l := range leden {
		b.lid(l, numID, level)
	}
}

// lid writes a lid, its onderdelen and its blocks.
func (b *body) lid(l *document.Lid, numID, level int) {
	switch {
	case l.IsChange():
		// The letter on a line of its own, kept with the text below it.
		b.para(para{runs: inline(document.Plain(l.Number)), keepNext: true})
		b.para(para{runs: inline(l.Text)})
	case l.Number != "":
		p := para{style: "Lid", numID: numID, runs: inline(l.Text)}
		if numID == 0 {
			p.marker = l.Number + "."
		}
		b.para(p)
	case !l.Text.IsEmpty():
		b.para(para{runs: inline(l.Text)})
	}
	b.items(l.Items, 1)
	b.blocks(l.Blocks, level)
}

// items writes onderdelen at the given depth (1 for onderdelen, 2 for
// sub-onderdelen, …) with their sub-items after each. The items are one
// list at level depth of the legal numbering, or of the bullets.
func (b *body) items(items []*document.Item, depth int) {
	numID := b.itemList(items, depth)
	for _, it := range items {
		b.para(itemPara(it, depth, numID))
		b.items(it.Items, depth+1)
	}
}

// itemList returns the list instance of sibling items, or 0 when their
// markers are typed: definitions (no marker), a mix of bullets and
// numbers, or numbers Word cannot show.
func (b *body) itemList(items []*document.Item, depth int) int {
	markers := make([]string, len(items))
	bullets := 0
	for i, it := range items {
		markers[i] = it.Marker
		switch it.Marker {
		case "":
			return 0
		case "-":
			bullets++
		}
	}
	switch bullets {
	case 0:
		return b.legal(depth, markers)
	case len(items):
		if depth < len(bulletText) {
			return bulletNum
		}
	}
	return 0
}

func itemPara(it *document.Item, depth, numID int) para {
	if it.Marker == "" {
		return para{style: "Begrip", runs: inline(it.Text)}
	}
	p := para{style: itemStyle(depth), numID: numID, ilvl: depth, runs: inline(it.Text)}
	switch {
	case numID != 0:
	case it.Marker == "-":
		p.marker = "•"
	default:
		p.marker = it.Marker
	}
	return p
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

// list writes a list as Word numbering: bullets, or a list instance of
// its own numbered from 1, as the model numbers it.
func (b *body) list(l *document.List) {
	numID := bulletNum
	if l.Ordered {
		numID = b.num.add(absLegal, 0, 1)
	}
	for _, it := range l.Items {
		b.para(para{style: "Opsomming", numID: numID, runs: inline(it)})
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
		b.articleHeading(3, a)
		b.blocks(a.Note, 3)
	}
}

// para writes one paragraph.
func (b *body) para(p para) {
	b.WriteString("<w:p>")
	if p.style != "" || p.pageBreak || p.keepNext || p.numID != 0 || p.before != 0 {
		b.WriteString("<w:pPr>")
		if p.style != "" {
			b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
		}
		if p.keepNext {
			b.WriteString("<w:keepNext/>")
		}
		if p.pageBreak {
			b.WriteString("<w:pageBreakBefore/>")
		}
		if p.numID != 0 {
			if p.numID == b.art.id {
				b.art.wrote(p.ilvl)
			}
			writeAll(&b.Builder, `<w:numPr><w:ilvl w:val="`, strconv.Itoa(p.ilvl), `"/><w:numId w:val="`, strconv.Itoa(p.numID), `"/></w:numPr>`)
		}
		if p.before != 0 {
			writeAll(&b.Builder, `<w:spacing w:before="`, strconv.Itoa(p.before), `"/>`)
		}
		b.WriteString("</w:pPr>")
	}
	if p.marker != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">`)
		writeEscaped(&b.Builder, p.marker)
		b.WriteString(`</w:t><w:tab/></w:r>`)
	}
	writeText(&b.Builder, p.runs)
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
