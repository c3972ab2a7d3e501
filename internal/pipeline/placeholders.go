package pipeline

import (
	"fmt"
	"strings"

	"verordening/internal/document"
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
// its count, in order of first occurrence. It walks the model's
// document.Placeholder nodes in the order the renderers write them.
func (o *Output) Placeholders() []PlaceholderUse {
	var out []PlaceholderUse
	for _, d := range o.Docs {
		seen := map[string]int{}
		render.EachText(d, func(t document.Text) {
			t.Walk(func(n document.Inline) {
				p, ok := n.(document.Placeholder)
				if !ok {
					return
				}
				if i, ok := seen[string(p)]; ok {
					out[i].Count++
					return
				}
				seen[string(p)] = len(out)
				out = append(out, PlaceholderUse{Doc: d.Kind, Text: string(p), Count: 1})
			})
		})
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
