package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/tooltest"
)

// golden compares got with testdata/name, or rewrites it with -update.
func amendGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; write it with go test -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; rewrite it with -update and read the diff", name, path)
	}
}

// amendRun runs amend on a scenario's answers in the given formats and
// returns the folder it wrote.
func amendRun(t *testing.T, scenario, formats string) string {
	t.Helper()
	dir, oldFile, newFile := amendFiles(t, scenario)
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--format", formats); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return out
}

// TestAmendWordRedlineGolden: word/document.xml of wijzigingen.docx, the
// tracked changes of the scenario variant (a variant of an article
// replaces another: leden go, come and change word by word). The golden
// file has a line break after every paragraph, so that its diff can be
// read.
func TestAmendWordRedlineGolden(t *testing.T) {
	out := amendRun(t, "variant", "docx")
	data, err := os.ReadFile(filepath.Join(out, "wijzigingen.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc := []byte(pipelinetest.DocxBody(t, data))
	amendGolden(t, "amend-wijzigingen-document.xml", bytes.ReplaceAll(doc, []byte("</w:p>"), []byte("</w:p>\n")))
}

// TestAmendWasWordtFiles: with md, html and docx, amend writes the
// was-wordt-tabel in each format; its page is Dutch, has one h1 and is
// labelled Was-wordt-tabel (it has no table of contents: it is one
// table), and pandoc reads a table of three columns from its Word file.
func TestAmendWasWordtFiles(t *testing.T) {
	out := amendRun(t, "vervalt", "md,html,docx")
	page, err := os.ReadFile(filepath.Join(out, "waswordt.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(page, []byte("<h1")); n != 1 {
		t.Errorf("waswordt.html has %d h1 elements, want 1", n)
	}
	for _, want := range []string{`<html lang="nl">`, `<span class="soort">Was-wordt-tabel</span>`, "<th>Huidige tekst</th>", "(vervalt)"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("waswordt.html lacks %s", want)
		}
	}
	pandoc := tooltest.Need(t, "pandoc")
	html, err := exec.Command(pandoc, "-t", "html", filepath.Join(out, "waswordt.docx")).Output()
	if err != nil {
		t.Fatal(err)
	}
	head := regexp.MustCompile(`(?s)<thead>.*?</thead>`).Find(html)
	if n := bytes.Count(head, []byte("</th>")); n != 3 {
		t.Errorf("pandoc reads %d header cells from waswordt.docx, want 3:\n%s", n, head)
	}
}
