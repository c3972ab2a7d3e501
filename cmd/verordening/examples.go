package main

import "fmt"

func runExamples(e *env, args []string) int {
	var content string
	fs := flagSet(e, "examples", "[--content MAP]", "Toont de namen van de ingebouwde voorbeelden, één per regel.\nBouw een voorbeeld met: verordening build --example NAAM")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	c, ok := loadContent(e, content)
	if !ok {
		return exitInput
	}
	for _, n := range c.Examples() {
		fmt.Fprintln(e.stdout, n)
	}
	return exitOK
}
