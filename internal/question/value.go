package question

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

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
	if q.Max != nil && float64(len([]rune(s))) > *q.Max {
		return nil, fmt.Sprintf("de tekst is te lang: ten hoogste %.0f tekens", *q.Max)
	}
	if strings.TrimSpace(s) == "" && !q.Optional {
		return nil, "de tekst is leeg; vul een tekst in"
	}
	if msg := q.checkRules(s); msg != "" {
		return nil, msg
	}
	return s, ""
}

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
			return nil, fmt.Sprintf("de optie %q staat dubbel in de lijst", v)
		}
		out = append(out, v)
	}
	return out, ""
}

func (q *Question) notOffered(v string) string {
	return fmt.Sprintf("onbekende keuze %q voor %s (kies uit: %s)", v, q.ID, strings.Join(q.OptionValues(), ", "))
}

var dutchDecimal = regexp.MustCompile(`^-?[0-9.]*,[0-9]+$`)

func (q *Question) parseNumber(s, tag string) (any, string) {
	s = strings.TrimSpace(s)
	if tag != "" && tag != "!!int" && tag != "!!float" {
		if dutchDecimal.MatchString(s) {
			return nil, fmt.Sprintf("schrijf het getal met een punt als decimaalteken en zonder scheidingstekens, bijvoorbeeld %s", strings.NewReplacer(".", "", ",", ".").Replace(s))
		}
		return nil, fmt.Sprintf("verwacht een getal (%s), niet %q", q.Type, s)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil {
		return nil, fmt.Sprintf("verwacht een getal (%s), niet %q", q.Type, s)
	}
	if q.Min != nil && f < *q.Min || q.Max != nil && f > *q.Max {
		return nil, fmt.Sprintf("%s valt buiten het bereik van %s tot en met %s%s", s, fmtNum(q.Min), fmtNum(q.Max), unitSuffix(q.Unit))
	}
	return f, ""
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
	return nil, fmt.Sprintf("verwacht ja of nee (true of false), niet %q", s)
}

func parseDate(s string) (any, string) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return nil, fmt.Sprintf("verwacht een datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01, niet %q", s)
	}
	return s, ""
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
