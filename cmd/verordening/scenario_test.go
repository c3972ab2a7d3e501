package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestScenarios runs each testdata/scenarios/*.txtar: its "args" line is
// a command line ($DIR is a fresh temporary folder holding the archive's
// other files); "want/exit", "want/stdout", "want/stderr" and every
// "want/<path>" file are compared with what the command did. With -update
// the want sections are rewritten from the run (for a build, every .md and
// .yaml file it wrote is added).
func TestScenarios(t *testing.T) {
	files, _ := filepath.Glob("testdata/scenarios/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scenarios")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runScenario(t, file)
		})
	}
}

func runScenario(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var args []string
	for _, f := range ar.Files {
		switch {
		case f.Name == "args":
			args = strings.Fields(strings.ReplaceAll(string(f.Data), "$DIR", dir))
		case !strings.HasPrefix(f.Name, "want/"):
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(&env{strings.NewReader(""), &stdout, &stderr}, args)
	clean := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(dir), []byte("$DIR")) }
	got := map[string][]byte{
		"want/exit":   []byte(strconv.Itoa(code) + "\n"),
		"want/stdout": clean(stdout.Bytes()),
		"want/stderr": clean(stderr.Bytes()),
	}
	outFiles(dir, got)
	if *update {
		rewrite(t, file, ar, got)
		return
	}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			continue
		}
		g, ok := got[f.Name]
		if !ok {
			t.Errorf("%s: not written", f.Name)
			continue
		}
		if !bytes.Equal(g, f.Data) {
			t.Errorf("%s differs (run with -update and review the diff):\n%s", f.Name, diffHint(f.Data, g))
		}
	}
	if code != 0 {
		if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
			t.Errorf("exit %d, but the out folder was written", code)
		}
	}
}

// outFiles collects the .md and .yaml files written below dir/out.
func outFiles(dir string, got map[string][]byte) {
	root := filepath.Join(dir, "out")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if ext := filepath.Ext(p); ext == ".md" || ext == ".yaml" {
			rel, _ := filepath.Rel(root, p)
			data, _ := os.ReadFile(p)
			got["want/out/"+filepath.ToSlash(rel)] = data
		}
		return nil
	})
}

func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	var keep []txtar.File
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			keep = append(keep, f)
		}
	}
	for _, name := range []string{"want/exit", "want/stdout", "want/stderr"} {
		keep = append(keep, txtar.File{Name: name, Data: got[name]})
	}
	var outs []string
	for name := range got {
		if strings.HasPrefix(name, "want/out/") {
			outs = append(outs, name)
		}
	}
	sortStrings(outs)
	for _, name := range outs {
		keep = append(keep, txtar.File{Name: name, Data: got[name]})
	}
	ar.Files = keep
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// diffHint shows the first differing line.
func diffHint(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return "(whitespace at the end)"
}
