package main

import (
	"errors"
	"fmt"
	"sync"

	"verordening/internal/output"
	"verordening/internal/pipeline"
)

// usedAnswers is the name of the answers as used when antwoorden.yaml in
// the output folder is the answers file being built: the input is never
// overwritten.
const usedAnswers = "antwoorden.gebruikt.yaml"

// parallelWrites is how many files writeFiles writes at once.
const parallelWrites = 8

// writeFiles puts the files into dir all at once, through internal/output:
// a failure leaves dir as it was, files the tool did not write are never
// replaced or removed, and the tool's files of an earlier run that this
// run did not write are removed and named on stdout. inputs are the run's
// input files: none of them is overwritten. It returns the files as
// written (antwoorden.yaml may have become antwoorden.gebruikt.yaml), or
// nil after printing the error.
func writeFiles(e *env, cmd, dir string, files []pipeline.File, inputs ...string) []pipeline.File {
	tx, ok := beginOutput(e, cmd, dir, inputs)
	if !ok {
		return nil
	}
	defer tx.Abort()
	files = avoidInputs(e, tx, files)
	// The files are written side by side (the commit syncs them all at
	// once). The first error in the order of files is told.
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	slots := make(chan struct{}, parallelWrites)
	for i, f := range files {
		wg.Go(func() {
			slots <- struct{}{}
			errs[i] = tx.Write(f.Name, f.Data)
			<-slots
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			fmt.Fprintf(e.stderr, "verordening %s: %v\nEr is niets geschreven.\n", cmd, err)
			return nil
		}
	}
	if !commitOutput(e, cmd, tx) {
		return nil
	}
	return files
}

// beginOutput starts writing into dir, after finishing or cleaning up an
// interrupted earlier run there.
func beginOutput(e *env, cmd, dir string, inputs []string) (*output.Tx, bool) {
	tx, note, err := output.Begin(dir)
	if note != "" {
		fmt.Fprintln(e.stderr, note)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "verordening %s: %v\nEr is niets geschreven.\n", cmd, err)
		return nil, false
	}
	tx.Protect(inputs...)
	return tx, true
}

// commitOutput moves the staged files into place and names the stale
// outputs it removed.
func commitOutput(e *env, cmd string, tx *output.Tx) bool {
	res, err := tx.Commit()
	if err != nil {
		fmt.Fprintf(e.stderr, "verordening %s: %v\n", cmd, err)
		if !errors.Is(err, output.ErrPending) {
			fmt.Fprintln(e.stderr, "Er is niets geschreven.")
		}
		return false
	}
	for _, p := range res.Removed {
		fmt.Fprintf(e.stdout, "verwijderd (niet meer gebouwd): %s\n", p)
	}
	return true
}

// avoidInputs renames antwoorden.yaml when it would replace the answers
// file being read.
func avoidInputs(e *env, tx *output.Tx, files []pipeline.File) []pipeline.File {
	out := make([]pipeline.File, len(files))
	for i, f := range files {
		if f.Name == "antwoorden.yaml" && tx.IsInput(f.Name) {
			fmt.Fprintf(e.stderr, "let op: %s is het antwoordbestand zelf en blijft zoals het is; de antwoorden zoals ze zijn gebruikt staan in %s\n",
				tx.Path(f.Name), tx.Path(usedAnswers))
			f.Name = usedAnswers
		}
		out[i] = f
	}
	return out
}
