// Package output puts a command's files on disk all at once or not at all,
// and removes only files it wrote itself.
//
// A run writes its files into a staging folder inside the output folder,
// syncs them, and then commits: a journal naming every change is written,
// the files are renamed into place (the old ones kept in the staging folder
// as backup), and the journal is removed. A failure while files are moved
// puts the old ones back; a run killed before the journal leaves the old
// output, one killed after it leaves a journal from which the next run (any
// [Begin] or [Recover] on the folder) finishes the move. Either way the
// folder holds the complete old or the complete new output.
//
// Each output folder holds a manifest, [ManifestName], listing the files and
// folders the tool made there. Only those are ever replaced or removed;
// everything else in the folder (a user's notes.txt) is left alone.
//
// No library does this: renameio and friends replace one file atomically,
// not a set of files beside files the tool does not own.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"verordening/internal/source"
)

// Names of the tool's own entries in an output folder.
const (
	ManifestName = ".verordening"         // the files and folders the tool wrote
	JournalName  = ".verordening-journal" // present only while files are moved
	StagePrefix  = ".verordening-stage-"  // staging folders
	stageMarker  = ".verordening-stage"   // inside a staging folder: what it is
	markerText   = "verordening staging 1\n"
)

// ErrPending is in the error of a commit that failed and could not put
// every old file back: the journal stays, and the next run in the folder
// finishes the change. Any other error of a commit left the folder as it
// was.
var ErrPending = errors.New("de volgende opdracht met deze map maakt de wijziging af")

// TestHook, when set (by tests only), is called at named points of a run;
// a non-nil error makes the step at that point fail. It is nil in the
// program, so the points cost nothing.
var TestHook func(point string) error

func hook(point string) error {
	if TestHook == nil {
		return nil
	}
	return TestHook(point)
}

// A Tx is one run's output: files written with [Tx.Write] appear in the
// folder only on [Tx.Commit].
type Tx struct {
	dir     string // the output folder
	stage   string // the staging folder inside dir
	created []string
	inputs  []os.FileInfo
	inNames []string

	mu    sync.Mutex
	files map[string]bool // rel paths (slash-separated) written
	dirs  map[string]bool // rel folders needed
}

// Begin starts a run that writes into dir, creating dir if needed. It
// first finishes or undoes an interrupted earlier run in dir and removes
// the tool's stale staging folders; note says what it did ("" for
// nothing).
func Begin(dir string) (tx *Tx, note string, err error) {
	created, err := mkdirAll(dir)
	if err != nil {
		return nil, "", err
	}
	note, err = Recover(dir)
	if err != nil {
		removeCreated(created)
		return nil, "", err
	}
	stage, err := os.MkdirTemp(dir, StagePrefix)
	if err != nil {
		removeCreated(created)
		return nil, "", writeErr(dir, err)
	}
	tx = &Tx{dir: dir, stage: stage, created: created, files: map[string]bool{}, dirs: map[string]bool{}}
	if err := writeNew(filepath.Join(stage, stageMarker), []byte(markerText)); err != nil {
		tx.Abort()
		return nil, "", err
	}
	if err := os.Mkdir(filepath.Join(stage, "new"), 0o755); err != nil {
		tx.Abort()
		return nil, "", writeErr(stage, err)
	}
	return tx, note, nil
}

// Protect names input files of the run: they are never replaced or
// removed, and [Tx.IsInput] tells whether a file would replace one.
func (tx *Tx) Protect(paths ...string) {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			tx.inputs = append(tx.inputs, fi)
			tx.inNames = append(tx.inNames, p)
		}
	}
}

// IsInput reports whether rel, in the output folder, is one of the
// protected inputs.
func (tx *Tx) IsInput(rel string) bool {
	return tx.input(filepath.Join(tx.dir, filepath.FromSlash(rel))) != ""
}

func (tx *Tx) input(p string) string {
	fi, err := os.Stat(p)
	if err != nil {
		return ""
	}
	for i, in := range tx.inputs {
		if os.SameFile(fi, in) {
			return tx.inNames[i]
		}
	}
	return ""
}

// Path is where rel ends up.
func (tx *Tx) Path(rel string) string {
	return filepath.Join(tx.dir, filepath.FromSlash(rel))
}

// Write stages the file rel (slash-separated, inside the output folder);
// Commit syncs it to disk. It may be called from several goroutines.
func (tx *Tx) Write(rel string, data []byte) error {
	if !validRel(rel) {
		return fmt.Errorf("kan %s niet schrijven: ongeldige bestandsnaam", tx.Path(rel))
	}
	tx.mu.Lock()
	if tx.files[rel] || tx.dirs[rel] {
		tx.mu.Unlock()
		return fmt.Errorf("kan %s niet schrijven: het bestand wordt twee keer geschreven", tx.Path(rel))
	}
	tx.files[rel] = true
	var mk []string
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if !tx.dirs[d] {
			tx.dirs[d] = true
			mk = append(mk, d)
		}
	}
	// The folders are made under the lock: a file of another goroutine in
	// the same folder must not be written before it exists.
	slices.Reverse(mk)
	for _, d := range mk {
		if err := os.Mkdir(tx.newPath(d), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			tx.mu.Unlock()
			return writeErr(tx.Path(d), err)
		}
	}
	tx.mu.Unlock()
	if err := hook("write " + rel); err != nil {
		return writeErr(tx.Path(rel), err)
	}
	if err := writeNew(tx.newPath(rel), data); err != nil {
		return writeErr(tx.Path(rel), unwrapPath(err))
	}
	return nil
}

func (tx *Tx) newPath(rel string) string {
	return filepath.Join(tx.stage, "new", filepath.FromSlash(rel))
}

// Abort discards the staged files, and dir itself when Begin made it and
// it is still empty. Called after Commit, it does nothing.
func (tx *Tx) Abort() {
	if tx.stage == "" {
		return
	}
	os.RemoveAll(tx.stage)
	tx.stage = ""
	removeCreated(tx.created)
}

// A Result says what a commit changed besides writing the new files.
type Result struct {
	Removed []string // the tool's files of an earlier run that this run did not write, as paths
}

// Commit moves the staged files into place and removes the tool's files of
// the earlier run that this run did not write. On error the folder is as
// it was before.
func (tx *Tx) Commit() (*Result, error) {
	defer tx.Abort()
	old, err := readManifest(tx.dir)
	if err != nil {
		return nil, err
	}
	j, err := tx.plan(old)
	if err != nil {
		return nil, err
	}
	if err := writeNew(filepath.Join(tx.stage, "journal"), j.encode()); err != nil {
		return nil, writeErr(filepath.Join(tx.dir, JournalName), unwrapPath(err))
	}
	if err := tx.sync(); err != nil {
		return nil, err
	}
	if err := placeJournal(tx.dir, j); err != nil {
		os.Remove(filepath.Join(tx.dir, JournalName)) // nothing has moved yet
		return nil, err
	}
	if err := hook("journal"); err != nil {
		err = rollBack(tx.dir, j, err)
		tx.keepIfPending(err)
		return nil, err
	}
	if err := apply(tx.dir, j); err != nil {
		tx.keepIfPending(err)
		return nil, err
	}
	tx.stage = "" // apply removed it
	res := &Result{}
	for _, rel := range j.del {
		res.Removed = append(res.Removed, tx.Path(rel))
	}
	return res, nil
}

// sync puts the staging folder on disk, with all it holds: the staged
// files and the manifest, the marker and the journal, and their folders.
// The journal may only take effect once they all are there.
func (tx *Tx) sync() error {
	staged := func(rel string) syncItem { return syncItem{tx.newPath(rel), tx.Path(rel), rel} }
	own := func(p, point string) syncItem { return syncItem{p, p, point} }
	files := []syncItem{
		own(filepath.Join(tx.stage, stageMarker), "staging/"+stageMarker),
		{filepath.Join(tx.stage, "journal"), filepath.Join(tx.dir, JournalName), JournalName},
		staged(ManifestName),
	}
	for _, rel := range sortedKeys(tx.files) {
		files = append(files, staged(rel))
	}
	dirs := []syncItem{own(tx.stage, "staging/"), own(filepath.Join(tx.stage, "new"), "staging/new/")}
	for _, d := range sortedKeys(tx.dirs) {
		dirs = append(dirs, syncItem{tx.newPath(d), tx.Path(d), d + "/"})
	}
	return syncAll(files, dirs)
}

// keepIfPending keeps the staging folder when a journal still needs it.
func (tx *Tx) keepIfPending(err error) {
	if errors.Is(err, ErrPending) {
		tx.stage = ""
	}
}

// plan checks every change against the folder as it is, and lists them.
func (tx *Tx) plan(old *manifest) (*journal, error) {
	j := &journal{stage: filepath.Base(tx.stage)}
	next := &manifest{files: map[string]bool{}, dirs: map[string]bool{}}
	for _, d := range sortedKeys(tx.dirs) {
		fi, err := os.Lstat(tx.Path(d))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			j.mkdir = append(j.mkdir, d)
			next.dirs[d] = true
		case err != nil:
			return nil, writeErr(tx.Path(d), unwrapPath(err))
		case !fi.IsDir():
			return nil, fmt.Errorf("kan de map %s niet maken: er staat een bestand met die naam; verplaats of hernoem het", tx.Path(d))
		case old.dirs[d]:
			next.dirs[d] = true
		}
	}
	for _, rel := range sortedKeys(tx.files) {
		fi, err := os.Lstat(tx.Path(rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, writeErr(tx.Path(rel), unwrapPath(err))
		case fi.IsDir():
			return nil, fmt.Errorf("kan %s niet schrijven: er staat een map met die naam; verplaats of hernoem die map", tx.Path(rel))
		case tx.input(tx.Path(rel)) != "":
			return nil, fmt.Errorf("kan %s niet schrijven: dat is het invoerbestand %s; kies een andere map met --out", tx.Path(rel), tx.input(tx.Path(rel)))
		case old.found && !old.files[rel]:
			// A folder without a manifest holds the outputs of a version
			// before manifests, which are replaced as they always were.
			return nil, fmt.Errorf("kan %s niet schrijven: dat bestand is niet door verordening gemaakt; verplaats of hernoem het", tx.Path(rel))
		}
		j.put = append(j.put, rel)
		next.files[rel] = true
	}
	for _, rel := range sortedKeys(old.files) {
		if next.files[rel] || tx.input(tx.Path(rel)) != "" {
			continue
		}
		if fi, err := os.Lstat(tx.Path(rel)); err == nil && !fi.IsDir() {
			j.del = append(j.del, rel)
		}
	}
	// The tool's folders no longer used go when empty; one that a user's
	// file keeps stays listed, to go when it is empty at a later run.
	for _, d := range sortedKeys(old.dirs) {
		if fi, err := os.Lstat(tx.Path(d)); err == nil && fi.IsDir() && !tx.dirs[d] {
			j.rmdir = append(j.rmdir, d)
			next.dirs[d] = true
		}
	}
	// Deepest first, so that a gemeente's folder goes after its files.
	slices.SortFunc(j.rmdir, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	if err := writeNew(tx.newPath(ManifestName), next.encode()); err != nil {
		return nil, writeErr(tx.Path(ManifestName), unwrapPath(err))
	}
	j.put = append(j.put, ManifestName)
	return j, nil
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// validRel reports whether rel names a file inside the folder, below no
// entry of the tool's own.
func validRel(rel string) bool {
	if rel == "." || !filepath.IsLocal(filepath.FromSlash(rel)) || path.Clean(rel) != rel || strings.ContainsAny(rel, "\n\r\\") {
		return false
	}
	first, _, _ := strings.Cut(rel, "/")
	return !strings.HasPrefix(first, ".verordening")
}

// mkdirAll makes dir and its missing parents, and returns those it made,
// deepest first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		removeCreated(missing)
		return nil, fmt.Errorf("kan de map %s niet maken: %v", dir, unwrapPath(err))
	}
	return missing, nil
}

// removeCreated removes the folders a run made, deepest first, as far as
// they are still empty.
func removeCreated(dirs []string) {
	for _, d := range dirs {
		if os.Remove(d) != nil {
			return
		}
	}
}

// WriteFile writes one file atomically: to a temporary file beside it,
// synced, then renamed over path, and the folder synced. A reader never
// sees half a file, and on failure nothing is left behind.
func WriteFile(p string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*")
	if err != nil {
		return fmt.Errorf("kan niet schrijven in %s: %v", filepath.Dir(p), unwrapPath(err))
	}
	name := tmp.Name()
	if err := fill(tmp, data, true); err != nil {
		os.Remove(name)
		return writeErr(p, unwrapPath(err))
	}
	if err := os.Rename(name, p); err != nil {
		os.Remove(name)
		return fmt.Errorf("kan %s niet plaatsen: %v", p, unwrapPath(err))
	}
	return syncDir(filepath.Dir(p))
}

func writeErr(p string, err error) error {
	return fmt.Errorf("kan %s niet schrijven: %v", p, unwrapPath(err))
}

// unwrapPath drops the English operation and path of a *fs.PathError: the
// message names the path itself.
func unwrapPath(err error) error {
	if err == nil {
		return nil
	}
	return dutchError{err}
}

// dutchError prints the cause of an OS error in Dutch (source.Reason),
// without the path the message names already, and keeps the error for
// errors.Is.
type dutchError struct{ err error }

func (e dutchError) Error() string { return source.Reason(e.err) }
func (e dutchError) Unwrap() error { return e.err }
