package pipeline_test

import (
	"bytes"
	"strings"
	"testing"

	"verordening/internal/format"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
)

// Every placeholder that remains is listed, and highlighted in HTML and
// Word as often as it occurs in the Markdown.
func TestPlaceholdersListedAndHighlighted(t *testing.T) {
	c := pipelinetest.Content(t)
	ans, _, err := c.Decode("a.yaml", []byte("gemeente: Proefdorp\ninwerkingtreding: 2027-01-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Build(ans, []string{"md", "html", "docx"})
	if err != nil {
		t.Fatal(err)
	}
	uses := out.Placeholders()
	want := map[string]bool{"[regio_naam: in te vullen door de gemeente]": false, "[uurtarief: in te vullen door de gemeente]": false, "[datum]": false, "[citeertitel van de re-integratieverordening]": false}
	for _, u := range uses {
		if _, ok := want[u.Text]; ok {
			want[u.Text] = true
		}
	}
	for p, seen := range want {
		if !seen {
			t.Errorf("%s is not listed", p)
		}
	}
	files := map[string][]byte{}
	for _, f := range out.Files {
		files[f.Name] = f.Data
	}
	for _, d := range out.Docs {
		n := len(format.Placeholders(string(files[string(d.Kind)+".md"])))
		if h := bytes.Count(files[string(d.Kind)+".html"], []byte(`<mark class="plaatshouder">`)); h != n {
			t.Errorf("%s: %d placeholders in Markdown, %d highlighted in HTML", d.Kind, n, h)
		}
		if w := strings.Count(pipelinetest.DocxBody(t, files[string(d.Kind)+".docx"]), `<w:highlight w:val="yellow"/>`); w != n {
			t.Errorf("%s: %d placeholders in Markdown, %d highlighted in Word", d.Kind, n, w)
		}
	}
	lines := pipeline.PlaceholderSummary(uses)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "Nog in te vullen in de documenten") || !strings.Contains(strings.Join(lines, "\n"), "verordening: ") {
		t.Errorf("summary:\n%s", strings.Join(lines, "\n"))
	}
}
