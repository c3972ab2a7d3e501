package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"verordening/internal/pipeline"
	"verordening/internal/source"
)

func runBuild(e *env, args []string) int {
	var in inputFlags
	var output outputFlags
	fs := flagSet(e, "build", "(--answers BESTAND | --example NAAM) [opties]",
		"Bouwt de conceptverordening met toelichting en het dekkingsoverzicht, en schrijft de antwoorden\n"+
			"zoals ze zijn gebruikt (met standaardwaarden) naar antwoorden.yaml.")
	in.register(fs)
	output.register(fs, "out/<naam van de gemeente>", "de formaten, gescheiden door komma's: md, html, docx, pdf")
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	fmts, code := output.parseFormats(e, "build")
	if fmts == nil {
		return code
	}
	c, ok := loadContent(e, in.content)
	if !ok {
		return exitInput
	}
	output.apply(c)
	stop, ok := startPDF(e, "build", c, fmts)
	if !ok {
		return exitInput
	}
	defer stop()
	ans, code := readAnswers(e, c, &in, "build")
	if ans == nil {
		if code == exitInput {
			fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		}
		return code
	}
	for _, w := range c.Warnings(ans) {
		fmt.Fprintln(e.stderr, w)
	}
	out, err := c.Build(ans, fmts)
	if err != nil {
		printErrors(e, err)
		fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		return exitInput
	}
	if output.dir == "" {
		output.dir = filepath.Join("out", pipeline.Slug(ans.Gemeente))
	}
	files := writeFiles(e, "build", output.dir, out.Files, in.answers)
	if files == nil {
		return exitInput
	}
	for _, f := range files {
		fmt.Fprintln(e.stdout, filepath.Join(output.dir, f.Name))
	}
	for _, w := range out.Result.Coverage.Problems(ans, source.SevWarning) {
		fmt.Fprintln(e.stderr, w)
	}
	if m := out.Result.Coverage.Missing(); len(m) > 0 {
		fmt.Fprintf(e.stderr, "let op: de verordening dekt niet alle wettelijke eisen: %s (zie dekking.md)\n", strings.Join(m, ", "))
	}
	if lines := pipeline.PlaceholderSummary(out.Placeholders()); lines != nil {
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, strings.Join(lines, "\n"))
	}
	printChoices(e.stderr, ans, false)
	return exitOK
}
