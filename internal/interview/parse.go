package interview

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"verordening/internal/format"
	"verordening/internal/question"
)

// Parse reads an answer to q as a person types it and checks it with the
// rules of the answers file (question.ParseText). Before that check it
// turns option numbers into their values ("2", "1,3"), "geen" into an empty
// list, Dutch numbers ("7,5", "€ 8.600") into plain ones and dates written
// as 1-7-2027 into 2027-07-01. The message, when not empty, says in Dutch
// what is wrong.
func Parse(q *question.Question, text string) (any, string) {
	s := strings.TrimSpace(text)
	switch q.Type {
	case question.Keuze:
		v, msg := optionValue(q, s)
		if msg != "" {
			return nil, msg
		}
		s = v
	case question.Meerkeuze:
		return parseList(q, s)
	case question.Getal, question.Bedrag, question.Percentage:
		s = normalizeNumber(q, s)
	case question.Datum:
		s = normalizeDate(s)
	}
	return q.ParseText(s, "")
}

// optionValue maps an option number or a value in any case to the value.
func optionValue(q *question.Question, s string) (string, string) {
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1 || n > len(q.Options) {
			return "", fmt.Sprintf("er is geen keuze %d; typ een nummer van 1 tot en met %d, of de waarde", n, len(q.Options))
		}
		return q.Options[n-1].Value, ""
	}
	lower := strings.ToLower(s)
	if slices.Contains(q.OptionValues(), lower) {
		return lower, ""
	}
	return s, ""
}

func parseList(q *question.Question, s string) (any, string) {
	if strings.EqualFold(s, "geen") && !slices.Contains(q.OptionValues(), "geen") {
		return []string{}, ""
	}
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		v, msg := optionValue(q, p)
		if msg != "" {
			return nil, msg
		}
		parts = append(parts, v)
	}
	return q.ParseText(strings.Join(parts, ","), "")
}

var (
	dutchGrouped = regexp.MustCompile(`^-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$`)
	dutchComma   = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)
	dutchDate    = regexp.MustCompile(`^([0-9]{1,2})[-/]([0-9]{1,2})[-/]([0-9]{4})$`)
)

// normalizeNumber drops a euro or percent sign and the unit, and reads
// Dutch grouping (8.600) and decimal commas (7,5).
func normalizeNumber(q *question.Question, s string) string {
	s = strings.TrimPrefix(s, "€")
	s = strings.TrimSuffix(s, "%")
	if q.Unit != "" {
		s = strings.TrimSuffix(s, q.Unit)
	}
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	switch {
	case dutchGrouped.MatchString(s):
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case dutchComma.MatchString(s):
		s = strings.Replace(s, ",", ".", 1)
	}
	return s
}

// normalizeDate turns 1-7-2027 or 01/07/2027 into 2027-07-01.
func normalizeDate(s string) string {
	m := dutchDate.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	return fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
}

// Display writes an answer for people: option labels, ja or nee, Dutch
// numbers with their unit, dates in words.
func Display(q *question.Question, v any) string {
	switch x := v.(type) {
	case nil:
		return "(open gelaten)"
	case []string, bool:
		return q.Show(x)
	case float64:
		return displayNumber(q, x)
	case string:
		switch q.Type {
		case question.Keuze:
			return q.Label(x)
		case question.Datum:
			return format.Datum(x)
		}
		return x
	}
	return fmt.Sprint(v)
}

func displayNumber(q *question.Question, f float64) string {
	var s string
	switch q.Type {
	case question.Bedrag:
		s = format.Bedrag(f)
	case question.Percentage:
		s = format.Procent(f)
	default:
		s = format.Getal(f)
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}

// EditText writes a value the way it can be typed back: a number with a
// decimal comma, a date as JJJJ-MM-DD, options by value.
func EditText(q *question.Question, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []string:
		return strings.Join(x, ",")
	case bool:
		return Display(q, x)
	case float64:
		return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)
	}
	return fmt.Sprint(v)
}

// Expect says in a few words what kind of answer q takes.
func Expect(q *question.Question) string {
	switch q.Type {
	case question.Keuze:
		return "Typ het nummer van uw keuze."
	case question.Meerkeuze:
		return "Typ de nummers van uw keuzes, gescheiden door komma's (bijvoorbeeld 1,3), of geen."
	case question.JaNee:
		return "Typ ja of nee."
	case question.Datum:
		return "Typ een datum, bijvoorbeeld 2027-01-01 of 1-1-2027."
	case question.Tekst:
		if q.Max != nil {
			return fmt.Sprintf("Typ een tekst van ten hoogste %.0f tekens.", *q.Max)
		}
		return "Typ een tekst."
	}
	return expectNumber(q)
}

func expectNumber(q *question.Question) string {
	what := map[question.Type]string{question.Bedrag: "een bedrag in euro", question.Percentage: "een percentage"}[q.Type]
	if what == "" {
		what = "een getal"
	}
	if q.Min != nil && q.Max != nil {
		lo := displayNumber(q, *q.Min)
		if q.Unit != "" {
			lo = strings.TrimSuffix(lo, " "+q.Unit)
		}
		return fmt.Sprintf("Typ %s van %s tot en met %s.", what, lo, displayNumber(q, *q.Max))
	}
	return "Typ " + what + "."
}

// SourceText says where a default comes from: "bron: titel, jaar", or ""
// when the questionnaire names no source.
func SourceText(q *question.Question) string {
	if q.Source == nil {
		return ""
	}
	return "bron: " + q.Source.String()
}
