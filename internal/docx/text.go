package docx

import (
	"slices"
	"strings"
)

// writeText writes runs as writeRuns does, with two changes for Word: a
// line break inside a run becomes a w:br, so that a new line inside a lid
// or onderdeel stays in its paragraph (and in its list item), and spaces
// that must not break a line become non-breaking (see nbsp).
func writeText(b *strings.Builder, runs []run) {
	for _, r := range runs {
		for i := 0; ; i++ {
			line, rest, more := strings.Cut(r.text, "\n")
			if i > 0 {
				b.WriteString("<w:r><w:br/></w:r>")
			}
			if line != "" {
				writeRuns(b, []run{{nbsp(line), r.format}})
			}
			if !more {
				break
			}
			r.text = rest
		}
	}
}

// nbsp returns s with non-breaking spaces (U+00A0) where Dutch typography
// keeps two words on one line: between "€" and its amount, between
// "artikel", "artikelen", "hoofdstuk", "lid" or "onderdeel" and its
// number ("artikel 8a", "Artikel II", "onderdeel e"), and inside a date ("1 januari
// 2027"). Only DOCX needs this: Markdown and HTML leave line breaking to
// the reader.
//
// Hand-written, not a regexp: it runs on every run of every document, and
// one pass over the spaces is several times cheaper than matching four
// patterns.
func nbsp(s string) string {
	var b strings.Builder
	last, wordStart := 0, 0
	before := "" // the word before the current one
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		word, next := s[wordStart:i], nextWord(s[i+1:])
		if glue(before, word, next) {
			if last == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[last:i])
			b.WriteString("\u00a0")
			last = i + 1
		}
		before, wordStart = word, i+1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func nextWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// glue reports whether the space between word and next must not break;
// before is the word before word.
//
// It runs for every space of every document: the cheap tests on the
// shape of the words come before the comparisons with word lists.
func glue(before, word, next string) bool {
	word = strings.TrimLeft(word, "(")
	switch {
	case word == "" || next == "":
		return false
	case word == "€":
		return startsDigit(next)
	case isDay(word):
		return isMonth(trimPunct(next))
	case isDay(strings.TrimLeft(before, "(")) && isMonth(word):
		return isYear(trimPunct(next))
	}
	return numbered(word, next)
}

// numbered reports whether word names a provision and next is its number.
func numbered(word, next string) bool {
	n := trimPunct(next)
	switch {
	case n == "" || len(word) < 3 || len(word) > 9:
		return false
	case !startsDigit(n) && !isRoman(n) && len(n) != 1:
		return false
	case strings.EqualFold(word, "artikel"), strings.EqualFold(word, "artikelen"), strings.EqualFold(word, "hoofdstuk"):
		return startsDigit(n) || isRoman(n)
	case strings.EqualFold(word, "lid"):
		return startsDigit(n)
	case strings.EqualFold(word, "onderdeel"):
		return startsDigit(n) || len(n) == 1 && n[0] >= 'a' && n[0] <= 'z'
	}
	return false
}

// trimPunct removes the punctuation that may follow a number or a month.
func trimPunct(s string) string {
	return strings.TrimRight(s, ",.;:)")
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isDay(s string) bool {
	return len(s) <= 2 && allDigits(s) && s != "0" && s != "00" && (len(s) == 1 || s <= "31")
}

func isYear(s string) bool { return len(s) == 4 && allDigits(s) }

// isRoman reports whether s is a capital Roman numeral, as the articles
// of a wijzigingsverordening are numbered (Artikel I, Artikel II).
func isRoman(s string) bool {
	return strings.Trim(s, "IVXLC") == ""
}

var months = []string{"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december"}

func isMonth(s string) bool { return slices.Contains(months, s) }
