package main

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"verordening/internal/tooltest"

	xhtml "golang.org/x/net/html"
)

// TestIndexPages: build and region write an index.html in every folder;
// its body matches the golden file (the head holds the stylesheet and the
// version, which other tests check), it is a page like the others, and
// every link resolves to a file the run wrote, every document written is
// linked, and the region's index links each gemeente's index.
func TestIndexPages(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		golden []string // index pages below out/, compared with testdata/index/
	}{
		{"build", []string{"build", "--example", "achterhoek", "--format", "md,html,docx"}, []string{"index.html"}},
		{"region", []string{"region", "--example", "zaanstreek-waterland", "--format", "md,html"}, []string{"index.html"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if code, _, stderr := runCLI(append(tc.args, "--out", dir)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, name := range tc.golden {
				page, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "index", tc.name+"-"+strings.ReplaceAll(name, "/", "-"))
				checkGolden(t, golden, pageBody(page))
			}
			checkIndexLinks(t, dir)
		})
	}
}

// pageBody is the page from <body on.
func pageBody(page []byte) []byte {
	if i := bytes.Index(page, []byte("<body")); i >= 0 {
		return page[i:]
	}
	return page
}

func checkGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", file, got)
	}
}

// checkIndexLinks checks every folder below dir that holds documents: it
// has an index.html that is a proper page, whose links all name files
// that exist, and that links every document file of the folder.
func checkIndexLinks(t *testing.T, dir string) {
	t.Helper()
	folders := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() == ".verordening" {
			return nil
		}
		entries, _ := os.ReadDir(p)
		var docs []string
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); !e.IsDir() && e.Name() != "index.html" && slices.Contains([]string{".md", ".html", ".docx", ".pdf"}, ext) {
				docs = append(docs, e.Name())
			}
		}
		if len(docs) == 0 {
			return nil
		}
		folders++
		rel, _ := filepath.Rel(dir, p)
		page, err := os.ReadFile(filepath.Join(p, "index.html"))
		if err != nil {
			t.Errorf("%s: no index.html", rel)
			return nil
		}
		checkPage(t, filepath.Join(rel, "index.html"), page, false)
		links := hrefs(t, page)
		for _, l := range links {
			if _, err := os.Stat(filepath.Join(p, filepath.FromSlash(l))); err != nil {
				t.Errorf("%s/index.html links %s, which was not written", rel, l)
			}
		}
		for _, doc := range docs {
			if !slices.Contains(links, doc) {
				t.Errorf("%s/index.html does not link %s", rel, doc)
			}
		}
		for _, e := range entries {
			if e.IsDir() && e.Name() != ".verordening" && !slices.Contains(links, e.Name()+"/index.html") {
				t.Errorf("%s/index.html does not link %s/index.html", rel, e.Name())
			}
		}
		return nil
	})
	if folders == 0 {
		t.Error("no folder with documents")
	}
}

// hrefs are the page's links to other files, unescaped.
func hrefs(t *testing.T, page []byte) []string {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
				v, err := url.PathUnescape(a.Val)
				if err != nil {
					t.Errorf("href %q: %v", a.Val, err)
				}
				out = append(out, v)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestIndexInBrowser opens a region's index in headless Chromium and
// follows the page: the browser reports no console errors and sees the
// table with its links.
func TestIndexInBrowser(t *testing.T) {
	chromium := tooltest.Need(t, "chromium")
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCLI("region", "--example", "zaanstreek-waterland", "--format", "html", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
		"--user-data-dir="+filepath.Join(dir, "profiel"), "--dump-dom", "file://"+filepath.Join(out, "index.html"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "CONSOLE") {
		t.Errorf("console messages:\n%s", stderr.String())
	}
	if !bytes.Contains(dom, []byte(`<a href="zaanstad/index.html">`)) || !bytes.Contains(dom, []byte("<th>Document</th>")) {
		t.Errorf("the browser does not see the index table:\n%s", dom)
	}
}
