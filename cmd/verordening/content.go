package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/pflag"

	"verordening"
	"verordening/internal/answer"
	"verordening/internal/pipeline"
	"verordening/internal/source"
)

// inputFlags are the options every command that reads answers shares.
type inputFlags struct {
	answers, example, content string
}

func (f *inputFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.answers, "answers", "", "het antwoordbestand (YAML) van de gemeente")
	argName(fs, "answers", "BESTAND")
	fs.StringVar(&f.example, "example", "", "gebruik een ingebouwd voorbeeld in plaats van een antwoordbestand (zie: verordening examples)")
	argName(fs, "example", "NAAM")
	registerContent(fs, &f.content)
}

func registerContent(fs *pflag.FlagSet, dir *string) {
	fs.StringVar(dir, "content", "", "map met eigen questions/, clauses/ en templates/ in plaats van de ingebouwde")
	argName(fs, "content", "MAP")
}

// loadContent loads the embedded content pack, or the one in dir.
func loadContent(e *env, dir string) (*pipeline.Content, bool) {
	var fsys fs.FS = verordening.Content
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			fmt.Fprintf(e.stderr, "%s: geen map; geef bij --content een map met questions/, clauses/ en templates/\n", dir)
			return nil, false
		}
		fsys = source.LimitFS(os.DirFS(dir), source.MaxFile)
	}
	c, err := pipeline.Load(fsys)
	if err != nil {
		printErrors(e, err)
		return nil, false
	}
	for _, w := range c.Library.Warnings {
		fmt.Fprintln(e.stderr, w)
	}
	return c, true
}

// readAnswers reads and decodes the answers named by the flags. It prints
// warnings and errors; ok is false when the answers cannot be used.
func readAnswers(e *env, c *pipeline.Content, f *inputFlags, cmd string) (ans *answer.Answers, code int) {
	var name string
	var data []byte
	var err error
	switch {
	case f.answers != "" && f.example != "":
		return nil, usageError(e, cmd, "geef --answers of --example, niet allebei")
	case f.answers != "":
		name = f.answers
		if data, err = readInput(name); err != nil {
			fmt.Fprintf(e.stderr, "%s: kan het antwoordbestand niet lezen: %v\n", name, err)
			return nil, exitInput
		}
	case f.example != "":
		name, data, err = c.Example(f.example)
		if err != nil {
			return nil, usageError(e, cmd, "%v", err)
		}
	default:
		return nil, usageError(e, cmd, "geef een antwoordbestand met --answers BESTAND, of een voorbeeld met --example NAAM")
	}
	ans, warnings, err := c.Decode(name, data)
	for _, w := range warnings {
		fmt.Fprintln(e.stderr, w)
	}
	if err != nil {
		printErrors(e, err)
		return nil, exitInput
	}
	return ans, -1
}

// readInput reads an input file given on the command line: a regular file
// of at most source.MaxFile bytes. The error says, in Dutch and without
// the name, why it cannot be read.
func readInput(name string) ([]byte, error) {
	data, err := source.ReadFile(name, source.MaxFile)
	if fe, ok := err.(*source.FileError); ok {
		return nil, errors.New(fe.Msg)
	}
	if err != nil {
		return nil, errors.New(source.Reason(err))
	}
	return data, nil
}

// printErrors prints every message of err, one per line, and a count.
func printErrors(e *env, err error) {
	list, ok := err.(source.ErrorList)
	if !ok {
		fmt.Fprintln(e.stderr, source.OSError(err))
		return
	}
	n, shown := 0, 0
	for _, m := range list {
		if m.Severity == source.SevError {
			n++
		}
		if shown < maxMessages || m.Pos.Line == 0 { // a whole file's problem is often the cause
			fmt.Fprintln(e.stderr, m)
			shown++
		}
	}
	if len(list) > shown {
		fmt.Fprintf(e.stderr, "(en nog %d meldingen; herstel eerst de bovenstaande)\n", len(list)-shown)
	}
	if n > 1 {
		fmt.Fprintf(e.stderr, "%d fouten.\n", n)
	}
}

// maxMessages is how many messages printErrors shows: a file that is wrong
// on every line gives a screenful to start with, not a flood.
const maxMessages = 50

// firstExample names an example for the usage text. It reads the names
// from the embedded folder without loading the content pack.
func firstExample() string {
	c := &pipeline.Content{FS: verordening.Content}
	if names := c.Examples(); len(names) > 0 {
		return names[0]
	}
	return "<naam>"
}
