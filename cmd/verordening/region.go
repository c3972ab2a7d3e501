package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

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
	output.register(fs, "out/<naam van de regio>", "de formaten, gescheiden door komma's: md, html, docx")
	fs.BoolVar(&check, "check", false, "alleen controleren en de dekking per gemeente tonen; niets schrijven")
	registerContent(fs, &content)
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
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
	if output.dir == "" {
		output.dir = filepath.Join("out", pipeline.Slug(f.Regio))
	}
	return regionBuild(e, c, f, fmts, output.dir)
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
		fmt.Fprintf(tw, "%s\t%.1f%%\t%s\t%s\t%s\n", r.Gemeente.Name, r.Share(), strings.Join(r.Gemeente.Deviations, ", "),
			orDash(r.Missing), orDash(r.Conflicts))
	}
	tw.Flush()
	for _, r := range ov.Results {
		for _, p := range r.Problems {
			fmt.Fprintf(e.stderr, "%s: %s\n", r.Gemeente.Name, p)
		}
	}
	if code == exitOK {
		fmt.Fprintf(e.stdout, "\nAlle %d gemeenten van %s dekken alle wettelijke eisen.\n", len(ov.Results), f.Regio)
	}
	return code
}

// regionBuild builds into a staging folder inside outDir and moves the
// results into place only when every gemeente has been built: a failure
// leaves outDir as it was.
func regionBuild(e *env, c *pipeline.Content, f *region.File, formats []string, outDir string) int {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "verordening region: kan de map %s niet maken: %v\n", outDir, err)
		return exitInput
	}
	stage, err := os.MkdirTemp(outDir, ".bouw-")
	if err != nil {
		fmt.Fprintf(e.stderr, "verordening region: %v\n", err)
		return exitInput
	}
	defer os.RemoveAll(stage)
	ov, err := region.Build(c, f, formats, func(slug string, files []pipeline.File) error {
		return writeStaged(filepath.Join(stage, slug), files)
	})
	if err != nil {
		printErrors(e, err)
		fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		return exitInput
	}
	files, err := c.Render(ov.Document(), formats)
	if err == nil {
		err = writeFiles(stage, files)
	}
	if err == nil {
		err = moveInto(stage, outDir)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "verordening region: %v\n", err)
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

// moveInto renames every entry of stage into dir, replacing what was there.
func moveInto(stage, dir string) error {
	entries, err := os.ReadDir(stage)
	if err != nil {
		return err
	}
	for _, en := range entries {
		target := filepath.Join(dir, en.Name())
		if en.IsDir() {
			if err := os.RemoveAll(target); err != nil {
				return err
			}
		}
		if err := os.Rename(filepath.Join(stage, en.Name()), target); err != nil {
			return err
		}
	}
	return nil
}

func orDash(ids []string) string {
	if len(ids) == 0 {
		return "-"
	}
	return strings.Join(ids, ", ")
}
