// Package version names this build of the program, from the module's
// build information, for --version and the documents' metadata. It reads
// nothing else (no clock, no environment), so the same binary always
// writes the same bytes.
package version

import (
	"runtime/debug"
	"strings"
)

// Info is what the build information says about this build.
type Info struct {
	Version  string // module version, "(devel)" for a build from a work tree
	Revision string // vcs.revision, empty when built without VCS stamping
	Modified bool   // vcs.modified: the work tree had uncommitted changes
	Go       string // the Go version that built the binary
}

// Read returns the build information of the running binary.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: "(onbekend)"}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo takes the fields of Info from bi.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	in := Info{Version: bi.Main.Version, Go: bi.GoVersion}
	if in.Version == "" {
		in.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Revision = s.Value
		case "vcs.modified":
			in.Modified = s.Value == "true"
		}
	}
	return in
}

// String is the version as the documents name it: "v1.2.0", or
// "(devel) 1f18d12abcde" for a build from a work tree, with
// "+gewijzigd" when that work tree had changes.
func (in Info) String() string {
	s := in.Version
	if in.Revision != "" {
		rev := in.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if !strings.Contains(s, rev) { // a pseudo-version already names it
			s += " " + rev
		}
	}
	if in.Modified {
		s += "+gewijzigd"
	}
	return s
}

// Generator names the program and its version for a document's metadata:
// "verordening v1.2.0".
func Generator() string {
	return "verordening " + Read().String()
}
