package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxFile is the largest input file the tool reads: an answers file, a
// region file or one file of a content pack. The largest real ones are
// some tens of kilobytes (a region file of 400 gemeenten stays under one
// megabyte); anything larger is the wrong file, and reading it whole could
// exhaust memory (/dev/zero never ends).
const MaxFile = 4 << 20

// ReadFile reads the regular file name, at most limit bytes. A directory,
// a named pipe, a device or a socket is refused before it is opened, so a
// FIFO cannot make the tool wait forever; a file larger than limit is
// refused without reading past the limit. Every error is a Dutch message
// that starts with name.
func ReadFile(name string, limit int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, &FileError{name, pathMessage(err)}
	}
	if err := checkStat(name, st, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, &FileError{name, pathMessage(err)}
	}
	defer f.Close()
	return readLimited(name, f, limit)
}

// checkStat refuses what is not a regular file, or is larger than limit.
func checkStat(name string, st fs.FileInfo, limit int64) error {
	if !st.Mode().IsRegular() {
		return &FileError{name, "dit is geen gewoon bestand maar " + kindOf(st.Mode()) + "; geef het pad van een bestand"}
	}
	if st.Size() > limit {
		return tooBig(name, limit)
	}
	return nil
}

// readLimited reads r to its end, refusing more than limit bytes: a file
// can grow between the check of its size and the reading.
func readLimited(name string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &FileError{name, pathMessage(err)}
	}
	if int64(len(data)) > limit {
		return nil, tooBig(name, limit)
	}
	return data, nil
}

func tooBig(name string, limit int64) error {
	return &FileError{name, fmt.Sprintf("het bestand is groter dan %s, de grens voor invoer; controleer of dit het goede bestand is", size(limit))}
}

// A FileError says in Dutch why a file cannot be read.
type FileError struct {
	Name string
	Msg  string // what is wrong and what to do, without the name
}

func (e *FileError) Error() string { return e.Name + ": " + e.Msg }

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "een map"
	case m&fs.ModeNamedPipe != 0:
		return "een pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "een socket"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "een apparaat"
	case m&fs.ModeSymlink != 0:
		return "een symbolische koppeling"
	}
	return "iets anders"
}

// pathMessage is the Dutch text for the common errors of opening and
// reading a file; the errno texts of the system are English.
func pathMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "het bestand bestaat niet"
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming om het bestand te lezen"
	}
	return Reason(err)
}

// LimitFS wraps a content pack on disk: every file read through it must be
// a regular file of at most limit bytes. Opening anything else (a FIFO, a
// device) fails with a Dutch message instead of hanging or filling memory.
func LimitFS(fsys fs.FS, limit int64) fs.FS { return limitFS{fsys, limit} }

type limitFS struct {
	fsys  fs.FS
	limit int64
}

// Open refuses, before opening, a name that is neither a regular file nor
// a folder; folders pass so that the pack can be listed. The error of a
// refusal is a Dutch message that starts with the name.
func (l limitFS) Open(name string) (fs.File, error) {
	st, err := fs.Stat(l.fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		if err := checkStat(name, st, l.limit); err != nil {
			return nil, err
		}
	}
	return l.fsys.Open(name)
}

// ReadFile is fs.ReadFile with the checks of Open and a bounded read.
func (l limitFS) ReadFile(name string) ([]byte, error) {
	f, err := l.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(name, f, l.limit)
}
