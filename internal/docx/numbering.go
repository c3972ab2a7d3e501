package docx

import (
	"strconv"
	"strings"
)

// Leden, onderdelen and lists are Word's automatic numbering, so that a
// jurist who inserts a lid in Word sees the others renumber. The numbers
// Word shows must still be the model's. An article is one list instance
// (w:num) of a numbering scheme: leden at level 0, onderdelen at level 1,
// sub-onderdelen below, each level restarting after a paragraph of a
// higher level, as Word does. A run of siblings that would not come out
// right in it (one that does not start at 1 where Word restarts) gets a
// list instance of its own that starts at the model's first number, and a
// run whose markers are not consecutive in one of Word's number formats
// keeps its markers as typed text.

// depth is the number of levels of a scheme.
const depth = 4

// A level is one level of a scheme: its Word number format, its text (%N
// stands for the counter of level N) and the suffix of the model's marker
// after the number.
type level struct {
	numFmt, text, suffix string
}

// A scheme is an abstract numbering definition of numbering.xml.
type scheme struct {
	name   string
	levels [depth]level
}

// Schemes, by abstractNumId. legal numbers leden "1.", onderdelen "a.",
// sub-onderdelen "1°." and deeper "1°." as the Aanwijzingen voor de
// regelgeving do and as the assembler marks them, and numbered lists;
// changes numbers the onderdelen "A.", "B." of a wijzigingsartikel, with
// the same levels below.
var schemes = [...]scheme{
	{"Leden en onderdelen", [depth]level{{"decimal", "%1.", "."}, onderdeel, sub(3), sub(4)}},
	{"Wijzigingsonderdelen", [depth]level{{"upperLetter", "%1.", "."}, onderdeel, sub(3), sub(4)}},
}

var onderdeel = level{"lowerLetter", "%2.", "."}

func sub(n int) level { return level{"decimal", "%" + strconv.Itoa(n) + "°.", "°."} }

const absLegal = 0

// absBullet is the abstractNumId of the bullets, after the schemes.
const absBullet = len(schemes)

var bulletText = [depth]string{"•", "•", "–", "–"}

// bulletNum is the list instance every bullet shares: bullets have no
// counter to restart.
const bulletNum = 1

// levels holds a value per level.
type levels [depth]int

// An instance is a list instance: its scheme and the start of each level.
type instance struct {
	abs    int
	starts levels
}

// numbering collects the list instances of one document after bulletNum,
// numIds 2, 3, ….
type numbering struct{ nums []instance }

// add returns a new list instance of scheme abs that starts level lvl at
// start and every other level at 1.
func (n *numbering) add(abs, lvl, start int) int {
	s := levels{1, 1, 1, 1}
	s[lvl] = start
	n.nums = append(n.nums, instance{abs, s})
	return bulletNum + len(n.nums)
}

// An articleList is the list instance of the article being written, its
// scheme, and for each level whether Word would restart it at 1 on its
// next paragraph.
type articleList struct {
	id, abs int
	fresh   [depth]bool
}

// wrote records a paragraph of the article's list at level lvl: the
// levels below it restart.
func (a *articleList) wrote(lvl int) {
	for k := lvl + 1; k < depth; k++ {
		a.fresh[k] = true
	}
}

// legal returns the numId of a run of siblings at level lvl with the
// given markers, or 0 when they cannot be Word numbering.
func (b *body) legal(lvl int, markers []string) int {
	if lvl >= depth || len(markers) == 0 {
		return 0
	}
	abs, start, ok := schemeOf(lvl, markers)
	switch a := &b.art; {
	case !ok:
		return 0
	case a.id == 0:
		*a = articleList{id: b.num.add(abs, lvl, start), abs: abs, fresh: [depth]bool{true, true, true, true}}
	case !a.fresh[lvl] || start != 1 || a.abs != abs:
		return b.num.add(abs, lvl, start)
	}
	b.art.fresh[lvl] = false
	return b.art.id
}

// schemeOf returns the first scheme that numbers the markers at level lvl
// and the value of the first marker.
func schemeOf(lvl int, markers []string) (abs, start int, ok bool) {
	for abs, s := range schemes {
		if start, ok := consecutive(s.levels[lvl], markers); ok {
			return abs, start, true
		}
	}
	return 0, 0, false
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
	switch l.numFmt {
	case "lowerLetter":
		return letterValue(s, 'a')
	case "upperLetter":
		return letterValue(s, 'A')
	}
	if s[0] == '0' {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil && v > 0
}

func letterValue(s string, a byte) (int, bool) {
	if len(s) != 1 || s[0] < a || s[0] > a+25 {
		return 0, false
	}
	return int(s[0]-a) + 1, true
}

// numberingXML returns word/numbering.xml.
func (n *numbering) numberingXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering xmlns:w="` + nsW + `">`)
	b.WriteString(abstractNums)
	b.WriteString(`<w:num w:numId="` + strconv.Itoa(bulletNum) + `"><w:abstractNumId w:val="` + strconv.Itoa(absBullet) + `"/></w:num>`)
	for i, num := range n.nums {
		// Written piece by piece: one document has hundreds.
		writeAll(&b, `<w:num w:numId="`, strconv.Itoa(bulletNum+1+i), `"><w:abstractNumId w:val="`, strconv.Itoa(num.abs), `"/>`)
		// Without a startOverride Word continues the counters of the
		// other instances of the same definition.
		for lvl, start := range num.starts {
			writeAll(&b, `<w:lvlOverride w:ilvl="`, strconv.Itoa(lvl), `"><w:startOverride w:val="`, strconv.Itoa(start), `"/></w:lvlOverride>`)
		}
		b.WriteString(`</w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return []byte(b.String())
}

// writeAll writes the strings to b without joining them first.
func writeAll(b *strings.Builder, ss ...string) {
	for _, s := range ss {
		b.WriteString(s)
	}
}

// abstractNums are the definitions of the schemes and the bullets, the
// same in every document.
var abstractNums = func() string {
	var s string
	for abs, sc := range schemes {
		s += abstractNum(abs, sc.name, sc.levels)
	}
	var bullets [depth]level
	for i, t := range bulletText {
		bullets[i] = level{numFmt: "bullet", text: t}
	}
	return s + abstractNum(absBullet, "Opsomming", bullets)
}()

// abstractNum returns a definition whose level i has its number at
// indent step i and its text one step further, after a tab.
func abstractNum(id int, name string, levels [depth]level) string {
	s := `<w:abstractNum w:abstractNumId="` + strconv.Itoa(id) + `"><w:multiLevelType w:val="multilevel"/><w:name w:val="` + name + `"/>`
	for i, l := range levels {
		s += `<w:lvl w:ilvl="` + strconv.Itoa(i) + `"><w:start w:val="1"/><w:numFmt w:val="` + l.numFmt + `"/>` +
			`<w:suff w:val="tab"/><w:lvlText w:val="` + escape(l.text) + `"/><w:lvlJc w:val="left"/>` +
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
