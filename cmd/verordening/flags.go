package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/pflag"

	"verordening/internal/pipeline"
)

// flagSet makes a flag set whose help and errors are in Dutch. pflag's own
// usage text is English ("default"), so the options are listed here.
func flagSet(e *env, name, synopsis, about string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "Gebruik: verordening %s %s\n\n%s\n\nOpties:\n", name, synopsis, about)
		fs.VisitAll(func(f *pflag.Flag) {
			arg := ""
			if f.Value.Type() != "bool" {
				arg = " " + argOf(f)
			}
			def := ""
			if f.DefValue != "" && f.DefValue != "false" {
				def = " (standaard: " + f.DefValue + ")"
			}
			fmt.Fprintf(w, "  --%-22s %s%s\n", f.Name+arg, f.Usage, def)
		})
	}
	return fs
}

// argName sets the placeholder shown for a flag's value in the help.
func argName(fs *pflag.FlagSet, flag, arg string) {
	_ = fs.SetAnnotation(flag, "arg", []string{arg})
}

// parse parses args; it returns -1 to go on, or the exit code.
func parse(e *env, fs *pflag.FlagSet, args []string) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		// pflag has already called fs.Usage.
		return exitOK
	case err != nil:
		fmt.Fprintf(e.stderr, "verordening %s: %s\nZie: verordening %s --help\n", fs.Name(), dutchFlagError(fs, err), fs.Name())
		return exitUsage
	case fs.NArg() > 0:
		fmt.Fprintf(e.stderr, "verordening %s: onverwacht argument %q; opties beginnen met --\nZie: verordening %s --help\n", fs.Name(), fs.Arg(0), fs.Name())
		return exitUsage
	}
	return -1
}

// dutchFlagError says in Dutch what is wrong with the options. pflag has
// no translation hook and its texts are English ("unknown shorthand flag:
// 'e' in -example"), so each of its error kinds is mapped here.
func dutchFlagError(fs *pflag.FlagSet, err error) string {
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		return unknownFlag(fs, notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames())
	case errors.As(err, &needsValue):
		f := needsValue.GetFlag()
		return fmt.Sprintf("optie --%s heeft een waarde nodig: --%s %s", f.Name, f.Name, argOf(f))
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		if f.Value.Type() == "bool" {
			return fmt.Sprintf("ongeldige waarde %q voor --%s; geef alleen --%s, zonder waarde", invalid.GetValue(), f.Name, f.Name)
		}
		return fmt.Sprintf("ongeldige waarde %q voor --%s", invalid.GetValue(), f.Name)
	case errors.As(err, &syntax):
		return fmt.Sprintf("ongeldige optie %q; een optie heeft de vorm --naam of --naam=waarde", syntax.GetSpecifiedFlag())
	}
	return "de opties zijn niet te lezen"
}

// unknownFlag names an unknown option and the known one the user most
// likely meant. A single dash makes pflag read letters ("-example" is -e,
// -x, …): then the long option of that name is what was meant.
func unknownFlag(fs *pflag.FlagSet, name, shorthands string) string {
	if shorthands != "" {
		msg := fmt.Sprintf("onbekende optie '%s' in -%s", name, shorthands)
		long, _, _ := strings.Cut(shorthands, "=")
		if fs.Lookup(long) != nil {
			return msg + fmt.Sprintf("; bedoelt u --%s? Opties beginnen met twee streepjes", long)
		}
		return msg + "; opties beginnen met twee streepjes, zoals --help"
	}
	msg := "onbekende optie --" + name
	best, bestDist := "", 3 // suggest only close names
	fs.VisitAll(func(f *pflag.Flag) {
		if d := levenshtein.ComputeDistance(name, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	if best != "" {
		msg += "; bedoelt u --" + best + "?"
	}
	return msg
}

// argOf is the placeholder of a flag's value, as the help shows it.
func argOf(f *pflag.Flag) string {
	if a := f.Annotations["arg"]; a != nil {
		return a[0]
	}
	return strings.ToUpper(f.Value.Type())
}

func usageError(e *env, cmd, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "verordening %s: %s\nZie: verordening %s --help\n", cmd, fmt.Sprintf(format, args...), cmd)
	return exitUsage
}

// outputFlags are the --out, --format and --drop options of the commands
// that write documents.
type outputFlags struct {
	dir, formats string
	drop         bool
}

// register adds --out (whose default the command derives later, as
// outDefault says) and --format with the given help text.
func (o *outputFlags) register(fs *pflag.FlagSet, outDefault, formatHelp string) {
	fs.StringVar(&o.dir, "out", "", "de map voor de documenten (standaard: "+outDefault+")")
	argName(fs, "out", "MAP")
	fs.StringVar(&o.formats, "format", "md,html", formatHelp)
	argName(fs, "format", "LIJST")
	fs.BoolVar(&o.drop, "drop", false, "Word voor plaatsing via DROP: artikelkoppen als vette tekst, zonder inhoudsopgave")
}

// parseFormats reads --format; a bad list is a usage error (code >= 0).
func (o *outputFlags) parseFormats(e *env, cmd string) ([]string, int) {
	fmts, err := pipeline.ParseFormats(o.formats)
	if err != nil {
		return nil, usageError(e, cmd, "%v", err)
	}
	if o.drop && !slices.Contains(fmts, "docx") {
		return nil, usageError(e, cmd, "--drop geldt alleen voor Word; voeg docx toe aan --format, bijvoorbeeld --format md,html,docx")
	}
	return fmts, -1
}

// apply gives c the options of the formats: DROP for Word.
func (o *outputFlags) apply(c *pipeline.Content) { c.Docx.DROP = o.drop }
