package question

import (
	"strings"
	"testing"
	"testing/fstest"

	"verordening"
	"verordening/internal/source"
)

const testSection = "section: {id: s, title: S, order: 1}\nquestions:\n"

const testNorms = `- id: historisch
  value: 75.82
  unit: euro per uur
  year: 2017
  title: "Een vervallen regeling"
  certainty: zeker
  status: historisch
- id: onbekend
  unit: euro per uur
  year: 2019
  title: "Een bedrag dat elk jaar wordt aangepast"
  certainty: zeker
  status: onbekend
`

// TestNormsAndInvullen: the load rules for norm status and open figures,
// each error at the line and column of what to change.
func TestNormsAndInvullen(t *testing.T) {
	q := "  - id: tarief\n    text: Welk tarief?\n    help: Uitleg.\n    type: bedrag\n"
	tests := []struct {
		name, questions, norms string
		want                   string // "" for no error; else the start of the message
	}{
		{"historische norm als standaardwaarde", q + "    norm: historisch\n", testNorms, ""},
		{"onbekende norm als standaardwaarde", q + "    norm: onbekend\n", testNorms,
			"questions/a.yaml:7:11: vraag tarief: norm onbekend heeft status onbekend"},
		{"invullen zonder standaardwaarde", q + "    invullen: true\n    example: 80.50\n", testNorms, ""},
		{"invullen met standaardwaarde", q + "    invullen: true\n    default: 80\n", testNorms,
			"questions/a.yaml:3:5: vraag tarief: een vraag met invullen: true heeft geen standaardwaarde"},
		{"invullen met norm", q + "    invullen: true\n    norm: historisch\n", testNorms,
			"questions/a.yaml:3:5: vraag tarief: een vraag met invullen: true heeft geen standaardwaarde"},
		{"voorbeeld zonder invullen", q + "    example: 80\n", testNorms,
			"questions/a.yaml:7:14: vraag tarief: example hoort alleen bij een vraag met invullen: true"},
		{"voorbeeld van het verkeerde type", q + "    invullen: true\n    example: veel\n", testNorms,
			"questions/a.yaml:8:14: voorbeeld van tarief:"},
		{"invullen bij een keuze", "  - id: k\n    text: K?\n    help: U.\n    type: janee\n    invullen: true\n", testNorms,
			"questions/a.yaml:3:5: vraag k: invullen geldt alleen voor een getal, bedrag of percentage"},
		{"bron met status historisch", q + "    default: 80\n    source: {year: 2016, title: T, status: historisch}\n", testNorms, ""},
		{"bron met status onbekend", q + "    default: 80\n    source: {year: 2016, title: T, status: onbekend}\n", testNorms,
			"questions/a.yaml:3:5: vraag tarief: source.status moet geldend, historisch of voorbeeld zijn"},
		{"norm zonder status", q, "- id: x\n  value: 1\n  unit: u\n  year: 2020\n  title: T\n  certainty: zeker\n",
			"questions/normen/normen.yaml:1:3: norm x: status moet geldend, historisch, voorbeeld of onbekend zijn"},
		{"norm zonder waarde", q, "- id: x\n  unit: u\n  year: 2020\n  title: T\n  certainty: zeker\n  status: geldend\n",
			"questions/normen/normen.yaml:1:3: norm x: een norm met status geldend heeft een waarde"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"questions/a.yaml":             {Data: []byte(testSection + tt.questions)},
				"questions/normen/normen.yaml": {Data: []byte(tt.norms)},
			}
			qs, err := Load(fsys)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want == "":
				if q := qs.Lookup("tarief"); q.Invullen && (!q.Optional || q.Default != nil) {
					t.Errorf("an invullen question may stay open and has no default: %+v", q)
				}
			case err == nil:
				t.Fatalf("no error, want %q", tt.want)
			case !strings.HasPrefix(err.Error(), tt.want):
				t.Errorf("got  %v\nwant %s…", err, tt.want)
			}
		})
	}
}

// TestEmbeddedNorms: every embedded norm has a status; no question takes
// its default from a figure whose current value is unknown, and a figure
// that is history is never labelled as current.
func TestEmbeddedNorms(t *testing.T) {
	qs, err := Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range qs.Norms {
		if n.Status == Historisch && !strings.Contains(n.Title, "vervallen") && !strings.Contains(n.Title, "niet meer") &&
			!strings.Contains(n.Title, "2015") && !strings.Contains(n.Title, "2017") && !strings.Contains(n.Title, "2016") {
			t.Errorf("norm %s is historisch but its title does not say from when or that it expired: %s", n.ID, n.Title)
		}
	}
	for _, q := range qs.Questions {
		if q.Norm != nil && q.Norm.Status == Onbekend {
			t.Errorf("question %s takes its default from norm %s, whose current value is unknown", q.ID, q.Norm.ID)
		}
	}
}

// FuzzNorms: any normen.yaml loads without panic, and every message
// points into that file, within its lines.
func FuzzNorms(f *testing.F) {
	f.Add([]byte(testNorms))
	f.Add([]byte("- id: x\n  status: onbekend\n"))
	f.Add([]byte("- id: x\n  value: [1]\n"))
	f.Add([]byte("{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := loadNorms(fstest.MapFS{NormsFile: {Data: data}})
		el, ok := err.(source.ErrorList)
		if err != nil && !ok {
			if _, single := err.(*source.Error); !single {
				t.Fatalf("error is not positioned: %T %v", err, err)
			}
			return
		}
		norm := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(data))
		lines := strings.Count(norm, "\n") + 1
		for _, e := range el {
			if e.Pos.File != NormsFile || e.Pos.Line < 0 || e.Pos.Line > lines+1 {
				t.Fatalf("message outside the input (%d lines): %v", lines, e)
			}
		}
	})
}
