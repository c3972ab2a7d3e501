package pdf_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"verordening/internal/pdf"
)

// need returns the path of an external program. Without it the test fails
// under CI and is skipped elsewhere.
func need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name)
	}
	return p
}

func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is niet geïnstalleerd; .ci/run installeert het met apt-get", what)
	}
	t.Skipf("%s is niet geïnstalleerd; .ci/run installeert het met apt-get", what)
}

// python returns a python3 that has pikepdf (Debian's python3-pikepdf is
// in /usr/bin; a python3 earlier on PATH, such as pyenv's, may lack it).
func python(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import pikepdf").Run() == nil {
			return path
		}
	}
	missing(t, "python3-pikepdf")
	return ""
}

// start starts a printer for the test, with Chromium, and closes it at the
// end.
func start(t testing.TB, o pdf.Options) *pdf.Printer {
	t.Helper()
	if _, err := pdf.Find(); err != nil {
		missing(t, "chromium")
	}
	p, err := pdf.Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// run runs a tool and returns its standard output.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(need(t, name), args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}
