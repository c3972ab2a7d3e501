package interview

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// oneRead returns all its data in a single Read, as a pipe written all at
// once may.
type oneRead struct{ data []byte }

func (r *oneRead) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("EOF")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestInterviewLineAllAtOnce: answers that arrive in one read are all
// taken, one per question, and the end of input is reported.
func TestInterviewLineAllAtOnce(t *testing.T) {
	var out bytes.Buffer
	ui := NewLine(&oneRead{[]byte("Stad\n2\nNoord\n\n1,3\n\nja\nopslaan\n")}, &out, nil)
	res, err := Run(Config{Questions: testQS(t), UI: ui})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if res.Values["naam"].V != "Noord" || !equal(res.Values["kleuren"].V, []string{"rood", "groen"}) || res.Values["akkoord"].V != true {
		t.Errorf("values %+v", res.Values)
	}
	ui = NewLine(strings.NewReader("Stad\n2\n"), &out, nil)
	if _, err := Run(Config{Questions: testQS(t), UI: ui}); !errors.Is(err, ErrEndOfInput) {
		t.Errorf("early end: %v", err)
	}
}

func equal(a any, b []string) bool {
	x, ok := a.([]string)
	return ok && strings.Join(x, ",") == strings.Join(b, ",")
}

// TestInterviewLineShowsDefaults: a prompt shows progress, options, the
// default with its source and the commands.
func TestInterviewLineShowsDefaults(t *testing.T) {
	qs := testQS(t)
	var out bytes.Buffer
	ui := NewLine(strings.NewReader("?\n"), &out, nil)
	r, err := ui.Ask(&Prompt{Question: qs.Lookup("aantal"), N: 2, M: 3, Offered: 5.0, Offer: OfferDefault, CanBack: true})
	if err != nil || r.Action != Help {
		t.Fatalf("%+v %v", r, err)
	}
	for _, want := range []string{"Vraag 2 van 3 — Eerste deel", "Hoeveel?", "[standaard: 5 weken; bron: Bron, 2020]", "Typ een getal van 1 tot en met 10 weken.", "< = vorige vraag"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestInterviewLineInterrupt: Ctrl-C at a question stops; at the stop
// question it keeps nothing.
func TestInterviewLineInterrupt(t *testing.T) {
	r, w, _ := os.Pipe()
	defer w.Close()
	intr := make(chan os.Signal, 2)
	ui := NewLine(r, &bytes.Buffer{}, intr)
	intr <- os.Interrupt
	if rep, err := ui.Ask(&Prompt{Question: testQS(t).Lookup("soort")}); err != nil || rep.Action != Stop {
		t.Errorf("Ctrl-C at a question: %+v %v", rep, err)
	}
	intr <- os.Interrupt
	if c, err := ui.Stop("a.concept.yaml"); err != nil || c != Discard {
		t.Errorf("Ctrl-C at the stop question: %v %v", c, err)
	}
}

// TestInterviewHostKeys drives the form host as Bubble Tea would: the
// interview's keys end the form with their action, Enter completes it,
// and keys typed between two forms go to the next.
func TestInterviewHostKeys(t *testing.T) {
	p := &Prompt{Question: testQS(t).Lookup("soort"), N: 1, M: 2, Offered: "klein", Offer: OfferDefault}
	newForm := func(text *string) *huh.Form {
		f, _ := formField(p, text)
		form := huh.NewForm(huh.NewGroup(f).Title(p.Question.Text).Description(describe(p))).WithKeyMap(dutchKeyMap())
		form.SubmitCmd, form.CancelCmd = nil, nil
		return form
	}
	keys := map[string]Action{"esc": Back, "?": Help}
	for _, c := range []struct {
		key  tea.KeyPressMsg
		want Action
	}{
		{tea.KeyPressMsg{Code: tea.KeyEscape}, Back},
		{tea.KeyPressMsg{Code: '?', Text: "?"}, Help},
		{tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}, Stop},
		{tea.KeyPressMsg{Code: tea.KeyEnter}, Answer},
	} {
		text := "klein"
		reply := make(chan Action, 1)
		h := &host{}
		drive(h, showMsg{form: newForm(&text), keys: keys, reply: reply})
		drive(h, tea.KeyPressMsg{Code: tea.KeyDown})
		drive(h, c.key)
		select {
		case got := <-reply:
			if got != c.want {
				t.Errorf("%s: %v, want %v", c.key, got, c.want)
			}
			if got == Answer && text != "groot" {
				t.Errorf("Enter after ↓ chose %q, want groot", text)
			}
		case <-time.After(time.Second):
			t.Errorf("%s: the form did not end", c.key)
		}
		if h.View().Content != "" {
			t.Errorf("%s: the ended form is still shown", c.key)
		}
	}
	// A key typed while no form is shown waits for the next form.
	h, text, reply := &host{}, "klein", make(chan Action, 1)
	drive(h, tea.KeyPressMsg{Code: tea.KeyEscape})
	drive(h, showMsg{form: newForm(&text), keys: keys, reply: reply})
	if len(reply) != 1 || <-reply != Back {
		t.Error("a key typed between forms was lost")
	}
}

// drive delivers msg and runs the commands it leads to, as Bubble Tea's
// event loop does, leaving out timers.
func drive(h *host, msg tea.Msg) {
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0 && n < 100; n++ {
		m := queue[0]
		queue = queue[1:]
		_, cmd := h.Update(m)
		queue = append(queue, run(cmd)...)
	}
}

// run executes a command and expands batches and sequences.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(50 * time.Millisecond):
		return nil // a timer (cursor blink): not needed here
	}
	if msg == nil {
		return nil
	}
	// tea.BatchMsg and Bubble Tea's unexported sequence message are both
	// lists of commands.
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out = append(out, run(c)...)
	}
	return out
}
