package clause

import (
	"reflect"
	"testing"
	"text/template"
)

func TestDeps(t *testing.T) {
	tests := []struct {
		src  string
		want Deps
	}{
		{"Vaste tekst.", Deps{Static: true}},
		{"{{ bedrag .A.uurtarief }} in {{ .Gemeente }}", Deps{Static: true, Answers: []string{"uurtarief"}, Fields: []string{"Gemeente"}}},
		{`{{ if selected "nazorg" }}{{ ref "nazorg" }}{{ end }}`, Deps{Static: true, Selected: []string{"nazorg"}}},
		{`{{ with bron "uurtarief" }}(bron: {{ . }}){{ end }}`, Deps{Static: true, Sources: []string{"uurtarief"}}},
		{`{{ range .A.taken }}{{ . }}{{ .Gemeente }}{{ end }}`, Deps{Static: true, Answers: []string{"taken"}}},
		{`{{ range .A.taken }}{{ $.A.duur }}{{ end }}`, Deps{Static: true, Answers: []string{"duur", "taken"}}},
		{`{{ $x := .A.b }}{{ $x }}{{ .A.a }}{{ .A.b }}`, Deps{Static: true, Answers: []string{"a", "b"}}},
		{`{{ index .A "uurtarief" }}`, Deps{Static: true, Answers: []string{"uurtarief"}}},
		{`{{ index $.A .A.welke }}`, Deps{}},
		{`{{ index .A (printf "bedrag_%s" "x") }}`, Deps{}},
		{`{{ $rijen := list (list "een" "a") (list "twee" "b") }}{{ if .A.c }}{{ $rijen = concat $rijen (list (list "drie" "c")) }}{{ end }}{{ range $r := $rijen }}{{ index $r 0 }}: {{ bedrag (index $.A (index $r 1)) }}{{ with bron (index $r 1) }}{{ . }}{{ end }}{{ end }}`,
			Deps{Static: true, Answers: []string{"a", "b", "c", "drie", "een", "twee"}, Sources: []string{"a", "b", "c", "drie", "een", "twee"}}},
		{`{{ $id := "a" }}{{ range .A.lijst }}{{ $id = . }}{{ end }}{{ cijfer $id }}`, Deps{}},
		{`{{ $id := "a" }}{{ $id = .A.x }}{{ bron $id }}`, Deps{}},
		{`{{ range $i, $r := list "a" "b" }}{{ open $i }}{{ end }}`, Deps{}},
		{`{{ range $i, $r := list "a" "b" }}{{ open $r }}{{ end }}`, Deps{Static: true, Answers: []string{"a", "b"}}},
		{`{{ range $k, $v := .A }}{{ $v }}{{ end }}`, Deps{}},
		{`{{ with . }}{{ .Gemeente }}{{ end }}`, Deps{}},
		{`{{ $ }}`, Deps{}},
		{`{{ selected (printf "%s" "x") }}`, Deps{}},
		{`{{ "x" | bron }}`, Deps{}},
		{`{{ $id := "x" }}{{ bron $id }}`, Deps{Static: true, Sources: []string{"x"}}},
		{`{{ cijfer "uurtarief" }}`, Deps{Static: true, Answers: []string{"uurtarief"}}},
		{`{{ if not (open "uurtarief") }}{{ mulf .A.nazorg_uren .A.uurtarief }}{{ end }}`, Deps{Static: true, Answers: []string{"nazorg_uren", "uurtarief"}}},
		{`{{ $id := "uurtarief" }}{{ cijfer $id }}`, Deps{Static: true, Answers: []string{"uurtarief"}}},
		{`{{ range $r := list "a" }}{{ open $r }}{{ end }}`, Deps{Static: true, Answers: []string{"a"}}},
	}
	for _, tt := range tests {
		tmpl, err := template.New("t").Funcs(parseFuncs()).Parse(tt.src)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		got := Inspect(tmpl.Tree).Deps()
		if !tt.want.Static {
			if got.Static {
				t.Errorf("%s: Static, want not", tt.src)
			}
			continue
		}
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.src, *got, tt.want)
		}
	}
}
