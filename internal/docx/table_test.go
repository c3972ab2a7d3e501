package docx

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"verordening/internal/document"
)

func TestMeasureRuns(t *testing.T) {
	em := func(s string, bold bool) int {
		w := 0
		for _, c := range s {
			w += runeWidth(c, bold)
		}
		return toTwips(w)
	}
	tests := []struct {
		name       string
		runs       []run
		word, line int
	}{
		{"one word", []run{{text: "Begeleidingsniveau"}}, em("Begeleidingsniveau", false), em("Begeleidingsniveau", false)},
		{"the widest word of several", []run{{text: "ten hoogste Begeleidingsniveau"}}, em("Begeleidingsniveau", false), em("ten hoogste Begeleidingsniveau", false)},
		{"a line breaks after a hyphen", []run{{text: "Re-integratieverordening"}}, em("integratieverordening", false), em("Re-integratieverordening", false)},
		{"a no-break space joins", []run{{text: "€\u00a09.000"}}, em("€ 9.000", false), em("€ 9.000", false)},
		{"a soft hyphen breaks and has no width", []run{{text: "Begeleidings\u00adniveau"}}, em("Begeleidings", false), em("Begeleidingsniveau", false)},
		{"bold is wider", []run{{text: "Zaanstad", format: format{bold: true}}}, em("Zaanstad", true), em("Zaanstad", true)},
		{"a word across runs", []run{{text: "ab"}, {text: "cd", format: format{bold: true}}}, toTwips(runeWidth('a', false) + runeWidth('b', false) + runeWidth('c', true) + runeWidth('d', true)), 0},
		{"empty", nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			word, line := measureRuns(tt.runs)
			if tt.line == 0 {
				tt.line = tt.word
			}
			if word != tt.word || line != tt.line {
				t.Errorf("measureRuns = %d, %d; want %d, %d", word, line, tt.word, tt.line)
			}
		})
	}
	if b, r := em("Zaanstad", true), em("Zaanstad", false); b <= r {
		t.Errorf("bold %d twips, regular %d: want bold wider", b, r)
	}
	// Calibri and Carlito: "M" is 855/1000 em, so 188 twips at 11 pt;
	// a character outside the tables counts as an M.
	if w := em("M", false); w != 189 {
		t.Errorf(`"M" = %d twips, want 189`, w)
	}
	if runeWidth('ǅ', false) != runeWidth('M', false) {
		t.Error("a character outside the tables does not count as an M")
	}
}

func TestShare(t *testing.T) {
	tests := []struct {
		name           string
		width          int
		weight, lo, hi []int
		want           []int
	}{
		{"in proportion", 900, []int{1, 2}, []int{0, 0}, []int{900, 900}, []int{300, 600}},
		{"a column at its least width", 1000, []int{1, 9}, []int{300, 0}, []int{1000, 1000}, []int{300, 700}},
		{"a column at its widest cell", 1000, []int{9, 1, 1}, []int{0, 0, 0}, []int{400, 1000, 1000}, []int{400, 300, 300}},
		{"rounding to the last column", 1000, []int{1, 1, 1}, []int{0, 0, 0}, []int{1000, 1000, 1000}, []int{333, 333, 334}},
		{"bounds both ways", 1000, []int{10, 1, 1}, []int{100, 350, 0}, []int{500, 1000, 1000}, []int{500, 350, 150}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := share(tt.width, tt.weight, tt.lo, tt.hi); !slices.Equal(got, tt.want) {
				t.Errorf("share = %v, want %v", got, tt.want)
			}
		})
	}
}

// repeat returns n copies of s.
func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// wideTable returns a table of a question column and n columns whose
// longest word is word.
func wideTable(n int, word string) *document.Table {
	return table("", append([]string{"Vraag"}, repeat("Gemeente", n)...), [][]string{
		append([]string{"Wat is de citeertitel van de re-integratieverordening van de gemeente?"}, repeat(word, n)...),
		append([]string{"Hoeveel uur per week?"}, repeat("=", n)...),
	})
}

func TestPlan(t *testing.T) {
	tests := []struct {
		name      string
		table     *document.Table
		landscape bool
		parts     [][]int // the columns of each part
	}{
		{"fits portrait", table("", []string{"Begeleidingsniveau", "Eerste jaar", "Tweede jaar"}, [][]string{{"licht", "5%", "2,5%"}}),
			false, [][]int{{0, 1, 2}}},
		{"long text fits portrait", table("", []string{"Artikel", "Gemeenten"}, [][]string{{"Artikel 2. Reikwijdte", strings.Repeat("Zaanstad, Purmerend, Edam-Volendam, ", 8)}}),
			false, [][]int{{0, 1}}},
		{"needs landscape", wideTable(5, "**Participatiewet**"), true, [][]int{{0, 1, 2, 3, 4, 5}}},
		{"needs splitting", wideTable(9, "**Re-integratieverordening**"), true, [][]int{{0, 1, 2, 3, 4, 5}, {0, 6, 7, 8, 9}}},
		{"one column beside the first at a time", wideTable(3, "**"+strings.Repeat("Participatiewet", 4)+"**"), true, [][]int{{0, 1}, {0, 2}, {0, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cols := columnCount(tt.table)
			sizes := measure(tt.table, cols)
			l := plan(sizes)
			if l.landscape != tt.landscape {
				t.Errorf("landscape = %v, want %v", l.landscape, tt.landscape)
			}
			var got [][]int
			for _, p := range l.parts {
				got = append(got, p.cols)
			}
			if !slices.EqualFunc(got, tt.parts, slices.Equal) {
				t.Fatalf("parts = %v, want %v", got, tt.parts)
			}
			width := textWidth
			if l.landscape {
				width = landscapeWidth
			}
			for _, p := range l.parts {
				checkWidths(t, sizes, p, width)
			}
		})
	}
}

// checkWidths checks that a part fills the width and that no column is
// narrower than its longest word, unless that word is wider than the
// page beside the first column.
func checkWidths(t *testing.T, sizes []colSize, p tablePart, width int) {
	t.Helper()
	sum := 0
	for i, w := range p.widths {
		sum += w
		if s := sizes[p.cols[i]]; w < s.least() && fits(sizes, p.cols, width) {
			t.Errorf("column %d is %d twips, its longest word needs %d", p.cols[i], w, s.least())
		}
	}
	if sum != width {
		t.Errorf("widths %v add up to %d, want %d", p.widths, sum, width)
	}
}

// TestPlanProportional: the columns of a table that fits on one line get
// widths in proportion to their text, each at least its widest cell.
func TestPlanProportional(t *testing.T) {
	tab := table("", []string{"Uitkomst van stap 3", "Begeleidingsniveau"}, [][]string{{"licht", "licht"}, {"matig", "midden"}})
	sizes := measure(tab, 2)
	p := plan(sizes).parts[0]
	for i, w := range p.widths {
		if w < sizes[i].natural() {
			t.Errorf("column %d: %d twips, narrower than its widest cell (%d)", i, w, sizes[i].natural())
		}
	}
	if (p.widths[0] > p.widths[1]) != (sizes[0].total > sizes[1].total) {
		t.Errorf("widths %v do not follow the text of the columns %+v", p.widths, sizes)
	}
}

// TestTableXML checks the table markup: fixed grid widths that the cells
// repeat and tblW adds up, cell margins, a repeated header row, rows that
// do not split, and an empty paragraph after the table.
func TestTableXML(t *testing.T) {
	var b body
	b.table(table("Uren", []string{"Niveau", "Uren"}, [][]string{{"licht", "5%"}, {"zwaar"}}))
	x := b.String()
	for _, want := range []string{
		`<w:tblLayout w:type="fixed"/>`,
		`<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>`,
		`<w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/>`,
		`</w:tbl><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("table lacks %s:\n%s", want, x)
		}
	}
	if n := strings.Count(x, "<w:tblHeader/>"); n != 1 {
		t.Errorf("%d header rows, want 1", n)
	}
	if r, c := strings.Count(x, "<w:tr>"), strings.Count(x, "<w:cantSplit/>"); r != 3 || c != 3 {
		t.Errorf("%d rows, %d that do not split; want 3 and 3", r, c)
	}
	grid := regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`).FindAllStringSubmatch(x, -1)
	cells := regexp.MustCompile(`<w:tcW w:w="(\d+)" w:type="dxa"/>`).FindAllStringSubmatch(x, -1)
	if len(grid) != 2 || len(cells) != 6 {
		t.Fatalf("%d grid columns, %d cells; want 2 and 6", len(grid), len(cells))
	}
	for i, c := range cells {
		if c[1] != grid[i%2][1] {
			t.Errorf("cell %d is %s twips wide, its grid column %s", i, c[1], grid[i%2][1])
		}
	}
	if strings.Contains(x, "<w:sectPr>") {
		t.Error("a narrow table has a section of its own")
	}
}

// TestLandscapeSection: a wide table sits in a landscape section of its
// own, between a paragraph that ends the portrait section before it and
// one that ends its own; both keep the header and the footer.
func TestLandscapeSection(t *testing.T) {
	var b body
	b.table(wideTable(5, "**Participatiewet**"))
	x := b.String()
	sects := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllString(x, -1)
	if len(sects) != 2 {
		t.Fatalf("%d sections, want 2:\n%s", len(sects), x)
	}
	if strings.Contains(sects[0], "landscape") || !strings.Contains(sects[1], `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`) {
		t.Errorf("sections %q, want portrait before the table and landscape for it", sects)
	}
	for _, s := range sects {
		if !strings.Contains(s, `<w:headerReference w:type="default" r:id="rIdHeader1"/>`) || !strings.Contains(s, `<w:footerReference w:type="default" r:id="rIdFooter1"/>`) {
			t.Errorf("section without header or footer: %s", s)
		}
	}
	if i, j := strings.Index(x, sects[0]), strings.Index(x, "<w:tbl>"); i > j {
		t.Error("the portrait section ends after the table starts")
	}
	if !strings.HasSuffix(x, sects[1]+"</w:pPr></w:p>") {
		t.Error("the landscape section does not end right after the table")
	}
	if !strings.Contains(x, `<w:tblW w:w="`+strconv.Itoa(landscapeWidth)+`" w:type="dxa"/>`) {
		t.Error("the table does not fill the landscape page")
	}
}

// TestSplitParts: a table too wide for landscape is written as parts that
// each repeat the first column and the header row, in one landscape
// section.
func TestSplitParts(t *testing.T) {
	tab := wideTable(9, "**Re-integratieverordening**")
	tab.Header[3] = document.Plain("Purmerend")
	tab.Rows[1][8] = document.ParseMarkdown("**nee**")
	var b body
	b.table(tab)
	x := b.String()
	if n := strings.Count(x, "<w:tbl>"); n != 2 {
		t.Fatalf("%d tables, want 2", n)
	}
	if n := strings.Count(x, "<w:sectPr>"); n != 2 {
		t.Errorf("%d section ends, want 2 (one landscape section for both parts)", n)
	}
	files := map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + x + `</w:body></w:document>`)}
	var rows []string
	for _, line := range paragraphs(t, files["word/document.xml"]) {
		if strings.HasPrefix(line, "Table") {
			rows = append(rows, line)
		}
	}
	want := []string{
		"TableHeader|**Vraag** | **Gemeente** | **Gemeente** | **Purmerend** | **Gemeente** | **Gemeente**",
		"TableRow|Wat is de citeertitel van de re-integratieverordening van de gemeente? | **Re-integratieverordening** | **Re-integratieverordening** | **Re-integratieverordening** | **Re-integratieverordening** | **Re-integratieverordening**",
		"TableRow|Hoeveel uur per week? | = | = | = | = | =",
		"TableHeader|**Vraag** | **Gemeente** | **Gemeente** | **Gemeente** | **Gemeente**",
		"TableRow|Wat is de citeertitel van de re-integratieverordening van de gemeente? | **Re-integratieverordening** | **Re-integratieverordening** | **Re-integratieverordening** | **Re-integratieverordening**",
		"TableRow|Hoeveel uur per week? | = | = | **nee** | =",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

// table makes a table of plain cells.
func table(caption string, header []string, rows [][]string) *document.Table {
	t := &document.Table{Caption: document.Plain(caption), Header: cellTexts(header...)}
	for _, r := range rows {
		t.Rows = append(t.Rows, cellTexts(r...))
	}
	return t
}

// TestCellNonBreaking: a table cell keeps "€" with its amount and
// "artikel" with its number, as body text does, and its column is wide
// enough for the two together.
func TestCellNonBreaking(t *testing.T) {
	var b body
	b.table(table("Bedragen", []string{"Wat", "Bedrag"}, [][]string{{"zie artikel 16", "€ 1.250"}}))
	x := b.String()
	for _, want := range []string{"zie artikel\u00a016", "€\u00a01.250"} {
		if !strings.Contains(x, want) {
			t.Errorf("the cell lacks %q:\n%s", want, x)
		}
	}
	glued, _ := measureRuns([]run{{text: "€\u00a01.250"}})
	if sizes := measure(table("", []string{"Bedrag"}, [][]string{{"€ 1.250"}}), 1); sizes[0].word != glued {
		t.Errorf("the column's widest piece is %d twips, want %d for \"€ 1.250\" on one line", sizes[0].word, glued)
	}
}
