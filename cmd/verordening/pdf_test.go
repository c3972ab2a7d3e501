package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verordening/internal/pdf"
	"verordening/internal/tooltest"
)

// needChromium fails under CI, and skips elsewhere, without Chromium.
func needChromium(t *testing.T) {
	t.Helper()
	if _, err := pdf.Find(); err != nil {
		tooltest.Need(t, "chromium")
	}
}

// TestPDFWithoutChromium: without Chromium, --format pdf stops before
// anything is written, with a message that names the package to install,
// for build and region alike; the other formats work without it.
func TestPDFWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	reg := smallRegion(t, dir, "regio.yaml", 2, 24)
	for _, args := range [][]string{
		{"build", "--example", "zaanstreek-waterland", "--format", "md,pdf"},
		{"region", "--region", reg, "--format", "pdf"},
	} {
		out := filepath.Join(dir, args[0])
		code, _, stderr := runCLI(append(args, "--out", out)...)
		if code != exitInput {
			t.Errorf("%s: exit %d, want %d", args[0], code, exitInput)
		}
		for _, want := range []string{"installeer het pakket chromium", "Er is niets geschreven."} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr does not say %q:\n%s", args[0], want, stderr)
			}
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: %s was created", args[0], out)
		}
	}
	out := filepath.Join(dir, "md")
	if code, _, stderr := runCLI("build", "--example", "zaanstreek-waterland", "--format", "md,html,docx", "--out", out); code != exitOK {
		t.Errorf("build without pdf: exit %d\n%s", code, stderr)
	}
}

// TestBuildPDF: build --format pdf writes every document as PDF beside the
// other formats, and a second build writes the same bytes.
func TestBuildPDF(t *testing.T) {
	needChromium(t)
	var runs []map[string][]byte
	for range 2 {
		out := t.TempDir()
		code, stdout, stderr := runCLI("build", "--example", "zaanstreek-waterland", "--format", "html,pdf", "--out", out)
		if code != exitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		files := map[string][]byte{}
		for _, kind := range []string{"verordening", "beleidsregels", "informatieblad", "dekking"} {
			name := kind + ".pdf"
			data, err := os.ReadFile(filepath.Join(out, name))
			if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Fatalf("%s: not a PDF (%v)", name, err)
			}
			if !strings.Contains(stdout, filepath.Join(out, name)) {
				t.Errorf("stdout does not name %s:\n%s", name, stdout)
			}
			files[name] = data
		}
		runs = append(runs, files)
	}
	for name, data := range runs[0] {
		if !bytes.Equal(data, runs[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestRegionPDF: region --format pdf prints every gemeente's documents
// and the harmonisatie with one Chromium.
func TestRegionPDF(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	reg := smallRegion(t, dir, "regio.yaml", 2, 24)
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("region", "--region", reg, "--format", "pdf", "--out", out); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"harmonisatie.pdf", "zaanstad/verordening.pdf", "zaanstad/informatieblad.pdf"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s: not a PDF (%v)", name, err)
		}
	}
}
