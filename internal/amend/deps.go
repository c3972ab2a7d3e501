package amend

import (
	"slices"

	"verordening/internal/clause"
)

// deps is what a clause's text depends on: the answers its template and
// its condition read, and the clauses it refers to or asks about.
type deps struct {
	answers []string
	clauses []string
}

// clauseDeps reads a clause's template through the clause.Inspection the
// library made of it when it loaded: the answers the cache tracks
// (clause.Deps: .A.x, index, cijfer, open), the questions whose source
// (bron) or labels (label, labels) it names, and the clauses it asks about
// (selected) or refers to (ref, Ref, refs); and it adds its condition's
// variables.
func clauseDeps(lib *clause.Library, c *clause.Clause) deps {
	var d deps
	if c.When != nil {
		d.answers = append(d.answers, c.When.Uses...)
	}
	if in, cd := lib.Inspection(c.Path), lib.Deps(c.Path); in != nil && cd != nil {
		d.answers = append(d.answers, cd.Answers...)
		d.answers = append(d.answers, cd.Sources...)
		d.clauses = append(d.clauses, cd.Selected...)
		for _, call := range in.Calls {
			d.addCall(in, call)
		}
	}
	slices.Sort(d.answers)
	d.answers = slices.Compact(d.answers)
	slices.Sort(d.clauses)
	d.clauses = slices.Compact(d.clauses)
	return d
}

// addCall adds the question or clause ids that a call of label, labels,
// ref, Ref or refs names (refs: every argument; the others: the first).
func (d *deps) addCall(in *clause.Inspection, c clause.Call) {
	args := c.Args
	if c.Func.Ident != "refs" && len(args) > 1 {
		args = args[:1]
	}
	for _, a := range args {
		ids, ok := in.Strings(a)
		if !ok {
			continue
		}
		switch c.Func.Ident {
		case "label", "labels":
			d.answers = append(d.answers, ids...)
		case "ref", "Ref", "refs":
			d.clauses = append(d.clauses, ids...)
		}
	}
}
