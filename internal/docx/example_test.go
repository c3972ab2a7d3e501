package docx_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verordening/internal/docx"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/tooltest"
)

// built is one example's documents: the model and the DOCX of each.
type built struct {
	name string
	out  *pipeline.Output
}

func buildExamples(t *testing.T) []built {
	t.Helper()
	c := pipelinetest.Content(t)
	var out []built
	for _, name := range c.Examples() {
		ans, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		o, err := c.Build(ans, []string{"docx"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, built{name, o})
	}
	return out
}

// docxOf returns the DOCX file of the document of the given kind.
func docxOf(t *testing.T, o *pipeline.Output, kind string) []byte {
	t.Helper()
	for _, f := range o.Files {
		if f.Name == kind+".docx" {
			return f.Data
		}
	}
	t.Fatalf("no %s.docx", kind)
	return nil
}

// TestExamples compares, for every document of every example, the text of
// word/document.xml (as the golden files of TestGolden show it, with the
// list each paragraph is numbered in) and word/numbering.xml with golden
// files in testdata/examples/<example>/, and word/styles.xml, which is
// the same for every document, with testdata/styles.xml. Run with
// -update to rewrite them.
func TestExamples(t *testing.T) {
	var styles []byte
	for _, b := range buildExamples(t) {
		for _, d := range b.out.Docs {
			kind := string(d.Kind)
			files, _ := docx.Parts(t, docxOf(t, b.out, kind))
			dir := filepath.Join("testdata", "examples", b.name)
			golden(t, filepath.Join(dir, kind+".document.txt"), []byte(strings.Join(docx.Paragraphs(t, files["word/document.xml"]), "\n")+"\n"))
			golden(t, filepath.Join(dir, kind+".numbering.xml"), lines(files["word/numbering.xml"], "<w:abstractNum ", "<w:lvl ", "<w:num "))
			if styles == nil {
				styles = files["word/styles.xml"]
				golden(t, filepath.Join("testdata", "styles.xml"), lines(styles, "<w:docDefaults>", "<w:style "))
			} else if string(files["word/styles.xml"]) != string(styles) {
				t.Errorf("%s/%s: styles.xml differs from the other documents'", b.name, kind)
			}
		}
	}
}

// lines breaks XML before each of the given tags, so that a golden
// file's diff shows the element that changed.
func lines(data []byte, tags ...string) []byte {
	s := string(data)
	for _, tag := range tags {
		s = strings.ReplaceAll(s, tag, "\n"+tag)
	}
	return []byte(s + "\n")
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *docx.Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (run with -update and look at the diff)", path)
	}
}

// TestExampleNumbers: in every document of every example, the numbers
// Word shows are the model's leden, onderdelen and list items, all of them
// Word numbering; pandoc, an independent reader, finds as many list items;
// and every style used is defined.
func TestExampleNumbers(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	for _, b := range buildExamples(t) {
		t.Run(b.name, func(t *testing.T) {
			for _, d := range b.out.Docs {
				data := docxOf(t, b.out, string(d.Kind))
				docx.CheckNumbers(t, d, data)
				docx.CheckPandocLists(t, pandoc, d, data)
				docx.CheckStylesDefined(t, data)
			}
		})
	}
}
