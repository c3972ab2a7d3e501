package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"verordening/internal/pdf"
	"verordening/internal/pipeline"
)

// startPDF starts the one Chromium of a run whose formats ask for PDF and
// gives it to c; without pdf among the formats it does nothing. An
// interrupt (Ctrl-C, SIGTERM) stops Chromium, so that the run ends with
// "Er is niets geschreven." and leaves no browser behind. The returned
// stop shuts Chromium down; call it when the run is over. When Chromium
// is missing or does not start, startPDF says so, in Dutch, before
// anything is written, and returns ok false.
func startPDF(e *env, cmd string, c *pipeline.Content, formats []string) (stop func(), ok bool) {
	if !slices.Contains(formats, "pdf") {
		return func() {}, true
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	p, err := pdf.Start(ctx, pdf.Options{})
	if err != nil {
		cancel()
		fmt.Fprintf(e.stderr, "verordening %s: %v\nEr is niets geschreven.\n", cmd, err)
		return nil, false
	}
	c.Printer = p
	return func() { p.Close(); cancel() }, true
}
