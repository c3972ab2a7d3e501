package answer

import (
	"strings"
	"testing"
)

// TestOpenFigure: a question marked invullen may stay unanswered; the
// answers then list it as open, it has no value (no silent default), and
// OpenFigures asks for it at the answers file with the line to add. Once
// answered it is an ordinary value.
func TestOpenFigure(t *testing.T) {
	qs := questionnaire(t)
	if q := qs.Lookup("uurtarief"); q == nil || !q.Invullen || q.Default != nil {
		t.Fatalf("uurtarief must be an invullen question without default, got %+v", q)
	}
	a, _, err := Decode("a.yaml", []byte(minimal), qs)
	if err != nil {
		t.Fatalf("an open figure is not an error: %v", err)
	}
	if !a.IsOpen("uurtarief") {
		t.Errorf("Open = %v, want uurtarief in it", a.Open)
	}
	if _, ok := a.Values["uurtarief"]; ok {
		t.Error("the open uurtarief has a value")
	}
	w := a.OpenFigures()
	if len(w) != len(a.Open) {
		t.Fatalf("%d warnings for %d open figures", len(w), len(a.Open))
	}
	msg := w[0].Error()
	for _, want := range []string{"a.yaml:1:1: waarschuwing: uurtarief", Placeholder("uurtarief"), `"uurtarief: 84.90 # bron, jaar"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("warning %q does not contain %q", msg, want)
		}
	}

	enc := a.Encode()
	if !strings.Contains(string(enc), "# uurtarief: …") {
		t.Errorf("the written answers do not list the open uurtarief:\n%s", enc)
	}
	if again, _, err := Decode("b.yaml", enc, qs); err != nil || !again.IsOpen("uurtarief") {
		t.Errorf("written answers decode with err %v; the uurtarief must stay open", err)
	}

	b, _, err := Decode("a.yaml", []byte(minimal+"uurtarief: 79.50\n"), qs)
	if err != nil {
		t.Fatal(err)
	}
	if b.IsOpen("uurtarief") || b.Values["uurtarief"].V != 79.5 || len(b.OpenFigures()) != 0 {
		t.Errorf("answered uurtarief: open %v, value %v, warnings %v", b.IsOpen("uurtarief"), b.Values["uurtarief"].V, b.OpenFigures())
	}
}
