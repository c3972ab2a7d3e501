package clause

import "strings"

// toelichtingMarker is the line that starts a clause's toelichting.
const toelichtingMarker = "## Toelichting"

// ToelichtingAt finds the first line of s that reads "## Toelichting",
// trailing blanks allowed: start is where the line starts and end where
// its blanks end, or both are -1. It is the regular expression
// (?m)^## Toelichting[ \t]*$ written out, because the regexp engine cost
// a tenth of a region build for this one search.
func ToelichtingAt(s string) (start, end int) {
	for i := 0; ; {
		j := strings.Index(s[i:], toelichtingMarker)
		if j < 0 {
			return -1, -1
		}
		start := i + j
		end := start + len(toelichtingMarker)
		for end < len(s) && (s[end] == ' ' || s[end] == '\t') {
			end++
		}
		if (start == 0 || s[start-1] == '\n') && (end == len(s) || s[end] == '\n') {
			return start, end
		}
		i = start + 1
	}
}

// SplitToelichting splits a clause's text or output at that line: text is
// what comes before it, note what follows it.
func SplitToelichting(s string) (text, note string) {
	start, end := ToelichtingAt(s)
	if start < 0 {
		return s, ""
	}
	return s[:start], s[end:]
}
