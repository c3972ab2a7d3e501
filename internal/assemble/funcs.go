package assemble

import (
	"fmt"
	"reflect"
	"text/template"

	"verordening/internal/format"
)

// funcs binds the template functions for this build (see
// docs/clause-format.md for what each does).
func (b *builder) funcs() template.FuncMap {
	return template.FuncMap{
		"ref":       func(args ...string) (string, error) { return refPlaceholder(false, args...) },
		"Ref":       func(args ...string) (string, error) { return refPlaceholder(true, args...) },
		"refs":      refsPlaceholder,
		"selected":  func(id string) bool { return b.chosen[id] },
		"begrippen": func() string { return "- " + defsMarker },
		"bron":      b.source,
		"label":     b.label,
		"labels":    b.labels,
		"bedrag":    num(format.Bedrag),
		"procent":   num(format.Procent),
		"getal":     num(format.Getal),
		"woord":     num(format.Woord),
		"datum":     format.Datum,
		"lijst":     func(items []string) string { return format.Join(items, "en") },
		"lijstof":   func(items []string) string { return format.Join(items, "of") },
	}
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
