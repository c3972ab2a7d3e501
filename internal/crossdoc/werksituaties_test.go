package crossdoc

import (
	"strings"
	"testing"

	"verordening/internal/document"
)

// Work situations beyond the plain dienstbetrekking, contract types, the
// routes for the interne werkbegeleider and the gemeente's own jobcoaches
// (issue 12, points 3, 4 and 10). Each rule reads the built documents of
// the examples, the test answer sets and the variations below, and fails
// on a text that breaks it.

// situationVariations change the answers of issue 12 on the uwv-protocol
// examples (separate and paragraph form), so that every variant text is
// read.
var situationVariations = []struct {
	name    string
	answers [][2]string
}{
	{"alle werksituaties, gemiddelde uren, ingehuurd, collega, eigen jobcoaches", [][2]string{
		{"werksituaties", "[bbl, uitzending, werkervaringsplaats]"}, {"oproepcontract", "gemiddelde"},
		{"werkbegeleider_dienstverband", "ook_ingehuurd"}, {"werkbegeleider_positie", "[collega]"},
		{"uitvoerder", "naast_extern"}}},
	{"uitzending, minimumuren, geen collega of leidinggevende", [][2]string{
		{"werksituaties", "[uitzending]"}, {"oproepcontract", "minimumuren"},
		{"werkbegeleider_positie", "[]"}, {"uitvoerder", "gemengd"}}},
	{"leidinggevende, geen ondergrenzen", [][2]string{
		{"werkbegeleider_positie", "[leidinggevende]"}, {"minimale_contracturen", "0"},
		{"minimale_contractduur_maanden", "0"}, {"werksituaties", "[werkervaringsplaats]"}}},
}

func situationBuilds(t *testing.T) map[string]*build {
	c := content(t)
	out := map[string]*build{}
	for _, tc := range cases(t, c) {
		out[tc.name] = tc.build(t, c)
	}
	for _, ex := range []string{"uwv-protocol", "uwv-protocol-paragraaf"} {
		file, data := example(t, c, ex)
		for _, v := range situationVariations {
			d := data
			for _, a := range v.answers {
				d = setAnswer(d, a[0], a[1])
			}
			out[ex+", "+v.name] = buildAnswers(t, c, file, d)
		}
	}
	return out
}

func strs(b *build, id string) []string {
	v, _ := b.ans.Get(id).([]string)
	return v
}

func str(b *build, id string) string {
	v, _ := b.ans.Get(id).(string)
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// articleRef is how another article cites article id: "artikel 6".
func articleRef(v *document.Document, id string) string {
	if a := v.Article(id); a != nil {
		return "artikel " + a.Number
	}
	return ""
}

var situationRubric = []struct {
	name string
	rule func(b *build) string
}{
	{"de voorwaarden aan de dienstbetrekking wijken voor de doelgroep loonkostensubsidie", func(b *build) string {
		v := b.verordening()
		a := v.Article("voorwaarden-dienstbetrekking")
		if a == nil {
			return "no voorwaarden-dienstbetrekking article"
		}
		last := a.Leden[len(a.Leden)-1].Text.Markdown()
		if !strings.Contains(last, "doelgroep loonkostensubsidie") || !strings.Contains(last, articleRef(v, "aanspraak-lks")) {
			return "the last lid does not give way to " + articleRef(v, "aanspraak-lks") + ": " + last
		}
		return ""
	}},
	{"een oproepcontract is uitgesloten precies als de antwoorden het uitsluiten", func(b *build) string {
		text := leden(b.verordening().Article("voorwaarden-dienstbetrekking"))
		fixed := strings.Contains(text, "arbeidsduur per week vaststaat")
		if want := str(b, "oproepcontract") == "uitgesloten"; fixed != want {
			return "oproepcontract " + str(b, "oproepcontract") + ", but the text reads: " + text
		}
		return ""
	}},
	{"de inlener vraagt aan naast de werkgever, niet in diens plaats", func(b *build) string {
		v := b.verordening()
		a := v.Article("inlener")
		if (a != nil) != contains(strs(b, "werksituaties"), "uitzending") {
			return "the inlener article does not follow werksituaties"
		}
		if a == nil {
			return absent(b.md[document.Verordening], "inlener")
		}
		if !strings.Contains(a.Leden[0].Text.Markdown(), "naast de werkgever ook de inlener") {
			return "the inlener does not apply beside the werkgever: " + a.Leden[0].Text.Markdown()
		}
		if msg := absent(leden(a), "in plaats van de werkgever", "in de plaats van de werkgever"); msg != "" {
			return msg
		}
		if !strings.Contains(leden(v.Article("aanvraag")), "De werknemer of de werkgever kan") {
			return "the werkgever's own aanvraag is gone"
		}
		return ""
	}},
	{"de inlener heeft alleen plichten als aanvrager of ontvanger", func(b *build) string {
		a := b.verordening().Article("inlener")
		if a == nil {
			return ""
		}
		for _, l := range a.Leden {
			if strings.Contains(l.Text.Markdown(), "werkt mee") && !strings.HasPrefix(l.Text.Markdown(), "Een inlener die een aanvraag indient of subsidie ontvangt") {
				return "an obligation on every inlener: " + l.Text.Markdown()
			}
		}
		return ""
	}},
	{"de eis aan de plaats van de interne werkbegeleider sluit geen werkgever uit", func(b *build) string {
		a := b.verordening().Article("eisen-interne-werkbegeleider")
		if a == nil {
			return "no eisen-interne-werkbegeleider article"
		}
		p := strs(b, "werkbegeleider_positie")
		found := false
		for _, l := range a.Leden {
			if strings.Contains(l.Text.Markdown(), "niet de direct leidinggevende") || strings.Contains(l.Text.Markdown(), "geen directe collega") {
				found = true
				if !strings.Contains(l.Text.Markdown(), "tenzij de werkgever geen andere geschikte begeleider heeft") {
					return "no way out for a small employer: " + l.Text.Markdown()
				}
			}
		}
		if want := !contains(p, "collega") || !contains(p, "leidinggevende"); found != want {
			return "the lid on the position does not follow werkbegeleider_positie"
		}
		return ""
	}},
	{"een ingehuurde interne werkbegeleider werkt niet voor een jobcoachorganisatie", func(b *build) string {
		text := leden(b.verordening().Article("begripsbepalingen"))
		hired := strings.Contains(text, "ingehuurd")
		if want := str(b, "werkbegeleider_dienstverband") == "ook_ingehuurd"; hired != want {
			return "the definition of interne werkbegeleider does not follow werkbegeleider_dienstverband"
		}
		if hired && !strings.Contains(text, "maar niet werkt voor een jobcoachorganisatie") {
			return "a jobcoach of a jobcoachorganisatie could be an interne werkbegeleider"
		}
		return ""
	}},
	{"eigen jobcoaches: dezelfde eisen en dezelfde borging", func(b *build) string {
		v := b.verordening()
		a := v.Article("eigen-jobcoaches")
		if (a != nil) != (str(b, "uitvoerder") != "extern") {
			return "the article on the gemeente's own jobcoaches does not follow uitvoerder"
		}
		if a == nil {
			return ""
		}
		text := strings.ToLower(leden(a))
		for _, id := range []string{"kwaliteit-jobcoach", "kwaliteit-dienstverlening", "kwaliteit-organisatie", "borging"} {
			if !strings.Contains(text, articleRef(v, id)+" ") && !strings.Contains(text, articleRef(v, id)+".") && !strings.Contains(text, articleRef(v, id)+",") {
				return "the gemeente's own jobcoaches escape " + id + ": " + text
			}
		}
		return ""
	}},
	{"op een werkervaringsplaats beslist de begeleidingsnoodzaak, niet een dienstbetrekking", func(b *build) string {
		v := b.verordening()
		a := v.Article("werkervaringsplaats")
		if (a != nil) != contains(strs(b, "werksituaties"), "werkervaringsplaats") {
			return "the werkervaringsplaats article does not follow werksituaties"
		}
		if a == nil {
			return ""
		}
		text := leden(a)
		if !strings.Contains(text, "niet zou kunnen verrichten") {
			return "the jobcoaching on a werkervaringsplaats does not turn on need: " + text
		}
		if !strings.Contains(strings.ToLower(text), articleRef(v, "voorwaarden-dienstbetrekking")+" is niet van toepassing") {
			return "the conditions on a dienstbetrekking still apply: " + text
		}
		return ""
	}},
}

// TestSituationRubric holds the rules above, and the rubric of issue 11,
// against every build and variation.
func TestSituationRubric(t *testing.T) {
	builds := situationBuilds(t)
	for _, r := range situationRubric {
		t.Run(r.name, func(t *testing.T) {
			for name, b := range builds {
				if msg := r.rule(b); msg != "" {
					t.Errorf("%s: %s", name, msg)
				}
			}
		})
	}
	for _, r := range rubric {
		t.Run("issue 11: "+r.name, func(t *testing.T) {
			for name, b := range builds {
				if msg := r.rule(b); msg != "" {
					t.Errorf("%s: %s", name, msg)
				}
			}
		})
	}
}

// TestSituationRubricCatchesBrokenText: each rule fails on a text that
// breaks it.
func TestSituationRubricCatchesBrokenText(t *testing.T) {
	c := content(t)
	file, data := example(t, c, "uwv-protocol")
	for _, a := range situationVariations[0].answers {
		data = setAnswer(data, a[0], a[1])
	}
	lastLid := func(v *document.Document, id string) *document.Lid {
		a := v.Article(id)
		return a.Leden[len(a.Leden)-1]
	}
	broken := map[string]func(v *document.Document){
		"de voorwaarden aan de dienstbetrekking wijken voor de doelgroep loonkostensubsidie": func(v *document.Document) {
			a := v.Article("voorwaarden-dienstbetrekking")
			a.Leden = a.Leden[:len(a.Leden)-1]
		},
		"een oproepcontract is uitgesloten precies als de antwoorden het uitsluiten": func(v *document.Document) {
			v.Article("voorwaarden-dienstbetrekking").Leden[0].Items[0].Text = document.ParseMarkdown("die schriftelijk is overeengekomen en waarin de arbeidsduur per week vaststaat;")
		},
		"de inlener vraagt aan naast de werkgever, niet in diens plaats": func(v *document.Document) {
			v.Article("inlener").Leden[0].Text = document.ParseMarkdown("Werkt de werknemer bij een inlener, dan dient de inlener in plaats van de werkgever de aanvraag in.")
		},
		"de inlener heeft alleen plichten als aanvrager of ontvanger": func(v *document.Document) {
			v.Article("inlener").Leden[2].Text = document.ParseMarkdown("De inlener werkt mee aan het onderzoek en aan de jobcoaching.")
		},
		"de eis aan de plaats van de interne werkbegeleider sluit geen werkgever uit": func(v *document.Document) {
			for _, l := range v.Article("eisen-interne-werkbegeleider").Leden {
				if strings.Contains(l.Text.Markdown(), "niet de direct leidinggevende") {
					l.Text = document.ParseMarkdown("De interne werkbegeleider is niet de direct leidinggevende van de werknemer.")
				}
			}
		},
		"een ingehuurde interne werkbegeleider werkt niet voor een jobcoachorganisatie": func(v *document.Document) {
			for _, it := range v.Article("begripsbepalingen").Leden[0].Items {
				it.Text = document.ParseMarkdown(strings.ReplaceAll(it.Text.Markdown(), ", maar niet werkt voor een jobcoachorganisatie", ""))
			}
		},
		"eigen jobcoaches: dezelfde eisen en dezelfde borging": func(v *document.Document) {
			lastLid(v, "eigen-jobcoaches").Text = document.ParseMarkdown("Het college ziet toe op de eigen jobcoaches.")
		},
		"op een werkervaringsplaats beslist de begeleidingsnoodzaak, niet een dienstbetrekking": func(v *document.Document) {
			v.Article("werkervaringsplaats").Leden[0].Text = document.ParseMarkdown("Het college kan jobcoaching ook toekennen op een werkervaringsplaats.")
		},
	}
	for _, r := range situationRubric {
		breakIt, ok := broken[r.name]
		if !ok {
			t.Errorf("%s: no broken text", r.name)
			continue
		}
		t.Run(r.name, func(t *testing.T) {
			b := buildAnswers(t, c, file, data)
			if msg := r.rule(b); msg != "" {
				t.Fatalf("the rule fails before the text is broken: %s", msg)
			}
			breakIt(b.verordening())
			if r.rule(b) == "" {
				t.Error("the rule passes a text that breaks it")
			}
		})
	}
}
