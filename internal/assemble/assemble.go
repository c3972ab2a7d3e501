// Package assemble turns a gemeente's answers and the clause library into
// numbered documents: it selects clauses, runs their templates, numbers
// articles, leden and onderdelen, resolves references, fills the
// begripsbepalingen and checks coverage of the legal requirements.
package assemble

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"verordening/internal/answer"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/question"
	"verordening/internal/source"
)

// Chosen is a clause chosen for the answers, with the rule that chose it.
type Chosen struct {
	Clause *clause.Clause
	Reason string
}

// Result is everything assembled for one gemeente.
type Result struct {
	Verordening *document.Document
	Coverage    *Coverage
	Chosen      []Chosen
}

// Build assembles the verordening and its coverage for the answers.
func Build(lib *clause.Library, ans *answer.Answers) (*Result, error) {
	b := newBuilder(lib, ans)
	res := &Result{}
	res.Chosen = b.selectClauses("verordening")
	if b.errs.HasErrors() {
		return nil, b.result()
	}
	res.Verordening = b.regulation("verordening", res.Chosen)
	if b.errs.HasErrors() {
		return nil, b.result()
	}
	res.Coverage = coverage(lib, res.Chosen, res.Verordening)
	return res, nil
}

// builder holds the state of one build.
type builder struct {
	lib    *clause.Library
	ans    *answer.Answers
	tmpl   *template.Template
	data   *tmplData
	chosen map[string]bool
	errs   source.ErrorList
}

// tmplData is what templates see as ".".
type tmplData struct {
	A           map[string]any
	Gemeente    string
	Citeertitel string
	GeletOp     string
}

func newBuilder(lib *clause.Library, ans *answer.Answers) *builder {
	b := &builder{lib: lib, ans: ans, chosen: map[string]bool{}}
	b.data = &tmplData{A: templateAnswers(ans), Gemeente: format.EscapeMarkdown(ans.Gemeente)}
	b.data.Citeertitel = citeertitel(ans)
	b.tmpl = lib.Templates().Funcs(b.funcs())
	return b
}

// templateAnswers gives every question its value; free text is escaped
// here, once, so that no template can print an answer as markup.
func templateAnswers(ans *answer.Answers) map[string]any {
	qs := ans.Questionnaire()
	m := make(map[string]any, len(qs.Questions))
	for _, q := range qs.Questions {
		v := ans.Get(q.ID)
		if s, ok := v.(string); ok && q.Type == question.Tekst {
			v = format.EscapeMarkdown(s)
		}
		m[q.ID] = v
	}
	return m
}

func citeertitel(ans *answer.Answers) string {
	if s, _ := ans.Get("citeertitel").(string); strings.TrimSpace(s) != "" {
		return format.EscapeMarkdown(s)
	}
	t := "Verordening jobcoaching " + format.EscapeMarkdown(ans.Gemeente)
	if d, _ := ans.Get("inwerkingtreding").(string); len(d) >= 4 {
		t += " " + d[:4]
	}
	return t
}

func (b *builder) result() error {
	b.errs.Sort()
	return b.errs
}

// selectClauses chooses the clauses of a document whose conditions hold and
// checks that no two variants of a group are chosen together.
func (b *builder) selectClauses(doc string) []Chosen {
	env := b.ans.Env()
	var out []Chosen
	groups := map[string]*clause.Clause{}
	for _, c := range b.lib.Document(doc) {
		ok, err := c.When.Eval(env)
		b.errs.Append(c.Pos, err)
		if !ok {
			continue
		}
		if c.Kind == clause.Variant {
			if prev := groups[c.Group]; prev != nil {
				b.errs.Add(c.Pos, "varianten %s en %s van groep %q gelden allebei voor deze antwoorden; maak hun voorwaarden uitsluitend", prev.ID, c.ID, c.Group)
				continue
			}
			groups[c.Group] = c
		}
		out = append(out, Chosen{Clause: c, Reason: reason(c)})
		b.chosen[c.ID] = true
	}
	return out
}

func reason(c *clause.Clause) string {
	if c.When == nil || c.When.Src == "" {
		return "vaste bepaling"
	}
	return "omdat " + c.When.Src
}

// regulation assembles a numbered regulation from the chosen clauses.
func (b *builder) regulation(doc string, chosen []Chosen) *document.Document {
	d := &document.Document{Kind: document.Kind(doc), Gemeente: b.ans.Gemeente,
		Title: b.data.Citeertitel, Citeertitel: b.data.Citeertitel}
	d.Subject = "Regels over jobcoaching op grond van artikel 8a van de Participatiewet"
	var defs *document.Article
	var basis []clause.StatuteRef
	for _, ch := range b.chapters(doc, chosen) {
		d.Chapters = append(d.Chapters, ch.doc)
		for _, c := range ch.clauses {
			art := b.article(c)
			if art == nil {
				continue
			}
			ch.doc.Articles = append(ch.doc.Articles, art)
			basis = append(basis, c.Basis...)
			if hasDefsMarker(art) {
				defs = art
			}
		}
	}
	number(d)
	b.definitions(d, defs, chosen)
	resolveRefs(d, func(art *document.Article, msg string) {
		b.errs.Add(b.lib.Lookup(art.ID).Pos, "%s", msg)
	})
	b.data.GeletOp = clause.GeletOp(basis)
	b.frame(d, doc)
	return d
}

type chapterPlan struct {
	doc     *document.Chapter
	clauses []*clause.Clause
}

// chapters groups the chosen clauses by chapter, dropping empty chapters.
func (b *builder) chapters(doc string, chosen []Chosen) []chapterPlan {
	defs := b.lib.Chapters[doc]
	if len(defs) == 0 {
		plan := chapterPlan{doc: &document.Chapter{}}
		for _, c := range chosen {
			plan.clauses = append(plan.clauses, c.Clause)
		}
		return []chapterPlan{plan}
	}
	var out []chapterPlan
	for _, ch := range defs {
		plan := chapterPlan{doc: &document.Chapter{Title: ch.Title}}
		for _, c := range chosen {
			if c.Clause.Chapter == ch.ID {
				plan.clauses = append(plan.clauses, c.Clause)
			}
		}
		if len(plan.clauses) > 0 {
			plan.doc.Number = fmt.Sprint(len(out) + 1)
			out = append(out, plan)
		}
	}
	return out
}

var toelichtingLine = regexp.MustCompile(`(?m)^## Toelichting[ \t]*$`)

// execute runs a template and splits its output into the text and the
// toelichting.
func (b *builder) execute(c *clause.Clause) (text, note string, ok bool) {
	var sb strings.Builder
	if err := b.tmpl.ExecuteTemplate(&sb, c.Path, b.data); err != nil {
		b.errs.Add(c.Pos, "%s", strings.TrimPrefix(err.Error(), "template: "))
		return "", "", false
	}
	out := sb.String()
	if loc := toelichtingLine.FindStringIndex(out); loc != nil {
		return out[:loc[0]], out[loc[1]:], true
	}
	return out, "", true
}

func (b *builder) article(c *clause.Clause) *document.Article {
	text, note, ok := b.execute(c)
	if !ok {
		return nil
	}
	leden, err := parseArticle(text)
	if err != nil {
		b.errs.Add(c.Pos, "%s: %v", c.ID, err)
		return nil
	}
	numberLegal(leden)
	art := &document.Article{ID: c.ID, Title: c.Title, Leden: leden, Note: parseNote(note)}
	if len(art.Note) == 0 {
		b.errs.Add(c.Pos, "%s: de toelichting ontbreekt; schrijf onder \"## Toelichting\" wat het artikel regelt en waarom", c.ID)
	}
	return art
}

// number gives articles consecutive numbers across chapters.
func number(d *document.Document) {
	n := 0
	for _, a := range d.Articles() {
		n++
		a.Number = fmt.Sprint(n)
	}
}

// frame runs the document's frame templates: aanhef, ondertekening and
// the general part of the toelichting.
func (b *builder) frame(d *document.Document, doc string) {
	run := func(name string) []document.Block {
		path := "templates/" + doc + "/" + name + ".md.tmpl"
		if !b.lib.HasTemplate(path) {
			return nil
		}
		var sb strings.Builder
		if err := b.tmpl.ExecuteTemplate(&sb, path, b.data); err != nil {
			b.errs.Add(source.Pos{File: path}, "%s", strings.TrimPrefix(err.Error(), "template: "))
			return nil
		}
		return parseNote(sb.String())
	}
	d.Intro = run("aanhef")
	d.Closing = run("ondertekening")
	if general := run("toelichting"); general != nil || hasNotes(d) {
		d.Notes = &document.Notes{Title: "Toelichting", General: general}
	}
}

func hasNotes(d *document.Document) bool {
	return slices.ContainsFunc(d.Articles(), func(a *document.Article) bool { return len(a.Note) > 0 })
}
