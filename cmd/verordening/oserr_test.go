package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// englishOSTexts are the standard library's texts for the errors a user
// meets most; none of them may reach the user.
var englishOSTexts = []string{
	"no such file", "not a directory", "is a directory", "file name too long",
	"permission denied", "invalid argument", "file does not exist", "file exists",
	"directory not empty", "too many levels", "open ", "read ", "stat ",
}

// TestOSErrorsDutch gives input paths that the operating system refuses
// and wants a Dutch message that names the path, exit code 1 and nothing
// in English.
func TestOSErrorsDutch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(file, []byte("gemeente: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "lus.yaml")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, strings.Repeat("g", 300)+".yaml")
	under := filepath.Join(file, "b.yaml")
	out := filepath.Join(dir, "out")
	tests := []struct {
		args []string
		path string
	}{
		{[]string{"build", "--answers", dir, "--out", out}, dir},
		{[]string{"check", "--answers", under}, under},
		{[]string{"check", "--answers", long}, long},
		{[]string{"check", "--answers", loop}, loop},
		{[]string{"check", "--answers", filepath.Join(dir, "weg.yaml")}, filepath.Join(dir, "weg.yaml")},
		{[]string{"region", "--region", dir, "--check"}, dir},
		{[]string{"region", "--region", under, "--check"}, under},
		{[]string{"amend", "--from", dir, "--to", file}, dir},
		{[]string{"interview", "--answers", under, "--out", filepath.Join(dir, "n.yaml")}, under},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:2], " "), func(t *testing.T) {
			code, _, stderr := runCLI(tt.args...)
			if code != exitInput {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
			}
			if !strings.Contains(stderr, tt.path) {
				t.Errorf("stderr does not name %s:\n%s", tt.path, stderr)
			}
			for _, en := range englishOSTexts {
				if strings.Contains(stderr, en) {
					t.Errorf("English %q in:\n%s", en, stderr)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("out was written")
			}
		})
	}
}
