package amend

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/docx"
	"verordening/internal/tooltest"
)

// rowArticle finds the article number a cell names in its bold heading.
var rowArticle = regexp.MustCompile(`^\*\*Artikel (\S+)\. `)

// TestAmendWasWordtRows: the was-wordt-tabel has a row for every article
// whose text differs between the verordening as it reads now and as it
// will read, found here by comparing the two texts article by article,
// and none for an article that stays the same. A new article says
// "(nieuw artikel)" on the left, an article that goes "(vervalt)" on the
// right, and every row has a toelichting.
func TestAmendWasWordtRows(t *testing.T) {
	for name, am := range scenarioAmendments(t) {
		t.Run(name, func(t *testing.T) {
			old, new := map[string]string{}, map[string]string{}
			for _, a := range am.Old.Articles() {
				old[a.Number] = articleText(a).Markdown()
			}
			for _, a := range am.Amended.Articles() {
				new[a.Number] = articleText(a).Markdown()
			}
			var want []string
			for n := range old {
				if old[n] != new[n] {
					want = append(want, n)
				}
			}
			for n := range new {
				if _, ok := old[n]; !ok {
					want = append(want, n)
				}
			}
			slices.Sort(want)
			d := am.WasWordt()
			if d.Kind != document.WasWordt || !strings.HasPrefix(d.Title.Plain(), "Was-wordt-tabel bij de Verordening tot wijziging van de ") {
				t.Errorf("kind %q, title %q", d.Kind, d.Title.Plain())
			}
			tbl := d.Intro[len(d.Intro)-1].(*document.Table)
			if got := mds(tbl.Header); !slices.Equal(got, []string{"Huidige tekst", "Nieuwe tekst", "Toelichting"}) {
				t.Errorf("header %q", got)
			}
			var got []string
			current := ""
			for _, r := range tbl.Rows {
				o, n, why := r[0].Markdown(), r[1].Markdown(), r[2].Plain()
				var num string
				if !rowArticle.MatchString(o) && !rowArticle.MatchString(n) {
					// A lid of the article of the rows above.
					if current == "" || why != "" || o == "" && n == "" {
						t.Errorf("a lid row %q | %q | %q: empty, without its article, or with a toelichting", o, n, why)
					}
					continue
				}
				switch {
				case o == newArticle:
					num = rowArticle.FindStringSubmatch(n)[1]
					if _, ok := old[num]; ok {
						t.Errorf("article %s is marked new but the verordening has it now", num)
					}
				case n == goes:
					num = rowArticle.FindStringSubmatch(o)[1]
					if _, ok := new[num]; ok {
						t.Errorf("article %s is marked as going but stays", num)
					}
				default:
					m := rowArticle.FindStringSubmatch(n)
					if m == nil {
						m = rowArticle.FindStringSubmatch(o)
					}
					if m == nil {
						t.Fatalf("a row names no article: %q | %q", o, n)
					}
					num = m[1]
				}
				if why == "" {
					t.Errorf("the row of article %s has no toelichting", num)
				}
				current = num
				got = append(got, num)
			}
			slices.Sort(got)
			got = slices.Compact(got) // a row per definition: several for one article
			if !slices.Equal(got, want) {
				t.Errorf("rows for articles %q, want the changed articles %q", got, want)
			}
		})
	}
}

// TestAmendWasWordtLeden: a cell keeps every lid and onderdeel of an
// article visible after its number or letter.
func TestAmendWasWordtLeden(t *testing.T) {
	art := &document.Article{Number: "5", Title: document.Plain("Aanvraag"), Leden: []*document.Lid{
		{Number: "1", Text: document.Plain("Een aanvraag bevat:"), Items: []*document.Item{
			{Marker: "a.", Text: document.Plain("de naam;")},
			{Marker: "b.", Text: document.Plain("het adres.")},
		}},
		{Number: "2", Text: document.Plain("Het college beslist binnen acht weken.")},
	}}
	want := "**Artikel 5. Aanvraag** 1. Een aanvraag bevat: a. de naam; b. het adres. 2. Het college beslist binnen acht weken."
	if got := articleText(art).Markdown(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestAmendWasWordtPandoc: pandoc reads the table of waswordt.docx back
// with three columns and a row per change row.
func TestAmendWasWordtPandoc(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	am := scenarioAmendments(t)["vervalt"]
	d := am.WasWordt()
	var buf bytes.Buffer
	if err := docx.Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "waswordt.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pandoc, "-t", "json", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Blocks []struct {
			T string            `json:"t"`
			C []json.RawMessage `json:"c"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	tables := 0
	for _, b := range doc.Blocks {
		if b.T != "Table" {
			continue
		}
		tables++
		// Table attr caption colspecs head bodies foot
		var cols []json.RawMessage
		if err := json.Unmarshal(b.C[2], &cols); err != nil {
			t.Fatal(err)
		}
		if len(cols) != 3 {
			t.Errorf("pandoc reads %d columns, want 3", len(cols))
		}
		var raw []json.RawMessage
		if err := json.Unmarshal(b.C[4], &raw); err != nil {
			t.Fatal(err)
		}
		rows := 0
		for _, body := range raw {
			// TableBody attr rowHeadColumns headRows bodyRows
			var tb []json.RawMessage
			if err := json.Unmarshal(body, &tb); err != nil {
				t.Fatal(err)
			}
			var rs []json.RawMessage
			if err := json.Unmarshal(tb[3], &rs); err != nil {
				t.Fatal(err)
			}
			rows += len(rs)
		}
		if want := len(d.Intro[len(d.Intro)-1].(*document.Table).Rows); rows != want {
			t.Errorf("pandoc reads %d rows, want %d", rows, want)
		}
	}
	if tables != 1 {
		t.Errorf("pandoc reads %d tables, want 1", tables)
	}
}

// TestAmendWasWordtLidRows: the was-wordt-tabel gives each lid a row of
// its own, the leden of the two texts side by side, after a row with the
// heading and the reason. Leden are paired by their text: a lid inserted
// or removed in the middle has a row of its own with an empty cell on the
// other side, and the leden after it stand beside their own old text;
// leden replaced by others stand side by side.
func TestAmendWasWordtLidRows(t *testing.T) {
	lid := func(n, s string) *document.Lid { return &document.Lid{Number: n, Text: document.Plain(s)} }
	art := func(leden ...*document.Lid) *document.Article {
		return &document.Article{Number: "5", Title: document.Plain("Aanvraag"), Leden: leden}
	}
	heading := []string{"**Artikel 5. Aanvraag**", "**Artikel 5. Aanvraag**"}
	tests := []struct {
		name     string
		old, new *document.Article
		want     [][]string
	}{
		{"changed and added at the end",
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Het college beslist binnen acht weken.")),
			art(lid("1", "De aanvraag wordt digitaal ingediend."), lid("2", "Het college beslist binnen acht weken."), lid("3", "Het college kan de termijn eenmaal verlengen.")),
			[][]string{heading,
				{"1. De aanvraag wordt schriftelijk ingediend.", "1. De aanvraag wordt digitaal ingediend."},
				{"2. Het college beslist binnen acht weken.", "2. Het college beslist binnen acht weken."},
				{"", "3. Het college kan de termijn eenmaal verlengen."}}},
		{"inserted in the middle",
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Het college beslist binnen acht weken."), lid("3", "De werkgever ontvangt een afschrift.")),
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Bij de aanvraag voegt de werkgever een begeleidingsplan."), lid("3", "Het college beslist binnen acht weken."), lid("4", "De werkgever ontvangt een afschrift.")),
			[][]string{heading,
				{"1. De aanvraag wordt schriftelijk ingediend.", "1. De aanvraag wordt schriftelijk ingediend."},
				{"", "2. Bij de aanvraag voegt de werkgever een begeleidingsplan."},
				{"2. Het college beslist binnen acht weken.", "3. Het college beslist binnen acht weken."},
				{"3. De werkgever ontvangt een afschrift.", "4. De werkgever ontvangt een afschrift."}}},
		{"removed from the middle",
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Bij de aanvraag voegt de werkgever een begeleidingsplan."), lid("3", "Het college beslist binnen acht weken.")),
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Het college beslist binnen acht weken.")),
			[][]string{heading,
				{"1. De aanvraag wordt schriftelijk ingediend.", "1. De aanvraag wordt schriftelijk ingediend."},
				{"2. Bij de aanvraag voegt de werkgever een begeleidingsplan.", ""},
				{"3. Het college beslist binnen acht weken.", "2. Het college beslist binnen acht weken."}}},
		{"replaced by other leden, as a variant is",
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Iedere organisatie mag zich aanmelden."), lid("3", "Aanmelden gaat via een formulier.")),
			art(lid("1", "De aanvraag wordt schriftelijk ingediend."), lid("2", "Het college kiest na een aanbesteding."), lid("3", "Contracten lopen vier jaar."), lid("4", "Naleving wordt jaarlijks gecontroleerd.")),
			[][]string{heading,
				{"1. De aanvraag wordt schriftelijk ingediend.", "1. De aanvraag wordt schriftelijk ingediend."},
				{"2. Iedere organisatie mag zich aanmelden.", "2. Het college kiest na een aanbesteding."},
				{"3. Aanmelden gaat via een formulier.", "3. Contracten lopen vier jaar."},
				{"", "4. Naleving wordt jaarlijks gecontroleerd."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := articleRows(tt.old, tt.new, "", document.Plain("Omdat."))
			var got [][]string
			for _, r := range rows {
				got = append(got, []string{r[0].Markdown(), r[1].Markdown()})
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("rows\n%q\nwant\n%q", got, tt.want)
			}
			if rows[0][2].Plain() != "Omdat." {
				t.Errorf("the heading row's toelichting is %q", rows[0][2].Plain())
			}
			for i, r := range rows[1:] {
				if len(r[2]) != 0 {
					t.Errorf("lid row %d has a toelichting %q", i+1, r[2].Plain())
				}
			}
		})
	}
	new := tests[0].new
	inserted := articleRows(nil, new, newArticle, nil)
	if len(inserted) != 4 || inserted[0][0].Plain() != newArticle || len(inserted[1][0]) != 0 {
		t.Errorf("an inserted article: %d rows, left cells %q, %q", len(inserted), inserted[0][0].Plain(), inserted[1][0].Plain())
	}
}
