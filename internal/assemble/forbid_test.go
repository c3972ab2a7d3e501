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
		a := &document.Article{ID: "overgang", Number: "8", Title: "Overgang",
			Leden: []*document.Lid{{Text: "Het college kan"}, {Text: "de jobcoaching:", Items: []*document.Item{{Text: lid}}}},
			Note:  []document.Block{&document.Paragraph{Text: note}}}
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
