package question

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"verordening/internal/format"
	"verordening/internal/source"
)

// Parse reads the value of an answer (or a default) to q from a YAML node.
// It returns the typed value, or a Dutch message saying what is wrong and
// what to write instead.
func (q *Question) Parse(n *yaml.Node) (any, string) {
	switch q.Type {
	case Meerkeuze:
		return q.parseList(n)
	}
	if n.Kind != yaml.ScalarNode {
		return nil, fmt.Sprintf("verwacht één waarde van type %s, geen %s", q.Type, kindName(n))
	}
	return q.ParseText(n.Value, n.Tag)
}

// ParseText reads a scalar value given as text; tag is the YAML tag when
// known ("!!str", "!!int", …) or "" for text typed by a person.
func (q *Question) ParseText(s, tag string) (any, string) {
	switch q.Type {
	case Keuze:
		if !slices.Contains(q.OptionValues(), s) {
			return nil, q.notOffered(s)
		}
		return s, ""
	case Getal, Bedrag, Percentage:
		return q.parseNumber(s, tag)
	case JaNee:
		return parseBool(s)
	case Datum:
		return parseDate(s)
	case Meerkeuze:
		var out []string
		for _, part := range strings.Split(s, ",") {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, p)
			}
		}
		return q.checkList(out)
	}
	if msg := checkVisible(s); msg != "" {
		return nil, msg
	}
	limit := float64(MaxText)
	if q.Max != nil {
		limit = *q.Max
	}
	if float64(utf8.RuneCountInString(s)) > limit {
		return nil, fmt.Sprintf("de tekst is te lang: ten hoogste %.0f tekens", limit)
	}
	if strings.TrimSpace(s) == "" && !q.Optional {
		return nil, "de tekst is leeg; vul een tekst in"
	}
	if msg := q.checkRules(s); msg != "" {
		return nil, msg
	}
	return s, ""
}

// MaxName bounds the name of a gemeente or a region, in characters and in
// the characters of the folder name made from it: the longest Dutch
// gemeente names are about 25 characters, and a folder name must stay far
// below the 255 bytes a file system allows.
const MaxName = 80

// CheckName is the message for a name of a gemeente or region that cannot
// be used, or "": one line of visible text of at most MaxName characters.
func CheckName(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case strings.ContainsAny(s, "\r\n"):
		return "de naam moet op één regel staan"
	case utf8.RuneCountInString(s) > MaxName:
		return fmt.Sprintf("de naam %s is te lang: ten hoogste %d tekens", Quote(s), MaxName)
	case len(format.Slug(s)) > MaxName:
		return fmt.Sprintf("de naam %s geeft een te lange mapnaam: ten hoogste %d tekens", Quote(s), MaxName)
	}
	return checkVisible(s)
}

// MaxText bounds a free-text answer that has no max of its own: the longest
// real ones (a contact paragraph) are a few hundred characters.
const MaxText = 2000

func (q *Question) parseList(n *yaml.Node) (any, string) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Sprintf("verwacht een lijst van opties, zoals [%s]", strings.Join(q.OptionValues()[:min(2, len(q.Options))], ", "))
	}
	var vals []string
	for _, el := range n.Content {
		if el.Kind != yaml.ScalarNode {
			return nil, "elk element van de lijst moet één optie zijn"
		}
		vals = append(vals, el.Value)
	}
	return q.checkList(vals)
}

func (q *Question) checkList(vals []string) (any, string) {
	out := []string{}
	for _, v := range vals {
		if !slices.Contains(q.OptionValues(), v) {
			return nil, q.notOffered(v)
		}
		if slices.Contains(out, v) {
			return nil, fmt.Sprintf("de optie %s staat dubbel in de lijst", Quote(v))
		}
		out = append(out, v)
	}
	return out, ""
}

func (q *Question) notOffered(v string) string {
	return fmt.Sprintf("onbekende keuze %s voor %s (kies uit: %s)", Quote(v), q.ID, strings.Join(q.OptionValues(), ", "))
}

var dutchDecimal = regexp.MustCompile(`^-?[0-9.]*,[0-9]+$`)

func (q *Question) parseNumber(s, tag string) (any, string) {
	s = strings.TrimSpace(s)
	if tag != "" && tag != "!!int" && tag != "!!float" {
		if dutchDecimal.MatchString(s) {
			return nil, fmt.Sprintf("schrijf het getal met een punt als decimaalteken en zonder scheidingstekens, bijvoorbeeld %s", strings.NewReplacer(".", "", ",", ".").Replace(s))
		}
		return nil, fmt.Sprintf("verwacht een getal (%s), niet %s", q.Type, Quote(s))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		// NaN and ±Inf parse as floats (YAML's .nan and .inf too), but
		// no legal text can say "ten hoogste NaN maanden".
		return nil, fmt.Sprintf("verwacht een getal (%s), niet %s", q.Type, Quote(s))
	}
	if q.Min != nil && f < *q.Min || q.Max != nil && f > *q.Max {
		return nil, fmt.Sprintf("%s valt buiten het bereik van %s tot en met %s%s", Shorten(s), fmtNum(q.Min), fmtNum(q.Max), unitSuffix(q.Unit))
	}
	return f, ""
}

// quoteMax is how many characters of a value a message quotes.
const quoteMax = 40

// Quote quotes a value from the input for a message, shortened to its
// first quoteMax characters and "…": a message names the value, it does not
// echo a megabyte of it.
func Quote(s string) string {
	if r := []rune(s); len(r) > quoteMax {
		return strconv.Quote(string(r[:quoteMax])+"…") + fmt.Sprintf(" (%d tekens)", len(r))
	}
	return strconv.Quote(s)
}

// Shorten is s cut to its first quoteMax characters and "…".
func Shorten(s string) string {
	if r := []rune(s); len(r) > quoteMax {
		return string(r[:quoteMax]) + "…"
	}
	return s
}

// Invisible returns the first character of s that a reader cannot see
// but that changes how the text reads or is processed, and its place
// (counted in characters from 1): control characters other than tab and
// newline, and Unicode format characters such as the right-to-left
// override U+202E, zero-width spaces and joiners, and the line and
// paragraph separators. Such characters are refused rather than stripped:
// a text shown in a regulation must be the text the gemeente wrote.
func Invisible(s string) (r rune, at int, found bool) {
	i := 0
	for _, c := range s {
		i++
		if c != '\t' && c != '\n' && c != '\r' && (invisible(c) || c == utf8.RuneError) {
			return c, i, true
		}
	}
	return 0, 0, false
}

func invisible(c rune) bool {
	return unicode.IsControl(c) || unicode.In(c, unicode.Cf, unicode.Zl, unicode.Zp)
}

// InvisibleMessage is the message for an invisible character c at place
// at of a text.
func InvisibleMessage(c rune, at int) string {
	if c == utf8.RuneError {
		return fmt.Sprintf("de tekst bevat op teken %d een ongeldig teken (geen UTF-8); typ de tekst opnieuw", at)
	}
	return fmt.Sprintf("de tekst bevat op teken %d een onzichtbaar stuurteken (U+%04X); haal het weg: zulke tekens laten een tekst anders lezen dan hij er staat", at, c)
}

// checkVisible is the message for a text with an invisible character, or "".
func checkVisible(s string) string {
	if c, at, ok := Invisible(s); ok {
		return InvisibleMessage(c, at)
	}
	return ""
}

func fmtNum(f *float64) string {
	if f == nil {
		return "…"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func unitSuffix(u string) string {
	if u == "" {
		return ""
	}
	return " " + u
}

func parseBool(s string) (any, string) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "ja", "j":
		return true, ""
	case "false", "nee", "n":
		return false, ""
	}
	return nil, fmt.Sprintf("verwacht ja of nee (true of false), niet %s", Quote(s))
}

// The years a date in a regulation may lie in: a verordening on
// jobcoaching (art. 10 Participatiewet, 2015) that dates from before 1990
// or takes effect after 2100 is a typing error.
const (
	MinYear = 1990
	MaxYear = 2100
)

var isoDate = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})$`)

// parseDate reads an ISO date and says, when it is wrong, which part is.
func parseDate(s string) (any, string) {
	s = strings.TrimSpace(s)
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Sprintf("verwacht een datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01, niet %s", Quote(s))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	switch {
	case mo < 1 || mo > 12:
		return nil, fmt.Sprintf("verwacht een datum die bestaat, maar in %s bestaat maand %d niet; schrijf JJJJ-MM-DD met een maand van 01 tot en met 12", s, mo)
	case d < 1 || d > daysIn(y, mo):
		return nil, fmt.Sprintf("verwacht een datum die bestaat, maar in %s bestaat dag %d niet: %s heeft %d dagen", s, d, strings.TrimPrefix(format.Datum(fmt.Sprintf("%04d-%02d-01", y, mo)), "1 "), daysIn(y, mo))
	case y < MinYear || y > MaxYear:
		return nil, fmt.Sprintf("verwacht een datum tussen %d en %d, niet %s; controleer het jaar", MinYear, MaxYear, s)
	}
	return s, ""
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "lijst"
	case yaml.MappingNode:
		return "map"
	}
	return "waarde"
}

// YAMLError turns a yaml.v3 error into positioned Dutch messages. yaml.v3
// reports syntax errors as "yaml: line N: msg" without a column and type
// errors as a *yaml.TypeError with "line N: msg" entries; both carry the
// line only, so the column is left unknown rather than guessed.
func YAMLError(name string, err error) error {
	var errs source.ErrorList
	if te, ok := err.(*yaml.TypeError); ok {
		for _, m := range te.Errors {
			line, msg := splitLine(m)
			errs.Add(source.Pos{File: name, Line: line, Col: 1}, "%s", msg)
		}
		return errs
	}
	line, msg := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
	if line == 0 {
		line = 1
	}
	errs.Add(source.Pos{File: name, Line: line, Col: 1}, "YAML-syntaxfout: %s", dutchYAML(msg))
	return errs
}

// yamlMessages renders yaml.v3's most common syntax messages in Dutch,
// each with what to do.
var yamlMessages = []struct{ en, nl string }{
	{"did not find expected ',' or ']'", "een lijst tussen [ en ] wordt niet afgesloten; zet ] aan het eind van de lijst"},
	{"did not find expected ',' or '}'", "een map tussen { en } wordt niet afgesloten; zet } aan het eind"},
	{"did not find expected key", "hier wordt een sleutel verwacht; controleer de inspringing (gebruik spaties, geen tabs)"},
	{"mapping values are not allowed in this context", "een dubbele punt staat waar geen sleutel kan staan; zet de waarde tussen aanhalingstekens"},
	{"found character that cannot start any token", "een teken dat hier niet mag beginnen (zoals een tab, @ of `); gebruik spaties of zet de waarde tussen aanhalingstekens"},
	{"could not find expected ':'", "na de sleutel ontbreekt een dubbele punt"},
	{"found unexpected end of stream", "het bestand eindigt midden in een waarde; controleer of elk aanhalingsteken is gesloten"},
	{"did not find expected node content", "hier ontbreekt een waarde"},
	{"found a tab character that violates indentation", "een tab in de inspringing; gebruik spaties"},
}

func dutchYAML(msg string) string {
	for _, m := range yamlMessages {
		if strings.HasPrefix(msg, m.en) {
			return m.nl
		}
	}
	if strings.HasPrefix(msg, "mapping key ") && strings.Contains(msg, "already defined") {
		return "deze sleutel staat al eerder in het bestand (" + msg + "); laat er één over"
	}
	return msg + "; controleer inspringing, dubbele punten en aanhalingstekens"
}

var lineRe = regexp.MustCompile(`^line (\d+): (.*)$`)

func splitLine(s string) (int, string) {
	m := lineRe.FindStringSubmatch(s)
	if m == nil {
		return 0, s
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2]
}
