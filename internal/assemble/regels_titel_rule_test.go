package assemble

import "testing"

// TestRegelsTitelRule: a citeertitel that names the other kind of
// document than tweede_document is a contradiction; a title of the right
// kind, or none, is not.
func TestRegelsTitelRule(t *testing.T) {
	rule := embeddedRule(t)("regels-titel-soort")
	show := func(string) string { return "" }
	tests := []struct {
		soort, titel string
		want         bool
	}{
		{"beleidsregels", "Nadere regels jobcoaching Proefdorp 2027", true},
		{"beleidsregels", "Beleidsregels jobcoaching Re-integratieverordening gemeente Proefdorp 2026", false},
		{"nadere_regels", "Beleidsregels jobcoaching Proefdorp 2027", true},
		{"nadere_regels", "Nadere regels jobcoaching Proefdorp 2027", false},
		{"nadere_regels", "", false},
		{"beleidsregels", "", false},
	}
	for _, tc := range tests {
		env := map[string]any{"tweede_document": tc.soort, "regels_citeertitel": tc.titel}
		if _, broken := judgeRule(rule, env, show, oneArticle("verordening", "Tekst.")); broken != tc.want {
			t.Errorf("%s, %q: broken = %v, want %v", tc.soort, tc.titel, broken, tc.want)
		}
	}
}
