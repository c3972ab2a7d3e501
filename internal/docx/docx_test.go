package docx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/tooltest"
)

var (
	update = flag.Bool("update", false, "rewrite golden files")
	out    = flag.String("out", "", "also write the sample verordening to this .docx file")
)

// sample returns a verordening with two chapters, single and multiple
// leden, onderdelen with sub-onderdelen, definitions, a table and a
// toelichting.
func sample() *document.Document {
	return &document.Document{
		Kind:        document.Verordening,
		Title:       document.Plain("Verordening jobcoaching & werkplekaanpassingen <concept> gemeente Beëmster 2026"),
		Citeertitel: "Verordening jobcoaching Beëmster 2026",
		Gemeente:    "Beëmster",
		Subject:     "Jobcoaching en werkplekaanpassingen op grond van de Participatiewet",
		Intro: []document.Block{
			&document.Paragraph{Text: document.ParseMarkdown("De raad van de gemeente Beëmster;")},
			&document.Paragraph{Text: document.ParseMarkdown("gelezen het voorstel van burgemeester en wethouders van 3 februari 2026;")},
			&document.Paragraph{Text: document.ParseMarkdown("gelet op artikel 8a, tweede lid, onderdeel e, van de Participatiewet en artikel 147 van de Gemeentewet;")},
			&document.Paragraph{Text: document.ParseMarkdown("besluit vast te stellen de **Verordening jobcoaching Beëmster 2026**.")},
		},
		Chapters: []*document.Chapter{
			{Number: "1", Title: document.ParseMarkdown("Algemene bepalingen"), Articles: []*document.Article{
				{ID: "begrippen", Number: "1", Title: document.ParseMarkdown("Begripsbepalingen"), Leden: []*document.Lid{
					{Text: document.ParseMarkdown("In deze verordening wordt verstaan onder:"), Items: []*document.Item{
						{Text: document.ParseMarkdown("*college*: het college van burgemeester en wethouders van de gemeente Beëmster;")},
						{Text: document.ParseMarkdown("*jobcoach*: een persoon die de werknemer op de werkplek begeleidt, zoals bedoeld in artikel 10da van de Participatiewet;")},
						{Text: document.ParseMarkdown("*werkgever*: een natuurlijke persoon of rechtspersoon, waaronder een café of coöperatie, die arbeid laat verrichten.")},
					}},
				}, Note: []document.Block{
					&document.Paragraph{Text: document.ParseMarkdown("Begrippen die al in de Participatiewet zijn gedefinieerd, worden hier niet herhaald.")},
				}},
				{ID: "reikwijdte", Number: "2", Title: document.ParseMarkdown("Reikwijdte"), Leden: []*document.Lid{
					{Text: document.ParseMarkdown("Deze verordening is van toepassing op personen met een arbeidsbeperking die tot de doelgroep van het project SPORT\\_2026 behoren.")},
				}},
			}},
			{Number: "2", Title: document.ParseMarkdown("Voorzieningen"), Articles: []*document.Article{
				{ID: "aanvraag", Number: "3", Title: document.ParseMarkdown("Aanvraag"), Leden: []*document.Lid{
					{Number: "1", Text: document.ParseMarkdown("De werkgever vraagt de jobcoaching aan bij het college.")},
					{Number: "2", Text: document.ParseMarkdown("Bij de aanvraag verstrekt de werkgever ten minste:"), Items: []*document.Item{
						{Marker: "a.", Text: document.ParseMarkdown("de naam en het adres van de werknemer;")},
						{Marker: "b.", Text: document.ParseMarkdown("een beschrijving van de werkzaamheden, waaronder:"), Items: []*document.Item{
							{Marker: "1°.", Text: document.ParseMarkdown("het aantal uren per week;")},
							{Marker: "2°.", Text: document.ParseMarkdown("de plaats waar het werk wordt verricht; en")},
						}},
						{Marker: "c.", Text: document.ParseMarkdown("het *plan van aanpak* van de jobcoach.")},
					}},
					{Number: "3", Text: document.ParseMarkdown("Het college verstrekt ten hoogste de volgende bedragen per werknemer:"), Blocks: []document.Block{
						&document.Table{
							Caption: document.ParseMarkdown("Maximale vergoeding per jaar"),
							Header:  cellTexts("Periode", "Uren per week", "Bedrag"),
							Rows: [][]document.Text{
								cellTexts("eerste jaar", "ten hoogste 4", "€ 2.700"),
								cellTexts("tweede jaar", "ten hoogste 2", "€ 1.350,50"),
								cellTexts("daarna", "op aanvraag"),
							},
						},
					}},
				}, Note: []document.Block{
					&document.Paragraph{Text: document.ParseMarkdown("De aanvraag wordt gedaan door de werkgever, niet door de werknemer.")},
					&document.Heading{Level: 1, Text: document.ParseMarkdown("Bedragen")},
					&document.Paragraph{Text: document.ParseMarkdown("De bedragen zijn ontleend aan het **Protocol Jobcoaching** van UWV en worden jaarlijks geïndexeerd.")},
				}},
				{ID: "weigering", Number: "4", Title: document.ParseMarkdown("Weigeringsgronden"), Leden: []*document.Lid{
					{Number: "1", Text: document.ParseMarkdown("Het college weigert de jobcoaching als:"), Items: []*document.Item{
						{Marker: "a.", Text: document.ParseMarkdown("de werknemer geen arbeidsovereenkomst heeft;")},
						{Marker: "b.", Text: document.ParseMarkdown("de werkgever al een vergoeding ontvangt voor dezelfde kosten.")},
					}},
					{Number: "2", Text: document.ParseMarkdown("Het college kan de jobcoaching weigeren als de werkgever niet meewerkt aan het bepaalde in artikel 3, tweede lid.")},
				}, Note: []document.Block{
					&document.List{Items: cellTexts("eerste weigeringsgrond: geen dienstverband", "tweede weigeringsgrond: *dubbele* bekostiging")},
				}},
			}},
		},
		Closing: []document.Block{
			&document.Paragraph{Text: document.ParseMarkdown("Aldus vastgesteld in de openbare vergadering van 12 maart 2026.")},
			&document.Paragraph{Text: document.ParseMarkdown("De griffier, A. de Vries")},
			&document.Paragraph{Text: document.ParseMarkdown("De voorzitter, J. Müller")},
		},
		Notes: &document.Notes{
			Title: document.ParseMarkdown("Toelichting"),
			General: []document.Block{
				&document.Heading{Level: 1, Text: document.ParseMarkdown("Algemeen")},
				&document.Paragraph{Text: document.ParseMarkdown("Met deze verordening geeft de raad uitvoering aan de Participatiewet.")},
				&document.Heading{Level: 2, Text: document.ParseMarkdown("Financiële gevolgen")},
				&document.Paragraph{Text: document.ParseMarkdown("De kosten bedragen naar verwachting € 45.000 per jaar; zie het overzicht hieronder.")},
				&document.List{Ordered: true, Items: cellTexts("jobcoaching: € 40.000", "werkplekaanpassingen: € 5.000")},
			},
		},
	}
}

// informatieblad returns a document with one implicit chapter, unnumbered
// sections and bullets.
func informatieblad() *document.Document {
	return &document.Document{
		Kind:     document.Informatieblad,
		Title:    document.Plain("Informatieblad jobcoaching"),
		Gemeente: "Beëmster",
		Chapters: []*document.Chapter{{Articles: []*document.Article{
			{ID: "wat", Title: document.ParseMarkdown("Wat is jobcoaching?"), Leden: []*document.Lid{
				{Text: document.ParseMarkdown("Een jobcoach helpt u op uw werk."), Items: []*document.Item{
					{Marker: "-", Text: document.ParseMarkdown("u leert de taken;")},
					{Marker: "-", Text: document.ParseMarkdown("u krijgt ***extra*** hulp.")},
				}},
			}},
			{ID: "wie", Title: document.ParseMarkdown("Voor wie?"), Leden: []*document.Lid{
				{Text: document.ParseMarkdown("Voor werknemers met een arbeidsbeperking."), Blocks: []document.Block{
					&document.Heading{Level: 1, Text: document.ParseMarkdown("Meer weten?")},
					&document.Paragraph{Text: document.ParseMarkdown("Bel 14 0299 \\(gratis\\) of mail naar jobcoach\\@beemster.nl.")},
				}},
			}},
		}}},
	}
}

func write(t testing.TB, d *document.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parts returns the package's entries by name, and their names in order.
func parts(t testing.TB, data []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
		names = append(names, f.Name)
	}
	return files, names
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *document.Document
	}{
		{"verordening", sample()},
		{"informatieblad", informatieblad()},
	} {
		name, d := tc.name, tc.doc
		t.Run(name, func(t *testing.T) {
			data := write(t, d)
			if name == "verordening" && *out != "" {
				if err := os.WriteFile(*out, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			files, _ := parts(t, data)
			got := strings.Join(paragraphs(t, files["word/document.xml"]), "\n") + "\n"
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("document.xml text differs from %s (run with -update):\n%s", path, got)
			}
		})
	}
}

// paragraphs returns the text of document.xml, one paragraph a line, as
// "Style|text": bold runs in **, italic runs in *, tabs as "⇥", line
// breaks as "↵", non-breaking spaces as "␣". A numbered paragraph is
// "Style#numId.ilvl|text". A table row is one line "TableHeader|a | b" or
// "TableRow|a | b"; a page break before a paragraph is a line "PageBreak".
func paragraphs(t testing.TB, data []byte) []string {
	t.Helper()
	var (
		lines        []string
		text         strings.Builder
		style        string
		bold, italic bool
		inText       bool
		inTable      bool
		header       bool
		row          []string
	)
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tbl":
				inTable = true
			case "tr":
				row, header = nil, false
			case "tblHeader":
				header = true
			case "p":
				text.Reset()
				style = "Normal"
			case "pStyle":
				style = attr(tok, "val")
			case "ilvl":
				style += "." + attr(tok, "val")
			case "numId":
				style = strings.Replace(style, ".", "#"+attr(tok, "val")+".", 1)
			case "br":
				text.WriteString("↵")
			case "pageBreakBefore":
				lines = append(lines, "PageBreak")
			case "r":
				bold, italic = false, false
			case "b":
				bold = true
			case "i":
				italic = true
			case "tab":
				text.WriteString("⇥")
			case "t":
				inText = true
			}
		case xml.CharData:
			if inText {
				s := strings.ReplaceAll(string(tok), "\u00a0", "␣")
				switch {
				case bold && italic:
					s = "***" + s + "***"
				case bold:
					s = "**" + s + "**"
				case italic:
					s = "*" + s + "*"
				}
				text.WriteString(s)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inText = false
			case "p":
				if !inTable {
					lines = append(lines, style+"|"+text.String())
				}
			case "tc":
				row = append(row, text.String())
			case "tr":
				kind := "TableRow"
				if header {
					kind = "TableHeader"
				}
				lines = append(lines, kind+"|"+strings.Join(row, " | "))
			case "tbl":
				inTable = false
			}
		}
	}
	return lines
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func TestDeterministic(t *testing.T) {
	a, b := write(t, sample()), write(t, sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same document differ")
	}
}

func TestPackage(t *testing.T) {
	files, names := parts(t, write(t, sample()))
	want := []string{
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"docProps/custom.xml", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml",
		"word/footer1.xml",
	}
	if !slices.Equal(names, want) {
		t.Errorf("entries = %q, want %q", names, want)
	}
	for _, name := range names {
		if err := wellFormed(files[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// wellFormed decodes every token of data.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestProperties(t *testing.T) {
	files, _ := parts(t, write(t, sample()))
	var core struct {
		Title        string `xml:"title"`
		Subject      string `xml:"subject"`
		Creator      string `xml:"creator"`
		Keywords     string `xml:"keywords"`
		LastModified string `xml:"lastModifiedBy"`
		Language     string `xml:"language"`
		Status       string `xml:"contentStatus"`
	}
	if err := xml.Unmarshal(files["docProps/core.xml"], &core); err != nil {
		t.Fatal(err)
	}
	d := sample()
	if core.Title != d.Title.Plain() || core.Subject != d.Subject || core.Creator != d.Gemeente || core.Language != "nl-NL" ||
		core.Keywords != "verordening; Beëmster; concept" || core.LastModified != "verordening" || core.Status != "Concept" {
		t.Errorf("core properties = %+v", core)
	}
	// No dates: the clock would make two runs differ.
	for _, bad := range []string{"dcterms:created", "dcterms:modified"} {
		if strings.Contains(string(files["docProps/core.xml"]), bad) {
			t.Errorf("core.xml has %s", bad)
		}
	}
	var custom struct {
		Property []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if err := xml.Unmarshal(files["docProps/custom.xml"], &custom); err != nil {
		t.Fatal(err)
	}
	if len(custom.Property) != 1 || custom.Property[0].Name != "Status" || custom.Property[0].Value != "Concept" {
		t.Errorf("custom properties = %+v", custom)
	}
	checks := []struct{ part, want string }{
		{"word/header1.xml", "Concept — </w:t>"},
		{"word/header1.xml", "Verordening jobcoaching Beëmster 2026"},
		{"word/footer1.xml", "Pagina "},
		{"word/footer1.xml", " PAGE "},
		{"word/footer1.xml", " NUMPAGES "},
		{"word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`},
		{"word/settings.xml", `<w:updateFields w:val="true"/>`},
		{"word/styles.xml", `<w:lang w:val="nl-NL"`},
		{"word/styles.xml", `<w:name w:val="Title"/>`},
		{"word/styles.xml", `<w:name w:val="heading 1"/>`},
		{"word/styles.xml", `<w:outlineLvl w:val="2"/>`},
		{"word/styles.xml", `w:styleId="TableGrid"`},
		{"[Content_Types].xml", `PartName="/word/numbering.xml"`},
		{"[Content_Types].xml", `PartName="/docProps/custom.xml"`},
		{"word/_rels/document.xml.rels", `Target="numbering.xml"`},
		{"_rels/.rels", `Target="docProps/custom.xml"`},
	}
	for _, c := range checks {
		if !strings.Contains(string(files[c.part]), c.want) {
			t.Errorf("%s lacks %q", c.part, c.want)
		}
	}
	// The one field of the body is the table of contents: numbers and
	// references are text.
	instr := regexp.MustCompile(`<w:instrText[^>]*>([^<]*)</w:instrText>`).FindAllSubmatch(files["word/document.xml"], -1)
	if len(instr) != 1 || string(instr[0][1]) != ` TOC \o "1-3" \h \z \u ` {
		t.Errorf("document.xml field instructions = %q, want one TOC", instr)
	}
	if strings.Contains(string(files["word/document.xml"]), "fldSimple") {
		t.Error("document.xml has a simple field")
	}
}

func TestLanguage(t *testing.T) {
	var buf bytes.Buffer
	if err := (Options{Language: "fy-NL"}).Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	files, _ := parts(t, buf.Bytes())
	if !strings.Contains(string(files["word/styles.xml"]), `<w:lang w:val="fy-NL"`) {
		t.Error("styles.xml does not use the language option")
	}
}

func TestNil(t *testing.T) {
	if err := Write(io.Discard, nil); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

// sampleFile writes the sample to a temporary .docx file.
func sampleFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "verordening.docx")
	if err := os.WriteFile(path, write(t, sample()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPandoc(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	path := sampleFile(t)
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
	var p pandocText
	p.walk(ast)

	files, _ := parts(t, write(t, sample()))
	want := map[int]int{}
	for _, line := range paragraphs(t, files["word/document.xml"]) {
		var level int
		if _, err := fmt.Sscanf(line, "Heading%d|", &level); err == nil {
			want[level]++
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample has no headings")
	}
	if fmt.Sprint(p.headers) != fmt.Sprint(want) {
		t.Errorf("pandoc headings per level = %v, want %v", p.headers, want)
	}
	text := strings.Join(p.words, " ")
	for _, s := range []string{"jobcoaching & werkplekaanpassingen <concept>", "Beëmster", "café", "coöperatie",
		"Financiële", "€", "geïndexeerd", "Müller", "SPORT_2026", "Artikel\u00a03. Aanvraag"} {
		if !strings.Contains(text, s) {
			t.Errorf("pandoc output lacks %q", s)
		}
	}
}

// pandocText collects the headings per level and the words of a pandoc
// JSON document, metadata included.
type pandocText struct {
	headers map[int]int
	words   []string
}

func (p *pandocText) walk(v any) {
	switch v := v.(type) {
	case map[string]any:
		switch v["t"] {
		case "Header":
			if c, ok := v["c"].([]any); ok && len(c) > 0 {
				if level, ok := c[0].(float64); ok {
					if p.headers == nil {
						p.headers = map[int]int{}
					}
					p.headers[int(level)]++
				}
			}
		case "Str":
			if s, ok := v["c"].(string); ok {
				p.words = append(p.words, s)
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p.walk(v[k])
		}
	case []any:
		for _, e := range v {
			p.walk(e)
		}
	}
}

// TestLibreOffice: LibreOffice converts the sample to PDF, for editing
// and for DROP.
func TestLibreOffice(t *testing.T) {
	var drop bytes.Buffer
	if err := (Options{DROP: true}).Write(&drop, sample()); err != nil {
		t.Fatal(err)
	}
	dropFile := filepath.Join(t.TempDir(), "drop.docx")
	if err := os.WriteFile(dropFile, drop.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, docx := range []string{sampleFile(t), dropFile} {
		pdf := tooltest.ToPDF(t, t.TempDir(), docx)[0]
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Fatalf("%s is not a PDF (%d bytes)", pdf, len(data))
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	d := sample()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/doc")
}

func cellTexts(cells ...string) []document.Text {
	out := make([]document.Text, len(cells))
	for i, c := range cells {
		out[i] = document.ParseMarkdown(c)
	}
	return out
}
