package clause

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode/utf8"

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
		p.Col++ // text/template counts columns from 0
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
	case *parse.IdentifierNode:
		if !allowed(n.Ident) {
			w.errs.Add(w.at(n), "de functie %s is niet toegestaan in een clausule of documentkader (alleen functies die niets buiten de antwoorden lezen en begrensd zijn); docs/clause-format.md noemt de functies die u kunt gebruiken", n.Ident)
		}
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
		if fn.Ident != "selected" {
			w.lib.recordRef(w.tree.ParseName, w.at(fn), c.Args[1:])
		}
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

// recordRef keeps where a ref with constant arguments is written, so that
// a reference that cannot be resolved once the articles are numbered (a
// lid label that does not exist) is reported there.
func (l *Library) recordRef(file string, pos source.Pos, args []parse.Node) {
	var key []string
	for _, a := range args {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return
		}
		key = append(key, s.Text)
	}
	if l.refPos == nil {
		l.refPos = map[string]source.Pos{}
	}
	for _, k := range []string{refKey(file, key...), refKey(file, key[0])} {
		if _, ok := l.refPos[k]; !ok {
			l.refPos[k] = pos
		}
	}
}

func refKey(file string, args ...string) string {
	for len(args) > 1 && args[len(args)-1] == "" {
		args = args[:len(args)-1]
	}
	return file + "\x00" + strings.Join(args, "\x00")
}

// RefPos gives where template file calls ref (or Ref) with these
// arguments (target, lid label, item label), or failing that the first
// ref in file to the same target.
func (l *Library) RefPos(file, target, lid, item string) (source.Pos, bool) {
	if p, ok := l.refPos[refKey(file, target, lid, item)]; ok {
		return p, true
	}
	p, ok := l.refPos[refKey(file, target)]
	return p, ok
}

var (
	headingRe   = regexp.MustCompile(`^ {0,3}(#{1,6})([ \t]|$)`)
	ruleRe      = regexp.MustCompile(`^ {0,3}(=+|-{3,}|\*{3,}|_{3,})[ \t]*$`)
	rawHTMLRe   = regexp.MustCompile(`<[A-Za-z/!?]`)
	toelichting = regexp.MustCompile(`(?m)^## Toelichting[ \t]*\r?$`)
)

// checkBody refuses what the format forbids in a clause's text: headings
// (other than the line "## Toelichting" and, below it, "### " headings of
// the toelichting), lines that Markdown reads as a heading underline or a
// rule, and raw HTML, which the HTML output would drop or pass through.
// Only the literal text of the template is checked: what the template
// prints comes from answers, which are escaped.
func checkBody(name, body string, tree *parse.Tree, errs *source.ErrorList) {
	split := len(body)
	if loc := toelichting.FindStringIndex(body); loc != nil {
		split = loc[0]
	}
	eachText(tree.Root, func(n *parse.TextNode) {
		start := int(n.Pos)
		text := string(n.Text)
		for i := 0; i < len(text); {
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += i
			}
			off := start + i
			atStart := off == 0 || (off <= len(body) && body[off-1] == '\n')
			checkLine(name, body, text[i:end], off, atStart, off >= split, errs)
			i = end + 1
		}
	})
}

func checkLine(name, body, line string, off int, atStart, inNote bool, errs *source.ErrorList) {
	if loc := rawHTMLRe.FindStringIndex(line); loc != nil {
		errs.Add(lineCol(name, body, off+loc[0]), "HTML in de tekst van een clausule is niet toegestaan (de HTML-uitvoer zou het weglaten); schrijf gewone tekst, *cursief* of **vet**")
	}
	if !atStart {
		return
	}
	line = strings.TrimRight(line, "\r")
	if m := headingRe.FindStringSubmatch(line); m != nil {
		if line == "## Toelichting" || (inNote && m[1] == "###") {
			return
		}
		msg := "een kop (#) in de tekst van een artikel is niet toegestaan; het artikel krijgt zijn kop van title, en de toelichting begint bij de regel \"## Toelichting\""
		if inNote {
			msg = "in de toelichting van een clausule zijn alleen koppen \"### \" toegestaan"
		}
		errs.Add(lineCol(name, body, off), "%s", msg)
		return
	}
	if ruleRe.MatchString(line) {
		errs.Add(lineCol(name, body, off), "een regel met alleen %q maakt in Markdown een kop of een lijn; dat is in een clausule niet toegestaan", strings.TrimSpace(line))
	}
}

// eachText calls f for every text node of the tree, in every branch.
func eachText(n parse.Node, f func(*parse.TextNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			eachText(c, f)
		}
	case *parse.TextNode:
		f(n)
	case *parse.IfNode:
		eachText(n.List, f)
		eachText(n.ElseList, f)
	case *parse.RangeNode:
		eachText(n.List, f)
		eachText(n.ElseList, f)
	case *parse.WithNode:
		eachText(n.List, f)
		eachText(n.ElseList, f)
	}
}

// lineCol gives the position of byte off of text in file name.
func lineCol(name, text string, off int) source.Pos {
	off = min(off, len(text))
	before := text[:off]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return source.Pos{File: name, Line: line, Col: col}
}
