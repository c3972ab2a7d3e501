package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	setting := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"release", debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"work tree", debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: setting("vcs.revision", "1f18d12abcdef0123456789", "vcs.modified", "false")}, "(devel) 1f18d12abcde"},
		{"work tree with changes", debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: setting("vcs.revision", "1f18d12abcdef0123456789", "vcs.modified", "true")}, "(devel) 1f18d12abcde+gewijzigd"},
		{"pseudo-version names the revision", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202040000-1f18d12abcde"},
			Settings: setting("vcs.revision", "1f18d12abcdef0123456789")}, "v0.0.0-20261202040000-1f18d12abcde"},
		{"no version", debug.BuildInfo{}, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromBuildInfo(&tt.bi).String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGeneratorStable: the metadata comes from the build only, so two
// calls give the same text.
func TestGeneratorStable(t *testing.T) {
	a, b := Generator(), Generator()
	if a != b || a == "verordening " {
		t.Errorf("Generator() = %q, then %q", a, b)
	}
}
