package clause

import (
	"slices"
)

// Deps is what a template's output can depend on, read from its
// Inspection: the answers it reads, the clauses whose selection it asks
// for, the questions whose source it names and the other fields of its
// data. The assembler uses it to reuse a clause's text across builds
// whose answers agree on exactly these values (a region builds hundreds
// of gemeenten that differ in a few answers).
//
// Every function a template can call is either pure (sprig's hermetic
// map, the formatters, label and labels, which read only the
// questionnaire, and the reference functions, which write placeholders
// resolved after assembly) or listed here by its argument (selected,
// bron, and cijfer and open, which read the answer they name), which may
// be a literal or a variable of literals (Inspection.Strings). A template
// that reaches its data in a way the inspection cannot follow (its
// Opaque places) is not Static, and is run every time.
type Deps struct {
	Static   bool
	Answers  []string // question ids read as .A.id, index .A id, cijfer id, open id
	Selected []string // clause ids passed to selected
	Sources  []string // question ids passed to bron
	Fields   []string // other fields of the data: Gemeente, Citeertitel, GeletOp
}

// Deps returns the dependencies of the template name, or nil when there
// is no such template.
func (l *Library) Deps(name string) *Deps { return l.deps[name] }

// Inspection returns the inspection of the template name, or nil when
// there is no such template.
func (l *Library) Inspection(name string) *Inspection { return l.inspected[name] }

// inspect inspects every template of the set that loading the clauses
// did not (frames, and what a clause defines), and derives the
// dependencies of each.
func (l *Library) inspect() {
	l.deps = map[string]*Deps{}
	for _, t := range l.set.Templates() {
		if t.Tree == nil {
			continue
		}
		in := l.inspected[t.Name()]
		if in == nil {
			in = Inspect(t.Tree)
			l.inspected[t.Name()] = in
		}
		l.deps[t.Name()] = in.Deps()
	}
}

// literalFuncs are the template functions whose output depends on the
// answers through the id they are given.
var literalFuncs = []string{"selected", "bron", "cijfer", "open"}

// Deps derives what the template's output depends on.
func (in *Inspection) Deps() *Deps {
	d := &Deps{Static: len(in.Opaque) == 0}
	for _, f := range in.Fields {
		if f.Data && !d.field(f.Path) {
			d.Static = false
		}
	}
	for _, c := range in.Calls {
		if !slices.Contains(literalFuncs, c.Func.Ident) {
			continue
		}
		if !d.call(in, c) {
			// The argument comes from something the walk cannot follow.
			d.Static = false
		}
	}
	for _, s := range []*[]string{&d.Answers, &d.Selected, &d.Sources, &d.Fields} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	return d
}

// field records a field path of the template's data; it reports false
// for the data or the answer map as a whole.
func (d *Deps) field(path []string) bool {
	switch {
	case len(path) == 0:
		return false
	case path[0] == "A":
		if len(path) < 2 {
			return false
		}
		d.Answers = append(d.Answers, path[1])
	default:
		d.Fields = append(d.Fields, path[0])
	}
	return true
}

// call records the ids a call of a literal function names; it reports
// false when they are not known.
func (d *Deps) call(in *Inspection, c Call) bool {
	if len(c.Args) != 1 {
		return false
	}
	ids, ok := in.Strings(c.Args[0])
	if !ok {
		return false
	}
	switch c.Func.Ident {
	case "selected":
		d.Selected = append(d.Selected, ids...)
	case "bron":
		d.Sources = append(d.Sources, ids...)
	default: // cijfer, open: the answer itself
		d.Answers = append(d.Answers, ids...)
	}
	return true
}
