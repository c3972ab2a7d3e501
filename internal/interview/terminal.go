package interview

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"golang.org/x/term"

	"verordening/internal/question"
)

// Terminal asks with forms (charm.land/huh/v2): a list to choose from for
// choice questions, an input line checked as you type for the others.
//
// One Bubble Tea program runs for the whole interview and shows one form
// at a time; the interview hands it each form and waits for the outcome.
// (A program per form would hand the terminal from one input reader to the
// next at every question, and a key typed at that moment could be lost.)
// The keys for going back, help and stopping are caught before the form
// sees them. Call Close when the interview is over.
type Terminal struct {
	in   io.Reader
	out  io.Writer
	prog *tea.Program
	done chan struct{} // closed when prog has ended
	err  error         // why prog ended
}

// NewTerminal returns a form UI on a terminal's input and output.
func NewTerminal(in io.Reader, out io.Writer) *Terminal {
	return &Terminal{in: in, out: out}
}

// start runs the program unless it is running.
func (t *Terminal) start() {
	if t.prog != nil {
		return
	}
	t.prog = tea.NewProgram(&host{}, tea.WithInput(t.in), tea.WithOutput(t.out))
	t.done = make(chan struct{})
	go func(p *tea.Program, done chan struct{}) {
		_, t.err = p.Run()
		close(done)
	}(t.prog, t.done)
}

// Close ends the program, leaving what it printed on the screen.
func (t *Terminal) Close() error {
	if t.prog == nil {
		return nil
	}
	t.prog.Quit()
	<-t.done
	t.prog = nil
	return nil
}

// print writes text above the form.
func (t *Terminal) print(text string) {
	t.start()
	t.prog.Println(text)
}

// run shows a form. keys maps key names ("esc", "ctrl+t") to the action
// they stand for; the action of the key pressed is returned, or Answer
// when the form was completed. Ctrl-C (the key or the signal) means Stop.
func (t *Terminal) run(form *huh.Form, keys map[string]Action) (Action, error) {
	form = form.WithKeyMap(dutchKeyMap()).WithShowHelp(true)
	form.SubmitCmd, form.CancelCmd = nil, nil
	t.start()
	reply := make(chan Action, 1)
	t.prog.Send(showMsg{form: form, keys: keys, reply: reply})
	select {
	case act := <-reply:
		return act, nil
	case <-t.done:
		t.prog = nil
		if t.err == nil || errors.Is(t.err, tea.ErrInterrupted) {
			return Stop, nil
		}
		return 0, t.err
	}
}

// showMsg hands the host a form to show.
type showMsg struct {
	form  *huh.Form
	keys  map[string]Action
	reply chan<- Action
}

// host shows the current form and reports how it ended; between forms it
// shows nothing and keeps the keys typed, for the next form.
type host struct {
	showMsg
	pending []tea.Msg
}

func (h *host) Init() tea.Cmd { return nil }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case showMsg:
		h.showMsg = m
		cmds := []tea.Cmd{h.form.Init()}
		for _, k := range h.pending {
			cmds = append(cmds, func() tea.Msg { return k })
		}
		h.pending = nil
		return h, tea.Sequence(cmds...)
	case tea.KeyPressMsg:
		if h.form == nil {
			h.pending = append(h.pending, m)
			return h, nil
		}
		if a, ok := h.keys[m.String()]; ok {
			return h.finish(a), nil
		}
		if m.String() == "ctrl+j" {
			// Enter typed ahead, before the terminal was in raw mode,
			// arrives as a line feed.
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
	}
	if h.form == nil {
		return h, nil
	}
	f, cmd := h.form.Update(msg)
	h.form = f.(*huh.Form)
	switch h.form.State {
	case huh.StateCompleted:
		return h.finish(Answer), nil
	case huh.StateAborted:
		return h.finish(Stop), nil
	}
	return h, cmd
}

func (h *host) finish(a Action) *host {
	h.reply <- a
	h.showMsg = showMsg{}
	return h
}

func (h *host) View() tea.View {
	if h.form == nil {
		return tea.NewView("")
	}
	return tea.NewView(h.form.View())
}

// Ask puts one question as a form.
func (t *Terminal) Ask(p *Prompt) (Reply, error) {
	text := EditText(p.Question, p.Offered)
	field, choice := formField(p, &text)
	keys := map[string]Action{"esc": Back, "shift+tab": Back, "ctrl+t": Help, "f1": Help}
	if choice {
		keys["?"] = Help
	}
	if p.Intro {
		t.print(fmt.Sprintf("\n== %s ==\n%s\n", p.Question.Section.Title, wrap(p.Question.Section.Intro, 78, "")))
	}
	group := huh.NewGroup(field).Title(p.Question.Text).Description(describe(p))
	act, err := t.run(huh.NewForm(group), keys)
	if err != nil || act != Answer {
		return Reply{Action: act}, err
	}
	if strings.TrimSpace(text) == "" && p.Question.Optional {
		t.print(fmt.Sprintf("– %s  (open gelaten)", p.Question.Text))
		return Reply{Action: Skip}, nil
	}
	t.print(fmt.Sprintf("✓ %s  %s", p.Question.Text, shown(p.Question, text)))
	return Reply{Action: Answer, Text: text}, nil
}

// shown is the answer typed, as the user will read it back.
func shown(q *question.Question, text string) string {
	if v, msg := Parse(q, text); msg == "" {
		return Display(q, v)
	}
	return text
}

// formField builds the form field for p, bound to text; choice is true for a
// field where typing is not needed (a list). The question and what goes
// with it are the group's title and description: a field's own
// description would take room from a list's options.
func formField(p *Prompt, text *string) (huh.Field, bool) {
	q := p.Question
	switch q.Type {
	case question.Keuze, question.JaNee:
		opts := []huh.Option[string]{}
		for _, o := range q.Options {
			opts = append(opts, huh.NewOption(o.Label, o.Value))
		}
		if q.Type == question.JaNee {
			opts = []huh.Option[string]{huh.NewOption("ja", "ja"), huh.NewOption("nee", "nee")}
		}
		return huh.NewSelect[string]().Options(opts...).Value(text), true
	case question.Meerkeuze:
		return multiField(q, text), true
	}
	in := huh.NewInput().Value(text).Validate(func(s string) error {
		return validate(p, s)
	})
	if q.Type == question.Datum {
		in = in.Placeholder("JJJJ-MM-DD")
	}
	return in, false
}

// multiField is a list with boxes to tick; the answer is written into text
// as comma-separated values, or "geen".
func multiField(q *question.Question, text *string) huh.Field {
	var chosen []string
	if v, msg := Parse(q, *text); msg == "" && *text != "" {
		chosen = v.([]string)
	}
	opts := []huh.Option[string]{}
	for _, o := range q.Options {
		opts = append(opts, huh.NewOption(o.Label, o.Value))
	}
	return huh.NewMultiSelect[string]().Options(opts...).
		Value(&chosen).Filterable(false).Validate(func(v []string) error {
		*text = strings.Join(v, ",")
		if len(v) == 0 {
			*text = "geen"
		}
		return nil
	})
}

// validate checks typed text as the interview will.
func validate(p *Prompt, s string) error {
	if strings.TrimSpace(s) == "" {
		if p.Question.Optional {
			return nil
		}
		return errors.New("vul een antwoord in")
	}
	if _, msg := Parse(p.Question, s); msg != "" {
		return errors.New(msg)
	}
	return nil
}

// describe writes what goes under the question: where we are, the value
// on offer with its source, the help when asked for, and the keys.
func describe(p *Prompt) string {
	q := p.Question
	var b strings.Builder
	fmt.Fprintf(&b, "Vraag %d van %d — %s", p.N, p.M, q.Section.Title)
	if s := offerLine(p); s != "" {
		fmt.Fprintf(&b, "\n%s", s)
	}
	if p.ShowHelp {
		fmt.Fprintf(&b, "\n\nToelichting: %s", q.Help)
	}
	if p.Message != "" {
		fmt.Fprintf(&b, "\n\n⚠ %s", p.Message)
	}
	fmt.Fprintf(&b, "\n\n%s", keyHelp(p))
	return b.String()
}

func offerLine(p *Prompt) string {
	if p.Offered == nil {
		if p.Question.Optional {
			return "Deze vraag mag open blijven: laat het veld leeg en druk op Enter."
		}
		return ""
	}
	v := Display(p.Question, p.Offered)
	if p.Offer == OfferAnswer {
		return "Huidig antwoord: " + v
	}
	if src := SourceText(p.Question); src != "" {
		v += " (" + src + ")"
	}
	return "Standaard: " + v
}

func keyHelp(p *Prompt) string {
	var k []string
	switch p.Question.Type {
	case question.Keuze, question.JaNee, question.Meerkeuze:
		k = append(k, "? toelichting")
	default:
		k = append(k, "ctrl+t toelichting")
	}
	if p.CanBack {
		k = append(k, "esc vorige vraag")
	}
	k = append(k, "ctrl+c stoppen")
	return strings.Join(k, " · ")
}

// Review lists every answer; choosing one changes it.
func (t *Terminal) Review(items []ReviewItem) (int, error) {
	choice := ReviewSave
	opts := []huh.Option[int]{huh.NewOption("Opslaan: het antwoordbestand schrijven", ReviewSave)}
	// One line per answer: a label that wraps would upset the list's
	// scrolling.
	room := t.width() - 14
	for i, it := range items {
		label := fmt.Sprintf("%2d. %s  →  %s", i+1, clip(it.Question.Text, room*3/5), clip(Display(it.Question, it.Value), room*2/5))
		opts = append(opts, huh.NewOption(label, i))
	}
	sel := huh.NewSelect[int]().Options(opts...).Value(&choice).Height(min(len(opts), 20))
	group := huh.NewGroup(sel).Title("Overzicht van uw antwoorden").
		Description("Kies een antwoord om het te wijzigen, of kies Opslaan. ctrl+c stopt zonder op te slaan.")
	act, err := t.run(huh.NewForm(group), nil)
	if err != nil {
		return 0, err
	}
	if act == Stop {
		return ReviewStop, nil
	}
	return choice, nil
}

// Stop asks whether to keep a draft.
func (t *Terminal) Stop(draft string) (StopChoice, error) {
	choice := Continue
	sel := huh.NewSelect[StopChoice]().Options(
		huh.NewOption("Doorgaan met het interview", Continue),
		huh.NewOption("Bewaren als onvolledig concept in "+draft+" en stoppen", SaveDraft),
		huh.NewOption("Stoppen zonder iets te bewaren", Discard),
	).Value(&choice)
	group := huh.NewGroup(sel).Title("U stopt voordat het interview klaar is.").
		Description("Wat wilt u met de antwoorden tot nu toe doen?")
	act, err := t.run(huh.NewForm(group), nil)
	if err != nil || act == Stop {
		return Discard, err
	}
	return choice, nil
}

// width is the terminal's width, or 80 when unknown.
func (t *Terminal) width() int {
	if f, ok := t.out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 40 {
			return w
		}
	}
	return 80
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// dutchKeyMap is huh's keymap with Dutch help, without filtering (esc
// and / are ours) and without huh's own back key.
func dutchKeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Input.Submit.SetHelp("enter", "bevestigen")
	k.Input.AcceptSuggestion.SetEnabled(false)
	k.Select.Submit.SetHelp("enter", "kiezen")
	k.Select.Up.SetHelp("↑", "omhoog")
	k.Select.Down.SetHelp("↓", "omlaag")
	k.MultiSelect.Submit.SetHelp("enter", "bevestigen")
	k.MultiSelect.Toggle.SetHelp("x/spatie", "aan- of uitvinken")
	k.MultiSelect.Up.SetHelp("↑", "omhoog")
	k.MultiSelect.Down.SetHelp("↓", "omlaag")
	k.MultiSelect.SelectAll.SetHelp("ctrl+a", "alles aan")
	k.MultiSelect.SelectNone.SetHelp("ctrl+a", "alles uit")
	for _, b := range []*key.Binding{&k.Select.GotoTop, &k.MultiSelect.GotoTop} {
		b.SetHelp("home", "begin")
	}
	for _, b := range []*key.Binding{&k.Select.GotoBottom, &k.MultiSelect.GotoBottom} {
		b.SetHelp("end", "eind")
	}
	for _, b := range []*key.Binding{&k.Select.HalfPageUp, &k.MultiSelect.HalfPageUp} {
		b.SetHelp("ctrl+u", "halve pagina omhoog")
	}
	for _, b := range []*key.Binding{&k.Select.HalfPageDown, &k.MultiSelect.HalfPageDown} {
		b.SetHelp("ctrl+d", "halve pagina omlaag")
	}
	for _, b := range []*key.Binding{&k.Select.Filter, &k.Select.SetFilter, &k.Select.ClearFilter, &k.MultiSelect.Filter,
		&k.MultiSelect.SetFilter, &k.MultiSelect.ClearFilter} {
		b.SetEnabled(false)
	}
	return k
}
