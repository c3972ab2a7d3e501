package clause

import (
	"bytes"
	"strings"
	"testing"

	"verordening/internal/source"
)

func TestParseStatutes(t *testing.T) {
	const good = `wetten:
  Participatiewet: Participatiewet
indeling:
  Participatiewet/8a: 2
  Participatiewet/8a/2: g
  Participatiewet/8a/2/e: 2
wijzigingen:
  - datum: 2027-01-01
    wet: Wet Participatiewet in balans
    zekerheid: onzeker
    artikelen: [Participatiewet/8a/1/b]
    wijziging: de tegenprestatie wordt maatschappelijke participatie
`
	st, err := ParseStatutes("wetten.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if st.Divisions["Participatiewet/8a"] != 2 || st.Divisions["Participatiewet/8a/2"] != 7 || st.Divisions["Participatiewet/8a/2/e"] != 2 {
		t.Errorf("divisions = %v", st.Divisions)
	}
	if len(st.Changes) != 1 || st.Changes[0].Date != "2027-01-01" || st.Changes[0].Refs[0].Onderdeel != "b" || st.Changes[0].Pos.Line != 8 {
		t.Errorf("changes = %+v", st.Changes)
	}

	const laws = "wetten: {Participatiewet: Participatiewet}\n"
	change := func(fields string) string {
		return laws + "wijzigingen:\n  - " + strings.ReplaceAll(strings.TrimSpace(fields), "\n", "\n    ") + "\n"
	}
	const rest = "wet: X\nzekerheid: zeker\nartikelen: [Participatiewet/10/4]\nwijziging: iets"
	tests := []struct {
		name, in, want string
	}{
		{"unknown top key", "wet: {}\n", "wetten.yaml:1:1: onbekende sleutel \"wet\""},
		{"unknown change key", change("datum: 2027-01-01\n" + rest + "\nbron: x"), "wetten.yaml:8:5: onbekende sleutel \"bron\""},
		{"bad date", change("datum: 2027-13-01\n" + rest), "wetten.yaml:3:12: datum \"2027-13-01\""},
		{"date missing", change(rest), "wetten.yaml:3:5: de wijziging mist de sleutel datum"},
		{"unknown law", change("datum: 2027-01-01\nwet: X\nzekerheid: zeker\nartikelen: [Wmo/2.3.5]\nwijziging: iets"), "wetten.yaml:6:17: artikel \"Wmo/2.3.5\": onbekende wet \"Wmo\" (bekend: Participatiewet;"},
		{"bad certainty", change("datum: 2027-01-01\nwet: X\nzekerheid: vast\nartikelen: [Participatiewet/10/4]\nwijziging: iets"), "wetten.yaml:5:16: zekerheid \"vast\""},
		{"lid without letter", laws + "indeling:\n  Participatiewet/8a/2: 7\n", "wetten.yaml:3:25: indeling \"Participatiewet/8a/2\": \"7\" is geen geldige indeling"},
		{"article without count", laws + "indeling:\n  Participatiewet/10: zes\n", "wetten.yaml:3:23: indeling \"Participatiewet/10\": \"zes\""},
		{"unknown law in division", laws + "indeling:\n  Wmo/2: 3\n", "wetten.yaml:3:3: indeling \"Wmo/2\": onbekende wet"},
		{"law cited before it is listed", "indeling:\n  Participatiewet/10: 6\n" + laws, ""},
		{"law without name", "wetten:\n  Awb: \"\"\n", "wetten.yaml:2:8: wetten: Awb heeft geen naam"},
		{"short name with a slash", "wetten:\n  Awb/2: Algemene wet\n", "wetten.yaml:2:3: wetten: \"Awb/2\" is geen korte naam"},
		{"syntax", "indeling: [\n", "wetten.yaml:"},
	}
	for _, tt := range tests {
		_, err := ParseStatutes("wetten.yaml", []byte(tt.in))
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v\nwant it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestStatuteWarnings(t *testing.T) {
	pos := source.Pos{File: "clauses/verordening/x.md", Line: 9, Col: 11}
	clauseCiting := func(basis ...string) *Clause {
		return &Clause{ID: "x", Basis: refs(t, basis...), Wettekst: "2026-07-01", WettekstPos: pos}
	}
	change := func(date string, refs_ ...string) *Change {
		return &Change{Date: date, Act: "Wet Y", Certainty: "onzeker", Refs: refs(t, refs_...), What: "iets anders"}
	}
	tests := []struct {
		name    string
		clause  *Clause
		change  *Change
		inForce string
		want    string // "" for no warning
	}{
		{"change after wettekst, before inwerkingtreding", clauseCiting("Participatiewet/10/4"), change("2026-10-01", "Participatiewet/10/4"), "2027-01-01",
			"clauses/verordening/x.md:9:11: waarschuwing: controleer artikel 10, vierde lid, van de Participatiewet tegen de tekst die geldt op 1 januari 2027: de Wet Y wijzigt per 1 oktober 2026"},
		{"change on the day of inwerkingtreding", clauseCiting("Participatiewet/10/4"), change("2027-01-01", "Participatiewet/10/4"), "2027-01-01", "controleer artikel 10, vierde lid"},
		{"change after inwerkingtreding", clauseCiting("Participatiewet/10/4"), change("2027-01-02", "Participatiewet/10/4"), "2027-01-01", ""},
		{"change before wettekst", clauseCiting("Participatiewet/8a/1/a"), change("2026-01-01", "Participatiewet/8a/1/a"), "2027-01-01", ""},
		{"change on the wettekst date", clauseCiting("Participatiewet/8a/1/a"), change("2026-07-01", "Participatiewet/8a/1/a"), "2027-01-01", ""},
		{"change of a part of the cited article", clauseCiting("Participatiewet/8a"), change("2027-01-01", "Participatiewet/8a/1/b"), "2027-01-01", "controleer artikel 8a van de Participatiewet"},
		{"change of the article of a cited part", clauseCiting("Participatiewet/8a/1/b/2"), change("2027-01-01", "Participatiewet/8a"), "2027-01-01", "controleer artikel 8a, eerste lid, onderdeel b, onder 2°"},
		{"change of a sibling onderdeel", clauseCiting("Participatiewet/8a/1/a"), change("2027-01-01", "Participatiewet/8a/1/b"), "2027-01-01", ""},
		{"in force before a change the clause already follows", clauseCiting("Participatiewet/7a"), change("2026-01-01", "Participatiewet/7a"), "2025-07-01",
			"controleer artikel 7a van de Participatiewet tegen de tekst die geldt op 1 juli 2025: de Wet Y wijzigt pas per 1 januari 2026"},
		{"in force before the wettekst, change before both", clauseCiting("Participatiewet/7a"), change("2025-01-01", "Participatiewet/7a"), "2025-07-01", ""},
		{"other law", clauseCiting("Gemeentewet/8a"), change("2027-01-01", "Participatiewet/8a"), "2027-01-01", ""},
		{"date left open", clauseCiting("Participatiewet/10/4"), change("2027-01-01", "Participatiewet/10/4"), "",
			"waarschuwing: datum van inwerkingtreding onbekend; controleer artikel 10, vierde lid, van de Participatiewet tegen de tekst die geldt op de dag van inwerkingtreding"},
	}
	for _, tt := range tests {
		l := &Library{Clauses: []*Clause{tt.clause}, Statutes: &Statutes{Changes: []*Change{tt.change}}}
		warns := l.StatuteWarnings(nil, tt.inForce)
		switch {
		case tt.want == "" && len(warns) > 0:
			t.Errorf("%s: unexpected warning %v", tt.name, warns)
		case tt.want != "" && (len(warns) != 1 || !strings.Contains(warns[0].Error(), tt.want)):
			t.Errorf("%s: warnings %v\nwant one containing %q", tt.name, warns, tt.want)
		}
	}
}

// FuzzParseStatutes: the parser of clauses/wetten.yaml never panics, its
// error is always a list of positioned messages, and every message points
// at a line inside the input.
func FuzzParseStatutes(f *testing.F) {
	f.Add([]byte("indeling:\n  Participatiewet/8a: 2\n  Participatiewet/8a/2: g\n"))
	f.Add([]byte("wijzigingen:\n  - datum: 2027-01-01\n    wet: X\n    zekerheid: zeker\n    artikelen: [Participatiewet/8a/1/b]\n    wijziging: iets\n"))
	f.Add([]byte("wijzigingen: [{datum: x}, 3]\nindeling: [\n"))
	f.Add([]byte("- a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseStatutes("w.yaml", data)
		if st == nil {
			t.Fatal("nil Statutes")
		}
		norm := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		lines := bytes.Count(norm, []byte("\n")) + 1
		if err == nil {
			return
		}
		el, ok := err.(source.ErrorList)
		if !ok {
			t.Fatalf("error is not an ErrorList: %T %v", err, err)
		}
		for _, e := range el {
			if e.Pos.File != "w.yaml" || e.Pos.Line < 1 || e.Pos.Line > lines+1 {
				t.Fatalf("message outside the input (%d lines): %v", lines, e)
			}
		}
	})
}

// FuzzParseStatuteRef: a reference that parses prints and parses back to
// itself.
func FuzzParseStatuteRef(f *testing.F) {
	for _, s := range []string{"Participatiewet/8a/2/e/1", "Awb/4:81", "Gemeentewet/147", "Participatiewet/10/3/b", "x//"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseStatuteRef(s, testLaws)
		if err != nil {
			return
		}
		again, err := ParseStatuteRef(strings.Join(append([]string{r.Law}, r.path()...), "/"), testLaws)
		if err != nil || again != r {
			t.Fatalf("%q: %+v does not round-trip: %+v, %v", s, r, again, err)
		}
		_ = GeletOpWith([]StatuteRef{r}, divisions)
	})
}
