package pdf_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"verordening/internal/pdf"
	"verordening/internal/tooltest"
)

// A structure is what testdata/structure.py reads from a PDF with pikepdf.
type structure struct {
	Lang            string
	Marked          bool
	DisplayDocTitle bool
	Tags            []string
	Outline         [][2]any
	Links           []struct {
		Internal bool
		URI      string
	}
}

// readStructure writes the PDF to a file and reads its structure.
func readStructure(t *testing.T, data []byte) structure {
	t.Helper()
	py := python(t)
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var s structure
	if err := json.Unmarshal([]byte(tooltest.Run(t, py, "testdata/structure.py", path)), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

const linkPage = `<!DOCTYPE html><html lang="nl"><head><title>Links</title></head><body>
<h1>Links</h1><p>Zie <a href="#artikel-2">artikel 2</a>.</p>
<div style="height: 40cm"></div>
<h2 id="artikel-2">Artikel 2</h2><p>Tekst.</p></body></html>`

// TestLinksBetweenArticles: a link to an article on another page is an
// internal link of the PDF, not a link to a web address.
func TestLinksBetweenArticles(t *testing.T) {
	p := start(t, pdf.Options{})
	data, err := p.Print(pdf.Page{Name: "links.pdf", HTML: []byte(linkPage), Header: "Links"})
	if err != nil {
		t.Fatal(err)
	}
	s := readStructure(t, data)
	if len(s.Links) != 1 || !s.Links[0].Internal || s.Links[0].URI != "" {
		t.Errorf("links %+v, want one internal link", s.Links)
	}
}
