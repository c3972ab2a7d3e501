package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"verordening/internal/answer"
	"verordening/internal/format"
	"verordening/internal/interview"
	"verordening/internal/pipeline"
	"verordening/internal/source"
)

// interviewFlags are the options of "verordening interview".
type interviewFlags struct {
	answers, out, content string
	all, force, plain     bool
}

func runInterview(e *env, args []string) int {
	var f interviewFlags
	fs := flagSet(e, "interview", "[--answers BESTAND] [--out BESTAND] [--all] [opties]",
		"Stelt de vragen van de vragenlijst één voor één, onderdeel voor onderdeel, en schrijft de antwoorden\n"+
			"in een antwoordbestand dat \"build\" en \"check\" kunnen lezen. Bij elke vraag ziet u de keuzes en de\n"+
			"standaardwaarde met haar bron; u kunt de toelichting opvragen, teruggaan en aan het eind elk\n"+
			"antwoord nog wijzigen. Met --answers gaat u verder waar u was gebleven.")
	fs.StringVar(&f.answers, "answers", "", "ga verder met dit (onvolledige) antwoordbestand: alleen open vragen")
	argName(fs, "answers", "BESTAND")
	fs.StringVar(&f.out, "out", "", "waar de antwoorden komen (standaard: --answers, anders antwoorden.yaml)")
	argName(fs, "out", "BESTAND")
	fs.BoolVar(&f.all, "all", false, "stel met --answers alle vragen opnieuw, met de antwoorden als voorstel")
	fs.BoolVar(&f.force, "force", false, "overschrijf een bestaand antwoordbestand")
	fs.BoolVar(&f.plain, "plain", false, "gewone tekstregels in plaats van formulieren (bijvoorbeeld voor een schermlezer)")
	registerContent(fs, &f.content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	if code := f.resolveOut(e); code >= 0 {
		return code
	}
	c, ok := loadContent(e, f.content)
	if !ok {
		return exitInput
	}
	cfg, ok := f.config(e, c)
	if !ok {
		return exitInput
	}
	ui, stop := chooseUI(e, f.plain)
	defer stop()
	cfg.UI = ui
	res, err := interview.Run(cfg)
	stop()
	return finishInterview(e, c, &f, res, err)
}

// resolveOut sets the default output file and refuses to overwrite a file
// that is not the one being resumed; it returns -1 to go on.
func (f *interviewFlags) resolveOut(e *env) int {
	if f.all && f.answers == "" {
		return usageError(e, "interview", "--all heeft alleen zin samen met --answers BESTAND")
	}
	if f.out == "" {
		f.out = "antwoorden.yaml"
		if f.answers != "" {
			f.out = f.answers
			if final := interview.FinalPath(f.answers); final != "" {
				f.out = final
			}
		}
	}
	if st, err := os.Stat(filepath.Dir(f.out)); err != nil || !st.IsDir() {
		return usageError(e, "interview", "de map %s bestaat niet; kies met --out een bestand in een bestaande map", filepath.Dir(f.out))
	}
	st, err := os.Stat(f.out)
	if err != nil || f.force {
		return -1
	}
	if st.IsDir() {
		return usageError(e, "interview", "%s is een map; geef bij --out de naam van een bestand", f.out)
	}
	if f.answers != "" {
		if a, err := os.Stat(f.answers); err == nil && os.SameFile(a, st) {
			return -1
		}
	}
	return usageError(e, "interview", "%s bestaat al en wordt niet overschreven. Ga ermee verder met --answers %s, kies een ander bestand met --out, of overschrijf het met --force",
		f.out, interview.Quote(f.out))
}

// config reads the file to resume, if any.
func (f *interviewFlags) config(e *env, c *pipeline.Content) (interview.Config, bool) {
	cfg := interview.Config{Questions: c.Questions, All: f.all, Draft: interview.DraftPath(f.out)}
	if f.answers == "" {
		return cfg, true
	}
	data, err := readInput(f.answers)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: kan het antwoordbestand niet lezen: %v\n", f.answers, err)
		return cfg, false
	}
	cfg.Existing, err = interview.ReadExisting(f.answers, data, c.Questions)
	if err != nil {
		printErrors(e, err)
		return cfg, false
	}
	return cfg, true
}

// chooseUI asks with forms when standard input and output are a terminal,
// and in text lines otherwise. stop ends the Ctrl-C handling of line mode.
func chooseUI(e *env, plain bool) (interview.UI, func()) {
	in, _ := e.stdin.(*os.File)
	out, _ := e.stdout.(*os.File)
	if !plain && in != nil && out != nil && term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd())) &&
		os.Getenv("TERM") != "dumb" {
		t := interview.NewTerminal(in, out)
		return t, func() { t.Close() }
	}
	if in == nil {
		return interview.NewLine(e.stdin, e.stdout, nil), func() {}
	}
	intr := make(chan os.Signal, 1)
	signal.Notify(intr, os.Interrupt)
	return interview.NewLine(e.stdin, e.stdout, intr), func() { signal.Stop(intr) }
}

// finishInterview writes the answers file or the draft and says what next.
func finishInterview(e *env, c *pipeline.Content, f *interviewFlags, res *interview.Result, err error) int {
	switch {
	case errors.Is(err, interview.ErrEndOfInput):
		fmt.Fprintf(e.stderr, "verordening interview: %v; er is niets geschreven.\n"+
			"Geef een antwoord op elke vraag (een lege regel neemt de standaardwaarde), of start het interview in een terminal.\n", err)
		return exitInput
	case err != nil:
		fmt.Fprintf(e.stderr, "verordening interview: %v; er is niets geschreven.\n", source.OSError(err))
		return exitInput
	case !res.Complete:
		return saveDraft(e, c, f, res)
	}
	return saveAnswers(e, c, f, res)
}

// saveAnswers checks the answers as "build" will read them, writes them
// and says what to do next.
func saveAnswers(e *env, c *pipeline.Content, f *interviewFlags, res *interview.Result) int {
	data := interview.Encode(res, c.Questions)
	ans, warnings, err := c.Decode(f.out, data)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	if err := interview.WriteFile(f.out, data); err != nil {
		fmt.Fprintf(e.stderr, "verordening interview: %v; er is niets geschreven.\n", err)
		return exitInput
	}
	for _, w := range warnings {
		fmt.Fprintln(e.stderr, w)
	}
	out := interview.Quote(f.out)
	fmt.Fprintf(e.stdout, "\nDe antwoorden staan in %s.\nBouw de documenten met:\n\n  verordening build --answers %s\n", f.out, out)
	notes(e, c, ans, out)
	if _, err := os.Stat(interview.DraftPath(f.out)); err == nil {
		fmt.Fprintf(e.stdout, "\nHet concept %s is niet meer nodig; u kunt het verwijderen.\n", interview.DraftPath(f.out))
	}
	return exitOK
}

// notes points at what "check" will report: requirements not covered and
// reference figures that may be out of date.
func notes(e *env, c *pipeline.Content, ans *answer.Answers, out string) {
	var missing []string
	if built, err := c.Build(ans, nil); err == nil {
		missing = built.Result.Coverage.Missing()
	}
	if len(missing) > 0 {
		fmt.Fprintf(e.stdout, "\nLet op: met deze antwoorden dekt de verordening niet alle wettelijke eisen (%s).\n", strings.Join(missing, ", "))
	}
	if n := len(pipeline.StaleFigures(ans)); n > 0 {
		fmt.Fprintf(e.stdout, "\nLet op: %d bedragen of percentages komen uit een bron van meer dan %s jaar voor de inwerkingtreding.\n",
			n, format.Woord(pipeline.StaleAfterYears))
	}
	if len(missing) > 0 || len(pipeline.StaleFigures(ans)) > 0 {
		fmt.Fprintf(e.stdout, "Zie: verordening check --answers %s\n", out)
	}
}

// saveDraft writes the draft when the user asked for one. Stopping early
// always ends with exit code 1: the answers file is not complete.
func saveDraft(e *env, c *pipeline.Content, f *interviewFlags, res *interview.Result) int {
	if !res.Keep {
		fmt.Fprintln(e.stderr, "Het interview is gestopt; er is niets geschreven.")
		return exitInput
	}
	draft := interview.DraftPath(f.out)
	if err := interview.WriteFile(draft, interview.EncodeDraft(res, c.Questions, draft, f.out)); err != nil {
		fmt.Fprintf(e.stderr, "verordening interview: %v; er is niets geschreven.\n", err)
		return exitInput
	}
	fmt.Fprintf(e.stderr, "Het interview is gestopt. Het onvolledige concept staat in %s.\nGa later verder met:\n\n  verordening interview --answers %s --out %s\n",
		draft, interview.Quote(draft), interview.Quote(f.out))
	return exitInput
}
