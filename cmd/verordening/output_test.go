package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"verordening/internal/output"
)

// The test binary runs itself as the command when VERORDENING_CHILD holds
// the arguments (separated by newlines), so that a test can kill a real
// process at a chosen point (VERORDENING_KILL_AT: the index of the
// output.TestHook call at which it kills itself with SIGKILL).
func TestMain(m *testing.M) {
	if args := os.Getenv("VERORDENING_CHILD"); args != "" {
		os.Exit(childRun(strings.Split(args, "\n")))
	}
	os.Exit(m.Run())
}

func childRun(args []string) int {
	at, err := strconv.Atoi(os.Getenv("VERORDENING_KILL_AT"))
	if err != nil {
		at = -1
	}
	var mu sync.Mutex
	n := 0
	output.TestHook = func(string) error {
		mu.Lock()
		defer mu.Unlock()
		if n == at {
			killSelf()
		}
		n++
		return nil
	}
	return run(&env{strings.NewReader(""), os.Stdout, os.Stderr}, args)
}

// snapshot reads every file below dir (rel path → content; folders end
// in "/").
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	got, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func readTree(dir string) (map[string]string, error) {
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		got[rel] = string(data)
		return err
	})
	return got, err
}

func mustRun(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := runCLI(args...)
	if code != 0 {
		t.Fatalf("%q: exit %d:\n%s", args, code, stderr)
	}
	return stdout, stderr
}

func writeTestFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// smallRegion writes a region file of the example region's first n
// gemeenten, with the basis's evaluation period set to months.
func smallRegion(t *testing.T, dir, name string, n, months int) string {
	t.Helper()
	data, err := os.ReadFile("../../questions/voorbeelden/regio/zaanstreek-waterland.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "evaluatie_maanden: 24", "evaluatie_maanden: "+strconv.Itoa(months), 1)
	var out []string
	inGemeenten, count := false, 0
	for _, l := range strings.Split(text, "\n") {
		if l == "gemeenten:" {
			inGemeenten = true
		} else if inGemeenten && strings.HasPrefix(l, "  ") && l[2] != ' ' {
			if count++; count > n {
				break
			}
		}
		out = append(out, l)
	}
	p := filepath.Join(dir, name)
	writeTestFile(t, p, strings.Join(out, "\n")+"\n")
	return p
}

// TestRegionKeepsUserFiles: a region build replaces the tool's files only;
// a user's notes in a gemeente's folder and in the region folder stay.
func TestRegionKeepsUserFiles(t *testing.T) {
	dir := t.TempDir()
	reg := smallRegion(t, dir, "regio.yaml", 2, 24)
	out := filepath.Join(dir, "uit")
	mustRun(t, "region", "--region", reg, "--out", out)
	writeTestFile(t, filepath.Join(out, "zaanstad", "notes.txt"), "mijn aantekeningen")
	writeTestFile(t, filepath.Join(out, "notes.txt"), "ook van mij")
	mustRun(t, "region", "--region", reg, "--out", out)
	for _, p := range []string{"zaanstad/notes.txt", "notes.txt"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("the user's %s is gone: %v", p, err)
		}
	}
}

// TestBuildBlocked: a folder where an output file goes stops the build
// before any file is replaced.
func TestBuildBlocked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "uit")
	mustRun(t, "build", "--example", "achterhoek", "--out", out)
	os.Remove(filepath.Join(out, "verordening.md"))
	os.Mkdir(filepath.Join(out, "verordening.md"), 0o755)
	before := snapshot(t, out)
	code, _, stderr := runCLI("build", "--example", "noordoostpolder", "--out", out)
	if code != exitInput || !strings.Contains(stderr, "verordening.md niet schrijven: er staat een map met die naam") ||
		!strings.HasSuffix(stderr, "Er is niets geschreven.\n") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if got := snapshot(t, out); !maps.Equal(got, before) {
		t.Error("the failed build changed the output folder")
	}
}

// TestBuildRemovesStale: an output of an earlier build that this one does
// not write (another format) is removed and named.
func TestBuildRemovesStale(t *testing.T) {
	out := filepath.Join(t.TempDir(), "uit")
	mustRun(t, "build", "--example", "achterhoek", "--out", out, "--format", "md,html,docx")
	writeTestFile(t, filepath.Join(out, "notes.docx"), "van de gebruiker")
	stdout, _ := mustRun(t, "build", "--example", "achterhoek", "--out", out, "--format", "md")
	for _, name := range []string{"verordening.docx", "verordening.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("stale %s kept", name)
		}
		if !strings.Contains(stdout, "verwijderd (niet meer gebouwd): "+filepath.Join(out, name)+"\n") {
			t.Errorf("removal of %s not reported:\n%s", name, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "notes.docx")); err != nil {
		t.Error("the user's notes.docx is gone")
	}
}

// TestBuildKeepsAnswersFile: building into the answers file's own folder
// leaves the file as it is and writes the answers as used beside it.
func TestBuildKeepsAnswersFile(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../questions/voorbeelden/achterhoek.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "antwoorden.yaml")
	writeTestFile(t, in, "# mijn commentaar\n"+string(data))
	stdout, stderr := mustRun(t, "build", "--answers", in, "--out", dir)
	if got, _ := os.ReadFile(in); string(got) != "# mijn commentaar\n"+string(data) {
		t.Error("the answers file was overwritten")
	}
	used := filepath.Join(dir, usedAnswers)
	if _, err := os.Stat(used); err != nil || !strings.Contains(stdout, used+"\n") {
		t.Errorf("%s not written (stdout:\n%s)", used, stdout)
	}
	if !strings.Contains(stderr, "is het antwoordbestand zelf") {
		t.Errorf("no note on stderr:\n%s", stderr)
	}
	// A second build must not remove the input as a stale output either.
	mustRun(t, "build", "--answers", in, "--out", dir)
	if _, err := os.Stat(in); err != nil {
		t.Error("the answers file was removed")
	}
}

// TestRegionWriteError: a disk error is a write error on the output path,
// not a finding at a line of the region file.
func TestRegionWriteError(t *testing.T) {
	dir := t.TempDir()
	reg := smallRegion(t, dir, "regio.yaml", 2, 24)
	out := filepath.Join(dir, "uit")
	output.TestHook = func(p string) error {
		if p == "write zaanstad/verordening.md" {
			return syscall.ENOSPC
		}
		return nil
	}
	defer func() { output.TestHook = nil }()
	code, _, stderr := runCLI("region", "--region", reg, "--out", out)
	want := "verordening region: kan " + filepath.Join(out, "zaanstad", "verordening.md") + " niet schrijven: "
	if code != exitInput || !strings.HasPrefix(stderr, want) || strings.Contains(stderr, "regio.yaml:") {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start with %q", code, stderr, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the failed region build left its output folder")
	}
}

// TestRegionMoveFails: a failure while the region's files are moved into
// place (here the second gemeente's verordening) puts every old file back,
// the first gemeente's and the overview included.
func TestRegionMoveFails(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "uit")
	mustRun(t, "region", "--region", smallRegion(t, dir, "oud.yaml", 3, 24), "--out", out)
	writeTestFile(t, filepath.Join(out, "zaanstad", "notes.txt"), "mijn aantekeningen")
	before := snapshot(t, out)
	output.TestHook = func(p string) error {
		if p == "put zaanstad/verordening.md" {
			return syscall.EIO
		}
		return nil
	}
	defer func() { output.TestHook = nil }()
	code, _, stderr := runCLI("region", "--region", smallRegion(t, dir, "nieuw.yaml", 2, 36), "--out", out, "--format", "md")
	if code != exitInput || !strings.Contains(stderr, "kan "+filepath.Join(out, "zaanstad", "verordening.md")+" niet plaatsen") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if got := snapshot(t, out); !maps.Equal(got, before) {
		t.Errorf("the failed move left a mix:\n%s", stateDiff(got, before, before))
	}
}

func stateDiff(got, old, new map[string]string) string {
	var b strings.Builder
	for k := range got {
		if _, ok := old[k]; !ok {
			if _, ok := new[k]; !ok {
				fmt.Fprintf(&b, "extra %s\n", k)
			}
		}
	}
	for k, v := range old {
		if got[k] != v {
			fmt.Fprintf(&b, "differs from old: %s\n", k)
		}
	}
	for k, v := range new {
		if got[k] != v {
			fmt.Fprintf(&b, "differs from new: %s\n", k)
		}
	}
	return b.String()
}
