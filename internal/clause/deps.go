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
// (selected, bron, and cijfer and open, which read the answer they name,
// and index on the answer map). Such an id may also be computed from
// string literals of the template: a variable that only ever holds
// literals, lists of them (list, concat, append) or elements of those
// (index, range), as in a table of rows (list "label" "id"); then every
// literal it can hold counts as used (varStrings). A template that
// reaches its data in a way this walk cannot follow — the whole answer
// map, an id computed from anything else, the root data passed on — is
// not Static, and is run every time.
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
	vars := varStrings(t.Root)
	w := &depWalker{d: &Deps{Static: true}, vars: vars}
	w.walk(t.Root, true)
	d := w.d
	for _, s := range []*[]string{&d.Answers, &d.Selected, &d.Sources, &d.Fields} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	return d
}

type depWalker struct {
	d    *Deps
	vars map[string]*strSet // see varStrings
}

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
	if len(c.Args) == 0 {
		return
	}
	fn, _ := c.Args[0].(*parse.IdentifierNode)
	if fn != nil && fn.Ident == "index" && len(c.Args) == 3 && isAnswerMap(c.Args[1], top) {
		// index .A id: the answer id names, when the walk knows every id
		// it can be.
		w.walk(c.Args[2], top)
		if ids, ok := w.strings(c.Args[2]); ok {
			w.d.Answers = append(w.d.Answers, ids...)
		} else {
			w.d.Static = false
		}
		return
	}
	for _, a := range c.Args {
		w.walk(a, top)
	}
	if fn == nil || !slices.Contains(literalFuncs, fn.Ident) {
		return
	}
	var ids []string
	ok := len(c.Args) == 2
	if ok {
		ids, ok = w.strings(c.Args[1])
	}
	if !ok {
		// The argument comes from something the walk cannot follow.
		w.d.Static = false
		return
	}
	switch fn.Ident {
	case "selected":
		w.d.Selected = append(w.d.Selected, ids...)
	case "bron":
		w.d.Sources = append(w.d.Sources, ids...)
	default: // cijfer, open: the answer itself
		w.d.Answers = append(w.d.Answers, ids...)
	}
}

// isAnswerMap reports whether n is the answer map itself: .A where dot
// is the data, or $.A.
func isAnswerMap(n parse.Node, top bool) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return top && len(n.Ident) == 1 && n.Ident[0] == "A"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "A"
	}
	return false
}

// strings returns every string the argument n can be, when that is known.
func (w *depWalker) strings(n parse.Node) ([]string, bool) {
	set := exprStrings(n, w.vars)
	if set == nil {
		return nil, false
	}
	return set.list(), true
}

// A strSet is the strings a value can hold, or contain: a literal, or a
// list of literals and lists. A nil *strSet means unknown.
type strSet struct{ m map[string]bool }

func (s *strSet) list() []string {
	out := make([]string, 0, len(s.m))
	for k := range s.m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// varStrings finds, for every variable of the tree, the strings it can
// hold: the union over all its declarations and assignments, repeated
// until nothing changes, since a later assignment can feed an earlier
// use in a loop. A variable that is ever given a value the walk cannot
// follow maps to nil (unknown). Variables of the same name in different
// scopes share one set, which only makes the set larger.
func varStrings(root parse.Node) map[string]*strSet {
	vars := map[string]*strSet{}
	poisoned := map[string]bool{}
	for changed := true; changed; {
		changed = false
		visitPipes(root, func(p *parse.PipeNode, isRange bool) {
			if len(p.Decl) == 0 {
				return
			}
			val := exprStrings(p, vars)
			decl := p.Decl
			if isRange && len(decl) == 2 {
				decl = decl[1:] // the first is the index or key
			}
			for _, v := range decl {
				name := v.Ident[0]
				if poisoned[name] {
					continue
				}
				if val == nil {
					poisoned[name], vars[name], changed = true, nil, true
					continue
				}
				cur := vars[name]
				if cur == nil {
					cur = &strSet{m: map[string]bool{}}
					vars[name] = cur
				}
				for k := range val.m {
					if !cur.m[k] {
						cur.m[k], changed = true, true
					}
				}
			}
		})
	}
	for name := range poisoned {
		vars[name] = nil
	}
	return vars
}

// exprStrings returns the strings the value of n can hold or contain,
// or nil when it is not made of literals and such variables only.
func exprStrings(n parse.Node, vars map[string]*strSet) *strSet {
	switch n := n.(type) {
	case *parse.StringNode:
		return &strSet{m: map[string]bool{n.Text: true}}
	case *parse.NumberNode, *parse.BoolNode:
		return &strSet{m: map[string]bool{}}
	case *parse.VariableNode:
		if len(n.Ident) != 1 {
			return nil // a field of a variable
		}
		s, ok := vars[n.Ident[0]]
		if !ok {
			return nil
		}
		return s
	case *parse.PipeNode:
		if n == nil || len(n.Cmds) != 1 {
			return nil
		}
		return exprStrings(n.Cmds[0], vars)
	case *parse.CommandNode:
		if len(n.Args) == 1 {
			return exprStrings(n.Args[0], vars)
		}
		fn, ok := n.Args[0].(*parse.IdentifierNode)
		if !ok {
			return nil
		}
		args := n.Args[1:]
		switch fn.Ident {
		case "list", "concat", "append":
		case "index":
			args = args[:1] // an element of the first argument
		default:
			return nil
		}
		out := &strSet{m: map[string]bool{}}
		for _, a := range args {
			s := exprStrings(a, vars)
			if s == nil {
				return nil
			}
			for k := range s.m {
				out.m[k] = true
			}
		}
		return out
	}
	return nil
}

// visitPipes calls f for every pipeline of the tree, saying whether it
// is the pipeline of a range.
func visitPipes(n parse.Node, f func(p *parse.PipeNode, isRange bool)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			visitPipes(c, f)
		}
	case *parse.ActionNode:
		visitPipes(n.Pipe, f)
	case *parse.IfNode:
		visitBranch(&n.BranchNode, false, f)
	case *parse.RangeNode:
		visitBranch(&n.BranchNode, true, f)
	case *parse.WithNode:
		visitBranch(&n.BranchNode, false, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		f(n, false)
		for _, c := range n.Cmds {
			for _, a := range c.Args {
				visitPipes(a, f)
			}
		}
	}
}

func visitBranch(b *parse.BranchNode, isRange bool, f func(p *parse.PipeNode, isRange bool)) {
	if b.Pipe != nil {
		f(b.Pipe, isRange)
		for _, c := range b.Pipe.Cmds {
			for _, a := range c.Args {
				visitPipes(a, f)
			}
		}
	}
	visitPipes(b.List, f)
	visitPipes(b.ElseList, f)
}
