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
	cache     *Cache          // of the build, for the report's texts
	lib       *clause.Library // for the report's frames
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
	cov := &Coverage{lib: lib}
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

// Report builds the coverage report (dekkingsoverzicht) as a document,
// its prose from the frames in templates/dekking/.
func (c *Coverage) Report(v *document.Document) (*document.Document, error) {
	f := c.cache.Frames(c.lib)
	defer f.Release()
	data := map[string]any{"Citeertitel": v.Citeertitel, "Ontbreekt": c.Missing()}
	title := f.Text(dekkingFrame("titel"), data)
	d := &document.Document{Kind: document.Dekking, Gemeente: v.Gemeente,
		Title: document.Plain(title), Citeertitel: title, Subject: f.Text(dekkingFrame("onderwerp"), data)}
	d.Intro = []document.Block{&document.Paragraph{Text: src(f.Text(dekkingFrame("inleiding"), data))}}
	var req, elders []CoverageRow
	for _, r := range c.Rows {
		if r.Req.Required() {
			req = append(req, r)
		} else {
			elders = append(elders, r)
		}
	}
	ch := &document.Chapter{}
	ch.Articles = append(ch.Articles, section(f, "eisen", data, table(req, true)))
	if len(elders) > 0 {
		ch.Articles = append(ch.Articles, section(f, "elders", data, table(elders, false)))
	}
	if len(c.Conflicts) > 0 {
		ch.Articles = append(ch.Articles, section(f, "samenhang", data, conflictTable(c.Conflicts)))
	}
	d.Chapters = []*document.Chapter{ch}
	if err := f.Err(); err != nil {
		return nil, err
	}
	return c.cache.finish(d), nil
}

func dekkingFrame(name string) string { return "templates/dekking/" + name + ".md.tmpl" }

// conflictTable lists the consistency rules the answers break.
func conflictTable(fs []Finding) *document.Table {
	t := &document.Table{Header: srcs("Regel", "Wat niet klopt", "Antwoorden")}
	for _, f := range fs {
		t.Rows = append(t.Rows, srcs("`"+f.ID+"`", codeIDs(f.Message), "`"+strings.Join(f.Ask, "`, `")+"`"))
	}
	return t
}

// section is a section of the report whose heading and text come from
// the frame templates/dekking/<id>.md.tmpl, with its table.
func section(f *Frames, id string, data any, t *document.Table) *document.Article {
	title, text := f.Section(dekkingFrame(id), data)
	return &document.Article{ID: id, Title: src(title), Leden: []*document.Lid{{Text: src(text), Blocks: []document.Block{t}}}}
}

// The tables' column headings and the words in their cells ("niet
// gedekt", "elders geregeld") stay here as data: they are labels put
// together with values per row, and a template per heading or cell would
// spread one table over many files without making a sentence readable.
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
