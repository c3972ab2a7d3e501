package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// TestReadFile: only regular files within the limit are read; a FIFO is
// refused without opening it (opening waits for a writer forever), a
// device without reading it (/dev/zero never ends).
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "a.yaml")
	big := filepath.Join(dir, "groot.yaml")
	fifo := filepath.Join(dir, "pipe.yaml")
	must(t, os.WriteFile(ok, []byte("gemeente: A\n"), 0o644))
	must(t, os.WriteFile(big, make([]byte, 101), 0o644))
	must(t, syscall.Mkfifo(fifo, 0o644))
	tests := []struct {
		name string
		want string // "" for a read that succeeds
	}{
		{ok, ""},
		{big, big + ": het bestand is groter dan 100 bytes, de grens voor invoer"},
		{fifo, fifo + ": dit is geen gewoon bestand maar een pipe (FIFO)"},
		{"/dev/zero", "/dev/zero: dit is geen gewoon bestand maar een apparaat"},
		{dir, dir + ": dit is geen gewoon bestand maar een map"},
		{filepath.Join(dir, "weg.yaml"), filepath.Join(dir, "weg.yaml") + ": het bestand bestaat niet"},
	}
	for _, tt := range tests {
		data, err := ReadFile(tt.name, 100)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want == "" && string(data) != "gemeente: A\n":
			t.Errorf("%s: read %q", tt.name, data)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestLimitFS: every file of a content pack is bounded the same way, and
// folders still list.
func TestLimitFS(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "clauses"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "clauses", "a.md"), []byte("tekst"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "clauses", "groot.md"), make([]byte, 11), 0o644))
	must(t, syscall.Mkfifo(filepath.Join(dir, "clauses", "pipe.md"), 0o644))
	fsys := LimitFS(os.DirFS(dir), 10)
	if err := fstest.TestFS(LimitFS(fstest.MapFS{"x/a.md": {Data: []byte("a")}}, 10), "x/a.md"); err != nil {
		t.Errorf("LimitFS is not a valid fs.FS: %v", err)
	}
	if data, err := fs.ReadFile(fsys, "clauses/a.md"); err != nil || string(data) != "tekst" {
		t.Errorf("a.md: %q, %v", data, err)
	}
	if _, err := fsys.Open("clauses/pipe.md"); err == nil {
		t.Error("Open of a FIFO succeeded")
	}
	for name, want := range map[string]string{
		"clauses/groot.md": "clauses/groot.md: het bestand is groter dan 10 bytes",
		"clauses/pipe.md":  "clauses/pipe.md: dit is geen gewoon bestand maar een pipe (FIFO)",
	} {
		if _, err := fs.ReadFile(fsys, name); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", name, err, want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
