// Package pipeline wires the stages together: it loads a content pack once
// and turns an answers file into the bytes of every output file, without
// touching the disk.
package pipeline

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/docx"
	"verordening/internal/pdf"
	"verordening/internal/question"
	"verordening/internal/render"
	"verordening/internal/source"
)

// Formats are the output formats, in the order files are listed. PDF is
// printed by Content.Printer.
var Formats = []string{"md", "html", "docx", "pdf"}

// Content is a loaded content pack: questionnaire, clause library and
// page template.
type Content struct {
	FS        fs.FS
	Questions *question.Questionnaire
	Library   *clause.Library
	Page      *render.Page
	// Form says how the verordening stands beside the
	// re-integratieverordening (assemble.FormFile).
	Form *assemble.Form
	// Printer prints the pdf format: one Chromium for the whole run,
	// started by the command that asks for PDF (see pdf.Start).
	Printer *pdf.Printer
	// Docx are the options of the docx format, such as DROP.
	Docx docx.Options
	// Cache is what the builds of this content pack share (clause texts,
	// terms, parsed texts): a region's gemeenten differ in a few answers.
	// Nil builds everything afresh.
	Cache *assemble.Cache
}

// Load reads and checks a content pack (questions/, clauses/, templates/).
func Load(fsys fs.FS) (*Content, error) {
	// The clause texts are read and parsed while the questions load:
	// only checking them needs the questionnaire.
	texts := make(chan *clause.Texts, 1)
	go func() { texts <- clause.ReadTexts(fsys) }()
	qs, err := question.Load(fsys)
	if err != nil {
		<-texts
		return nil, err
	}
	lib, err := (<-texts).Load(fsys, qs)
	if err != nil {
		return nil, err
	}
	if err := assemble.CheckFrames(lib); err != nil {
		return nil, err
	}
	form, err := assemble.LoadForm(fsys, lib)
	if err != nil {
		return nil, err
	}
	page, err := render.NewPage(fsys)
	if err != nil {
		return nil, err
	}
	return &Content{FS: fsys, Questions: qs, Library: lib, Page: page, Form: form, Cache: assemble.NewCache(lib)}, nil
}

// Decode reads an answers file against the questionnaire.
func (c *Content) Decode(name string, data []byte) (*answer.Answers, source.ErrorList, error) {
	return answer.Decode(name, data, c.Questions)
}

// A File is one output file.
type File struct {
	Name string
	Data []byte
}

// Output is everything built for one gemeente.
type Output struct {
	Result *assemble.Result
	Docs   []*document.Document
	Files  []File
}

// Build assembles the documents for the answers and renders them in the
// formats asked for; antwoorden.yaml (the answers as used) is always
// written.
func (c *Content) Build(ans *answer.Answers, formats []string) (*Output, error) {
	res, err := assemble.BuildWith(c.Library, ans, assemble.Options{Form: c.Form, Cache: c.Cache})
	if err != nil {
		return nil, err
	}
	report, err := res.Coverage.Report(res.Verordening)
	if err != nil {
		return nil, err
	}
	out := &Output{Result: res}
	out.Docs = append(res.Documents(), report)
	// In the paragraph form the raad adopts a wijzigingsverordening: it
	// takes the verordening's place and file.
	if am := res.Amending; am != nil {
		out.Docs[0] = am.Document()
	}
	// A reference links to an article of any document written beside it.
	links := render.LinksOf(out.Docs...)
	// Documents render independently; on several cores, at once.
	files := make([][]File, len(out.Docs))
	errs := make([]error, len(out.Docs))
	var wg sync.WaitGroup
	for i, d := range out.Docs {
		wg.Go(func() { files[i], errs[i] = c.RenderLinked(d, formats, links) })
	}
	wg.Wait()
	for i := range out.Docs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out.Files = append(out.Files, files[i]...)
	}
	if err := c.withIndex(out, ans.Gemeente); err != nil {
		return nil, err
	}
	out.Files = append(out.Files, File{Name: "antwoorden.yaml", Data: ans.Encode()})
	sort.SliceStable(out.Files, func(i, j int) bool { return out.Files[i].Name < out.Files[j].Name })
	return out, nil
}

// Render writes one document in each format.
func (c *Content) Render(d *document.Document, formats []string) ([]File, error) {
	return c.RenderLinked(d, formats, render.LinksOf(d))
}

// RenderLinked is Render where the HTML links references to the articles
// of links (render.Links).
func (c *Content) RenderLinked(d *document.Document, formats []string, links render.Links) ([]File, error) {
	var files []File
	var page []byte // the HTML page, for html and pdf
	for _, f := range formats {
		name := string(d.Kind) + "." + f
		switch f {
		case "md":
			files = append(files, File{name, render.Markdown(d)})
		case "html", "pdf":
			if page == nil {
				h, err := c.Page.HTMLLinked(d, links)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", name, err)
				}
				page = h
			}
			data, err := c.pageAs(f, name, d, page)
			if err != nil {
				return nil, err
			}
			files = append(files, File{name, data})
		case "docx":
			var buf bytes.Buffer
			if err := c.Docx.Write(&buf, d); err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
			files = append(files, File{name, buf.Bytes()})
		}
	}
	return files, nil
}

// pageAs returns the document's HTML page as the format f: the page
// itself, or printed to PDF by the printer.
func (c *Content) pageAs(f, name string, d *document.Document, page []byte) ([]byte, error) {
	if f == "html" {
		return page, nil
	}
	if c.Printer == nil {
		return nil, fmt.Errorf("%s: PDF maken vraagt Chromium, maar dat is niet gestart", name)
	}
	return c.Printer.Print(pdf.Page{Name: name, HTML: page, Header: runningHeader(d)})
}

// runningHeader is the text at the top of every printed page, as in Word:
// the citeertitel, or the title when the document has none.
func runningHeader(d *document.Document) string {
	if d.Citeertitel != "" {
		return d.Citeertitel
	}
	return d.Title.Plain()
}

// ParseFormats reads a comma-separated list of formats.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("onbekend formaat %q (kies uit: %s)", f, strings.Join(Formats, ", "))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("geef ten minste één formaat op (%s)", strings.Join(Formats, ", "))
	}
	return out, nil
}

// ExampleDir holds the embedded example answer sets; RegionExampleDir
// the example regions.
const (
	ExampleDir       = "questions/voorbeelden"
	RegionExampleDir = ExampleDir + "/regio"
)

// Examples lists the names of the example answer sets.
func (c *Content) Examples() []string { return c.names(ExampleDir) }

// RegionExamples lists the names of the example regions.
func (c *Content) RegionExamples() []string { return c.names(RegionExampleDir) }

// Example returns the file name and contents of an example.
func (c *Content) Example(name string) (string, []byte, error) {
	return c.named(ExampleDir, "onbekend voorbeeld", name)
}

// ExampleAnswers decodes an example's answers.
func (c *Content) ExampleAnswers(name string) (*answer.Answers, error) {
	file, data, err := c.Example(name)
	if err != nil {
		return nil, err
	}
	ans, _, err := c.Decode(file, data)
	return ans, err
}

// RegionExample returns the file name and contents of an example region.
func (c *Content) RegionExample(name string) (string, []byte, error) {
	return c.named(RegionExampleDir, "onbekende voorbeeldregio", name)
}

// names lists the YAML files of dir without their extension.
func (c *Content) names(dir string) []string {
	files, _ := fs.Glob(c.FS, dir+"/*.yaml")
	var out []string
	for _, n := range files {
		out = append(out, strings.TrimSuffix(path.Base(n), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// named reads the example name from dir; unknown says what is not known
// ("onbekend voorbeeld"), with Dutch agreement.
func (c *Content) named(dir, unknown, name string) (string, []byte, error) {
	if !slices.Contains(c.names(dir), name) {
		return "", nil, fmt.Errorf("%s %q (beschikbaar: %s)", unknown, name, strings.Join(c.names(dir), ", "))
	}
	p := dir + "/" + name + ".yaml"
	data, err := fs.ReadFile(c.FS, p)
	return p, data, err
}
