package answer

import (
	"strings"
	"testing"

	"verordening/internal/source"
)

// TestDecodeHostile: input a hostile user writes is refused with a
// position and a Dutch message that says what is wrong. Each row broke
// before (accepted, or reported at the wrong place or in English).
func TestDecodeHostile(t *testing.T) {
	qs := questionnaire(t)
	tests := []struct {
		name, in string
		want     string // the first message, in full or its start
	}{
		{"NaN", minimal + "uurtarief: .nan\n", `f.yaml:4:12: uurtarief: verwacht een getal (bedrag), niet ".nan"`},
		{"NaN getagd", minimal + "maximale_duur_maanden: !!float NaN\n", `f.yaml:4:24: maximale_duur_maanden: verwacht een getal`},
		{"plus oneindig", minimal + "uurtarief: .inf\n", `f.yaml:4:12: uurtarief: verwacht een getal (bedrag), niet ".inf"`},
		{"min oneindig", minimal + "uurtarief: -.Inf\n", `f.yaml:4:12: uurtarief: verwacht een getal`},
		{"getal te groot voor float", minimal + "uurtarief: 1" + strings.Repeat("0", 400) + "\n", `f.yaml:4:12: uurtarief: verwacht een getal (bedrag), niet "1000000000000000000000000000000000000000…" (401 tekens)`},
		{"maand 13", "gemeente: Voorbeeld\ninwerkingtreding: 2027-13-01\nregio_naam: R\n", "f.yaml:2:19: inwerkingtreding: verwacht een datum die bestaat, maar in 2027-13-01 bestaat maand 13 niet"},
		{"30 februari", "gemeente: Voorbeeld\ninwerkingtreding: 2027-02-30\nregio_naam: R\n", "f.yaml:2:19: inwerkingtreding: verwacht een datum die bestaat, maar in 2027-02-30 bestaat dag 30 niet: februari 2027 heeft 28 dagen"},
		{"jaar 0", "gemeente: Voorbeeld\ninwerkingtreding: 0000-01-01\nregio_naam: R\n", "f.yaml:2:19: inwerkingtreding: verwacht een datum tussen 1990 en 2100"},
		{"jaar 9999", "gemeente: Voorbeeld\ninwerkingtreding: 9999-12-31\nregio_naam: R\n", "f.yaml:2:19: inwerkingtreding: verwacht een datum tussen 1990 en 2100"},
		{"tweede document", minimal + "---\nuurtarief: 3\n", "f.yaml:4:1: hier begint een tweede YAML-document"},
		{"tweede document na einde", minimal + "...\n---\nuurtarief: 3\n", "f.yaml:4:1: hier begint een tweede YAML-document"},
		{"derde document na een leeg", minimal + "---\n---\nuurtarief: 3\n", "f.yaml:4:1: hier begint een tweede YAML-document"},
		{"naam van 300 tekens", "gemeente: " + strings.Repeat("a", 300) + "\ninwerkingtreding: 2027-01-01\nregio_naam: R\n", `f.yaml:1:11: gemeente: de naam "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" (300 tekens) is te lang: ten hoogste 80 tekens`},
		{"naam met twee regels", "gemeente: |\n  Zaan\n  stad\ninwerkingtreding: 2027-01-01\nregio_naam: R\n", "f.yaml:1:11: gemeente: de naam moet op één regel staan"},
		{"naam met RLO", "gemeente: \"Zaan\\u202Estad\"\ninwerkingtreding: 2027-01-01\nregio_naam: R\n", "f.yaml:1:11: gemeente: de tekst bevat op teken 5 een onzichtbaar stuurteken (U+202E)"},
		{"vrije tekst met RLO", minimal + "contact_afdeling: \"Team \\u202Ework\"\n", "f.yaml:4:19: contact_afdeling: de tekst bevat op teken 6 een onzichtbaar stuurteken (U+202E)"},
		{"vrije tekst met zero-width space", minimal + "contact_afdeling: \"Team\\u200Bwerk\"\n", "f.yaml:4:19: contact_afdeling: de tekst bevat op teken 5 een onzichtbaar stuurteken (U+200B)"},
		{"RLO letterlijk in het bestand", minimal + "contact_afdeling: Team \u202ework\n", "f.yaml:4:24: hier staat een onzichtbaar stuurteken (U+202E)"},
		{"NUL", minimal + "contact_afdeling: a\x00b\n", "f.yaml:4:20: hier staat een onzichtbaar stuurteken (U+0000)"},
		{"geen UTF-8", minimal + "contact_afdeling: a\xffb\n", "f.yaml:4:20: hier staat een byte (0xFF) die geen UTF-8-tekst is"},
		{"syntaxfout op regel 5", minimal + "afstemming: [uwv, gemeenten\nuurtarief: 3\n", "f.yaml:4:1: YAML-syntaxfout: een lijst tussen [ en ] wordt niet afgesloten"},
		{"inspringfout", minimal + "uurtarief: 5\n  contact_afdeling: x\n", "f.yaml:5:3: YAML-syntaxfout: deze regel springt verder in dan de regel erboven"},
		{"dubbele punt in waarde", minimal + "contact_afdeling: Team: werk\n", "f.yaml:4:23: YAML-syntaxfout: een dubbele punt staat in een waarde; zet de hele waarde tussen aanhalingstekens"},
		{"lange onbekende sleutel", minimal + "? " + strings.Repeat("x", 100000) + "\n: 1\n", `f.yaml:4:3: onbekende vraag "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (100000 tekens); zie "verordening questions" voor alle vragen`},
		{"te lange vrije tekst", minimal + "doelgroep_eigen: " + strings.Repeat("woord ", 1000) + "\n", "f.yaml:4:18: doelgroep_eigen: de tekst is te lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode("f.yaml", []byte(tt.in), qs)
			l, ok := err.(source.ErrorList)
			if !ok || len(l) == 0 {
				t.Fatalf("accepted (err %v), want %q", err, tt.want)
			}
			if got := l[0].Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestDecodePlausible: what the checks above refuse lies just beyond what
// a gemeente writes; the values at the edge are accepted.
func TestDecodePlausible(t *testing.T) {
	qs := questionnaire(t)
	for _, in := range []string{
		"gemeente: Súdwest-Fryslân\ninwerkingtreding: 2100-12-31\nregio_naam: R\n",
		"gemeente: " + strings.Repeat("a", 80) + "\ninwerkingtreding: 1990-01-01\nregio_naam: R\n",
		"gemeente: Voorbeeld\ninwerkingtreding: 2028-02-29\nregio_naam: R\n",
		"\ufeff" + minimal + "contact_afdeling: \"Team: werk\"\n",
		minimal + "---\n", // one document, separator after it with nothing following
	} {
		if _, _, err := Decode("f.yaml", []byte(in), qs); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}
