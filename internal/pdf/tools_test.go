package pdf_test

import (
	"context"
	"os/exec"
	"testing"

	"verordening/internal/pdf"
	"verordening/internal/tooltest"
)

// python returns a python3 that has pikepdf (Debian's python3-pikepdf is
// in /usr/bin; a python3 earlier on PATH, such as pyenv's, may lack it).
func python(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import pikepdf").Run() == nil {
			return path
		}
	}
	tooltest.Missing(t, "python3-pikepdf")
	return ""
}

// start starts a printer for the test, with Chromium, and closes it at the
// end.
func start(t testing.TB, o pdf.Options) *pdf.Printer {
	t.Helper()
	if _, err := pdf.Find(); err != nil {
		tooltest.Missing(t, "chromium")
	}
	p, err := pdf.Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}
