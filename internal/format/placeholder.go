package format

import (
	"strings"
	"unicode"
)

// A placeholder is text in square brackets that the gemeente still has to
// replace: "[datum]", "[uurtarief: in te vullen door de gemeente]". In
// inline Markdown it is an unescaped "[" that does not start a link or an
// image, the text up to the next "]" on the same line with no bracket in
// between, and a "]" that is not followed by "(" or "[". The renderers
// highlight it, and build lists every one that remains.

// maxPlaceholder bounds the text of a placeholder, so that a stray "["
// in a long paragraph is not taken for one.
const maxPlaceholder = 200

// PlaceholderEnd reports whether a placeholder starts at s[i], which must
// be "[", and returns the index just after its "]"; -1 when none starts
// there. The caller has already passed over backslash escapes, so s[i]
// is not escaped.
func PlaceholderEnd(s string, i int) int {
	if i >= len(s) || s[i] != '[' || i > 0 && (s[i-1] == '!' || s[i-1] == ']') {
		return -1
	}
	letter := false
	for j := i + 1; j < len(s) && j-i <= maxPlaceholder; j++ {
		switch c := s[j]; c {
		case '\\':
			j++ // an escaped character belongs to the text
		case '[', '\n':
			return -1
		case ']':
			if !letter || j+1 < len(s) && (s[j+1] == '(' || s[j+1] == '[') {
				return -1
			}
			return j + 1
		default:
			if c >= 0x80 || unicode.IsLetter(rune(c)) {
				letter = true
			}
		}
	}
	return -1
}

// IsPunct reports whether c is ASCII punctuation: the characters a
// backslash escapes in CommonMark.
func IsPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
