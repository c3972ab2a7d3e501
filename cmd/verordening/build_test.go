package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"verordening"
	"verordening/internal/lint"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/region"
	"verordening/internal/tooltest"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(&env{strings.NewReader(""), &o, &e}, args)
	return code, o.String(), e.String()
}

// TestExamples: every embedded example builds in every format and passes
// check.
func TestExamples(t *testing.T) {
	c := pipelinetest.Content(t)
	if len(c.Examples()) < 2 {
		t.Fatalf("%d examples, want at least 2", len(c.Examples()))
	}
	for _, name := range c.Examples() {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := runCLI("build", "--example", name, "--out", dir, "--format", "md,html,docx")
			if code != 0 {
				t.Fatalf("build: exit %d\n%s", code, stderr)
			}
			for _, f := range []string{"verordening.md", "verordening.html", "verordening.docx", "dekking.md", "dekking.html", "antwoorden.yaml"} {
				if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
					t.Errorf("%s not written", f)
				}
			}
			code, stdout, stderr := runCLI("check", "--example", name)
			if code != 0 {
				t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
			}
			// The answers as used build the same documents.
			dir2 := t.TempDir()
			if code, _, stderr := runCLI("build", "--answers", filepath.Join(dir, "antwoorden.yaml"), "--out", dir2); code != 0 {
				t.Fatalf("rebuild from antwoorden.yaml: exit %d\n%s", code, stderr)
			}
			a, _ := os.ReadFile(filepath.Join(dir, "verordening.md"))
			b, _ := os.ReadFile(filepath.Join(dir2, "verordening.md"))
			if !bytes.Equal(a, b) {
				t.Error("antwoorden.yaml does not rebuild the same verordening")
			}
		})
	}
}

// TestDeterministic: two builds of the same answers are byte-identical.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if code, _, stderr := runCLI("build", "--example", "zaanstreek-waterland", "--out", d, "--format", "md,html,docx"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	entries, _ := os.ReadDir(a)
	for _, e := range entries {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, _ := os.ReadFile(filepath.Join(b, e.Name()))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", e.Name())
		}
	}
}

// copyContent copies the embedded content pack to a folder.
func copyContent(t *testing.T) string {
	dir := t.TempDir()
	err := fs.WalkDir(verordening.Content, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, p)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(verordening.Content, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestContentWithoutQualityClauses: remove every clause that covers the
// quality requirements from a --content copy; check must exit 1 and name
// the requirement.
func TestContentWithoutQualityClauses(t *testing.T) {
	dir := copyContent(t)
	clauses, _ := filepath.Glob(filepath.Join(dir, "clauses", "verordening", "*.md"))
	removed := 0
	for _, p := range clauses {
		data, _ := os.ReadFile(p)
		front, _, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---")
		if strings.Contains(front, "pw8a-2e2-kwaliteitseisen") {
			os.Remove(p)
			removed++
		}
	}
	if removed == 0 {
		t.Fatal("no clause covers pw8a-2e2-kwaliteitseisen")
	}
	code, stdout, stderr := runCLI("check", "--example", "g4-uwv", "--content", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "Niet gedekt: pw8a-2e2-kwaliteitseisen") {
		t.Errorf("output does not name the uncovered requirement:\n%s%s", stdout, stderr)
	}
}

// TestContentErrorsArePositioned: a broken clause in a --content folder
// is reported at its file and line.
func TestContentErrorsArePositioned(t *testing.T) {
	dir := copyContent(t)
	bad := "---\nid: kapot\ndocument: verordening\nchapter: slot\norder: 99\nkind: facultatief\ntitle: Kapot\nwhen: doelgroep == \"iedereen\"\n---\nTekst {{ .A.bestaat_niet }}.\n\n## Toelichting\n\nUitleg.\n"
	if err := os.WriteFile(filepath.Join(dir, "clauses", "verordening", "99-kapot.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("check", "--example", "g4-uwv", "--content", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`clauses/verordening/99-kapot.md:8:19: voorwaarde: "iedereen" is geen mogelijke waarde van doelgroep (kies uit: breed, voorrang, kern)`,
		`clauses/verordening/99-kapot.md:10:`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestHTMLStructure checks every example's pages: lang="nl", a title, one
// h1, no skipped heading level, a table of contents whose links all land,
// and a print stylesheet.
func TestHTMLStructure(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, name := range c.Examples() {
		out := buildExample(t, c, name, "html")
		for _, f := range out.Files {
			if filepath.Ext(f.Name) == ".html" {
				checkPage(t, name+"/"+f.Name, f.Data, f.Name != pipeline.IndexFile)
			}
		}
	}
}

func buildExample(t testing.TB, c *pipeline.Content, name string, formats ...string) *pipeline.Output {
	t.Helper()
	ans, err := c.ExampleAnswers(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Build(ans, formats)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPage checks a page's language, title, headings and its table of
// contents, which an index page (wantTOC false) has none of.
func checkPage(t *testing.T, name string, page []byte, wantTOC bool) {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var h1, last int
	ids, links := map[string]bool{}, []string{}
	var title, lang string
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[a.Val] = true
				case "href":
					if strings.HasPrefix(a.Val, "#") {
						links = append(links, a.Val[1:])
					}
				case "lang":
					lang = a.Val
				}
			}
			if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
				level := int(n.Data[1] - '0')
				if level == 1 {
					h1++
				}
				if level > last+1 {
					t.Errorf("%s: heading level skips from h%d to h%d", name, last, level)
				}
				last = level
			}
			if n.Data == "title" && n.FirstChild != nil {
				title = n.FirstChild.Data
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if lang != "nl" {
		t.Errorf("%s: lang=%q, want nl", name, lang)
	}
	if strings.TrimSpace(title) == "" {
		t.Errorf("%s: no title", name)
	}
	if h1 != 1 {
		t.Errorf("%s: %d h1 elements, want 1", name, h1)
	}
	if wantTOC && len(links) < 2 {
		t.Errorf("%s: table of contents has %d links", name, len(links))
	}
	for _, l := range links {
		if !ids[l] {
			t.Errorf("%s: link #%s has no target", name, l)
		}
	}
	if !bytes.Contains(page, []byte("@media print")) {
		t.Errorf("%s: no print stylesheet", name)
	}
}

// TestMarkdownParsersAgree: goldmark and gomarkdown read every example's
// Markdown the same way (see internal/lint).
func TestMarkdownParsersAgree(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, name := range c.Examples() {
		for _, f := range buildExample(t, c, name, "md").Files {
			if filepath.Ext(f.Name) != ".md" {
				continue
			}
			if d := lint.Compare(f.Data); d != nil {
				t.Errorf("%s/%s: %s", name, f.Name, d)
			}
		}
	}
}

// TestPageInBrowser loads a page whose answers hold markup in headless
// Chromium and reads back the DOM the browser built: one h1 holding the
// title as text, and no element that came from the answers.
func TestPageInBrowser(t *testing.T) {
	chromium := tooltest.Need(t, "chromium")
	dir := t.TempDir()
	answers := filepath.Join(dir, "a.yaml")
	os.WriteFile(answers, []byte("gemeente: \"Stad <img src=x onerror=alert(1)> & Co\"\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\n"), 0o644)
	if code, _, stderr := runCLI("build", "--answers", answers, "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profiel"), "--dump-dom", "file://"+filepath.Join(dir, "verordening.html"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	if strings.Count(dom, "<h1") != 1 {
		t.Errorf("the browser sees %d h1 elements", strings.Count(dom, "<h1"))
	}
	if strings.Contains(dom, "<img") {
		t.Error("markup from the answers became an element")
	}
	if !strings.Contains(dom, "Stad &lt;img src=x onerror=alert(1)&gt; &amp; Co") {
		t.Error("the gemeente's name is not shown as text")
	}
	if !strings.Contains(dom, `<nav class="inhoud"`) {
		t.Error("no table of contents in the DOM")
	}
}

// BenchmarkBuild builds one gemeente's documents in Markdown and HTML, in
// process, from its answers file, again and again with one content pack:
// after the first build, clause texts and HTML sections come from the
// pack's caches, as they do for most gemeenten of a region. A single
// "verordening build" starts cold; BenchmarkProcess measures that.
func BenchmarkBuild(b *testing.B) {
	c := pipelinetest.Content(b)
	file, data, _ := c.Example("zaanstreek-waterland")
	for b.Loop() {
		ans, _, err := c.Decode(file, data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Build(ans, []string{"md", "html"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProcess runs "verordening build" as a whole process, as a user
// does: start-up, loading the content pack, building and writing one
// gemeente's documents in md, html and docx.
func BenchmarkProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "verordening")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for b.Loop() {
		cmd := exec.Command(bin, "build", "--example", "zaanstreek-waterland", "--out", filepath.Join(dir, "out"), "--format", "md,html,docx")
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRegionLinks: for every example region, the region command builds
// every gemeente in every format, every link in harmonisatie.html leads to
// a file it wrote, and every gemeente has one.
func TestRegionLinks(t *testing.T) {
	c := pipelinetest.Content(t)
	names := c.RegionExamples()
	if len(names) < 2 {
		t.Fatalf("example regions %v, want at least two", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			file, data, _ := c.RegionExample(name)
			f, _, err := region.Parse(file, data, c.Questions)
			if err != nil {
				t.Fatal(err)
			}
			checkRegionLinks(t, name, len(f.Gemeenten))
		})
	}
}

func checkRegionLinks(t *testing.T, name string, gemeenten int) {
	dir := t.TempDir()
	code, _, stderr := runCLI("region", "--example", name, "--out", dir, "--format", "md,html,docx")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "harmonisatie.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if n.Data == "a" && a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
				files = append(files, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(files) != gemeenten {
		t.Errorf("%d links to files, want one per gemeente (%d): %v", len(files), gemeenten, files)
	}
	for _, f := range files {
		if filepath.IsAbs(f) || strings.Contains(f, "..") {
			t.Errorf("link %q leaves the output folder", f)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("link %q: %v", f, err)
		}
	}
}
