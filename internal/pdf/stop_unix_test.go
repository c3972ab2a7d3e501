//go:build unix

package pdf_test

import (
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"

	"verordening/internal/pdf"
	"verordening/internal/tooltest"
)

// TestCancelStopsChromium: ending the run's context (as an interrupt
// does) shuts Chromium down, and printing then fails instead of hanging.
func TestCancelStopsChromium(t *testing.T) {
	if _, err := pdf.Find(); err != nil {
		tooltest.Missing(t, "chromium")
	}
	ctx, cancel := context.WithCancel(context.Background())
	p, err := pdf.Start(ctx, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	proc := p.Process()
	cancel()
	waitGone(t, proc.Pid)
	if _, err := p.Print(pdf.Page{Name: "na.pdf", HTML: []byte(smallPage)}); err == nil || !strings.Contains(err.Error(), "afgebroken") {
		t.Errorf("Print after cancel: %v, want an error that says the printing was broken off", err)
	}
}

// TestCloseStopsChromium: Close leaves no Chromium running.
func TestCloseStopsChromium(t *testing.T) {
	p := start(t, pdf.Options{})
	proc := p.Process()
	p.Close()
	waitGone(t, proc.Pid)
}

// waitGone waits up to ten seconds for the process to have exited.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	for range 100 {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("Chromium (process %d) still runs", pid)
}
