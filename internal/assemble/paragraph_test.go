package assemble_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/document"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
)

const paragraphExample = "uwv-protocol-paragraaf"

func TestInsertedNumber(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{1, "12a"}, {2, "12b"}, {26, "12z"}, {27, "12aa"}, {28, "12ab"}, {52, "12az"}, {53, "12ba"}} {
		if got := assemble.InsertedNumber("12", tt.n); got != tt.want {
			t.Errorf("InsertedNumber(12, %d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// buildExample builds an example through the pipeline, as build does.
func buildExample(t *testing.T, c *pipeline.Content, name string) (*answer.Answers, *pipeline.Output) {
	t.Helper()
	ans, err := c.ExampleAnswers(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Build(ans, []string{"md"})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ans, out
}

func file(t *testing.T, out *pipeline.Output, name string) string {
	t.Helper()
	for _, f := range out.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

// withdraws finds a sentence that withdraws the regulation titled title.
func withdraws(md, title string) string {
	for _, s := range regexp.MustCompile(`[^.]*\.`).FindAllString(md, -1) {
		if strings.Contains(s, title) && strings.Contains(s, "ingetrokken") {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// TestReintegratieverordeningNamedNeverWithdrawn: in every example, in
// either form, the verordening names the re-integratieverordening by its
// citeertitel (in the separate form in the reikwijdte, in the paragraph
// form in Artikel I), and no sentence withdraws it.
func TestReintegratieverordeningNamedNeverWithdrawn(t *testing.T) {
	c := pipelinetest.Content(t)
	forms := map[bool]int{}
	for _, name := range c.Examples() {
		ans, out := buildExample(t, c, name)
		title := c.Form.AmendedTitle(ans)
		if title == "" || title == c.Form.Placeholder {
			t.Errorf("%s names no re-integratieverordening", name)
			continue
		}
		md := file(t, out, "verordening.md")
		paragraph := c.Form.InParagraph(ans)
		forms[paragraph]++
		if paragraph {
			if !strings.Contains(md, "De "+title+" wordt als volgt gewijzigd:") {
				t.Errorf("%s: Artikel I does not name %q", name, title)
			}
		} else {
			r := out.Result.Verordening.Article("reikwijdte")
			if r == nil || !strings.Contains(articleText(r), title) {
				t.Errorf("%s: the reikwijdte does not name %q", name, title)
			}
		}
		if s := withdraws(md, title); s != "" {
			t.Errorf("%s withdraws the re-integratieverordening: %q", name, s)
		}
	}
	if forms[true] == 0 || forms[false] == 0 {
		t.Errorf("examples by form (paragraph: count) = %v, want both forms", forms)
	}
}

func TestWithdrawsCatchesTheDefect(t *testing.T) {
	md := "### Artikel 33. Intrekking\n\nDe Re-integratieverordening Participatiewet Voorbeeldstad 2023 wordt ingetrokken.\n"
	if withdraws(md, "Re-integratieverordening Participatiewet Voorbeeldstad 2023") == "" {
		t.Error("withdraws misses a withdrawal")
	}
}

func articleText(a *document.Article) string {
	var b strings.Builder
	var items func([]*document.Item)
	items = func(its []*document.Item) {
		for _, it := range its {
			b.WriteString(it.Text.Markdown() + "\n")
			items(it.Items)
		}
	}
	for _, l := range a.Leden {
		b.WriteString(l.Text.Markdown() + "\n")
		items(l.Items)
	}
	return b.String()
}

// TestOudeRegelingRefusesReintegratieverordening: an intrekking of a
// re-integratieverordening is refused at the answer, with what to do.
func TestOudeRegelingRefusesReintegratieverordening(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, title := range []string{"Re-integratieverordening Participatiewet Stad 2023", "Reintegratieverordening Stad", "Verordening re-ïntegratie Stad 2015", "RE-INTEGRATIEVERORDENING STAD"} {
		in := "gemeente: Stad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\nintrekking: true\noude_regeling: " + title + "\n"
		_, _, err := c.Decode("a.yaml", []byte(in))
		if err == nil || !strings.Contains(err.Error(), "a.yaml:5:16: oude_regeling: ") || !strings.Contains(err.Error(), "vervallen_artikelen") {
			t.Errorf("%q: err = %v, want a refusal at a.yaml:5:16 naming vervallen_artikelen", title, err)
		}
	}
	in := "gemeente: Stad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\nintrekking: true\noude_regeling: Verordening jobcoaching Stad 2019\n"
	if _, _, err := c.Decode("a.yaml", []byte(in)); err != nil {
		t.Errorf("an earlier verordening jobcoaching is refused: %v", err)
	}
}

// TestArticleNumberAnswers: the answers that hold article numbers are
// checked where they are written.
func TestArticleNumberAnswers(t *testing.T) {
	c := pipelinetest.Content(t)
	base := "gemeente: Stad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\nvorm: paragraaf\nparagraaf_nummer: 3a\n"
	for _, tt := range []struct{ line, wantErr string }{
		{"vervallen_artikelen: 12, 13a", ""},
		{"vervallen_artikelen: 12", ""},
		{"vervallen_artikelen: 12 en 13", "a.yaml:6:22: vervallen_artikelen: "},
		{"vervallen_artikelen: artikel 12", "a.yaml:6:22: vervallen_artikelen: "},
		{"paragraaf_na_artikel: 12a", "a.yaml:6:23: paragraaf_na_artikel: "},
		{"paragraaf_na_artikel: twaalf", "a.yaml:6:23: paragraaf_na_artikel: "},
	} {
		in := base + tt.line + "\n"
		if !strings.HasPrefix(tt.line, "paragraaf_na_artikel") {
			in += "paragraaf_na_artikel: 12\n"
		}
		_, _, err := c.Decode("a.yaml", []byte(in))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.line, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: err = %v, want %q", tt.line, err, tt.wantErr)
		}
	}
}

// TestParagraphForm: the paragraph form is a wijzigingsverordening:
// Artikel I inserts the paragraph after the article named, its articles
// numbered 12a, 12b, … and every reference among them naming those
// numbers; one lettered change per repealed article; Artikel II the
// entry into force; the frame articles left out.
func TestParagraphForm(t *testing.T) {
	c := pipelinetest.Content(t)
	ans, out := buildExample(t, c, paragraphExample)
	am := out.Result.Amending
	if am == nil {
		t.Fatal("no wijzigingsverordening in the paragraph form")
	}
	title := c.Form.AmendedTitle(ans)
	d := am.Document()
	arts := d.Articles()
	if len(arts) != 2 || arts[0].Number != "I" || arts[1].Number != "II" {
		t.Fatalf("articles %v, want I and II", numbers(arts))
	}
	if !strings.Contains(d.Title.Markdown(), "wijziging van de "+title) {
		t.Errorf("title %q", d.Title.Markdown())
	}
	var lids []string
	for _, l := range arts[0].Leden {
		lids = append(lids, l.Number+"|"+l.Text.Markdown())
	}
	want := []string{"|De " + title + " wordt als volgt gewijzigd:", "A|Na artikel 12 wordt een paragraaf ingevoegd, luidende:", "B|Artikel 10 vervalt.", "C|Artikel 11 vervalt."}
	if strings.Join(lids, "\n") != strings.Join(want, "\n") {
		t.Errorf("Artikel I:\n%s\nwant\n%s", strings.Join(lids, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(articleText(arts[1]), "treedt in werking") {
		t.Errorf("Artikel II is not the entry into force: %s", articleText(arts[1]))
	}
	inserted := map[string]bool{}
	for i, a := range out.Result.Verordening.Articles() {
		if want := assemble.InsertedNumber("12", i+1); a.Number != want {
			t.Errorf("inserted article %s numbered %s, want %s", a.ID, a.Number, want)
		}
		inserted[a.Number] = true
		for _, o := range c.Form.Paragraph.Omit {
			if a.ID == o.ID {
				t.Errorf("%s is inserted, but clauses/paragraaf.yaml leaves it out", a.ID)
			}
		}
	}
	if defs := out.Result.Verordening.Article("begripsbepalingen"); defs == nil || !strings.HasPrefix(defs.Leden[0].Text.Markdown(), "In deze paragraaf wordt verstaan onder:") {
		t.Error("the definitions of the paragraph do not read \"In deze paragraaf wordt verstaan onder:\"")
	}
	md := file(t, out, "verordening.md")
	if bad := unresolved(md, inserted); len(bad) > 0 {
		t.Errorf("references to articles that are not inserted: %v", bad)
	}
	for _, doc := range []string{"beleidsregels.md", "informatieblad.md"} {
		if !strings.Contains(file(t, out, doc), title) {
			t.Errorf("%s does not name %q", doc, title)
		}
	}
	br := file(t, out, "beleidsregels.md")
	for _, m := range regexp.MustCompile(`artikel (\d+[a-z]*)(, [a-z]+ lid)? van de verordening`).FindAllStringSubmatch(br, -1) {
		if !inserted[m[1]] {
			t.Errorf("the beleidsregels cite artikel %s of the verordening, which is not inserted", m[1])
		}
	}
	dek := file(t, out, "dekking.md")
	if !strings.Contains(dek, "12") || regexp.MustCompile(`\| artikel(en)? \d+( |\|)`).MatchString(dek) {
		t.Errorf("the dekkingsoverzicht names articles that are not numbered as inserted")
	}
}

// unresolved lists the article numbers the quoted paragraph names that are
// neither inserted nor an article of another act ("van de wet").
func unresolved(md string, inserted map[string]bool) []string {
	var bad []string
	ref := regexp.MustCompile(`\bartikel (\d+[a-z]*)((?:, [a-z ]+ lid)?(?:, (?:aanhef en )?onderdeel [a-z])?(?:, onder \d°)?,? van (?:de|het|Boek) [A-Za-z0-9]+)?`)
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, ">") {
			continue
		}
		for _, loc := range ref.FindAllStringSubmatchIndex(line, -1) {
			num, tail := line[loc[2]:loc[3]], loc[4] < 0
			if !tail || inserted[num] {
				continue
			}
			// A statute article in a list ("artikel 7, eerste lid,
			// onderdeel a, artikel 7a of artikel 10, tweede lid, van de
			// wet") names its law once, at the end of the sentence part.
			rest := line[loc[1]:]
			if i := strings.IndexAny(rest, ";:"); i >= 0 {
				rest = rest[:i]
			}
			if m := listed.FindString(rest); m != "" && !namesInserted(m, inserted) {
				continue
			}
			bad = append(bad, line[loc[0]:loc[1]])
		}
	}
	return bad
}

// namesInserted reports whether a list of articles names an inserted one:
// then it is a list of the paragraph's articles, not of the statute's.
func namesInserted(list string, inserted map[string]bool) bool {
	for _, n := range regexp.MustCompile(`\d+[a-z]*`).FindAllString(list, -1) {
		if inserted[n] {
			return true
		}
	}
	return false
}

// listed matches the rest of a list of statute articles up to the law.
var listed = regexp.MustCompile(`^(?:,? (?:en |of )?(?:(?:artikel )?\d+[a-z]*|[a-z]+ lid|(?:aanhef en )?onderdeel [a-z]))*,? van de wet\b`)

func TestUnresolvedCatchesSequenceNumbers(t *testing.T) {
	md := "> zoals bedoeld in artikel 5, tweede lid, en artikel 12c, en artikel 10 van de wet\n" +
		"> persoon als bedoeld in artikel 7, eerste lid, onderdeel a, artikel 7a of artikel 10, tweede lid, van de wet\n" +
		"> bedoeld in artikel 6 en in artikel 7a van de wet\n"
	got := unresolved(md, map[string]bool{"12c": true})
	if strings.Join(got, "|") != "artikel 5|artikel 6" {
		t.Errorf("unresolved = %v, want [artikel 5 artikel 6]", got)
	}
}

func numbers(arts []*document.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Number)
	}
	return out
}

// TestParagraphFormDeterministic: the same answers give the same bytes,
// the Word file included.
func TestParagraphFormDeterministic(t *testing.T) {
	c, ans := pipelinetest.Example(t, paragraphExample)
	var prev []pipeline.File
	for i := range 2 {
		out, err := c.Build(ans, []string{"md", "html", "docx"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			for j, f := range out.Files {
				if f.Name != prev[j].Name || !bytes.Equal(f.Data, prev[j].Data) {
					t.Errorf("%s differs between two builds", f.Name)
				}
			}
		}
		prev = out.Files
	}
}

// TestLoadFormErrors: a clause left out that the library lacks, or a
// question that is not a tekst question, is refused at its line.
func TestLoadFormErrors(t *testing.T) {
	c := pipelinetest.Content(t)
	for _, tt := range []struct{ in, want string }{
		{"amended: reintegratieverordening\nplaceholder: \"[x]\"\nrepealed: vervallen_artikelen\nparagraph:\n  when: vorm == \"paragraaf\"\n  after: paragraaf_na_artikel\n  omit:\n    - id: bestaat-niet\n      reason: x\n",
			"clauses/paragraaf.yaml:8:7: omit: \"bestaat-niet\" is geen clausule"},
		{"amended: doelgroep\nplaceholder: \"[x]\"\nrepealed: vervallen_artikelen\n",
			"clauses/paragraaf.yaml:1:1: amended: \"doelgroep\" is geen tekstvraag"},
		{"amended: reintegratieverordening\nplaceholder: \"[x]\"\nrepealed: vervallen_artikelen\nparagraph:\n  when: vorm == \"paragraf\"\n  after: paragraaf_na_artikel\n",
			"clauses/paragraaf.yaml:"},
	} {
		_, err := assemble.LoadForm(fstest.MapFS{assemble.FormFile: {Data: []byte(tt.in)}}, c.Library)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("err = %v, want %q", err, tt.want)
		}
	}
}

// TestRepealCollidesWithInserted: repealing an article that bears the
// number of an inserted one is refused at the answer.
func TestRepealCollidesWithInserted(t *testing.T) {
	c := pipelinetest.Content(t)
	in := "gemeente: Stad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\nvorm: paragraaf\nparagraaf_na_artikel: 12\nparagraaf_nummer: 3a\nvervallen_artikelen: 11, 12b\n"
	ans, _, err := c.Decode("a.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Build(ans, nil)
	if err == nil || !strings.Contains(err.Error(), "a.yaml:7:22: vervallen_artikelen: artikel 12b") {
		t.Errorf("err = %v, want a refusal of 12b at a.yaml:7:22", err)
	}
}

// FuzzRepeals: any answer gives article numbers only, each once, and
// never panics.
func FuzzRepeals(f *testing.F) {
	c := pipelinetest.Content(f)
	for _, s := range []string{"12, 13a", "12", "", " , ,12,12", "1a,2b ,3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ans, _, err := c.Decode("a.yaml", []byte("gemeente: Stad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\n"))
		if err != nil {
			t.Fatal(err)
		}
		ans.Values[c.Form.Repealed] = answer.Value{V: s}
		seen := map[string]bool{}
		for _, n := range c.Form.Repeals(ans) {
			if !regexp.MustCompile(`^[1-9][0-9]*[a-z]?$`).MatchString(n) || seen[n] {
				t.Fatalf("Repeals(%q) gives %q", s, n)
			}
			seen[n] = true
		}
	})
}
