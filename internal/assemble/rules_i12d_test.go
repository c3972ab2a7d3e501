package assemble

import (
	"testing"

	"verordening/internal/document"
)

// TestSecondDocumentAndSubsidyRules: the rules for the second document,
// the subsidy frame and the aanvraag catch a text that breaks them and
// pass the text the clauses write.
func TestSecondDocumentAndSubsidyRules(t *testing.T) {
	rule := embeddedRule(t)
	one := oneArticle
	nadere := map[string]any{"tweede_document": "nadere_regels"}
	beleid := map[string]any{"tweede_document": "beleidsregels"}
	show := func(string) string { return "" }
	tests := []struct {
		rule string
		env  map[string]any
		docs map[string]*document.Document
		want bool
	}{
		{"nadere-regels-zonder-delegatie", nadere, one("verordening", "Het college stelt beleidsregels vast over de uitvoering."), true},
		{"nadere-regels-zonder-delegatie", nadere, one("verordening", "Het college stelt nadere regels over de uitvoering."), false},
		{"nadere-regels-zonder-delegatie", beleid, one("verordening", "Het college stelt beleidsregels vast over de uitvoering."), false},
		{"nadere-regels-als-beleidsregels", nadere, one("beleidsregels", "De bedragen in deze beleidsregels zijn exclusief btw."), true},
		{"nadere-regels-als-beleidsregels", nadere, one("beleidsregels", "gelet op artikel 4:81 van de Algemene wet bestuursrecht"), true},
		{"nadere-regels-als-beleidsregels", nadere, one("beleidsregels", "De bedragen in deze nadere regels zijn exclusief btw."), false},
		{"beleidsregels-als-nadere-regels", beleid, one("verordening", "Het college stelt nadere regels over de tarieven."), true},
		{"beleidsregels-als-nadere-regels", beleid, one("verordening", "Het college stelt bij beleidsregels vast welk bedrag geldt."), false},
		{"subsidiekader-asv-niet-genoemd", map[string]any{"subsidiekader": "asv"}, one("verordening", "De subsidies worden verstrekt op grond van titel 4.2 van de Awb."), true},
		{"subsidiekader-asv-niet-genoemd", map[string]any{"subsidiekader": "asv"}, one("verordening", "Op de subsidies is de Algemene subsidieverordening Proefstad van toepassing."), false},
		{"subsidiekader-eigen-met-asv", map[string]any{"subsidiekader": "eigen"}, one("verordening", "Op de subsidies is de Algemene subsidieverordening Proefstad van toepassing."), true},
		{"subsidiekader-eigen-met-asv", map[string]any{"subsidiekader": "eigen"}, one("verordening", "de algemene subsidieregels van de gemeente zijn niet van toepassing."), false},
		{"staatssteun-de-minimis-en-agvv", map[string]any{"staatssteun": "de_minimis"}, one("verordening", "met toepassing van Verordening (EU) nr. 651/2014"), true},
		{"staatssteun-de-minimis-en-agvv", map[string]any{"staatssteun": "de_minimis"}, one("verordening", "als de-minimissteun volgens Verordening (EU) 2023/2831"), false},
		{"staatssteun-agvv-en-de-minimis", map[string]any{"staatssteun": "agvv"}, one("verordening", "als de-minimissteun volgens Verordening (EU) 2023/2831"), true},
		{"staatssteun-agvv-en-de-minimis", map[string]any{"staatssteun": "agvv"}, one("verordening", "met toepassing van Verordening (EU) nr. 651/2014"), false},
		{"voorschot-zonder-keuze", map[string]any{"voorschot": false}, one("verordening", "Het college kan een voorschot verstrekken van ten hoogste 80%."), true},
		{"voorschot-zonder-keuze", map[string]any{"voorschot": false}, one("verordening", "Het college verstrekt geen voorschot."), false},
		{"voorschot-zonder-keuze", map[string]any{"voorschot": true}, one("verordening", "Het college kan een voorschot verstrekken van ten hoogste 80%."), false},
		{"aanvraag-te-laat-zonder-termijn", map[string]any{"aanvraagtermijn": "geen"}, one("verordening", "dan kent het college jobcoaching niet toe over de periode voor de aanvraag"), true},
		{"aanvraag-te-laat-zonder-termijn", map[string]any{"aanvraagtermijn": "voor_start"}, one("verordening", "dan kent het college jobcoaching niet toe over de periode voor de aanvraag"), false},
		{"aanvraag-te-laat-zonder-termijn", map[string]any{"aanvraagtermijn": "geen"}, one("verordening", "De aanvraag kan ook achteraf worden ingediend."), false},
	}
	for _, tc := range tests {
		if _, broken := judgeRule(rule(tc.rule), tc.env, show, tc.docs); broken != tc.want {
			t.Errorf("%s, %v: broken = %v, want %v", tc.rule, tc.env, broken, tc.want)
		}
	}
}
