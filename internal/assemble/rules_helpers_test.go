package assemble

import (
	"testing"

	"verordening"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/question"
)

// embeddedRule returns a lookup of the consistency rules of the embedded
// content pack by id, failing the test for an id it does not have.
func embeddedRule(t *testing.T) func(id string) *clause.Rule {
	t.Helper()
	qs, err := question.Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := clause.Load(verordening.Content, qs)
	if err != nil {
		t.Fatal(err)
	}
	return func(id string) *clause.Rule {
		for _, r := range lib.Rules {
			if r.ID == id {
				return r
			}
		}
		t.Fatalf("no rule %s in %s", id, clause.RulesFile)
		return nil
	}
}

// oneArticle is a built document of the given kind holding one article
// with one lid of text, for judging a rule against a text.
func oneArticle(kind, text string) map[string]*document.Document {
	a := &document.Article{ID: "x", Number: "8", Title: src("X"), Leden: []*document.Lid{{Text: src(text)}}}
	return map[string]*document.Document{kind: {Chapters: []*document.Chapter{{Articles: []*document.Article{a}}}}}
}
