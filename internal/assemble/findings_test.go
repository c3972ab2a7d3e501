package assemble_test

import (
	"slices"
	"strings"
	"testing"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/source"
)

// baseAnswers meet every need and break no rule; each case adds lines.
const baseAnswers = "gemeente: Proefstad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\nreintegratieverordening: Re-integratieverordening Proefstad 2023\n"

func decode(t *testing.T, c *pipeline.Content, extra string) *answer.Answers {
	t.Helper()
	ans, _, err := c.Decode("antwoorden.yaml", []byte(baseAnswers+extra))
	if err != nil {
		t.Fatalf("answers:\n%s\n%v", extra, err)
	}
	return ans
}

func findingIDs(cov *assemble.Coverage) []string {
	var ids []string
	for _, f := range cov.Findings() {
		if !slices.Contains(ids, f.ID) {
			ids = append(ids, f.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// TestNeedsAndRules: each need of clauses/eisen.yaml and each rule of
// clauses/samenhang.yaml fires on answers that break it, and not just
// inside its bounds (the boundary rows).
func TestNeedsAndRules(t *testing.T) {
	c := pipelinetest.Content(t)
	const pct = "urennorm: percentage_werktijd\nuren_jaar1_pct: 10\nuren_jaar2_pct: 5\nuren_jaar3_pct: 3\nminimale_contracturen: 12\nwerkweken_per_jaar: 48\nuurtarief: 80\n"
	// 80 × (10% + 5%) × 12 × 48 = 6.912; with normbedragen midden
	// min(4.608, 4.500) + min(2.304, 2.700) = 6.804.
	const zwaar = "bedrag_zwaar_jaar1: 6000\nbedrag_zwaar_jaar2: 4000\nbedrag_zwaar_jaar3: 2000\n"
	tests := []struct {
		name, answers string
		want          []string
	}{
		{"base", "", nil},
		{"borging leeg", "borging: []\n", []string{"pw8a-2e2-borging"}},
		{"geen kwaliteitseisen", "kwaliteit_jobcoach: []\nkwaliteit_organisatie: []\n", []string{"pw8a-2e2-kwaliteitseisen"}},
		{"alleen eisen aan de organisatie", "kwaliteit_jobcoach: []\n", nil},
		// The interne werkbegeleider is never shut out, so the subsidy
		// route stays open whatever the employer subsidies chosen.
		{"geen subsidie als gewone route", "interne_werkbegeleiding: false\nsubsidie_externe_jobcoach: false\n", nil},
		{"geen overgang", "overgang_onderwijs_werk: false\n", []string{"pw8a-2g2-overgang"}},

		{"plafond onder uurnorm", pct + "kostenplafond: true\nkostenplafond_bedrag: 6900\n", []string{"kostenplafond-onder-uurnorm"}},
		{"plafond gelijk aan uurnorm", pct + "kostenplafond: true\nkostenplafond_bedrag: 6912\n", nil},
		{"plafond onder uurnorm en normbedragen midden", pct + "bekostiging: normbedragen\nkostenplafond: true\nkostenplafond_bedrag: 6800\n",
			[]string{"kostenplafond-onder-uurnorm-midden"}},
		{"plafond gelijk aan uurnorm en normbedragen midden", pct + "bekostiging: normbedragen\nkostenplafond: true\nkostenplafond_bedrag: 6804\n", nil},
		{"plafond onder uurnorm en normbedragen zwaar", pct + zwaar + "begeleidingsniveaus: licht_midden_zwaar\nbekostiging: normbedragen\nkostenplafond: true\nkostenplafond_bedrag: 6900\n",
			[]string{"kostenplafond-onder-uurnorm-zwaar"}},
		{"plafond gelijk aan uurnorm en normbedragen zwaar", pct + zwaar + "begeleidingsniveaus: licht_midden_zwaar\nbekostiging: normbedragen\nkostenplafond: true\nkostenplafond_bedrag: 6912\n", nil},
		{"plafond onder bedragen zonder niveaus", "urennorm: maatwerk\nmaatwerk_max_uren: 120\nbegeleidingsniveaus: geen\nkostenplafond: true\nkostenplafond_bedrag: 7000\n",
			[]string{"kostenplafond-onder-bedragen"}},
		{"plafond gelijk aan bedragen zonder niveaus", "urennorm: maatwerk\nmaatwerk_max_uren: 120\nbegeleidingsniveaus: geen\nkostenplafond: true\nkostenplafond_bedrag: 7200\n", nil},
		{"plafond onder bedragen midden", "urennorm: maatwerk\nmaatwerk_max_uren: 120\nkostenplafond: true\nkostenplafond_bedrag: 7199\n",
			[]string{"kostenplafond-onder-bedragen-midden"}},
		{"plafond onder bedragen zwaar", zwaar + "urennorm: maatwerk\nmaatwerk_max_uren: 120\nbegeleidingsniveaus: licht_midden_zwaar\nkostenplafond: true\nkostenplafond_bedrag: 9999\n",
			[]string{"kostenplafond-onder-bedragen-zwaar"}},
		{"plafond gelijk aan bedragen zwaar", zwaar + "urennorm: maatwerk\nmaatwerk_max_uren: 120\nbegeleidingsniveaus: licht_midden_zwaar\nkostenplafond: true\nkostenplafond_bedrag: 10000\n", nil},

		{"duur korter dan periode", "maximale_duur_maanden: 6\ntoekenningsperiode_maanden: 12\n", []string{"duur-korter-dan-toekenningsperiode"}},
		{"duur gelijk aan periode", "maximale_duur_maanden: 12\ntoekenningsperiode_maanden: 12\n", nil},
		{"licht boven maximum", pct + "licht_jaar3_pct: 4\n", []string{"licht-boven-maximum"}},
		{"licht op maximum", pct + "licht_jaar1_pct: 10\nlicht_jaar2_pct: 5\nlicht_jaar3_pct: 3\n", nil},
		{"midden boven maximum", pct + "begeleidingsniveaus: licht_midden_zwaar\nmidden_jaar2_pct: 6\n", []string{"midden-boven-maximum"}},
		{"uitzondering onder maximum", pct + "uitzondering_jaar1_pct: 9\n", []string{"uitzondering-onder-maximum"}},
		{"uitzondering op maximum", pct + "uitzondering_jaar1_pct: 10\nuitzondering_jaar2_pct: 5\nuitzondering_jaar3_pct: 3\n", nil},
		{"specialistisch tarief lager", "uurtarief: 80\ntarief_specialistisch: true\nuurtarief_specialistisch: 80\n", []string{"specialistisch-tarief-niet-hoger"}},
		{"specialistisch tarief hoger", "uurtarief: 80\ntarief_specialistisch: true\nuurtarief_specialistisch: 81\n", nil},
		{"verlengde proefplaatsing lager", "proefplaatsing: true\nproefplaatsing_bedrag: 700\nproefplaatsing_bedrag_verlengd: 600\n",
			[]string{"proefplaatsing-verlengd-lager"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ans := decode(t, c, tc.answers)
			res, err := assemble.Build(c.Library, ans)
			if err != nil {
				t.Fatal(err)
			}
			if got := findingIDs(res.Coverage); !slices.Equal(got, tc.want) {
				t.Errorf("findings %v, want %v\n%v", got, tc.want, res.Coverage.Problems(ans, source.SevError))
			}
			for _, r := range res.Coverage.Rows {
				if len(r.Unmet) > 0 && (r.Covered() || !slices.Contains(res.Coverage.Missing(), r.Req.ID)) {
					t.Errorf("%s has unmet needs but counts as covered", r.Req.ID)
				}
			}
		})
	}
}

// TestNeedsOnOpenFigures: the needs that no answer within the
// questionnaire's bounds can break today hold with every figure given, and
// fail once the figure is open (0) or the choice empty: with hours per
// case, duur en intensiteit needs a maximum amount for every year (and
// level); natura needs a way to engage jobcoachorganisaties.
func TestNeedsOnOpenFigures(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, tc := range []struct {
		req, answers, open string
		value              any
	}{
		{"pw8a-2e1-duur-intensiteit", "urennorm: maatwerk\nmaatwerk_max_uren: 120\n", "maatwerk_max_uren", 0.0},
		{"pw8a-2e1-duur-intensiteit", "uren_uitzondering: true\n", "uitzondering_jaar2_pct", 0.0},
		{"pw8a-2e1-duur-intensiteit", "urennorm: percentage_werktijd\n", "uren_jaar3_pct", 0.0},
		{"pw8a-2e1-duur-intensiteit", "", "maximale_duur_maanden", 0.0},
		{"pw8a-2e1-natura-subsidie", "", "selectie_jobcoachorganisatie", ""},
	} {
		req := c.Library.Requirement(tc.req)
		env := decode(t, c, tc.answers).Env()
		if n := unmet(t, req.Needs, env); n != 0 {
			t.Errorf("%s, %q: %d needs unmet with every figure given", tc.req, tc.answers, n)
		}
		env[tc.open] = tc.value
		if n := unmet(t, req.Needs, env); n != 1 {
			t.Errorf("%s, %q with %s open: %d needs unmet, want 1", tc.req, tc.answers, tc.open, n)
		}
	}
}

func unmet(t *testing.T, needs []*clause.Need, env map[string]any) int {
	t.Helper()
	n := 0
	for _, nd := range needs {
		ok, err := nd.When.Eval(env)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			n++
		}
	}
	return n
}

// TestFindingPositions: a finding is placed at each answer it asks to
// change that the file gives, and once at line 1 for those taken from a
// default; check names the requirement id.
func TestFindingPositions(t *testing.T) {
	c := pipelinetest.Content(t)
	ans := decode(t, c, "borging: []\nkostenplafond: true\nkostenplafond_bedrag: 5000\nuurtarief: 80\n")
	res, err := assemble.Build(c.Library, ans)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range res.Coverage.Problems(ans, source.SevError) {
		lines = append(lines, e.Error())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"antwoorden.yaml:5:10: pw8a-2e2-borging: zet borging op ten minste één maatregel",
		"antwoorden.yaml:7:23: kostenplafond-onder-uurnorm: het maximum van € 5.000 voor de hele duur",
		"antwoorden.yaml:8:12: kostenplafond-onder-uurnorm:",
		"antwoorden.yaml:1:1: kostenplafond-onder-uurnorm: ",
		"(uren_jaar1_pct, uren_jaar2_pct, minimale_contracturen, werkweken_per_jaar staan op de standaardwaarde",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %q", got, want)
		}
	}
	if len(lines) != 4 {
		t.Errorf("%d problems, want 4 (borging, kostenplafond_bedrag, uurtarief, the defaults):\n%s", len(lines), got)
	}
	var cell string
	report, err := res.Coverage.Report(res.Verordening)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range report.Chapters[0].Articles[0].Leden[0].Blocks[0].(*document.Table).Rows {
		if strings.Contains(r[0].Markdown(), "pw8a-2e2-borging") {
			cell = r[len(r)-1].Markdown()
		}
	}
	if !strings.HasPrefix(cell, "niet gedekt: zet borging op ten minste één maatregel") {
		t.Errorf("dekkingsoverzicht shows pw8a-2e2-borging as %q, want niet gedekt with the message", cell)
	}
}

// TestExamplesPass: every example meets every need and breaks no rule,
// as check demands.
func TestExamplesPass(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, name := range c.Examples() {
		t.Run(name, func(t *testing.T) {
			ans, err := c.ExampleAnswers(name)
			if err != nil {
				t.Fatal(err)
			}
			res, err := assemble.Build(c.Library, ans)
			if err != nil {
				t.Fatal(err)
			}
			if p := res.Coverage.Problems(ans, source.SevError); len(p) > 0 {
				t.Errorf("check would fail:\n%v", p)
			}
		})
	}
}
