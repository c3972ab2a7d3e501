package clause

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

// inspected is an Inspection in words, for comparing: a field is its path
// ("A.x"), marked "~" when dot is not the data there and "?" when the
// path is not written out; a call is its function and arguments.
type inspected struct {
	fields, calls, funcs, templates, texts []string
	opaque                                 int
}

func describe(in *Inspection) inspected {
	var d inspected
	for _, f := range in.Fields {
		s := strings.Join(f.Path, ".")
		if !f.Data {
			s = "~" + s
		}
		if !f.Written {
			s += "?"
		}
		d.fields = append(d.fields, s)
	}
	for _, c := range in.Calls {
		var args []string
		for _, a := range c.Args {
			args = append(args, a.String())
		}
		d.calls = append(d.calls, c.Func.Ident+"("+strings.Join(args, " ")+")")
	}
	for _, f := range in.Funcs {
		d.funcs = append(d.funcs, f.Ident)
	}
	for _, t := range in.Templates {
		d.templates = append(d.templates, t.Name)
	}
	for _, t := range in.Texts {
		d.texts = append(d.texts, strconv.Quote(string(t.Text)))
	}
	d.opaque = len(in.Opaque)
	return d
}

func TestInspect(t *testing.T) {
	tests := []struct {
		name string
		src  string
		tmpl string // the template to inspect; "t" when empty
		want inspected
	}{
		{"field", `Bij {{ .A.x }} in {{ .Gemeente }}.`, "",
			inspected{fields: []string{"A.x", "Gemeente"}, texts: []string{`"Bij "`, `" in "`, `"."`}}},
		{"chain", `{{ (.A).x }}`, "",
			inspected{fields: []string{"A"}}},
		{"variable", `{{ $x := .A.b }}{{ $x }}{{ $x.d }}{{ $.A.c }}{{ $ }}`, "",
			inspected{fields: []string{"A.b", "A.c", ""}}},
		{"pipe", `{{ "x" | bron }}{{ .A.a | bedrag }}{{ bedrag (cijfer "y") }}`, "",
			inspected{fields: []string{"A.a"}, calls: []string{`bron()`, `bedrag()`, `cijfer("y")`, `bedrag(cijfer "y")`},
				funcs: []string{"bron", "bedrag", "bedrag", "cijfer"}}},
		{"if with else", `{{ if .A.a }}{{ .A.b }}{{ else if .A.c }}{{ .A.d }}{{ else }}{{ .A.e }}{{ end }}`, "",
			inspected{fields: []string{"A.a", "A.b", "A.c", "A.d", "A.e"}}},
		{"range with else", `{{ range .A.l }}{{ .A.x }}{{ . }}{{ else }}{{ .A.y }}{{ . }}{{ end }}`, "",
			inspected{fields: []string{"A.l", "~A.x", "A.y", ""}}},
		{"with with else", `{{ with .A.w }}{{ .Naam }}{{ $.Gemeente }}{{ else }}{{ .Regeling }}{{ end }}`, "",
			inspected{fields: []string{"A.w", "~Naam", "Gemeente", "Regeling"}}},
		{"template call", `{{ define "sub" }}{{ .A.y }}{{ end }}{{ template "sub" .A }}`, "",
			inspected{fields: []string{"A"}, templates: []string{"sub"}, opaque: 1}},
		{"nested define", `{{ define "sub" }}{{ if .A.y }}ja{{ end }}{{ end }}{{ template "sub" . }}`, "sub",
			inspected{fields: []string{"A.y"}, texts: []string{`"ja"`}}},
		{"index of literals", `{{ index .A "x" }}{{ range $i := list "p" "q" }}{{ index $.A $i }}{{ end }}`, "",
			inspected{fields: []string{"A.x?", "A.p?", "A.q?"},
				calls: []string{`index(.A "x")`, `list("p" "q")`, `index($.A $i)`}, funcs: []string{"index", "list", "index"}}},
		{"index computed", `{{ index .A .A.welke }}`, "",
			inspected{fields: []string{"A.welke"}, calls: []string{`index(.A .A.welke)`}, funcs: []string{"index"}, opaque: 1}},
		{"index of an element", `{{ range .A.l }}{{ index .A "x" }}{{ end }}`, "",
			inspected{fields: []string{"A.l", "~A"}, calls: []string{`index(.A "x")`}, funcs: []string{"index"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := template.New("t").Funcs(parseFuncs()).Parse(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			name := tt.tmpl
			if name == "" {
				name = "t"
			}
			got := describe(Inspect(set.Lookup(name).Tree))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

// TestInspectStrings: the strings an argument can be, through variables
// of literals, lists and their elements; unknown as soon as one value
// comes from elsewhere.
func TestInspectStrings(t *testing.T) {
	tests := []struct {
		src  string
		want []string // nil: unknown
	}{
		{`{{ bron "a" }}`, []string{"a"}},
		{`{{ $id := "a" }}{{ if .A.c }}{{ $id = "b" }}{{ end }}{{ bron $id }}`, []string{"a", "b"}},
		{`{{ $rows := list (list "x" "a") }}{{ range $r := $rows }}{{ bron (index $r 1) }}{{ end }}`, []string{"a", "x"}},
		{`{{ $id := "a" }}{{ $id = .A.x }}{{ bron $id }}`, nil},
		{`{{ range $i, $r := list "a" }}{{ bron $i }}{{ end }}`, nil},
		{`{{ bron (printf "%s" "a") }}`, nil},
	}
	for _, tt := range tests {
		set, err := template.New("t").Funcs(parseFuncs()).Parse(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		in := Inspect(set.Tree)
		var got []string
		for _, c := range in.Calls {
			if c.Func.Ident == "bron" {
				got, _ = in.Strings(c.Args[0])
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Strings = %q, want %q", tt.src, got, tt.want)
		}
	}
}
