package clause

import (
	"slices"
	"text/template/parse"
)

// An Inspection is what one template's parse tree says about the names
// it uses, read by one walk (Inspect) with one set of rules. The load
// checks (check.go), the dependencies of the assembler's cache (deps.go)
// and amend's reasons for a change all read it.
//
// The rules: dot is the template's data at the top of the template, in
// the condition and the branches of an if, and in the pipeline and the
// else branch of range and with; inside range and with, dot is a value
// derived from the data. $ is always the data. A string argument may also
// be computed from string literals: a variable that only ever holds
// literals, lists of them (list, concat, append) or elements of those
// (index, range); it then stands for every literal it can hold (see
// Strings).
type Inspection struct {
	Texts     []*parse.TextNode       // the literal text, of every branch
	Templates []*parse.TemplateNode   // {{ template }} calls
	Funcs     []*parse.IdentifierNode // every function named, in order
	Calls     []Call                  // every command that calls a named function
	Fields    []Field                 // every field read
	// Opaque are the places where the template reaches its data in a way
	// the walk cannot follow: dot or $ as a whole, the whole answer map,
	// an answer id computed from anything but literals, a template call.
	Opaque []parse.Node

	decls []decl               // the pipelines that declare or assign variables
	vars  map[string]*strSet   // the strings each variable can hold (see varStrings)
	index []*parse.CommandNode // index .A id, resolved once vars are known
}

// A Call is a command whose first word names a function.
type Call struct {
	Func *parse.IdentifierNode
	Args []parse.Node // the arguments after the function, as written
}

// A Field is a value of the data or of dot that the template reads: a
// field chain (.A.x, .Gemeente, $.A.x, . itself) or an element of the
// answer map by index (index .A "x").
type Field struct {
	Node parse.Node
	Path []string // from dot: ["A", "x"]; empty for dot (or $) itself
	// Data says whether Path starts at the template's data: always for $,
	// and for dot where dot is the data.
	Data bool
	// Written says whether the path is written out in the template
	// (.A.x, $.A.x), rather than an id index takes from a variable or a
	// literal.
	Written bool
}

type decl struct {
	pipe    *parse.PipeNode
	inRange bool
}

// Inspect walks the tree once.
func Inspect(t *parse.Tree) *Inspection {
	in := &Inspection{}
	in.walk(t.Root, true)
	in.vars = varStrings(in.decls)
	in.resolveIndex()
	return in
}

// Strings returns every string the argument n can be, when the walk knows
// them: a literal, or a variable that only holds literals.
func (in *Inspection) Strings(n parse.Node) ([]string, bool) {
	set := exprStrings(n, in.vars)
	if set == nil {
		return nil, false
	}
	return set.list(), true
}

// walk visits n; top says whether dot is the template's data.
func (in *Inspection) walk(n parse.Node, top bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			in.walk(c, top)
		}
	case *parse.TextNode:
		in.Texts = append(in.Texts, n)
	case *parse.ActionNode:
		in.pipe(n.Pipe, top, false)
	case *parse.IfNode:
		in.branch(&n.BranchNode, top, top, false)
	case *parse.RangeNode:
		in.branch(&n.BranchNode, top, false, true)
	case *parse.WithNode:
		in.branch(&n.BranchNode, top, false, false)
	case *parse.TemplateNode:
		in.Templates = append(in.Templates, n)
		in.Opaque = append(in.Opaque, n) // another template's uses are not followed
		in.pipe(n.Pipe, top, false)
	case *parse.PipeNode:
		in.pipe(n, top, false)
	case *parse.CommandNode:
		in.command(n, top)
	case *parse.IdentifierNode:
		in.Funcs = append(in.Funcs, n)
	case *parse.FieldNode:
		in.Fields = append(in.Fields, Field{Node: n, Path: n.Ident, Data: top, Written: true})
	case *parse.VariableNode:
		if n.Ident[0] == "$" {
			in.Fields = append(in.Fields, Field{Node: n, Path: n.Ident[1:], Data: true, Written: true})
		}
	case *parse.ChainNode:
		in.walk(n.Node, top)
	case *parse.DotNode:
		if top {
			in.Fields = append(in.Fields, Field{Node: n, Data: true, Written: true})
		}
	}
}

// branch visits an if, range or with; inner says whether dot is still the
// data in its first list.
func (in *Inspection) branch(b *parse.BranchNode, top, inner, isRange bool) {
	in.pipe(b.Pipe, top, isRange)
	in.walk(b.List, inner)
	in.walk(b.ElseList, top)
}

func (in *Inspection) pipe(p *parse.PipeNode, top, isRange bool) {
	if p == nil {
		return
	}
	if len(p.Decl) > 0 {
		in.decls = append(in.decls, decl{p, isRange})
	}
	for _, c := range p.Cmds {
		in.command(c, top)
	}
}

func (in *Inspection) command(c *parse.CommandNode, top bool) {
	if len(c.Args) == 0 {
		return
	}
	fn, _ := c.Args[0].(*parse.IdentifierNode)
	if fn != nil && fn.Ident == "index" && len(c.Args) == 3 && isAnswerMap(c.Args[1], top) {
		// index .A id reads the answer id names; resolved once the
		// variables are known.
		in.Funcs = append(in.Funcs, fn)
		in.walk(c.Args[2], top)
		in.index = append(in.index, c)
		in.Calls = append(in.Calls, Call{Func: fn, Args: c.Args[1:]})
		return
	}
	for _, a := range c.Args {
		in.walk(a, top)
	}
	if fn != nil {
		in.Calls = append(in.Calls, Call{Func: fn, Args: c.Args[1:]})
	}
}

// resolveIndex adds the answers that index .A id reads, or marks the
// template opaque when the id can be anything.
func (in *Inspection) resolveIndex() {
	for _, c := range in.index {
		ids, ok := in.Strings(c.Args[2])
		if !ok {
			in.Opaque = append(in.Opaque, c)
			continue
		}
		for _, id := range ids {
			in.Fields = append(in.Fields, Field{Node: c.Args[2], Path: []string{"A", id}, Data: true})
		}
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

// Arg returns the string literal at argument i, or nil.
func (c Call) Arg(i int) *parse.StringNode {
	if i >= len(c.Args) {
		return nil
	}
	s, _ := c.Args[i].(*parse.StringNode)
	return s
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

// varStrings finds, for every variable declared or assigned in decls, the
// strings it can hold: the union over all its declarations and
// assignments, repeated until nothing changes, since a later assignment
// can feed an earlier use in a loop. A variable that is ever given a value
// the walk cannot follow maps to nil (unknown). Variables of the same name
// in different scopes share one set, which only makes the set larger.
func varStrings(decls []decl) map[string]*strSet {
	vars := map[string]*strSet{}
	poisoned := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			val := exprStrings(d.pipe, vars)
			vs := d.pipe.Decl
			if d.inRange && len(vs) == 2 {
				vs = vs[1:] // the first is the index or key
			}
			for _, v := range vs {
				if assign(vars, poisoned, v.Ident[0], val) {
					changed = true
				}
			}
		}
	}
	for name := range poisoned {
		vars[name] = nil
	}
	return vars
}

// assign adds the strings val can hold to the variable name, and reports
// whether that changed anything.
func assign(vars map[string]*strSet, poisoned map[string]bool, name string, val *strSet) bool {
	if poisoned[name] {
		return false
	}
	if val == nil {
		poisoned[name], vars[name] = true, nil
		return true
	}
	cur := vars[name]
	if cur == nil {
		cur = &strSet{m: map[string]bool{}}
		vars[name] = cur
	}
	changed := false
	for k := range val.m {
		if !cur.m[k] {
			cur.m[k], changed = true, true
		}
	}
	return changed
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
		return commandStrings(n, vars)
	}
	return nil
}

func commandStrings(n *parse.CommandNode, vars map[string]*strSet) *strSet {
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
