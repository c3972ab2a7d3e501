//go:build unix

package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// TestKilled kills a run (this test binary, re-executed) at every step and
// checks that, after the next start's recovery, the folder holds the old
// files or the new ones, never a mix, and the user's file.
func TestKilled(t *testing.T) {
	if os.Getenv("OUTPUT_CHILD_DIR") != "" {
		child()
		return
	}
	dir := t.TempDir()
	mustCommit(t, dir, first)
	put(t, dir, map[string]string{"notes.txt": "mijn", "zaanstad/notes.txt": "ook"})
	old := tree(t, dir)
	ref := filepath.Join(t.TempDir(), "ref")
	if err := os.CopyFS(ref, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	mustCommit(t, ref, second)
	want := tree(t, ref)
	points := recordPoints(t, t.TempDir(), second)
	sawOld, sawNew := false, false
	for i, pt := range points {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilled$")
		cmd.Env = append(os.Environ(), "OUTPUT_CHILD_DIR="+dir, "OUTPUT_KILL_AT="+strconv.Itoa(i))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("kill at %s: child ended with %v:\n%s", pt, err, out)
		}
		if _, err := Recover(dir); err != nil {
			t.Fatalf("kill at %s: %v", pt, err)
		}
		switch got := tree(t, dir); {
		case maps.Equal(got, old):
			sawOld = true
		case maps.Equal(got, want):
			sawNew = true
		default:
			t.Fatalf("kill at %s left a mix:\n got %v\n old %v\n new %v", pt, got, old, want)
		}
		// Back to the old state for the next kill.
		os.RemoveAll(dir)
		mustCommit(t, dir, first)
		put(t, dir, map[string]string{"notes.txt": "mijn", "zaanstad/notes.txt": "ook"})
		if got := tree(t, dir); !maps.Equal(got, old) {
			t.Fatalf("cannot rebuild the old state")
		}
	}
	if !sawOld || !sawNew {
		t.Errorf("old seen %v, new seen %v: the kill points do not span the run", sawOld, sawNew)
	}
}

// child commits second into OUTPUT_CHILD_DIR and kills itself at the
// OUTPUT_KILL_AT-th hook point.
func child() {
	at, _ := strconv.Atoi(os.Getenv("OUTPUT_KILL_AT"))
	n := 0
	TestHook = func(string) error {
		if n == at {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
		n++
		return nil
	}
	if _, err := commit(os.Getenv("OUTPUT_CHILD_DIR"), second); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(3)
}
