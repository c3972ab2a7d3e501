package amend

import (
	"slices"
	"testing"

	"verordening/internal/clause"
	"verordening/internal/pipeline/pipelinetest"
)

// depsClause reads the answers in the ways the three former walkers of
// the parse tree told apart: $.A inside range, cijfer, index .A, bron,
// label, and a clause asked about and referred to.
const depsClause = `---
id: deps-proef
document: verordening
chapter: algemeen
order: -1
kind: vast
title: Proef
---
{{ range .A.begeleidingsniveaus }}{{ . }}: {{ $.A.nazorg_uren }} uur. {{ end }}
{{ cijfer "uurtarief" }} en {{ index .A "kostenplafond_bedrag" }}{{ with bron "uurtarief" }} ({{ . }}){{ end }}.
{{ label "bekostiging" .A.bekostiging }}{{ if selected "nazorg" }} {{ ref "nazorg" }}{{ end }}

## Toelichting

Alleen voor een test.
`

// TestDepsAgree: for every clause, the load check, the cache and amend
// read the same answers from one inspection. Every answer the cache keys
// on (a change there changes the text) is a reason amend can give; amend
// names no question the inspection does not find; and every answer field
// the load check checks is in both.
func TestDepsAgree(t *testing.T) {
	c := pipelinetest.Overlay(t, map[string]string{"clauses/verordening/00-aaa-deps.md": depsClause})
	lib := c.Library
	for _, cl := range append(slices.Clone(lib.Clauses), lib.Definitions...) {
		in, cache, am := lib.Inspection(cl.Path), lib.Deps(cl.Path), clauseDeps(lib, cl)
		if in == nil || cache == nil {
			t.Errorf("%s: not inspected", cl.Path)
			continue
		}
		tracked := slices.Concat(cache.Answers, cache.Sources)
		for _, id := range tracked {
			if lib.Questions.Lookup(id) != nil && !slices.Contains(am.answers, id) {
				t.Errorf("%s: the cache keys on %s, amend does not name it", cl.Path, id)
			}
		}
		for _, id := range cache.Selected {
			if !slices.Contains(am.clauses, id) {
				t.Errorf("%s: the cache keys on selected %q, amend does not name it", cl.Path, id)
			}
		}
		labels := labelIDs(in)
		for _, id := range am.answers {
			known := slices.Contains(tracked, id) || slices.Contains(labels, id) || (cl.When != nil && slices.Contains(cl.When.Uses, id))
			if !known {
				t.Errorf("%s: amend names %s, which the inspection does not read", cl.Path, id)
			}
		}
		for _, f := range in.Fields {
			if f.Written && f.Data && len(f.Path) == 2 && f.Path[0] == "A" &&
				!(slices.Contains(cache.Answers, f.Path[1]) && slices.Contains(am.answers, f.Path[1])) {
				t.Errorf("%s: the load check checks .A.%s, the cache or amend misses it", cl.Path, f.Path[1])
			}
		}
	}
	d := clauseDeps(lib, lib.Lookup("deps-proef"))
	want := []string{"begeleidingsniveaus", "bekostiging", "kostenplafond_bedrag", "nazorg_uren", "uurtarief"}
	if !slices.Equal(d.answers, want) {
		t.Errorf("deps-proef: amend reads %v, want %v", d.answers, want)
	}
	if !slices.Equal(d.clauses, []string{"nazorg"}) {
		t.Errorf("deps-proef: amend names the clauses %v, want [nazorg]", d.clauses)
	}
	if cd := lib.Deps(lib.Lookup("deps-proef").Path); !cd.Static {
		t.Errorf("deps-proef: not cacheable: %+v", cd)
	}
}

// labelIDs are the question ids given to label and labels, which read
// the questionnaire only.
func labelIDs(in *clause.Inspection) []string {
	var out []string
	for _, c := range in.Calls {
		if (c.Func.Ident == "label" || c.Func.Ident == "labels") && len(c.Args) > 0 {
			ids, _ := in.Strings(c.Args[0])
			out = append(out, ids...)
		}
	}
	return out
}
