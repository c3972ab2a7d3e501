package docx

import (
	"encoding/xml"
	"fmt"
	"testing"

	"verordening/internal/document"
)

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "[plain text]"},
		{"a **bold** word", "[a ][bold:b][ word]"},
		{"an *italic* word", "[an ][italic:i][ word]"},
		{"***both***", "[both:bi]"},
		{"**bold *and italic* bold**", "[bold :b][and italic:bi][ bold:b]"},
		{"*italic **and bold** italic*", "[italic :i][and bold:bi][ italic:i]"},
		{`\*not italic\*`, "[*not italic*]"},
		{`SPORT\_2026 \[1\] \\ \a`, `[SPORT_2026 [1] \ \a]`},
		{"2 * 3 * 4", "[2 * 3 * 4]"},
		{"*unclosed", "[*unclosed]"},
		{"**unclosed*", "[*][unclosed:i]"}, // as goldmark reads it, so Word and HTML agree
		{"a*b*c", "[a][b:i][c]"},
		{"€ 2.700 & <meer>", "[€ 2.700 & <meer>]"},
		{"[Zaanstad](zaanstad/verordening.html) en meer", "[Zaanstad en meer]"},
		{"zie [**vet**](a.md)", "[zie ][vet:b]"},
		{"[geen link] (a)", "[[geen link]:m][ (a)]"},
		{"op [datum] door", "[op ][[datum]:m][ door]"},
		{`de \[uurtarief\_x: in te vullen\]`, "[de [uurtarief_x: in te vullen]]"},
		{`[regio\_naam: in te vullen] in *[x]*`, "[[regio_naam: in te vullen]:m][ in ][[x]:im]"},
		{"[1] en [ ] en [a][b]", "[[1] en [ ] en [a][b]]"},
		{"[open](zonder einde", "[[open](zonder einde]"},
		{"[spatie](a b)", "[[spatie](a b)]"},
		{"", ""},
	}
	for _, tt := range tests {
		var got string
		for _, r := range inline(document.ParseMarkdown(tt.in)) {
			f := ""
			if r.bold {
				f += "b"
			}
			if r.italic {
				f += "i"
			}
			if r.mark {
				f += "m"
			}
			if f != "" {
				f = ":" + f
			}
			got += fmt.Sprintf("[%s%s]", r.text, f)
		}
		if got != tt.want {
			t.Errorf("inline(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"gewoon", "gewoon"},
		{`a & b < c > d "e"`, "a &amp; b &lt; c &gt; d &quot;e&quot;"},
		{"regel\neen\ttab", "regel een tab"},
		{"bel\x07l", "bell"},
		{"ongeldig \xff", "ongeldig \uFFFD"},
		{"Beëmster €", "Beëmster €"},
		{"niet\uFFFEhier\uFFFF", "niethier"},
		{"\uFFFD blijft", "\uFFFD blijft"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzEscape checks that escaped text is well-formed XML that reads back
// as text that escapes to the same again, and that needsEscape is exactly
// "escape changes the text".
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"gewoon", "a & b", "\xff", "\uFFFE", "\xef\xbf", "tab\there"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escape(s)
		if needsEscape(s) == (got == s) {
			t.Fatalf("needsEscape(%q) = %v, but escape gives %q", s, needsEscape(s), got)
		}
		var v struct {
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte("<t>"+got+"</t>"), &v); err != nil {
			t.Fatalf("escape(%q) = %q is not XML text: %v", s, got, err)
		}
		if again := escape(v.Text); again != got {
			t.Fatalf("escape(%q) = %q reads back as %q, which escapes to %q", s, got, v.Text, again)
		}
	})
}
