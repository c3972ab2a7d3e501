// Package pipelinetest loads the embedded content pack and its examples
// for tests.
package pipelinetest

import (
	"testing"

	"verordening"
	"verordening/internal/answer"
	"verordening/internal/pipeline"
)

// Content loads the embedded content pack.
func Content(t testing.TB) *pipeline.Content {
	t.Helper()
	c, err := pipeline.Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Example loads the content pack and decodes the named example's answers.
func Example(t testing.TB, name string) (*pipeline.Content, *answer.Answers) {
	t.Helper()
	c := Content(t)
	ans, err := c.ExampleAnswers(name)
	if err != nil {
		t.Fatal(err)
	}
	return c, ans
}
