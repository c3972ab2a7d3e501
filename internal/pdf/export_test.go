package pdf

import (
	"os"

	"github.com/chromedp/chromedp"
)

// Process is Chromium's process, for the tests that check it is gone.
func (p *Printer) Process() *os.Process {
	return chromedp.FromContext(p.browser).Browser.Process()
}
