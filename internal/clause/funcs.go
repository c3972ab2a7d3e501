package clause

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"

	"verordening/internal/source"
)

// BuildFuncs are the template functions whose results depend on one build
// (the answers and the chosen clauses). The library parses templates with
// stand-ins; the assembler binds the real ones on a clone of the set.
var BuildFuncs = []string{"ref", "Ref", "refs", "selected", "bron", "label", "labels", "begrippen", "cijfer", "open", "definities"}

// PureFuncs are functions with no state: formatting of numbers and dates.
var PureFuncs = []string{"bedrag", "procent", "getal", "woord", "datum", "lijst", "lijstof"}

// AllowedFuncs are the functions of text/template and sprig that clauses
// and frames may call, besides BuildFuncs and PureFuncs: those the content
// uses and pure, bounded string, list and number functions beside them.
// Everything else (clock, randomness, environment, files, crypto, regular
// expressions, encodings, dictionaries, indentation) is refused when the
// library loads, so that a content pack cannot make the output depend on
// anything but the answers, nor reach outside. The functions marked
// "bounded" check their arguments against the Limits before they run.
// docs/clause-format.md lists the same names; keep the two in step.
var AllowedFuncs = []string{
	// text/template built-ins (call, html, js and urlquery are refused)
	"and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "len", "index", "slice",
	"printf", "print", "println", // bounded
	// strings
	"trim", "trimAll", "trimPrefix", "trimSuffix", "upper", "lower", "title", "untitle",
	"substr", "trunc", "abbrev", "nospace", "contains", "hasPrefix", "hasSuffix",
	"repeat", "replace", "cat", "join", "splitList", "toString", // bounded
	// lists
	"list", "append", "concat", "until", "untilStep", "seq", // bounded
	"first", "last", "rest", "initial", "has", "without", "compact", "uniq", "sortAlpha",
	// numbers and values
	"add", "add1", "sub", "mul", "div", "mod", "max", "min",
	"addf", "subf", "mulf", "divf", "maxf", "minf", "floor", "ceil", "round",
	"atoi", "int", "int64", "float64", "default", "empty", "coalesce", "ternary",
}

// builtins are text/template's own functions; they need no entry in a
// FuncMap to be called.
var builtins = []string{"and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "len", "index", "slice",
	"printf", "print", "println", "call", "html", "js", "urlquery"}

// tickFunc is the function the loader puts at the start of every range
// body to bound loops in time (see instrument); clauses cannot call it.
const tickFunc = "limietControle"

// allowed reports whether a template may call the function name.
func allowed(name string) bool {
	return slices.Contains(AllowedFuncs, name) || slices.Contains(BuildFuncs, name) || slices.Contains(PureFuncs, name)
}

// parseFuncs holds every name a template could call, so that a function
// that is not allowed parses and is then refused with its line and column
// (see the checks of clause.Inspect in check.go) instead of "function not defined" without a
// column. Refused names are bound to a function that fails, in case a
// template reaches execution without the check.
func parseFuncs() template.FuncMap {
	m := template.FuncMap{}
	for name := range sprig.TxtFuncMap() {
		m[name] = refused(name)
	}
	for _, name := range builtins {
		if !allowed(name) {
			m[name] = refused(name)
		}
	}
	hermetic := sprig.HermeticTxtFuncMap()
	for _, name := range AllowedFuncs {
		if f, ok := hermetic[name]; ok {
			m[name] = f
		}
	}
	for name, f := range DefaultLimits.funcs() {
		m[name] = f
	}
	stand := func(...any) (string, error) { return "", nil }
	for _, name := range append(append([]string{}, BuildFuncs...), PureFuncs...) {
		m[name] = stand
	}
	m["selected"] = func(string) bool { return false }
	m["open"] = func(string) bool { return false }
	m[tickFunc] = func() (string, error) { return "", nil }
	return m
}

func refused(name string) func(...any) (any, error) {
	return func(...any) (any, error) {
		return nil, fmt.Errorf("de functie %s is niet toegestaan in een clausule", name)
	}
}

// Messages of text/template, in Dutch. text/template writes its errors as
// "template: name:line:col: executing "name" at <node>: message" (while
// running) and "template: name:line: message" (while parsing); both are
// taken apart here into one position and a Dutch message.
var (
	execRe  = regexp.MustCompile(`(?s)^template: (.+?):(\d+):(\d+): executing "[^"]*" at <(.*?)>: (.*)$`)
	parseRe = regexp.MustCompile(`(?s)^template: (.+?):(\d+): (.*)$`)
)

// ExecError turns an error of executing template name into a *source.Error
// at the node where it occurred.
func ExecError(name string, err error) error {
	var se *source.Error
	if errors.As(err, &se) {
		return se
	}
	m := execRe.FindStringSubmatch(err.Error())
	if m == nil {
		return &source.Error{Pos: source.Pos{File: name}, Msg: "fout bij het uitvoeren van de template (" + dutchExec(strings.TrimPrefix(err.Error(), "template: ")) + ")"}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	// text/template counts columns from 0.
	pos := source.Pos{File: m[1], Line: line, Col: col + 1}
	if errors.Is(err, errLimit) {
		_, msg, _ := strings.Cut(m[5], errLimit.Error()+": ")
		return &source.Error{Pos: pos, Msg: "grens bereikt: " + msg}
	}
	return &source.Error{Pos: pos, Msg: fmt.Sprintf("%s (bij {{ %s }})", dutchExec(m[5]), shorten(m[4], 60))}
}

// ParseError turns an error of parsing body (the text of template name)
// into a *source.Error; for an unknown function it finds the column.
func ParseError(name, body string, err error) error {
	m := parseRe.FindStringSubmatch(err.Error())
	if m == nil {
		return &source.Error{Pos: source.Pos{File: name}, Msg: "fout in de template: " + err.Error()}
	}
	line, _ := strconv.Atoi(m[2])
	pos := source.Pos{File: m[1], Line: line}
	msg := m[3]
	if fn, ok := strings.CutPrefix(msg, "function "); ok && strings.HasSuffix(fn, " not defined") {
		fn = strings.Trim(strings.TrimSuffix(fn, " not defined"), `"`)
		pos.Col = wordCol(body, line, fn)
		return &source.Error{Pos: pos, Msg: fmt.Sprintf("onbekende functie %q; docs/clause-format.md noemt de functies die een clausule kan gebruiken", fn)}
	}
	return &source.Error{Pos: pos, Msg: dutchParse(msg)}
}

// wordCol gives the column of the first whole word w on line of s, or 0.
func wordCol(s string, line int, w string) int {
	lines := strings.Split(s, "\n")
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	isWord := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	for off := 0; ; {
		i := strings.Index(l[off:], w)
		if i < 0 {
			return 0
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(l[:i])
		after, _ := utf8.DecodeRuneInString(l[i+len(w):])
		if !isWord(before) && !isWord(after) {
			return utf8.RuneCountInString(l[:i]) + 1
		}
		off = i + len(w)
	}
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// translation is one English message of text/template or Go's runtime
// and its Dutch text; %s stands for the part that varies.
type translation struct {
	re *regexp.Regexp
	nl string
}

func tr(re, nl string) translation { return translation{regexp.MustCompile(re), nl} }

var execMessages = []translation{
	tr(`^error calling (\w+): (.*)$`, "fout in %[1]s: %[2]s"),
	tr(`^map has no entry for key "(.*)"$`, "onbekende sleutel %[1]q"),
	tr(`^wrong number of args for (\w+): want (.*) got (\d+)$`, "verkeerd aantal argumenten voor %[1]s: verwacht %[2]s, gekregen %[3]s"),
	tr(`^wrong type for value; expected (.*); got (.*)$`, "verkeerd soort waarde: verwacht %[1]s, gekregen %[2]s"),
	tr(`^can't evaluate field (\w+) in type (.*)$`, "het veld %[1]s bestaat niet in %[2]s"),
	tr(`^incompatible types for comparison(.*)$`, "deze waarden zijn van verschillende soort en niet te vergelijken%[1]s"),
	tr(`^invalid type for comparison$`, "deze waarde is niet te vergelijken"),
	tr(`^range can't iterate over (.*)$`, "range kan niet lopen over %[1]s"),
	tr(`^nil pointer evaluating (.*)$`, "lege waarde bij het lezen van %[1]s"),
	tr(`^can't give argument to non-function (.*)$`, "%[1]s is geen functie en krijgt geen argumenten"),
	tr(`^index out of range: (-?\d+)$`, "index %[1]s bestaat niet"),
	tr(`^runtime error: integer divide by zero$`, "deling door nul"),
	tr(`^runtime error: (slice bounds|index) out of range(.*)$`, "buiten het bereik van de tekst of lijst%[2]s"),
	tr(`^cannot index slice/array with nil$`, "een lijst kan niet met een lege waarde worden geïndexeerd"),
	tr(`^invalid value; expected (.*)$`, "ongeldige waarde; verwacht %[1]s"),
	tr(`^error calling index: (.*)$`, "fout in index: %[1]s"),
	tr(`^(.*)$`, "%[1]s"),
}

var parseMessages = []translation{
	tr(`^unexpected EOF$`, "de template houdt onverwacht op: ontbreekt een {{ end }}?"),
	tr(`^unexpected \{\{end\}\}$`, "{{ end }} zonder if, range of with ervoor"),
	tr(`^unexpected \{\{else\}\}$`, "{{ else }} zonder if, range of with ervoor"),
	tr(`^unclosed action.*$`, "actie zonder afsluitende }}"),
	tr(`^undefined variable "(.*)"$`, "onbekende variabele %[1]q"),
	tr(`^missing value for (\w+)$`, "%[1]s zonder waarde"),
	tr(`^unterminated quoted string$`, "tekst tussen aanhalingstekens zonder afsluitend aanhalingsteken"),
	tr(`^unterminated raw quoted string$`, "tekst tussen backticks zonder afsluitende backtick"),
	tr(`^bad character (.*)$`, "ongeldig teken %[1]s"),
	tr(`^unterminated character constant$`, "teken tussen enkele aanhalingstekens zonder afsluitend aanhalingsteken (schrijf tekst tussen dubbele aanhalingstekens)"),
	tr(`^unclosed left paren$`, "haakje openen zonder haakje sluiten"),
	tr(`^unexpected right paren.*$`, "haakje sluiten zonder haakje openen"),
	tr(`^unexpected unclosed action in (\w+)$`, "actie zonder afsluitende }} in %[1]s"),
	tr(`^illegal number syntax: (.*)$`, "ongeldig getal %[1]s"),
	tr(`^empty command$`, "lege actie {{ }}"),
	tr(`^missing value for command$`, "actie zonder waarde"),
	tr(`^bad number syntax: (.*)$`, "ongeldig getal %[1]s"),
	tr(`^unexpected (.*) in (.*)$`, "onverwacht %[1]s in %[2]s"),
	tr(`^unrecognized character in action: (.*)$`, "ongeldig teken %[1]s in een actie {{ }}"),
	tr(`^(.*)$`, "fout in de opbouw van de template (%[1]s)"),
}

func translate(msgs []translation, msg string) string {
	for _, t := range msgs {
		m := t.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, s := range m[1:] {
			args[i] = s
		}
		out := fmt.Sprintf(t.nl, args...)
		if strings.HasPrefix(t.nl, "fout in %[1]s: ") {
			// The function's own message may be English (sprig, Go's runtime).
			out = "fout in " + m[1] + ": " + translate(execMessages[1:], m[2])
		}
		return out
	}
	return msg
}

func dutchExec(msg string) string  { return translate(execMessages, msg) }
func dutchParse(msg string) string { return translate(parseMessages, msg) }
