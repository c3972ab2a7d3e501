package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

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
				arg = " " + strings.ToUpper(f.Value.Type())
				if f.Annotations["arg"] != nil {
					arg = " " + f.Annotations["arg"][0]
				}
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
		fmt.Fprintf(e.stderr, "verordening %s: %s\nZie: verordening %s --help\n", fs.Name(), dutchFlagError(err), fs.Name())
		return exitUsage
	case fs.NArg() > 0:
		fmt.Fprintf(e.stderr, "verordening %s: onverwacht argument %q; opties beginnen met --\nZie: verordening %s --help\n", fs.Name(), fs.Arg(0), fs.Name())
		return exitUsage
	}
	return -1
}

func dutchFlagError(err error) string {
	s := err.Error()
	repl := []struct{ en, nl string }{
		{"unknown flag: ", "onbekende optie "},
		{"unknown shorthand flag: ", "onbekende optie "},
		{"flag needs an argument: ", "optie heeft een waarde nodig: "},
		{"invalid argument ", "ongeldige waarde "},
	}
	for _, r := range repl {
		if strings.HasPrefix(s, r.en) {
			return r.nl + strings.TrimPrefix(s, r.en)
		}
	}
	return s
}

func usageError(e *env, cmd, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "verordening %s: %s\nZie: verordening %s --help\n", cmd, fmt.Sprintf(format, args...), cmd)
	return exitUsage
}

// outputFlags are the --out and --format options of the commands that
// write documents.
type outputFlags struct {
	dir, formats string
}

// register adds --out (whose default the command derives later, as
// outDefault says) and --format with the given help text.
func (o *outputFlags) register(fs *pflag.FlagSet, outDefault, formatHelp string) {
	fs.StringVar(&o.dir, "out", "", "de map voor de documenten (standaard: "+outDefault+")")
	argName(fs, "out", "MAP")
	fs.StringVar(&o.formats, "format", "md,html", formatHelp)
	argName(fs, "format", "LIJST")
}

// parseFormats reads --format; a bad list is a usage error (code >= 0).
func (o *outputFlags) parseFormats(e *env, cmd string) ([]string, int) {
	fmts, err := pipeline.ParseFormats(o.formats)
	if err != nil {
		return nil, usageError(e, cmd, "%v", err)
	}
	return fmts, -1
}
