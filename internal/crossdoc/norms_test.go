package crossdoc

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"verordening/internal/answer"
	"verordening/internal/document"
	"verordening/internal/format"
)

// ---------------------------------------------------------------------------
// Figures with their real status, open figures, payments with a basis

// currentClaims are phrasings that present a figure as what UWV does or
// pays now. The UWV protocol regimes expired in 2019 and UWV's hourly rate
// is indexed every year, so no document may say the gemeente follows
// them as current figures.
var currentClaims = regexp.MustCompile(`(?i)tarief dat UWV|percentages van UWV|UWV betaalt|UWV hanteert|UWV vergoedt|volgt het tarief|actuele tarief van UWV`)

// TestNoCurrentUWVClaims: no document of any case claims a figure is
// UWV's current one, and none keeps a "[Controleer …]" note for the
// drafter.
func TestNoCurrentUWVClaims(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.build(t, c)
			for kind, md := range b.md {
				for _, line := range strings.Split(md, "\n") {
					if m := currentClaims.FindString(line); m != "" {
						t.Errorf("%s: %q presents a figure as UWV's current one: %s", kind, m, line)
					}
					if strings.Contains(line, `\[Controleer`) || strings.Contains(line, "[Controleer") {
						t.Errorf("%s: a note for the drafter is left in the text: %s", kind, line)
					}
				}
			}
		})
	}
}

const placeholder = "[uurtarief: in te vullen door de gemeente]"

// zeroAmount is an amount of nothing, what a computation with an open
// figure would print.
var zeroAmount = regexp.MustCompile(`€ 0([^,0-9]|$)`)

// TestOpenFigureShowsPlaceholder: with the uurtarief left open (the
// uwv-protocol example) decoding succeeds, the answers list it as open,
// every format shows the placeholder as text and no computation prints
// a zero amount; once the gemeente fills it in, the placeholder is gone.
func TestOpenFigureShowsPlaceholder(t *testing.T) {
	c := content(t)
	file, data := example(t, c, "uwv-protocol")
	ans, _, err := c.Decode(file, data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ans.Open, []string{"uurtarief"}) {
		t.Fatalf("Open = %v, want [uurtarief]: the example leaves the uurtarief open", ans.Open)
	}
	if w := ans.OpenFigures(); len(w) != 1 || !strings.Contains(w[0].Error(), `"uurtarief: 84.90 # bron, jaar"`) || !strings.HasPrefix(w[0].Error(), file+":1:1:") {
		t.Errorf("OpenFigures() = %v, want one warning at %s:1:1 saying to add \"uurtarief: 84.90\"", w, file)
	}
	out, err := c.Build(ans, []string{"md", "html", "docx"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, f := range out.Files {
		var text string
		switch {
		case strings.HasSuffix(f.Name, ".md"):
			text = strings.ReplaceAll(string(f.Data), `\`, "")
		case strings.HasSuffix(f.Name, ".html"):
			text = htmlText(string(f.Data))
		case strings.HasSuffix(f.Name, ".docx"):
			text = docxText(t, f.Data)
		default:
			continue
		}
		ext := f.Name[strings.LastIndexByte(f.Name, '.'):]
		seen[ext] += strings.Count(text, placeholder)
		if m := zeroAmount.FindString(text); m != "" && !strings.HasPrefix(f.Name, "dekking") {
			t.Errorf("%s prints %q: a computation used the open uurtarief as zero", f.Name, m)
		}
	}
	for _, ext := range []string{".md", ".html", ".docx"} {
		if seen[ext] == 0 {
			t.Errorf("no %s document shows %q", ext, placeholder)
		}
	}

	filled := buildAnswers(t, c, file, setAnswer(data, "uurtarief", "84.90"))
	for kind, md := range filled.md {
		if strings.Contains(md, "in te vullen door de gemeente") {
			t.Errorf("%s still shows a placeholder after uurtarief was filled in", kind)
		}
	}
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// htmlText is the text of an HTML page: tags removed, the entities our
// renderer writes decoded.
func htmlText(s string) string {
	s = tagRe.ReplaceAllString(s, "")
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// docxText is the text of the w:t runs of word/document.xml.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		var sb strings.Builder
		dec := xml.NewDecoder(rc)
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inText = x.Name.Local == "t"
			case xml.EndElement:
				inText = false
			case xml.CharData:
				if inText {
					sb.Write(x)
				}
			}
		}
		return sb.String()
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestProefplaatsingRestsOnVerordening (Awb 4:23, first lid): the
// beleidsregels pay for begeleiding during a proefplaatsing only on the
// basis of the verordening's lid that grants it, and name that lid; when
// the verordening has no subsidy for an interne werkbegeleider, no
// document offers the payment.
func TestProefplaatsingRestsOnVerordening(t *testing.T) {
	c := content(t)
	file, data := example(t, c, "uwv-protocol")

	b := buildAnswers(t, c, file, data)
	art := b.beleidsregels().Article("br-proefplaatsing")
	basis := b.verordening().Article("interne-werkbegeleiding")
	if art == nil || basis == nil {
		t.Fatalf("br-proefplaatsing %v, interne-werkbegeleiding %v: the example chooses both", art != nil, basis != nil)
	}
	i := slices.IndexFunc(basis.Leden, func(l *document.Lid) bool { return l.Label == "proefplaats" })
	if i < 0 {
		t.Fatal("the verordening's interne-werkbegeleiding has no lid labelled proefplaats")
	}
	want := "artikel " + basis.Number + ", "
	if first := art.Leden[0].Text.Markdown(); !strings.Contains(first, want) || !strings.Contains(first, "van de verordening") {
		t.Errorf("br-proefplaatsing does not name its basis (%s…van de verordening): %s", want, first)
	}

	without := buildAnswers(t, c, file, setAnswer(data, "interne_werkbegeleiding", "false"))
	if without.beleidsregels().Article("br-proefplaatsing") != nil {
		t.Error("br-proefplaatsing is chosen while the verordening grants no subsidy for an interne werkbegeleider")
	}
	for _, kind := range []document.Kind{document.Beleidsregels, document.Informatieblad} {
		if strings.Contains(strings.ToLower(without.md[kind]), "proefplaats") {
			t.Errorf("%s offers a payment for a proefplaats without a basis in the verordening", kind)
		}
	}
}

// TestBeleidsregelsDefinitions: the beleidsregels define their terms
// without letters and alphabetically, like the verordening, and do not
// define werktijd a second time.
func TestBeleidsregelsDefinitions(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			art := tc.build(t, c).beleidsregels().Article("br-begrippen")
			if art == nil {
				t.Fatal("no br-begrippen")
			}
			var terms []string
			for _, l := range art.Leden {
				for _, it := range l.Items {
					if it.Marker != "" {
						t.Errorf("definition %q has marker %q, want none", it.Text.Markdown(), it.Marker)
					}
					terms = append(terms, strings.ToLower(it.Text.Markdown()))
				}
			}
			if len(terms) == 0 {
				t.Fatal("no definitions")
			}
			if !slices.IsSorted(terms) {
				t.Errorf("definitions not in alphabetical order: %q", terms)
			}
			for _, term := range terms {
				if strings.HasPrefix(term, "werktijd") {
					t.Errorf("the beleidsregels define werktijd again (%q); the verordening defines it", term)
				}
			}
		})
	}
}

// TestInformatiebladCapNotFalse: where the verordening has a kostenplafond,
// the informatieblad never states it as an absolute limit ("nooit meer
// dan"), and says it does not bind the doelgroep loonkostensubsidie,
// whose art. 10da claim a cap cannot limit.
func TestInformatiebladCapNotFalse(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.build(t, c)
			md := b.md[document.Informatieblad]
			if strings.Contains(md, "nooit meer dan") {
				t.Error(`the informatieblad says "nooit meer dan": a cap does not bind every werknemer`)
			}
			if b.verordening().Article("kostenplafond") == nil {
				return
			}
			amount := strings.ReplaceAll(answerAmount(b.ans, "kostenplafond_bedrag"), `\`, "")
			for _, para := range strings.Split(md, "\n\n") {
				if strings.Contains(para, amount) && !strings.Contains(para, "doelgroep loonkostensubsidie") {
					t.Errorf("the informatieblad names the cap %s without the exception for the doelgroep loonkostensubsidie: %s", amount, para)
				}
			}
		})
	}
}

func answerAmount(ans *answer.Answers, id string) string {
	v, _ := ans.Get(id).(float64)
	return format.Bedrag(v)
}

// routePhrases name, per verordening clause, the words by which the
// informatieblad offers that route or rule to providers.
var routePhrases = []struct{ clause, phrase string }{
	{"subsidie-externe-jobcoach", "zelf inhuren"},
	{"subsidie-externe-jobcoach", "regels van de subsidie"},
	{"landelijke-werkgevers", "vestigingen in meer gemeenten"},
	{"eigen-jobcoaches", "eigen jobcoaches"},
	{"interne-werkbegeleiding", "interne werkbegeleider"},
	{"nazorg", "strippenkaart"},
	{"kostenplafond", "alle jaren samen"},
	{"natura-aanbesteding", "aanbesteding"},
}

// TestInformatiebladNamesOnlyOpenRoutes: the informatieblad never tells
// providers about a route or rule the verordening does not have.
func TestInformatiebladNamesOnlyOpenRoutes(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.build(t, c)
			md := b.md[document.Informatieblad]
			for _, r := range routePhrases {
				if b.verordening().Article(r.clause) == nil && strings.Contains(md, r.phrase) {
					t.Errorf("the informatieblad says %q, but the verordening has no %s", r.phrase, r.clause)
				}
			}
		})
	}
}
