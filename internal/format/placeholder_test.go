package format_test

import (
	"reflect"
	"testing"

	"verordening/internal/document"
	"verordening/internal/format"
)

// placeholders returns the placeholder nodes the model parses from md, as
// the renderers and build's list see them.
func placeholders(md string) []string {
	var out []string
	document.ParseMarkdown(md).Walk(func(n document.Inline) {
		if p, ok := n.(document.Placeholder); ok {
			out = append(out, string(p))
		}
	})
	return out
}

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
		if got := placeholders(tt.md); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("placeholders(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}

func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"[datum]", `\[x\]`, "[a](b)", "[é]", "[[x]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range placeholders(s) {
			if len(p) < 3 || p[0] != '[' || p[len(p)-1] != ']' {
				t.Fatalf("placeholders(%q) gave %q", s, p)
			}
		}
		for i := range len(s) {
			if end := format.PlaceholderEnd(s, i); end > 0 && (end <= i+2 || s[end-1] != ']') {
				t.Fatalf("PlaceholderEnd(%q, %d) = %d", s, i, end)
			}
		}
	})
}
