package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/tooltest"
)

// headings counts Markdown headings per level and lists the article
// headings ("Artikel N. …") in order.
func headings(md []byte) (perLevel [7]int, articles []string) {
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	art := regexp.MustCompile(`^Artikel [0-9]+[a-z]*\.`)
	for sc.Scan() {
		line := sc.Text()
		n := len(line) - len(strings.TrimLeft(line, "#"))
		if n == 0 || n > 6 || !strings.HasPrefix(line[n:], " ") {
			continue
		}
		perLevel[n]++
		text := strings.TrimSpace(line[n:])
		text = strings.TrimSpace(regexp.MustCompile(`\{[^}]*\}$`).ReplaceAllString(text, ""))
		if art.MatchString(text) {
			articles = append(articles, text)
		}
	}
	return perLevel, articles
}

// TestDocxReadBackByPandoc: pandoc, an independent reader, reads every
// example's Word documents back with the same heading structure and the
// same articles as our Markdown. The document title is Word's Title style,
// which pandoc reports as metadata rather than a heading, so level 1 is
// compared with that in mind.
func TestDocxReadBackByPandoc(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	c := pipelinetest.Content(t)
	for _, name := range c.Examples() {
		out := buildExample(t, c, name, "md", "docx")
		md := map[string][]byte{}
		for _, f := range out.Files {
			if filepath.Ext(f.Name) == ".md" {
				md[strings.TrimSuffix(f.Name, ".md")] = f.Data
			}
		}
		dir := t.TempDir()
		for _, f := range out.Files {
			if filepath.Ext(f.Name) != ".docx" {
				continue
			}
			kind := strings.TrimSuffix(f.Name, ".docx")
			path := filepath.Join(dir, f.Name)
			os.WriteFile(path, f.Data, 0o644)
			got, err := exec.Command(pandoc, "-f", "docx", "-t", "markdown", "--markdown-headings=atx", "--wrap=none", path).Output()
			if err != nil {
				t.Fatalf("%s/%s: pandoc: %v", name, f.Name, err)
			}
			// The DOCX keeps "Artikel" and its number together with a
			// non-breaking space, which the Markdown does not.
			got = bytes.ReplaceAll(got, []byte("\u00a0"), []byte(" "))
			mdLevels, wantArts := headings(md[kind])
			gotLevels, gotArts := headings(got)
			// Our h1 is the title; in Word it is the Title style, not a
			// heading, and every other heading sits one level higher.
			var wantLevels [7]int
			copy(wantLevels[1:], mdLevels[2:])
			if gotLevels != wantLevels {
				t.Errorf("%s/%s: headings per level %v, Markdown has %v", name, f.Name, gotLevels[1:], wantLevels[1:])
			}
			if strings.Join(gotArts, "\n") != strings.Join(wantArts, "\n") {
				t.Errorf("%s/%s: pandoc reads %d article headings, Markdown has %d", name, f.Name, len(gotArts), len(wantArts))
			}
			if kind == "verordening" && !strings.Contains(string(got), "Begripsbepalingen") {
				t.Errorf("%s/%s: no Begripsbepalingen in pandoc's reading", name, f.Name)
			}
		}
	}
}

// TestDocxConvertsInLibreOffice: LibreOffice converts every example's Word
// documents to PDF without error.
func TestDocxConvertsInLibreOffice(t *testing.T) {
	c := pipelinetest.Content(t)
	dir := t.TempDir()
	var files []string
	for _, name := range c.Examples() {
		for _, f := range buildExample(t, c, name, "docx").Files {
			if filepath.Ext(f.Name) == ".docx" {
				p := filepath.Join(dir, name+"-"+f.Name)
				os.WriteFile(p, f.Data, 0o644)
				files = append(files, p)
			}
		}
	}
	pdfs := tooltest.ToPDF(t, filepath.Join(dir, "pdf"), files...)
	for i, f := range files {
		pdf := pdfs[i]
		data, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("%s: no PDF (%v)", filepath.Base(f), err)
		}
	}
}

// BenchmarkDocx writes one example's verordening as DOCX and reports its
// size.
func BenchmarkDocx(b *testing.B) {
	c := pipelinetest.Content(b)
	out := buildExample(b, c, "zaanstreek-waterland", "md")
	d := out.Docs[0]
	var size int
	for b.Loop() {
		files, err := c.Render(d, []string{"docx"})
		if err != nil {
			b.Fatal(err)
		}
		size = len(files[0].Data)
	}
	b.ReportMetric(float64(size), "bytes/doc")
}

// TestDropFlag: build --drop writes Word for DROP (articles as bold body
// text, no table of contents), the default writes Word for editing, and
// --drop without docx among the formats is a usage error that writes
// nothing.
func TestDropFlag(t *testing.T) {
	for _, tc := range []struct {
		args             []string
		toc, kopArtikels bool
	}{
		{nil, true, true},
		{[]string{"--drop"}, false, false},
	} {
		dir := t.TempDir()
		args := append([]string{"build", "--example", "zaanstreek-waterland", "--out", dir, "--format", "docx"}, tc.args...)
		if code, _, stderr := runCLI(args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(dir, "verordening.docx"))
		if err != nil {
			t.Fatal(err)
		}
		body := pipelinetest.DocxBody(t, data)
		if got := strings.Contains(body, `w:val="TOCHeading"`); got != tc.toc {
			t.Errorf("%v: table of contents %v, want %v", tc.args, got, tc.toc)
		}
		heading := regexp.MustCompile(`^<w:pPr><w:pStyle w:val="Heading\d"/>.*<w:t[^>]*>Artikel`)
		got := false
		// The articles of the regulation; the toelichting's headings of
		// its articles are headings either way.
		regulation, _, _ := strings.Cut(body, ">Toelichting</w:t>")
		for _, p := range strings.Split(regulation, "<w:p>") {
			got = got || heading.MatchString(p)
		}
		if got != tc.kopArtikels {
			t.Errorf("%v: article headings as Word headings %v, want %v", tc.args, got, tc.kopArtikels)
		}
	}
	dir := filepath.Join(t.TempDir(), "uit")
	code, _, stderr := runCLI("build", "--example", "zaanstreek-waterland", "--out", dir, "--format", "md,html", "--drop")
	if code != exitUsage || !strings.Contains(stderr, "--drop geldt alleen voor Word") {
		t.Errorf("--drop without docx: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("--drop without docx wrote %s", dir)
	}
}
