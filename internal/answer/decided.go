package answer

import (
	"fmt"
	"strconv"
	"strings"

	"verordening/internal/format"
	"verordening/internal/question"
	"verordening/internal/source"
)

// This file tells the answers the gemeente gave from the defaults it
// accepted, so that check and build can say which choices are still to
// be made, and why a question is asked.

// BestuurlijkSection is the id of the section whose questions are the
// bestuurlijke keuzes: the choices for the wethouder and the raad.
const BestuurlijkSection = "bestuurlijk"

// Defaulted returns, in questionnaire order, the ids of the questions
// whose value is the default because the file does not answer them.
func (a *Answers) Defaulted() []string {
	var ids []string
	for _, q := range a.qs.Questions {
		if v, ok := a.Values[q.ID]; ok && v.Default {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// defaultedUses returns the ids used by q's condition whose value is a
// default (or which are themselves open because of one): the condition
// holds only because the gemeente has not chosen yet.
func (a *Answers) defaultedUses(q *question.Question) []string {
	if q.When == nil {
		return nil
	}
	var ids []string
	for _, id := range q.When.Uses {
		if v, ok := a.Values[id]; ok && v.Default {
			ids = append(ids, id)
		} else if _, open := a.OpenBecause[id]; open {
			ids = append(ids, id)
		}
	}
	return ids
}

// canStayOpen reports whether a question of type t can be shown as a
// placeholder in the documents: text and numbers can; a choice decides
// which clauses are chosen, and a date is computed with, so they cannot.
func canStayOpen(t question.Type) bool {
	switch t {
	case question.Tekst, question.Getal, question.Bedrag, question.Percentage:
		return true
	}
	return false
}

// askedBecause names the answers that made q asked, as a sentence for
// the message about a missing answer: " De vraag geldt omdat … ."; ""
// when q is always asked. at is the place of the first of those answers
// the gemeente gave, or the top of file name.
func (a *Answers) askedBecause(name string, q *question.Question) (because string, at source.Pos) {
	at = source.Pos{File: name, Line: 1, Col: 1}
	if q.When == nil || len(q.When.Uses) == 0 {
		return "", at
	}
	given := false
	var parts []string
	for _, id := range q.When.Uses {
		v, ok := a.Values[id]
		uq := a.qs.Lookup(id)
		switch {
		case !ok || uq == nil:
			parts = append(parts, id+" niet is ingevuld")
		case v.Default:
			parts = append(parts, fmt.Sprintf("%s de standaardwaarde %q heeft", id, answerForm(v.V)))
		default:
			parts = append(parts, fmt.Sprintf("u bij %s %q hebt gekozen (%s)", id, answerForm(v.V), v.Pos))
			if !given {
				at, given = v.Pos, true
			}
		}
	}
	return " De vraag geldt omdat " + format.Join(parts, "en") + " (voorwaarde: " + q.When.Src + ").", at
}

// OpenChoices returns one warning per question that is open because of
// defaults (see OpenBecause): what the documents show, and the two ways
// to settle it.
func (a *Answers) OpenChoices() source.ErrorList {
	var warns source.ErrorList
	for _, id := range a.Open {
		by, ok := a.OpenBecause[id]
		if !ok {
			continue
		}
		q := a.qs.Lookup(id)
		var parts []string
		for _, u := range by {
			if v, ok := a.Values[u]; ok {
				parts = append(parts, fmt.Sprintf("%s de standaardwaarde %q heeft", u, answerForm(v.V)))
			} else {
				parts = append(parts, u+" nog open is")
			}
		}
		warns.Warn(source.Pos{File: a.File, Line: 1, Col: 1},
			"%s is nog niet beantwoord: %s De vraag geldt omdat %s; de documenten tonen daar %q. Kies %s zelf, of voeg \"%s: …\" toe",
			id, q.Text, format.Join(parts, "en"), Placeholder(id), format.Join(by, "en"), id)
	}
	return warns
}

// A Choice is a question answered by its default, for the summary.
type Choice struct {
	Q      *question.Question
	Value  string // the default as written in an answers file
	Source string // where the default comes from
}

// DefaultChoices returns the defaulted questions, the bestuurlijke keuzes
// apart from the others.
func (a *Answers) DefaultChoices() (bestuurlijk, other []Choice) {
	for _, id := range a.Defaulted() {
		q := a.qs.Lookup(id)
		c := Choice{Q: q, Value: answerForm(a.Values[id].V), Source: defaultSource(q)}
		if q.Section != nil && q.Section.ID == BestuurlijkSection {
			bestuurlijk = append(bestuurlijk, c)
		} else {
			other = append(other, c)
		}
	}
	return bestuurlijk, other
}

// defaultSource is where the default of q comes from: its norm or source,
// and always the line of the questionnaire that holds it.
func defaultSource(q *question.Question) string {
	at := q.Pos.String()
	switch {
	case q.Norm != nil && q.Source != nil:
		return fmt.Sprintf("norm %s: %s; %s", q.Norm.ID, q.Source, at)
	case q.Source != nil:
		return q.Source.String() + "; " + at
	}
	return "standaardwaarde van de vragenlijst, " + at
}

// answerForm writes v as it is written in an answers file: "regionaal",
// "[gemeenten, uwv]", "true", "8600".
func answerForm(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []string:
		return "[" + strings.Join(x, ", ") + "]"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
