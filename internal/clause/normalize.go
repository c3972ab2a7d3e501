package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeText lowers s and collapses its white space, for matching
// forbidden texts. It is strings.Join(strings.Fields(strings.ToLower(s)),
// " ") in one pass with one allocation: the consistency rules normalise
// every article of every build, and the three passes took a tenth of a
// build. FuzzNormalizeText holds it to that expression.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next word
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c >= '\t' && c <= '\r':
				space = b.Len() > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		// An invalid byte decodes as utf8.RuneError, which ToLower
		// writes as U+FFFD, as strings.ToLower does.
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		r = unicode.ToLower(r)
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
