package main

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"verordening/internal/answer"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/pipeline"
	"verordening/internal/region"
	"verordening/internal/source"
)

func runRegion(e *env, args []string) int {
	var file, example, content string
	var output outputFlags
	var check bool
	fs := flagSet(e, "region", "(--region BESTAND | --example NAAM) [opties]",
		"Bouwt de documenten van alle gemeenten van een regio, elk in MAP/<gemeente>/, en schrijft\n"+
			"MAP/harmonisatie.{md,html}: waar de gemeenten de regionale basis volgen en waar zij afwijken.\n"+
			"Met --check worden alle gemeenten alleen gecontroleerd en wordt de dekking per gemeente getoond.")
	fs.StringVar(&file, "region", "", "het regiobestand (YAML) met regio, afwijkbaar, basis en gemeenten")
	argName(fs, "region", "BESTAND")
	fs.StringVar(&example, "example", "", "gebruik een ingebouwde voorbeeldregio (zie: verordening examples --regio)")
	argName(fs, "example", "NAAM")
	output.register(fs, "out/<naam van de regio>", "de formaten, gescheiden door komma's: md, html, docx, pdf")
	fs.BoolVar(&check, "check", false, "alleen controleren en de dekking per gemeente tonen; niets schrijven")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	defer region.TuneGC()()
	fmts, code := output.parseFormats(e, "region")
	if fmts == nil {
		return code
	}
	c, ok := loadContent(e, content)
	if !ok {
		return exitInput
	}
	f, code := readRegion(e, c, file, example)
	if f == nil {
		return code
	}
	if check {
		return regionCheck(e, c, f)
	}
	output.apply(c)
	stop, ok := startPDF(e, "region", c, fmts)
	if !ok {
		return exitInput
	}
	defer stop()
	if output.dir == "" {
		output.dir = filepath.Join("out", pipeline.Slug(f.Regio))
	}
	return regionBuild(e, c, f, fmts, output.dir, file)
}

func readRegion(e *env, c *pipeline.Content, file, example string) (*region.File, int) {
	var name string
	var data []byte
	var err error
	switch {
	case file != "" && example != "":
		return nil, usageError(e, "region", "geef --region of --example, niet allebei")
	case file != "":
		name = file
		if data, err = readInput(file); err != nil {
			fmt.Fprintf(e.stderr, "%s: kan het regiobestand niet lezen: %v\n", file, err)
			return nil, exitInput
		}
	case example != "":
		if name, data, err = c.RegionExample(example); err != nil {
			return nil, usageError(e, "region", "%v", err)
		}
	default:
		return nil, usageError(e, "region", "geef een regiobestand met --region BESTAND, of een voorbeeld met --example NAAM")
	}
	f, warns, err := region.Parse(name, data, c.Questions)
	for _, w := range warns {
		fmt.Fprintln(e.stderr, w)
	}
	if err != nil {
		printErrors(e, err)
		return nil, exitInput
	}
	return f, exitOK
}

func regionCheck(e *env, c *pipeline.Content, f *region.File) int {
	ov, err := region.Build(c, f, nil, nil)
	if err != nil {
		printErrors(e, err)
		return exitInput
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GEMEENTE\tGELIJK AAN BASIS\tAFWIJKINGEN\tNIET GEDEKT\tTEGENSTRIJDIG")
	code := exitOK
	for _, r := range ov.Results {
		if len(r.Missing) > 0 || len(r.Conflicts) > 0 {
			code = exitInput
		}
		// One decimal, with the Dutch comma, as harmonisatie.html shows it.
		share := format.Procent(math.Round(r.Share()*10) / 10)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Gemeente.Name, share, strings.Join(r.Gemeente.Deviations, ", "),
			orDash(r.Missing), orDash(r.Conflicts))
	}
	tw.Flush()
	for _, r := range ov.Results {
		for _, p := range r.Problems {
			fmt.Fprintf(e.stderr, "%s: %s\n", r.Gemeente.Name, p)
		}
	}
	printRegionOpen(e, f, ov)
	if code == exitOK {
		fmt.Fprintf(e.stdout, "\nAlle %d gemeenten van %s dekken alle wettelijke eisen.\n", len(ov.Results), f.Regio)
	}
	return code
}

// printRegionOpen warns, once per figure and not once per gemeente, about
// the figures the region leaves open: the documents show a placeholder
// there until the region file gives a value. The exit code stays 0, as
// for build and check.
func printRegionOpen(e *env, f *region.File, ov *region.Overview) {
	for _, o := range ov.OpenFigures() {
		who := "alle gemeenten"
		if !o.All {
			who = strings.Join(o.Names, ", ")
		}
		fmt.Fprintf(e.stderr, "%s: waarschuwing: %s is nog niet ingevuld (%s): %s De documenten tonen daar %q. Vul het in onder basis:, of bij de gemeente als de vraag onder afwijkbaar: staat.\n",
			f.Name, o.Q.ID, who, o.Q.Text, answer.Placeholder(o.Q.ID))
	}
}

// regionBuild builds the region as one output (internal/output): every
// gemeente's folder and the overview are staged and then put in place
// together, so that outDir holds either the old region or the new one.
func regionBuild(e *env, c *pipeline.Content, f *region.File, formats []string, outDir, input string) int {
	tx, ok := beginOutput(e, "region", outDir, []string{input})
	if !ok {
		return exitInput
	}
	defer tx.Abort()
	// A write error is one of the output path, not of the gemeente's line
	// in the region file: the first one is kept and reported as it is.
	var mu sync.Mutex
	var writeErr error
	ov, err := region.Build(c, f, formats, func(slug string, files []pipeline.File) error {
		for _, file := range files {
			if err := tx.Write(slug+"/"+file.Name, file.Data); err != nil {
				mu.Lock()
				writeErr = cmp.Or(writeErr, err)
				mu.Unlock()
				return err
			}
		}
		return nil
	})
	if writeErr != nil {
		fmt.Fprintf(e.stderr, "verordening region: %v\nEr is niets geschreven.\n", writeErr)
		return exitInput
	}
	if err != nil {
		printErrors(e, err)
		fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		return exitInput
	}
	files, err := regionFiles(c, ov, formats)
	if err != nil {
		printErrors(e, err)
		fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		return exitInput
	}
	for _, file := range files {
		if err := tx.Write(file.Name, file.Data); err != nil {
			fmt.Fprintf(e.stderr, "verordening region: %v\nEr is niets geschreven.\n", err)
			return exitInput
		}
	}
	if !commitOutput(e, "region", tx) {
		return exitInput
	}
	// As build does: the documents are written, the findings are warnings.
	for _, r := range ov.Results {
		for _, p := range r.Problems {
			w := *p
			w.Severity = source.SevWarning
			fmt.Fprintf(e.stderr, "%s: %s\n", r.Gemeente.Name, &w)
		}
	}
	fmt.Fprintf(e.stdout, "%d gemeenten gebouwd in %s\n", len(ov.Results), outDir)
	for _, file := range files {
		fmt.Fprintln(e.stdout, filepath.Join(outDir, file.Name))
	}
	return exitOK
}

// regionFiles are the files of the region folder itself: the overview in
// each format and the index page, which links the overview and each
// gemeente's own index.
func regionFiles(c *pipeline.Content, ov *region.Overview, formats []string) ([]pipeline.File, error) {
	doc, err := ov.Document()
	if err != nil {
		return nil, err
	}
	files, err := c.Render(doc, formats)
	if err != nil {
		return nil, err
	}
	rows := pipeline.DocumentRows([]*document.Document{doc}, files)
	for _, r := range ov.Results {
		rows = append(rows, pipeline.IndexRow{Title: r.Gemeente.Name, Kind: "Documenten van de gemeente",
			Files: []string{r.Slug + "/" + pipeline.IndexFile}})
	}
	idx, err := c.Index(ov.File.Regio, true, rows)
	if err != nil {
		return nil, err
	}
	files = append(files, idx)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, nil
}

func orDash(ids []string) string {
	if len(ids) == 0 {
		return "-"
	}
	return strings.Join(ids, ", ")
}
