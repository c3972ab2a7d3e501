package answer

import (
	"slices"
	"strings"
	"testing"
)

// A question asked only because of a default the gemeente accepted is
// open, not missing; once the gemeente makes that choice itself the
// question is required, and the message names the answer that made it so.
func TestRequiredOnlyByChoice(t *testing.T) {
	qs := questionnaire(t)
	tests := []struct {
		name, in string
		open     []string // OpenBecause keys, with their causes joined by ","
		err      string   // the error, or "" for none
	}{
		{"regio_naam open onder de standaardwaarde", "gemeente: V\ninwerkingtreding: 2027-01-01\n",
			[]string{"regio_naam=regionale_afspraken"}, ""},
		{"regio_naam verplicht na een eigen keuze", "gemeente: V\ninwerkingtreding: 2027-01-01\nregionale_afspraken: regionaal\n",
			nil, `a.yaml:3:22: de vraag regio_naam is niet beantwoord: Hoe heet de arbeidsmarktregio? De vraag geldt omdat u bij regionale_afspraken "regionaal" hebt gekozen (a.yaml:3:22) (voorwaarde: regionale_afspraken == "regionaal"). Voeg "regio_naam: …" toe.`},
		{"regio_naam niet gevraagd", "gemeente: V\ninwerkingtreding: 2027-01-01\nregionale_afspraken: lokaal\n",
			nil, ""},
		{"een datum blijft verplicht", "gemeente: V\n",
			nil, "de vraag beleidsregels_inwerkingtreding is niet beantwoord"},
		{"uurbanden: getallen open onder een gekozen urennorm zijn verplicht", "gemeente: V\ninwerkingtreding: 2027-01-01\nregionale_afspraken: lokaal\nurennorm: uurbanden\n",
			nil, "De vraag geldt omdat u bij urennorm \"uurbanden\" hebt gekozen (a.yaml:4:11)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Decode("a.yaml", []byte(tt.in), qs)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var open []string
			for _, id := range a.Open {
				if by, ok := a.OpenBecause[id]; ok {
					open = append(open, id+"="+strings.Join(by, ","))
				}
			}
			if !slices.Equal(open, tt.open) {
				t.Errorf("open because of defaults = %q, want %q", open, tt.open)
			}
			for _, id := range tt.open {
				id = id[:strings.IndexByte(id, '=')]
				if _, ok := a.Values[id]; ok {
					t.Errorf("%s has a value", id)
				}
			}
			if len(a.OpenChoices()) != len(tt.open) {
				t.Errorf("OpenChoices = %v", a.OpenChoices())
			}
			for _, w := range a.OpenFigures() {
				if strings.Contains(w.Msg, "regio_naam") {
					t.Errorf("an open choice is reported as an open figure: %v", w)
				}
			}
		})
	}
}

func TestDefaultChoices(t *testing.T) {
	qs := questionnaire(t)
	a, _, err := Decode("a.yaml", []byte("gemeente: V\ninwerkingtreding: 2027-01-01\nvorm: verordening\nregionale_afspraken: lokaal\ndoelgroep: breed\n"), qs)
	if err != nil {
		t.Fatal(err)
	}
	bestuurlijk, other := a.DefaultChoices()
	ids := func(cs []Choice) (out []string) {
		for _, c := range cs {
			out = append(out, c.Q.ID)
		}
		return out
	}
	b := ids(bestuurlijk)
	// Given answers are choices made, even when they equal the default.
	for _, id := range []string{"vorm", "regionale_afspraken", "doelgroep", "inwerkingtreding"} {
		if slices.Contains(b, id) || slices.Contains(ids(other), id) {
			t.Errorf("%s is listed as a default, but the file answers it", id)
		}
	}
	if !slices.Contains(b, "afstemming") || !slices.Contains(ids(other), "beslistermijn_weken") {
		t.Errorf("bestuurlijk = %v, other = %v", b, ids(other))
	}
	for _, c := range append(bestuurlijk, other...) {
		if c.Q.Section.ID == BestuurlijkSection != slices.Contains(b, c.Q.ID) {
			t.Errorf("%s is in the wrong group", c.Q.ID)
		}
		if !strings.Contains(c.Source, "questions/") {
			t.Errorf("%s: source %q does not name the questionnaire line", c.Q.ID, c.Source)
		}
	}
	for _, c := range bestuurlijk {
		if c.Q.ID == "afstemming" && c.Value != "[gemeenten, uwv, clientenraad]" {
			t.Errorf("afstemming shown as %q", c.Value)
		}
	}
}
