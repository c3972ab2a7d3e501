package pipeline

import (
	"verordening/internal/answer"
	"verordening/internal/source"
)

// OpenItems warns about everything the gemeente still has to fill in
// before the documents can go to the raad: each open figure, and the
// citeertitel of the re-integratieverordening while it is unanswered. The
// documents show a visible placeholder for each; build and check list
// them, and the exit code stays 0. A question asked only because of a
// default the gemeente accepted (regio_naam under the default regional
// arrangement) is listed too: it is open, not missing.
func (c *Content) OpenItems(ans *answer.Answers) source.ErrorList {
	warns := append(ans.OpenFigures(), ans.OpenChoices()...)
	if c.Form == nil || c.Form.Amended == "" {
		return warns
	}
	if title, _ := ans.Get(c.Form.Amended).(string); title == "" {
		q := ans.Questionnaire().Lookup(c.Form.Amended)
		warns.Warn(source.Pos{File: ans.File, Line: 1, Col: 1},
			"%s is nog niet ingevuld: %s De documenten tonen daar %q. Voeg de citeertitel toe zoals die in het gemeenteblad staat, bijvoorbeeld \"%s: Re-integratieverordening Participatiewet %s 2023\"",
			c.Form.Amended, q.Text, c.Form.Placeholder, c.Form.Amended, ans.Gemeente)
	}
	return warns
}

// Warnings is everything check and build report about answers that are
// valid but not finished: open items, stale figures and statute changes,
// in that order. check and build print the same list.
func (c *Content) Warnings(ans *answer.Answers) source.ErrorList {
	return append(append(c.OpenItems(ans), StaleFigures(ans)...), c.StatuteWarnings(ans)...)
}
