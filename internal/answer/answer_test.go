package answer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"verordening"
	"verordening/internal/question"
	"verordening/internal/source"
)

func questionnaire(t testing.TB) *question.Questionnaire {
	t.Helper()
	qs, err := question.Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

const minimal = "gemeente: Voorbeeld\ninwerkingtreding: 2027-01-01\nregio_naam: Testregio\n"

func TestDecodeErrors(t *testing.T) {
	qs := questionnaire(t)
	tests := []struct {
		name, in string
		want     []string // each a full message line
	}{
		{"onbekende sleutel met suggestie", minimal + "doelgroup: breed\n",
			[]string{`a.yaml:4:1: onbekende vraag "doelgroup"; bedoelt u "doelgroep"?`}},
		{"onbekende sleutel zonder suggestie", minimal + "kleur: rood\n",
			[]string{`a.yaml:4:1: onbekende vraag "kleur"; zie "verordening questions" voor alle vragen`}},
		{"optie bestaat niet", minimal + "doelgroep: iedereen\n",
			[]string{`a.yaml:4:12: doelgroep: onbekende keuze "iedereen" voor doelgroep (kies uit: breed, voorrang, kern)`}},
		{"verkeerd type", minimal + "maximale_duur_maanden: lang\n",
			[]string{`a.yaml:4:24: maximale_duur_maanden: verwacht een getal (getal), niet "lang"`}},
		{"nederlandse komma", minimal + "kostenplafond: true\nkostenplafond_bedrag: 8.600,50\n",
			[]string{`a.yaml:5:23: kostenplafond_bedrag: schrijf het getal met een punt als decimaalteken en zonder scheidingstekens, bijvoorbeeld 8600.50`}},
		{"buiten bereik", minimal + "beslistermijn_weken: 12\n",
			[]string{`a.yaml:4:22: beslistermijn_weken: 12 valt buiten het bereik van 1 tot en met 8 weken`}},
		{"lijst verwacht", minimal + "doelen: behoud_werk\n",
			[]string{`a.yaml:4:9: doelen: verwacht een lijst van opties, zoals [duurzame_plaatsing, zelfstandig_functioneren]`}},
		{"ontbrekend verplicht antwoord", "gemeente: Voorbeeld\nregionale_afspraken: lokaal\n",
			[]string{`a.yaml:1:1: de vraag beleidsregels_inwerkingtreding is niet beantwoord: De verordening heeft geen datum van inwerkingtreding; op welke datum treden de beleidsregels in werking? De vraag geldt omdat inwerkingtreding niet is ingevuld en tweede_document de standaardwaarde "beleidsregels" heeft (voorwaarde: inwerkingtreding == "" && tweede_document == "beleidsregels"). Voeg "beleidsregels_inwerkingtreding: …" toe.`}},
		{"ongeldige datum", "gemeente: Voorbeeld\ninwerkingtreding: 1 juli 2027\nregionale_afspraken: lokaal\n",
			[]string{`a.yaml:2:19: inwerkingtreding: verwacht een datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01, niet "1 juli 2027"`}},
		{"gemeente ontbreekt", "inwerkingtreding: 2027-01-01\nregionale_afspraken: lokaal\n",
			[]string{`a.yaml:1:1: de naam van de gemeente ontbreekt; voeg bovenaan "gemeente: <naam>" toe`}},
		{"yaml-syntaxfout", "gemeente: [Voorbeeld\n",
			[]string{`a.yaml:1:1: YAML-syntaxfout: een lijst tussen [ en ] wordt niet afgesloten; zet ] aan het eind van de lijst`}},
		{"dubbele sleutel", minimal + "nazorg: true\nnazorg: false\n",
			[]string{`a.yaml:5:1: nazorg staat al op regel 4; laat één antwoord over`}},
		{"alle fouten tegelijk", minimal + "doelgroup: breed\nbeslistermijn_weken: 12\nnazorg: misschien\n",
			[]string{
				`a.yaml:4:1: onbekende vraag "doelgroup"; bedoelt u "doelgroep"?`,
				`a.yaml:5:22: beslistermijn_weken: 12 valt buiten het bereik van 1 tot en met 8 weken`,
				`a.yaml:6:9: nazorg: verwacht ja of nee (true of false), niet "misschien"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode("a.yaml", []byte(tt.in), qs)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDecodeWarnsUnaskedAnswer(t *testing.T) {
	qs := questionnaire(t)
	in := minimal + "kostenplafond: false\nkostenplafond_bedrag: 9000\n"
	a, warns, err := Decode("a.yaml", []byte(in), qs)
	if err != nil {
		t.Fatal(err)
	}
	want := "a.yaml:5:23: waarschuwing: het antwoord op kostenplafond_bedrag wordt niet gebruikt: de vraag geldt alleen als kostenplafond"
	if len(warns) != 1 || warns[0].Error() != want {
		t.Fatalf("warnings = %v, want %q", warns, want)
	}
	if _, ok := a.Values["kostenplafond_bedrag"]; ok {
		t.Error("the unasked answer was used")
	}
}

func TestDefaultsAndEncodeRoundTrip(t *testing.T) {
	qs := questionnaire(t)
	a, _, err := Decode("a.yaml", []byte(minimal+"doelgroep: voorrang\n"), qs)
	if err != nil {
		t.Fatal(err)
	}
	if v := a.Values["maximale_duur_maanden"]; !v.Default || v.V != 36.0 {
		t.Errorf("maximale_duur_maanden = %+v, want default 36", v)
	}
	if _, ok := a.Values["maatwerk_max_uren"]; ok {
		t.Error("maatwerk_max_uren is asked only when intensity is set per case")
	}
	enc := a.Encode()
	b, _, err := Decode("b.yaml", enc, qs)
	if err != nil {
		t.Fatalf("encoded answers do not decode: %v\n%s", err, enc)
	}
	if len(b.Values) != len(a.Values) {
		t.Errorf("decoded %d values, encoded %d", len(b.Values), len(a.Values))
	}
	for id, v := range a.Values {
		if !reflect.DeepEqual(b.Values[id].V, v.V) {
			t.Errorf("%s: %v after the round trip, was %v", id, b.Values[id].V, v.V)
		}
	}
	if !strings.Contains(string(enc), "# Hoe lang kan jobcoaching ten hoogste worden toegekend") {
		t.Error("the question text is not written as a comment")
	}
}

// FuzzDecode: the decoder never panics, every message points at a line
// inside the input, and no message echoes a long value whole. The corpus
// in testdata/fuzz/FuzzDecode holds the attacks of issue 13 (NaN, dates,
// a second document, invisible characters, a long key).
func FuzzDecode(f *testing.F) {
	qs := questionnaire(f)
	f.Add([]byte(minimal))
	f.Add([]byte(minimal + "doelgroep: breed\ndoelgroep_aanvullend: [wsw, wsw]\n"))
	f.Add([]byte("gemeente: [x\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte(minimal + "kostenplafond: ja\nkostenplafond_bedrag: 1e9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, warns, err := Decode("f.yaml", data, qs)
		// YAML, like an editor, counts "\r\n", "\r" and "\n" as line breaks.
		norm := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		lines := bytes.Count(norm, []byte("\n")) + 1
		check := func(l source.ErrorList) {
			for _, e := range l {
				if e.Pos.File != "f.yaml" || e.Pos.Line < 1 || e.Pos.Line > lines+1 {
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

func TestDecodePartial(t *testing.T) {
	qs := questionnaire(t)
	tests := []struct {
		name, in string
		values   int    // values read, when no error
		err      string // part of the error
	}{
		{"leeg bestand", "", 0, ""},
		{"alleen commentaar", "# concept\n", 0, ""},
		{"zonder gemeente", "doelgroep: breed\n", 1, ""},
		{"gemeente en één antwoord", "gemeente: Stad\nkostenplafond: true\n", 1, ""},
		{"dubbel", "gemeente: Stad\nkostenplafond: true\nkostenplafond: false\n", 0, "p.yaml:3:1: kostenplafond staat al op regel 2"},
		{"onbekend met suggestie", "gemeente: Stad\nkostenplafnd: true\n", 0, `p.yaml:2:1: onbekende vraag "kostenplafnd"; bedoelt u "kostenplafond"?`},
		{"verkeerde waarde", "kostenplafond: misschien\n", 0, "p.yaml:1:16: kostenplafond:"},
		{"geen lijst", "- a\n", 0, "p.yaml:1:1: het antwoordbestand moet een lijst van sleutels"},
		{"kapotte yaml", "gemeente: [x\n", 0, "p.yaml:"},
	}
	for _, tt := range tests {
		p, err := DecodePartial("p.yaml", []byte(tt.in), qs)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || len(p.Values) != tt.values {
			t.Errorf("%s: %+v, %v; want %d values", tt.name, p, err, tt.values)
		}
	}
}

// FuzzDecodePartial: a file Decode accepts is a valid draft too, with the
// same values for every key it gives.
func FuzzDecodePartial(f *testing.F) {
	qs := questionnaire(f)
	f.Add([]byte(minimal))
	f.Add([]byte("doelgroep: breed\n"))
	f.Add([]byte("gemeente: Stad\ngemeente: Stad\n"))
	f.Add([]byte("# leeg\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, perr := DecodePartial("f.yaml", data, qs)
		if perr != nil {
			if _, ok := perr.(source.ErrorList); !ok {
				t.Fatalf("error is not an ErrorList: %T %v", perr, perr)
			}
		}
		a, _, err := Decode("f.yaml", data, qs)
		if err != nil {
			return
		}
		if perr != nil {
			t.Fatalf("Decode accepts the file, DecodePartial says: %v", perr)
		}
		for id, v := range p.Values {
			if w, ok := a.Values[id]; ok && !w.Default && !reflect.DeepEqual(v.V, w.V) {
				t.Fatalf("%s: DecodePartial read %v, Decode %v", id, v.V, w.V)
			}
		}
	})
}
