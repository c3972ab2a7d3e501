package crossdoc

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"verordening/internal/document"
)

// TestBudgetIndexRetroactivity: with a budget ceiling, indexation,
// terugwerkende kracht and a regional evaluation, the three documents say
// the same thing: the doelgroep loonkostensubsidie stays outside the budget,
// the amounts move on the same date with the same index, the articles that
// burden do not work back, and the evaluation names the region.
func TestBudgetIndexRetroactivity(t *testing.T) {
	c := content(t)
	const file = "testdata/budget-index-terugwerkend.yaml"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b := buildAnswers(t, c, file, data)
	ver, br, info := b.md[document.Verordening], b.md[document.Beleidsregels], b.md[document.Informatieblad]
	num := func(id string) string {
		a := b.verordening().Article(id)
		if a == nil {
			t.Fatalf("%s: article %s not chosen", file, id)
		}
		return a.Number
	}
	contains := func(doc, name, text string) {
		t.Helper()
		if !strings.Contains(strings.Join(strings.Fields(doc), " "), text) {
			t.Errorf("%s: the %s does not say %q", file, name, text)
		}
	}
	contains(ver, "verordening", "wordt niet door het beschikbare bedrag begrensd")
	contains(info, "informatieblad", "Dat geldt niet voor een werknemer in de doelgroep loonkostensubsidie.")
	contains(br, "beleidsregels", "welke aanvragen op de wachtlijst staan")

	contains(ver, "verordening", "worden jaarlijks met ingang van 1 juli aangepast, voor het eerst met ingang van 1 juli 2027")
	contains(ver, "verordening", "de index van de cao-lonen per uur")
	contains(br, "beleidsregels", "Zij worden jaarlijks met ingang van 1 juli aangepast aan de index van de cao-lonen")
	contains(info, "informatieblad", "Elk jaar op 1 juli gaan de bedragen omhoog als de lonen stijgen.")
	if strings.Contains(br, "kan de bedragen jaarlijks aanpassen") {
		t.Errorf("%s: the beleidsregels leave the amounts to the college although the verordening indexes them", file)
	}

	contains(ver, "verordening", "en werkt terug tot en met 1 juli 2023.")
	contains(ver, "verordening", fmt.Sprintf("De terugwerkende kracht geldt niet voor de artikelen %s en %s en voor de eisen aan de arbeidsduur, bedoeld in artikel %s, eerste lid;",
		num("kostenplafond"), num("budgetplafond"), num("voorwaarden-dienstbetrekking")))
	contains(ver, "verordening", "Dat leidt niet tot minder of kortere begeleiding dan volgens het onderzoek nodig is.")
	contains(ver, "verordening", "Het college zendt binnen achttien maanden na de inwerkingtreding")
	contains(ver, "verordening", "in de arbeidsmarktregio Holland Rijnland")
}
