package format

import (
	"reflect"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		md   string
		want []string
	}{
		{"Den Haag, [datum]", []string{"[datum]"}},
		{`tarief \[uurtarief\_x\] escaped`, nil},
		{`[uurtarief\_x: in te vullen door de gemeente] en [telefoonnummer].`, []string{"[uurtarief_x: in te vullen door de gemeente]", "[telefoonnummer]"}},
		{"[Zaanstad](zaanstad/verordening.html)", nil},
		{"![beeld](a.png) [x][y] [1] [ ]", nil},
		{"[open\nop twee regels]", nil},
		{"[a [b] c]", []string{"[b]"}},
		{"[Vat hier het advies samen.]", []string{"[Vat hier het advies samen.]"}},
		{"[" + string(make([]byte, 300)) + "]", nil},
	}
	for _, tt := range tests {
		if got := Placeholders(tt.md); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Placeholders(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}

func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"[datum]", `\[x\]`, "[a](b)", "[é]", "[[x]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Placeholders(s) {
			if len(p) < 3 || p[0] != '[' || p[len(p)-1] != ']' {
				t.Fatalf("Placeholders(%q) gave %q", s, p)
			}
		}
		for i := range len(s) {
			if end := PlaceholderEnd(s, i); end > 0 && (end <= i+2 || s[end-1] != ']') {
				t.Fatalf("PlaceholderEnd(%q, %d) = %d", s, i, end)
			}
		}
	})
}
