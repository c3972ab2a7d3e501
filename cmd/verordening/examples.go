package main

import "fmt"

func runExamples(e *env, args []string) int {
	var content string
	var regio bool
	fs := flagSet(e, "examples", "[--regio] [--content MAP]", "Toont de namen van de ingebouwde voorbeelden, één per regel.\n"+
		"Bouw een voorbeeld met: verordening build --example NAAM\n"+
		"Met --regio de voorbeeldregio's; bouw die met: verordening region --example NAAM")
	fs.BoolVar(&regio, "regio", false, "toon de voorbeeldregio's in plaats van de voorbeeldgemeenten")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	c, ok := loadContent(e, content)
	if !ok {
		return exitInput
	}
	names := c.Examples()
	if regio {
		names = c.RegionExamples()
	}
	for _, n := range names {
		fmt.Fprintln(e.stdout, n)
	}
	return exitOK
}
