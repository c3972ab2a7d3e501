package format

import "testing"

func TestNumbers(t *testing.T) {
	tests := []struct {
		name string
		f    func(float64) string
		in   float64
		want string
	}{
		{"bedrag heel", Bedrag, 2700, "€ 2.700"},
		{"bedrag centen", Bedrag, 75.82, "€ 75,82"},
		{"bedrag tien cent", Bedrag, 84.9, "€ 84,90"},
		{"bedrag groot", Bedrag, 1234567, "€ 1.234.567"},
		{"bedrag nul", Bedrag, 0, "€ 0"},
		{"procent", Procent, 7.5, "7,5%"},
		{"procent heel", Procent, 10, "10%"},
		{"getal", Getal, 1400, "1.400"},
		{"getal afgerond", Getal, 1.005, "1"},
		{"getal negatief", Getal, -3.25, "-3,25"},
		{"woord acht", Woord, 8, "acht"},
		{"woord twintig", Woord, 20, "twintig"},
		{"woord groot", Woord, 21, "21"},
		{"woord breuk", Woord, 1.5, "1,5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f(tt.in); got != tt.want {
				t.Errorf("%v → %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDatum(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-07-01", "1 juli 2026"},
		{"2027-01-01", "1 januari 2027"},
		{"2026-12-31", "31 december 2026"},
		{"2026-02-30", "2026-02-30"}, // not a date: unchanged
		{"", ""},
	}
	for _, tt := range tests {
		if got := Datum(tt.in); got != tt.want {
			t.Errorf("Datum(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOrdinalJoin(t *testing.T) {
	for n, want := range map[int]string{1: "eerste", 2: "tweede", 8: "achtste", 20: "twintigste", 21: "21e"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	joins := []struct {
		in   []string
		last string
		want string
	}{
		{nil, "en", ""},
		{[]string{"a"}, "en", "a"},
		{[]string{"a", "b"}, "en", "a en b"},
		{[]string{"a", "b", "c"}, "of", "a, b of c"},
	}
	for _, j := range joins {
		if got := Join(j.in, j.last); got != j.want {
			t.Errorf("Join(%q) = %q, want %q", j.in, got, j.want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Súdwest-Fryslân", "Súdwest-Fryslân"},
		{"<script>", `\<script\>`},
		{"*vet* en _schuin_", `\*vet\* en \_schuin\_`},
		{"{{ .Geheim }}", `\{\{ .Geheim \}\}`},
		{"a\x1eb\nc", "ab c"},
		{"[link](x)", `\[link\](x)`},
	}
	for _, tt := range tests {
		if got := EscapeMarkdown(tt.in); got != tt.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
