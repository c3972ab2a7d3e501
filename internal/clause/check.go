package clause

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode/utf8"

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

// checkTemplate checks the names a parsed template uses: the functions
// it calls, the questions and clauses it names, and that it calls no other
// template.
func (l *Library) checkTemplate(name string, errs *source.ErrorList) {
	in := l.inspected[name]
	t := l.set.Lookup(name)
	if in == nil || t == nil || t.Tree == nil {
		return
	}
	at := func(n parse.Node) source.Pos { return nodePos(t.Tree, n) }
	for _, n := range in.Templates {
		errs.Add(at(n), "een clausule kan geen andere template aanroepen ({{template}}); schrijf de tekst uit")
	}
	for _, n := range in.Funcs {
		if !allowed(n.Ident) {
			errs.Add(at(n), "de functie %s is niet toegestaan in een clausule of documentkader (alleen functies die niets buiten de antwoorden lezen en begrensd zijn); docs/clause-format.md noemt de functies die u kunt gebruiken", n.Ident)
		}
	}
	for _, f := range in.Fields {
		if f.Written && len(f.Path) >= 2 && f.Path[0] == "A" && l.Questions.Lookup(f.Path[1]) == nil {
			errs.Add(at(f.Node), "onbekende vraag %q in .A.%s (zie questions/)", f.Path[1], f.Path[1])
		}
	}
	for _, c := range in.Calls {
		l.checkCall(t.Tree, c, at, errs)
	}
}

// nodePos gives the position of n in the file the tree was parsed from.
func nodePos(tree *parse.Tree, n parse.Node) source.Pos {
	loc, _ := tree.ErrorContext(n)
	// loc is "name:line:col"; the name may hold no colon (paths do not).
	parts := strings.Split(loc, ":")
	p := source.Pos{File: tree.ParseName}
	if len(parts) >= 3 {
		p.Line, _ = strconv.Atoi(parts[len(parts)-2])
		p.Col, _ = strconv.Atoi(parts[len(parts)-1])
		p.Col++ // text/template counts columns from 0
	}
	return p
}

// checkCall checks the arguments of a call of our own functions when they
// are string constants.
func (l *Library) checkCall(tree *parse.Tree, c Call, at func(parse.Node) source.Pos, errs *source.ErrorList) {
	fn, arg := c.Func, c.Arg(0)
	if arg == nil {
		return
	}
	switch fn.Ident {
	case "refs":
		for _, a := range c.Args {
			if s, ok := a.(*parse.StringNode); ok && l.Lookup(s.Text) == nil {
				errs.Warn(at(s), "refs verwijst naar onbekende clausule %q", s.Text)
			}
		}
	case "ref", "Ref", "selected":
		if fn.Ident != "selected" {
			l.recordRef(tree.ParseName, at(fn), c.Args)
		}
		// A warning, not an error: after a gemeente removes clauses from
		// its --content copy, check must still load and report what is no
		// longer covered. Assembly fails if the reference is ever reached.
		if arg.Text != "" && l.Lookup(arg.Text) == nil {
			errs.Warn(at(arg), "%s verwijst naar onbekende clausule %q", fn.Ident, arg.Text)
		}
	case "bron", "label", "labels", "cijfer", "open":
		q := l.Questions.Lookup(arg.Text)
		if q == nil {
			errs.Add(at(arg), "%s noemt onbekende vraag %q", fn.Ident, arg.Text)
			return
		}
		if v := c.Arg(1); fn.Ident == "label" && v != nil && !slices.Contains(q.OptionValues(), v.Text) {
			errs.Add(at(v), "%q is geen optie van %s (kies uit: %s)", v.Text, q.ID, strings.Join(q.OptionValues(), ", "))
		}
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
	headingRe = regexp.MustCompile(`^ {0,3}(#{1,6})([ \t]|$)`)
	ruleRe    = regexp.MustCompile(`^ {0,3}(=+|-{3,}|\*{3,}|_{3,})[ \t]*$`)
	rawHTMLRe = regexp.MustCompile(`<[A-Za-z/!?]`)
)

// checkBody refuses what the format forbids in a clause's text: headings
// (other than the line "## Toelichting" and, below it, "### " headings of
// the toelichting), lines that Markdown reads as a heading underline or a
// rule, and raw HTML, which the HTML output would drop or pass through.
// Only the literal text of the template is checked: what the template
// prints comes from answers, which are escaped.
func checkBody(name, body string, texts []*parse.TextNode, errs *source.ErrorList) {
	split := len(body)
	if start, _ := ToelichtingAt(body); start >= 0 {
		split = start
	}
	for _, n := range texts {
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
	}
}

func checkLine(name, body, line string, off int, atStart, inNote bool, errs *source.ErrorList) {
	// The cheap tests come first: most lines hold no "<" and start with
	// a letter, and the regular expressions were a tenth of loading.
	if strings.IndexByte(line, '<') >= 0 {
		if loc := rawHTMLRe.FindStringIndex(line); loc != nil {
			errs.Add(lineCol(name, body, off+loc[0]), "HTML in de tekst van een clausule is niet toegestaan (de HTML-uitvoer zou het weglaten); schrijf gewone tekst, *cursief* of **vet**")
		}
	}
	if !atStart {
		return
	}
	if first := strings.TrimLeft(line, " "); first == "" || !strings.ContainsRune("#=-*_", rune(first[0])) {
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

// lineCol gives the position of byte off of text in file name.
func lineCol(name, text string, off int) source.Pos {
	off = min(off, len(text))
	before := text[:off]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return source.Pos{File: name, Line: line, Col: col}
}
