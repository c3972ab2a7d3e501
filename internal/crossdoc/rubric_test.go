package crossdoc

import (
	"regexp"
	"strings"
	"testing"

	"verordening/internal/document"
)

// The rubric of the jurist's review (issue 11): each rule reads the built
// documents of every example and test answer set, and of the uwv-protocol
// example with one choice changed, and fails on a text that breaks the
// rule. A rule returns "" when it holds, or what is wrong.

// variations are answers changed in turn on one example, so that every
// variant text of the clauses is read by the rules, not only the
// combinations the examples happen to choose.
var variations = []struct {
	name    string
	answers [][2]string
}{
	{"doelgroep breed", [][2]string{{"doelgroep", "breed"}}},
	{"doelgroep voorrang", [][2]string{{"doelgroep", "voorrang"}}},
	{"geen standaardroute interne werkbegeleider", [][2]string{{"interne_werkbegeleiding", "false"}}},
	{"geen subsidie externe jobcoach", [][2]string{{"subsidie_externe_jobcoach", "false"}}},
	{"alleen op aanvraag", [][2]string{{"ambtshalve", "false"}, {"overgang_onderwijs_werk", "true"}}},
	{"aanbesteding met landelijke werkgevers", [][2]string{{"selectie_jobcoachorganisatie", "aanbesteding"}, {"landelijke_werkgevers", "true"}}},
	{"geen beëindigingsgronden", [][2]string{{"beeindiging_gronden", "[]"}}},
	{"in werking 2027", [][2]string{{"inwerkingtreding", "2027-01-01"}}},
}

// rubricBuilds builds every case and every variation.
func rubricBuilds(t *testing.T) map[string]*build {
	c := content(t)
	out := map[string]*build{}
	for _, tc := range cases(t, c) {
		out[tc.name] = tc.build(t, c)
	}
	file, data := example(t, c, "uwv-protocol")
	for _, v := range variations {
		d := data
		for _, a := range v.answers {
			d = setAnswer(d, a[0], a[1])
		}
		out["uwv-protocol, "+v.name] = buildAnswers(t, c, file, d)
	}
	return out
}

// leden is the article text without its toelichting.
func leden(a *document.Article) string {
	if a == nil {
		return ""
	}
	var sb strings.Builder
	var items func([]*document.Item)
	items = func(its []*document.Item) {
		for _, it := range its {
			sb.WriteString(it.Text.Markdown() + "\n")
			items(it.Items)
		}
	}
	for _, l := range a.Leden {
		sb.WriteString(l.Text.Markdown() + "\n")
		items(l.Items)
		sb.WriteString(blocksText(l.Blocks))
	}
	return sb.String()
}

// intensity is the chosen intensity article.
func intensity(v *document.Document) *document.Article {
	if a := v.Article("intensiteit-percentage"); a != nil {
		return a
	}
	if a := v.Article("intensiteit-uurbanden"); a != nil {
		return a
	}
	return v.Article("intensiteit-maatwerk")
}

func absent(text string, phrases ...string) string {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return "contains " + strconvQuote(p)
		}
	}
	return ""
}

func strconvQuote(s string) string { return "\"" + s + "\"" }

// twoLeden finds "het eerste lid en het tweede lid" where the Aanwijzingen
// write "het eerste en tweede lid".
var twoLeden = regexp.MustCompile(`het (eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende) lid en het (eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende) lid`)

var rubric = []struct {
	name string
	rule func(b *build) string
}{
	{"de aanspraak rust op de begeleidingsnoodzaak, niet op een groep", func(b *build) string {
		a := b.verordening().Article("doelgroep")
		if a == nil {
			return "no doelgroep article"
		}
		first := leden(&document.Article{Leden: a.Leden[:1]})
		if !strings.Contains(first, "begeleidingsnoodzaak") {
			return "the aanspraak does not turn on the begeleidingsnoodzaak: " + first
		}
		return absent(first, "doelgroep loonkostensubsidie", "beschut werk")
	}},
	{"een hardheidsclausule voor de hele verordening", func(b *build) string {
		a := b.verordening().Article("hardheidsclausule")
		if a == nil {
			return "no hardheidsclausule"
		}
		if !strings.Contains(a.Leden[0].Text.Markdown(), "een bepaling van deze verordening") && !strings.Contains(a.Leden[0].Text.Markdown(), "een bepaling van deze paragraaf") {
			return "the hardheidsclausule covers only some articles: " + a.Leden[0].Text.Markdown()
		}
		return ""
	}},
	{"in de paragraafvorm spreken de regels van deze paragraaf", func(b *build) string {
		if b.ans.Get("vorm") != "paragraaf" {
			return ""
		}
		var text string
		for _, a := range b.verordening().Articles() {
			text += leden(a)
		}
		return absent(text, "deze verordening")
	}},
	{"jongeren via artikel 7a vallen onder de doelgroep", func(b *build) string {
		v := b.verordening()
		if !strings.Contains(leden(v.Article("doelgroep")), "artikel 7a van de wet") {
			return "the doelgroep article does not name artikel 7a"
		}
		if !strings.Contains(leden(v.Article("begripsbepalingen")), "artikel 7a") {
			return "the definition of werknemer does not name artikel 7a"
		}
		if !regexp.MustCompile(`gelet op [^\n]*\b7a\b`).MatchString(b.md[document.Verordening]) {
			return "the aanhef does not cite artikel 7a"
		}
		return ""
	}},
	{"de verordening zelf begrenst de intensiteit", func(b *build) string {
		a := intensity(b.verordening())
		if a == nil {
			return "no intensity article"
		}
		text := leden(a)
		if !regexp.MustCompile(`ten hoogste[^.;]*\d`).MatchString(a.Leden[0].Text.Markdown() + leden(&document.Article{Leden: a.Leden[:1]})) {
			return "the first lid states no ceiling: " + text
		}
		if msg := absent(text, "beleidsregels", "heeft vastgesteld"); msg != "" {
			return "the intensity article leaves the ceiling to the college: " + msg
		}
		return absent(leden(b.verordening().Article("beleidsregels")), "maximale bedrag per jaar", "in uitzonderlijke gevallen ten hoogste")
	}},
	{"de interne werkbegeleider is nooit uitgesloten", func(b *build) string {
		v := b.verordening()
		if v.Article("interne-werkbegeleiding") == nil || v.Article("eisen-interne-werkbegeleider") == nil {
			return "no subsidy for an interne werkbegeleider"
		}
		return absent(b.md[document.Verordening], "geen subsidie voor begeleiding door een interne werkbegeleider")
	}},
	{"de subsidies rusten op de verordening", func(b *build) string {
		v := b.verordening()
		for _, id := range []string{"interne-werkbegeleiding", "subsidie-externe-jobcoach", "proefplaats"} {
			if a := v.Article(id); a != nil && !strings.Contains(blocksText(a.Note), "4:23") {
				return id + ": the toelichting does not name the basis of artikel 4:23 Awb"
			}
		}
		return absent(b.md[document.Beleidsregels]+b.md[document.Verordening], "[Controleer")
	}},
	{"artikel 10, zesde lid, van de wet wordt niet herhaald", func(b *build) string {
		return absent(leden(b.verordening().Article("aanvraag")), "van overeenkomstige toepassing", "belanghebbende")
	}},
	{"de werkgever krijgt geen gezondheidsgegevens", func(b *build) string {
		text := leden(b.verordening().Article("onderzoek"))
		if !strings.Contains(text, "geen diagnose") {
			return "the onderzoek article does not minimise what the employer gets"
		}
		return absent(text, "toestemming")
	}},
	{"het besluit rust op het onderzoek, niet op een loonwaardemeting", func(b *build) string {
		return absent(leden(b.verordening().Article("besluit")), "loonwaardemeting", "in de eerste plaats")
	}},
	{"de raadstekst spreekt van het college, niet van zijn organisatie", func(b *build) string {
		return absent(b.md[document.Verordening], "klantmanager", "teammanager")
	}},
	{"het eerste en tweede lid", func(b *build) string {
		for kind, md := range b.md {
			if m := twoLeden.FindString(md); m != "" {
				return string(kind) + ": " + m
			}
		}
		return ""
	}},
	{"geen verplichtingen voor aanbieders buiten overeenkomst of subsidie", func(b *build) string {
		var text string
		for _, a := range b.verordening().Articles() {
			text += leden(a)
		}
		return absent(text, "De jobcoachorganisatie verleent", "De jobcoach rapporteert", "De jobcoach meldt", "De jobcoachorganisatie toont", "De jobcoach houdt")
	}},
	{"geen ongepubliceerde afspraken als maatstaf", func(b *build) string {
		return absent(b.md[document.Verordening], "in samenhang met de afspraken", "sluit bij de uitvoering van deze verordening aan bij de afspraken", "volgt de regionale afspraken")
	}},
	{"zonder ambtshalve toekenning geen voortzetting zonder aanvraag", func(b *build) string {
		if b.ans.Get("ambtshalve") == true {
			return ""
		}
		return absent(b.md[document.Verordening], "zonder nieuwe aanvraag", "geen nieuwe aanvraag")
	}},
	{"geen wettelijk recht dat de wet niet kent", func(b *build) string {
		return absent(b.md[document.Verordening], "uitkomst van het onderzoek opvragen")
	}},
	{"geen lijst van gronden als er geen zijn", func(b *build) string {
		if g, _ := b.ans.Get("beeindiging_gronden").([]string); len(g) > 0 {
			return ""
		}
		return absent(b.md[document.Verordening], "lijst van gronden")
	}},
	{"aanbesteding en landelijke werkgevers passen in het aanbestedingsrecht", func(b *build) string {
		v := b.verordening()
		if v.Article("natura-aanbesteding") == nil || v.Article("landelijke-werkgevers") == nil {
			return ""
		}
		if !strings.Contains(leden(v.Article("landelijke-werkgevers")), "aanbestedingsrecht") {
			return "the article on national employers ignores the aanbesteding"
		}
		return ""
	}},
	{"de kwaliteitseisen noemen geen route die de verordening sluit", func(b *build) string {
		if b.ans.Get("subsidie_externe_jobcoach") == true {
			return ""
		}
		return absent(b.md[document.Verordening], "die de werkgever met subsidie zelf inschakelt")
	}},
	{"werktijd heeft één omschrijving", func(b *build) string {
		if intensity(b.verordening()) == b.verordening().Article("intensiteit-percentage") &&
			!strings.Contains(leden(b.verordening().Article("begripsbepalingen")), "werktijd:") {
			return "the verordening does not define werktijd"
		}
		return absent(b.md[document.Verordening], "Onder werktijd wordt verstaan")
	}},
	{"geen zin dat een cijfer het actuele van UWV is", func(b *build) string {
		return absent(b.md[document.Verordening], "volgt hier de percentages van UWV", "UWV hanteert", "UWV kent jobcoaching toe")
	}},
}

// TestRubric holds every rule of the review against every build.
func TestRubric(t *testing.T) {
	builds := rubricBuilds(t)
	for _, r := range rubric {
		t.Run(r.name, func(t *testing.T) {
			for name, b := range builds {
				if msg := r.rule(b); msg != "" {
					t.Errorf("%s: %s", name, msg)
				}
			}
		})
	}
}

// TestRubricCatchesBrokenText: each rule fails on the text the review
// found, so the rules cannot pass vacuously.
func TestRubricCatchesBrokenText(t *testing.T) {
	c := content(t)
	b := buildExample(t, c, "uwv-protocol")
	v := b.verordening()
	broken := map[string]func(){
		"de aanspraak rust op de begeleidingsnoodzaak, niet op een groep": func() {
			v.Article("doelgroep").Leden[0].Items[0].Text = document.ParseMarkdown("de werknemer behoort tot de doelgroep loonkostensubsidie of beschut werk verricht;")
		},
		"een hardheidsclausule voor de hele verordening": func() {
			v.Article("hardheidsclausule").Leden[0].Text = document.ParseMarkdown("Het college kan afwijken van de artikelen 7, 19 en 20.")
		},
		"de verordening zelf begrenst de intensiteit": func() {
			a := intensity(v)
			a.Leden = []*document.Lid{{Text: document.ParseMarkdown("Het college stelt het aantal uren vast binnen het maximale bedrag per jaar dat het college bij beleidsregels heeft vastgesteld.")}}
		},
		"de werkgever krijgt geen gezondheidsgegevens": func() {
			a := v.Article("onderzoek")
			a.Leden[len(a.Leden)-1].Text = document.ParseMarkdown("De werkgever ontvangt gegevens over de gezondheid alleen met toestemming van de werknemer.")
		},
		"artikel 10, zesde lid, van de wet wordt niet herhaald": func() {
			a := v.Article("aanvraag")
			a.Leden = append(a.Leden, &document.Lid{Text: document.ParseMarkdown("Artikel 40, eerste lid, van de wet is van overeenkomstige toepassing.")})
		},
		"geen verplichtingen voor aanbieders buiten overeenkomst of subsidie": func() {
			a := v.Article("borging")
			a.Leden = append(a.Leden, &document.Lid{Text: document.ParseMarkdown("De jobcoachorganisatie verleent het college de medewerking die het nodig heeft.")})
		},
		"het besluit rust op het onderzoek, niet op een loonwaardemeting": func() {
			a := v.Article("besluit")
			a.Leden = append(a.Leden, &document.Lid{Text: document.ParseMarkdown("Het college baseert zijn oordeel in de eerste plaats op een loonwaardemeting.")})
		},
	}
	for _, r := range rubric {
		breakIt, ok := broken[r.name]
		if !ok {
			continue
		}
		t.Run(r.name, func(t *testing.T) {
			b := buildExample(t, c, "uwv-protocol")
			v = b.verordening()
			breakIt()
			if r.rule(b) == "" {
				t.Error("the rule passes a text that breaks it")
			}
		})
	}
	for _, r := range rubric {
		if strings.Contains(r.name, "eerste en tweede lid") {
			b.md[document.Beleidsregels] += "\nop de wijze, bedoeld in het eerste lid en het tweede lid.\n"
			if r.rule(b) == "" {
				t.Error("het eerste lid en het tweede lid is not caught")
			}
		}
	}
}

// TestArticle7aIn2027: since 1 January 2026 a person under 27 is supported
// under artikel 7a of the Participatiewet, not artikel 7, eerste lid,
// onderdeel a. Every example, in force on 1 January 2027, names artikel 7a
// in the doelgroep, in the definition of werknemer and in the aanhef.
func TestArticle7aIn2027(t *testing.T) {
	c := content(t)
	var rule func(*build) string
	for _, r := range rubric {
		if strings.Contains(r.name, "artikel 7a") {
			rule = r.rule
		}
	}
	if rule == nil {
		t.Fatal("the rubric has no rule on artikel 7a")
	}
	for _, name := range c.Examples() {
		file, data := example(t, c, name)
		b := buildAnswers(t, c, file, setAnswer(data, "inwerkingtreding", "2027-01-01"))
		if msg := rule(b); msg != "" {
			t.Errorf("%s: %s", name, msg)
		}
	}
}
