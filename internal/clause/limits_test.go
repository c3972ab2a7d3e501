package clause_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"

	"verordening/internal/clause"
	"verordening/internal/pipeline"
	"verordening/internal/question"
	"verordening/internal/source"
)

// The clause the attacks go into: it is always chosen, and its body starts
// on line 12, so an injected line is line 12.
const (
	target     = "clauses/verordening/00-begripsbepalingen.md"
	targetLine = 12
)

// inject puts text as the first line(s) of the target clause's body.
func inject(t testing.TB, text string) map[string]string {
	t.Helper()
	data, err := fs.ReadFile(overlay(t, nil), target)
	if err != nil {
		t.Fatal(err)
	}
	front, _, _ := strings.Cut(string(data)[4:], "\n---\n")
	if n := strings.Count("---\n"+front+"\n---\n", "\n"); n != targetLine-1 {
		t.Fatalf("%s: body starts on line %d, want %d", target, n+1, targetLine)
	}
	return map[string]string{target: strings.Replace(string(data), "\n---\n", "\n---\n"+text+"\n\n", 1)}
}

// at is the position of column col of the injected line.
func at(col int) string { return fmt.Sprintf("%s:%d:%d: ", target, targetLine, col) }

// TestRefusedFunctions: a function that reads the clock, the environment
// or chance, or that clauses do not need, is refused when the library
// loads, at its line and column, in Dutch.
func TestRefusedFunctions(t *testing.T) {
	for _, fn := range []string{"randInt 1 9", "shuffle \"abc\"", "ago 1", "now", "bcrypt \"x\"",
		"genPrivateKey \"rsa\"", "encryptAES \"k\" \"x\"", "env \"HOME\"", "expandenv \"$HOME\"",
		"uuidv4", "randAlphaNum 5", "html \"x\"", "urlquery \"x\"", "call .A", "indent 3 \"x\"",
		"regexReplaceAll \"a\" \"b\" \"c\"", "b64enc \"x\"", "dict", "getHostByName \"x\"", "limietControle"} {
		name := strings.Fields(fn)[0]
		_, err := load(t, inject(t, "Tekst {{ "+fn+" }}."))
		want := at(10) + "de functie " + name + " is niet toegestaan"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", name, err, want)
		}
	}
}

// TestAllowedFuncsExist: every allowed function is known to the loader
// and passes its check.
func TestAllowedFuncsExist(t *testing.T) {
	var calls []string
	for _, fn := range clause.AllowedFuncs {
		calls = append(calls, "{{ if false }}{{ "+fn+" }}{{ end }}")
	}
	if _, err := load(t, inject(t, strings.Join(calls, "")+"Tekst.")); err != nil {
		t.Fatal(err)
	}
}

func buildStubs() template.FuncMap {
	m := template.FuncMap{}
	for _, n := range append(append([]string{}, clause.BuildFuncs...), clause.PureFuncs...) {
		m[n] = func(...any) (string, error) { return "", nil }
	}
	m["selected"] = func(string) bool { return false }
	m["open"] = func(string) bool { return false }
	return m
}

// build builds the first example with the content pack changed by files.
func build(t *testing.T, files map[string]string) error {
	t.Helper()
	c, err := pipeline.Load(overlay(t, files))
	if err != nil {
		return err
	}
	ans, err := c.ExampleAnswers(c.Examples()[0])
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Build(ans, []string{"md"})
	return err
}

// TestExecutionBounds: a template that would write hundreds of megabytes,
// make a list of billions of numbers or loop without end is stopped within
// the bounds, with the clause's file, line and column and a Dutch message.
func TestExecutionBounds(t *testing.T) {
	saved := clause.DefaultLimits
	clause.DefaultLimits.Time = time.Second
	defer func() { clause.DefaultLimits = saved }()
	tests := []struct {
		name, text, want string
	}{
		{"repeat", `{{ repeat 300000000 "x" }}`, at(4) + "grens bereikt: repeat 300000000 maal"},
		{"until", `{{ range until 3000000000 }}x{{ end }}`, at(10) + "grens bereikt: until 3000000000"},
		{"untilStep", `{{ range untilStep 0 3000000000 1 }}x{{ end }}`, at(10) + "grens bereikt: untilStep"},
		{"seq", `{{ seq 300000000 }}`, at(4) + "grens bereikt: seq"},
		{"nested loops", `{{ range until 10000 }}{{ range until 10000 }}{{ range until 10000 }}{{ end }}{{ end }}{{ end }}`,
			"grens bereikt: de template loopt langer dan 1s"},
		{"range over a number", `{{ range 3000000000 }}{{ end }}`, at(10) + "grens bereikt: de template loopt langer dan"},
		{"output of a loop", `{{ range until 10000 }}{{ repeat 1000 "x" }}{{ end }}`, at(10) + "grens bereikt: de uitvoer van de template wordt groter dan 1048576 bytes"},
		{"output without a loop", strings.Repeat(`{{ repeat 1000000 "x" }}`, 3), target + ": grens bereikt: de uitvoer van de template is groter dan"},
		{"printf width", `{{ printf "%0300000000d" 1 }}`, at(4) + "grens bereikt: printf"},
		{"printf star", `{{ printf "%*d" 300000000 1 }}`, at(4) + "grens bereikt: printf: een breedte met *"},
		{"printf doubling", `{{ $s := "xxxxxxxxxx" }}{{ range until 40 }}{{ $s = printf "%s%s" $s $s }}{{ end }}`, "grens bereikt: printf: de tekst wordt langer"},
		{"cat doubling", `{{ $s := "xxxxxxxxxx" }}{{ range until 40 }}{{ $s = cat $s $s }}{{ end }}`, "grens bereikt: cat"},
		{"list doubling", `{{ $l := list 1 }}{{ range until 100 }}{{ $l = list $l $l }}{{ end }}{{ $l }}`, "grens bereikt: list"},
		{"append", `{{ $l := list }}{{ range until 10000 }}{{ $l = append $l (repeat 100000 "x") }}{{ end }}`, "grens bereikt: append"},
		{"concat doubling", `{{ $l := list 1 }}{{ range until 100 }}{{ $l = concat $l $l }}{{ end }}`, "grens bereikt: concat"},
		{"join", `{{ join (repeat 100000 "x") (until 10000) }}`, at(4) + "grens bereikt: join"},
		{"replace", `{{ replace "" (repeat 1000 "y") (repeat 10000 "x") }}`, at(4) + "grens bereikt: replace"},
		{"splitList", `{{ splitList "" (repeat 100000 "x") }}`, at(4) + "grens bereikt: splitList"},
		{"upper", `{{ $s := repeat 500000 "ȿ" }}{{ range until 10 }}{{ $s = upper (lower $s) }}{{ end }}`, "grens bereikt: de tekst wordt langer"},
		{"toString", `{{ $l := list 1 }}{{ range until 19 }}{{ $l = list $l $l }}{{ end }}{{ toString $l }}`, "grens bereikt:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := build(t, inject(t, tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if line := lineOf(err.Error(), "grens bereikt"); !strings.HasPrefix(line, target+":") || strings.Count(line, target) != 1 {
				t.Errorf("want one position in %s: %q", target, line)
			}
		})
	}
}

// TestBodyMarkup: a heading or raw HTML in a clause's text is refused when
// the library loads, at its line and column.
func TestBodyMarkup(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"html", "<b>vet</b> tekst.", at(1) + "HTML in de tekst"},
		{"html inside a line", "Tekst {{ .Regeling }} met <span>x</span>.", at(27) + "HTML in de tekst"},
		{"comment", "Tekst <!-- weg -->.", at(7) + "HTML"},
		{"heading", "# Kop", at(1) + "een kop (#) in de tekst van een artikel"},
		{"heading 2", "  ## Kop", at(1) + "een kop (#)"},
		{"setext", "Tekst\n===", fmt.Sprintf("%s:%d:1: een regel met alleen \"===\"", target, targetLine+1)},
		{"rule", "***", at(1) + "een regel met alleen \"***\""},
		{"define", `{{ define "templates/verordening/aanhef.md.tmpl" }}Anders{{ end }}Tekst.`, target + ":12:"},
		{"block", `{{ block "x" . }}Anders{{ end }}Tekst.`, "{{ define }} en {{ block }} zijn niet toegestaan (hier \"x\")"},
		{"empty define", `{{ define "templates/verordening/aanhef.md.tmpl" }}{{ end }}Tekst.`, target + ":12:"},
		{"heading in the toelichting", "Tekst.\n\n## Toelichting\n\n## Kop", fmt.Sprintf("%s:%d:1: in de toelichting van een clausule zijn alleen koppen", target, targetLine+4)},
	}
	for _, tc := range tests {
		_, err := load(t, inject(t, tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	for _, ok := range []string{"Tekst met 3 < 5 en a<5.", "Tekst.\n\n## Toelichting\n\n### Kop\n\nUitleg.", "Tekst {{ if gt 1 0 }}# geen kop{{ end }}."} {
		if _, err := load(t, inject(t, ok)); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
}

// TestTemplateMessages: an error of a template is reported at one
// position, the real one, in Dutch, without text/template's English.
func TestTemplateMessages(t *testing.T) {
	tests := []struct {
		name, text, want string
		atLoad           bool
	}{
		{"divide by zero", "{{ div 1 0 }}", at(4) + "fout in div: deling door nul (bij {{ div 1 0 }})", false},
		{"index", `{{ index (list 1) 5 }}`, at(4) + "fout in index: index 5 bestaat niet", false},
		{"comparison", `{{ if eq 1 "a" }}x{{ end }}`, at(7) + "fout in eq: deze waarden zijn van verschillende soort", false},
		{"args", `{{ repeat 1 }}`, at(4) + "verkeerd aantal argumenten voor repeat: verwacht 2, gekregen 1", false},
		{"unknown function", "Tekst {{ foo 1 }}.", at(10) + "onbekende functie \"foo\"", true},
		{"missing end", "{{ if true }}x", ": de template houdt onverwacht op: ontbreekt een {{ end }}?", true},
		{"stray end", "x{{ end }}", fmt.Sprintf("%s:%d: {{ end }} zonder if, range of with ervoor", target, targetLine), true},
		{"undefined variable", "{{ $x }}", fmt.Sprintf("%s:%d: onbekende variabele \"$x\"", target, targetLine), true},
		{"unknown clause", `{{ ref "bestaat-niet" }}`, at(4) + "fout in ref: onbekende clausule \"bestaat-niet\"", false},
		{"bad lid label", `Zie {{ ref "begripsbepalingen" "geen-label" }}.`, at(8) + "artikel 1 heeft geen lid met label \"geen-label\"", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.atLoad {
				_, err = load(t, inject(t, tc.text))
			} else {
				if _, lerr := load(t, inject(t, tc.text)); lerr != nil {
					t.Fatalf("load: %v", lerr)
				}
				err = build(t, inject(t, tc.text))
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			for _, e := range []string{"template:", "executing", "error calling", "not defined", "niet gekozen", "unexpected", "wrong"} {
				if strings.Contains(err.Error(), e) {
					t.Errorf("message holds %q: %v", e, err)
				}
			}
			line := lineOf(err.Error(), tc.want)
			if strings.Count(line, target) != 1 {
				t.Errorf("want one position: %q", line)
			}
		})
	}
}

func lineOf(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// FuzzClause loads a clause body of any text and runs it: loading never
// panics and every error lies within the file; running never panics, stays
// within the bounds and reports errors in the clause file.
func FuzzClause(f *testing.F) {
	for _, s := range []string{"Tekst.", "{{ .Regeling }} {{ ref \"begripsbepalingen\" }}", "{{ range until 5 }}{{ . }}{{ end }}",
		"{{ repeat 30 \"x\" }}", "<b>x</b>", "# Kop", "{{ if eq .A.doelgroep \"breed\" }}a{{ else }}b{{ end }}",
		"{{ $s := \"x\" }}{{ range until 30 }}{{ $s = printf \"%s%s\" $s $s }}{{ end }}", "{{ range 100000 }}{{ end }}", "{{"} {
		f.Add(s)
	}
	// A small pack (the questionnaire, the catalogues and the one clause)
	// loads many times faster than the whole library.
	base := fstest.MapFS{}
	for p, file := range overlay(f, nil).(fstest.MapFS) {
		if strings.HasPrefix(p, "questions/") || p == target || p == "clauses/begrippen/wet.md" ||
			(strings.HasPrefix(p, "clauses/") && strings.Count(p, "/") == 1) {
			base[p] = file
		}
	}
	qs, err := question.Load(base)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := clause.Load(base, qs); err != nil {
		f.Fatalf("the small pack does not load: %v", err)
	}
	orig := string(base[target].Data)
	lim := clause.Limits{Output: 1 << 16, Items: 1000, Time: 50 * time.Millisecond}
	f.Fuzz(func(t *testing.T, body string) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		text := strings.Replace(orig, "\n---\n", "\n---\n"+body+"\n\n", 1)
		fsys[target] = &fstest.MapFile{Data: []byte(text)}
		lines := strings.Count(text, "\n") + 1
		lib, err := clause.Load(fsys, qs)
		checkPositions(t, err, lines)
		if err != nil {
			return
		}
		r := lib.NewRunner(buildStubs(), lim)
		out, err := r.Execute(target, map[string]any{"A": map[string]any{}, "Regeling": "verordening"})
		if len(out) > lim.Output {
			t.Fatalf("output of %d bytes passes the bound %d", len(out), lim.Output)
		}
		checkPositions(t, err, lines)
	})
}

func checkPositions(t *testing.T, err error, lines int) {
	if err == nil {
		return
	}
	var list source.ErrorList
	var one *source.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = source.ErrorList{one}
	default:
		t.Fatalf("error without a position: %v", err)
	}
	for _, e := range list {
		if e.Pos.File == target && e.Pos.Line > lines {
			t.Errorf("%v: line beyond the file's %d lines", e, lines)
		}
		if strings.Contains(e.Msg, "template: ") || strings.Contains(e.Msg, "executing") {
			t.Errorf("%v: text/template's lead", e)
		}
	}
}
