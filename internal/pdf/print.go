// Package pdf prints rendered HTML pages to tagged PDF with headless
// Chromium, and makes the result the same bytes for the same page.
package pdf

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"os/exec"
	"runtime"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"verordening/internal/version"
)

// A Page is one HTML page to print.
type Page struct {
	Name   string // the output file, for error messages
	HTML   []byte // a complete page, as render.Page.HTML writes it
	Header string // the running header on every page: the citeertitel
	// Date is the creation date written in the PDF; when zero, the PDF
	// names no date. It never comes from the clock.
	Date time.Time
}

// Options tune a Printer; the zero value is ready to use.
type Options struct {
	// Exec is the Chromium program; empty means the one Find returns.
	Exec string
	// Timeout bounds the printing of one page; zero means DefaultTimeout.
	Timeout time.Duration
	// Parallel is the number of pages printed at once; zero means the
	// number of cores.
	Parallel int
}

// DefaultTimeout is the time one page may take to print.
const DefaultTimeout = 2 * time.Minute

// ErrNoChromium says that Chromium is not installed.
var ErrNoChromium = errors.New("geen Chromium gevonden; installeer het pakket chromium (apt-get install chromium) om PDF te maken")

// chromiumNames are the names Chromium is installed under.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Find returns the path of the Chromium program, or ErrNoChromium.
func Find() (string, error) {
	for _, n := range chromiumNames {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// A Printer is one headless Chromium that prints pages, several at once.
// Close shuts it down; cancelling the context given to Start does too.
type Printer struct {
	browser context.Context
	cancel  func()
	timeout time.Duration
	slots   chan struct{}
}

// Start launches Chromium. It is shut down when ctx ends or Close is
// called.
func Start(ctx context.Context, o Options) (*Printer, error) {
	if o.Exec == "" {
		p, err := Find()
		if err != nil {
			return nil, err
		}
		o.Exec = p
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(o.Exec),
		chromedp.Flag("font-render-hinting", "none"), // the same glyph metrics on every run
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	p := &Printer{
		browser: browser,
		cancel:  func() { cancelBrowser(); cancelAlloc() },
		timeout: cmp.Or(o.Timeout, DefaultTimeout),
		slots:   make(chan struct{}, cmp.Or(o.Parallel, runtime.NumCPU())),
	}
	// The first Run starts the browser; fail here, not at the first page.
	if err := chromedp.Do(browser); err != nil {
		p.Close()
		if ctx.Err() != nil {
			return nil, errors.New("het starten van Chromium is afgebroken")
		}
		return nil, fmt.Errorf("kan Chromium niet starten (%s): %v", o.Exec, err)
	}
	return p, nil
}

// Close shuts Chromium down and waits for it to exit.
func (p *Printer) Close() { p.cancel() }

// Print prints one page in its own tab, within the printer's time per
// page, and returns the PDF made deterministic by Normalize.
func (p *Printer) Print(pg Page) ([]byte, error) {
	select {
	case p.slots <- struct{}{}:
	case <-p.browser.Done():
		return nil, fmt.Errorf("%s: het printen is afgebroken", pg.Name)
	}
	defer func() { <-p.slots }()
	tab, cancelTab := chromedp.NewContext(p.browser)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, p.timeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), load(pg.HTML)); err != nil {
		return nil, p.failed(ctx, pg, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.PrintToPDF(printOptions(pg.Header)))
	if err != nil {
		return nil, p.failed(ctx, pg, err)
	}
	out, err := Normalize(raw, pg.Date, version.Generator())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", pg.Name, err)
	}
	return out, nil
}

// failed says why printing the page failed: the run was broken off, its
// time was up, or Chromium reported an error.
func (p *Printer) failed(ctx context.Context, pg Page, err error) error {
	switch {
	case p.browser.Err() != nil:
		return fmt.Errorf("%s: het printen is afgebroken", pg.Name)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%s: Chromium heeft de pagina niet binnen %s geprint", pg.Name, p.timeout)
	}
	return fmt.Errorf("%s: Chromium kan de pagina niet printen: %v", pg.Name, err)
}

// PrintAll prints the pages at once, as far as the printer's parallelism
// allows, and returns their PDFs in the same order.
func (p *Printer) PrintAll(pages []Page) ([][]byte, error) {
	out := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	for i := range pages {
		wg.Go(func() { out[i], errs[i] = p.Print(pages[i]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// load puts the page into the tab without a network or a file: the page
// is self-contained (its stylesheet is inline). The document language is
// set to nl-NL, the form PDF readers expect in /Lang.
func load(h []byte) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{
			FrameID: tree.FrameTree.Frame.ID, HTML: string(h),
		})
		if err != nil {
			return err
		}
		if _, err := chromedp.Evaluate[string](`document.documentElement.lang = "nl-NL"`)(ctx, t); err != nil {
			return err
		}
		_, err = chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)(ctx, t)
		return err
	})
}

// printOptions print the loaded page on A4, tagged and with an outline,
// with the header and the page numbers in Chromium's header and footer.
// The stylesheet's @page rules come first (PreferCSSPageSize): a named
// page in landscape, as the harmonisatie has, turns the paper.
func printOptions(header string) chromedp.PDFOption {
	return func(p *page.PrintToPDFParams) {
		p.PaperWidth, p.PaperHeight = a4Width, a4Height
		p.PreferCSSPageSize = ptr(true)
		p.PrintBackground = ptr(true)
		p.GenerateTaggedPDF = ptr(true)
		p.GenerateDocumentOutline = ptr(true)
		p.DisplayHeaderFooter = ptr(true)
		p.HeaderTemplate = headerTemplate(header)
		p.FooterTemplate = footerTemplate
	}
}

func ptr[T any](v T) *T { return &v }

// A4 in inches, the unit of Page.printToPDF.
const (
	a4Width  = 210 / 25.4
	a4Height = 297 / 25.4
)

// The header and footer are separate small pages that Chromium prints in
// the page margin; they do not see the page's stylesheet, so they carry
// their own style. The footer reads "Pagina N van M", as in Word.
const (
	marginStyle    = `font-family: 'Segoe UI', Arial, sans-serif; font-size: 8pt; color: #444; width: 100%; box-sizing: border-box; padding: 0 1.5cm;`
	footerTemplate = `<div style="` + marginStyle + ` text-align: center;">Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`
)

// headerTemplate is the running header: the document's short title.
func headerTemplate(title string) string {
	return `<div style="` + marginStyle + ` text-align: right;">` + html.EscapeString(title) + `</div>`
}
