package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"verordening/internal/answer"
)

// printChoices ends check and build with what is still to decide: the
// bestuurlijke keuzes the file leaves to their default, by id and
// question, and how many other questions took their default. With all,
// every defaulted question is listed with its default and its source.
func printChoices(w io.Writer, ans *answer.Answers, all bool) {
	bestuurlijk, other := ans.DefaultChoices()
	fmt.Fprintln(w)
	if all {
		listChoices(w, "Bestuurlijke keuzes die nog niet zijn gemaakt", bestuurlijk)
		listChoices(w, "Andere vragen met de standaardwaarde", other)
		return
	}
	if len(bestuurlijk) == 0 {
		fmt.Fprintln(w, "Alle bestuurlijke keuzes zijn gemaakt.")
	} else {
		fmt.Fprintf(w, "%s nog niet gemaakt (de standaardwaarde is gebruikt):\n", count(len(bestuurlijk), "bestuurlijke keuze", "bestuurlijke keuzes"))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, c := range bestuurlijk {
			fmt.Fprintf(tw, "  %s\t%s\n", c.Q.ID, c.Q.Text)
		}
		tw.Flush()
	}
	if len(other) > 0 {
		verb := "hebben"
		if len(other) == 1 {
			verb = "heeft"
		}
		fmt.Fprintf(w, "Daarnaast %s %s de standaardwaarde.\n", verb, count(len(other), "andere vraag", "andere vragen"))
	}
	if len(bestuurlijk)+len(other) > 0 {
		fmt.Fprintln(w, "\"verordening check --open\" toont ze alle, met de standaardwaarde en haar bron.")
	}
}

func listChoices(w io.Writer, title string, cs []answer.Choice) {
	if len(cs) == 0 {
		fmt.Fprintf(w, "%s: geen.\n", title)
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", title, len(cs))
	for _, c := range cs {
		fmt.Fprintf(w, "  %s: %s\n      %s\n      bron: %s\n", c.Q.ID, c.Value, c.Q.Text, c.Source)
	}
}

// count writes n with the singular or the plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "één " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
