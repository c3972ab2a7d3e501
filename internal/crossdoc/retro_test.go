package crossdoc

import (
	"slices"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/pipeline/pipelinetest"
)

// paragraphRetro is a paragraph form that works back to 1 July 2023, with
// the three kinds of burdening provision: a ceiling per werknemer, a
// budget ceiling and a demand on the arbeidsduur.
const paragraphRetro = `gemeente: Terugstad
vorm: paragraaf
reintegratieverordening: Re-integratieverordening Participatiewet Terugstad 2023
paragraaf_na_artikel: "12"
paragraaf_nummer: 3a
vervallen_artikelen: 10, 11
regionale_afspraken: lokaal
uurtarief: 84
inwerkingtreding: 2027-01-01
minimale_contractduur_maanden: 0
`

// burdening are the clauses of the paragraph that must not work back.
var burdening = []string{"kostenplafond", "budgetplafond", "voorwaarden-dienstbetrekking"}

// TestParagraphArticleIIRetroactivity: in the paragraph form Artikel II
// works back to the date answered, excepts every burdening article of the
// inserted paragraph by the number it gets there, and keeps decisions
// already taken; without the answer it does not work back at all.
func TestParagraphArticleIIRetroactivity(t *testing.T) {
	c := content(t)
	for _, tc := range []struct {
		name, extra string
		retro       bool
		except      []string // clause ids Artikel II must except
	}{
		{"alle belastende bepalingen", "kostenplafond: true\nkostenplafond_bedrag: 9500\nbudgetplafond: true\nbudgetplafond_vaststelling: raad\nminimale_contracturen: 12\nterugwerkende_kracht_tot: 2023-07-01\n", true, burdening},
		{"alleen een kostenplafond", "kostenplafond: true\nkostenplafond_bedrag: 9500\nminimale_contracturen: 0\nterugwerkende_kracht_tot: 2023-07-01\n", true, []string{"kostenplafond"}},
		{"alleen eisen aan de arbeidsduur", "minimale_contracturen: 12\nterugwerkende_kracht_tot: 2023-07-01\n", true, []string{"voorwaarden-dienstbetrekking"}},
		{"niets belastends", "minimale_contracturen: 0\nterugwerkende_kracht_tot: 2023-07-01\n", true, nil},
		{"geen terugwerkende kracht", "kostenplafond: true\nkostenplafond_bedrag: 9500\n", false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := buildAnswers(t, c, "retro.yaml", []byte(paragraphRetro+tc.extra))
			am := b.out.Result.Amending
			if am == nil || am.ArticleII == nil {
				t.Fatal("no Artikel II: the answers do not give the paragraph form")
			}
			leden := ledenText(am.ArticleII)
			all := strings.Join(leden, "\n")
			if !tc.retro {
				if strings.Contains(all, "terug") {
					t.Errorf("Artikel II works back without terugwerkende_kracht_tot:\n%s", all)
				}
				return
			}
			if !strings.Contains(leden[0], "en werkt terug tot en met 1 juli 2023.") {
				t.Errorf("Artikel II, eerste lid, does not work back to 1 juli 2023:\n%s", leden[0])
			}
			except := lidWith(leden, "De terugwerkende kracht geldt niet voor")
			for _, id := range burdening {
				art := b.verordening().Article(id)
				want := slices.Contains(tc.except, id)
				if want && art == nil {
					t.Fatalf("clause %s not chosen", id)
				}
				if art == nil {
					continue
				}
				if cited := strings.Contains(except, "artikel "+art.Number) || strings.Contains(except, " "+art.Number+" "); cited != want {
					t.Errorf("Artikel II excepts artikel %s (%s) from the terugwerkende kracht: %v, want %v:\n%s", art.Number, id, cited, want, except)
				}
			}
			if len(tc.except) == 0 && except != "" {
				t.Errorf("Artikel II excepts provisions though none burdens:\n%s", except)
			}
			if len(tc.except) > 0 && !strings.Contains(except, "alleen van toepassing op aanvragen die zijn ontvangen op of na de dag waarop deze verordening in werking treedt") {
				t.Errorf("Artikel II does not say from when the excepted provisions apply:\n%s", except)
			}
			if lidWith(leden, "blijft gelden") == "" || lidWith(leden, "geen grond om zo'n besluit ten nadele") == "" {
				t.Errorf("Artikel II does not keep the decisions already taken:\n%s", all)
			}
			note := strings.Join(strings.Fields(blocksText(am.ArticleII.Note)), " ")
			if !strings.Contains(note, "rechtszekerheid") || !strings.Contains(note, "werkt terug tot en met 1 juli 2023") {
				t.Errorf("the toelichting on Artikel II does not explain the terugwerkende kracht:\n%s", note)
			}
			if len(tc.except) > 0 && !strings.Contains(note, "Het tweede lid zondert daarom uit") {
				t.Errorf("the toelichting on Artikel II does not explain the exception:\n%s", note)
			}
			for _, f := range b.out.Result.Coverage.Findings() {
				if strings.HasPrefix(f.ID, "terugwerkende-kracht") {
					t.Errorf("check finds %s although Artikel II excepts the burdening provisions: %s", f.ID, f.Message)
				}
			}
		})
	}
}

// TestParagraphRetroCheckSeesArticleII: check reads Artikel II of the
// wijzigingsverordening. With a frame whose Artikel II works back without
// excepting anything, the burdening ceiling is reported.
func TestParagraphRetroCheckSeesArticleII(t *testing.T) {
	c := pipelinetest.Overlay(t, map[string]string{"templates/verordening/wijziging-artikel-ii.md.tmpl": "Deze verordening treedt in werking met ingang van {{ datum .A.inwerkingtreding }} en werkt terug tot en met {{ datum .A.terugwerkende_kracht_tot }}.\n\n## Toelichting\n\nZij werkt terug.\n"})
	b := buildAnswers(t, c, "retro.yaml", []byte(paragraphRetro+"kostenplafond: true\nkostenplafond_bedrag: 9500\nminimale_contracturen: 0\nterugwerkende_kracht_tot: 2023-07-01\n"))
	for _, f := range b.out.Result.Coverage.Findings() {
		if f.ID == "terugwerkende-kracht-belastend" {
			return
		}
	}
	t.Error("check does not report terugwerkende-kracht-belastend although Artikel II lets the kostenplafond work back")
}

// TestRetroactiveEntryIntoForceAgrees: without a date of inwerkingtreding
// a verordening that works back enters into force on the day after its
// publication, in both forms; the beleidsregels then must not say it waits
// for the eighth day.
func TestRetroactiveEntryIntoForceAgrees(t *testing.T) {
	c := content(t)
	for _, form := range []string{paragraphRetro, "gemeente: Terugstad\nreintegratieverordening: Re-integratieverordening Participatiewet Terugstad 2023\nregionale_afspraken: lokaal\nuurtarief: 84\n"} {
		data := strings.Replace(form, "inwerkingtreding: 2027-01-01\n", "", 1) + "terugwerkende_kracht_tot: 2023-07-01\nbeleidsregels_inwerkingtreding: 2027-01-01\n"
		b := buildAnswers(t, c, "retro.yaml", []byte(data))
		ver := strings.Join(strings.Fields(b.md[document.Verordening]), " ")
		if !strings.Contains(ver, "met ingang van de dag na de dag van uitgifte van het gemeenteblad waarin zij wordt bekendgemaakt, en werkt terug tot en met 1 juli 2023") {
			t.Errorf("the verordening does not enter into force on the day after publication and work back:\n%s", data)
		}
		if br := b.md[document.Beleidsregels]; strings.Contains(br, "achtste dag na de uitgifte") {
			t.Errorf("the beleidsregels say the verordening enters into force on the eighth day, but it works back from the day after publication:\n%s", data)
		}
	}
}

// ledenText is the text of each lid, its items included, in one line.
func ledenText(a *document.Article) []string {
	var out []string
	for _, l := range a.Leden {
		s := l.Text.Markdown()
		for _, it := range l.Items {
			s += " " + it.Text.Markdown()
		}
		out = append(out, strings.Join(strings.Fields(s), " "))
	}
	return out
}

// lidWith is the first lid that contains text, or "".
func lidWith(leden []string, text string) string {
	for _, l := range leden {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
