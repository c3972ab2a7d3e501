package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// TestOSError makes the errors a user meets on a real file system and
// wants each one as a Dutch sentence that names the path, with none of the
// standard library's English text left.
func TestOSError(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "antwoorden.yaml")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(dir, "vol")
	if err := os.MkdirAll(filepath.Join(full, "binnen"), 0o755); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "lus")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, strings.Repeat("g", 300))
	missing := filepath.Join(dir, "weg.yaml")
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"no such file", func() error { _, err := os.ReadFile(missing); return err },
			"kan " + missing + " niet openen: het bestand of de map bestaat niet"},
		{"not a directory", func() error { _, err := os.Open(filepath.Join(file, "x")); return err },
			"kan " + filepath.Join(file, "x") + " niet openen: een deel van het pad is geen map"},
		{"is a directory", func() error { _, err := os.ReadFile(dir); return err },
			"kan " + dir + " niet lezen: dit is een map, geen bestand"},
		{"file name too long", func() error { return os.Mkdir(long, 0o755) },
			"kan de map " + long + " niet maken: de naam is te lang voor het bestandssysteem; kies een kortere naam"},
		{"file exists", func() error { return os.Mkdir(full, 0o755) },
			"kan de map " + full + " niet maken: er bestaat al een bestand of map met die naam"},
		{"directory not empty", func() error { return os.Remove(full) },
			"kan " + full + " niet verwijderen: de map is niet leeg"},
		{"rename onto a full folder", func() error { return os.Rename(dir+"/vol/binnen", full) },
			"kan " + dir + "/vol/binnen niet verplaatsen naar " + full + ": "},
		{"too many links", func() error { _, err := os.Open(loop); return err },
			"kan " + loop + " niet openen: te veel symbolische koppelingen (een koppeling verwijst naar zichzelf?)"},
		{"temp file in a missing folder", func() error { _, err := os.CreateTemp(missing, ".x.*"); return err },
			"kan " + missing + "/.x."},
		{"temp folder pattern", func() error {
			return &fs.PathError{Op: "mkdirtemp", Path: "out/regio/.bouw-*", Err: syscall.EACCES}
		}, "kan niets tijdelijks maken in de map out/regio: geen toestemming"},
		{"stat", func() error { _, err := os.Stat(missing); return err },
			"kan " + missing + " niet bekijken: het bestand of de map bestaat niet"},
		{"permission denied", func() error {
			return &fs.PathError{Op: "open", Path: "geheim.yaml", Err: syscall.EACCES}
		}, "kan geheim.yaml niet openen: geen toestemming (controleer de rechten van het bestand en de map)"},
		{"disk full", func() error {
			return &fs.PathError{Op: "write", Path: "out/x.docx", Err: syscall.ENOSPC}
		}, "kan out/x.docx niet schrijven: de schijf is vol; maak ruimte vrij"},
		{"fsync", func() error {
			return &fs.PathError{Op: "sync", Path: "out/x.md", Err: syscall.EIO}
		}, "kan out/x.md niet vastleggen op de schijf: invoer-/uitvoerfout van de schijf"},
		{"embedded file system", func() error { _, err := fs.ReadFile(fstest.MapFS{}, "clauses/eisen.yaml"); return err },
			"kan clauses/eisen.yaml niet openen: het bestand of de map bestaat niet"},
		{"invalid fs path", func() error { _, err := fs.ReadFile(os.DirFS(dir), "../x"); return err },
			"kan ../x niet lezen: ongeldige naam of bewerking"},
		{"wrapped", func() error { _, err := os.ReadFile(missing); return fmt.Errorf("laden: %w", err) },
			"laden: kan " + missing + " niet openen: het bestand of de map bestaat niet"},
		{"syscall error", func() error { return os.NewSyscallError("pipe2", syscall.EMFILE) },
			"te veel open bestanden"},
		{"bare errno", func() error { return syscall.EROFS },
			"het bestandssysteem is alleen-lezen"},
		{"unknown errno", func() error { return &fs.PathError{Op: "open", Path: "x", Err: syscall.Errno(4000)} },
			"kan x niet openen: fout 4000 van het besturingssysteem"},
		{"not an OS error", func() error { return errors.New("questions/: geen vragenbestanden") },
			"questions/: geen vragenbestanden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := tt.err()
			if orig == nil {
				t.Fatal("the operation did not fail")
			}
			got := OSError(orig)
			if !strings.HasPrefix(got.Error(), tt.want) {
				t.Errorf("OSError(%q)\n got %q\nwant %q", orig, got, tt.want)
			}
			if !errors.Is(got, orig) {
				t.Errorf("OSError(%q) does not unwrap to the original error", orig)
			}
			var errno syscall.Errno
			if errors.As(orig, &errno) && strings.Contains(got.Error(), errno.Error()) {
				t.Errorf("OSError(%q) = %q keeps the English text %q", orig, got, errno.Error())
			}
		})
	}
}

// TestReasonIsNeverEnglish asks for every errno number: the English text of
// the C library must never reach the user.
func TestReasonIsNeverEnglish(t *testing.T) {
	for n := 1; n < 256; n++ {
		errno := syscall.Errno(n)
		en := errno.Error()
		if strings.HasPrefix(en, "errno ") {
			continue // no text on this system
		}
		if got := Reason(&fs.PathError{Op: "open", Path: "x", Err: errno}); got == en || strings.Contains(got, en) {
			t.Errorf("Reason(errno %d) = %q: English", n, got)
		}
	}
}

func TestOSErrorNil(t *testing.T) {
	if err := OSError(nil); err != nil {
		t.Errorf("OSError(nil) = %v", err)
	}
}
