package amend

import (
	"slices"
	"text/template"
	"text/template/parse"

	"verordening/internal/clause"
)

// deps is what a clause's text depends on: the answers its template and
// its condition read, and the clauses it refers to or asks about.
type deps struct {
	answers []string
	clauses []string
}

// clauseDeps reads a clause's template for the answers (.A.x, and the
// question ids given to bron, label and labels) and the clause ids (given
// to ref, Ref, refs and selected) it uses, and adds its condition's
// variables.
func clauseDeps(set *template.Template, c *clause.Clause) deps {
	var d deps
	if c.When != nil {
		d.answers = append(d.answers, c.When.Uses...)
	}
	if t := set.Lookup(c.Path); t != nil && t.Tree != nil {
		walkDeps(t.Tree.Root, &d)
	}
	slices.Sort(d.answers)
	d.answers = slices.Compact(d.answers)
	slices.Sort(d.clauses)
	d.clauses = slices.Compact(d.clauses)
	return d
}

func walkDeps(n parse.Node, d *deps) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkDeps(c, d)
		}
	case *parse.ActionNode:
		walkDeps(n.Pipe, d)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, d)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, d)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, d)
	case *parse.TemplateNode:
		walkDeps(n.Pipe, d)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkDeps(c, d)
		}
	case *parse.CommandNode:
		if len(n.Args) > 0 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok {
				args := n.Args[1:]
				if id.Ident != "refs" && len(args) > 1 {
					args = args[:1] // only the first argument names a clause or question
				}
				for _, a := range args {
					s, ok := a.(*parse.StringNode)
					if !ok {
						continue
					}
					switch id.Ident {
					case "bron", "label", "labels":
						d.answers = append(d.answers, s.Text)
					case "ref", "Ref", "refs", "selected":
						d.clauses = append(d.clauses, s.Text)
					}
				}
			}
		}
		for _, a := range n.Args {
			walkDeps(a, d)
		}
	case *parse.FieldNode:
		if len(n.Ident) >= 2 && n.Ident[0] == "A" {
			d.answers = append(d.answers, n.Ident[1])
		}
	case *parse.ChainNode:
		walkDeps(n.Node, d)
	}
}

func walkBranch(b *parse.BranchNode, d *deps) {
	walkDeps(b.Pipe, d)
	walkDeps(b.List, d)
	walkDeps(b.ElseList, d)
}
