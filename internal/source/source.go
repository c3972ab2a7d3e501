// Package source gives every user-facing message a place: a Pos in a file,
// and an ErrorList that collects errors and warnings and prints them as
// "file:line:col: message", like go/scanner.
package source

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an input file. Line and Col start at 1; zero means
// unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells an error from a warning.
type Severity int

const (
	SevError Severity = iota
	SevWarning
)

// An Error is one message about the input at a position.
type Error struct {
	Pos      Pos
	Msg      string
	Severity Severity
}

func (e *Error) Error() string {
	if e.Severity == SevWarning {
		return e.Pos.String() + ": waarschuwing: " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList collects messages. The zero value is ready to use.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warn appends a warning.
func (l *ErrorList) Warn(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Severity: SevWarning})
}

// Append adds all messages of other, which may be any error: an ErrorList,
// an *Error or a plain error (given the position pos).
func (l *ErrorList) Append(pos Pos, err error) {
	switch e := err.(type) {
	case nil:
	case ErrorList:
		*l = append(*l, e...)
	case *Error:
		*l = append(*l, e)
	default:
		l.Add(pos, "%s", OSError(err).Error())
	}
}

// HasErrors reports whether the list holds at least one error (not only
// warnings).
func (l ErrorList) HasErrors() bool {
	for _, e := range l {
		if e.Severity == SevError {
			return true
		}
	}
	return false
}

// Warnings returns only the warnings.
func (l ErrorList) Warnings() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Severity == SevWarning {
			out = append(out, e)
		}
	}
	return out
}

// Sort orders the messages by file, line and column; messages at the same
// place keep their order.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error when it holds errors, else nil.
func (l ErrorList) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error prints every message on its own line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
