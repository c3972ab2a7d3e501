package main

import (
	"fmt"

	"strings"
	"text/tabwriter"
	"verordening/internal/assemble"
	"verordening/internal/pipeline"
)

func runCheck(e *env, args []string) int {
	var in inputFlags
	fs := flagSet(e, "check", "(--answers BESTAND | --example NAAM) [--content MAP]",
		"Controleert het antwoordbestand en toont per wettelijke eis welk artikel eraan voldoet.\n"+
			"Eindigt met code 0 als alle eisen zijn gedekt, met 1 als er fouten of tekorten zijn.")
	in.register(fs)
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
	for _, w := range append(ans.OpenFigures(), pipeline.StaleFigures(ans)...) {
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
	if m := cov.Missing(); len(m) > 0 {
		fmt.Fprintf(e.stdout, "\nNiet gedekt: %s\n", strings.Join(m, ", "))
		fmt.Fprintln(e.stdout, "Pas de antwoorden aan, of voeg met --content een clausule toe die deze eisen dekt.")
		return exitInput
	}
	fmt.Fprintf(e.stdout, "\n%s: alle wettelijke eisen zijn gedekt.\n", ans.File)
	return code
}
