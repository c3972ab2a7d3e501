package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// OSError turns an error of the operating system into a Dutch sentence
// that names the path and what went wrong, such as "kan out/x niet openen:
// een deel van het pad is geen map". The standard library's texts ("not a
// directory", "file name too long") are English and have no translation
// hook, so the error kinds are mapped here. An error that holds no
// *fs.PathError, *os.LinkError, *os.SyscallError or syscall.Errno is
// returned as it is. The result unwraps to err, so errors.Is keeps
// working.
func OSError(err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var errno syscall.Errno
	var inner error
	var msg string
	switch {
	case errors.As(err, &le):
		inner, msg = le, linkAction(le.Op, le.Old, le.New)+": "+Reason(le.Err)
	case errors.As(err, &pe):
		inner, msg = pe, pathAction(pe.Op, pe.Path)+": "+Reason(pe.Err)
	case errors.As(err, &se):
		inner, msg = se, Reason(se.Err)
	case errors.As(err, &errno):
		inner, msg = errno, Reason(errno)
	default:
		return err
	}
	// Keep what a wrapper put in front ("de basis van de regio: %w").
	if outer, in := err.Error(), inner.Error(); outer != in && strings.HasSuffix(outer, in) {
		msg = strings.TrimSuffix(outer, in) + msg
	}
	return &osError{msg: msg, err: err}
}

type osError struct {
	msg string
	err error
}

func (e *osError) Error() string { return e.msg }
func (e *osError) Unwrap() error { return e.err }

// Reason says in Dutch why an operation failed, without the path: for a
// message that names the path itself ("x.yaml: kan het antwoordbestand
// niet lezen: het bestand bestaat niet").
func Reason(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &le):
		err = le.Err
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &se):
		err = se.Err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := errnoText[errno]; ok {
			return s
		}
	}
	for _, s := range sentinelText {
		if errors.Is(err, s.err) {
			return s.text
		}
	}
	if errors.As(err, &errno) {
		return fmt.Sprintf("fout %d van het besturingssysteem", int(errno))
	}
	return err.Error()
}

// errnoText holds the Dutch text of the errors a user can cause or meet
// when reading input and writing output.
var errnoText = map[syscall.Errno]string{
	syscall.ENOENT:       "het bestand of de map bestaat niet",
	syscall.EACCES:       "geen toestemming (controleer de rechten van het bestand en de map)",
	syscall.EPERM:        "niet toegestaan (controleer de rechten van het bestand en de map)",
	syscall.ENOTDIR:      "een deel van het pad is geen map",
	syscall.EISDIR:       "dit is een map, geen bestand",
	syscall.ENAMETOOLONG: "de naam is te lang voor het bestandssysteem; kies een kortere naam",
	syscall.EEXIST:       "er bestaat al een bestand of map met die naam",
	syscall.ENOTEMPTY:    "de map is niet leeg",
	syscall.ENOSPC:       "de schijf is vol; maak ruimte vrij",
	syscall.EDQUOT:       "uw schijfquotum is op; maak ruimte vrij",
	syscall.EROFS:        "het bestandssysteem is alleen-lezen",
	syscall.ELOOP:        "te veel symbolische koppelingen (een koppeling verwijst naar zichzelf?)",
	syscall.EMFILE:       "te veel open bestanden",
	syscall.ENFILE:       "te veel open bestanden in het systeem",
	syscall.EXDEV:        "bron en doel liggen op verschillende bestandssystemen",
	syscall.EIO:          "invoer-/uitvoerfout van de schijf",
	syscall.EBUSY:        "het bestand of de map is in gebruik",
	syscall.ETXTBSY:      "het bestand is in gebruik",
	syscall.EFBIG:        "het bestand is te groot",
	syscall.EINVAL:       "ongeldige naam of bewerking",
	syscall.ENXIO:        "het apparaat of de pijp heeft geen lezer of schrijver",
	syscall.ENODEV:       "het apparaat bestaat niet",
	syscall.EAGAIN:       "tijdelijk niet beschikbaar; probeer het opnieuw",
	syscall.EINTR:        "onderbroken; probeer het opnieuw",
}

// sentinelText covers errors without an errno, such as those of an
// embedded or in-memory file system.
var sentinelText = []struct {
	err  error
	text string
}{
	{fs.ErrNotExist, "het bestand of de map bestaat niet"},
	{fs.ErrPermission, "geen toestemming (controleer de rechten van het bestand en de map)"},
	{fs.ErrExist, "er bestaat al een bestand of map met die naam"},
	{fs.ErrInvalid, "ongeldige naam of bewerking"},
	{fs.ErrClosed, "het bestand is al gesloten"},
	{os.ErrDeadlineExceeded, "de tijd is verstreken"},
}

// pathAction says in Dutch which operation on path failed, after the Op
// of a *fs.PathError.
func pathAction(op, path string) string {
	switch op {
	case "open", "openat", "fdopendir":
		return fmt.Sprintf("kan %s niet openen", path)
	case "read", "pread", "readfile":
		return fmt.Sprintf("kan %s niet lezen", path)
	case "readdir", "readdirent", "getdirentries":
		return fmt.Sprintf("kan de inhoud van de map %s niet lezen", path)
	case "write", "pwrite", "truncate":
		return fmt.Sprintf("kan %s niet schrijven", path)
	case "stat", "lstat", "fstat", "fstatat":
		return fmt.Sprintf("kan %s niet bekijken", path)
	case "mkdir", "mkdirat":
		return fmt.Sprintf("kan de map %s niet maken", path)
	case "mkdirtemp", "createtemp":
		// path is the pattern: folder/prefix*suffix.
		return fmt.Sprintf("kan niets tijdelijks maken in de map %s", filepath.Dir(path))
	case "remove", "unlinkat", "rmdir":
		return fmt.Sprintf("kan %s niet verwijderen", path)
	case "sync", "fsync":
		return fmt.Sprintf("kan %s niet vastleggen op de schijf", path)
	case "close":
		return fmt.Sprintf("kan %s niet sluiten", path)
	case "chmod", "fchmod", "chown", "fchown", "lchown", "chtimes":
		return fmt.Sprintf("kan de rechten of tijden van %s niet wijzigen", path)
	case "readlink":
		return fmt.Sprintf("kan de koppeling %s niet lezen", path)
	}
	return fmt.Sprintf("fout bij %s", path)
}

// linkAction gives the Dutch message for an *os.LinkError.
func linkAction(op, old, new string) string {
	switch op {
	case "symlink":
		return fmt.Sprintf("kan de koppeling %s naar %s niet maken", new, old)
	case "link":
		return fmt.Sprintf("kan %s niet koppelen aan %s", new, old)
	}
	return fmt.Sprintf("kan %s niet verplaatsen naar %s", old, new)
}
