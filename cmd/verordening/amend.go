package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"verordening/internal/amend"
	"verordening/internal/document"
	"verordening/internal/pipeline"
)

func runAmend(e *env, args []string) int {
	var from, to, content string
	var output outputFlags
	fs := flagSet(e, "amend", "--from OUD.yaml --to NIEUW.yaml [opties]",
		"Vergelijkt de verordening van twee antwoordbestanden van dezelfde gemeente, artikel voor artikel,\n"+
			"en stelt de wijzigingsverordening op die van de oude naar de nieuwe tekst leidt\n"+
			"(wijzigingsverordening.md en .html), een was-wordt-tabel (waswordt.md en .html) en de\n"+
			"doorlopende tekst waarin de wijzigingen zijn gemarkeerd (wijzigingen.html; met --format docx\n"+
			"ook wijzigingen.docx, met de wijzigingen als bijgehouden wijzigingen in Word).\n"+
			"De artikelen houden hun oude nummer.\n"+
			"Zet in NIEUW.yaml bij inwerkingtreding de datum waarop de wijziging in werking treedt.")
	fs.StringVar(&from, "from", "", "het antwoordbestand van de verordening zoals die nu geldt")
	argName(fs, "from", "BESTAND")
	fs.StringVar(&to, "to", "", "het antwoordbestand met de nieuwe keuzes")
	argName(fs, "to", "BESTAND")
	output.register(fs, "out/<naam van de gemeente>-wijziging", "de formaten van de wijzigingsverordening en de was-wordt-tabel, gescheiden door komma's: md, html, docx, pdf")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	if from == "" || to == "" {
		return usageError(e, "amend", "geef het oude antwoordbestand met --from BESTAND en het nieuwe met --to BESTAND")
	}
	fmts, code := output.parseFormats(e, "amend")
	if fmts == nil {
		return code
	}
	c, ok := loadContent(e, content)
	if !ok {
		return exitInput
	}
	output.apply(c)
	stop, ok := startPDF(e, "amend", c, fmts)
	if !ok {
		return exitInput
	}
	defer stop()
	// Read both files before stopping, so that the errors of both show.
	oldAns, oldCode := readAnswers(e, c, &inputFlags{answers: from}, "amend")
	newAns, newCode := readAnswers(e, c, &inputFlags{answers: to}, "amend")
	if oldAns == nil || newAns == nil {
		if oldCode == exitInput || newCode == exitInput {
			fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		}
		return max(oldCode, newCode)
	}
	am, err := amend.Compare(c, oldAns, newAns)
	if err != nil {
		printErrors(e, err)
		fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		return exitInput
	}
	if am.Same() {
		amendSame(e, am, to)
		return exitOK
	}
	files, err := c.Render(am.Document(), fmts)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	ww, err := c.Render(am.WasWordt(), fmts)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	files = append(files, ww...)
	red, err := am.Redline(c.FS)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	files = append(files, pipeline.File{Name: "wijzigingen.html", Data: red})
	if slices.Contains(fmts, "docx") {
		red, err := am.RedlineDocx()
		if err != nil {
			printErrors(e, err)
			return exitInput
		}
		files = append(files, pipeline.File{Name: "wijzigingen.docx", Data: red})
	}
	slices.SortFunc(files, func(a, b pipeline.File) int { return strings.Compare(a.Name, b.Name) })
	if output.dir == "" {
		output.dir = filepath.Join("out", pipeline.Slug(am.Gemeente)+"-wijziging")
	}
	if files = writeFiles(e, "amend", output.dir, files, from, to); files == nil {
		return exitInput
	}
	for _, f := range files {
		fmt.Fprintln(e.stdout, filepath.Join(output.dir, f.Name))
	}
	n := len(am.Changes)
	if n == 1 {
		fmt.Fprintln(e.stdout, "\nDe wijzigingsverordening bevat één wijziging:")
	} else {
		fmt.Fprintf(e.stdout, "\nDe wijzigingsverordening bevat %d wijzigingen:\n", n)
	}
	for _, ch := range am.Changes {
		prefix := "  "
		if n > 1 {
			prefix = "  " + ch.Letter + ". "
		}
		fmt.Fprintln(e.stdout, prefix+amendPlain(ch.Summary()))
	}
	for _, o := range am.Others {
		fmt.Fprintln(e.stdout, "\n"+amendOther(o, true, to, am.Renumbered()))
	}
	if am.EarlyDate() {
		fmt.Fprintf(e.stderr, "let op: de datum van inwerkingtreding in %s ligt niet na die in %s; zet in %s de datum waarop de wijziging in werking treedt\n", to, from, to)
	}
	return exitOK
}

// reportSame says that no wijzigingsverordening is needed, and which other
// document does need amending, if any.
func amendSame(e *env, am *amend.Amendment, to string) {
	if len(am.Others) == 0 {
		fmt.Fprintln(e.stdout, "De twee antwoordbestanden geven dezelfde verordening; er is geen wijziging nodig.")
	} else {
		fmt.Fprintln(e.stdout, "De verordening verandert niet; er is geen wijzigingsverordening nodig.")
		for _, o := range am.Others {
			fmt.Fprintln(e.stdout, amendOther(o, false, to, false))
		}
	}
	var ids []string
	for _, c := range am.Answers {
		ids = append(ids, c.Question.ID)
	}
	ids = append(ids, am.FrameChanges()...)
	if len(ids) > 0 {
		fmt.Fprintf(e.stdout, "De gewijzigde antwoorden (%s) veranderen de tekst van de verordening niet.\n", strings.Join(ids, ", "))
	}
	fmt.Fprintln(e.stdout, "Er is niets geschreven.")
}

// amendOther says which other document needs amending and by whom.
//
// verordening build numbers the verordening afresh; when articles are
// inserted or go, its references into the verordening do not follow the
// amended numbering, and the drafter is told so.
func amendOther(o amend.Other, also bool, to string, renumbered bool) string {
	word := "wel"
	if also {
		word = "ook"
	}
	build := " De nieuwe tekst maakt u met: verordening build --answers " + to
	if renumbered {
		build += "; let op: die nummert de verordening opnieuw, terwijl de gewijzigde verordening haar nummers houdt. Neem bij verwijzingen naar de verordening de nummers uit wijzigingen.html over."
	}
	switch o.Kind {
	case document.Beleidsregels:
		return "De beleidsregels veranderen " + word + ": het college stelt gewijzigde beleidsregels vast." + build
	case document.Informatieblad:
		return "Het informatieblad verandert " + word + ": het college past het aan." + build
	}
	return "Ook het document " + string(o.Kind) + " verandert."
}

// plainText drops the Markdown escapes of a line for the terminal.
func amendPlain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
