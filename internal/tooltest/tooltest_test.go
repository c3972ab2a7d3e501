package tooltest

import (
	"strings"
	"testing"
)

// recorder is a testing.TB that records how the test would have ended.
type recorder struct {
	testing.TB
	ended string
}

type stop struct{}

func (r *recorder) Helper()               {}
func (r *recorder) Fatal(a ...any)        { r.ended = "fail"; panic(stop{}) }
func (r *recorder) Skip(a ...any)         { r.ended = "skip"; panic(stop{}) }
func (r *recorder) Fatalf(string, ...any) { r.ended = "fail"; panic(stop{}) }

func end(t *testing.T, f func(tb testing.TB)) string {
	r := &recorder{TB: t}
	func() {
		defer func() {
			if v := recover(); v != nil {
				if _, ok := v.(stop); !ok {
					panic(v)
				}
			}
		}()
		f(r)
	}()
	return r.ended
}

// TestMissing: a missing program fails the test under CI and skips it
// elsewhere; a present one is found.
func TestMissing(t *testing.T) {
	const absent = "verordening-geen-programma"
	for _, tc := range []struct{ ci, want string }{{"true", "fail"}, {"", "skip"}} {
		t.Setenv("CI", tc.ci)
		if got := end(t, func(tb testing.TB) { Need(tb, absent) }); got != tc.want {
			t.Errorf("CI=%q: the test ended with %q, want %q", tc.ci, got, tc.want)
		}
	}
	if p := Need(t, "sh"); !strings.HasSuffix(p, "/sh") {
		t.Errorf("Need(sh) = %q", p)
	}
	if out := Run(t, "sh", "-c", "echo ja"); out != "ja\n" {
		t.Errorf("Run = %q", out)
	}
}
