package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

const journalHeader = "verordening-journaal 1"

// A journal lists the changes of one commit, in the order they are made:
// folders made, files put in place (each from the staging folder's new/,
// the file it replaces moved to old/), the tool's stale files moved to
// old/, and the tool's folders that are no longer used removed when empty.
type journal struct {
	stage                  string // name of the staging folder inside the output folder
	mkdir, put, del, rmdir []string
}

func (j *journal) encode() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nstage %s\n", journalHeader, j.stage)
	for _, l := range []struct {
		op    string
		paths []string
	}{{"mkdir", j.mkdir}, {"put", j.put}, {"del", j.del}, {"rmdir", j.rmdir}} {
		for _, p := range l.paths {
			fmt.Fprintf(&b, "%s %s\n", l.op, p)
		}
	}
	return b.Bytes()
}

func parseJournal(data []byte) (*journal, bool) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != journalHeader {
		return nil, false
	}
	j := &journal{}
	for sc.Scan() {
		op, arg, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			return nil, false
		}
		if op == "stage" {
			if !strings.HasPrefix(arg, StagePrefix) || strings.ContainsAny(arg, `/\`) {
				return nil, false
			}
			j.stage = arg
			continue
		}
		if !validRel(arg) && arg != ManifestName {
			return nil, false
		}
		switch op {
		case "mkdir":
			j.mkdir = append(j.mkdir, arg)
		case "put":
			j.put = append(j.put, arg)
		case "del":
			j.del = append(j.del, arg)
		case "rmdir":
			j.rmdir = append(j.rmdir, arg)
		default:
			return nil, false
		}
	}
	return j, sc.Err() == nil && j.stage != ""
}

// placeJournal moves the journal, written and synced in the staging
// folder, into the output folder: from then on the change is made, by
// this run or, if it is interrupted, by the next.
func placeJournal(dir string, j *journal) error {
	p := filepath.Join(dir, JournalName)
	tmp := filepath.Join(dir, j.stage, "journal")
	if err := os.Rename(tmp, p); err != nil {
		return writeErr(p, unwrapPath(err))
	}
	return syncDir(dir)
}

// apply makes the changes of j; on a failure it undoes them.
func apply(dir string, j *journal) error {
	stage := filepath.Join(dir, j.stage)
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	in := func(sub, rel string) string { return filepath.Join(stage, sub, filepath.FromSlash(rel)) }
	for _, d := range j.mkdir {
		if err := hook("mkdir " + d); err != nil {
			return rollBack(dir, j, fmt.Errorf("kan de map %s niet maken: %v", at(d), unwrapPath(err)))
		}
		if err := os.Mkdir(at(d), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return rollBack(dir, j, fmt.Errorf("kan de map %s niet maken: %v", at(d), unwrapPath(err)))
		}
	}
	for _, rel := range j.put {
		if !exists(in("new", rel)) {
			continue // moved in before an interruption
		}
		if err := hook("put " + rel); err != nil {
			return rollBack(dir, j, fmt.Errorf("kan %s niet plaatsen: %v", at(rel), unwrapPath(err)))
		}
		if err := backUp(at(rel), in("old", rel)); err != nil {
			return rollBack(dir, j, fmt.Errorf("kan %s niet vervangen: %v", at(rel), unwrapPath(err)))
		}
		if err := os.Rename(in("new", rel), at(rel)); err != nil {
			return rollBack(dir, j, fmt.Errorf("kan %s niet plaatsen: %v", at(rel), unwrapPath(err)))
		}
	}
	for _, rel := range j.del {
		if err := hook("del " + rel); err != nil {
			return rollBack(dir, j, fmt.Errorf("kan %s niet verwijderen: %v", at(rel), unwrapPath(err)))
		}
		if err := backUp(at(rel), in("old", rel)); err != nil {
			return rollBack(dir, j, fmt.Errorf("kan %s niet verwijderen: %v", at(rel), unwrapPath(err)))
		}
	}
	for _, d := range j.rmdir {
		os.Remove(at(d)) // only when empty: a user's file keeps it
	}
	if err := syncDirs(dir, j); err != nil {
		return rollBack(dir, j, err)
	}
	if err := hook("synced"); err != nil {
		return rollBack(dir, j, err)
	}
	return finish(dir, j)
}

// finish removes the journal, which makes the change final, and then the
// staging folder with the backups.
func finish(dir string, j *journal) error {
	if err := os.Remove(filepath.Join(dir, JournalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("kan %s niet verwijderen: %v", filepath.Join(dir, JournalName), unwrapPath(err))
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	if err := hook("done"); err != nil {
		return err
	}
	removeStage(filepath.Join(dir, j.stage))
	return nil
}

// backUp moves the file at p, if there is one and it has not been moved
// already, to old.
func backUp(p, old string) error {
	if !exists(p) || exists(old) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		return err
	}
	return os.Rename(p, old)
}

// rollBack undoes what apply did of j, in reverse order, and returns the
// error that made it necessary. If undoing fails too, the journal stays,
// and the next run finishes the change.
func rollBack(dir string, j *journal, cause error) error {
	stage := filepath.Join(dir, j.stage)
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	in := func(sub, rel string) string { return filepath.Join(stage, sub, filepath.FromSlash(rel)) }
	var errs []error
	restore := func(rel string) {
		if exists(in("old", rel)) && !exists(at(rel)) {
			// Its folder may have gone as the tool's empty one.
			if err := os.MkdirAll(filepath.Dir(at(rel)), 0o755); err != nil {
				errs = append(errs, err)
			}
			if err := os.Rename(in("old", rel), at(rel)); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, rel := range slices.Backward(j.del) {
		restore(rel)
	}
	for _, rel := range slices.Backward(j.put) {
		if !exists(in("new", rel)) && exists(at(rel)) {
			if err := os.Rename(at(rel), in("new", rel)); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		restore(rel)
	}
	for _, d := range slices.Backward(j.mkdir) {
		os.Remove(at(d))
	}
	if err := syncDirs(dir, j); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%v; de oude bestanden konden niet allemaal worden teruggezet (%v): %w", cause, unwrapPath(errors.Join(errs...)), ErrPending)
	}
	if err := finish(dir, j); err != nil {
		return fmt.Errorf("%v; %v: %w", cause, err, ErrPending)
	}
	return cause
}

// syncDirs syncs the output folder and every folder of j's files, several
// at once (a region has a folder per gemeente).
func syncDirs(dir string, j *journal) error {
	seen := map[string]bool{}
	var dirs []syncItem
	add := func(d string) {
		if !seen[d] && exists(d) {
			seen[d] = true
			dirs = append(dirs, syncItem{path: d, shown: d})
		}
	}
	for _, l := range [][]string{j.mkdir, j.put, j.del} {
		for _, rel := range l {
			add(filepath.Dir(filepath.Join(dir, filepath.FromSlash(rel))))
		}
	}
	add(filepath.Clean(dir))
	return syncAll(nil, dirs)
}

// Recover finishes a run in dir that was interrupted while it moved its
// files into place, and removes the tool's staging folders left by runs
// that were interrupted before. The note says what was done ("" for
// nothing).
func Recover(dir string) (note string, err error) {
	var notes []string
	jp := filepath.Join(dir, JournalName)
	data, err := os.ReadFile(jp)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("kan %s niet lezen: %v", jp, unwrapPath(err))
	default:
		j, ok := parseJournal(data)
		if !ok {
			return "", fmt.Errorf("%s is geen journaal van verordening; verplaats het of kies een andere map met --out", jp)
		}
		if !isStage(filepath.Join(dir, j.stage)) {
			return "", fmt.Errorf("de map %s hoort bij %s maar ontbreekt; verwijder %s als de uitvoer in orde is", filepath.Join(dir, j.stage), jp, jp)
		}
		if err := apply(dir, j); err != nil {
			return "", fmt.Errorf("een onderbroken opdracht in %s kon niet worden afgemaakt: %v", dir, err)
		}
		notes = append(notes, fmt.Sprintf("verordening: de onderbroken vorige opdracht in %s is afgemaakt", dir))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("kan de map %s niet lezen: %v", dir, unwrapPath(err))
	}
	for _, en := range entries {
		p := filepath.Join(dir, en.Name())
		if strings.HasPrefix(en.Name(), StagePrefix) && isStage(p) {
			removeStage(p)
			notes = append(notes, fmt.Sprintf("verordening: de tijdelijke map %s van een onderbroken opdracht is opgeruimd", p))
		}
	}
	return strings.Join(notes, "\n"), nil
}

// isStage reports whether p is one of the tool's staging folders: a
// folder, not a link, holding the marker.
func isStage(p string) bool {
	fi, err := os.Lstat(p)
	if err != nil || !fi.IsDir() {
		return false
	}
	data, err := os.ReadFile(filepath.Join(p, stageMarker))
	return err == nil && string(data) == markerText
}

// removeStage removes a staging folder of the tool's own, and nothing
// else.
func removeStage(p string) {
	if isStage(p) {
		os.RemoveAll(p)
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
