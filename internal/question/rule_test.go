package question

import (
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, q string) (*Questionnaire, error) {
	t.Helper()
	src := "section:\n  id: s\n  title: S\n  order: 1\nquestions:\n" + q
	return Load(fstest.MapFS{"questions/01-s.yaml": {Data: []byte(src)}})
}

// TestRules: accept must match the whole answer, reject no part of it;
// each refusal carries the question's own message.
func TestRules(t *testing.T) {
	qs, err := load(t, `  - id: nummers
    text: Welke artikelen?
    help: Nummers.
    type: tekst
    optional: true
    accept:
      pattern: '[1-9][0-9]*[a-z]?(\s*,\s*[1-9][0-9]*[a-z]?)*'
      message: schrijf nummers zoals 12, 13a
  - id: titel
    text: Welke titel?
    help: Titel.
    type: tekst
    reject:
      - pattern: '(?i)re[- ]?[iï]ntegratie'
        message: noem geen re-integratieverordening
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id, in, want string // want: "" for accepted, else part of the message
	}{
		{"nummers", "12", ""},
		{"nummers", "12, 13a", ""},
		{"nummers", "", ""},
		{"nummers", "12 en 13", "schrijf nummers zoals 12, 13a"},
		{"nummers", "x12", "schrijf nummers"},
		{"nummers", "12x3", "schrijf nummers"},
		{"titel", "Verordening jobcoaching 2019", ""},
		{"titel", "Re-integratieverordening Participatiewet Stad 2023", "noem geen re-integratieverordening"},
		{"titel", "REINTEGRATIEVERORDENING", "noem geen"},
		{"titel", "Verordening re-ïntegratie", "noem geen"},
		{"titel", "Verordening Re-Ïntegratie", "noem geen"},
	} {
		_, msg := qs.Lookup(tt.id).ParseText(tt.in, "")
		if tt.want == "" && msg != "" || tt.want != "" && !strings.Contains(msg, tt.want) {
			t.Errorf("%s %q: message %q, want %q", tt.id, tt.in, msg, tt.want)
		}
	}
}

// TestRuleErrors: a rule that cannot work is refused when the
// questionnaire loads, at the question.
func TestRuleErrors(t *testing.T) {
	head := "  - id: q\n    text: Q?\n    help: H.\n"
	for _, tt := range []struct{ in, want string }{
		{head + "    type: tekst\n    accept:\n      pattern: '[a-'\n      message: m\n", "questions/01-s.yaml:6:5: vraag q: ongeldig patroon"},
		{head + "    type: tekst\n    reject:\n      - pattern: x\n", "questions/01-s.yaml:6:5: vraag q: een regel (accept of reject) heeft geen message"},
		{head + "    type: janee\n    reject:\n      - pattern: x\n        message: m\n", "questions/01-s.yaml:6:5: vraag q: accept en reject gelden alleen voor een tekstvraag"},
		{head + "    type: tekst\n    accept:\n      patroon: x\n      message: m\n", `questions/01-s.yaml:11:7: onbekende sleutel "patroon"`},
	} {
		_, err := load(t, tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("err = %v, want %q", err, tt.want)
		}
	}
}
