package assemble

import (
	"regexp"
	"slices"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/clause"
	"verordening/internal/document"
)

// Coverage relates each legal requirement to the articles that meet it,
// judged on substance: a requirement is covered when a chosen clause
// covers it and the answers meet its needs (clauses/eisen.yaml). Conflicts
// are the consistency rules (clauses/samenhang.yaml) the answers break.
type Coverage struct {
	Rows      []CoverageRow
	Conflicts []Finding
	cache     *Cache // of the build, for the report's texts
}

// A CoverageRow is one requirement and the chosen clauses that meet it,
// with their articles once the document is assembled.
type CoverageRow struct {
	Req      *clause.Requirement
	Clauses  []*clause.Clause
	Articles []*document.Article // nil when assembly did not finish
	Unmet    []Finding           // the needs the answers do not meet
}

// Covered reports whether a chosen clause covers the requirement and the
// answers meet all its needs.
func (r CoverageRow) Covered() bool { return len(r.Clauses) > 0 && len(r.Unmet) == 0 }

// Missing returns the ids of required requirements that are not covered.
func (c *Coverage) Missing() []string {
	var out []string
	for _, r := range c.Rows {
		if r.Req.Required() && !r.Covered() {
			out = append(out, r.Req.ID)
		}
	}
	return out
}

// coverage relates requirements to the chosen clauses and, when res holds
// the assembled documents, to their articles, and judges the needs and the
// consistency rules.
func coverage(lib *clause.Library, ans *answer.Answers, chosen []Chosen, res *Result) *Coverage {
	cov := &Coverage{}
	var d *document.Document
	docs := map[string]*document.Document{}
	if res != nil {
		d = res.Verordening
		for _, doc := range res.Documents() {
			docs[string(doc.Kind)] = doc
		}
		if am := res.Amending; am != nil && am.ArticleII != nil {
			docs["verordening"] = withArticleII(res.Verordening, am.ArticleII)
		}
	}
	for _, req := range lib.Requirements {
		row := CoverageRow{Req: req}
		for _, ch := range chosen {
			if !slices.Contains(ch.Clause.Covers, req.ID) {
				continue
			}
			row.Clauses = append(row.Clauses, ch.Clause)
			if d != nil {
				if art := d.Article(ch.Clause.ID); art != nil {
					row.Articles = append(row.Articles, art)
				}
			}
		}
		cov.Rows = append(cov.Rows, row)
	}
	cov.judge(lib, ans, docs)
	return cov
}

// SelectionCoverage is the coverage as far as the choice of clauses
// decides it, for when the documents could not be assembled: it still
// tells which requirements no chosen clause meets.
func SelectionCoverage(lib *clause.Library, ans *answer.Answers) (*Coverage, error) {
	b := newBuilder(lib, ans, nil, nil)
	chosen := b.selectClauses("verordening")
	if b.errs.HasErrors() {
		return nil, b.result()
	}
	return coverage(lib, ans, chosen, nil), nil
}

// ArticleList names the articles: "artikel 3", "artikelen 3 en 7", or
// "niet gedekt".
func (r CoverageRow) ArticleList() string {
	if !r.Covered() {
		if !r.Req.Required() {
			return "elders geregeld"
		}
		return "niet gedekt"
	}
	if r.Articles == nil {
		var ids []string
		for _, c := range r.Clauses {
			ids = append(ids, c.ID)
		}
		return "clausule " + strings.Join(ids, ", ")
	}
	var nums []string
	for _, a := range r.Articles {
		nums = append(nums, a.Number)
	}
	if len(nums) == 1 {
		return "artikel " + nums[0]
	}
	return "artikelen " + strings.Join(nums[:len(nums)-1], ", ") + " en " + nums[len(nums)-1]
}

// coverageCell is ArticleList, with the needs the answers do not meet.
func (r CoverageRow) coverageCell() string {
	if len(r.Unmet) == 0 {
		return r.ArticleList()
	}
	var msgs []string
	for _, f := range r.Unmet {
		msgs = append(msgs, codeIDs(f.Message))
	}
	return r.ArticleList() + ": " + strings.Join(msgs, "; ")
}

// questionID is a question id in a message: a word with an underscore.
var questionID = regexp.MustCompile(`\b[a-z0-9]+(?:_[a-z0-9]+)+\b`)

// codeIDs sets the question ids in a message as code, so that Markdown
// does not read their underscores as emphasis.
func codeIDs(msg string) string { return questionID.ReplaceAllString(msg, "`$0`") }

// Report builds the coverage report (dekkingsoverzicht) as a document.
func (c *Coverage) Report(v *document.Document) *document.Document {
	d := &document.Document{Kind: document.Dekking, Gemeente: v.Gemeente,
		Title:       document.Plain("Dekkingsoverzicht " + v.Citeertitel),
		Citeertitel: "Dekkingsoverzicht " + v.Citeertitel,
		Subject:     "Welke wettelijke eisen de verordening dekt, en in welk artikel"}
	d.Intro = []document.Block{&document.Paragraph{Text: src("Dit overzicht legt elke eis die de Participatiewet aan een verordening over jobcoaching stelt naast het artikel van de conceptverordening dat eraan voldoet. Het is bedoeld voor de jurist die de verordening toetst; het hoort niet bij het raadsvoorstel.")}}
	var req, elders []CoverageRow
	for _, r := range c.Rows {
		if r.Req.Required() {
			req = append(req, r)
		} else {
			elders = append(elders, r)
		}
	}
	status := "Alle eisen zijn gedekt."
	if m := c.Missing(); len(m) > 0 {
		status = "**Niet gedekt:** " + strings.Join(m, ", ") + ". Pas de antwoorden aan of voeg een clausule toe die deze eisen dekt."
	}
	ch := &document.Chapter{}
	ch.Articles = append(ch.Articles,
		section("eisen", "Eisen aan de verordening", status, table(req, true)),
	)
	if len(elders) > 0 {
		ch.Articles = append(ch.Articles, section("elders", "Eisen die elders worden geregeld",
			"Deze onderdelen van artikel 8a van de Participatiewet horen niet in een verordening over jobcoaching. Ga na of de re-integratieverordening van de gemeente ze regelt.",
			table(elders, false)))
	}
	if len(c.Conflicts) > 0 {
		ch.Articles = append(ch.Articles, conflictSection(c.Conflicts))
	}
	d.Chapters = []*document.Chapter{ch}
	return c.cache.finish(d)
}

// conflictSection lists the consistency rules the answers break.
func conflictSection(fs []Finding) *document.Article {
	t := &document.Table{Header: srcs("Regel", "Wat niet klopt", "Antwoorden")}
	for _, f := range fs {
		t.Rows = append(t.Rows, srcs("`"+f.ID+"`", codeIDs(f.Message), "`"+strings.Join(f.Ask, "`, `")+"`"))
	}
	return section("samenhang", "Antwoorden die elkaar tegenspreken",
		"Deze antwoorden passen niet bij elkaar; de documenten spreken zichzelf of de wet dan tegen. Pas de genoemde antwoorden aan.", t)
}

func section(id, title, text string, t *document.Table) *document.Article {
	return &document.Article{ID: id, Title: src(title), Leden: []*document.Lid{{Text: src(text), Blocks: []document.Block{t}}}}
}

func table(rows []CoverageRow, withArticles bool) *document.Table {
	t := &document.Table{Header: srcs("Eis", "Grondslag", "Omschrijving")}
	if withArticles {
		t.Header = append(t.Header, src("Gedekt door"))
	} else {
		t.Header = append(t.Header, src("Toelichting"))
	}
	for _, r := range rows {
		row := []string{"`" + r.Req.ID + "`", r.Req.Basis.String(), r.Req.Description}
		if withArticles {
			row = append(row, r.coverageCell())
		} else {
			row = append(row, r.Req.Note)
		}
		t.Rows = append(t.Rows, srcs(row...))
	}
	return t
}

// withArticleII is the paragraph with Artikel II of the
// wijzigingsverordening after it, for the rules that search the
// verordening's text: in the paragraph form the entry into force, and what
// does not work back, stand there.
func withArticleII(p *document.Document, art *document.Article) *document.Document {
	d := *p
	d.Chapters = append(slices.Clip(p.Chapters), &document.Chapter{Articles: []*document.Article{art}})
	return &d
}
