package docx

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"verordening/internal/document"
)

// TestWriteTracked: what each kind of tracked paragraph and span writes in
// word/document.xml.
func TestWriteTracked(t *testing.T) {
	date := ` w:author="verordening" w:date="2028-01-01T00:00:00Z"`
	tests := []struct {
		name string
		para TrackedPara
		date string
		want []string // in this order
		not  []string
	}{
		{"kept", TrackedPara{Kind: LidPara, Spans: []Span{{Text: "1.\tDe aanvraag."}}}, "2028-01-01T00:00:00Z",
			[]string{`<w:pStyle w:val="Lid"/>`, `<w:t xml:space="preserve">1.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">De aanvraag.</w:t>`},
			[]string{"<w:ins", "<w:del"}},
		{"words", TrackedPara{Kind: BodyPara, Spans: []Span{{Text: "ten hoogste € "}, {Text: "8.600", Rev: Deleted}, {Text: "9.500", Rev: Inserted}, {Text: " & meer"}}}, "2028-01-01T00:00:00Z",
			[]string{`<w:del w:id="1"` + date + `><w:r><w:delText xml:space="preserve">8.600</w:delText></w:r></w:del>`,
				`<w:ins w:id="2"` + date + `><w:r><w:t xml:space="preserve">9.500</w:t></w:r></w:ins>`, `&amp; meer`},
			[]string{"<w:rPr><w:ins", "<w:rPr><w:del"}},
		{"inserted paragraph", TrackedPara{Kind: HeadingPara, Level: 2, Rev: Inserted, Spans: []Span{{Text: "Artikel 9a. Nazorg", Rev: Inserted}}}, "2028-01-01T00:00:00Z",
			[]string{`<w:pStyle w:val="Heading2"/><w:keepNext/><w:rPr><w:ins w:id="1"` + date + `/></w:rPr></w:pPr>`, `<w:ins w:id="2"`},
			nil},
		{"deleted paragraph", TrackedPara{Kind: ItemPara, Level: 1, Rev: Deleted, Spans: []Span{{Text: "a.\tde naam;", Rev: Deleted}}}, "2028-01-01T00:00:00Z",
			[]string{`<w:pStyle w:val="Onderdeel"/><w:rPr><w:del w:id="1"` + date + `/></w:rPr></w:pPr>`, `<w:del w:id="2"`, `<w:delText xml:space="preserve">a.</w:delText></w:r><w:r><w:tab/></w:r><w:r><w:delText xml:space="preserve">de naam;</w:delText>`},
			[]string{"<w:t "}},
		{"definition", TrackedPara{Kind: DefinitionPara, Spans: []Span{{Text: "college: het college;"}}}, "",
			[]string{`<w:pStyle w:val="Begrip"/>`}, nil},
		{"no date", TrackedPara{Kind: TitlePara, Spans: []Span{{Text: "Titel", Rev: Inserted}}}, "",
			[]string{`<w:pStyle w:val="Title"/>`, `<w:ins w:id="1" w:author="verordening">`}, []string{"w:date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			d := &document.Document{Kind: "wijzigingen", Title: document.Plain("Wijzigingen"), Citeertitel: "Wijzigingen"}
			if err := (Options{}).WriteTracked(&buf, d, Tracked{Author: "verordening", Date: tt.date, Paras: []TrackedPara{tt.para}}); err != nil {
				t.Fatal(err)
			}
			files, _ := parts(t, buf.Bytes())
			doc := string(files["word/document.xml"])
			rest := doc
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("document.xml lacks (or not in order) %s\n%s", w, doc)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(doc, n) {
					t.Errorf("document.xml has %s\n%s", n, doc)
				}
			}
			if files["word/styles.xml"] == nil || files["word/header1.xml"] == nil {
				t.Error("the package lacks the styles or the header of Write")
			}
		})
	}
}

// TestWriteTrackedIDs: revision ids are unique and count up in document
// order, as Word expects.
func TestWriteTrackedIDs(t *testing.T) {
	var paras []TrackedPara
	for range 3 {
		paras = append(paras,
			TrackedPara{Rev: Inserted, Spans: []Span{{Text: "nieuw", Rev: Inserted}}},
			TrackedPara{Spans: []Span{{Text: "oud", Rev: Deleted}, {Text: "nieuw", Rev: Inserted}}},
		)
	}
	var buf bytes.Buffer
	if err := (Options{}).WriteTracked(&buf, &document.Document{Title: document.Plain("x")}, Tracked{Author: "a", Paras: paras}); err != nil {
		t.Fatal(err)
	}
	files, _ := parts(t, buf.Bytes())
	ids := regexp.MustCompile(`<w:(?:ins|del) w:id="(\d+)"`).FindAllStringSubmatch(string(files["word/document.xml"]), -1)
	if len(ids) != 12 {
		t.Fatalf("%d revisions, want 12", len(ids))
	}
	for i, m := range ids {
		if want := strconv.Itoa(i + 1); m[1] != want {
			t.Errorf("revision %d has id %s", i+1, m[1])
		}
	}
}
