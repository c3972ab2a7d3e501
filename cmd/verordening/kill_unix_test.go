//go:build unix

package main

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"verordening/internal/output"
)

// killSelf ends the process as a power cut or kill -9 would.
func killSelf() {
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {}
}

// TestKilled runs build, region and amend as a child process, kills it at
// points across its run, and checks that the output folder then holds
// (after the next start's recovery) either the complete old output or the
// complete new one, with the user's file.
func TestKilled(t *testing.T) {
	src := t.TempDir()
	regOld := smallRegion(t, src, "oud.yaml", 3, 24)
	regNew := smallRegion(t, src, "nieuw.yaml", 2, 36)
	_, from1, to1 := amendFiles(t, "variant")
	_, from2, to2 := amendFiles(t, "bedrag")
	for _, tc := range []struct {
		name     string
		old, new []string
		user     string
	}{
		{"build", []string{"build", "--example", "achterhoek", "--format", "md,html,docx"},
			[]string{"build", "--example", "noordoostpolder", "--format", "md,html"}, "notes.txt"},
		{"region", []string{"region", "--region", regOld, "--format", "md,html,docx"},
			[]string{"region", "--region", regNew, "--format", "md"}, "zaanstad/notes.txt"},
		{"amend", []string{"amend", "--from", from1, "--to", to1},
			[]string{"amend", "--from", from2, "--to", to2, "--format", "md"}, "notes.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			killTest(t, tc.old, tc.new, tc.user)
		})
	}
}

func killTest(t *testing.T, oldArgs, newArgs []string, user string) {
	base := t.TempDir()
	seed := filepath.Join(base, "seed")
	mustRun(t, append(oldArgs, "--out", seed)...)
	writeTestFile(t, filepath.Join(seed, user), "mijn aantekeningen")
	oldState := snapshot(t, seed)
	ref := filepath.Join(base, "ref")
	if err := os.CopyFS(ref, os.DirFS(seed)); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var points []string
	output.TestHook = func(p string) error {
		mu.Lock()
		points = append(points, p)
		mu.Unlock()
		return nil
	}
	mustRun(t, append(newArgs, "--out", ref)...)
	output.TestHook = nil
	newState := snapshot(t, ref)
	if maps.Equal(oldState, newState) {
		t.Fatal("the new run writes what the old one did")
	}
	// Each kill runs in its own copy of the old output, two at a time.
	kills := killPoints(points)
	results := make([]string, len(kills))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k, i := range kills {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[k] = killOnce(seed, filepath.Join(base, "run"+strconv.Itoa(i)), newArgs, i, oldState, newState)
		}()
	}
	wg.Wait()
	sawOld, sawNew := false, false
	for k, r := range results {
		switch r {
		case "old":
			sawOld = true
		case "new":
			sawNew = true
		default:
			t.Errorf("kill at %s: %s", points[kills[k]], r)
		}
	}
	if !sawOld || !sawNew {
		t.Errorf("old seen %v, new seen %v: the kill points do not span the run", sawOld, sawNew)
	}
}

// killOnce runs the command in a copy of seed, kills it at hook call i,
// recovers as the next start would, and says which state the folder
// holds: "old", "new", or what went wrong.
func killOnce(seed, dir string, args []string, i int, oldState, newState map[string]string) string {
	if err := os.CopyFS(dir, os.DirFS(seed)); err != nil {
		return err.Error()
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "VERORDENING_CHILD="+strings.Join(append(args, "--out", dir), "\n"),
		"VERORDENING_KILL_AT="+strconv.Itoa(i))
	msg, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		return fmt.Sprintf("the child ended with %v:\n%s", err, msg)
	}
	if _, err := output.Recover(dir); err != nil {
		return err.Error()
	}
	defer os.RemoveAll(dir)
	got, err := readTree(dir)
	switch {
	case err != nil:
		return err.Error()
	case maps.Equal(got, oldState):
		return "old"
	case maps.Equal(got, newState):
		return "new"
	default:
		return "neither the old nor the new output:\n" + stateDiff(got, oldState, newState)
	}
}

// killPoints picks the hook calls to kill at, across the run: while
// staging (first and last write), at the journal, while moving files in
// (first, middle and last put; first removal of a stale file), after the
// sync and after the journal is gone.
func killPoints(points []string) []int {
	var writes, puts, dels, rest []int
	for i, p := range points {
		switch op, _, _ := strings.Cut(p, " "); op {
		case "write":
			writes = append(writes, i)
		case "put":
			puts = append(puts, i)
		case "del":
			dels = append(dels, i)
		default:
			rest = append(rest, i)
		}
	}
	out := append([]int{writes[0], writes[len(writes)-1], puts[0], puts[len(puts)/2], puts[len(puts)-1]}, rest...)
	if len(dels) > 0 {
		out = append(out, dels[0])
	}
	return out
}
