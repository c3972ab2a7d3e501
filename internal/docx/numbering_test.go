package docx

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/tooltest"
)

// wordLevel is one level of a numbering definition as Word reads it.
type wordLevel struct {
	start        int
	numFmt, text string
}

// wordNumbering is numbering.xml read back: the levels of each numId,
// with the start overrides applied, and the list whose counters the
// numId uses: its own when it overrides a start, else, as in Word, the
// counters shared by every numId of its abstract definition.
type wordNumbering struct {
	levels  map[string]map[int]wordLevel
	counter map[string]string
}

// readNumbering reads numbering.xml independently of the code that
// writes it.
func readNumbering(t testing.TB, data []byte) wordNumbering {
	t.Helper()
	var x struct {
		Abstract []struct {
			ID  string `xml:"abstractNumId,attr"`
			Lvl []struct {
				Ilvl  int    `xml:"ilvl,attr"`
				Start val    `xml:"start"`
				Fmt   val    `xml:"numFmt"`
				Text  val    `xml:"lvlText"`
				_     string `xml:"-"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Num []struct {
			ID       string `xml:"numId,attr"`
			Abstract val    `xml:"abstractNumId"`
			Override []struct {
				Ilvl  int `xml:"ilvl,attr"`
				Start val `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := xml.Unmarshal(data, &x); err != nil {
		t.Fatal(err)
	}
	abstract := map[string]map[int]wordLevel{}
	for _, a := range x.Abstract {
		abstract[a.ID] = map[int]wordLevel{}
		for _, l := range a.Lvl {
			abstract[a.ID][l.Ilvl] = wordLevel{atoi(l.Start.Val), l.Fmt.Val, l.Text.Val}
		}
	}
	n := wordNumbering{map[string]map[int]wordLevel{}, map[string]string{}}
	for _, num := range x.Num {
		n.counter[num.ID] = "abstract " + num.Abstract.Val
		if len(num.Override) > 0 {
			n.counter[num.ID] = "num " + num.ID
		}
		levels := map[int]wordLevel{}
		for k, l := range abstract[num.Abstract.Val] {
			levels[k] = l
		}
		for _, o := range num.Override {
			l := levels[o.Ilvl]
			l.start = atoi(o.Start.Val)
			levels[o.Ilvl] = l
		}
		n.levels[num.ID] = levels
	}
	return n
}

type val struct {
	Val string `xml:"val,attr"`
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// shownNumbers returns, for every paragraph of document.xml that is
// numbered, the number a reader sees: the label Word computes for a
// numbered paragraph (counters per list instance, deeper levels
// restarting after a higher one, bullets as "-"), and, in all, also the
// markers typed before a tab, in document order.
func shownNumbers(t testing.TB, doc, numbering []byte) (numbered, all []string) {
	t.Helper()
	num := readNumbering(t, numbering)
	counters := map[string]map[int]int{}
	label := func(numID string, ilvl int) string {
		levels, ok := num.levels[numID]
		if !ok {
			t.Fatalf("numId %s is not in numbering.xml", numID)
		}
		c := counters[num.counter[numID]]
		if c == nil {
			c = map[int]int{}
			counters[num.counter[numID]] = c
		}
		if _, ok := c[ilvl]; ok {
			c[ilvl]++
		} else {
			c[ilvl] = levels[ilvl].start
		}
		for k := range c {
			if k > ilvl {
				delete(c, k)
			}
		}
		if levels[ilvl].numFmt == "bullet" {
			return "-"
		}
		return regexp.MustCompile(`%[1-9]`).ReplaceAllStringFunc(levels[ilvl].text, func(m string) string {
			k := int(m[1]-'0') - 1
			return format1(levels[k].numFmt, c[k])
		})
	}
	styles := map[string]bool{"Lid": true, "Onderdeel": true, "Subonderdeel": true, "Subsubonderdeel": true, "Opsomming": true}
	for _, line := range paragraphs(t, doc) {
		style, text, _ := strings.Cut(line, "|")
		if name, ref, ok := strings.Cut(style, "#"); ok && styles[name] {
			numID, ilvl, _ := strings.Cut(ref, ".")
			l := label(numID, atoi(ilvl))
			numbered, all = append(numbered, l), append(all, l)
			continue
		}
		if marker, _, ok := strings.Cut(text, "⇥"); ok && styles[style] {
			if marker == "•" {
				marker = "-"
			}
			all = append(all, marker)
		}
	}
	return numbered, all
}

// format1 formats a counter as Word's decimal and letter formats do.
func format1(numFmt string, n int) string {
	switch {
	case numFmt == "lowerLetter" && n > 0:
		return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
	case numFmt == "upperLetter" && n > 0:
		return strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
	}
	return strconv.Itoa(n)
}

// modelNumbers returns the numbers of the model's leden, onderdelen and
// list items in document order: "2." for lid 2, the item's marker, "-" for
// a bullet.
func modelNumbers(d *document.Document) []string {
	var out []string
	var items func([]*document.Item)
	items = func(its []*document.Item) {
		for _, it := range its {
			if it.Marker != "" {
				out = append(out, it.Marker)
			}
			items(it.Items)
		}
	}
	blocks := func(bs []document.Block) {
		for _, b := range bs {
			if l, ok := b.(*document.List); ok {
				for i := range l.Items {
					if l.Ordered {
						out = append(out, strconv.Itoa(i+1)+".")
					} else {
						out = append(out, "-")
					}
				}
			}
		}
	}
	blocks(d.Intro)
	for _, a := range d.Articles() {
		for _, l := range a.Leden {
			if l.Number != "" && !l.IsChange() {
				out = append(out, l.Number+".")
			}
			items(l.Items)
			blocks(l.Blocks)
		}
	}
	blocks(d.Closing)
	if d.Notes != nil {
		blocks(d.Notes.General)
		for _, a := range d.Articles() {
			blocks(a.Note)
		}
	}
	return out
}

// checkNumbers fails unless the numbers Word numbering shows in the DOCX
// are the model's, all of them: none is typed text. (Typed numbers of text
// the model does not hold as leden, such as quoted articles, may remain.)
func checkNumbers(t testing.TB, d *document.Document, data []byte) {
	t.Helper()
	files, _ := parts(t, data)
	numbered, _ := shownNumbers(t, files["word/document.xml"], files["word/numbering.xml"])
	if want := modelNumbers(d); !slices.Equal(numbered, want) {
		t.Errorf("%s: Word numbering shows\n%q\nthe model has\n%q", d.Kind, numbered, want)
	}
}

func TestNumbersAreTheModels(t *testing.T) {
	for _, d := range []*document.Document{sample(), informatieblad()} {
		checkNumbers(t, d, write(t, d))
	}
}

// TestNumberingRestarts: each article's leden start at 1, each lid's
// onderdelen at "a.", each onderdeel's sub-onderdelen at "1°.", also in an
// article with one (unnumbered) lid after an article with onderdelen and
// in a section of unnumbered paragraphs, each with its onderdelen; the
// onderdelen "A.", "B." of a wijzigingsartikel are numbered too.
func TestNumberingRestarts(t *testing.T) {
	items := func(markers ...string) []*document.Item {
		var out []*document.Item
		for _, m := range markers {
			out = append(out, &document.Item{Marker: m, Text: document.ParseMarkdown("tekst;"), Items: []*document.Item{
				{Marker: "1°.", Text: document.ParseMarkdown("x;")}, {Marker: "2°.", Text: document.ParseMarkdown("y.")}}})
		}
		return out
	}
	d := &document.Document{Kind: document.Verordening, Title: document.ParseMarkdown("T"), Chapters: []*document.Chapter{{Articles: []*document.Article{
		{Number: "1", Leden: []*document.Lid{{Number: "1", Text: document.ParseMarkdown("Een:"), Items: items("a.", "b.")}, {Number: "2", Text: document.ParseMarkdown("Twee:"), Items: items("a.", "b.", "c.")}}},
		{Number: "2", Leden: []*document.Lid{{Text: document.ParseMarkdown("Enig lid:"), Items: items("a.", "b.")}}},
		{Number: "3", Leden: []*document.Lid{{Number: "1", Text: document.ParseMarkdown("Een.")}, {Number: "2", Text: document.ParseMarkdown("Twee.")}}},
		{Title: document.ParseMarkdown("Zonder nummers"), Leden: []*document.Lid{{Text: document.ParseMarkdown("Eerste:"), Items: items("a.", "b.")}, {Text: document.ParseMarkdown("Tweede:"), Items: items("a.")}}},
		{Number: "I", Leden: []*document.Lid{{Number: "A", Text: document.ParseMarkdown("Wijziging:"), Items: items("a.", "b.")}, {Number: "B", Text: document.ParseMarkdown("Wijziging.")}}},
		{Number: "II", Leden: []*document.Lid{{Number: "1", Text: document.ParseMarkdown("Een.")}, {Number: "2", Text: document.ParseMarkdown("Twee.")}}},
	}}}}
	checkNumbers(t, d, write(t, d))
}

// TestNumberingFromModel: a run of siblings that does not start at the
// first number (an amended text keeps "c." after a deleted onderdeel)
// starts where the model does; markers Word cannot count stay typed text.
func TestNumberingFromModel(t *testing.T) {
	for _, tc := range []struct {
		name    string
		markers []string
		typed   int
	}{
		{"from c", []string{"c.", "d."}, 0},
		{"gap", []string{"a.", "c."}, 2},
		{"after z", []string{"z.", "aa."}, 2},
		{"degrees at letter level", []string{"1°.", "2°."}, 2},
		{"inserted", []string{"a.", "b.", "ba."}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var its []*document.Item
			for _, m := range tc.markers {
				its = append(its, &document.Item{Marker: m, Text: document.ParseMarkdown("x;")})
			}
			d := &document.Document{Kind: document.Verordening, Title: document.ParseMarkdown("T"), Chapters: []*document.Chapter{{Articles: []*document.Article{
				{Number: "1", Leden: []*document.Lid{{Number: "1", Text: document.ParseMarkdown("Een:"), Items: its}, {Number: "2", Text: document.ParseMarkdown("Twee:"), Items: items2()}}},
			}}}}
			files, _ := parts(t, write(t, d))
			numbered, all := shownNumbers(t, files["word/document.xml"], files["word/numbering.xml"])
			if want := modelNumbers(d); !slices.Equal(all, want) {
				t.Errorf("a reader sees %q, model has %q", all, want)
			}
			if typed := len(all) - len(numbered); typed != tc.typed {
				t.Errorf("%d typed numbers, want %d", typed, tc.typed)
			}
		})
	}
}

func items2() []*document.Item {
	return []*document.Item{{Marker: "a.", Text: document.ParseMarkdown("p;")}, {Marker: "b.", Text: document.ParseMarkdown("q.")}}
}

func TestMarkerValue(t *testing.T) {
	for _, tc := range []struct {
		abs    int
		lvl    int
		marker string
		want   int
		ok     bool
	}{
		{absLegal, 0, "1.", 1, true},
		{absLegal, 0, "12.", 12, true},
		{absLegal, 0, "2a.", 0, false},
		{absLegal, 0, "0.", 0, false},
		{absLegal, 0, "01.", 0, false},
		{absLegal, 0, "3", 0, false},
		{absLegal, 1, "a.", 1, true},
		{absLegal, 1, "e.", 5, true},
		{absLegal, 1, "z.", 26, true},
		{absLegal, 1, "aa.", 0, false},
		{absLegal, 1, "A.", 0, false},
		{absLegal, 1, "1.", 0, false},
		{absLegal, 2, "1°.", 1, true},
		{absLegal, 2, "10°.", 10, true},
		{absLegal, 2, "1.", 0, false},
		{absLegal, 3, "2°.", 2, true},
		{1, 0, "A.", 1, true},
		{1, 0, "C.", 3, true},
		{1, 0, "AA.", 0, false},
		{1, 0, "1.", 0, false},
		{1, 1, "b.", 2, true},
	} {
		got, ok := markerValue(schemes[tc.abs].levels[tc.lvl], tc.marker)
		if got != tc.want || ok != tc.ok {
			t.Errorf("markerValue(scheme %d level %d, %q) = %d, %v; want %d, %v", tc.abs, tc.lvl, tc.marker, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNbsp(t *testing.T) {
	const n = "\u00a0"
	for _, tc := range []struct{ in, want string }{
		{"€ 2.700", "€" + n + "2.700"},
		{"ten hoogste € 1.350,50 per jaar", "ten hoogste €" + n + "1.350,50 per jaar"},
		{"(€ 45)", "(€" + n + "45)"},
		{"€ per uur", "€ per uur"},
		{"artikel 8a, tweede lid, onderdeel e, van de wet", "artikel" + n + "8a, tweede lid, onderdeel" + n + "e, van de wet"},
		{"Artikel 3. Aanvraag", "Artikel" + n + "3. Aanvraag"},
		{"Artikel II", "Artikel" + n + "II"},
		{"de artikelen 3 en 4", "de artikelen" + n + "3 en 4"},
		{"lid 2 van artikel 10da", "lid" + n + "2 van artikel" + n + "10da"},
		{"Hoofdstuk 2. Aanvraag", "Hoofdstuk" + n + "2. Aanvraag"},
		{"een onderdeel van het plan", "een onderdeel van het plan"},
		{"dit artikel is", "dit artikel is"},
		{"op 1 januari 2027 in werking", "op 1" + n + "januari" + n + "2027 in werking"},
		{"(12 maart 2026)", "(12" + n + "maart" + n + "2026)"},
		{"vanaf 1 juli.", "vanaf 1" + n + "juli."},
		{"in januari 2027", "in januari 2027"},
		{"32 mei 2027", "32 mei 2027"},
		{"3 Februari", "3 Februari"},
		{"2 uur", "2 uur"},
		{"geen spaties", "geen spaties"},
		{"", ""},
		{"artikel ", "artikel "},
		{" € 5", " €" + n + "5"},
		{"in 2 artikel 3", "in 2 artikel" + n + "3"},
	} {
		if got := nbsp(tc.in); got != tc.want {
			t.Errorf("nbsp(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLineBreak: a new line inside an onderdeel is a line break in the
// same paragraph, not a new paragraph.
func TestLineBreak(t *testing.T) {
	d := &document.Document{Kind: document.Verordening, Title: document.ParseMarkdown("T"), Chapters: []*document.Chapter{{Articles: []*document.Article{
		{Number: "1", Leden: []*document.Lid{{Text: document.ParseMarkdown("Het college:"), Items: []*document.Item{
			{Marker: "a.", Text: document.ParseMarkdown("eerste regel\ntweede regel;")}, {Marker: "b.", Text: document.ParseMarkdown("slot.")}}}}},
	}}}}
	files, _ := parts(t, write(t, d))
	lines := paragraphs(t, files["word/document.xml"])
	if !slices.Contains(lines, "Onderdeel#2.1|eerste regel↵tweede regel;") {
		t.Errorf("no onderdeel with a line break in\n%s", strings.Join(lines, "\n"))
	}
}

// TestDROP: for DROP, article headings are bold body text without an
// outline level, chapters stay Kop 1, and there is no table of contents;
// for editing, articles are headings and there is one.
func TestDROP(t *testing.T) {
	var buf bytes.Buffer
	if err := (Options{DROP: true}).Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	drop, _ := parts(t, buf.Bytes())
	edit, _ := parts(t, write(t, sample()))
	dropLines := paragraphs(t, drop["word/document.xml"])
	for _, want := range []string{"Normal|**Artikel␣3. Aanvraag**", "Heading1|Hoofdstuk␣2. Voorzieningen", "Title|" + sample().Title.Plain()} {
		if !slices.Contains(dropLines, want) {
			t.Errorf("DROP document lacks %q", want)
		}
	}
	for _, line := range dropLines {
		if strings.HasPrefix(line, "Heading") && strings.Contains(line, "|Artikel␣") || strings.HasPrefix(line, "TOC") {
			t.Errorf("DROP document has %q", line)
		}
	}
	if !bytes.Contains(drop["word/document.xml"], []byte("<w:keepNext/>")) {
		t.Error("a DROP article heading does not keep with its text")
	}
	editLines := paragraphs(t, edit["word/document.xml"])
	for _, want := range []string{"Heading2|Artikel␣3. Aanvraag", "TOC1|" + tocText} {
		if !slices.Contains(editLines, want) {
			t.Errorf("editing document lacks %q", want)
		}
	}
}

// TestStylesDefined: every style the body, header and footer use is
// defined in styles.xml, in both modes.
func TestStylesDefined(t *testing.T) {
	for _, o := range []Options{{}, {DROP: true}} {
		var buf bytes.Buffer
		if err := o.Write(&buf, sample()); err != nil {
			t.Fatal(err)
		}
		checkStylesDefined(t, buf.Bytes())
	}
	checkStylesDefined(t, write(t, informatieblad()))
}

func checkStylesDefined(t testing.TB, data []byte) {
	t.Helper()
	files, _ := parts(t, data)
	defined := map[string]bool{}
	for _, m := range regexp.MustCompile(`<w:style [^>]*w:styleId="([^"]+)"`).FindAllSubmatch(files["word/styles.xml"], -1) {
		defined[string(m[1])] = true
	}
	for _, name := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml", "word/numbering.xml"} {
		for _, m := range regexp.MustCompile(`<w:(pStyle|rStyle|tblStyle) w:val="([^"]+)"`).FindAllSubmatch(files[name], -1) {
			if !defined[string(m[2])] {
				t.Errorf("%s uses style %s, which styles.xml does not define", name, m[2])
			}
		}
	}
}

// pandocLists returns the number of items of ordered and of bullet lists
// pandoc reads in a .docx file.
func pandocLists(t testing.TB, pandoc, path string) (ordered, bullets int) {
	t.Helper()
	cmd := exec.Command(pandoc, "-f", "docx", "-t", "json", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc: %v\n%s", err, stderr.String())
	}
	var ast any
	if err := json.Unmarshal(data, &ast); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			c, _ := v["c"].([]any)
			switch v["t"] {
			case "OrderedList":
				if len(c) == 2 {
					items, _ := c[1].([]any)
					ordered += len(items)
				}
			case "BulletList":
				bullets += len(c)
			}
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(ast)
	return ordered, bullets
}

// checkPandocLists fails unless pandoc reads as many list items as the
// model has numbered leden, onderdelen and list items.
func checkPandocLists(t testing.TB, pandoc string, d *document.Document, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), string(d.Kind)+".docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ordered, bullets := pandocLists(t, pandoc, path)
	var wantOrdered, wantBullets int
	for _, m := range modelNumbers(d) {
		if m == "-" {
			wantBullets++
		} else {
			wantOrdered++
		}
	}
	if ordered != wantOrdered || bullets != wantBullets {
		t.Errorf("%s: pandoc reads %d numbered and %d bulleted list items, the model has %d and %d", d.Kind, ordered, bullets, wantOrdered, wantBullets)
	}
}

func TestPandocLists(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	for _, d := range []*document.Document{sample(), informatieblad()} {
		checkPandocLists(t, pandoc, d, write(t, d))
	}
}
