package amend

import "verordening/internal/document"

// The amendment words its changes in Markdown sentences that quote the
// texts of the two verordeningen. md gives a model text as that Markdown;
// txt parses a sentence once, into the model of the wijzigingsverordening.

func md(t document.Text) string { return t.Markdown() }

func txt(s string) document.Text { return document.ParseMarkdown(s) }

func txts(ss ...string) []document.Text {
	out := make([]document.Text, len(ss))
	for i, s := range ss {
		out[i] = txt(s)
	}
	return out
}

func mds(ts []document.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = md(t)
	}
	return out
}
