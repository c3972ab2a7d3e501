package pipeline_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"verordening/internal/document"
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
	count := map[document.Kind]int{}
	for _, u := range uses {
		count[u.Doc] += u.Count
	}
	for _, d := range out.Docs {
		n := count[d.Kind]
		if m := bytes.Count(files[string(d.Kind)+".md"], []byte("[")); n > m {
			t.Errorf("%s: %d placeholders listed, but the Markdown holds only %d brackets", d.Kind, n, m)
		}
		if h := bytes.Count(files[string(d.Kind)+".html"], []byte(`<mark class="plaatshouder">`)); h != n {
			t.Errorf("%s: %d placeholders listed, %d highlighted in HTML", d.Kind, n, h)
		}
		if w := strings.Count(pipelinetest.DocxBody(t, files[string(d.Kind)+".docx"]), `<w:highlight w:val="yellow"/>`); w != n {
			t.Errorf("%s: %d placeholders listed, %d highlighted in Word", d.Kind, n, w)
		}
	}
	lines := pipeline.PlaceholderSummary(uses)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "Nog in te vullen in de documenten") || !strings.Contains(strings.Join(lines, "\n"), "verordening: ") {
		t.Errorf("summary:\n%s", strings.Join(lines, "\n"))
	}
}

// A placeholder is found wherever the model holds it: in a heading, a
// lid, an onderdeel, a bullet list, a table's caption and cells, a quoted
// line, the closing and the toelichting; each once with its count, in
// the order the documents are written.
func TestPlaceholdersEverywhere(t *testing.T) {
	md := document.ParseMarkdown
	table := &document.Table{Caption: md("Tarieven [jaar]"), Header: []document.Text{md("Soort"), md("Bedrag")},
		Rows: [][]document.Text{{md("uur"), md("[uurtarief]")}, {md("dag"), md("**[dagtarief]**")}}}
	d := &document.Document{Kind: document.Beleidsregels, Title: md("Regels [gemeente]"),
		Intro: []document.Block{&document.Paragraph{Text: md("Gelet op [datum];")}},
		Chapters: []*document.Chapter{{Articles: []*document.Article{{
			Number: "1", Title: md("Tarief"),
			Leden: []*document.Lid{{Text: md("Het tarief is:"),
				Items: []*document.Item{{Marker: "a.", Text: md("per uur [uurtarief];"),
					Items: []*document.Item{{Marker: "1°.", Text: md("in [regio_naam];")}}}},
				Blocks: []document.Block{table, &document.List{Items: []document.Text{md("een [telefoonnummer]"), md("geen \\[x\\]")}}}}},
			Note: []document.Block{&document.Quote{Lines: []document.QuoteLine{{Text: md("citaat [citeertitel]")},
				{Table: &document.Table{Header: []document.Text{md("[kop]")}}}}}},
		}}}},
		Closing: []document.Block{&document.Paragraph{Text: md("[plaats], [datum]")}},
		Notes:   &document.Notes{Title: md("Toelichting")},
	}
	out := &pipeline.Output{Docs: []*document.Document{d}}
	var got []string
	for _, u := range out.Placeholders() {
		got = append(got, fmt.Sprintf("%s %s %d", u.Doc, u.Text, u.Count))
	}
	want := []string{
		"beleidsregels [gemeente] 1", "beleidsregels [datum] 2", "beleidsregels [uurtarief] 2",
		"beleidsregels [regio_naam] 1", "beleidsregels [jaar] 1", "beleidsregels [dagtarief] 1",
		"beleidsregels [telefoonnummer] 1", "beleidsregels [plaats] 1", "beleidsregels [citeertitel] 1",
		"beleidsregels [kop] 1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("placeholders:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
