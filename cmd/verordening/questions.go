package main

import (
	"verordening/internal/assemble"
	"verordening/internal/document"
	"verordening/internal/render"
)

func runQuestions(e *env, args []string) int {
	var content, format string
	fs := flagSet(e, "questions", "[--format md|html] [--content MAP]",
		"Toont de vragenlijst als leesbaar document, bijvoorbeeld voor een gesprek met de wethouder:\n"+
			"per onderdeel de vragen, de keuzes, de standaardwaarde met bron en de toelichting.")
	fs.StringVar(&format, "format", "md", "md of html")
	argName(fs, "format", "FORMAAT")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	if format != "md" && format != "html" {
		return usageError(e, "questions", "onbekend formaat %q; kies md of html", format)
	}
	c, ok := loadContent(e, content)
	if !ok {
		return exitInput
	}
	d, err := assemble.Questionnaire(c.Library)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	if format == "md" {
		e.stdout.Write(renderMarkdown(d))
		return exitOK
	}
	page, err := c.Page.HTML(d)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	e.stdout.Write(page)
	return exitOK
}

func renderMarkdown(d *document.Document) []byte { return render.Markdown(d) }
