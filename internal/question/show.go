package question

import (
	"strings"

	"verordening/internal/format"
)

// Show writes an answer to q as a reader expects it, as inline Markdown:
// "ja", "€ 2.700", "7,5%", option labels for choices, escaped free text.
func (q *Question) Show(v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "ja"
		}
		return "nee"
	case float64:
		switch q.Type {
		case Bedrag:
			return format.Bedrag(x)
		case Percentage:
			return format.Procent(x)
		}
		return format.Getal(x)
	case []string:
		if len(x) == 0 {
			return "geen"
		}
		labels := make([]string, len(x))
		for i, s := range x {
			labels[i] = q.Label(s)
		}
		return strings.Join(labels, "; ")
	case string:
		switch q.Type {
		case Keuze:
			return q.Label(x)
		case Datum:
			return format.Datum(x)
		}
		return format.EscapeMarkdown(x)
	}
	return ""
}
