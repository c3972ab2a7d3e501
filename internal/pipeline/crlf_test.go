package pipeline_test

import (
	"bytes"
	"strings"
	"testing"

	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
)

// TestWindowsLineEnds: a content pack whose clauses and frames were saved
// with Windows line ends (CRLF), as Notepad saves them, builds the same
// documents byte for byte as the pack itself. Before, a clause's
// "## Toelichting\r" line did not start its toelichting.
func TestWindowsLineEnds(t *testing.T) {
	fsys := pipelinetest.OverlayFS(t, nil)
	changed := 0
	for name, f := range fsys {
		if (strings.HasPrefix(name, "clauses/") && strings.HasSuffix(name, ".md")) || (strings.HasPrefix(name, "templates/") && strings.HasSuffix(name, ".md.tmpl")) {
			f.Data = bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n"))
			changed++
		}
	}
	if changed < 100 {
		t.Fatalf("only %d files given CRLF line ends", changed)
	}
	crlf, err := pipeline.Load(fsys)
	if err != nil {
		t.Fatalf("Load with CRLF line ends: %v", err)
	}
	lf := pipelinetest.Content(t)
	for _, example := range []string{"zaanstreek-waterland", "achterhoek"} {
		file, data, err := lf.Example(example)
		if err != nil {
			t.Fatal(err)
		}
		want := build(t, lf, file, data)
		got := build(t, crlf, file, data)
		if len(got) != len(want) {
			t.Fatalf("%s: %d files, want %d", example, len(got), len(want))
		}
		for i := range want {
			if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Errorf("%s: %s differs with CRLF line ends", example, want[i].Name)
			}
		}
	}
}

func build(t *testing.T, c *pipeline.Content, file string, data []byte) []pipeline.File {
	t.Helper()
	ans, _, err := c.Decode(file, data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Build(ans, []string{"md", "html", "docx"})
	if err != nil {
		t.Fatal(err)
	}
	return out.Files
}
