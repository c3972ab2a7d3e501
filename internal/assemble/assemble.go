// Package assemble turns a gemeente's answers and the clause library into
// numbered documents: it selects clauses, runs their templates, numbers
// articles, leden and onderdelen, resolves references, fills the
// begripsbepalingen and checks coverage of the legal requirements.
package assemble

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
	// Beleidsregels and Informatieblad are nil when the library has no
	// clauses for them.
	Beleidsregels  *document.Document
	Informatieblad *document.Document
	Coverage       *Coverage
	Chosen         []Chosen // the verordening's clauses
	// Amending is set in the paragraph form (see Form): the verordening
	// the raad adopts is then a wijzigingsverordening of the
	// re-integratieverordening that inserts Verordening's articles as a
	// paragraph. Verordening holds the paragraph as it will read there,
	// with the numbers it gets (12a, 12b, …).
	Amending *Amending
}

// Documents returns the assembled documents in order, without the
// coverage report.
func (r *Result) Documents() []*document.Document {
	var out []*document.Document
	for _, d := range []*document.Document{r.Verordening, r.Beleidsregels, r.Informatieblad} {
		if d != nil {
			out = append(out, d)
		}
	}
	return out
}

// Build assembles the documents and the coverage for the answers. The
// verordening comes first: the other documents refer to its articles by
// the numbers it got.
func Build(lib *clause.Library, ans *answer.Answers) (*Result, error) {
	return BuildWith(lib, ans, Options{})
}

// Options change how a build numbers, and what it shares with other
// builds.
type Options struct {
	// Numbers gives articles of the verordening fixed numbers by clause
	// id, as an amended regulation has them: articles keep their old
	// number and an inserted article gets a letter ("22a"). References to
	// these articles, also from the other documents, use these numbers.
	// An article it does not name is numbered in sequence.
	Numbers map[string]string
	// Form says how the verordening stands beside the
	// re-integratieverordening (FormFile); nil gives a separate
	// verordening that names no re-integratieverordening's articles.
	Form *Form
	// Cache keeps what the builds of the library share (NewCache); nil
	// builds everything afresh.
	Cache *Cache
}

// BuildWith is Build with options.
func BuildWith(lib *clause.Library, ans *answer.Answers, opts Options) (*Result, error) {
	opts.Cache.check(lib)
	b := newBuilder(lib, ans, opts.Form, opts.Cache)
	b.numbers = opts.Numbers
	res := &Result{}
	res.Chosen = b.omit(b.selectClauses("verordening"))
	if b.errs.HasErrors() {
		return nil, b.result()
	}
	res.Verordening = b.regulation("verordening", res.Chosen)
	if b.errs.HasErrors() {
		return nil, b.result()
	}
	if b.paragraph {
		res.Amending = b.amending(res.Verordening)
		if b.errs.HasErrors() {
			return nil, b.result()
		}
	}
	b.docs["verordening"] = res.Verordening
	res.Beleidsregels = b.optional("beleidsregels")
	res.Informatieblad = b.optional("informatieblad")
	if b.errs.HasErrors() {
		return nil, b.result()
	}
	res.Coverage = coverage(lib, ans, res.Chosen, res)
	res.Coverage.cache = b.cache
	for _, d := range res.Documents() {
		b.cache.finish(d)
	}
	return res, nil
}

// optional assembles a document when the library has clauses for it.
func (b *builder) optional(doc string) *document.Document {
	if len(b.lib.Document(doc)) == 0 {
		return nil
	}
	chosen := b.selectClauses(doc)
	if b.errs.HasErrors() {
		return nil
	}
	d := b.regulation(doc, chosen)
	b.docs[doc] = d
	return d
}

// builder holds the state of one build.
type builder struct {
	lib    *clause.Library
	ans    *answer.Answers
	tmpl   *clause.Runner
	data   *tmplData
	chosen map[string]bool
	docs   map[string]*document.Document // assembled so far, for references
	env    map[string]any                // the answers as condition variables
	errs   source.ErrorList
	cache  *Cache     // shared with other builds; may be nil
	terms  *termTable // finds defined terms (the cache's, or this build's)

	citeertitel string            // unmarked, for titles
	numbers     map[string]string // fixed verordening numbers (Options.Numbers)

	form      *Form
	paragraph bool   // the paragraph form: the verordening is inserted into the re-integratieverordening
	after     string // paragraph form: the article the paragraph follows
	// omittedBasis is the basis of the clauses the paragraph form leaves
	// out, for the aanhef of the wijzigingsverordening.
	omittedBasis []clause.StatuteRef
}

// tmplData is what templates see as ".".
type tmplData struct {
	A           map[string]any
	Gemeente    string
	Citeertitel string
	GeletOp     string
	// Regeling is what the rules call themselves: "verordening", or
	// "paragraaf" when they are a paragraph of the
	// re-integratieverordening ("In deze {{ .Regeling }} wordt verstaan
	// onder:").
	Regeling string
	// Vervallen are the articles of the re-integratieverordening that the
	// new rules replace ("12", "13a"), as the gemeente named them.
	Vervallen []string
	// Wijziging is what the frame of the wijzigingsverordening needs, in
	// the paragraph form only.
	Wijziging *wijziging
	// Regels is what every document calls the college's second document
	// in running text ("deze {{ .Regels }}"), as its naam template says;
	// RegelsTitel is that document's title (its titel template), set when
	// it is assembled.
	Regels      string
	RegelsTitel string
}

// The frame of the college's second document (beleidsregels or nadere
// regels): its name in running text, its title and its subject.
const (
	rulesNameTmpl    = "templates/beleidsregels/naam.md.tmpl"
	rulesTitleTmpl   = "templates/beleidsregels/titel.md.tmpl"
	rulesSubjectTmpl = "templates/beleidsregels/onderwerp.md.tmpl"
)

func newBuilder(lib *clause.Library, ans *answer.Answers, form *Form, cache *Cache) *builder {
	b := &builder{lib: lib, ans: ans, chosen: map[string]bool{}, docs: map[string]*document.Document{}, form: form,
		cache: cache, terms: cache.termTable(lib)}
	b.env = ans.Env()
	b.data = &tmplData{A: templateAnswers(ans), Gemeente: markAnswer(format.EscapeMarkdown(ans.Gemeente)), Regeling: "verordening"}
	for _, n := range form.Repeals(ans) {
		b.data.Vervallen = append(b.data.Vervallen, format.EscapeMarkdown(n))
	}
	b.citeertitel = citeertitel(ans)
	if form != nil && b.data.A[form.Amended] == "" {
		b.data.A[form.Amended] = markAnswer(form.Placeholder)
	}
	if form.InParagraph(ans) {
		b.paragraph, b.after = true, form.after(ans)
		b.data.Regeling = "paragraaf"
		b.citeertitel = form.AmendedTitle(ans)
		if b.citeertitel != form.Placeholder {
			b.citeertitel = format.EscapeMarkdown(b.citeertitel)
		}
	}
	b.data.Citeertitel = markAnswer(b.citeertitel)
	b.tmpl = lib.NewRunner(b.funcs(), clause.DefaultLimits)
	b.data.Regels = "beleidsregels"
	if lib.HasTemplate(rulesNameTmpl) {
		b.data.Regels = strings.TrimSpace(b.runText(rulesNameTmpl))
	}
	return b
}

// templateAnswers gives every question its value; free text is escaped
// here, once, so that no template can print an answer as markup, and
// marked, so that the words of an answer never count as a use of a
// defined term.
func templateAnswers(ans *answer.Answers) map[string]any {
	qs := ans.Questionnaire()
	m := make(map[string]any, len(qs.Questions))
	for _, q := range qs.Questions {
		v := ans.Get(q.ID)
		if s, ok := v.(string); ok && q.Type == question.Tekst && s != "" {
			v = markAnswer(format.EscapeMarkdown(s))
		}
		if ans.IsOpen(q.ID) {
			v = placeholder(q.ID)
		}
		m[q.ID] = v
	}
	return m
}

// Answer text is wrapped in these markers while templates run; like the
// reference markers they are control characters that EscapeMarkdown
// removes from answers, and they are stripped before anything renders.
const (
	answerOpen  = "\x02"
	answerClose = "\x03"
)

func markAnswer(s string) string { return answerOpen + s + answerClose }

var answerRe = regexp.MustCompile(answerOpen + "[^" + answerClose + "]*" + answerClose)

var unmarker = strings.NewReplacer(answerOpen, "", answerClose, "")

// unmark removes the answer markers, keeping the text.
func unmark(s string) string { return unmarker.Replace(s) }

func citeertitel(ans *answer.Answers) string {
	if s, _ := ans.Get("citeertitel").(string); strings.TrimSpace(s) != "" {
		return format.EscapeMarkdown(s)
	}
	t := "Verordening jobcoaching " + format.EscapeMarkdown(ans.Gemeente)
	if d := firstDate(ans, "inwerkingtreding", "vaststelling_datum"); len(d) >= 4 {
		t += " " + d[:4]
	}
	return t
}

// firstDate is the first of the date answers that is given: a date of
// inwerkingtreding may be left open, and another date then gives the year.
func firstDate(ans *answer.Answers, ids ...string) string {
	for _, id := range ids {
		if d, _ := ans.Get(id).(string); d != "" {
			return d
		}
	}
	return ""
}

func (b *builder) result() error {
	b.errs.Sort()
	return b.errs
}

// selectClauses chooses the clauses of a document whose conditions hold and
// checks that no two variants of a group are chosen together.
func (b *builder) selectClauses(doc string) []Chosen {
	env := b.env
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
	d := &document.Document{Kind: document.Kind(doc), Gemeente: b.ans.Gemeente}
	title, short, subject := b.titles(doc)
	d.Title, d.Citeertitel, d.Subject = src(title), document.ParseMarkdown(short).Plain(), document.ParseMarkdown(subject).Plain()
	legal := doc != "informatieblad"
	var defs *document.Article
	var basis []clause.StatuteRef
	for _, ch := range b.chapters(doc, chosen) {
		d.Chapters = append(d.Chapters, ch.doc)
		for _, c := range ch.clauses {
			art := b.article(c, legal)
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
	if legal {
		var fixed map[string]string
		switch {
		case doc == "verordening" && b.paragraph:
			fixed = insertedNumbers(d, b.after)
		case doc == "verordening":
			fixed = b.numbers
		}
		number(d, fixed)
	}
	if doc == "verordening" {
		b.definitions(d, defs, chosen)
	}
	if doc == "verordening" {
		basis = append(basis, b.omittedBasis...)
	}
	b.data.GeletOp = b.lib.GeletOp(basis)
	if doc == "verordening" && b.paragraph {
		// The frame is the wijzigingsverordening's (see amending).
		d.Notes = &document.Notes{Title: document.Plain("Toelichting")}
	} else {
		b.frame(d, doc)
	}
	resolveRefs(d, b.docs, b.docName, func(art *document.Article, r ref, msg string) {
		pos := source.Pos{File: "templates/" + doc}
		if art != nil {
			c := b.lib.Lookup(art.ID)
			pos = c.Pos
			// The ref call itself, when its arguments are constants.
			if p, ok := b.lib.RefPos(c.Path, r.target, r.lid, r.item); ok {
				pos = p
			}
		}
		b.errs.Add(pos, "%s", msg)
	})
	return d
}

// docName gives the words a reference uses for another document: its kind,
// or for the college's second document the name its naam template gives.
func (b *builder) docName(kind string) string {
	if kind == "beleidsregels" {
		return b.data.Regels
	}
	return kind
}

// titles gives a document's title, short title and subject.
func (b *builder) titles(doc string) (title, short, subject string) {
	v := b.citeertitel
	switch doc {
	case "beleidsregels":
		b.data.RegelsTitel = strings.TrimSpace(b.runText(rulesTitleTmpl))
		t := unmark(b.data.RegelsTitel)
		return t, t, unmark(strings.TrimSpace(b.runText(rulesSubjectTmpl)))
	case "informatieblad":
		g := unmark(b.data.Gemeente)
		t := "Informatieblad voor jobcoachorganisaties, gemeente " + g
		return t, t, "Wat de gemeente " + g + " vraagt van jobcoachorganisaties en jobcoaches"
	}
	if b.paragraph {
		return "Paragraaf jobcoaching van de " + v, v, "Regels over jobcoaching in de " + v
	}
	return v, v, "Regels over jobcoaching op grond van artikel 8a van de Participatiewet"
}

type chapterPlan struct {
	doc     *document.Chapter
	clauses []*clause.Clause
}

// chapters groups the chosen clauses by chapter, dropping empty chapters.
func (b *builder) chapters(doc string, chosen []Chosen) []chapterPlan {
	defs := b.lib.Chapters[doc]
	if len(defs) == 0 || doc == "verordening" && b.paragraph {
		plan := chapterPlan{doc: &document.Chapter{}}
		for _, c := range chosen {
			plan.clauses = append(plan.clauses, c.Clause)
		}
		return []chapterPlan{plan}
	}
	var out []chapterPlan
	for _, ch := range defs {
		plan := chapterPlan{doc: &document.Chapter{Title: src(ch.Title)}}
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

// execute runs a clause's template and splits its output into the text
// and the toelichting.
func (b *builder) execute(c *clause.Clause) (text, note string, ok bool) {
	out, ok := b.run(c.Path, c.Pos)
	if !ok {
		return "", "", false
	}
	text, note = clause.SplitToelichting(out)
	return text, note, true
}

// run executes the template path, clause or frame, and reports an error
// at pos. The output of a template that depends only on values it names
// comes from the cache when an earlier build had the same values.
func (b *builder) run(path string, pos source.Pos) (string, bool) {
	key := b.cacheKey(path)
	if out, ok := b.cache.templateOutput(key); ok {
		return out, true
	}
	out, err := b.tmpl.Execute(path, b.data)
	if err != nil {
		b.errs.Append(pos, err)
		return "", false
	}
	b.cache.keepOutput(key, out)
	return out, true
}

// article runs a clause and parses it. A legal article gets numbered
// leden and lettered onderdelen; a plain section (the informatieblad) gets
// paragraphs and bullets, with no punctuation imposed.
func (b *builder) article(c *clause.Clause, legal bool) *document.Article {
	text, note, ok := b.execute(c)
	if !ok {
		return nil
	}
	leden, err := parseArticle(text)
	if err != nil {
		b.errs.Add(c.Pos, "%s: %v", c.ID, err)
		return nil
	}
	art := &document.Article{ID: c.ID, Title: src(c.Title), Leden: leden, Note: parseNote(note)}
	if !legal {
		bullets(leden)
		return art
	}
	numberLegal(leden)
	if len(art.Note) == 0 {
		b.errs.Add(c.Pos, "%s: de toelichting ontbreekt; schrijf onder \"## Toelichting\" wat het artikel regelt en waarom", c.ID)
	}
	return art
}

// number gives articles consecutive numbers across chapters, or the
// number fixed for them.
func number(d *document.Document, fixed map[string]string) {
	n := 0
	for _, a := range d.Articles() {
		n++
		if num, ok := fixed[a.ID]; ok {
			a.Number = num
			continue
		}
		a.Number = strconv.Itoa(n)
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
		out, ok := b.run(path, source.Pos{File: path})
		if !ok {
			return nil
		}
		return parseNote(out)
	}
	d.Intro = run("aanhef")
	d.Closing = run("ondertekening")
	if general := run("toelichting"); general != nil || hasNotes(d) {
		d.Notes = &document.Notes{Title: document.Plain("Toelichting"), General: general}
	}
}

func hasNotes(d *document.Document) bool {
	return slices.ContainsFunc(d.Articles(), func(a *document.Article) bool { return len(a.Note) > 0 })
}
