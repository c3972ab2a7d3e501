package clause

import (
	"regexp"
	"testing"
)

// toelichtingOracle is the regular expression SplitToelichting writes out.
var toelichtingOracle = regexp.MustCompile(`(?m)^## Toelichting[ \t]*$`)

func oracleSplit(out string) (string, string) {
	if loc := toelichtingOracle.FindStringIndex(out); loc != nil {
		return out[:loc[0]], out[loc[1]:]
	}
	return out, ""
}

var splitCases = []string{
	"",
	"Tekst.\n",
	"Tekst.\n\n## Toelichting\n\nUitleg.\n",
	"## Toelichting\nUitleg.",
	"Tekst.\n## Toelichting  \t\nUitleg.\n",
	"Tekst.\n## Toelichtingen\n## Toelichting\nUitleg.\n",
	"Tekst ## Toelichting\nmeer\n",
	"Tekst.\n ## Toelichting\n",
	"Tekst.\n## Toelichting",
	"Tekst.\n## Toelichting x\n## Toelichting\nB\n",
	"## Toelichting\n## Toelichting\n",
}

func checkSplit(t *testing.T, in string) {
	t.Helper()
	text, note := SplitToelichting(in)
	wantText, wantNote := oracleSplit(in)
	if text != wantText || note != wantNote {
		t.Errorf("SplitToelichting(%q) = %q, %q; want %q, %q", in, text, note, wantText, wantNote)
	}
}

func TestSplitToelichting(t *testing.T) {
	for _, in := range splitCases {
		checkSplit(t, in)
	}
}

func FuzzSplitToelichting(f *testing.F) {
	for _, in := range splitCases {
		f.Add(in)
	}
	f.Fuzz(checkSplit)
}
