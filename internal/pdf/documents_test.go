package pdf_test

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/pdf"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/region"
	"verordening/internal/tooltest"
	"verordening/internal/version"
)

var update = flag.Bool("update", false, "rewrite testdata/pages.golden")

// plain is a model text without markup: the one place these tests read
// the model's inline text.
func plain(t document.Text) string { return t.Plain() }

// documents are one gemeente's four documents and a region's
// harmonisatie, with the content pack that renders them.
func documents(t *testing.T) (*pipeline.Content, []*document.Document) {
	t.Helper()
	c, docs := gemeente(t)
	name, data, err := c.RegionExample("zaanstreek-waterland")
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := region.Parse(name, data, c.Questions)
	if err != nil {
		t.Fatal(err)
	}
	ov, err := region.Build(c, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ov.Document()
	if err != nil {
		t.Fatal(err)
	}
	return c, append(docs, doc)
}

// gemeente are one gemeente's four documents.
func gemeente(t *testing.T) (*pipeline.Content, []*document.Document) {
	t.Helper()
	c, ans := pipelinetest.Example(t, "zaanstreek-waterland")
	out, err := c.Build(ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c, out.Docs
}

// printed is a document printed to a PDF file.
type printed struct {
	doc  *document.Document
	html []byte
	data []byte
	path string
}

// printAll prints the documents through the pipeline's pdf format, with
// one printer.
func printAll(t *testing.T) []printed {
	t.Helper()
	c, docs := documents(t)
	c.Printer = start(t, pdf.Options{})
	dir := t.TempDir()
	var out []printed
	for _, d := range docs {
		files, err := c.Render(d, []string{"html", "pdf"})
		if err != nil {
			t.Fatal(err)
		}
		p := printed{doc: d, html: files[0].Data, data: files[1].Data, path: filepath.Join(dir, files[1].Name)}
		if err := os.WriteFile(p.path, p.data, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// TestPrintedDocuments checks every document kind's PDF with poppler and
// pikepdf, programs independent of Chromium: tagged, titled, A4, fonts
// embedded, in Dutch, with a structure tree and an outline of the
// articles, the text in the model's order, and its page count as the
// golden file says.
func TestPrintedDocuments(t *testing.T) {
	tooltest.Need(t, "pdfinfo")
	python(t)
	docs := printAll(t)
	var pages []string
	tags := map[string]bool{}
	for _, p := range docs {
		t.Run(string(p.doc.Kind), func(t *testing.T) {
			info := tooltest.Run(t, "pdfinfo", p.path)
			checkInfo(t, p, info)
			checkFonts(t, tooltest.Run(t, "pdffonts", p.path))
			checkText(t, p.doc, tooltest.Run(t, "pdftotext", p.path, "-"))
			checkPage1(t, p)
			checkMargins(t, p, field(info, "Pages"))
			s := readStructure(t, p.data)
			checkCatalog(t, s)
			checkTags(t, p.html, s.Tags)
			checkReadingOrder(t, p.html, s.Tags)
			checkOutline(t, p.doc, s.Outline)
			for _, tag := range s.Tags {
				tags[tag] = true
			}
			pages = append(pages, fmt.Sprintf("%s %s", p.doc.Kind, field(info, "Pages")))
		})
	}
	for _, tag := range []string{"H1", "H2", "H3", "H4", "L", "LI", "Table", "TH"} {
		if !tags[tag] {
			t.Errorf("no document has a %s element in its structure tree", tag)
		}
	}
	golden(t, "testdata/pages.golden", strings.Join(pages, "\n")+"\n")
	checkFolder(t, docs)
}

// checkMargins checks the running header (the citeertitel) and the page
// number "Pagina N van M" on the second page.
func checkMargins(t *testing.T, p printed, pages string) {
	t.Helper()
	text := tooltest.Run(t, "pdftotext", "-f", "2", "-l", "2", p.path, "-")
	if pages == "1" {
		text = tooltest.Run(t, "pdftotext", "-f", "1", "-l", "1", p.path, "-")
	}
	header := p.doc.Citeertitel
	if header == "" {
		header = p.doc.Title.Plain()
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if got, want := lines[0], header; got != want {
		t.Errorf("page 2 begins with %q, want the running header %q", got, want)
	}
	want := "Pagina 2 van " + pages
	if pages == "1" {
		want = "Pagina 1 van 1"
	}
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("page 2 ends with %q, want %q", got, want)
	}
}

// checkFolder checks the informatieblad's print rules: larger type than
// the verordening's, and the contact block at the end kept on one page.
func checkFolder(t *testing.T, docs []printed) {
	t.Helper()
	size := map[document.Kind]float64{}
	for _, p := range docs {
		size[p.doc.Kind] = textHeight(t, p.path)
		if p.doc.Kind != document.Informatieblad {
			continue
		}
		arts := p.doc.Articles()
		last := plain(arts[len(arts)-1].Heading())
		info := tooltest.Run(t, "pdfinfo", p.path)
		page := tooltest.Run(t, "pdftotext", "-f", field(info, "Pages"), "-l", field(info, "Pages"), p.path, "-")
		if !strings.Contains(page, last+"\n") {
			t.Errorf("the last page of the informatieblad does not hold its last section %q:\n%s", last, page)
		}
	}
	if inf, ver := size[document.Informatieblad], size[document.Verordening]; inf < 1.1*ver {
		t.Errorf("the informatieblad's text is %.1f pt high, the verordening's %.1f: want larger type", inf, ver)
	}
}

// textHeight is the most common height of a word on page 2: the height of
// the body text.
func textHeight(t *testing.T, path string) float64 {
	t.Helper()
	count := map[float64]int{}
	re := regexp.MustCompile(`yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)"`)
	for _, m := range re.FindAllStringSubmatch(tooltest.Run(t, "pdftotext", "-bbox", "-f", "2", "-l", "2", path, "-"), -1) {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		count[math.Round((hi-lo)*10)/10]++
	}
	best := 0.0
	for h, n := range count {
		if n > count[best] || n == count[best] && h > best {
			best = h
		}
	}
	return best
}

// field is the value of a "Name: value" line of pdfinfo.
func field(info, name string) string {
	m := regexp.MustCompile(`(?m)^` + name + `:\s*(.*)$`).FindStringSubmatch(info)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

func checkInfo(t *testing.T, p printed, info string) {
	t.Helper()
	if got := field(info, "Tagged"); got != "yes" {
		t.Errorf("Tagged: %q, want yes", got)
	}
	if got, want := field(info, "Title"), plain(p.doc.Title); got != want {
		t.Errorf("Title: %q, want %q", got, want)
	}
	want := "594.96 x 841.92 pts (A4)"
	if p.doc.Kind == document.Harmonisatie {
		want = "841.92 x 594.96 pts (A4)" // landscape
	}
	if got := field(info, "Page size"); got != want {
		t.Errorf("Page size: %q, want %q", got, want)
	}
	if got, want := field(info, "Creator"), version.Generator(); got != want {
		t.Errorf("Creator: %q, want %q, the program that made the document", got, want)
	}
	for _, date := range []string{"CreationDate", "ModDate"} {
		if got := field(info, date); got != "" {
			t.Errorf("%s: %q, want none: the clock is not part of the output", date, got)
		}
	}
}

// checkFonts checks pdffonts' "emb" column of every font.
func checkFonts(t *testing.T, fonts string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	col := strings.Index(lines[0], "emb")
	if col < 0 || len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", fonts)
	}
	for _, l := range lines[2:] {
		if len(l) < col+3 || l[col:col+3] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// checkText checks that the text holds every article heading of the model,
// in the model's order.
func checkText(t *testing.T, d *document.Document, text string) {
	t.Helper()
	text = strings.Join(strings.Fields(text), " ")
	at := 0
	for _, a := range d.Articles() {
		h := strings.Join(strings.Fields(plain(a.Heading())), " ")
		i := strings.Index(text[at:], h)
		if i < 0 {
			t.Errorf("pdftotext: %q missing, or not after the heading before it", h)
			continue
		}
		at += i + len(h)
	}
}

// checkPage1 renders page 1 with pdftoppm, in the orientation of the page.
func checkPage1(t *testing.T, p printed) {
	t.Helper()
	prefix := strings.TrimSuffix(p.path, ".pdf")
	tooltest.Run(t, "pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", "-singlefile", p.path, prefix)
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if landscape := b.Dx() > b.Dy(); landscape != (p.doc.Kind == document.Harmonisatie) {
		t.Errorf("page 1 is %dx%d pixels", b.Dx(), b.Dy())
	}
}

func checkCatalog(t *testing.T, s structure) {
	t.Helper()
	if s.Lang != "nl-NL" {
		t.Errorf("/Lang (%s), want (nl-NL)", s.Lang)
	}
	if !s.Marked {
		t.Error("/MarkInfo has no /Marked true")
	}
	if !s.DisplayDocTitle {
		t.Error("/ViewerPreferences has no /DisplayDocTitle true")
	}
}

// checkTags checks the structure tree for the element of each kind of
// HTML element the printed part of the page has.
func checkTags(t *testing.T, html []byte, tags []string) {
	t.Helper()
	html = withoutTOC(html)
	if len(tags) == 0 || tags[0] != "Document" {
		t.Fatalf("structure tree %v does not start with Document", tags[:min(len(tags), 5)])
	}
	for _, e := range []struct{ html, tag string }{
		{"<h1", "H1"}, {"<h2", "H2"}, {"<h3", "H3"}, {"<h4", "H4"},
		{"<ul", "L"}, {"<ol", "L"}, {"<li", "LI"}, {"<table", "Table"}, {"<th", "TH"}, {"<td", "TD"},
	} {
		if bytes.Contains(html, []byte(e.html)) && !slices.Contains(tags, e.tag) {
			t.Errorf("the page has %s>, the structure tree no %s", e.html, e.tag)
		}
	}
}

// withoutTOC is the page without its table of contents, which is not
// printed: the outline takes its place.
func withoutTOC(html []byte) []byte {
	before, rest, ok := bytes.Cut(html, []byte("<nav"))
	if !ok {
		return html
	}
	_, after, _ := bytes.Cut(rest, []byte("</nav>"))
	return append(bytes.Clone(before), after...)
}

// checkReadingOrder checks that a screen reader, which follows the
// structure tree, meets the headings in the order and at the levels of the
// printed page.
func checkReadingOrder(t *testing.T, html []byte, tags []string) {
	t.Helper()
	html = withoutTOC(html)
	var want, got []string
	for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllSubmatch(html, -1) {
		want = append(want, "H"+string(m[1]))
	}
	for _, tag := range tags {
		if len(tag) == 2 && tag[0] == 'H' && tag[1] >= '1' && tag[1] <= '6' {
			got = append(got, tag)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("headings in the structure tree\n%v\nwant the page's\n%v", got, want)
	}
}

// checkOutline checks the bookmarks: the title, then the chapters and
// their articles as the model numbers them (the toelichting's headings
// follow).
func checkOutline(t *testing.T, d *document.Document, outline [][2]any) {
	t.Helper()
	if len(outline) == 0 || outline[0][1] != plain(d.Title) {
		t.Fatalf("outline %v does not start with the title %q", outline[:min(len(outline), 3)], plain(d.Title))
	}
	var want []string
	for _, c := range d.Chapters {
		if c.Number != "" {
			want = append(want, "Hoofdstuk "+c.Number+". "+plain(c.Title))
		}
		for _, a := range c.Articles {
			want = append(want, plain(a.Heading()))
		}
	}
	var got []string
	for _, e := range outline[1:] {
		if s, _ := e[1].(string); slices.Contains(want, s) {
			got = append(got, s)
		}
	}
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Errorf("outline entries\n%s\nwant the headings of the model\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/pdf -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./internal/pdf -update and review the diff):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
