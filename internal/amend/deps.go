package amend

import (
	"slices"
	"text/template"

	"verordening/internal/clause"
)

// deps is what a clause's text depends on: the answers its template and
// its condition read, and the clauses it refers to or asks about.
type deps struct {
	answers []string
	clauses []string
}

// clauseDeps reads a clause's template through its clause.Inspection: the
// answers the cache tracks (clause.Deps: .A.x, index, cijfer, open), the
// questions whose source (bron) or labels (label, labels) it names, and
// the clauses it asks about (selected) or refers to (ref, Ref, refs); and
// it adds its condition's variables.
func clauseDeps(set *template.Template, c *clause.Clause) deps {
	var d deps
	if c.When != nil {
		d.answers = append(d.answers, c.When.Uses...)
	}
	if t := set.Lookup(c.Path); t != nil && t.Tree != nil {
		in := clause.Inspect(t.Tree)
		cd := in.Deps()
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
