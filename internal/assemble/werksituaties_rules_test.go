package assemble

import (
	"testing"

	"verordening/internal/document"
)

// TestSituationRules: the consistency rules on work situations, contract
// types, the interne werkbegeleider and the gemeente's own jobcoaches
// (issue 12) catch the texts they are written against, and pass them when
// the answers allow them.
func TestSituationRules(t *testing.T) {
	rule := embeddedRule(t)
	doc := func(kind, text, note string) map[string]*document.Document {
		a := &document.Article{ID: "x", Number: "7", Title: src("X"), Leden: []*document.Lid{{Text: src(text)}}}
		if note != "" {
			a.Note = []document.Block{&document.Paragraph{Text: src(note)}}
		}
		return map[string]*document.Document{kind: {Chapters: []*document.Chapter{{Articles: []*document.Article{a}}}}}
	}
	env := func(kv ...any) map[string]any {
		m := map[string]any{
			"oproepcontract": "uitgesloten", "minimale_contracturen": 12.0, "minimale_contractduur_maanden": 6.0,
			"werksituaties": []string{}, "werkbegeleider_positie": []string{"collega", "leidinggevende"},
			"werkbegeleider_dienstverband": "in_dienst", "uitvoerder": "extern",
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	const lks = "Het college past dit artikel toe met inachtneming van artikel 6 als de werknemer behoort tot de doelgroep loonkostensubsidie."
	show := func(string) string { return "" }
	tests := []struct {
		rule string
		env  map[string]any
		docs map[string]*document.Document
		want bool
	}{
		{"oproepcontract-vaste-arbeidsduur", env("oproepcontract", "gemiddelde"),
			doc("verordening", "Jobcoaching wordt alleen toegekend voor werk in een dienstbetrekking waarin de arbeidsduur per week vaststaat.", ""), true},
		{"oproepcontract-vaste-arbeidsduur", env("oproepcontract", "minimumuren"),
			doc("verordening", "Een oproepcontract met een gegarandeerd minimum aantal uren volstaat.", ""), false},
		{"oproepcontract-vaste-arbeidsduur", env("oproepcontract", "minimumuren"),
			doc("verordening", "Er is geen oproepcontract.", ""), true},
		{"oproepcontract-vaste-arbeidsduur", env(),
			doc("verordening", "Jobcoaching wordt alleen toegekend voor werk in een dienstbetrekking waarin de arbeidsduur per week vaststaat.", ""), false},
		{"contractvoorwaarden-en-lks", env(), doc("verordening", "Jobcoaching wordt alleen toegekend bij ten minste twaalf uur per week.", ""), true},
		{"contractvoorwaarden-en-lks", env(), doc("verordening", lks, ""), false},
		{"contractvoorwaarden-en-lks", env("oproepcontract", "gemiddelde", "minimale_contracturen", 0.0, "minimale_contractduur_maanden", 0.0),
			doc("verordening", "Geen voorwaarden.", ""), false},
		{"werkervaringsplaats-niet-gekozen", env(), doc("verordening", "Het college kan jobcoaching ook toekennen op een werkervaringsplaats.", ""), true},
		{"werkervaringsplaats-niet-gekozen", env("werksituaties", []string{"werkervaringsplaats"}),
			doc("verordening", "Het college kan jobcoaching ook toekennen op een werkervaringsplaats.", ""), false},
		{"werkervaringsplaats-niet-gekozen", env(), doc("verordening", "Tekst.", "Een werkervaringsplaats valt niet onder dit artikel."), false},
		{"werkervaringsplaats-informatieblad", env(), doc("informatieblad", "Heeft de werknemer een werkervaringsplaats, zonder loon?", ""), true},
		{"inlener-niet-gekozen", env("werksituaties", []string{"bbl"}),
			doc("verordening", "Dan kan naast de werkgever ook de inlener een aanvraag indienen.", ""), true},
		{"inlener-niet-gekozen", env("werksituaties", []string{"uitzending"}),
			doc("verordening", "Dan kan naast de werkgever ook de inlener een aanvraag indienen.", ""), false},
		{"werkbegeleider-geen-leidinggevende", env("werkbegeleider_positie", []string{"collega"}),
			doc("verordening", "Tekst.", "Het kan een getrainde collega of leidinggevende zijn."), true},
		{"werkbegeleider-geen-leidinggevende", env(),
			doc("verordening", "Tekst.", "Het kan een getrainde collega of leidinggevende zijn."), false},
		{"werkbegeleider-alleen-in-dienst", env(),
			doc("verordening", "persoon die in dienst is van de werkgever of door de werkgever daarvoor is ingehuurd", ""), true},
		{"werkbegeleider-alleen-in-dienst", env("werkbegeleider_dienstverband", "ook_ingehuurd"),
			doc("verordening", "persoon die in dienst is van de werkgever of door de werkgever daarvoor is ingehuurd", ""), false},
		{"geen-eigen-jobcoaches", env(),
			doc("verordening", "Het college kan jobcoaching in natura laten geven door een jobcoach in dienst van de gemeente.", ""), true},
		{"geen-eigen-jobcoaches", env("uitvoerder", "naast_extern"),
			doc("verordening", "Het college kan jobcoaching in natura laten geven door een jobcoach in dienst van de gemeente.", ""), false},
	}
	for _, tc := range tests {
		if _, broken := judgeRule(rule(tc.rule), tc.env, show, tc.docs); broken != tc.want {
			t.Errorf("%s, %v: broken = %v, want %v", tc.rule, tc.env, broken, tc.want)
		}
	}
}
