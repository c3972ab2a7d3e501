package docx

import (
	"strconv"
	"strings"
)

// Fonts and indents of styles.xml. Sizes are in half-points, indents in
// twips; indentStep (1 cm) is the hanging indent of leden and onderdelen.
const (
	font       = "Calibri"
	indentStep = 567
)

// stylesXML returns word/styles.xml: Normal with the language in the run
// defaults, the built-in Title, heading, header, footer, caption and table
// styles, and the styles for leden, onderdelen, definitions and lists.
func stylesXML(lang string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(docDefaults(lang))
	b.WriteString(defaultStyles)
	b.WriteString(paraStyle("Title", "Title", "Normal", `<w:spacing w:after="360"/>`, `<w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/>`))
	for level := 1; level <= maxHeading; level++ {
		b.WriteString(headingStyleXML(level))
	}
	b.WriteString(hangingStyle("Lid", "Lid", 1))
	b.WriteString(hangingStyle("Onderdeel", "Onderdeel", 2))
	b.WriteString(hangingStyle("Subonderdeel", "Subonderdeel", 3))
	b.WriteString(hangingStyle("Subsubonderdeel", "Subsubonderdeel", 4))
	b.WriteString(hangingStyle("Opsomming", "Opsomming", 1))
	b.WriteString(paraStyle("Begrip", "Begrip", "Begrip", `<w:spacing w:after="60"/><w:ind w:left="`+strconv.Itoa(indentStep)+`"/>`, ""))
	b.WriteString(paraStyle("Caption", "caption", "Normal", `<w:keepNext/><w:spacing w:before="120" w:after="60"/>`, `<w:i/><w:iCs/><w:sz w:val="20"/><w:szCs w:val="20"/>`))
	b.WriteString(paraStyle("Header", "header", "Header", `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr><w:spacing w:after="0"/>`, `<w:sz w:val="18"/><w:szCs w:val="18"/>`))
	b.WriteString(paraStyle("Footer", "footer", "Footer", `<w:spacing w:after="0"/>`, `<w:sz w:val="18"/><w:szCs w:val="18"/>`))
	b.WriteString(tocStyles())
	b.WriteString(tableGrid)
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}

// docDefaults sets the font, size and language every style inherits.
func docDefaults(lang string) string {
	return `<w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:eastAsia="` + font + `" w:cs="` + font + `"/>` +
		`<w:sz w:val="22"/><w:szCs w:val="22"/>` +
		`<w:lang w:val="` + escape(lang) + `" w:eastAsia="` + escape(lang) + `" w:bidi="ar-SA"/>` +
		`</w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
		`</w:docDefaults>`
}

// tocStyles returns the heading of the table of contents, which is no
// heading itself (outline level 9 is body text), and the built-in styles
// "toc 1"–"toc 3" that Word gives the entries when it updates the field.
func tocStyles() string {
	s := paraStyle("TOCHeading", "TOC Heading", "Normal", `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="9"/>`, `<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>`)
	for level := 1; level <= 3; level++ {
		n := strconv.Itoa(level)
		s += paraStyle("TOC"+n, "toc "+n, "Normal", `<w:spacing w:after="60"/><w:ind w:left="`+strconv.Itoa((level-1)*220)+`"/>`, "")
	}
	return s
}

// defaultStyles are Normal and the default character, table and
// numbering styles Word expects.
const defaultStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`

// tableGrid is the built-in Table Grid style: single borders, no spacing
// after cell paragraphs.
var tableGrid = `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
	`<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>` +
	`<w:tblPr><w:tblBorders>` + border("top") + border("left") + border("bottom") + border("right") + border("insideH") + border("insideV") + `</w:tblBorders></w:tblPr></w:style>`

func border(side string) string {
	return `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="auto"/>`
}

// paraStyle returns a paragraph style based on Normal.
func paraStyle(id, name, next, pPr, rPr string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` +
		`<w:basedOn w:val="Normal"/><w:next w:val="` + next + `"/><w:qFormat/>`
	if pPr != "" {
		s += "<w:pPr>" + pPr + "</w:pPr>"
	}
	if rPr != "" {
		s += "<w:rPr>" + rPr + "</w:rPr>"
	}
	return s + "</w:style>"
}

// headingStyleXML returns the built-in style "heading N" with outline
// level N-1, so that the navigation pane and a table of contents see it.
func headingStyleXML(level int) string {
	sizes := [maxHeading + 1]int{0, 28, 24, 22, 22, 22, 22}
	rPr := `<w:b/><w:bCs/>`
	if level >= 4 {
		rPr += `<w:i/><w:iCs/>`
	}
	sz := strconv.Itoa(sizes[level])
	rPr += `<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/>`
	before := strconv.Itoa(max(360-60*level, 120))
	pPr := `<w:keepNext/><w:keepLines/><w:spacing w:before="` + before + `" w:after="120"/>` +
		`<w:outlineLvl w:val="` + strconv.Itoa(level-1) + `"/>`
	return paraStyle(headingStyle(level), "heading "+strconv.Itoa(level), "Normal", pPr, rPr)
}

// hangingStyle returns a style whose first line starts at indent step
// depth-1 with the number typed before a tab, and whose text lines up at
// indent step depth. Items below the first level are spaced closer.
func hangingStyle(id, name string, depth int) string {
	left := strconv.Itoa(depth * indentStep)
	pPr := `<w:tabs><w:tab w:val="left" w:pos="` + left + `"/></w:tabs>`
	if depth > 1 {
		pPr += `<w:spacing w:after="60"/>`
	}
	pPr += `<w:ind w:left="` + left + `" w:hanging="` + strconv.Itoa(indentStep) + `"/>`
	return paraStyle(id, name, id, pPr, "")
}
