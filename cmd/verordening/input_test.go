package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestInputNotRegular: a FIFO or a device as input is refused at once with
// a Dutch message, by every command that reads one (it hung build, region
// and interview; /dev/zero ran out of memory), and nothing is written.
func TestInputNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--answers", fifo, "--out", out}, fifo + ": kan het antwoordbestand niet lezen: dit is geen gewoon bestand maar een pipe (FIFO)"},
		{[]string{"check", "--answers", "/dev/zero"}, "/dev/zero: kan het antwoordbestand niet lezen: dit is geen gewoon bestand maar een apparaat"},
		{[]string{"region", "--region", fifo, "--out", out}, fifo + ": kan het regiobestand niet lezen: dit is geen gewoon bestand maar een pipe (FIFO)"},
		{[]string{"interview", "--answers", fifo, "--out", out}, fifo + ": kan het antwoordbestand niet lezen: dit is geen gewoon bestand maar een pipe (FIFO)"},
		{[]string{"build", "--answers", dir, "--out", out}, dir + ": kan het antwoordbestand niet lezen: dit is geen gewoon bestand maar een map"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(tt.args...)
		if code != exitInput || !strings.HasPrefix(stderr, tt.want) {
			t.Errorf("%v: exit %d\n%s\nwant %s", tt.args, code, stderr, tt.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("out was written")
	}
}

// TestInputTooBig: an answers file over the cap is refused before it is
// parsed; a content-pack file over the cap too.
func TestInputTooBig(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "groot.yaml")
	if err := os.WriteFile(big, []byte("gemeente: "+strings.Repeat("a", 5<<20)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("check", "--answers", big)
	if want := big + ": kan het antwoordbestand niet lezen: het bestand is groter dan 4 MB"; code != exitInput || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d\n%s\nwant %s", code, stderr, want)
	}
	pack := copyContent(t)
	clause := filepath.Join(pack, "clauses", "verordening", "groot.md")
	if err := os.WriteFile(clause, make([]byte, 5<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI("check", "--example", "uwv-protocol", "--content", pack)
	if want := "clauses/verordening/groot.md: het bestand is groter dan 4 MB"; code != exitInput || !strings.Contains(stderr, want) {
		t.Errorf("content pack: exit %d\n%.500s\nwant %s", code, stderr, want)
	}
}

// TestMessageCap: a file wrong on every line gives fifty messages and a
// count, not thousands of lines.
func TestMessageCap(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("gemeente: Voorbeeld\ninwerkingtreding: 2027-01-01\nregio_naam: R\n")
	for i := range 70 {
		fmt.Fprintf(&b, "onbekend_%d: 1\n", i)
	}
	file := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := runCLI("check", "--answers", file)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) > 55 || !strings.Contains(stderr, "(en nog 20 meldingen; herstel eerst de bovenstaande)") || !strings.Contains(stderr, "70 fouten.") {
		t.Errorf("%d lines:\n%s", len(lines), stderr)
	}
}
