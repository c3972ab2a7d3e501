package crossdoc

import (
	"regexp"
	"strings"
	"testing"
)

// TestMoreHoursRestOnTheOnderzoek: whether a worker gets more hours rests
// on the college's own onderzoek (artikel 10, vierde lid, of the
// Participatiewet; at a herbeoordeling, the herbeoordeling), never on
// the jobcoach's report alone. No sentence of the verordening or the
// beleidsregels makes more hours depend on the rapportage without naming
// the herbeoordeling or the onderzoek.
func TestMoreHoursRestOnTheOnderzoek(t *testing.T) {
	c := content(t)
	sentence := regexp.MustCompile(`[^.]*\.`)
	seen := 0
	for _, name := range c.Examples() {
		b := buildExample(t, c, name)
		for _, d := range []string{"verordening", "beleidsregels"} {
			doc := b.verordening()
			if d == "beleidsregels" {
				doc = b.beleidsregels()
			}
			if doc == nil {
				continue
			}
			for _, u := range bodyUnits(doc) {
				for _, s := range sentence.FindAllString(u, -1) {
					if low := strings.ToLower(s); !strings.Contains(low, "meer uren") || !strings.Contains(low, "rapportage") {
						continue
					}
					seen++
					if !reliesOnOnderzoek(s) {
						t.Errorf("%s, %s: more hours depend on the rapportage alone: %q", name, d, strings.TrimSpace(s))
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no sentence speaks of more hours and the rapportage: the test checks nothing")
	}
}

func reliesOnOnderzoek(s string) bool {
	return strings.Contains(s, "herbeoordeling") || strings.Contains(s, "onderzoek")
}

func TestReliesOnOnderzoekCatchesTheDefect(t *testing.T) {
	if reliesOnOnderzoek("Het college kent niet meer uren toe dan in de vorige periode, tenzij de rapportage laat zien waarom dat nodig is.") {
		t.Error("a sentence that rests on the rapportage alone passes")
	}
}
