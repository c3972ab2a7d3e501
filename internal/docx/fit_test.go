package docx_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"verordening/internal/docx"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/region"
	"verordening/internal/tooltest"
)

// realDocs returns DOCX files of real documents with tables: the
// harmonisatieoverzicht of both example regions (nine and fifteen
// columns) and the beleidsregels of the zaanstreek-waterland example.
func realDocs(t *testing.T) map[string][]byte {
	t.Helper()
	c := pipelinetest.Content(t)
	docs := map[string][]byte{}
	for _, name := range []string{"zaanstreek-waterland", "holland-rijnland"} {
		file, data, err := c.RegionExample(name)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := region.Parse(file, data, c.Questions)
		if err != nil {
			t.Fatal(err)
		}
		ov, err := region.Build(c, f, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		docs["harmonisatie-"+name] = render(t, c, ov)
	}
	_, ans := pipelinetest.Example(t, "zaanstreek-waterland")
	out, err := c.Build(ans, []string{"docx"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range out.Files {
		if f.Name == "beleidsregels.docx" {
			docs["beleidsregels"] = f.Data
		}
	}
	if docs["beleidsregels"] == nil {
		t.Fatal("no beleidsregels.docx")
	}
	return docs
}

func render(t *testing.T, c *pipeline.Content, ov *region.Overview) []byte {
	t.Helper()
	doc, err := ov.Document()
	if err != nil {
		t.Fatal(err)
	}
	files, err := c.Render(doc, []string{"docx"})
	if err != nil {
		t.Fatal(err)
	}
	return files[0].Data
}

// TestGoldenTables compares word/document.xml of the real documents with
// tables, indented one element a line, with testdata/<name>.document.xml.
func TestGoldenTables(t *testing.T) {
	docs := realDocs(t)
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		data := docs[name]
		t.Run(name, func(t *testing.T) {
			got := indent(pipelinetest.DocxBody(t, data))
			path := filepath.Join("testdata", name+".document.xml")
			if *docx.Update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("document.xml differs from %s (run go test ./internal/docx -update and review the diff)", path)
			}
		})
	}
}

// lineBreaks puts a paragraph, a table's properties and grid, a row, a
// cell and section properties each on a line of its own, so that a golden
// diff shows what changed.
var lineBreaks = regexp.MustCompile(`<w:(p|tbl|tblGrid|tr|tc|sectPr)[ >]|</w:tbl>`)

func indent(s string) []byte {
	return []byte(lineBreaks.ReplaceAllString(s, "\n$0") + "\n")
}

// TestTablesBreakNoWord converts the real documents to PDF with
// LibreOffice and checks, in the word boxes of pdftotext -bbox-layout,
// that no word of a table cell is broken across lines: every piece of
// text between spaces (and after a hyphen, where a line may break) occurs
// in the PDF as a whole word at least as often as in the document. It
// also checks that the harmonisatie matrix lies on a landscape page, and
// renders that page with pdftoppm.
func TestTablesBreakNoWord(t *testing.T) {
	pdftotext := tooltest.Need(t, "pdftotext")
	pdftoppm := tooltest.Need(t, "pdftoppm")
	pdffonts := tooltest.Need(t, "pdffonts")
	docs := realDocs(t)
	dir := t.TempDir()
	var paths []string
	for name, data := range docs {
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	tooltest.ToPDF(t, dir, paths...)
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		data := docs[name]
		t.Run(name, func(t *testing.T) {
			pdf := filepath.Join(dir, name+".pdf")
			requireCarlito(t, pdffonts, pdf)
			layout := pdfWords(t, pdftotext, pdf)
			checkWhole(t, pipelinetest.DocxBody(t, data), layout)
			if strings.HasPrefix(name, "harmonisatie") {
				checkLandscape(t, pdftoppm, pdf, layout, "(kostenplafond_bedrag)")
			}
		})
	}
}

// requireCarlito: the widths of the columns are computed for Calibri;
// without Calibri or the metric-compatible Carlito, LibreOffice sets the
// text in a wider font and the check would test nothing of ours.
func requireCarlito(t *testing.T, pdffonts, pdf string) {
	t.Helper()
	out, err := exec.Command(pdffonts, pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("Carlito")) || bytes.Contains(out, []byte("Calibri")) {
		return
	}
	msg := "LibreOffice heeft Calibri noch Carlito gebruikt; installeer fonts-crosextra-carlito (.ci/run doet dat met apt-get)\n" + string(out)
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// A pdfLayout is the text of a PDF as pdftotext -bbox-layout gives it.
type pdfLayout struct {
	Pages []struct {
		Width  float64  `xml:"width,attr"`
		Height float64  `xml:"height,attr"`
		Words  []string `xml:"flow>block>line>word"`
	} `xml:"body>doc>page"`
}

func pdfWords(t *testing.T, pdftotext, pdf string) *pdfLayout {
	t.Helper()
	out, err := exec.Command(pdftotext, "-bbox-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var l pdfLayout
	if err := xml.Unmarshal(out, &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) == 0 {
		t.Fatal("pdftotext found no pages")
	}
	return &l
}

// checkWhole checks that every piece of every table cell's text occurs in
// the PDF's words at least as often as in the whole document.xml.
func checkWhole(t *testing.T, documentXML string, l *pdfLayout) {
	t.Helper()
	cells, all := docText(t, documentXML)
	inDoc := counts(all)
	inPDF := map[string]int{}
	for _, p := range l.Pages {
		for _, w := range p.Words {
			for k, n := range counts([]string{w}) {
				inPDF[k] += n
			}
		}
	}
	if len(cells) == 0 {
		t.Fatal("the document has no table cells")
	}
	for _, piece := range slices.Sorted(maps.Keys(counts(cells))) {
		if inPDF[piece] < inDoc[piece] {
			t.Errorf("%q is in the document %d times, whole in the PDF %d times: a table cell breaks it", piece, inDoc[piece], inPDF[piece])
		}
	}
}

// docText returns the text of the table cells of document.xml and the
// text of all its paragraphs.
func docText(t *testing.T, s string) (cells, all []string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	var text strings.Builder
	inText, depth := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return cells, all
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tc":
				depth++
			case "p":
				text.Reset()
			case "t":
				inText = true
			case "tab", "br":
				text.WriteByte(' ')
			}
		case xml.CharData:
			if inText {
				text.Write(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inText = false
			case "tc":
				depth--
			case "p":
				all = append(all, text.String())
				if depth > 0 {
					cells = append(cells, text.String())
				}
			}
		}
	}
}

// counts counts the pieces of the texts: the words between spaces, each
// split after its hyphens, where a line may break.
func counts(texts []string) map[string]int {
	m := map[string]int{}
	for _, s := range texts {
		for _, w := range strings.Fields(s) {
			for _, p := range strings.SplitAfter(w, "-") {
				if p != "" {
					m[p]++
				}
			}
		}
	}
	return m
}

// checkLandscape checks that the page holding word is landscape, and
// renders it with pdftoppm to check the same from the image.
func checkLandscape(t *testing.T, pdftoppm, pdf string, l *pdfLayout, word string) {
	t.Helper()
	page := -1
	for i, p := range l.Pages {
		for _, w := range p.Words {
			if w == word && page < 0 {
				page = i
			}
		}
	}
	if page < 0 {
		t.Fatalf("no page shows %s", word)
	}
	if p := l.Pages[page]; p.Width <= p.Height {
		t.Errorf("page %d, with the matrix, is %.0f×%.0f pt: want landscape", page+1, p.Width, p.Height)
	}
	n := strconv.Itoa(page + 1)
	prefix := filepath.Join(filepath.Dir(pdf), strings.TrimSuffix(filepath.Base(pdf), ".pdf")+"-page")
	if out, err := exec.Command(pdftoppm, "-png", "-r", "60", "-f", n, "-l", n, "-singlefile", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width <= cfg.Height {
		t.Errorf("page %d renders %d×%d px: want landscape", page+1, cfg.Width, cfg.Height)
	}
}

// TestPandocReadsTables: pandoc, an independent reader, finds every table
// we wrote, the parts of a split table included, with the columns of its
// grid.
func TestPandocReadsTables(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	docs := realDocs(t)
	grid := regexp.MustCompile(`<w:tblGrid>.*?</w:tblGrid>`)
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		t.Run(name, func(t *testing.T) {
			var want []int
			for _, g := range grid.FindAllString(pipelinetest.DocxBody(t, docs[name]), -1) {
				want = append(want, strings.Count(g, "<w:gridCol "))
			}
			if len(want) == 0 {
				t.Fatal("no tables in document.xml")
			}
			cmd := exec.Command(pandoc, "-f", "docx", "-t", "json")
			cmd.Stdin = bytes.NewReader(docs[name])
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			var ast any
			if err := json.Unmarshal(out, &ast); err != nil {
				t.Fatal(err)
			}
			if got := pandocTables(ast, nil); !slices.Equal(got, want) {
				t.Errorf("pandoc reads tables of %v columns, want %v", got, want)
			}
		})
	}
}

// pandocTables returns the number of columns of each Table in a pandoc
// JSON document, in order. A Table's content is [attr, caption, colspecs,
// head, bodies, foot].
func pandocTables(v any, out []int) []int {
	switch v := v.(type) {
	case map[string]any:
		if c, ok := v["c"].([]any); ok && v["t"] == "Table" && len(c) > 2 {
			if specs, ok := c[2].([]any); ok {
				out = append(out, len(specs))
			}
		}
		out = pandocTables(v["blocks"], out)
		out = pandocTables(v["c"], out)
	case []any:
		for _, e := range v {
			out = pandocTables(e, out)
		}
	}
	return out
}
