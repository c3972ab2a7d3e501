package output

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzJournal: a journal either parses into names inside the folder, or
// is refused; it never panics. Run: go test ./internal/output -fuzz FuzzJournal -fuzztime 30s
func FuzzJournal(f *testing.F) {
	f.Add([]byte(journalHeader + "\nstage " + StagePrefix + "1\nmkdir a\nput a/b.md\nput .verordening\ndel c\nrmdir d\n"))
	f.Add([]byte(journalHeader + "\nstage ../x\n"))
	f.Add([]byte(journalHeader + "\nstage " + StagePrefix + "1\nput ../../etc/passwd\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, ok := parseJournal(data)
		if !ok {
			return
		}
		if filepath.Base(j.stage) != j.stage {
			t.Errorf("stage %q leaves the folder", j.stage)
		}
		for _, l := range [][]string{j.mkdir, j.put, j.del, j.rmdir} {
			for _, rel := range l {
				if !validRel(rel) && rel != ManifestName {
					t.Errorf("name %q accepted", rel)
				}
			}
		}
	})
}

// FuzzManifest: a manifest lists only names inside the folder. Run:
// go test ./internal/output -fuzz FuzzManifest -fuzztime 30s
func FuzzManifest(f *testing.F) {
	f.Add([]byte(manifestHead + manifestVersion + "\nmap a\nbestand a/b.md\n"))
	f.Add([]byte("versie 1\nbestand ../x\nmap /\n"))
	f.Add([]byte("versie 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ManifestName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := readManifest(dir)
		if err != nil {
			return
		}
		for _, names := range []map[string]bool{m.files, m.dirs} {
			for rel := range names {
				if !validRel(rel) {
					t.Errorf("name %q accepted", rel)
				}
			}
		}
	})
}
