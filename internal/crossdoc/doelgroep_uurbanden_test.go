package crossdoc

import (
	"fmt"
	"strings"
	"testing"

	"verordening/internal/document"
	"verordening/internal/format"
)

// Issue 12, points 2 and 10: a kern of the doelgroep with named situations,
// the route of artikel 7a, the praktijkroute, loonwaarde bands, intensity in
// uurbanden and a limit on the number of toekenningsperioden. Each rule reads
// the built documents and fails on a text that breaks it.

// i12bVariations change the uwv-protocol example so that every variant text
// of these choices is read, in both forms.
var i12bVariations = []struct {
	name    string
	answers [][2]string
}{
	{"kern met eigen groep", [][2]string{{"doelgroep", "kern"}, {"doelgroep_aanvullend", "[medische_urenbeperking]"}, {"doelgroep_eigen", "mensen met niet-aangeboren hersenletsel"}, {"loonwaarde_banden", "intensiteit"}}},
	{"kern zonder genoemde groepen in de lijst, alleen een eigen groep", [][2]string{{"doelgroep", "kern"}, {"doelgroep_aanvullend", "[]"}, {"doelgroep_eigen", "statushouders die voor het eerst in Nederland werken"}}},
	{"voorrang met loonwaardevoorrang en jongeren", [][2]string{{"loonwaarde_banden", "voorrang"}, {"jongeren_route", "true"}, {"praktijkroute", "true"}}},
	{"twee uurbanden, drie niveaus met normbedragen", [][2]string{{"urennorm", "uurbanden"}, {"uurband_1_uren", "30"}, {"uurband_2_uren", "80"}, {"bekostiging", "normbedragen"}, {"uurtarief", "80"},
		{"bedrag_licht_jaar1", "2000"}, {"bedrag_licht_jaar2", "1500"}, {"bedrag_licht_jaar3", "1000"},
		{"bedrag_midden_jaar1", "4500"}, {"bedrag_midden_jaar2", "2700"}, {"bedrag_midden_jaar3", "1400"},
		{"bedrag_zwaar_jaar1", "6000"}, {"bedrag_zwaar_jaar2", "4000"}, {"bedrag_zwaar_jaar3", "2500"}}},
	{"drie uurbanden zonder niveaus, vier verlengingen", [][2]string{{"urennorm", "uurbanden"}, {"uurband_1_uren", "20"}, {"uurband_2_uren", "40"}, {"uurband_3_uren", "60"}, {"begeleidingsniveaus", "geen"}, {"herbeoordeling_max_aantal", "5"}}},
}

func i12bBuilds(t *testing.T) map[string]*build {
	c := content(t)
	out := map[string]*build{}
	for _, tc := range cases(t, c) {
		out[tc.name] = tc.build(t, c)
	}
	for _, ex := range []string{"uwv-protocol", "uwv-protocol-paragraaf"} {
		file, data := example(t, c, ex)
		for _, v := range i12bVariations {
			d := data
			for _, a := range v.answers {
				d = setAnswer(d, a[0], a[1])
			}
			out[ex+", "+v.name] = buildAnswers(t, c, file, d)
		}
	}
	return out
}

func answerNum(b *build, id string) float64 {
	f, _ := b.ans.Get(id).(float64)
	return f
}

// thresholds are phrasings that would make a group or a loonwaarde band a
// condition that shuts people out.
var thresholds = []string{
	"geen jobcoaching toe aan een werknemer met een loonwaarde",
	"alleen jobcoaching toe aan een werknemer met een loonwaarde",
	"komt niet in aanmerking voor jobcoaching",
	"loonwaardeband is een voorwaarde",
	"uitsluitend bedoeld voor",
	"uitsluitend toe aan",
}

var i12bRules = []struct {
	name string
	rule func(b *build) string
}{
	{"de kern sluit niemand uit die de begeleiding nodig heeft", func(b *build) string {
		if b.ans.Get("doelgroep") != "kern" {
			return ""
		}
		text := leden(b.verordening().Article("doelgroep"))
		if !strings.Contains(text, "andere werknemer met een begeleidingsnoodzaak") {
			return "the kern leaves others with a begeleidingsnoodzaak unmentioned: " + text
		}
		if !strings.Contains(text, "wettelijk minimumloon kunnen verdienen") {
			return "the kern names no situation of people who can earn the minimumloon"
		}
		return absent(text, thresholds...)
	}},
	{"een loonwaardeband is een factor, geen drempel", func(b *build) string {
		var text string
		for _, a := range b.verordening().Articles() {
			text += leden(a)
		}
		if msg := absent(text, thresholds...); msg != "" {
			return msg
		}
		if b.ans.Get("loonwaarde_banden") == "geen" {
			return absent(text, "loonwaardeband")
		}
		if !strings.Contains(leden(b.verordening().Article("doelgroep")), "geen voorwaarde voor de aanspraak") {
			return "the doelgroep article does not say the band is no condition"
		}
		if !strings.Contains(leden(b.verordening().Article("onderzoek")), "loonwaardeband") {
			return "the onderzoek does not weigh the band"
		}
		verdeling := leden(b.verordening().Article("evenwichtige-verdeling"))
		if (b.ans.Get("loonwaarde_banden") == "voorrang") != strings.Contains(verdeling, "loonwaardeband") {
			return "the verdeling weighs the band exactly when the gemeente chose voorrang: " + verdeling
		}
		return ""
	}},
	{"de route van artikel 7a noemt de school en de entreeopleiding", func(b *build) string {
		text := leden(b.verordening().Article("doelgroep"))
		if b.ans.Get("jongeren_route") != true {
			return absent(text, "entreeopleiding")
		}
		if !strings.Contains(text, "entreeopleiding") || !strings.Contains(text, "praktijkonderwijs") {
			return "the route of artikel 7a names neither the entreeopleiding nor the praktijkonderwijs"
		}
		if b.verordening().Article("overgang") == nil {
			return "the route of artikel 7a without the overgang from onderwijs to werk"
		}
		return ""
	}},
	{"jobcoaching naast een praktijkroute rust op de dienstbetrekking", func(b *build) string {
		text := leden(b.verordening().Article("doelgroep"))
		if b.ans.Get("praktijkroute") != true {
			return absent(text, "praktijkverklaring")
		}
		if !strings.Contains(text, "praktijkverklaring") || !strings.Contains(text, "naast de dienstbetrekking") {
			return "the praktijkroute lid does not rest on the dienstbetrekking: " + text
		}
		return ""
	}},
	{"de verordening zelf noemt elke uurband met haar bovengrens", func(b *build) string {
		a := b.verordening().Article("intensiteit-uurbanden")
		if b.ans.Get("urennorm") != "uurbanden" {
			if a != nil {
				return "an article on uurbanden without uurbanden"
			}
			return ""
		}
		if a == nil {
			return "no article on uurbanden"
		}
		text := leden(a)
		for i, id := range []string{"uurband_1_uren", "uurband_2_uren", "uurband_3_uren"} {
			n := answerNum(b, id)
			if n == 0 {
				continue
			}
			want := fmt.Sprintf("uurband %d: ten hoogste %s uur per jaar", i+1, format.Getal(n))
			if !strings.Contains(text, want) {
				return "the verordening does not state " + want + ": " + text
			}
		}
		if msg := absent(text, "beleidsregels", "heeft vastgesteld", "stelt het college vast welke uurbanden"); msg != "" {
			return "the bands are left to the college: " + msg
		}
		br := b.beleidsregels().Article("br-uren-uurbanden")
		if br == nil {
			return "the beleidsregels do not say how a band is chosen"
		}
		if !strings.Contains(leden(br), "laagste uurband") {
			return "the beleidsregels do not choose the lowest band that suffices"
		}
		return ""
	}},
	{"een grens aan het aantal verlengingen wijkt voor beschut werk en een blijvende noodzaak", func(b *build) string {
		duur := leden(b.verordening().Article("duur"))
		n := answerNum(b, "herbeoordeling_max_aantal")
		if n == 0 {
			return absent(duur, "na de laatste toekenningsperiode")
		}
		if !strings.Contains(duur, "ten hoogste "+format.Woord(n)+" keer een nieuwe toekenningsperiode") {
			return "the duur article does not limit the number of toekenningsperioden: " + duur
		}
		if !strings.Contains(duur, "na de laatste toekenningsperiode") {
			return "the exception of beschut werk and a blijvende noodzaak does not reach the last toekenningsperiode: " + duur
		}
		if !strings.Contains(leden(b.verordening().Article("herbeoordeling")), "nieuwe toekenningsperioden") {
			return "the herbeoordeling does not apply the limit"
		}
		return ""
	}},
}

// TestDoelgroepAndUurbanden holds every rule against every build.
func TestDoelgroepAndUurbanden(t *testing.T) {
	builds := i12bBuilds(t)
	seen := map[string]bool{}
	for name, b := range builds {
		for _, id := range []string{"intensiteit-uurbanden"} {
			if b.verordening().Article(id) != nil {
				seen[id] = true
			}
		}
		if b.ans.Get("doelgroep") == "kern" {
			seen["kern"] = true
		}
		_ = name
	}
	if !seen["intensiteit-uurbanden"] || !seen["kern"] {
		t.Fatalf("the builds do not read the new texts: %v", seen)
	}
	for _, r := range i12bRules {
		t.Run(r.name, func(t *testing.T) {
			for name, b := range builds {
				if msg := r.rule(b); msg != "" {
					t.Errorf("%s: %s", name, msg)
				}
			}
		})
	}
}

// TestDoelgroepAndUurbandenCatchBrokenText: each rule fails on a text that
// breaks it, so that the rules cannot pass vacuously.
func TestDoelgroepAndUurbandenCatchBrokenText(t *testing.T) {
	c := content(t)
	file, data := example(t, c, "uwv-protocol")
	for _, a := range [][2]string{{"doelgroep", "kern"}, {"loonwaarde_banden", "voorrang"}, {"jongeren_route", "true"}, {"praktijkroute", "true"},
		{"urennorm", "uurbanden"}, {"uurband_1_uren", "20"}, {"uurband_2_uren", "40"}, {"uurband_3_uren", "60"}, {"herbeoordeling_max_aantal", "5"}} {
		data = setAnswer(data, a[0], a[1])
	}
	lid := func(v *document.Document, id, label string) *document.Lid {
		for _, l := range v.Article(id).Leden {
			if l.Label == label {
				return l
			}
		}
		t.Fatalf("%s has no lid %s", id, label)
		return nil
	}
	broken := map[string]func(v *document.Document){
		"de kern sluit niemand uit die de begeleiding nodig heeft": func(v *document.Document) {
			lid(v, "doelgroep", "aanvullend").Text = document.ParseMarkdown("Een andere werknemer komt niet in aanmerking voor jobcoaching.")
		},
		"een loonwaardeband is een factor, geen drempel": func(v *document.Document) {
			lid(v, "doelgroep", "band-factor").Text = document.ParseMarkdown("Het college kent geen jobcoaching toe aan een werknemer met een loonwaarde van meer dan 80 procent van het wettelijk minimumloon.")
		},
		"de route van artikel 7a noemt de school en de entreeopleiding": func(v *document.Document) {
			lid(v, "doelgroep", "jongeren").Items = nil
		},
		"jobcoaching naast een praktijkroute rust op de dienstbetrekking": func(v *document.Document) {
			lid(v, "doelgroep", "praktijkroute").Text = document.ParseMarkdown("Het college kan jobcoaching toekennen naast een traject dat leidt tot een praktijkverklaring.")
		},
		"de verordening zelf noemt elke uurband met haar bovengrens": func(v *document.Document) {
			lid(v, "intensiteit-uurbanden", "banden").Items[1].Text = document.ParseMarkdown("uurband 2: het aantal uren dat het college bij beleidsregels heeft vastgesteld;")
		},
		"een grens aan het aantal verlengingen wijkt voor beschut werk en een blijvende noodzaak": func(v *document.Document) {
			lid(v, "duur", "langer").Text = document.ParseMarkdown("Het college kan de jobcoaching na afloop van de termijn, bedoeld in het tweede lid, voortzetten als:")
		},
	}
	for _, r := range i12bRules {
		breakIt, ok := broken[r.name]
		if !ok {
			t.Errorf("%s: no broken text", r.name)
			continue
		}
		t.Run(r.name, func(t *testing.T) {
			b := buildAnswers(t, c, file, data)
			if msg := r.rule(b); msg != "" {
				t.Fatalf("the rule fails on the built text: %s", msg)
			}
			breakIt(b.verordening())
			if r.rule(b) == "" {
				t.Error("the rule passes a text that breaks it")
			}
		})
	}
}
