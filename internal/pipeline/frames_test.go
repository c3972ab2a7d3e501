package pipeline_test

import (
	"strings"
	"testing"

	"verordening/internal/assemble"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
)

// Every frame of the documents laid out from data is needed when the
// content pack loads: a missing one, or one that does not parse, is an
// error at its file, before anything is built.
func TestReportFramesAtLoad(t *testing.T) {
	for _, name := range assemble.RequiredFrames {
		for _, tc := range []struct {
			what string
			edit func(fs map[string]string)
			want string
		}{
			{"missing", nil, name + ": dit documentkader ontbreekt"},
			{"syntax", func(fs map[string]string) { fs[name] = "Tekst\n{{ if }}zonder voorwaarde{{ end }}\n" }, name + ":2:"},
			{"function", func(fs map[string]string) { fs[name] = "{{ env \"HOME\" }}\n" }, name + ":1:4: de functie env is niet toegestaan"},
		} {
			t.Run(strings.TrimPrefix(name, "templates/")+"/"+tc.what, func(t *testing.T) {
				files := map[string]string{}
				if tc.edit != nil {
					tc.edit(files)
				}
				fsys := pipelinetest.OverlayFS(t, files)
				if tc.edit == nil {
					delete(fsys, name)
				}
				_, err := pipeline.Load(fsys)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("Load: %v\nwant an error containing %q", err, tc.want)
				}
			})
		}
	}
}

// A frame that fails while it runs stops the build with an error at the
// frame's own place.
func TestReportFrameRunError(t *testing.T) {
	const name = "templates/dekking/eisen.md.tmpl"
	for _, tc := range []struct {
		what, text, want string
	}{
		{"unknown field", "## Eisen\n\n{{ .Onbekend }}\n", name + ":3:4: onbekende sleutel"},
		{"no heading", "Eisen aan de verordening\n", name + ":1: de eerste regel van dit documentkader moet het opschrift"},
		{"build function", "## Eisen\n\n{{ ref \"doelgroep\" }}\n", "de functie ref hoort bij de clausules van een gemeente"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			c := pipelinetest.Overlay(t, map[string]string{name: tc.text})
			ans, err := c.ExampleAnswers("achterhoek")
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Build(ans, []string{"md"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build: %v\nwant an error containing %q", err, tc.want)
			}
		})
	}
}
