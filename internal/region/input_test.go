package region

import (
	"bytes"
	"strings"
	"testing"

	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/source"
)

// TestParseHostile: a region file is refused, with every message once and
// at its place, when a key is doubled, a name cannot become a folder, or
// the basis is wrong. Each row broke before.
func TestParseHostile(t *testing.T) {
	c := pipelinetest.Content(t)
	three := small + "  Ahoy: {}\n  Bree: {}\n  Cuijk: {}\n"
	tests := []struct {
		name, in string
		want     []string // every message, in full or its start
	}{
		{"regio twee keer", three + "regio: Andere\n",
			[]string{"r.yaml:13:1: regio staat al op regel 1; een regiobestand noemt elke sleutel één keer"}},
		{"basis twee keer", three + "basis:\n  nazorg: false\n",
			[]string{"r.yaml:13:1: basis staat al op regel 3; een regiobestand noemt elke sleutel één keer"}},
		{"basisfout één keer, niet per gemeente", strings.Replace(three, "kostenplafond_bedrag: 8600", "kostenplafond_bedrag: .nan", 1),
			[]string{`r.yaml:7:25: kostenplafond_bedrag: verwacht een getal (bedrag), niet ".nan"`}},
		{"onbekende basisvraag één keer", strings.Replace(three, "  kostenplafond: true\n", "  kostenplafond: true\n  kleur: rood\n", 1),
			[]string{`r.yaml:7:3: onbekende vraag "kleur"`}},
		{"gemeentenaam van 300 tekens", small + "  " + strings.Repeat("b", 300) + ": {}\n",
			[]string{`r.yaml:10:3: gemeente: de naam "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…" (300 tekens) is te lang: ten hoogste 80 tekens`}},
		{"gemeentenaam met RLO", small + "  \"Ahoy\\u202E\": {}\n",
			[]string{"r.yaml:10:3: gemeente: de tekst bevat op teken 5 een onzichtbaar stuurteken (U+202E)"}},
		{"regionaam te lang", strings.Replace(three, "regio: Testregio", "regio: "+strings.Repeat("r", 81), 1),
			[]string{"r.yaml:1:8: regio: de naam"}},
		{"tweede document", three + "---\nregio: X\n",
			[]string{"r.yaml:13:1: hier begint een tweede YAML-document"}},
		{"datum buiten bereik", strings.Replace(three, "2027-01-01", "0000-01-01", 1),
			[]string{"r.yaml:8:21: inwerkingtreding: verwacht een datum tussen 1990 en 2100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("r.yaml", []byte(tt.in), c.Questions)
			l, ok := err.(source.ErrorList)
			if !ok {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			var got []string
			for _, e := range l {
				got = append(got, e.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d messages, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("got  %s\nwant %s", got[i], w)
				}
			}
		})
	}
}

// FuzzRegion: the region parser never panics, returns an ErrorList, and
// puts every message on a line of the input, no message longer than a
// screen line or two.
func FuzzRegion(f *testing.F) {
	c := pipelinetest.Content(f)
	f.Add([]byte(small + "  Ahoy: {}\n"))
	f.Add([]byte(small + "  Ahoy:\n    nazorg: false\n  Bree: ~\n"))
	f.Add([]byte(small + "  Ahoy: {}\nregio: X\n"))
	f.Add([]byte(small + "  Ahoy: [x\n"))
	f.Add([]byte("regio: &a R\nbasis: *a\ngemeenten: {}\n"))
	f.Add([]byte("- a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, warns, err := Parse("r.yaml", data, c.Questions)
		norm := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		lines := bytes.Count(norm, []byte("\n")) + 1
		check := func(l source.ErrorList) {
			for _, e := range l {
				if e.Pos.File != "r.yaml" || e.Pos.Line < 1 || e.Pos.Line > lines+1 {
					t.Fatalf("message outside the input (%d lines): %v", lines, e)
				}
				if len(e.Msg) > 2000 {
					t.Fatalf("message of %d bytes: %.200s…", len(e.Msg), e.Msg)
				}
			}
		}
		check(warns)
		if el, ok := err.(source.ErrorList); ok {
			check(el)
		} else if err != nil {
			t.Fatalf("error is not an ErrorList: %T %v", err, err)
		}
	})
}
