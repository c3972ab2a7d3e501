package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"verordening/internal/assemble"
	"verordening/internal/source"
)

func runCheck(e *env, args []string) int {
	var in inputFlags
	var open bool
	fs := flagSet(e, "check", "(--answers BESTAND | --example NAAM) [--open] [--content MAP]",
		"Controleert het antwoordbestand en toont per wettelijke eis welk artikel eraan voldoet. Een eis\n"+
			"is pas gedekt als de antwoorden haar ook inhoud geven; antwoorden die elkaar tegenspreken,\n"+
			"worden gemeld bij het antwoord dat moet veranderen.\n"+
			"Eindigt met de bestuurlijke keuzes die nog niet zijn gemaakt (de standaardwaarde is gebruikt);\n"+
			"met --open met alle vragen die de standaardwaarde hebben, met die waarde en haar bron.\n"+
			"Eindigt met code 0 als alle eisen zijn gedekt, met 1 als er fouten of tekorten zijn.")
	in.register(fs)
	fs.BoolVar(&open, "open", false, "toon elke vraag met de standaardwaarde, met die waarde en haar bron")
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	c, ok := loadContent(e, in.content)
	if !ok {
		return exitInput
	}
	ans, code := readAnswers(e, c, &in, "check")
	if ans == nil {
		return code
	}
	for _, w := range c.Warnings(ans) {
		fmt.Fprintln(e.stderr, w)
	}
	code = exitOK
	var cov *assemble.Coverage
	out, err := c.Build(ans, nil)
	if err == nil {
		cov = out.Result.Coverage
	} else {
		// Report the errors, and still show what the choice of clauses
		// covers: after removing clauses a jurist wants both.
		printErrors(e, err)
		code = exitInput
		if cov, err = assemble.SelectionCoverage(c.Library, ans); err != nil {
			return exitInput
		}
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EIS\tOMSCHRIJVING\tARTIKEL")
	for _, r := range cov.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Req.ID, r.Req.Description, r.ArticleList())
	}
	tw.Flush()
	problems := cov.Problems(ans, source.SevError)
	printErrors(e, problems)
	defer printChoices(e.stdout, ans, open)
	if m := cov.Missing(); len(m) > 0 {
		fmt.Fprintf(e.stdout, "\nNiet gedekt: %s\n", strings.Join(m, ", "))
		fmt.Fprintln(e.stdout, "Pas de antwoorden aan, of voeg met --content een clausule toe die deze eisen dekt.")
		return exitInput
	}
	if len(cov.Conflicts) > 0 {
		fmt.Fprintf(e.stdout, "\nDe antwoorden spreken elkaar tegen: %s\n", strings.Join(conflictIDs(cov), ", "))
		return exitInput
	}
	fmt.Fprintf(e.stdout, "\n%s: alle wettelijke eisen zijn gedekt.\n", ans.File)
	return code
}

// conflictIDs names the broken consistency rules.
func conflictIDs(cov *assemble.Coverage) []string {
	var ids []string
	for _, f := range cov.Conflicts {
		ids = append(ids, f.ID)
	}
	return ids
}
