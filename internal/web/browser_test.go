package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"verordening/internal/pdf"
)

// browser starts Chromium (as internal/pdf does) against a fresh wizard
// on loopback. Without Chromium or axe-core it skips; under CI it fails.
func browser(t *testing.T) (ctx context.Context, base string, c *client, axe string) {
	t.Helper()
	exe, err := pdf.Find()
	axeJS, axeErr := os.ReadFile(filepath.Join("nds", "node_modules", "axe-core", "axe.min.js"))
	if err != nil || axeErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser tests need Chromium and axe-core (npm ci in internal/web/nds): %v %v", err, axeErr)
		}
		t.Skipf("no Chromium or axe-core: %v %v", err, axeErr)
	}
	c = newClient(t, Config{})
	srv := httptest.NewServer(c.h)
	t.Cleanup(srv.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx, srv.URL, c, string(axeJS)
}

// axeResult is what axe.run reports, in short.
type axeResult struct {
	Violations []struct {
		ID     string
		Impact string
		Nodes  []struct{ Target []any }
	}
}

// checkAxe runs axe-core in the page: WCAG 2.1 A and AA violations fail
// the test; WCAG 2.2 findings are logged.
func checkAxe(t *testing.T, ctx context.Context, axe, page string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+";true")); err != nil {
		t.Fatal(err)
	}
	run := func(tags string) axeResult { return axeRun(t, ctx, tags) }
	for _, v := range run(`"wcag2a","wcag2aa","wcag21a","wcag21aa"`).Violations {
		t.Errorf("%s: axe WCAG 2.1 %s (%s) at %d places, first %v", page, v.ID, v.Impact, len(v.Nodes), v.Nodes[0].Target)
	}
	for _, v := range run(`"wcag22aa"`).Violations {
		t.Logf("%s: axe WCAG 2.2 finding %s (%s) at %d places", page, v.ID, v.Impact, len(v.Nodes))
	}
}

func axeRun(t *testing.T, ctx context.Context, tags string) axeResult {
	t.Helper()
	js := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: [%s]}})`, tags)
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](js, func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestBrowserAxe: every page of the wizard, the review and each preview
// tab has no WCAG 2.1 A/AA violation.
func TestBrowserAxe(t *testing.T) {
	ctx, base, c, axe := browser(t)
	// Before the first answer: the preview and the review say where to
	// begin.
	for _, p := range []string{"/voorbeeld/verordening", "/overzicht"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, axe, p+" before the first answer")
	}
	c.complete()
	pages := []string{"/overzicht", "/bestanden"}
	for _, sec := range c.h.(*Server).sections() {
		pages = append(pages, "/stap/"+sec.ID)
	}
	for _, tab := range tabs {
		pages = append(pages, "/voorbeeld/"+tab.Name)
	}
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, axe, p)
	}
	// A page with a validation message, and one with upload errors.
	if err := chromedp.Do(ctx, submitDate(base, "2027-13-01")...); err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, axe, "/stap/slot with an error")
	if err := chromedp.Do(ctx, uploadBad(t, base)...); err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, axe, "/bestanden with upload errors")
	// The checker itself: an image without alt text is a violation.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.appendChild(document.createElement("img")); true`)); err != nil {
		t.Fatal(err)
	}
	if v := axeRun(t, ctx, `"wcag2a"`); len(v.Violations) == 0 {
		t.Error("axe finds no violation in a page with an image without alt text")
	}
}

func submitDate(base, date string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/stap/slot"),
		chromedp.SetValue(chromedp.ID("inwerkingtreding"), date),
		chromedp.Submit(chromedp.ID("inwerkingtreding")),
		chromedp.WaitVisible(chromedp.ID("inwerkingtreding-fout")),
	}
}

func uploadBad(t *testing.T, base string) []chromedp.Action[chromedp.Void] {
	bad := writeTemp(t, "fout.yaml", "gemeente: Testdorp\nonbekend: 1\n")
	return []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/bestanden"),
		chromedp.SetUploadFiles(chromedp.ID("bestand"), []string{bad}),
		chromedp.Submit(chromedp.ID("bestand")),
		chromedp.WaitVisible(chromedp.ID("uploadfouten")),
	}
}

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("%s: %v", sel, err)
	}
	return s
}

// TestBrowserKeyboard completes the first section with the keyboard only:
// Tab to the field, type, Enter.
func TestBrowserKeyboard(t *testing.T) {
	ctx, base, _, _ := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/stap/gemeente")); err != nil {
		t.Fatal(err)
	}
	var active string
	for i := 0; i < 40 && active != "gemeente"; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		active, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	}
	if active != "gemeente" {
		t.Fatal("Tab never reached the field gemeente")
	}
	if err := chromedp.Do(ctx,
		chromedp.KeyEvent("Toetsdorp"),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.Search(`//h1[contains(., "Bestuurlijke keuzes")]`)),
	); err != nil {
		t.Fatal(err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/stap/bestuurlijk") {
		t.Errorf("after Enter: %s", loc)
	}
}

// TestBrowserPreview: the preview follows an answer without a reload, the
// trace opens, a validation message and upload errors can be read.
func TestBrowserPreview(t *testing.T) {
	ctx, base, c, _ := browser(t)
	c.complete()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/voorbeeld/verordening")); err != nil {
		t.Fatal(err)
	}
	if title := text(t, ctx, "#voorbeeld h1"); !strings.Contains(title, "Testdorp") {
		t.Fatalf("preview title %q", title)
	}
	// Another window changes the answer; the page follows by itself.
	if code, body, _ := c.post("/stap/gemeente", url.Values{"gemeente": {"Nieuwdorp"}}); code != http.StatusSeeOther {
		t.Fatalf("%d %s", code, body)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.Search(`//div[@id="voorbeeld"]//h1[contains(., "Nieuwdorp")]`))); err != nil {
		t.Fatalf("the preview did not follow the answer: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.trace summary"))); err != nil {
		t.Fatal(err)
	}
	if tr := text(t, ctx, "details.trace[open]"); !strings.Contains(tr, "Berust op") && !strings.Contains(tr, "Vaste bepaling") {
		t.Errorf("trace: %q", tr)
	}
	if err := chromedp.Do(ctx, submitDate(base, "31-12-2027")...); err != nil {
		t.Fatal(err)
	}
	if msg := text(t, ctx, "#inwerkingtreding-fout"); !strings.HasPrefix(msg, "Fout: ") {
		t.Errorf("validation message %q", msg)
	}
	if err := chromedp.Do(ctx, uploadBad(t, base)...); err != nil {
		t.Fatal(err)
	}
	if errs := text(t, ctx, "#uploadfouten"); !strings.Contains(errs, "fout.yaml:2:1: onbekende vraag") {
		t.Errorf("upload errors %q", errs)
	}
	if dir := os.Getenv("WIZARD_SCREENSHOTS"); dir != "" {
		screenshots(t, ctx, base, dir)
	}
}

// screenshots saves the first section, the review and the preview with a
// trace open, for a person to look at (WIZARD_SCREENSHOTS=dir).
func screenshots(t *testing.T, ctx context.Context, base, dir string) {
	shots := []struct {
		name, path, click string
	}{
		{"stap-bestuurlijk.png", "/stap/bestuurlijk", ""},
		{"overzicht.png", "/overzicht", ""},
		{"voorbeeld-waarom.png", "/voorbeeld/verordening", ""},
	}
	for _, s := range shots {
		steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + s.path)}
		if s.click != "" {
			steps = append(steps, chromedp.Click(chromedp.CSS(s.click)))
		}
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(s.path, "/voorbeeld") {
			// Open the trace of the first article an answer chose.
			chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const d = [...document.querySelectorAll("details.trace")].find(d => d.textContent.includes("Gekozen omdat")); d.open = true; d.previousElementSibling.scrollIntoView(); return true })()`))
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, s.name), png, 0o644)
	}
}

// TestBrowserDownloadZip downloads the zip of documents from the Bestanden
// page as a user does, by clicking its link, and opens what the browser
// saved: every document in Markdown, HTML and Word, and the answers.
func TestBrowserDownloadZip(t *testing.T) {
	ctx, base, c, _ := browser(t)
	c.complete()
	dir := t.TempDir()
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/bestanden"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
				Behavior:      cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName,
				DownloadPath:  dir,
				EventsEnabled: new(true),
			})
			return err
		}),
		chromedp.Click(chromedp.CSS(`a[href="/documenten.zip"]`)),
	); err != nil {
		t.Fatal(err)
	}
	var saved string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == cdpbrowser.DownloadProgressStateCanceled {
			t.Fatal("the browser cancelled the download")
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			saved = filepath.Join(dir, ev.GUID) // allowAndName names it by its GUID
			break
		}
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	checkZip(t, data)
}

// checkZip checks a zip of documents: each document in md, html (a Dutch
// page) and docx (itself a zip with word/document.xml), and the answers.
func checkZip(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the download is no zip (%d bytes): %v", len(data), err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = b
	}
	want := []string{"antwoorden.yaml"}
	for _, doc := range []string{"verordening", "beleidsregels", "informatieblad", "dekking"} {
		for _, ext := range zipFormats {
			want = append(want, doc+"."+ext)
		}
	}
	for _, name := range want {
		b, ok := files[name]
		switch {
		case !ok:
			t.Errorf("the zip lacks %s", name)
		case len(b) == 0:
			t.Errorf("%s is empty", name)
		case strings.HasSuffix(name, ".html") && !bytes.Contains(b, []byte(`<html lang="nl"`)):
			t.Errorf("%s has no <html lang=\"nl\"", name)
		case strings.HasSuffix(name, ".docx"):
			dr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Errorf("%s is no zip: %v", name, err)
				continue
			}
			if f, err := dr.Open("word/document.xml"); err != nil {
				t.Errorf("%s has no word/document.xml: %v", name, err)
			} else {
				f.Close()
			}
		}
	}
	if y := files["antwoorden.yaml"]; !bytes.Contains(y, []byte("gemeente: Testdorp")) {
		t.Errorf("antwoorden.yaml in the zip:\n%s", y)
	}
}
