package clause

import (
	"slices"
	"text/template/parse"
)

// Deps is what a template's output can depend on, read from its parse
// tree: the answers it reads, the clauses whose selection it asks for,
// the questions whose source it names and the other fields of its data.
// The assembler uses it to reuse a clause's text across builds whose
// answers agree on exactly these values (a region builds hundreds of
// gemeenten that differ in a few answers).
//
// Every function a template can call is either pure (sprig's hermetic
// map, the formatters, label and labels, which read only the
// questionnaire, and the reference functions, which write placeholders
// resolved after assembly) or listed here by its literal argument
// (selected, bron, and cijfer and open, which read the answer they name). A template that reaches its data in a way this walk
// cannot follow — the whole answer map, a non-literal argument to
// selected or bron, the root data passed on — is not Static, and is run
// every time.
type Deps struct {
	Static   bool
	Answers  []string // question ids read as .A.id
	Selected []string // clause ids passed to selected
	Sources  []string // question ids passed to bron
	Fields   []string // other fields of the data: Gemeente, Citeertitel, GeletOp
}

// Deps returns the dependencies of the template name, or nil when there
// is no such template.
func (l *Library) Deps(name string) *Deps { return l.deps[name] }

func (l *Library) computeDeps() {
	l.deps = map[string]*Deps{}
	for _, t := range l.set.Templates() {
		if t.Tree == nil {
			continue
		}
		l.deps[t.Name()] = treeDeps(t.Tree)
	}
}

func treeDeps(t *parse.Tree) *Deps {
	w := &depWalker{d: &Deps{Static: true}}
	w.walk(t.Root, true)
	d := w.d
	for _, s := range []*[]string{&d.Answers, &d.Selected, &d.Sources, &d.Fields} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	return d
}

type depWalker struct{ d *Deps }

// literalFuncs are the template functions whose output depends on the
// answers through the id they are given.
var literalFuncs = []string{"selected", "bron", "cijfer", "open"}

// walk visits n; top says whether dot is still the template's data (it is
// not inside range and with, where dot is a value derived from the data).
func (w *depWalker) walk(n parse.Node, top bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c, top)
		}
	case *parse.ActionNode:
		w.walk(n.Pipe, top)
	case *parse.IfNode:
		w.branch(&n.BranchNode, top, top)
	case *parse.RangeNode:
		w.branch(&n.BranchNode, top, false)
	case *parse.WithNode:
		w.branch(&n.BranchNode, top, false)
	case *parse.TemplateNode:
		// Another template's dependencies are not followed.
		w.d.Static = false
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			w.command(c, top)
		}
	case *parse.CommandNode:
		w.command(n, top)
	case *parse.FieldNode:
		if top {
			w.field(n.Ident)
		}
	case *parse.VariableNode:
		if n.Ident[0] == "$" {
			w.field(n.Ident[1:])
		}
	case *parse.ChainNode:
		w.walk(n.Node, top)
	case *parse.DotNode:
		if top {
			w.d.Static = false
		}
	}
}

// branch visits an if, range or with; inner says whether dot is still the
// data in its first list.
func (w *depWalker) branch(b *parse.BranchNode, top, inner bool) {
	w.walk(b.Pipe, top)
	w.walk(b.List, inner)
	w.walk(b.ElseList, top)
}

// field records a field path of the template's data.
func (w *depWalker) field(ident []string) {
	switch {
	case len(ident) == 0:
		w.d.Static = false // the root data itself
	case ident[0] == "A":
		if len(ident) < 2 {
			w.d.Static = false // the whole answer map
			return
		}
		w.d.Answers = append(w.d.Answers, ident[1])
	default:
		w.d.Fields = append(w.d.Fields, ident[0])
	}
}

func (w *depWalker) command(c *parse.CommandNode, top bool) {
	for _, a := range c.Args {
		w.walk(a, top)
	}
	if len(c.Args) == 0 {
		return
	}
	fn, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || !slices.Contains(literalFuncs, fn.Ident) {
		return
	}
	var arg *parse.StringNode
	if len(c.Args) == 2 {
		arg, _ = c.Args[1].(*parse.StringNode)
	}
	if arg == nil {
		// The argument comes from a pipeline or a variable.
		w.d.Static = false
		return
	}
	switch fn.Ident {
	case "selected":
		w.d.Selected = append(w.d.Selected, arg.Text)
	case "bron":
		w.d.Sources = append(w.d.Sources, arg.Text)
	default: // cijfer, open: the answer itself
		w.d.Answers = append(w.d.Answers, arg.Text)
	}
}
