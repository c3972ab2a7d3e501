package condition

import (
	"strings"
	"testing"

	"verordening/internal/source"
)

func env() *Env {
	return NewEnv([]Var{
		{Name: "doelgroep", Zero: "", Options: []string{"wettelijk", "breed"}},
		{Name: "doelen", Zero: []string{}, Options: []string{"behoud_werk", "duurzame_plaatsing"}},
		{Name: "nazorg", Zero: false},
		{Name: "bedrag", Zero: 0.0},
	})
}

func TestCompile(t *testing.T) {
	pos := source.Pos{File: "c.md", Line: 5, Col: 7}
	tests := []struct {
		src  string
		vals map[string]any
		want bool
		err  string
	}{
		{src: "", want: true},
		{src: `doelgroep == "breed"`, vals: map[string]any{"doelgroep": "breed"}, want: true},
		{src: `"behoud_werk" in doelen && nazorg`, vals: map[string]any{"doelen": []string{"behoud_werk"}, "nazorg": true}, want: true},
		{src: `doelgroep in ["wettelijk", "breed"]`, vals: map[string]any{"doelgroep": "wettelijk"}, want: true},
		{src: `bedrag > 5000`, vals: map[string]any{"bedrag": 4000.0}, want: false},
		{src: `doelgroep == "iedereen"`, err: `c.md:5:20: voorwaarde: "iedereen" is geen mogelijke waarde van doelgroep (kies uit: wettelijk, breed)`},
		{src: `"werkgeluk" in doelen`, err: `"werkgeluk" is geen mogelijke waarde van doelen`},
		{src: `doelgroup == "breed"`, err: "onbekende vraag doelgroup"},
		{src: `nazorg == "ja"`, err: "de typen passen niet"},
		{src: `bedrag`, err: "waar of onwaar"},
		{src: `doelgroep ==`, err: `voorwaarde "doelgroep =="`},
	}
	for _, tt := range tests {
		c, err := Compile(tt.src, pos, env())
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Compile(%q) err = %v, want %q", tt.src, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Compile(%q): %v", tt.src, err)
			continue
		}
		got, err := c.Eval(tt.vals)
		if err != nil || got != tt.want {
			t.Errorf("Eval(%q) = %v, %v; want %v", tt.src, got, err, tt.want)
		}
	}
}

// FuzzCompile: compiling never panics, and every error stays on the
// condition's line.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{`doelgroep == "breed"`, `"x" in doelen`, `nazorg && bedrag > 1`, `(`, `doelgroep in [`, "\"\xff\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		pos := source.Pos{File: "c.md", Line: 3, Col: 7}
		c, err := Compile(src, pos, env())
		if err != nil {
			e, ok := err.(*source.Error)
			if !ok || e.Pos.Line != 3 || e.Pos.File != "c.md" {
				t.Fatalf("error not positioned on the condition: %#v", err)
			}
			return
		}
		c.Eval(map[string]any{"doelgroep": "breed", "doelen": []string{}, "nazorg": true, "bedrag": 1.0})
	})
}

// TestDutchMessages: expr's messages are shown in Dutch, at the column
// expr names.
func TestDutchMessages(t *testing.T) {
	pos := source.Pos{File: "c.md", Line: 5, Col: 7}
	tests := []struct{ src, want string }{
		{`doelgroep ==`, `c.md:5:18: voorwaarde "doelgroep ==": de voorwaarde houdt onverwacht op`},
		{`nazorg == "ja"`, "de typen passen niet: == tussen waar/onwaar (janee) en tekst"},
		{`bedrag`, "de voorwaarde moet waar of onwaar opleveren, niet getal"},
		{`nazorg &&& nazorg`, `onverwachte operator "&"`},
		{`doelgroep = "breed"`, `onverwachte operator "="`},
		{`len(bedrag) > 0`, "len telt de elementen van een lijst of tekst, niet van getal"},
		{`doelen.x`, "een element van een lijst wordt gekozen met een getal, niet met tekst"},
		{`doelgroep == 'x`, "tekst zonder afsluitend aanhalingsteken"},
		{`@`, "onbekend teken"},
	}
	english := []string{"unexpected", "mismatched", "expected", "invalid", "literal", "unrecognized", "array"}
	for _, tt := range tests {
		_, err := Compile(tt.src, pos, env())
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.src, err, tt.want)
			continue
		}
		for _, e := range english {
			if strings.Contains(err.Error(), e) {
				t.Errorf("%s: English %q in %v", tt.src, e, err)
			}
		}
	}
	c, err := Compile(`bedrag / bedrag > 1`, pos, env())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Eval(map[string]any{"bedrag": "x"}); err == nil || strings.Contains(err.Error(), "invalid") || strings.Contains(err.Error(), "|") {
		t.Errorf("runtime error not in Dutch on one line: %v", err)
	}
}
