package pdf_test

import (
	"testing"

	"verordening/internal/pdf"
	"verordening/internal/pipeline/pipelinetest"
)

// BenchmarkPDF builds one gemeente's four documents as PDF with one
// Chromium, started once, as build --format pdf prints them: in parallel
// up to the number of cores.
func BenchmarkPDF(b *testing.B) {
	c, ans := pipelinetest.Example(b, "zaanstreek-waterland")
	c.Printer = start(b, pdf.Options{})
	for b.Loop() {
		if _, err := c.Build(ans, []string{"pdf"}); err != nil {
			b.Fatal(err)
		}
	}
}
