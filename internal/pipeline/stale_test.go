package pipeline_test

import (
	"testing"

	"verordening/internal/pipeline/pipelinetest"
)

// TestExamplesCiteCurrentLaw: with the clauses checked against the text of
// 1 July 2026, no example in force on 1 January 2027 (or on a date left
// open) gets a statute warning: no article the examples cite is known to
// change on or before that date.
func TestExamplesCiteCurrentLaw(t *testing.T) {
	c := pipelinetest.Content(t)
	if c.Library.Statutes == nil || len(c.Library.Statutes.Changes) == 0 {
		t.Fatal("clauses/wetten.yaml records no changes")
	}
	for _, name := range c.Examples() {
		ans, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, date := range []string{"2027-01-01", ""} {
			if w := c.Library.StatuteWarnings(ans.Env(), date); len(w) > 0 {
				t.Errorf("%s in force on %q: %v", name, date, w)
			}
		}
		if w := c.StatuteWarnings(ans); len(w) > 0 {
			t.Errorf("%s: %v", name, w)
		}
	}
}
