// Package format writes numbers, amounts, percentages, dates and
// enumerations the Dutch way, as legal texts print them.
package format

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
	"golang.org/x/text/unicode/norm"
)

var nl = message.NewPrinter(language.Dutch)

// Getal prints a number with Dutch grouping and decimal comma and at most
// two decimals: 1400 → "1.400", 7.5 → "7,5".
func Getal(f float64) string {
	return nl.Sprint(number.Decimal(f, number.MaxFractionDigits(2)))
}

// Bedrag prints an amount in euros: whole amounts without cents (€ 2.700),
// others with two decimals (€ 75,82).
func Bedrag(f float64) string {
	if f == float64(int64(f)) {
		return "€ " + nl.Sprint(number.Decimal(f, number.MaxFractionDigits(0)))
	}
	return "€ " + nl.Sprint(number.Decimal(f, number.MinFractionDigits(2), number.MaxFractionDigits(2)))
}

// Procent prints a percentage given in percent: 7.5 → "7,5%".
func Procent(f float64) string { return Getal(f) + "%" }

var words = []string{"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
	"elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"}

// Woord writes whole numbers up to twenty in words, as legal texts do
// ("binnen acht weken"), and larger or fractional numbers in digits.
func Woord(f float64) string {
	if f == float64(int(f)) && f >= 0 && int(f) < len(words) {
		return words[int(f)]
	}
	return Getal(f)
}

var ordinals = []string{"", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
	"negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende",
	"zeventiende", "achttiende", "negentiende", "twintigste"}

// Ordinal writes 1 as "eerste", 2 as "tweede"; beyond twenty "21e".
func Ordinal(n int) string {
	if n > 0 && n < len(ordinals) {
		return ordinals[n]
	}
	return strconv.Itoa(n) + "e"
}

// months: golang.org/x/text has no date formatting, and time.Format knows
// only English names, so the twelve Dutch month names are written here.
var months = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// Datum prints an ISO date (2026-07-01) as "1 juli 2026". Text that is not
// such a date is returned unchanged.
func Datum(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Join lists items as "a, b en c" (or "of" as the last word).
func Join(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + last + " " + items[len(items)-1]
}

// EscapeMarkdown makes text from the answers inert inside clause
// Markdown: every character CommonMark could read as inline markup gets a
// backslash, and control characters are dropped (the assembler uses them as
// internal markers). An answer may also land at the start of a line (a
// template line that opens with it, or a list item "- {{ . }}"), where a
// few more characters start a block: a list marker ("-", "+", "1." or
// "1)"), a thematic break ("- - -"), a setext underline ("=") or, after
// four spaces, indented code. So leading and trailing blanks are dropped
// (trailing ones would make a hard line break) and a block marker at the
// start is escaped. Answers are data and must never become markup.
// (gomarkdown shows the backslash of "\\=", so an answer of only "="
// signs reads differently there; goldmark and the DOCX reader are right.)
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range strings.TrimFunc(s, isBlank) {
		switch {
		case r < 0x20 && r != '\t' || r == 0x7f:
			if r == '\n' {
				b.WriteByte(' ')
			}
			continue
		case strings.ContainsRune("\\`*_{}[]<>#|~&!", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return escapeBlockStart(strings.TrimFunc(b.String(), isBlank))
}

// isBlank is what may stand around an answer without meaning anything:
// spaces, tabs and line ends.
func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// escapeBlockStart escapes the marker that would make s, at the start of
// a line, open a list, a thematic break or a setext heading.
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	if s[0] == '-' || s[0] == '+' || strings.Trim(s, "= ") == "" {
		// "=" only underlines a heading when the line holds nothing else.
		return "\\" + s
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// Slug turns text into lower case ASCII letters, digits and single hyphens,
// without leading or trailing hyphen, for folder names and HTML anchors
// ("Súdwest-Fryslân" → "sudwest-fryslan"). Letters lose their accents;
// other characters become hyphens. It returns "" when nothing is left.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
