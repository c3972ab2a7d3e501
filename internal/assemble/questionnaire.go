package assemble

import (
	"fmt"

	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/question"
)

// Questionnaire lays out the library's questionnaire as a readable
// document: one chapter per section, one section per question with its
// options, default and source, the condition under which it is asked, and
// its help. Its prose comes from the frames in templates/vragenlijst/.
func Questionnaire(lib *clause.Library) (*document.Document, error) {
	qs := lib.Questions
	f := NewFrames(lib)
	data := map[string]any{"Vragen": len(qs.Questions), "Onderdelen": len(qs.Sections)}
	title := f.Text(vragenlijstFrame("titel"), data)
	d := &document.Document{Kind: "vragenlijst", Title: document.Plain(title),
		Citeertitel: title, Subject: f.Text(vragenlijstFrame("onderwerp"), data)}
	d.Intro = []document.Block{&document.Paragraph{Text: src(f.Text(vragenlijstFrame("inleiding"), data))}}
	for i, s := range qs.Sections {
		ch := &document.Chapter{Number: fmt.Sprint(i + 1), Title: src(s.Title)}
		if s.Intro != "" {
			title, text := f.Section(vragenlijstFrame("onderdeel"), map[string]any{"Inleiding": s.Intro})
			ch.Articles = append(ch.Articles, &document.Article{ID: s.ID, Title: src(title),
				Leden: []*document.Lid{{Text: src(text)}}})
		}
		for _, q := range s.Questions {
			ch.Articles = append(ch.Articles, questionArticle(f, q))
		}
		d.Chapters = append(d.Chapters, ch)
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	// One questionnaire per run: there is nothing to share with a cache.
	var none *Cache
	return none.finish(d), nil
}

func vragenlijstFrame(name string) string { return "templates/vragenlijst/" + name + ".md.tmpl" }

func questionArticle(f *Frames, q *question.Question) *document.Article {
	a := &document.Article{ID: q.ID, Title: src(q.Text)}
	var facts []*document.Item
	for _, item := range f.List(vragenlijstFrame("vraag"), questionFacts(q)) {
		facts = append(facts, &document.Item{Marker: "-", Text: src(item)})
	}
	a.Leden = []*document.Lid{{Text: src(q.Help), Items: facts}}
	// The option table's headings are labels, kept here as data (see
	// the note at the coverage report's tables).
	if len(q.Options) > 0 {
		t := &document.Table{Header: srcs("Waarde", "Betekenis")}
		for _, o := range q.Options {
			t.Rows = append(t.Rows, srcs("`"+o.Value+"`", o.Label))
		}
		a.Leden[0].Blocks = []document.Block{t}
	}
	return a
}

// questionFacts is what templates/vragenlijst/vraag.md.tmpl sees of a
// question; messages are escaped here, once.
func questionFacts(q *question.Question) map[string]any {
	m := map[string]any{
		"ID": q.ID, "Soort": string(q.Type), "Eenheid": q.Unit,
		"Bereik": q.Min != nil && q.Max != nil && q.Type != question.Tekst, "Min": 0.0, "Max": 0.0,
		"HeeftStandaard": q.Default != nil, "Standaard": "", "Bron": "",
		"Invullen": q.Invullen, "Optioneel": q.Optional,
		"HeeftEis": q.Accept != nil, "Eis": "", "Geweigerd": []string{}, "Voorwaarde": "",
	}
	if q.Min != nil && q.Max != nil {
		m["Min"], m["Max"] = *q.Min, *q.Max
	}
	if q.Default != nil {
		m["Standaard"] = q.Show(q.Default)
		if q.Source != nil {
			m["Bron"] = q.Source.String()
		}
	}
	if q.Accept != nil {
		m["Eis"] = format.EscapeMarkdown(q.Accept.Message)
	}
	var rejected []string
	for _, r := range q.Reject {
		rejected = append(rejected, format.EscapeMarkdown(r.Message))
	}
	m["Geweigerd"] = rejected
	if q.When != nil {
		m["Voorwaarde"] = q.When.Src
	}
	return m
}
