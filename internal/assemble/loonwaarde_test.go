package assemble_test

import (
	"strings"
	"testing"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/document"
	"verordening/internal/pipeline/pipelinetest"
)

// TestLoonwaardemetingNeverRequired: a loonwaardemeting measures a
// worker's productivity, not the support the worker needs, and the
// onderzoek of artikel 10, vierde lid, decides on need. So where the
// verordening or the beleidsregels list what the onderzoek uses in every
// case, a loonwaardemeting counts only when there is one: no list makes
// it a part of every onderzoek, which would put a measurement on everyone
// who asks for jobcoaching.
func TestLoonwaardemetingNeverRequired(t *testing.T) {
	c := pipelinetest.Content(t)
	sets := map[string]*answer.Answers{"alle bronnen": decode(t, c,
		"informatiebronnen: [doelgroepregister, loonwaardemeting, arbeidsdeskundige, drieluikgesprek, werkplekbezoek, schoolinformatie]\n")}
	for _, name := range c.Examples() {
		ans, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		sets[name] = ans
	}
	seen := 0
	for name, ans := range sets {
		res, err := assemble.Build(c.Library, ans)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, d := range []*document.Document{res.Verordening, res.Beleidsregels} {
			if d == nil {
				continue
			}
			for _, a := range d.Articles() {
				for _, l := range a.Leden {
					seen += checkMeasurementItems(t, name, a, l)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no list names a loonwaardemeting: the test checks nothing")
	}
}

// checkMeasurementItems checks the items of a lid that lists what the
// onderzoek uses, and returns how many name a loonwaardemeting.
func checkMeasurementItems(t *testing.T, name string, a *document.Article, l *document.Lid) int {
	t.Helper()
	lead := l.Text.Plain()
	if !strings.Contains(lead, "in ieder geval") && !strings.Contains(lead, "gebruikt") {
		return 0
	}
	n := 0
	for _, it := range l.Items {
		text := it.Text.Plain()
		if !strings.Contains(text, "loonwaardemeting") {
			continue
		}
		n++
		if !isConditional(text) {
			t.Errorf("%s: %s, %s makes a loonwaardemeting part of every onderzoek: %q", name, a.Heading().Plain(), lead, text)
		}
	}
	return n
}

func isConditional(text string) bool {
	return strings.Contains(text, "als die") || strings.Contains(text, "voor zover")
}

func TestIsConditionalCatchesTheDefect(t *testing.T) {
	if isConditional("de uitkomst van een loonwaardemeting") {
		t.Error("an unconditional loonwaardemeting passes")
	}
	if !isConditional("de uitkomst van een loonwaardemeting, als die voor de werknemer is gedaan") {
		t.Error("a conditional loonwaardemeting fails")
	}
}
