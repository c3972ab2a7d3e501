package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree reads every file below dir as rel path → content; folders end in "/".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.IsDir():
			got[rel+"/"] = ""
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func put(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if strings.HasSuffix(rel, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// commit writes files in one run and returns the error.
func commit(dir string, files map[string]string, inputs ...string) (*Result, error) {
	tx, _, err := Begin(dir)
	if err != nil {
		return nil, err
	}
	defer tx.Abort()
	tx.Protect(inputs...)
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if err := tx.Write(rel, []byte(files[rel])); err != nil {
			return nil, err
		}
	}
	return tx.Commit()
}

func mustCommit(t *testing.T, dir string, files map[string]string, inputs ...string) *Result {
	t.Helper()
	res, err := commit(dir, files, inputs...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// withoutManifest drops the manifest from a tree.
func withoutManifest(m map[string]string) map[string]string {
	out := maps.Clone(m)
	delete(out, ManifestName)
	return out
}

var (
	first  = map[string]string{"a.md": "a1", "a.docx": "d1", "zaanstad/v.md": "z1", "oostzaan/v.md": "o1"}
	second = map[string]string{"a.md": "a2", "zaanstad/v.md": "z2", "purmerend/v.md": "p2"}
)

// TestUserFilesStay: a second run replaces and removes only what the first
// wrote; a user's files, and the folders holding them, stay.
func TestUserFilesStay(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, first)
	user := map[string]string{"notes.txt": "mijn aantekeningen", "zaanstad/notes.txt": "ook", "oostzaan/eigen.txt": "van mij", "eigen/": ""}
	put(t, dir, user)
	res := mustCommit(t, dir, second)
	want := maps.Clone(second)
	maps.Copy(want, user)
	want["zaanstad/"], want["purmerend/"], want["oostzaan/"] = "", "", ""
	if got := withoutManifest(tree(t, dir)); !maps.Equal(got, want) {
		t.Errorf("after the second run:\n got %v\nwant %v", got, want)
	}
	removed := []string{filepath.Join(dir, "a.docx"), filepath.Join(dir, "oostzaan", "v.md")}
	if !slices.Equal(res.Removed, removed) {
		t.Errorf("removed %q, want %q", res.Removed, removed)
	}
	// Without the user's file, the tool's folder oostzaan goes too.
	os.Remove(filepath.Join(dir, "oostzaan", "eigen.txt"))
	mustCommit(t, dir, map[string]string{"a.md": "a3"})
	if _, err := os.Stat(filepath.Join(dir, "oostzaan")); err == nil {
		t.Error("the tool's empty folder oostzaan was kept")
	}
	if _, err := os.Stat(filepath.Join(dir, "eigen")); err != nil {
		t.Error("the user's empty folder eigen was removed")
	}
}

// TestInTheWay: an entry that blocks a file or folder stops the run before
// anything changes.
func TestInTheWay(t *testing.T) {
	for _, tc := range []struct {
		name, block, msg string
	}{
		{"folder where a file goes", "a.md/", "er staat een map met die naam"},
		{"file where a folder goes", "purmerend", "er staat een bestand met die naam"},
		{"a user's file where an output goes", "purmerend/v.md", "niet door verordening gemaakt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mustCommit(t, dir, first)
			if tc.block == "a.md/" {
				os.Remove(filepath.Join(dir, "a.md"))
			}
			put(t, dir, map[string]string{tc.block: "blok"})
			before := tree(t, dir)
			_, err := commit(dir, second)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("error %v, want one saying %q", err, tc.msg)
			}
			if got := tree(t, dir); !maps.Equal(got, before) {
				t.Errorf("the folder changed:\n got %v\nwant %v", got, before)
			}
		})
	}
}

// TestRollBack: a failure at any step of the move puts the old files back.
func TestRollBack(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, first)
	put(t, dir, map[string]string{"notes.txt": "mijn"})
	before := tree(t, dir)
	points := recordPoints(t, t.TempDir(), second)
	steps := 0
	for _, pt := range points {
		if strings.HasPrefix(pt, "write ") {
			continue
		}
		steps++
		TestHook = func(p string) error {
			if p == pt {
				return errors.New("schijf vol")
			}
			return nil
		}
		_, err := commit(dir, second)
		TestHook = nil
		if err == nil || !strings.Contains(err.Error(), "schijf vol") {
			t.Errorf("%s: error %v, want the injected one", pt, err)
		}
		if pt != "done" {
			if got := tree(t, dir); !maps.Equal(got, before) {
				t.Errorf("failure at %s left\n %v\nwant %v", pt, got, before)
			}
		}
		os.RemoveAll(dir)
		mustCommit(t, dir, first)
		put(t, dir, map[string]string{"notes.txt": "mijn"})
	}
	if steps < 8 {
		t.Errorf("only %d steps tried: %q", steps, points)
	}
}

// TestSyncedBeforeJournal: every staged file, the manifest and the
// folders holding them are synced before the journal makes the change,
// and all in one go, after the last file is written.
func TestSyncedBeforeJournal(t *testing.T) {
	dir := t.TempDir()
	points := recordPoints(t, dir, second)
	journal := slices.Index(points, "journal")
	lastWrite := -1
	for i, pt := range points {
		if strings.HasPrefix(pt, "write ") {
			lastWrite = i
		}
	}
	if journal < 0 || lastWrite < 0 {
		t.Fatalf("points %q", points)
	}
	want := []string{ManifestName}
	for rel := range second {
		want = append(want, rel)
	}
	for _, p := range want {
		i := slices.Index(points, "sync "+p)
		switch {
		case i < 0:
			t.Errorf("%s is not synced: %q", p, points)
		case i > journal:
			t.Errorf("%s is synced after the journal", p)
		case i < lastWrite:
			t.Errorf("%s is synced before the last file is written", p)
		}
	}
	syncs := 0
	for _, pt := range points[:journal] {
		if strings.HasPrefix(pt, "sync ") {
			syncs++
		}
	}
	// The files, the manifest, the marker, the journal, and the folders:
	// the staging folder, new/ and one per gemeente.
	if wantSyncs := len(second) + 3 + 2 + 2; syncs != wantSyncs {
		t.Errorf("%d syncs before the journal, want %d: %q", syncs, wantSyncs, points)
	}
}

// recordPoints runs a commit of files into a copy of first and returns
// the hook points passed.
func recordPoints(t *testing.T, dir string, files map[string]string) []string {
	mustCommit(t, dir, first)
	var points []string
	TestHook = func(p string) error { points = append(points, p); return nil }
	defer func() { TestHook = nil }()
	mustCommit(t, dir, files)
	return points
}

// TestInputs: an input is never overwritten nor removed as stale.
func TestInputs(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, first)
	in := filepath.Join(dir, "a.md")
	os.WriteFile(in, []byte("mijn eigen invoer"), 0o644)
	if _, err := commit(dir, second, in); err == nil || !strings.Contains(err.Error(), "invoerbestand") {
		t.Errorf("overwriting an input: error %v", err)
	}
	res := mustCommit(t, dir, map[string]string{"b.md": "b"}, in)
	if data, _ := os.ReadFile(in); string(data) != "mijn eigen invoer" {
		t.Errorf("input changed to %q", data)
	}
	if slices.Contains(res.Removed, in) {
		t.Error("the input was removed as stale")
	}
	m, _ := readManifest(dir)
	if m.files["a.md"] {
		t.Error("the input is still listed as the tool's")
	}
}

// TestStaleStages: the tool's own staging folders left by a killed run go;
// look-alikes stay.
func TestStaleStages(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string]string{
		StagePrefix + "1/" + stageMarker: markerText,
		StagePrefix + "1/new/a.md":       "groot",
		StagePrefix + "2/notes.txt":      "no marker: not ours",
		StagePrefix + "3/" + stageMarker: "something else",
		".bouw-4/a.md":                   "",
	})
	want := tree(t, dir)
	for k := range want {
		if strings.HasPrefix(k, StagePrefix+"1/") {
			delete(want, k)
		}
	}
	note, err := Recover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(note, StagePrefix+"1") || strings.Contains(note, StagePrefix+"2") {
		t.Errorf("note %q", note)
	}
	if got := tree(t, dir); !maps.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestNotOurs: a manifest or journal the tool did not write is refused, and
// names in a manifest that leave the folder are never acted on.
func TestNotOurs(t *testing.T) {
	for _, tc := range []struct {
		name, file, data, msg string
	}{
		{"manifest", ManifestName, "mijn eigen bestand\n", "niet door verordening geschreven"},
		{"manifest version", ManifestName, "versie 9\n", "andere versie"},
		{"journal", JournalName, "hallo\n", "geen journaal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			put(t, dir, map[string]string{tc.file: tc.data})
			if _, err := commit(dir, second); err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want %q", err, tc.msg)
			}
		})
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "uit")
	put(t, parent, map[string]string{"buiten.txt": "x", "uit/" + ManifestName: "versie 1\nbestand ../buiten.txt\nbestand /etc/passwd\nmap ..\n"})
	mustCommit(t, dir, second)
	if _, err := os.Stat(filepath.Join(parent, "buiten.txt")); err != nil {
		t.Error("a file outside the folder was removed")
	}
}

func TestValidRel(t *testing.T) {
	for rel, want := range map[string]bool{
		"a.md": true, "zaanstad/v.md": true, "": false, ".": false, "../a": false, "/a": false,
		"a/../b": false, "a//b": false, "a\nb": false, `a\b`: false,
		ManifestName: false, JournalName: false, StagePrefix + "x/a": false,
	} {
		if got := validRel(rel); got != want {
			t.Errorf("validRel(%q) = %v, want %v", rel, got, want)
		}
	}
}

// TestBeginMakesNothingOnFailure: a run that stops before commit leaves
// no folder it made.
func TestBeginMakesNothingOnFailure(t *testing.T) {
	parent := t.TempDir()
	tx, _, err := Begin(filepath.Join(parent, "out", "zaanstad"))
	if err != nil {
		t.Fatal(err)
	}
	tx.Write("a.md", []byte("x"))
	tx.Abort()
	if got := tree(t, parent); len(got) != 0 {
		t.Errorf("left %v", got)
	}
}
