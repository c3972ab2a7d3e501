package pipeline

import (
	"testing"

	"verordening"
)

// BenchmarkLoad loads and checks the embedded content pack, as every
// command does at start-up.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(verordening.Content); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Zaanstad":         "zaanstad",
		"Súdwest-Fryslân":  "sudwest-fryslan",
		"'s-Hertogenbosch": "s-hertogenbosch",
		"Bergen (NH)":      "bergen-nh",
		"../../etc/passwd": "etc-passwd",
		"..":               "gemeente",
		"a/b\\c":           "a-b-c",
		"":                 "gemeente",
		"Den  Haag  ":      "den-haag",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	f.Add("Súdwest-Fryslân")
	f.Add("../..")
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q holds %q", s, got, r)
			}
		}
		if got == "" || got[0] == '-' || got[len(got)-1] == '-' {
			t.Fatalf("Slug(%q) = %q", s, got)
		}
	})
}
