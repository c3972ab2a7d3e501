package docx

import (
	"strconv"
	"strings"
)

// Leden, onderdelen and lists are Word's automatic numbering, so that a
// jurist who inserts a lid in Word sees the others renumber. The numbers
// Word shows must still be the model's. An article is one list instance
// (w:num) of the legal numbering: leden at level 0, onderdelen at level 1,
// sub-onderdelen below, each level restarting after a paragraph of a
// higher level, as Word does. A run of siblings that would not come out
// right in it (one that does not start at 1 where Word restarts) gets a
// list instance of its own that starts at the model's first number, and a
// run whose markers are not consecutive in one of Word's number formats
// keeps its markers as typed text.

// Abstract numbering definitions in numbering.xml.
const (
	absLegal  = 0 // leden "1.", onderdelen "a.", sub-onderdelen "1°.", numbered lists
	absBullet = 1 // bullets "•", "–"
)

// bulletNum is the list instance every bullet shares: bullets have no
// counter to restart.
const bulletNum = 1

// A level is one level of the legal numbering: its Word number format,
// its text (%N stands for the counter of level N) and the suffix of the
// model's marker after the number.
type level struct {
	numFmt, text, suffix string
}

// legalLevels: level 0 leden and numbered lists, 1 onderdelen, 2 and
// deeper sub-onderdelen, as the Aanwijzingen voor de regelgeving number
// them (and as the assembler marks them).
var legalLevels = [...]level{
	{"decimal", "%1.", "."},
	{"lowerLetter", "%2.", "."},
	{"decimal", "%3°.", "°."},
	{"decimal", "%4°.", "°."},
}

var bulletText = [len(legalLevels)]string{"•", "•", "–", "–"}

// levels holds a value per level of the legal numbering.
type levels [len(legalLevels)]int

// numbering collects the list instances of one document after bulletNum:
// numIds 2, 3, …, each with the start value of every level.
type numbering struct{ starts []levels }

// add returns a new list instance that starts level lvl at start and
// every other level at 1.
func (n *numbering) add(lvl, start int) int {
	s := levels{1, 1, 1, 1}
	s[lvl] = start
	n.starts = append(n.starts, s)
	return bulletNum + len(n.starts)
}

// An articleList is the list instance of the article being written, and
// for each level whether Word would restart it at 1 on its next paragraph.
type articleList struct {
	id    int
	fresh [len(legalLevels)]bool
}

// wrote records a paragraph of the article's list at level lvl: the
// levels below it restart.
func (a *articleList) wrote(lvl int) {
	for k := lvl + 1; k < len(a.fresh); k++ {
		a.fresh[k] = true
	}
}

// legal returns the numId of a run of siblings at level lvl with the
// given markers, or 0 when they cannot be Word numbering.
func (b *body) legal(lvl int, markers []string) int {
	if lvl >= len(legalLevels) || len(markers) == 0 {
		return 0
	}
	start, ok := consecutive(legalLevels[lvl], markers)
	switch a := &b.art; {
	case !ok:
		return 0
	case a.id == 0:
		a.id = b.num.add(lvl, start)
		a.fresh = [len(legalLevels)]bool{true, true, true, true}
	case !a.fresh[lvl] || start != 1:
		return b.num.add(lvl, start)
	}
	b.art.fresh[lvl] = false
	return b.art.id
}

// consecutive returns the value of the first marker when every marker is
// the next value of the level's format.
func consecutive(l level, markers []string) (int, bool) {
	first := 0
	for i, m := range markers {
		v, ok := markerValue(l, m)
		if !ok || (i > 0 && v != first+i) {
			return 0, false
		}
		if i == 0 {
			first = v
		}
	}
	return first, true
}

// markerValue reads a marker such as "3.", "c." or "2°." as the counter
// value Word would show it for: 3 for "3." and for "c.". Letters stop at
// "z.": Word continues with "aa.", "bb.", the assembler with "aa.", "ab.".
func markerValue(l level, marker string) (int, bool) {
	s, ok := strings.CutSuffix(marker, l.suffix)
	if !ok || s == "" {
		return 0, false
	}
	if l.numFmt == "lowerLetter" {
		if len(s) != 1 || s[0] < 'a' || s[0] > 'z' {
			return 0, false
		}
		return int(s[0]-'a') + 1, true
	}
	if s[0] == '0' {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil && v > 0
}

// numberingXML returns word/numbering.xml.
func (n *numbering) numberingXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering xmlns:w="` + nsW + `">`)
	b.WriteString(abstractNum(absLegal, "Leden en onderdelen", func(i int) (string, string) {
		return legalLevels[i].numFmt, legalLevels[i].text
	}, len(legalLevels)))
	b.WriteString(abstractNum(absBullet, "Opsomming", func(i int) (string, string) {
		return "bullet", bulletText[i]
	}, len(bulletText)))
	b.WriteString(`<w:num w:numId="` + strconv.Itoa(bulletNum) + `"><w:abstractNumId w:val="` + strconv.Itoa(absBullet) + `"/></w:num>`)
	for i, s := range n.starts {
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(bulletNum+1+i) + `"><w:abstractNumId w:val="` + strconv.Itoa(absLegal) + `"/>`)
		// Without a startOverride Word continues the counters of the
		// other instances of the same definition.
		for lvl, start := range s {
			b.WriteString(`<w:lvlOverride w:ilvl="` + strconv.Itoa(lvl) + `"><w:startOverride w:val="` + strconv.Itoa(start) + `"/></w:lvlOverride>`)
		}
		b.WriteString(`</w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return []byte(b.String())
}

// abstractNum returns a definition of levels levels; level i has the
// format and text lvl(i), its number at indent step i and its text one
// step further, after a tab.
func abstractNum(id int, name string, lvl func(int) (string, string), levels int) string {
	s := `<w:abstractNum w:abstractNumId="` + strconv.Itoa(id) + `"><w:multiLevelType w:val="multilevel"/><w:name w:val="` + name + `"/>`
	for i := range levels {
		numFmt, text := lvl(i)
		s += `<w:lvl w:ilvl="` + strconv.Itoa(i) + `"><w:start w:val="1"/><w:numFmt w:val="` + numFmt + `"/>` +
			`<w:suff w:val="tab"/><w:lvlText w:val="` + escape(text) + `"/><w:lvlJc w:val="left"/>` +
			`<w:pPr>` + hangingIndent(i+1) + `</w:pPr></w:lvl>`
	}
	return s + `</w:abstractNum>`
}

// hangingIndent returns the tab stop and indent of a paragraph whose
// number starts at indent step depth-1 and whose text lines up at indent
// step depth.
func hangingIndent(depth int) string {
	left := strconv.Itoa(depth * indentStep)
	return `<w:tabs><w:tab w:val="num" w:pos="` + left + `"/></w:tabs>` +
		`<w:ind w:left="` + left + `" w:hanging="` + strconv.Itoa(indentStep) + `"/>`
}
