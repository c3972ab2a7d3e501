package pipeline

import (
	"fmt"
	"strings"

	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/render"
)

// A PlaceholderUse is one placeholder that remains in a document, with
// how often it occurs there.
type PlaceholderUse struct {
	Doc   document.Kind
	Text  string // with its brackets: "[datum]"
	Count int
}

// Placeholders lists, per document in build order, every placeholder
// that remains in the built documents ("[datum]", open figures, the
// citeertitel of an unnamed re-integratieverordening), each once with
// its count, in order of first occurrence.
func (o *Output) Placeholders() []PlaceholderUse {
	written := map[string][]byte{}
	for _, f := range o.Files {
		written[f.Name] = f.Data
	}
	var out []PlaceholderUse
	for _, d := range o.Docs {
		// The Markdown written for the build, or made here when md was
		// not asked for.
		md, ok := written[string(d.Kind)+".md"]
		if !ok {
			md = render.Markdown(d)
		}
		seen := map[string]int{}
		for _, p := range format.Placeholders(string(md)) {
			if i, ok := seen[p]; ok {
				out[i].Count++
				continue
			}
			seen[p] = len(out)
			out = append(out, PlaceholderUse{Doc: d.Kind, Text: p, Count: 1})
		}
	}
	return out
}

// PlaceholderSummary is the lines build prints about the placeholders:
// a heading, then one line per document; nil when none remain.
func PlaceholderSummary(uses []PlaceholderUse) []string {
	if len(uses) == 0 {
		return nil
	}
	total := 0
	var lines []string
	for i := 0; i < len(uses); {
		j := i
		var parts []string
		for ; j < len(uses) && uses[j].Doc == uses[i].Doc; j++ {
			total += uses[j].Count
			p := uses[j].Text
			if uses[j].Count > 1 {
				p += fmt.Sprintf(" (%d×)", uses[j].Count)
			}
			parts = append(parts, p)
		}
		lines = append(lines, fmt.Sprintf("  %s: %s", uses[i].Doc, strings.Join(parts, ", ")))
		i = j
	}
	head := fmt.Sprintf("Nog in te vullen in de documenten (%d plaatshouders, gemarkeerd in HTML en Word):", total)
	return append([]string{head}, lines...)
}
