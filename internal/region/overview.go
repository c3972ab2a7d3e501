package region

import (
	"fmt"
	"slices"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/question"
)

// Overview compares the gemeenten of a region with its basis.
type Overview struct {
	File    *File
	Base    *document.Document // the verordening of the basis
	Results []*Result
	// Formats are the formats the gemeenten's documents were written in;
	// the overview links each gemeente to its verordening in the first of
	// html, md and docx among them.
	Formats []string
	// Library holds the overview's frames (templates/harmonisatie/).
	Library *clause.Library
}

// link returns the gemeente's name, linked to its verordening when the
// documents were written.
func (o *Overview) link(r *Result) string {
	name := format.EscapeMarkdown(r.Gemeente.Name)
	for _, ext := range []string{"html", "md", "docx"} {
		if slices.Contains(o.Formats, ext) {
			return "[" + name + "](" + r.Slug + "/verordening." + ext + ")"
		}
	}
	return name
}

// Share is the region's share of answers equal to the basis, in percent.
func (o *Overview) Share() float64 {
	var eq, tot int
	for _, r := range o.Results {
		eq, tot = eq+r.Equal, tot+r.Total
	}
	if tot == 0 {
		return 100
	}
	return 100 * float64(eq) / float64(tot)
}

// Document lays out the harmonisation overview: a summary per gemeente,
// the matrix of deviable questions × gemeenten, and per article the
// gemeenten whose text differs from the regional text. Its prose comes
// from the frames in templates/harmonisatie/.
func (o *Overview) Document() (*document.Document, error) {
	f := o.File
	fr := assemble.NewFrames(o.Library)
	data := map[string]any{"Regio": format.EscapeMarkdown(f.Regio), "Gemeenten": len(o.Results),
		"Aandeel": round1(o.Share()), "Afwijkbaar": len(f.Free)}
	title := fr.Text(frame("titel"), data)
	d := &document.Document{Kind: document.Harmonisatie, Title: md(title), Citeertitel: md(title).Plain(), Gemeente: f.Regio,
		Subject: fr.Text(frame("onderwerp"), data)}
	d.Intro = []document.Block{&document.Paragraph{Text: md(fr.Text(frame("inleiding"), data))}}
	ch := &document.Chapter{}
	ch.Articles = append(ch.Articles, o.summary(fr), o.matrix(fr))
	if a := o.open(fr); a != nil {
		ch.Articles = append(ch.Articles, a)
	}
	ch.Articles = append(ch.Articles, o.articles(fr))
	d.Chapters = []*document.Chapter{ch}
	if err := fr.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

func frame(name string) string { return "templates/harmonisatie/" + name + ".md.tmpl" }

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// section is a section of the overview whose heading and text come from
// the frame templates/harmonisatie/<id>.md.tmpl, with its table. The
// tables' headings and the words in their cells ("geen", "alle gedekt",
// "=") stay here as data: they are labels put together with values per
// gemeente, and a template per cell would spread one table over many
// files without making a sentence readable.
func section(fr *assemble.Frames, id string, data any, blocks ...document.Block) *document.Article {
	title, text := fr.Section(frame(id), data)
	return &document.Article{ID: id, Title: md(title), Leden: []*document.Lid{{Text: md(text), Blocks: blocks}}}
}

// md parses a line of Markdown written here.
func md(s string) document.Text { return document.ParseMarkdown(s) }

// cells parses each cell's Markdown.
func cells(ss ...string) []document.Text {
	out := make([]document.Text, len(ss))
	for i, s := range ss {
		out[i] = md(s)
	}
	return out
}

func (o *Overview) summary(fr *assemble.Frames) *document.Article {
	t := &document.Table{Header: cells("Gemeente", "Gelijk aan de basis", "Afwijkingen", "Wettelijke eisen")}
	for _, r := range o.Results {
		dev := "geen"
		if n := len(r.Gemeente.Deviations); n > 0 {
			dev = fmt.Sprintf("**%d**", n)
		}
		cov := "alle gedekt"
		if len(r.Missing) > 0 {
			cov = "**niet gedekt: " + strings.Join(r.Missing, ", ") + "**"
		}
		t.Rows = append(t.Rows, cells(o.link(r), format.Procent(round1(r.Share())), dev, cov))
	}
	t.Rows = append(t.Rows, cells("**Regio**", "**"+format.Procent(round1(o.Share()))+"**", "", ""))
	data := map[string]any{"Map": "", "Gemeente": ""}
	if len(o.Formats) > 0 && len(o.Results) > 0 {
		r := o.Results[0]
		data["Map"], data["Gemeente"] = r.Slug, format.EscapeMarkdown(r.Gemeente.Name)
	}
	return section(fr, "samenvatting", data, t)
}

// matrix shows, for every deviable question, the basis value and each
// gemeente's: "=" where it follows the basis, the value in bold where not.
func (o *Overview) matrix(fr *assemble.Frames) *document.Article {
	qs := o.File.Basis.Questionnaire()
	t := &document.Table{Header: cells("Vraag", "Basis")}
	for _, r := range o.Results {
		t.Header = append(t.Header, md(format.EscapeMarkdown(r.Gemeente.Name)))
	}
	for _, id := range o.File.Free {
		q := qs.Lookup(id)
		row := []string{format.EscapeMarkdown(q.Text) + " (`" + id + "`)", show(o.File.Basis.Values, q)}
		for _, r := range o.Results {
			cell := "="
			if slices.Contains(r.Gemeente.Deviations, id) {
				cell = "**" + show(r.Gemeente.Answers.Values, q) + "**"
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, cells(row...))
	}
	return section(fr, "afwijkingen", nil, t)
}

// show is a value as a reader expects it, or a dash when the question is
// not asked.
func show(values map[string]answer.Value, q *question.Question) string {
	if v, ok := values[q.ID]; ok {
		return q.Show(v.V)
	}
	return "–"
}

// An OpenFigure is a question some gemeenten have left open
// (answer.Answers.Open), with the gemeenten it concerns.
type OpenFigure struct {
	Q     *question.Question
	Names []string // the gemeenten, in region order
	All   bool     // every gemeente of the region
}

// OpenFigures lists, in questionnaire order, the figures some gemeenten
// have left open. Each gemeente's own answers file gets the same news
// from build and check, but the region file is where the region fills
// them in, so region --check and the overview list them too.
func (o *Overview) OpenFigures() []OpenFigure {
	who := map[string][]string{}
	for _, r := range o.Results {
		for _, id := range r.Gemeente.Answers.Open {
			who[id] = append(who[id], r.Gemeente.Name)
		}
	}
	var out []OpenFigure
	for _, q := range o.File.Basis.Questionnaire().Questions {
		if names, ok := who[q.ID]; ok {
			out = append(out, OpenFigure{Q: q, Names: names, All: len(names) == len(o.Results)})
		}
	}
	return out
}

// open is the overview's section on OpenFigures, with the placeholder
// the documents show; nil when every figure is filled in.
func (o *Overview) open(fr *assemble.Frames) *document.Article {
	figs := o.OpenFigures()
	if len(figs) == 0 {
		return nil
	}
	t := &document.Table{Header: cells("Vraag", "De documenten tonen", "Bij")}
	for _, f := range figs {
		cell := "alle gemeenten"
		if !f.All {
			names := make([]string, len(f.Names))
			for i, n := range f.Names {
				names[i] = format.EscapeMarkdown(n)
			}
			cell = strings.Join(names, ", ")
		}
		t.Rows = append(t.Rows, cells(format.EscapeMarkdown(f.Q.Text)+" (`"+f.Q.ID+"`)", format.EscapeMarkdown(answer.Placeholder(f.Q.ID)), cell))
	}
	return section(fr, "in-te-vullen", nil, t)
}

// articles lists, per article of the regional verordening, the gemeenten
// whose text differs, and articles that only some gemeenten have.
func (o *Overview) articles(fr *assemble.Frames) *document.Article {
	t := &document.Table{Header: cells("Artikel van de basis", "Gemeenten met een afwijkende tekst")}
	base := articleHashes(o.Base, o.File.Regio, o.File.Regio)
	for _, a := range o.Base.Articles() {
		var differ []string
		for _, r := range o.Results {
			if h, ok := r.Articles[a.ID]; !ok {
				differ = append(differ, format.EscapeMarkdown(r.Gemeente.Name)+" (vervalt)")
			} else if h != base[a.ID] {
				differ = append(differ, format.EscapeMarkdown(r.Gemeente.Name))
			}
		}
		cell := "geen"
		if len(differ) > 0 {
			cell = "**" + strings.Join(differ, ", ") + "**"
		}
		t.Rows = append(t.Rows, cells(a.Heading().Markdown(), cell))
	}
	extra := map[string][]string{}
	var ids []string
	for _, r := range o.Results {
		for id := range r.Articles {
			if _, ok := base[id]; !ok {
				if len(extra[id]) == 0 {
					ids = append(ids, id)
				}
				extra[id] = append(extra[id], format.EscapeMarkdown(r.Gemeente.Name))
			}
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		t.Rows = append(t.Rows, cells("extra artikel `"+id+"`", "**alleen bij "+strings.Join(extra[id], ", ")+"**"))
	}
	return section(fr, "artikelen", nil, t)
}
