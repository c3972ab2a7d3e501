package clause_test

import (
	"testing"

	"verordening/internal/pipeline/pipelinetest"
)

// Every template of the embedded content pack has dependencies the walk
// can follow, so that a region reuses its text (README, "Prestaties"). A
// template that does not is run for every gemeente; write its ids as
// literals, or in a table of literals, instead.
func TestEmbeddedTemplatesCacheable(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, tp := range c.Library.Templates().Templates() {
		if d := c.Library.Deps(tp.Name()); d != nil && !d.Static {
			t.Errorf("%s: its dependencies cannot be followed, so its text is never reused", tp.Name())
		}
	}
}
