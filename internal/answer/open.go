package answer

import (
	"strconv"

	"verordening/internal/question"
	"verordening/internal/source"
)

// Placeholder is the text every document shows for an open figure until
// the gemeente fills it in.
func Placeholder(id string) string {
	return "[" + id + ": in te vullen door de gemeente]"
}

// OpenFigures returns one warning per open figure (see Answers.Open): the
// answers file, what the documents show instead, and the line to add.
// The list is empty when every figure is filled in.
func (a *Answers) OpenFigures() source.ErrorList {
	var warns source.ErrorList
	for _, id := range a.Open {
		if _, ok := a.OpenBecause[id]; ok {
			continue // see OpenChoices
		}
		q := a.qs.Lookup(id)
		warns.Warn(source.Pos{File: a.File, Line: 1, Col: 1}, "%s is nog niet ingevuld: %s De documenten tonen daar %q. Voeg het cijfer toe dat de gemeente kiest, met bron en jaar in een opmerking, bijvoorbeeld \"%s: %s # bron, jaar\"",
			id, q.Text, Placeholder(id), id, exampleValue(q))
	}
	return warns
}

// exampleValue is the question's example written as in an answers file,
// or "…" when it has none.
func exampleValue(q *question.Question) string {
	f, ok := q.Example.(float64)
	if !ok {
		return "…"
	}
	if q.Type == question.Bedrag {
		return strconv.FormatFloat(f, 'f', 2, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
