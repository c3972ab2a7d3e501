package interview

import (
	"testing"
	"testing/fstest"

	"verordening/internal/question"
)

// TestInterviewSkipsOpenFigure: a figure only the gemeente can give
// (invullen: true) has no default and may be skipped like an optional
// question; it is then left out of the answers, and a typed value is
// taken as usual.
func TestInterviewSkipsOpenFigure(t *testing.T) {
	qs, err := question.Load(fstest.MapFS{"questions/01.yaml": {Data: []byte(`
section: {id: een, title: Eerste deel, order: 1}
questions:
  - id: tarief
    text: Welk tarief?
    help: Vul het bedrag in dat de gemeente kiest.
    type: bedrag
    invullen: true
`)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		reply string
		want  any // nil: not answered
	}{{"-", nil}, {"", nil}, {"82,50", 82.5}} {
		ui := &fakeUI{replies: []string{"Stad", tt.reply}, reviews: []int{ReviewSave}}
		res, err := Run(Config{Questions: qs, UI: ui})
		if err != nil {
			t.Fatalf("reply %q: %v", tt.reply, err)
		}
		v, ok := res.Values["tarief"]
		switch {
		case tt.want == nil && ok && v.V != nil:
			t.Errorf("reply %q: tarief = %v, want it left open", tt.reply, v.V)
		case tt.want != nil && v.V != tt.want:
			t.Errorf("reply %q: tarief = %v, want %v", tt.reply, v.V, tt.want)
		}
		for _, p := range ui.prompts {
			if p.Message != "" {
				t.Errorf("reply %q: message %q", tt.reply, p.Message)
			}
		}
	}
}
