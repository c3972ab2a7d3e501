package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// writeSynced writes data to a new file p and syncs it to disk.
func writeSynced(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	return fillSynced(f, data)
}

// fillSynced writes data to f, syncs and closes it.
func fillSynced(f *os.File, data []byte) error {
	_, werr := f.Write(data)
	// CreateTemp makes 0600 and the umask may take more: an output is
	// for everyone to read, whoever built it.
	cherr := f.Chmod(0o644)
	serr := f.Sync()
	cerr := f.Close()
	return errors.Join(werr, cherr, serr, cerr)
}

// syncDir syncs a folder, so that the names made or removed in it are on
// disk. File systems that cannot sync a folder say so with EINVAL; that
// is not an error.
func syncDir(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return writeErr(p, unwrapPath(err))
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return writeErr(p, unwrapPath(err))
	}
	return nil
}

// syncTree syncs every folder below root (the files were synced when
// they were written).
func syncTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return writeErr(p, unwrapPath(err))
		}
		if d.IsDir() {
			return syncDir(p)
		}
		return nil
	})
}
