package clause

import (
	"strings"
	"testing"
)

// normalizeRef is the definition NormalizeText must agree with.
func normalizeRef(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func TestNormalizeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"Loonkostensubsidie", "loonkostensubsidie"},
		{"  De  Jobcoach\tBegeleidt\n\nde WERKNEMER  ", "de jobcoach begeleidt de werknemer"},
		{"Ärztin\u00a0ÉÉN\u2003twee", "ärztin één twee"},
		{"a\u0085b\vc\fd\re", "a b c d e"},
		{"x\xffY", "x\ufffdy"},
		{"İK", "ik"},
	} {
		if got := NormalizeText(tc.in); got != tc.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if ref := normalizeRef(tc.in); ref != tc.want {
			t.Errorf("row %q: the reference gives %q; the row is wrong", tc.in, ref)
		}
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"", " a ", "De\tJobcoach\n", "Ä\u00a0é\u2028x", "\xff\xfe A", "\u0130\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeText(s), normalizeRef(s); got != want {
			t.Errorf("NormalizeText(%q) = %q, want %q", s, got, want)
		}
	})
}
