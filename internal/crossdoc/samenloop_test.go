package crossdoc

import (
	"strings"
	"testing"
)

// TestInformatiebladSamenloop: the verordening lets the college pay an
// interne werkbegeleider and a jobcoach for the same time in two cases: a
// hand-over, and a worker whose circumstances ask for both. The
// informatieblad tells providers both, and never says that only a
// hand-over is possible; the beleidsregels, which cannot narrow what the
// verordening allows, name both too.
func TestInformatiebladSamenloop(t *testing.T) {
	c := content(t)
	seen := 0
	for _, name := range c.Examples() {
		b := buildExample(t, c, name)
		if b.informatieblad() == nil || b.verordening() == nil {
			continue
		}
		ver := strings.Join(bodyUnits(b.verordening()), "\n")
		if !strings.Contains(ver, "de omstandigheden van de werknemer om beide vormen vragen") {
			continue
		}
		info := strings.Join(bodyUnits(b.informatieblad()), "\n")
		if !strings.Contains(info, "interne werkbegeleider") {
			continue
		}
		seen++
		if strings.Contains(info, "Alleen een korte overdracht") {
			t.Errorf("%s: the informatieblad says only a hand-over is possible", name)
		}
		if !strings.Contains(info, "beide soorten hulp nodig heeft") {
			t.Errorf("%s: the informatieblad does not name the second case, a worker who needs both", name)
		}
		if b.beleidsregels() == nil {
			continue
		}
		for _, u := range bodyUnits(b.beleidsregels()) {
			if strings.Contains(u, "behalve") && strings.Contains(u, "overdracht") && !strings.Contains(u, "om beide vormen vragen") {
				t.Errorf("%s: the beleidsregels allow a jobcoach beside an interne werkbegeleider only for a hand-over: %q", name, u)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no example has both texts: the test checks nothing")
	}
}
