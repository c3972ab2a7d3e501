package pipeline

import (
	"strings"
	"testing"

	"verordening"
)

// TestStaleFiguresByStatus: a figure from law in force (status geldend)
// is never reported as old, whatever its year; an amount from a
// historisch source taken as default is.
func TestStaleFiguresByStatus(t *testing.T) {
	c, err := Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	in := "gemeente: Voorbeeld\ninwerkingtreding: 2031-01-01\nregio_naam: Testregio\nurennorm: percentage_werktijd\nuren_uitzondering: true\n" +
		"interne_werkbegeleiding: true\nproefplaatsing: true\nuurtarief: 90\n"
	ans, _, err := c.Decode("a.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if q := ans.Questionnaire().Lookup("uitzondering_jaar1_pct"); q.Source == nil || q.Source.Status != "geldend" {
		t.Fatalf("uitzondering_jaar1_pct should default to a geldend figure, source %+v", q.Source)
	}
	got := map[string]bool{}
	for _, w := range StaleFigures(ans) {
		id, _, _ := strings.Cut(w.Msg, " ")
		got[id] = true
	}
	for _, id := range []string{"uitzondering_jaar1_pct", "uitzondering_jaar2_pct", "uitzondering_jaar3_pct", "uurtarief", "uren_jaar1_pct"} {
		if got[id] {
			t.Errorf("%s is reported as an old figure; it is current law, the gemeente's own or a percentage, which is policy and not indexed", id)
		}
	}
	for _, id := range []string{"proefplaatsing_bedrag", "proefplaatsing_bedrag_verlengd"} {
		if !got[id] {
			t.Errorf("%s, a historisch amount taken as default, is not reported", id)
		}
	}
}
