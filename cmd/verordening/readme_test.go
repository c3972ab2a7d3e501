package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/region"
)

const (
	readme        = "../../README.md"
	examplesBegin = "<!-- voorbeelden: begin; bijgewerkt door go test ./cmd/verordening -update -->\n"
	examplesEnd   = "<!-- voorbeelden: eind -->\n"
)

// TestReadmeExamples: the table in README.md of the built-in examples and
// the folders they are written to is the one the content gives, so that
// README and code cannot drift. -update rewrites it.
func TestReadmeExamples(t *testing.T) {
	want := examplesTable(t)
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := bytes.Cut(data, []byte(examplesBegin))
	_, after, ok2 := bytes.Cut(rest, []byte(examplesEnd))
	if !ok1 || !ok2 {
		t.Fatalf("README.md lacks the markers %q and %q", examplesBegin, examplesEnd)
	}
	got := string(rest[:len(rest)-len(after)-len(examplesEnd)])
	if got == want {
		return
	}
	if *update {
		out := string(before) + examplesBegin + want + examplesEnd + string(after)
		if err := os.WriteFile(readme, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the table of examples in README.md is out of date (go test ./cmd/verordening -update):\n%s", diffHint([]byte(got), []byte(want)))
}

// examplesTable lists every example with the gemeente it builds and the
// folder build writes to, and every example region with its folder.
func examplesTable(t *testing.T) string {
	c := pipelinetest.Content(t)
	var b strings.Builder
	b.WriteString("| opdracht | gemeente | schrijft in |\n| --- | --- | --- |\n")
	for _, name := range c.Examples() {
		ans, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "| `build --example %s` | %s | `out/%s/` |\n", name, ans.Gemeente, pipeline.Slug(ans.Gemeente))
	}
	for _, name := range c.RegionExamples() {
		file, data, err := c.RegionExample(name)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := region.Parse(file, data, c.Questions)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, g := range f.Gemeenten {
			names = append(names, g.Name)
		}
		fmt.Fprintf(&b, "| `region --example %s` | %s | `out/%s/`, met een map per gemeente en het harmonisatieoverzicht (`harmonisatie.md`, `.html`) |\n",
			name, strings.Join(names, ", "), pipeline.Slug(f.Regio))
	}
	return b.String()
}
