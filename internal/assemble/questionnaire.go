package assemble

import (
	"fmt"

	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/question"
)

// Questionnaire lays out the questionnaire as a readable document: one
// chapter per section, one section per question with its options, default
// and source, the condition under which it is asked, and its help.
func Questionnaire(qs *question.Questionnaire) *document.Document {
	d := &document.Document{Kind: "vragenlijst", Title: document.Plain("Vragenlijst verordening jobcoaching"),
		Citeertitel: "Vragenlijst verordening jobcoaching", Subject: "De keuzes voor de verordening jobcoaching"}
	d.Intro = []document.Block{&document.Paragraph{Text: src(fmt.Sprintf(
		"Deze vragenlijst telt %d vragen in %d onderdelen. De antwoorden komen in één antwoordbestand; daaruit stelt *verordening* de conceptverordening op. Een vraag met een voorwaarde wordt alleen gesteld als die voorwaarde geldt.",
		len(qs.Questions), len(qs.Sections)))}}
	for i, s := range qs.Sections {
		ch := &document.Chapter{Number: fmt.Sprint(i + 1), Title: src(s.Title)}
		if s.Intro != "" {
			ch.Articles = append(ch.Articles, &document.Article{ID: s.ID, Title: src("Over dit onderdeel"),
				Leden: []*document.Lid{{Text: src(s.Intro)}}})
		}
		for _, q := range s.Questions {
			ch.Articles = append(ch.Articles, questionArticle(q))
		}
		d.Chapters = append(d.Chapters, ch)
	}
	// One questionnaire per run: there is nothing to share with a cache.
	var none *Cache
	return none.finish(d)
}

func questionArticle(q *question.Question) *document.Article {
	a := &document.Article{ID: q.ID, Title: src(q.Text)}
	facts := []*document.Item{{Marker: "-", Text: src("Sleutel in het antwoordbestand: `" + q.ID + "`")},
		{Marker: "-", Text: src("Soort antwoord: " + typeLabel(q))}}
	if q.Default != nil {
		def := "Standaardwaarde: " + q.Show(q.Default)
		if q.Source != nil {
			def += " (bron: " + q.Source.String() + ")"
		}
		facts = append(facts, &document.Item{Marker: "-", Text: src(def)})
	} else if q.Invullen {
		facts = append(facts, &document.Item{Marker: "-", Text: src("Geen standaardwaarde: in te vullen door de gemeente; zolang het open is, tonen de documenten een plaatshouder")})
	} else if q.Optional {
		facts = append(facts, &document.Item{Marker: "-", Text: src("Mag open blijven")})
	}
	if q.Accept != nil {
		facts = append(facts, &document.Item{Marker: "-", Text: src("Eis aan het antwoord: " + format.EscapeMarkdown(q.Accept.Message))})
	}
	for _, r := range q.Reject {
		facts = append(facts, &document.Item{Marker: "-", Text: src("Wordt geweigerd: " + format.EscapeMarkdown(r.Message))})
	}
	if q.When != nil && q.When.Src != "" {
		facts = append(facts, &document.Item{Marker: "-", Text: src("Wordt gesteld als: `" + q.When.Src + "`")})
	}
	a.Leden = []*document.Lid{{Text: src(q.Help), Items: facts}}
	if len(q.Options) > 0 {
		t := &document.Table{Header: srcs("Waarde", "Betekenis")}
		for _, o := range q.Options {
			t.Rows = append(t.Rows, srcs("`"+o.Value+"`", o.Label))
		}
		a.Leden[0].Blocks = []document.Block{t}
	}
	return a
}

func typeLabel(q *question.Question) string {
	s := map[question.Type]string{
		question.Keuze: "één keuze", question.Meerkeuze: "een of meer keuzes", question.Getal: "een getal",
		question.Bedrag: "een bedrag in euro's", question.Percentage: "een percentage",
		question.Tekst: "tekst", question.Datum: "een datum (JJJJ-MM-DD)", question.JaNee: "ja of nee",
	}[q.Type]
	if q.Unit != "" {
		s += " (" + q.Unit + ")"
	}
	if q.Min != nil && q.Max != nil && q.Type != question.Tekst {
		s += fmt.Sprintf(", van %s tot en met %s", format.Getal(*q.Min), format.Getal(*q.Max))
	}
	return s
}
