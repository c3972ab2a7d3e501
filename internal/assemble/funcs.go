package assemble

import (
	"fmt"
	"maps"
	"reflect"
	"text/template"

	"verordening/internal/answer"
	"verordening/internal/format"
	"verordening/internal/question"
)

// funcs binds the template functions for this build (see
// docs/clause-format.md for what each does).
func (b *builder) funcs() template.FuncMap {
	fm := template.FuncMap{
		"ref":        func(args ...string) (string, error) { return b.ref(false, args) },
		"Ref":        func(args ...string) (string, error) { return b.ref(true, args) },
		"refs":       refsPlaceholder,
		"selected":   func(id string) bool { return b.chosen[id] },
		"begrippen":  func() string { return "- " + defsMarker },
		"bron":       b.source,
		"cijfer":     b.figure,
		"open":       b.isOpen,
		"definities": func() string { return defListMarker },
		"label":      b.label,
		"labels":     b.labels,
	}
	maps.Copy(fm, pureFuncs())
	return fm
}

// ref checks that the clause a reference names exists, so that a typing
// error is reported as an unknown clause where the call is written, not
// later as one that was not chosen.
func (b *builder) ref(capital bool, args []string) (string, error) {
	if len(args) > 0 && args[0] != "" && b.lib.Lookup(args[0]) == nil {
		return "", fmt.Errorf("onbekende clausule %q: geen bestand in clauses/ heeft die id", args[0])
	}
	return refPlaceholder(capital, args...)
}

// num adapts a formatter to the numbers templates pass: answers are
// float64, constants in a template are int.
func num(f func(float64) string) func(any) (string, error) {
	return func(v any) (string, error) {
		switch x := v.(type) {
		case float64:
			return f(x), nil
		case int:
			return f(float64(x)), nil
		case openFigure:
			return x.text, nil
		}
		return "", fmt.Errorf("verwacht een getal, kreeg %T", v)
	}
}

// source says where the value of a question comes from: the source of its
// reference figure when the value in use equals that figure, whether the
// gemeente took the default or typed the same value; "" when the gemeente
// chose a figure of its own.
func (b *builder) source(id string) string {
	q := b.ans.Questionnaire().Lookup(id)
	v, ok := b.ans.Values[id]
	if q == nil || !ok || q.Source == nil || !reflect.DeepEqual(v.V, q.Default) {
		return ""
	}
	return format.EscapeMarkdown(q.Source.String())
}

// An openFigure stands in the template data for a figure the gemeente
// has still to fill in (question attribute invullen). The formatters
// print its placeholder, so a template that forgets to test "open" still
// shows the gap instead of "€ 0"; comparing it with a number fails the
// build, which names the clause.
type openFigure struct{ text string }

// String makes {{ .A.id }} print the placeholder of an open text answer.
func (o openFigure) String() string { return o.text }

// placeholder is the marked, escaped text shown for open figure id.
func placeholder(id string) openFigure {
	// The brackets stay unescaped, so that the renderers see a
	// placeholder (format.PlaceholderEnd) and highlight it.
	p := answer.Placeholder(id)
	return openFigure{markAnswer("[" + format.EscapeMarkdown(p[1:len(p)-1]) + "]")}
}

// figure prints the answer to question id in its type's format, or the
// placeholder when it is an open figure.
func (b *builder) figure(id string) (string, error) {
	q := b.ans.Questionnaire().Lookup(id)
	if q == nil {
		return "", fmt.Errorf("cijfer: onbekende vraag %q", id)
	}
	if b.ans.IsOpen(id) {
		return placeholder(id).text, nil
	}
	v := b.ans.Get(id)
	switch q.Type {
	case question.Bedrag:
		return num(format.Bedrag)(v)
	case question.Percentage:
		return num(format.Procent)(v)
	case question.Getal:
		return num(format.Getal)(v)
	}
	return "", fmt.Errorf("cijfer: vraag %s is geen getal, bedrag of percentage", id)
}

// isOpen reports whether question id is an open figure, so that a
// template can leave out a computation that needs it.
func (b *builder) isOpen(id string) (bool, error) {
	if b.ans.Questionnaire().Lookup(id) == nil {
		return false, fmt.Errorf("open: onbekende vraag %q", id)
	}
	return b.ans.IsOpen(id), nil
}

func (b *builder) label(id, value string) (string, error) {
	q := b.ans.Questionnaire().Lookup(id)
	if q == nil {
		return "", fmt.Errorf("onbekende vraag %q", id)
	}
	return q.Label(value), nil
}

func (b *builder) labels(id string, values []string) ([]string, error) {
	out := make([]string, len(values))
	for i, v := range values {
		l, err := b.label(id, v)
		if err != nil {
			return nil, err
		}
		out[i] = l
	}
	return out, nil
}
