package docx

import (
	"strconv"

	"verordening/internal/document"
)

// table writes a table in the TableGrid style with its caption above it and
// its header row, in bold, repeated on every page.
func (b *body) table(t *document.Table) {
	if t.Caption != "" {
		b.para(para{style: "Caption", runs: inline(t.Caption)})
	}
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	width := strconv.Itoa(textWidth / cols)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>` +
		`</w:tblPr><w:tblGrid>`)
	for range cols {
		b.WriteString(`<w:gridCol w:w="` + width + `"/>`)
	}
	b.WriteString("</w:tblGrid>")
	if len(t.Header) > 0 {
		b.row(t.Header, cols, width, true)
	}
	for _, r := range t.Rows {
		b.row(r, cols, width, false)
	}
	b.WriteString("</w:tbl>")
}

// row writes one table row of cols cells, padding missing cells. A row
// is not split across pages.
func (b *body) row(cells []string, cols int, width string, header bool) {
	b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		b.WriteString("<w:tblHeader/>")
	}
	b.WriteString("</w:trPr>")
	for i := range cols {
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + width + `" w:type="dxa"/></w:tcPr><w:p>`)
		if i < len(cells) {
			writeRuns(&b.Builder, inlineAs(cells[i], format{bold: header}))
		}
		b.WriteString("</w:p></w:tc>")
	}
	b.WriteString("</w:tr>")
}
