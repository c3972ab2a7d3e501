package docx

import (
	"strconv"
	"unicode"

	"verordening/internal/document"
)

// Table layout, in twips. A table gets column widths from its content
// (see plan); one too wide for a portrait page gets a landscape section of
// its own, and one too wide for that is split into parts that each repeat
// the first column.
const (
	landscapeWidth = pageHeight - 2*margin // the text width of a landscape page
	fontSize       = 220                   // one em of the body font (11 pt)
	cellMarginX    = 108                   // padding left and right in a cell
	cellMarginY    = 28                    // padding above and below
	// cellSlack covers the cell borders and the word processor's rounding.
	cellSlack = 60
)

// A tableLayout is how one document.Table is written.
type tableLayout struct {
	landscape bool
	parts     []tablePart
}

// A tablePart is one table written: the model's columns it shows and their
// widths.
type tablePart struct {
	cols   []int
	widths []int
}

// table writes a table in the TableGrid style with its caption above it,
// in a landscape section of its own when it is too wide for a portrait
// page, and an empty paragraph after each part so the next text does not
// touch it.
func (b *body) table(t *document.Table) {
	cols := columnCount(t)
	if cols == 0 {
		return
	}
	l := plan(measure(t, cols))
	if l.landscape {
		b.sectionEnd(false)
	}
	if !t.Caption.IsEmpty() {
		b.para(para{style: "Caption", runs: inline(t.Caption)})
	}
	for i, p := range l.parts {
		b.tablePart(t, p)
		if l.landscape && i == len(l.parts)-1 {
			b.sectionEnd(true)
		} else {
			b.WriteString(`<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>`)
		}
	}
}

// sectionEnd writes an empty paragraph that ends a section: the section
// before it is laid out landscape or portrait.
func (b *body) sectionEnd(landscape bool) {
	b.WriteString(`<w:p><w:pPr><w:spacing w:after="0"/>`)
	b.sectPr(landscape)
	b.WriteString(`</w:pPr></w:p>`)
}

func columnCount(t *document.Table) int {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	return cols
}

// tablePart writes one table: fixed column widths, cell margins, the
// header row repeated on every page.
func (b *body) tablePart(t *document.Table, p tablePart) {
	total := 0
	for _, w := range p.widths {
		total += w
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblCellMar>` + cellMargin("top", cellMarginY) + cellMargin("left", cellMarginX) +
		cellMargin("bottom", cellMarginY) + cellMargin("right", cellMarginX) + `</w:tblCellMar>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>` +
		`</w:tblPr><w:tblGrid>`)
	for _, w := range p.widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString("</w:tblGrid>")
	if len(t.Header) > 0 {
		b.row(t.Header, p, true)
	}
	for _, r := range t.Rows {
		b.row(r, p, false)
	}
	b.WriteString("</w:tbl>")
}

func cellMargin(side string, w int) string {
	return `<w:` + side + ` w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`
}

// row writes the cells of one row that the part shows, padding missing
// cells. A row is not split across pages.
func (b *body) row(cells []document.Text, p tablePart, header bool) {
	b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		b.WriteString("<w:tblHeader/>")
	}
	b.WriteString("</w:trPr>")
	for i, c := range p.cols {
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(p.widths[i]) + `" w:type="dxa"/></w:tcPr><w:p>`)
		if c < len(cells) {
			writeRuns(&b.Builder, cellRuns(cells[c], header))
		}
		b.WriteString("</w:p></w:tc>")
	}
	b.WriteString("</w:tr>")
}

// cellRuns returns the runs of a cell, bold in the header row, with the
// non-breaking spaces of nbsp. It is the one place that reaches a cell's
// text, for writing and for measuring, so the widths allow for "€ 1.250"
// or "artikel 16" on one line.
func cellRuns(cell document.Text, header bool) []run {
	runs := inlineAs(cell, format{bold: header})
	for i := range runs {
		runs[i].text = nbsp(runs[i].text)
	}
	return runs
}

// A colSize is what the width model measures of one column, in twips of
// text without padding.
type colSize struct {
	word  int // the widest piece of text a line cannot break inside
	line  int // the widest cell set on one line
	total int // the text of all cells together
}

// least is the narrowest width of the column that breaks no word.
func (c colSize) least() int { return pad(c.word) }

// natural is the width of the column that sets every cell on one line.
func (c colSize) natural() int { return pad(c.line) }

// pad adds a margin of 2% for the word processor's rounding and kerning,
// the cell padding and the slack.
func pad(w int) int { return w + w/50 + 2*cellMarginX + cellSlack }

// measure measures every column of the table, the header included.
func measure(t *document.Table, cols int) []colSize {
	sizes := make([]colSize, cols)
	add := func(cells []document.Text, header bool) {
		for j, c := range cells {
			word, line := measureRuns(cellRuns(c, header))
			s := &sizes[j]
			s.word, s.line, s.total = max(s.word, word), max(s.line, line), s.total+line
		}
	}
	add(t.Header, true)
	for _, r := range t.Rows {
		add(r, false)
	}
	return sizes
}

// measureRuns returns the width of the widest unbreakable piece and of the
// whole text on one line, in twips. A line may break at a space and after
// a hyphen or a soft hyphen; a no-break space joins the words beside it.
func measureRuns(runs []run) (word, line int) {
	var piece, total int // in thousandths of an em
	for _, r := range runs {
		for _, c := range r.text {
			w := runeWidth(c, r.bold)
			total += w
			switch {
			case unicode.IsSpace(c) && c != '\u00a0':
				piece = 0
			case c == '-' || c == '\u00ad':
				word = max(word, piece+w)
				piece = 0
			default:
				piece += w
				word = max(word, piece)
			}
		}
	}
	return toTwips(word), toTwips(total)
}

// toTwips converts thousandths of an em of the body font to twips,
// rounding up.
func toTwips(w int) int { return (w*fontSize + 999) / 1000 }

// runeWidth is the advance width of c in thousandths of an em. A character
// the tables lack counts as wide as an "M".
func runeWidth(c rune, bold bool) int {
	if c == '\u00a0' {
		c = ' '
	}
	if c == '\u00ad' {
		return 0
	}
	table := regularWidths[:]
	if bold {
		table = boldWidths[:]
	}
	if i := int(c) - latinFirst; i >= 0 && i < len(table) && table[i] != 0 {
		return int(table[i])
	}
	if w, ok := extraWidths[c]; ok {
		if bold {
			return int(w[1])
		}
		return int(w[0])
	}
	return int(table['M'-latinFirst])
}

// plan chooses the layout of a table with the measured columns: portrait
// when every column fits there at its least width, else landscape when
// they fit there, else parts in landscape that each repeat the first
// column, as few as fit, with the other columns divided evenly in order.
func plan(sizes []colSize) tableLayout {
	all := make([]int, len(sizes))
	for j := range all {
		all[j] = j
	}
	switch {
	case fits(sizes, all, textWidth):
		return tableLayout{parts: []tablePart{layoutPart(sizes, all, textWidth)}}
	case fits(sizes, all, landscapeWidth) || len(sizes) < 3:
		// A table of one or two columns has nothing to split.
		return tableLayout{landscape: true, parts: []tablePart{layoutPart(sizes, all, landscapeWidth)}}
	}
	groups := split(sizes)
	l := tableLayout{landscape: true}
	for _, g := range groups {
		l.parts = append(l.parts, layoutPart(sizes, g, landscapeWidth))
	}
	return l
}

// split divides the columns after the first into the fewest even groups,
// in order, that each fit a landscape page beside the first column; each
// group starts with column 0. When no division fits, each group has one
// column beside the first.
func split(sizes []colSize) [][]int {
	rest := len(sizes) - 1
	for k := 2; k < rest; k++ {
		if groups := evenGroups(rest, k); allFit(sizes, groups) {
			return groups
		}
	}
	return evenGroups(rest, rest)
}

func allFit(sizes []colSize, groups [][]int) bool {
	for _, g := range groups {
		if !fits(sizes, g, landscapeWidth) {
			return false
		}
	}
	return true
}

// evenGroups divides columns 1..n into k groups in order, the first n%k
// groups one column larger, each group led by column 0.
func evenGroups(n, k int) [][]int {
	groups := make([][]int, k)
	next := 1
	for i := range k {
		size := n / k
		if i < n%k {
			size++
		}
		g := []int{0}
		for range size {
			g = append(g, next)
			next++
		}
		groups[i] = g
	}
	return groups
}

// fits reports whether the columns fit the width at their least widths.
func fits(sizes []colSize, cols []int, width int) bool {
	sum := 0
	for _, j := range cols {
		sum += sizes[j].least()
	}
	return sum <= width
}

// layoutPart gives the columns widths that fill the width in proportion
// to the text of each column. When every cell fits on one line each column
// is at least as wide as its widest cell; otherwise each column lies
// between its least width (no broken word) and its widest cell. When even
// the least widths do not fit, the least widths are scaled down.
func layoutPart(sizes []colSize, cols []int, width int) tablePart {
	n := len(cols)
	weight, lo, hi := make([]int, n), make([]int, n), make([]int, n)
	sumNatural, sumLeast := 0, 0
	for i, j := range cols {
		s := sizes[j]
		weight[i], lo[i], hi[i] = s.total+1, s.least(), s.natural()
		sumNatural, sumLeast = sumNatural+hi[i], sumLeast+lo[i]
	}
	switch {
	case sumNatural <= width:
		copy(lo, hi)
		for i := range hi {
			hi[i] = width
		}
	case sumLeast > width:
		copy(weight, lo)
		for i := range lo {
			lo[i], hi[i] = 0, width
		}
	}
	return tablePart{cols: cols, widths: share(width, weight, lo, hi)}
}

// share divides width among columns in proportion to weight, each column
// within [lo, hi]; the sum of lo is at most width. Columns whose share
// falls outside their bounds are fixed at the bound, the larger overshoot
// first, and the rest is shared again. Rounding is given to the last
// column, so the widths add up to width.
func share(width int, weight, lo, hi []int) []int {
	n := len(weight)
	out := make([]int, n)
	fixed := make([]bool, n)
	for {
		rest, sum := width, 0
		for i := range n {
			if fixed[i] {
				rest -= out[i]
			} else {
				sum += weight[i]
			}
		}
		if sum == 0 {
			break
		}
		for i := range n {
			if !fixed[i] {
				out[i] = rest * weight[i] / sum
			}
		}
		if !clamp(out, fixed, lo, hi) {
			break
		}
	}
	used := 0
	for _, w := range out {
		used += w
	}
	out[n-1] += width - used
	return out
}

// clamp fixes the columns that lie below lo or, when they overshoot more,
// those above hi, at that bound. It reports whether it fixed any.
func clamp(out []int, fixed []bool, lo, hi []int) bool {
	under, over := 0, 0
	for i, w := range out {
		if !fixed[i] {
			under += max(lo[i]-w, 0)
			over += max(w-hi[i], 0)
		}
	}
	if under == 0 && over == 0 {
		return false
	}
	for i, w := range out {
		switch {
		case fixed[i]:
		case under >= over && w < lo[i]:
			out[i], fixed[i] = lo[i], true
		case under < over && w > hi[i]:
			out[i], fixed[i] = hi[i], true
		}
	}
	return true
}
