package assemble

import (
	"strings"
	"testing"

	"verordening"
	"verordening/internal/clause"
	"verordening/internal/condition"
	"verordening/internal/document"
	"verordening/internal/question"
	"verordening/internal/source"
)

// TestForbiddenText: a rule with forbid is broken only when its condition
// holds and an article of its document says the forbidden text, in any
// case, across line breaks, escapes and answer markers; a toelichting
// does not count.
func TestForbiddenText(t *testing.T) {
	qs, err := question.Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	when, err := condition.Compile("!ambtshalve", source.Pos{File: "r.yaml", Line: 1, Col: 1}, qs.Env())
	if err != nil {
		t.Fatal(err)
	}
	rule := &clause.Rule{ID: "r", When: when, Ask: []string{"ambtshalve"}, Message: "m", In: "verordening",
		Forbid: []string{clause.NormalizeText("zonder nieuwe aanvraag")}}
	doc := func(lid, note string) map[string]*document.Document {
		a := &document.Article{ID: "overgang", Number: "8", Title: src("Overgang"),
			Leden: []*document.Lid{{Text: src("Het college kan")}, {Text: src("de jobcoaching:"), Items: []*document.Item{{Text: src(lid)}}}},
			Note:  []document.Block{&document.Paragraph{Text: src(note)}}}
		return map[string]*document.Document{"verordening": {Chapters: []*document.Chapter{{Articles: []*document.Article{a}}}}}
	}
	show := func(string) string { return "" }
	tests := []struct {
		name       string
		ambtshalve bool
		docs       map[string]*document.Document
		want       bool
	}{
		{"found", false, doc("Zonder nieuwe\naanvraag voortzetten;", ""), true},
		{"escaped and marked", false, doc(answerOpen+`zonder \nieuwe`+answerClose+" aanvraag", ""), true},
		{"ambtshalve allowed", true, doc("zonder nieuwe aanvraag voortzetten;", ""), false},
		{"not in the articles", false, doc("na een nieuwe aanvraag voortzetten;", "zonder nieuwe aanvraag"), false},
		{"document not built", false, nil, false},
	}
	for _, tc := range tests {
		f, broken := judgeRule(rule, map[string]any{"ambtshalve": tc.ambtshalve}, show, tc.docs)
		if broken != tc.want {
			t.Errorf("%s: broken = %v, want %v (%s)", tc.name, broken, tc.want, f.Message)
		}
		if broken && !strings.Contains(f.Message, "Artikel 8. Overgang") {
			t.Errorf("%s: message %q does not name the article", tc.name, f.Message)
		}
	}
}

// TestForbidRules: the rules of clauses/samenhang.yaml with forbid catch
// the sentences they are written against, and pass the denial.
func TestForbidRules(t *testing.T) {
	rule := embeddedRule(t)
	one := oneArticle
	noted := func(general, note string) map[string]*document.Document {
		a := &document.Article{ID: "x", Number: "8", Title: src("X"), Leden: []*document.Lid{{Text: src("Tekst.")}},
			Note: []document.Block{&document.Paragraph{Text: src(note)}}}
		return map[string]*document.Document{"verordening": {Chapters: []*document.Chapter{{Articles: []*document.Article{a}}},
			Notes: &document.Notes{General: []document.Block{&document.Paragraph{Text: src(general)}}}}}
	}
	procured := map[string]any{"selectie_jobcoachorganisatie": "aanbesteding", "landelijke_werkgevers": true}
	show := func(string) string { return "" }
	tests := []struct {
		rule string
		env  map[string]any
		docs map[string]*document.Document
		want bool
	}{
		{"ambtshalve-zonder-aanvraag", map[string]any{"ambtshalve": false},
			one("verordening", "Het college kan de jobcoaching bij de nieuwe werkgever zonder nieuwe aanvraag voortzetten."), true},
		{"ambtshalve-zonder-aanvraag", map[string]any{"ambtshalve": false},
			one("verordening", "Het college kan jobcoaching ook zonder aanvraag toekennen."), true},
		{"ambtshalve-zonder-aanvraag", map[string]any{"ambtshalve": false},
			one("verordening", "Het college kent jobcoaching alleen op aanvraag toe."), false},
		{"ambtshalve-zonder-aanvraag", map[string]any{"ambtshalve": true},
			one("verordening", "Het college kan jobcoaching ook zonder aanvraag toekennen."), false},
		{"informatieblad-subsidie-extern", map[string]any{"subsidie_externe_jobcoach": false},
			one("informatieblad", "Een werkgever kan u ook zelf inhuren."), true},
		{"informatieblad-subsidie-extern", map[string]any{"subsidie_externe_jobcoach": false},
			one("verordening", "Een werkgever kan u ook zelf inhuren."), false},
		{"informatieblad-subsidie-extern", map[string]any{"subsidie_externe_jobcoach": true},
			one("informatieblad", "Een werkgever kan u ook zelf inhuren."), false},
		{"aanbesteding-en-landelijke-werkgevers", procured, noted("", ""), true},
		{"aanbesteding-en-landelijke-werkgevers", procured, noted("", "Dit past bij de Aanbestedingswet 2012, omdat …"), false},
		{"aanbesteding-en-landelijke-werkgevers", procured, noted("Over het aanbestedingsrecht: …", ""), false},
		{"aanbesteding-en-landelijke-werkgevers", map[string]any{"selectie_jobcoachorganisatie": "open_toelating", "landelijke_werkgevers": true},
			noted("", ""), false},
	}
	for _, tc := range tests {
		if _, broken := judgeRule(rule(tc.rule), tc.env, show, tc.docs); broken != tc.want {
			t.Errorf("%s, %v: broken = %v, want %v", tc.rule, tc.env, broken, tc.want)
		}
	}
}
