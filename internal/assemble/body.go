package assemble

import (
	"fmt"
	"slices"
	"strings"

	"verordening/internal/document"
)

// parseArticle reads the article text a clause template produced (see
// docs/clause-format.md): paragraphs are leden, "- " lines onderdelen,
// "  - " lines sub-onderdelen, "|" lines a table, and "{#label}" at the
// start of a lid or item labels it for references.
//
// It is written by hand because the mini-syntax is ours: a Markdown parser
// would read the same text as lists and paragraphs but lose the labels and
// the lid boundaries the numbering depends on.
func parseArticle(text string) ([]*document.Lid, error) {
	var leden []*document.Lid
	for _, block := range splitBlocks(text) {
		first := block[0]
		switch {
		case isItem(first) || strings.HasPrefix(first, "|"):
			if len(leden) == 0 {
				return nil, fmt.Errorf("het artikel begint met een opsomming of tabel zonder inleidende zin: %q", first)
			}
			if err := addToLid(leden[len(leden)-1], block); err != nil {
				return nil, err
			}
		default:
			lid, err := newLid(block)
			if err != nil {
				return nil, err
			}
			leden = append(leden, lid)
		}
	}
	if len(leden) == 0 {
		return nil, fmt.Errorf("het artikel heeft geen tekst")
	}
	return leden, nil
}

// splitBlocks splits text into runs of non-blank lines.
func splitBlocks(text string) [][]string {
	var blocks [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	return blocks
}

func isItem(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " "), "- ")
}

func newLid(block []string) (*document.Lid, error) {
	i := 0
	var text []string
	for i < len(block) && !isItem(block[i]) && !strings.HasPrefix(block[i], "|") {
		text = append(text, strings.TrimSpace(block[i]))
		i++
	}
	lid := &document.Lid{}
	label, t := cutLabel(strings.Join(text, " "))
	lid.Label, lid.Text = label, src(t)
	return lid, addToLid(lid, block[i:])
}

// addToLid appends items and tables from lines to lid.
func addToLid(lid *document.Lid, lines []string) error {
	for i := 0; i < len(lines); {
		line := lines[i]
		if strings.HasPrefix(line, "|") {
			j := i
			for j < len(lines) && strings.HasPrefix(lines[j], "|") {
				j++
			}
			t, err := parseTable(lines[i:j])
			if err != nil {
				return err
			}
			lid.Blocks = append(lid.Blocks, t)
			i = j
			continue
		}
		if !isItem(line) {
			if n := len(lid.Items); n > 0 && len(lid.Blocks) == 0 {
				appendText(lastItem(lid.Items), line)
				i++
				continue
			}
			return fmt.Errorf("regel hoort niet bij een onderdeel: %q; laat een witregel voor een nieuw lid", line)
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		label, text := cutLabel(strings.TrimSpace(strings.TrimLeft(line, " ")[2:]))
		item := &document.Item{Label: label, Text: src(text)}
		if indent >= 2 {
			if len(lid.Items) == 0 {
				return fmt.Errorf("subonderdeel zonder onderdeel: %q", line)
			}
			parent := lid.Items[len(lid.Items)-1]
			parent.Items = append(parent.Items, item)
		} else {
			lid.Items = append(lid.Items, item)
		}
		i++
	}
	return nil
}

func lastItem(items []*document.Item) *document.Item {
	it := items[len(items)-1]
	if len(it.Items) > 0 {
		return lastItem(it.Items)
	}
	return it
}

func appendText(it *document.Item, line string) {
	it.Text = src(md(it.Text) + " " + strings.TrimSpace(line))
}

// cutLabel splits "{#label} text" into its label and text.
func cutLabel(s string) (label, text string) {
	if strings.HasPrefix(s, "{#") {
		if end := strings.IndexByte(s, '}'); end > 0 {
			return s[2:end], strings.TrimSpace(s[end+1:])
		}
	}
	return "", s
}

func parseTable(lines []string) (*document.Table, error) {
	if len(lines) < 2 || !isRule(lines[1]) {
		return nil, fmt.Errorf("een tabel heeft een kopregel en een regel met |---|: %q", lines[0])
	}
	t := &document.Table{Header: srcs(cells(lines[0])...)}
	for _, l := range lines[2:] {
		row := cells(l)
		if len(row) != len(t.Header) {
			return nil, fmt.Errorf("tabelregel heeft %d cellen, de kop %d: %q", len(row), len(t.Header), l)
		}
		t.Rows = append(t.Rows, srcs(row...))
	}
	return t, nil
}

func isRule(l string) bool {
	return strings.Trim(l, "|-: ") == ""
}

// cells splits a pipe-table row, keeping escaped pipes ("\|") in a cell.
func cells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	l = strings.TrimSuffix(l, "|")
	var out []string
	var cur strings.Builder
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l) && l[i+1] == '|':
			cur.WriteString(`\|`)
			i++
		case l[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(l[i])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// defListMarker, written by the template function "definities" at the
// start of a lid, makes the lid's items a list of definitions: printed
// without letters and in alphabetical order, as the Aanwijzingen want
// for begripsbepalingen.
const defListMarker = refOpen + "DEFINITIES" + refClose

// cutDefList removes the definitions marker from the lid's text and
// reports whether it was there.
func cutDefList(lid *document.Lid) bool {
	t, ok := strings.CutPrefix(md(lid.Text), defListMarker)
	if ok {
		lid.Text = src(strings.TrimSpace(t))
	}
	return ok
}

// sortDefinitions orders definitions by their text, ignoring case and
// markup, and gives them no marker.
func sortDefinitions(items []*document.Item) {
	key := func(it *document.Item) string {
		return strings.ToLower(strings.TrimLeft(unmark(md(it.Text)), "*_\\ "))
	}
	slices.SortStableFunc(items, func(a, b *document.Item) int { return strings.Compare(key(a), key(b)) })
	for _, it := range items {
		it.Marker = ""
	}
}

// numberLegal numbers leden (only when there are several) and letters
// onderdelen, and ends every enumeration per the Aanwijzingen: each item
// ";", the last ".", an item with sub-items ":". Items the author ended with
// "; en" or "; of" keep that ending. The items of a lid marked as a list
// of definitions get no letters and are sorted.
func numberLegal(leden []*document.Lid) {
	for i, lid := range leden {
		if len(leden) > 1 {
			lid.Number = fmt.Sprint(i + 1)
		}
		markItems(lid.Items, letter)
		if cutDefList(lid) {
			sortDefinitions(lid.Items)
		}
		leaves := collectLeaves(lid.Items, nil)
		for j, it := range leaves {
			it.Text = src(punctuate(md(it.Text), j == len(leaves)-1))
		}
	}
}

func markItems(items []*document.Item, mark func(int) string) {
	for i, it := range items {
		it.Marker = mark(i)
		if len(it.Items) > 0 {
			it.Text = src(strings.TrimRight(md(it.Text), " ;.,:") + ":")
			markItems(it.Items, degree)
		}
	}
}

func collectLeaves(items []*document.Item, out []*document.Item) []*document.Item {
	for _, it := range items {
		if len(it.Items) == 0 {
			out = append(out, it)
		} else {
			out = collectLeaves(it.Items, out)
		}
	}
	return out
}

func punctuate(s string, last bool) string {
	if !last && (strings.HasSuffix(s, "; en") || strings.HasSuffix(s, "; of")) {
		return s
	}
	s = strings.TrimRight(s, " ;.,")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "; en"), "; of")
	if last {
		return s + "."
	}
	return s + ";"
}

// letter gives the marker of the i-th onderdeel: "a.", … "z.", then "aa.".
func letter(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s + "."
		}
	}
}

// bullets marks the items of plain sections as bullets.
func bullets(leden []*document.Lid) {
	for _, l := range leden {
		markItems(l.Items, func(int) string { return "-" })
		if cutDefList(l) {
			sortDefinitions(l.Items)
		}
	}
}

func degree(i int) string { return fmt.Sprintf("%d°.", i+1) }

// parseNote reads toelichting text: paragraphs, "- " bullet lists and
// "### " headings.
func parseNote(text string) []document.Block {
	var out []document.Block
	for _, block := range splitBlocks(text) {
		var para []string
		flush := func() {
			if len(para) > 0 {
				out = append(out, &document.Paragraph{Text: src(strings.Join(para, " "))})
				para = nil
			}
		}
		var list *document.List
		for _, line := range block {
			t := strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(t, "### "):
				flush()
				list = nil
				out = append(out, &document.Heading{Level: 1, Text: src(strings.TrimPrefix(t, "### "))})
			case strings.HasPrefix(t, "- "):
				flush()
				if list == nil {
					list = &document.List{}
					out = append(out, list)
				}
				list.Items = append(list.Items, src(strings.TrimPrefix(t, "- ")))
			case list != nil:
				last := &list.Items[len(list.Items)-1]
				*last = src(md(*last) + " " + t)
			default:
				para = append(para, t)
			}
		}
		flush()
	}
	return out
}
