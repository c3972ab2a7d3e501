// Command verordening drafts a gemeente's verordening jobcoaching, its
// toelichting and a coverage report from one answers file.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"verordening/internal/version"
)

// Exit codes.
const (
	exitOK    = 0 // done
	exitInput = 1 // findings in the input: answers, content or coverage
	exitUsage = 2 // the command line is wrong
)

// A command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(env *env, args []string) int
}

var commands = []command{
	{"build", "bouw de documenten voor één gemeente", runBuild},
	{"check", "controleer een antwoordbestand en toon welke artikelen de wettelijke eisen dekken", runCheck},
	{"amend", "stel de wijzigingsverordening op tussen twee antwoordbestanden van dezelfde gemeente", runAmend},
	{"region", "bouw de documenten van alle gemeenten van een regio en het harmonisatieoverzicht", runRegion},
	{"examples", "toon de namen van de ingebouwde voorbeelden", runExamples},
	{"interview", "beantwoord de vragenlijst stap voor stap en schrijf het antwoordbestand", runInterview},
	{"questions", "toon de vragenlijst als leesbaar document", runQuestions},
	{"serve", "open de wizard in de browser: vragen, overzicht en voorbeeld van de documenten", runServe},
}

// env is what a command may use of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func main() {
	collectLate(os.Args[1:])
	os.Exit(run(&env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:]))
}

// shortRuns are the commands that build once and exit.
var shortRuns = []string{"build", "check", "amend", "questions", "examples"}

// oneRunHeap is the heap at which a short run collects garbage.
const oneRunHeap = 256 << 20

// collectLate turns the garbage collector off for a command that builds
// once and exits, up to a soft limit of oneRunHeap: one gemeente's build
// allocates about 40 MB, nearly all of it garbage that the exit frees, and
// collecting it on the way costs a fifth of the run. The long-running
// commands (interview) keep the default; region sets its own while it
// builds.
func collectLate(args []string) {
	if len(args) > 0 && slices.Contains(shortRuns, args[0]) {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(oneRunHeap)
	}
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "version" {
		printVersion(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "verordening: onbekende opdracht %q; kies uit: %s\n", args[0], names())
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "verordening stelt de verordening jobcoaching (Participatiewet, artikel 8a) op uit de antwoorden van een gemeente.")
	fmt.Fprintln(w, "\nGebruik:\n  verordening <opdracht> [opties]\n\nOpdrachten:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nMeer over een opdracht: verordening <opdracht> --help")
	fmt.Fprintln(w, "De versie van dit programma: verordening --version")
	fmt.Fprintln(w, "Snel beginnen: verordening build --example "+firstExample())
}

// printVersion prints the version from the module's build information:
// the version the documents' metadata name, the commit and whether the
// work tree had changes, and the Go version.
func printVersion(w io.Writer) {
	in := version.Read()
	fmt.Fprintf(w, "verordening %s\n", in)
	if in.Revision != "" {
		changes := ""
		if in.Modified {
			changes = " (met wijzigingen die niet zijn vastgelegd)"
		}
		fmt.Fprintf(w, "commit %s%s\n", in.Revision, changes)
	}
	if in.Go != "" {
		fmt.Fprintf(w, "gebouwd met %s\n", in.Go)
	}
}

func names() string {
	var n []string
	for _, c := range commands {
		n = append(n, c.name)
	}
	return strings.Join(n, ", ")
}
