package clause

import (
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// BuildFuncs are the template functions whose results depend on one build
// (the answers and the chosen clauses). The library parses templates with
// stand-ins; the assembler binds the real ones on a clone of the set.
var BuildFuncs = []string{"ref", "Ref", "refs", "selected", "bron", "label", "labels", "begrippen", "cijfer", "open", "definities"}

// PureFuncs are functions with no state: formatting of numbers and dates.
var PureFuncs = []string{"bedrag", "procent", "getal", "woord", "datum", "lijst", "lijstof"}

// parseFuncs is sprig's hermetic map (no clock, no environment, no
// randomness: the same answers give the same text) plus stand-ins for our
// own functions, so that templates parse.
func parseFuncs() template.FuncMap {
	m := sprig.HermeticTxtFuncMap()
	stand := func(...any) (string, error) { return "", nil }
	for _, name := range append(append([]string{}, BuildFuncs...), PureFuncs...) {
		m[name] = stand
	}
	m["selected"] = func(string) bool { return false }
	m["open"] = func(string) bool { return false }
	return m
}
