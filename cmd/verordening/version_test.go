package main

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"verordening/internal/version"
)

// TestVersion: --version prints what the build information says.
func TestVersion(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build information in the test binary")
	}
	in := version.FromBuildInfo(bi)
	code, stdout, stderr := runCLI("--version")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := "verordening " + in.String() + "\n"
	if in.Revision != "" {
		want += "commit " + in.Revision
		if in.Modified {
			want += " (met wijzigingen die niet zijn vastgelegd)"
		}
		want += "\n"
	}
	want += "gebouwd met " + bi.GoVersion + "\n"
	if stdout != want {
		t.Errorf("--version:\n got %q\nwant %q", stdout, want)
	}
}

// TestVersionOfBinary builds the program as a user does, with the VCS
// stamped in where the tree allows it, and wants --version to name the
// revision that `go version -m` finds in the binary.
func TestVersionOfBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "verordening")
	build := exec.Command("go", "build", "-buildvcs=auto", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	meta, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	var rev string
	for _, line := range strings.Split(string(meta), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "build" && strings.HasPrefix(f[1], "vcs.revision=") {
			rev = strings.TrimPrefix(f[1], "vcs.revision=")
		}
	}
	t.Logf("vcs.revision in the binary: %q", rev)
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "verordening ") {
		t.Errorf("--version: %q", out)
	}
	if rev != "" && !strings.Contains(string(out), "commit "+rev) {
		t.Errorf("the binary holds revision %s, --version says:\n%s", rev, out)
	}
	if rev == "" && strings.Contains(string(out), "commit ") {
		t.Errorf("no revision in the binary, but --version names one:\n%s", out)
	}
}

// TestDocumentsNameVersion: every HTML page (also the redline of amend)
// names the program and its version in <meta name="generator">, and
// every Word file in the Application of docProps/app.xml.
func TestDocumentsNameVersion(t *testing.T) {
	want := version.Generator()
	dir := t.TempDir()
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("build", "--example", "achterhoek", "--out", out, "--format", "md,html,docx"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	_, oldFile, newFile := amendFiles(t, "variant")
	amended := filepath.Join(dir, "wijziging")
	if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", amended, "--format", "html,docx"); code != 0 {
		t.Fatalf("amend: exit %d: %s", code, stderr)
	}
	var html, docx int
	for _, folder := range []string{out, amended} {
		entries, err := os.ReadDir(folder)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p := filepath.Join(folder, e.Name())
			switch filepath.Ext(p) {
			case ".html":
				html++
				data, _ := os.ReadFile(p)
				if meta := `<meta name="generator" content="` + want + `">`; !strings.Contains(string(data), meta) {
					t.Errorf("%s lacks %s", e.Name(), meta)
				}
			case ".docx":
				docx++
				if got := docxApplication(t, p); got != want {
					t.Errorf("%s: Application %q, want %q", e.Name(), got, want)
				}
			}
		}
	}
	if html < 5 || docx < 5 {
		t.Errorf("only %d HTML and %d Word files", html, docx)
	}
}

// docxApplication reads the Application of a Word file's app.xml.
func docxApplication(t *testing.T, file string) string {
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("docProps/app.xml")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(f)
	var app struct {
		Application string `xml:"Application"`
	}
	if err := xml.Unmarshal(data, &app); err != nil {
		t.Fatal(err)
	}
	return app.Application
}
