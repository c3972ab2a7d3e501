package output

import (
	"errors"
	"os"
	"slices"
	"sync"
	"syscall"
)

// writeNew writes data to a new file p. It is not synced: a run's staged
// files are synced together when it commits (see syncAll).
func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	return fill(f, data, false)
}

// fill writes data to f, syncs it if durable, and closes it.
func fill(f *os.File, data []byte, durable bool) error {
	_, werr := f.Write(data)
	// CreateTemp makes 0600 and the umask may take more: an output is
	// for everyone to read, whoever built it.
	cherr := f.Chmod(0o644)
	var serr error
	if durable {
		serr = f.Sync()
	}
	cerr := f.Close()
	return errors.Join(werr, cherr, serr, cerr)
}

// syncFile syncs the file p to disk.
func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// parallelSyncs is how many files and folders syncAll syncs at once.
const parallelSyncs = 8

// A syncItem is a file or folder for syncAll.
type syncItem struct {
	path  string // where it is
	shown string // the path an error names
	point string // its name for TestHook, "sync " + point; "" for none
}

// syncAll syncs the files and the folders, several at once: most of a
// sync is waiting for the disk, and the file system's journal takes
// syncs that come together in one commit. A run's staged files are
// synced so, all at the same time, rather than each when it is written,
// which made every run wait for the disk once per file and once more for
// each step of the commit. The first error in the order of the items is
// told.
func syncAll(files, dirs []syncItem) error {
	items := append(slices.Clip(files), dirs...)
	isDir := func(i int) bool { return i >= len(files) }
	errs := make([]error, len(items))
	var wg sync.WaitGroup
	slots := make(chan struct{}, parallelSyncs)
	for i, it := range items {
		if it.point != "" {
			if err := hook("sync " + it.point); err != nil {
				errs[i] = writeErr(it.shown, err)
				continue
			}
		}
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			do := syncFile
			if isDir(i) {
				do = syncDirQuiet
			}
			if err := do(it.path); err != nil {
				errs[i] = writeErr(it.shown, unwrapPath(err))
			}
		})
	}
	wg.Wait()
	return firstErr(errs)
}

func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// syncDir syncs a folder, so that the names made or removed in it are on
// disk. File systems that cannot sync a folder say so with EINVAL; that
// is not an error.
func syncDir(p string) error {
	if err := syncDirQuiet(p); err != nil {
		return writeErr(p, unwrapPath(err))
	}
	return nil
}

// syncDirQuiet is syncDir with the error as the system gives it.
func syncDirQuiet(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}
