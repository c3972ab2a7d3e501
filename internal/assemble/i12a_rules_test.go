package assemble

import (
	"testing"

	"verordening/internal/document"
)

// TestBudgetIndexRetroactivityRules: the text rules for the budget ceiling,
// the cheapest adequate form, indexation and terugwerkende kracht catch a
// text that leaves out the safeguard the law asks for, and pass the text
// the clauses write.
func TestBudgetIndexRetroactivityRules(t *testing.T) {
	rule := embeddedRule(t)
	one := oneArticle
	retro := func(tot string, kosten, budget bool, uren float64) map[string]any {
		return map[string]any{"terugwerkende_kracht_tot": tot, "kostenplafond": kosten, "budgetplafond": budget,
			"minimale_contracturen": uren, "minimale_contractduur_maanden": 0.0}
	}
	show := func(string) string { return "" }
	tests := []struct {
		rule string
		env  map[string]any
		docs map[string]*document.Document
		want bool
	}{
		{"budgetplafond-lks-uitgezonderd", map[string]any{"budgetplafond": true},
			one("verordening", "Is het bedrag besteed, dan wijst het college iedere aanvraag af."), true},
		{"budgetplafond-lks-uitgezonderd", map[string]any{"budgetplafond": true},
			one("verordening", "Zijn aanspraak, bedoeld in artikel 7, wordt niet door het beschikbare bedrag begrensd."), false},
		{"budgetplafond-lks-uitgezonderd", map[string]any{"budgetplafond": false},
			one("verordening", "Het college wijst iedere aanvraag af."), false},
		{"goedkoopste-adequaat-niet-minder", map[string]any{"goedkoopste_adequaat": true},
			one("verordening", "Het college kent de goedkoopste vorm toe."), true},
		{"goedkoopste-adequaat-niet-minder", map[string]any{"goedkoopste_adequaat": true},
			one("verordening", "Dat leidt niet tot minder of kortere begeleiding dan volgens het onderzoek nodig is."), false},
		{"indexering-en-vrije-aanpassing", map[string]any{"indexering": "cpi"},
			one("beleidsregels", "Het college kan de bedragen jaarlijks aanpassen door wijziging van deze beleidsregels."), true},
		{"indexering-en-vrije-aanpassing", map[string]any{"indexering": "cpi"},
			one("beleidsregels", "Zij worden jaarlijks met ingang van 1 januari aangepast aan de consumentenprijsindex."), false},
		{"indexering-en-vrije-aanpassing", map[string]any{"indexering": "geen"},
			one("beleidsregels", "Het college kan de bedragen jaarlijks aanpassen door wijziging van deze beleidsregels."), false},
		{"terugwerkende-kracht-belastend", retro("2023-07-01", true, false, 0),
			one("verordening", "Deze verordening werkt terug tot en met 1 juli 2023."), true},
		{"terugwerkende-kracht-belastend", retro("2023-07-01", false, false, 12),
			one("verordening", "Deze verordening werkt terug tot en met 1 juli 2023."), true},
		{"terugwerkende-kracht-belastend", retro("2023-07-01", true, true, 12),
			one("verordening", "De terugwerkende kracht geldt niet voor de artikelen 23 en 24."), false},
		{"terugwerkende-kracht-belastend", retro("", true, true, 12),
			one("verordening", "Deze verordening treedt in werking met ingang van 1 januari 2027."), false},
		{"terugwerkende-kracht-belastend", retro("2023-07-01", false, false, 0),
			one("verordening", "Deze verordening werkt terug tot en met 1 juli 2023."), false},
	}
	for _, tc := range tests {
		if _, broken := judgeRule(rule(tc.rule), tc.env, show, tc.docs); broken != tc.want {
			t.Errorf("%s, %v: broken = %v, want %v", tc.rule, tc.env, broken, tc.want)
		}
	}
}
