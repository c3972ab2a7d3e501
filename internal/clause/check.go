package clause

import (
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"verordening/internal/question"
	"verordening/internal/source"
)

// checkLinks checks what ties the files together: chapters, requirement
// ids, defined terms, and the names templates use (answers, clauses,
// questions), so that a mistake shows when the library loads rather than
// only for the answers that happen to reach it.
func (l *Library) checkLinks(errs *source.ErrorList) {
	defined := map[string]bool{}
	for _, d := range l.Definitions {
		defined[d.Defines] = true
	}
	used := map[string]bool{}
	for _, c := range append(slices.Clone(l.Clauses), l.Definitions...) {
		l.checkClauseLinks(c, defined, errs)
		for _, t := range c.Uses {
			used[t] = true
		}
		l.checkTemplate(c.Path, errs)
	}
	for _, d := range l.Definitions {
		if !used[d.Defines] {
			errs.Add(d.Pos, "het begrip %q wordt door geen enkele clausule gebruikt (uses); verwijder de definitie of gebruik het begrip", d.Defines)
		}
	}
	for _, t := range l.set.Templates() {
		if strings.HasPrefix(t.Name(), "templates/") {
			l.checkTemplate(t.Name(), errs)
		}
	}
}

func (l *Library) checkClauseLinks(c *Clause, defined map[string]bool, errs *source.ErrorList) {
	// A document listed without chapters (the informatieblad) takes its
	// clauses directly; one with chapters needs a known chapter.
	chapters := l.Chapters[c.Document]
	known := slices.ContainsFunc(chapters, func(ch Chapter) bool { return ch.ID == c.Chapter })
	if !c.IsDefinition() && (len(chapters) > 0 || c.Chapter != "") && !known {
		errs.Add(c.Pos, "%s: onbekend hoofdstuk %q voor %s (zie clauses/hoofdstukken.yaml)", c.ID, c.Chapter, c.Document)
	}
	for _, id := range c.Covers {
		if l.Requirement(id) == nil {
			errs.Add(c.Pos, "%s: covers noemt onbekende eis %q (zie clauses/eisen.yaml)", c.ID, id)
		}
	}
	for _, t := range c.Uses {
		if !defined[t] {
			errs.Add(c.Pos, "%s: uses noemt %q, maar dat begrip is niet gedefinieerd in clauses/begrippen/", c.ID, t)
		}
	}
}

// checkTemplate walks a parsed template for names that cannot resolve.
func (l *Library) checkTemplate(name string, errs *source.ErrorList) {
	t := l.set.Lookup(name)
	if t == nil || t.Tree == nil {
		return
	}
	w := &walker{lib: l, tree: t.Tree, errs: errs}
	w.walk(t.Tree.Root)
}

type walker struct {
	lib  *Library
	tree *parse.Tree
	errs *source.ErrorList
}

func (w *walker) at(n parse.Node) source.Pos {
	loc, _ := w.tree.ErrorContext(n)
	// loc is "name:line:col"; the name may hold no colon (paths do not).
	parts := strings.Split(loc, ":")
	p := source.Pos{File: w.tree.ParseName}
	if len(parts) >= 3 {
		p.Line, _ = strconv.Atoi(parts[len(parts)-2])
		p.Col, _ = strconv.Atoi(parts[len(parts)-1])
	}
	return p
}

func (w *walker) walk(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c)
		}
	case *parse.ActionNode:
		w.walk(n.Pipe)
	case *parse.IfNode:
		w.branch(&n.BranchNode)
	case *parse.RangeNode:
		w.branch(&n.BranchNode)
	case *parse.WithNode:
		w.branch(&n.BranchNode)
	case *parse.TemplateNode:
		w.errs.Add(w.at(n), "een clausule kan geen andere template aanroepen ({{template}}); schrijf de tekst uit")
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			w.command(c)
		}
	case *parse.FieldNode:
		w.field(n, n.Ident)
	case *parse.ChainNode:
		w.walk(n.Node)
	}
}

func (w *walker) branch(b *parse.BranchNode) {
	w.walk(b.Pipe)
	w.walk(b.List)
	w.walk(b.ElseList)
}

func (w *walker) field(n parse.Node, ident []string) {
	if len(ident) >= 2 && ident[0] == "A" && w.lib.Questions.Lookup(ident[1]) == nil {
		w.errs.Add(w.at(n), "onbekende vraag %q in .A.%s (zie questions/)", ident[1], ident[1])
	}
}

// command checks the arguments of calls to our own functions when they
// are string constants.
func (w *walker) command(c *parse.CommandNode) {
	for _, a := range c.Args {
		w.walk(a)
	}
	if len(c.Args) < 2 {
		return
	}
	fn, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok {
		return
	}
	arg, ok := c.Args[1].(*parse.StringNode)
	if !ok {
		return
	}
	switch fn.Ident {
	case "refs":
		for _, a := range c.Args[1:] {
			if s, ok := a.(*parse.StringNode); ok && w.lib.Lookup(s.Text) == nil {
				w.errs.Warn(w.at(s), "refs verwijst naar onbekende clausule %q", s.Text)
			}
		}
	case "ref", "Ref", "selected":
		// A warning, not an error: after a gemeente removes clauses from
		// its --content copy, check must still load and report what is no
		// longer covered. Assembly fails if the reference is ever reached.
		if arg.Text != "" && w.lib.Lookup(arg.Text) == nil {
			w.errs.Warn(w.at(arg), "%s verwijst naar onbekende clausule %q", fn.Ident, arg.Text)
		}
	case "bron", "label", "labels", "cijfer", "open":
		q := w.lib.Questions.Lookup(arg.Text)
		if q == nil {
			w.errs.Add(w.at(arg), "%s noemt onbekende vraag %q", fn.Ident, arg.Text)
			return
		}
		w.labelValue(fn.Ident, q, c.Args)
	}
}

func (w *walker) labelValue(fn string, q *question.Question, args []parse.Node) {
	if fn != "label" || len(args) < 3 {
		return
	}
	if v, ok := args[2].(*parse.StringNode); ok && !slices.Contains(q.OptionValues(), v.Text) {
		w.errs.Add(w.at(v), "%q is geen optie van %s (kies uit: %s)", v.Text, q.ID, strings.Join(q.OptionValues(), ", "))
	}
}
