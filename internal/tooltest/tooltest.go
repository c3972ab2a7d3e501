// Package tooltest gives the tests the external programs they use as
// independent checkers (pandoc, LibreOffice, poppler, Chromium): a test
// that needs one fails when the environment variable CI is set and the
// program is missing, and is skipped elsewhere.
package tooltest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Need returns the path of the program name.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name)
	}
	return p
}

// Missing ends the test because what is not installed: it fails under CI
// and is skipped elsewhere.
func Missing(t testing.TB, what string) {
	t.Helper()
	msg := what + " is niet geïnstalleerd; .ci/run installeert het met apt-get"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Run runs the program name and returns its standard output; the test
// fails when the program does.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Need(t, name), args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// ToPDF converts the .docx files to PDF with one LibreOffice run in a
// fresh profile, and returns the paths of the PDFs, in the order of docs.
func ToPDF(t testing.TB, dir string, docs ...string) []string {
	t.Helper()
	soffice := Need(t, "soffice")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--norestore",
		"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}, docs...)
	output, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("soffice timed out\n%s", output)
	}
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	pdfs := make([]string, len(docs))
	for i, d := range docs {
		pdfs[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(d), filepath.Ext(d))+".pdf")
		if _, err := os.Stat(pdfs[i]); err != nil {
			t.Fatalf("soffice made no PDF of %s: %v\n%s", filepath.Base(d), err, output)
		}
	}
	return pdfs
}
