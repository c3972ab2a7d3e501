//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPDFInterrupted interrupts a build that prints PDF, as Ctrl-C does:
// the build ends with "Er is niets geschreven.", writes nothing, and
// leaves no Chromium running.
func TestPDFInterrupted(t *testing.T) {
	needChromium(t)
	out := filepath.Join(t.TempDir(), "uit")
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "VERORDENING_CHILD="+strings.Join([]string{
		"build", "--example", "zaanstreek-waterland", "--format", "pdf", "--out", out}, "\n"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	browsers := waitChildren(t, cmd.Process.Pid)
	time.Sleep(time.Second) // into the printing: the whole build takes a few seconds
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInput {
		t.Errorf("the interrupted build ended with %v, want exit %d\n%s", err, exitInput, stderr.String())
	}
	if !strings.Contains(stderr.String(), "afgebroken") || !strings.Contains(stderr.String(), "Er is niets geschreven.") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "verordening.pdf")); !os.IsNotExist(err) {
		t.Error("verordening.pdf was written")
	}
	for _, pid := range browsers {
		if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("Chromium (process %d) still runs after the build ended", pid)
		}
	}
}

// waitChildren waits until the process has started a child (Chromium) and
// returns the children's ids.
func waitChildren(t *testing.T, pid int) []int {
	t.Helper()
	for range 200 {
		if kids := children(pid); len(kids) > 0 {
			return kids
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the build started no Chromium")
	return nil
}

// children lists the processes whose parent is pid, from /proc.
func children(pid int) []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var out []int
	for _, p := range stats {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces, so read after ")".
		_, rest, ok := bytes.Cut(data, []byte(") "))
		f := strings.Fields(string(rest))
		if !ok || len(f) < 2 {
			continue
		}
		if ppid, _ := strconv.Atoi(f[1]); ppid == pid {
			child, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			out = append(out, child)
		}
	}
	return out
}
