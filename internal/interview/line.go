package interview

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"verordening/internal/question"
)

// Line asks in plain text lines: for piped input, screen readers and
// terminals that cannot show forms. All input comes through one
// bufio.Reader for the whole interview, so answers piped all at once are
// all taken.
type Line struct {
	w     io.Writer
	r     *bufio.Reader
	lines chan lineIn
	intr  <-chan os.Signal
	eof   bool
}

type lineIn struct {
	text string
	err  error
}

// errInterrupt: the user pressed Ctrl-C while a question was open.
var errInterrupt = errors.New("interrupt")

// NewLine returns a line UI reading r and writing w. interrupt, when not
// nil, delivers Ctrl-C: at a question it stops the interview (with the
// offer to keep a draft), at the stop question it keeps nothing.
func NewLine(r io.Reader, w io.Writer, interrupt <-chan os.Signal) *Line {
	return &Line{w: w, r: bufio.NewReader(r), intr: interrupt}
}

// readLine returns the next line without its line ending. Lines are read
// by one goroutine, so that Ctrl-C can end a wait.
func (l *Line) readLine() (string, error) {
	if l.eof {
		return "", ErrEndOfInput
	}
	if l.lines == nil {
		l.lines = make(chan lineIn)
		go l.feed()
	}
	select {
	case in := <-l.lines:
		if in.err != nil {
			l.eof = true
			fmt.Fprintln(l.w)
			return "", ErrEndOfInput
		}
		return in.text, nil
	case <-l.intr:
		fmt.Fprintln(l.w)
		return "", errInterrupt
	}
}

func (l *Line) feed() {
	for {
		s, err := l.r.ReadString('\n')
		if s != "" {
			l.lines <- lineIn{text: strings.TrimRight(s, "\r\n")}
		}
		if err != nil {
			l.lines <- lineIn{err: err}
			return
		}
	}
}

// Ask puts one question and reads one line.
func (l *Line) Ask(p *Prompt) (Reply, error) {
	l.show(p)
	s, err := l.readLine()
	if errors.Is(err, errInterrupt) {
		return Reply{Action: Stop}, nil
	}
	if err != nil {
		return Reply{}, err
	}
	return lineReply(s), nil
}

// lineReply reads a typed line: a command ("?", "<", "-", "stop" and their
// Dutch words) or an answer.
func lineReply(s string) Reply {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "?", "help", "hulp":
		return Reply{Action: Help}
	case "<", "terug":
		return Reply{Action: Back}
	case "-":
		return Reply{Action: Skip}
	case "stop":
		return Reply{Action: Stop}
	}
	return Reply{Action: Answer, Text: s}
}

func (l *Line) show(p *Prompt) {
	q, w := p.Question, l.w
	if p.Intro {
		fmt.Fprintf(w, "\n== %s ==\n%s\n", q.Section.Title, wrap(q.Section.Intro, 78, ""))
	}
	if p.Message != "" {
		fmt.Fprintf(w, "\n%s\n", wrap(p.Message, 78, ""))
	}
	fmt.Fprintf(w, "\nVraag %d van %d — %s\n%s\n", p.N, p.M, q.Section.Title, wrap(q.Text, 78, ""))
	if p.ShowHelp {
		fmt.Fprintf(w, "\nToelichting:\n%s\n\n", wrap(q.Help, 78, "  "))
	}
	for i, o := range q.Options {
		fmt.Fprintf(w, "  %2d  %s\n", i+1, o.Label)
	}
	if s := offerText(p); s != "" {
		fmt.Fprintf(w, "[%s]\n", s)
	}
	fmt.Fprintf(w, "%s %s\n> ", Expect(q), commands(p))
}

// offerText describes the value Enter takes, with the default's source.
func offerText(p *Prompt) string {
	q := p.Question
	if p.Offered == nil {
		return ""
	}
	v := Display(q, p.Offered)
	if nums := optionNumbers(q, p.Offered); nums != "" {
		v = nums + " — " + v
	}
	if p.Offer == OfferAnswer {
		return "huidig antwoord: " + v
	}
	if src := SourceText(q); src != "" {
		v += "; " + src
	}
	return "standaard: " + v
}

// optionNumbers returns the numbers of the options in v.
func optionNumbers(q *question.Question, v any) string {
	var vals []string
	switch x := v.(type) {
	case string:
		if q.Type != question.Keuze {
			return ""
		}
		vals = []string{x}
	case []string:
		vals = x
	}
	var nums []string
	for _, s := range vals {
		for i, o := range q.Options {
			if o.Value == s {
				nums = append(nums, strconv.Itoa(i+1))
			}
		}
	}
	return strings.Join(nums, ",")
}

func commands(p *Prompt) string {
	var c []string
	switch {
	case p.Offered != nil && p.Offer == OfferAnswer:
		c = append(c, "Enter = huidig antwoord houden")
	case p.Offered != nil:
		c = append(c, "Enter = standaard")
	case p.Question.Optional:
		c = append(c, "Enter of - = open laten")
	}
	c = append(c, "? = toelichting")
	if p.CanBack {
		c = append(c, "< = vorige vraag")
	}
	c = append(c, "stop = stoppen")
	return "(" + strings.Join(c, ", ") + ")"
}

// Review lists the answers and reads a number or "opslaan".
func (l *Line) Review(items []ReviewItem) (int, error) {
	fmt.Fprintf(l.w, "\n== Overzicht van uw antwoorden ==\n")
	for i, it := range items {
		fmt.Fprintf(l.w, "%3d. %s\n     %s\n", i+1, strings.TrimPrefix(wrap(it.Question.Text, 77, "     "), "     "), Display(it.Question, it.Value))
	}
	for {
		fmt.Fprintf(l.w, "\nTyp het nummer van een antwoord om het te wijzigen, of opslaan om het antwoordbestand te schrijven (stop = stoppen).\n> ")
		s, err := l.readLine()
		if errors.Is(err, errInterrupt) {
			return ReviewStop, nil
		}
		if err != nil {
			return 0, err
		}
		s = strings.ToLower(strings.TrimSpace(s))
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(items) {
			return n - 1, nil
		}
		switch s {
		case "opslaan":
			return ReviewSave, nil
		case "stop":
			return ReviewStop, nil
		}
		fmt.Fprintf(l.w, "Dat is geen keuze: typ een nummer van 1 tot en met %d, of opslaan.\n", len(items))
	}
}

// Stop asks whether to keep a draft.
func (l *Line) Stop(draft string) (StopChoice, error) {
	for {
		fmt.Fprintf(l.w, "\nU stopt voordat het interview klaar is. Wilt u de antwoorden tot nu toe bewaren als onvolledig concept in %s?\n", draft)
		fmt.Fprintf(l.w, "Typ ja (concept bewaren en stoppen), nee (stoppen zonder iets te bewaren) of verder (doorgaan met het interview).\n> ")
		s, err := l.readLine()
		if errors.Is(err, errInterrupt) {
			return Discard, nil
		}
		if err != nil {
			return 0, err
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "ja", "j":
			return SaveDraft, nil
		case "nee", "n":
			return Discard, nil
		case "verder", "v":
			return Continue, nil
		}
		fmt.Fprintln(l.w, "Typ ja, nee of verder.")
	}
}

// wrap breaks text into lines of at most width runes; lines after the
// first start with indent, and so does the first when indent is not
// empty. Paragraph breaks are kept.
func wrap(text string, width int, indent string) string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		line := indent
		for _, word := range strings.Fields(para) {
			if len([]rune(line)) > len(indent) && len([]rune(line))+1+len([]rune(word)) > width {
				out = append(out, line)
				line = indent
			}
			if len([]rune(line)) > len(indent) {
				line += " "
			}
			line += word
		}
		out = append(out, line, "")
	}
	return strings.Join(out[:len(out)-1], "\n")
}
