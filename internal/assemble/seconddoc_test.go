package assemble_test

import (
	"slices"
	"strings"
	"testing"

	"verordening/internal/assemble"
	"verordening/internal/document"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/source"
)

// blocksText joins the paragraphs of a frame (aanhef, ondertekening).
func blocksText(bs []document.Block) string {
	var b strings.Builder
	for _, bl := range bs {
		if p, ok := bl.(*document.Paragraph); ok {
			b.WriteString(p.Text.Markdown() + "\n")
		}
	}
	return b.String()
}

// docText is the article text of a whole document.
func docText(d *document.Document) string {
	var b strings.Builder
	for _, a := range d.Articles() {
		b.WriteString(articleText(a))
	}
	return b.String()
}

// TestSecondDocument: with nadere regels the raad delegates in the
// verordening ("stelt nadere regels"), the second document has its own
// title, an aanhef that cites the delegating lid and not Awb 4:81, and
// enters into force with the verordening; with beleidsregels everything
// stays as Awb 4:81 has it. Neither choice breaks a consistency rule.
func TestSecondDocument(t *testing.T) {
	c := pipelinetest.Content(t)
	tests := []struct {
		choice, title string
		want, not     []string // in the aanhef and articles of the second document
		verordening   string   // in the delegating article
	}{
		{"beleidsregels", "Beleidsregels jobcoaching Proefstad 2027",
			[]string{"gelet op artikel 4:81 van de Algemene wet bestuursrecht en de artikelen", "besluit vast te stellen de volgende beleidsregels: Beleidsregels jobcoaching Proefstad 2027.",
				"Deze beleidsregels worden aangehaald als: Beleidsregels jobcoaching Proefstad 2027."},
			[]string{"nadere regels"}, "Het college stelt beleidsregels vast over de uitvoering van deze verordening"},
		{"nadere_regels", "Nadere regels jobcoaching Proefstad 2027",
			[]string{"besluit vast te stellen de volgende nadere regels: Nadere regels jobcoaching Proefstad 2027.",
				"Deze nadere regels worden aangehaald als: Nadere regels jobcoaching Proefstad 2027.",
				"Deze nadere regels treden in werking met ingang van 1 januari 2027"},
			[]string{"4:81", "deze beleidsregels"}, "Het college stelt nadere regels over de uitvoering van deze verordening"},
	}
	for _, tc := range tests {
		t.Run(tc.choice, func(t *testing.T) {
			ans := decode(t, c, "uurtarief: 80\ntweede_document: "+tc.choice+"\n")
			res, err := assemble.Build(c.Library, ans)
			if err != nil {
				t.Fatal(err)
			}
			br := res.Beleidsregels
			if br.Title.Markdown() != tc.title {
				t.Errorf("title %q, want %q", br.Title.Markdown(), tc.title)
			}
			text := blocksText(br.Intro) + docText(br)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("second document lacks %q:\n%s", w, blocksText(br.Intro))
				}
			}
			for _, n := range tc.not {
				if strings.Contains(strings.ToLower(text), strings.ToLower(n)) {
					t.Errorf("second document says %q", n)
				}
			}
			deleg := res.Verordening.Article("beleidsregels")
			if !strings.Contains(articleText(deleg), tc.verordening) {
				t.Errorf("delegating article lacks %q:\n%s", tc.verordening, articleText(deleg))
			}
			if tc.choice == "nadere_regels" {
				cite := "gelet op artikel " + deleg.Number + ", eerste lid, van de verordening"
				if !strings.Contains(text, cite) {
					t.Errorf("aanhef does not cite the delegating lid (%q):\n%s", cite, blocksText(br.Intro))
				}
			}
			if ids := findingIDs(res.Coverage); len(ids) > 0 {
				t.Errorf("findings %v\n%v", ids, res.Coverage.Problems(ans, source.SevError))
			}
		})
	}
}

// TestNadereRegelsWithoutDate: without a date of its own the verordening
// enters into force on the eighth day; the nadere regels then enter into
// force with it, and no date for beleidsregels is asked.
func TestNadereRegelsWithoutDate(t *testing.T) {
	c := pipelinetest.Content(t)
	ans, _, err := c.Decode("antwoorden.yaml", []byte("gemeente: Proefstad\nregionale_afspraken: lokaal\nreintegratieverordening: R\nuurtarief: 80\ntweede_document: nadere_regels\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := assemble.Build(c.Library, ans)
	if err != nil {
		t.Fatal(err)
	}
	got := articleText(res.Beleidsregels.Article("br-inwerkingtreding"))
	want := "Deze nadere regels treden in werking op het tijdstip waarop de Verordening jobcoaching Proefstad in werking treedt, maar niet eerder dan de dag na die van hun bekendmaking."
	if strings.TrimSpace(got) != want {
		t.Errorf("inwerkingtreding:\n%s\nwant:\n%s", got, want)
	}
}

// TestAanvraagTermijn: a term for the aanvraag brings the consequence of a
// late aanvraag, the escape of the hardheidsclausule and the exception for
// art. 10da; without a term there is no consequence.
func TestAanvraagTermijn(t *testing.T) {
	c := pipelinetest.Content(t)
	tests := []struct {
		answers   string
		want, not []string
	}{
		{"aanvraagtermijn: geen\n", nil, []string{"niet toe over de periode voor", "10da"}},
		{"aanvraagtermijn: voor_start\n", []string{"De aanvraag wordt ingediend voordat de jobcoaching begint.",
			"niet toe over de periode voor de dag waarop het de aanvraag heeft ontvangen, tenzij het met toepassing van artikel",
			"waarop artikel 10da van de wet een werknemer rechtstreeks aanspraak geeft"}, nil},
		{"aanvraagtermijn: na_start\naanvraagtermijn_weken: 6\n", []string{"uiterlijk zes weken na de dag waarop de jobcoaching begint"}, nil},
		{"aanvraag_inhoud: [begeleider]\n", []string{"bij een aanvraag om subsidie: wie de begeleiding geeft"}, []string{"afschrift van de arbeidsovereenkomst"}},
	}
	for _, tc := range tests {
		ans := decode(t, c, "uurtarief: 80\n"+tc.answers)
		res, err := assemble.Build(c.Library, ans)
		if err != nil {
			t.Fatal(err)
		}
		a := res.Verordening.Article("aanvraag")
		text := articleText(a)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: aanvraag lacks %q:\n%s", tc.answers, w, text)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(text, n) {
				t.Errorf("%s: aanvraag says %q", tc.answers, n)
			}
		}
		if strings.Contains(text, "van de wet een werknemer rechtstreeks") {
			h := res.Verordening.Article("hardheidsclausule")
			if !strings.Contains(text, "met toepassing van artikel "+h.Number+" ") {
				t.Errorf("%s: the late aanvraag does not name the hardheidsclausule (artikel %s)", tc.answers, h.Number)
			}
		}
	}
}

// TestSubsidiekader: the frame of the subsidies follows the choices, keeps
// the worker's aanspraak when state-aid rules stop a subsidy, and an open
// citeertitel of the Algemene subsidieverordening shows as a placeholder.
func TestSubsidiekader(t *testing.T) {
	c := pipelinetest.Content(t)
	tests := []struct {
		answers   string
		want, not []string
	}{
		{"", []string{"titel 4.2 van de Algemene wet bestuursrecht", "Verordening (EU) 2023/2831", "Het college verstrekt geen voorschot",
			"behoudt de werknemer zijn aanspraak op jobcoaching en geeft het college de jobcoaching in natura"},
			[]string{"subsidieverordening", "651/2014"}},
		{"subsidiekader: asv\nstaatssteun: agvv\nvoorschot: true\nvoorschot_pct: 80\n",
			[]string{"is de [citeertitel van de Algemene subsidieverordening] van toepassing", "Verordening (EU) nr. 651/2014", "artikel 34", "artikel 35",
				"een voorschot verstrekken van ten hoogste 80% van de verleende subsidie", "verrekent betaalde voorschotten"},
			[]string{"2023/2831", "de-minimis"}},
		{"subsidiekader: asv\nasv_citeertitel: Algemene subsidieverordening Proefstad 2024\n",
			[]string{"is de Algemene subsidieverordening Proefstad 2024 van toepassing"}, nil},
	}
	for _, tc := range tests {
		ans := decode(t, c, "uurtarief: 80\n"+tc.answers)
		res, err := assemble.Build(c.Library, ans)
		if err != nil {
			t.Fatal(err)
		}
		text := articleText(res.Verordening.Article("subsidiekader"))
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%q: subsidiekader lacks %q:\n%s", tc.answers, w, text)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(text, n) {
				t.Errorf("%q: subsidiekader says %q", tc.answers, n)
			}
		}
		if ids := findingIDs(res.Coverage); slices.ContainsFunc(ids, func(id string) bool {
			return strings.HasPrefix(id, "subsidiekader") || strings.HasPrefix(id, "staatssteun") || strings.HasPrefix(id, "voorschot")
		}) {
			t.Errorf("%q: findings %v", tc.answers, ids)
		}
	}
}
