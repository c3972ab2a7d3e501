package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"verordening/internal/pdf"
)

const smallPage = `<!DOCTYPE html><html lang="nl"><head><title>Klein</title></head><body><h1>Klein</h1><p>Tekst.</p></body></html>`

// TestDeterministic: two runs, each with its own Chromium, give the same
// bytes for the same page.
func TestDeterministic(t *testing.T) {
	c, docs := gemeente(t)
	html, err := c.Page.HTML(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	page := pdf.Page{Name: "verordening.pdf", HTML: html, Header: docs[0].Citeertitel}
	var runs [][]byte
	for range 2 {
		p := start(t, pdf.Options{})
		data, err := p.Print(page)
		if err != nil {
			t.Fatal(err)
		}
		p.Close()
		runs = append(runs, data)
	}
	if !bytes.Equal(runs[0], runs[1]) {
		t.Error("two runs printed different bytes")
	}
}

// TestPrintAllKeepsOrder prints several pages at once, more than the
// printer prints in parallel, and gets each page's PDF in its place.
func TestPrintAllKeepsOrder(t *testing.T) {
	p := start(t, pdf.Options{Parallel: 2})
	var pages []pdf.Page
	for _, title := range []string{"Een", "Twee", "Drie", "Vier", "Vijf"} {
		h := strings.ReplaceAll(smallPage, "Klein", title)
		pages = append(pages, pdf.Page{Name: title + ".pdf", HTML: []byte(h), Header: title})
	}
	out, err := p.PrintAll(pages)
	if err != nil {
		t.Fatal(err)
	}
	for i, pg := range pages {
		if title := strings.TrimSuffix(pg.Name, ".pdf"); !bytes.Contains(out[i], []byte("/Title ("+title+")")) {
			t.Errorf("PDF %d is not the page %q", i, title)
		}
	}
}

// TestTimeout: a page that takes longer than the time per page fails with
// a Dutch message naming the file.
func TestTimeout(t *testing.T) {
	p := start(t, pdf.Options{Timeout: time.Millisecond})
	_, err := p.Print(pdf.Page{Name: "traag.pdf", HTML: []byte(smallPage)})
	if err == nil || !strings.Contains(err.Error(), "traag.pdf: Chromium heeft de pagina niet binnen 1ms geprint") {
		t.Errorf("Print: %v, want the time-out message", err)
	}
}

// TestNoChromium: without Chromium on PATH, Find and Start say in Dutch
// which package to install.
func TestNoChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := pdf.Find(); !errors.Is(err, pdf.ErrNoChromium) {
		t.Errorf("Find: %v, want ErrNoChromium", err)
	}
	_, err := pdf.Start(context.Background(), pdf.Options{})
	if err == nil || !strings.Contains(err.Error(), "installeer het pakket chromium") {
		t.Errorf("Start: %v, want the message naming the package", err)
	}
}
