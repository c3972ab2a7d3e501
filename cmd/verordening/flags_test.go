package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestFlagErrorsDutch runs every kind of error pflag can give for our
// options and wants the Dutch message, exit code 2 and no English.
func TestFlagErrorsDutch(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"single dash before a long option", []string{"check", "-example", "x"},
			"verordening check: onbekende optie 'e' in -example; bedoelt u --example? Opties beginnen met twee streepjes"},
		{"single dash with a value", []string{"check", "-answers=x.yaml"},
			"verordening check: onbekende optie 'a' in -answers=x.yaml; bedoelt u --answers? Opties beginnen met twee streepjes"},
		{"unknown letter", []string{"build", "-x"},
			"verordening build: onbekende optie 'x' in -x; opties beginnen met twee streepjes, zoals --help"},
		{"unknown long option", []string{"check", "--antwoorden", "x.yaml"},
			"verordening check: onbekende optie --antwoorden"},
		{"misspelt long option", []string{"build", "--answer", "x.yaml"},
			"verordening build: onbekende optie --answer; bedoelt u --answers?"},
		{"option without its value", []string{"check", "--answers"},
			"verordening check: optie --answers heeft een waarde nodig: --answers BESTAND"},
		{"format without its value", []string{"build", "--format"},
			"verordening build: optie --format heeft een waarde nodig: --format LIJST"},
		{"value for a switch", []string{"region", "--check=misschien"},
			`verordening region: ongeldige waarde "misschien" voor --check; geef alleen --check, zonder waarde`},
		{"bad syntax", []string{"check", "---answers"},
			`verordening check: ongeldige optie "---answers"; een optie heeft de vorm --naam of --naam=waarde`},
		{"bad syntax with equals", []string{"check", "--=x"},
			`verordening check: ongeldige optie "--=x"; een optie heeft de vorm --naam of --naam=waarde`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout: %q", stdout)
			}
			first, rest, _ := strings.Cut(stderr, "\n")
			if first != tt.want {
				t.Errorf("stderr\n got %q\nwant %q", first, tt.want)
			}
			if want := "Zie: verordening " + tt.args[0] + " --help\n"; rest != want {
				t.Errorf("second line %q, want %q", rest, want)
			}
			for _, en := range []string{"flag", "unknown", "argument", "invalid", "needs", "syntax", "strconv", "parsing"} {
				if strings.Contains(strings.ToLower(stderr), en) {
					t.Errorf("English %q in %q", en, stderr)
				}
			}
		})
	}
}

// TestFlagErrorOtherKind: an error of a kind pflag may add later is still
// reported in Dutch.
func TestFlagErrorOtherKind(t *testing.T) {
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	if got := dutchFlagError(fs, errors.New("some new English error")); got != "de opties zijn niet te lezen" {
		t.Errorf("got %q", got)
	}
}
