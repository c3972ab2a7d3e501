package clause_test

import (
	"strings"
	"testing"
)

// checkClause is a clause whose body (from line 9) is the test's.
func checkClause(body string) string {
	return "---\nid: check-proef\ndocument: verordening\nchapter: algemeen\norder: -1\nkind: vast\ntitle: Proef\n---\n" + body + "\n\n## Toelichting\n\nAlleen voor een test.\n"
}

// TestTemplateChecks: the load check refuses, at its line and column,
// every name in a clause's template that cannot resolve, in every branch;
// an unknown clause is a warning. text/template places a field chain at
// its last field, and a template call at the template's name.
func TestTemplateChecks(t *testing.T) {
	const file = "clauses/verordening/00-check-proef.md"
	tests := []struct {
		name, body string
		want       string // a line of the errors, or of the warnings when warn
		warn       bool
	}{
		{"unknown answer", "Bij {{ .A.onbekend }}.", file + `:9:10: onbekende vraag "onbekend" in .A.onbekend`, false},
		{"unknown answer through $ in range", "{{ range .A.begeleidingsniveaus }}\n{{ $.A.onbekend }}{{ end }}", file + `:10:5: onbekende vraag "onbekend" in .A.onbekend`, false},
		{"unknown answer in else", "{{ if .A.bekostiging }}ja{{ else }}{{ .A.onbekend }}{{ end }}", file + `:9:41: onbekende vraag "onbekend" in .A.onbekend`, false},
		{"template call", `Zie {{ template "x" }}`, file + `:9:17: een clausule kan geen andere template aanroepen`, false},
		{"function not allowed", `{{ env "HOME" }}`, file + `:9:4: de functie env is niet toegestaan`, false},
		{"unknown source", `{{ with .A.bekostiging }}{{ bron "onbekend" }}{{ end }}`, file + `:9:34: bron noemt onbekende vraag "onbekend"`, false},
		{"not an option", `{{ label "bekostiging" "geen-optie" }}`, file + `:9:24: "geen-optie" is geen optie van bekostiging`, false},
		{"heading in a branch", "{{ if .A.bekostiging }}\n# Kop\n{{ end }}", file + `:10:1: een kop (#) in de tekst van een artikel is niet toegestaan`, false},
		{"unknown clause", `{{ ref "onbekend" }}`, file + `:9:8: waarschuwing: ref verwijst naar onbekende clausule "onbekend"`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lib, err := load(t, map[string]string{file: checkClause(tc.body)})
			var got string
			switch {
			case tc.warn && err != nil:
				t.Fatalf("want only a warning, got %v", err)
			case tc.warn:
				got = lib.Warnings.Error()
			case err == nil:
				t.Fatalf("loaded without error; want %q", tc.want)
			default:
				got = err.Error()
			}
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, tc.want) {
					return
				}
			}
			t.Errorf("got:\n%s\nwant a line starting %q", got, tc.want)
		})
	}
}
