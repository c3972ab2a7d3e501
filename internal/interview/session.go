package interview

import (
	"reflect"
	"slices"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/question"
)

// GemeenteQuestion is the first question: the gemeente's name, stored under
// the answers file's "gemeente" key. It is not part of the questionnaire.
var GemeenteQuestion = &question.Question{
	ID:   answer.GemeenteKey,
	Text: "Wat is de naam van de gemeente?",
	Help: "De naam komt in de titel, de aanhef en de ondertekening van de verordening. " +
		"Schrijf hem zoals de gemeente hem zelf schrijft, bijvoorbeeld \"Zaanstad\" of \"Súdwest-Fryslân\".",
	Type: question.Tekst,
	Max:  ptr(100.0),
	Section: &question.Section{
		ID:    "gemeente",
		Title: "De gemeente",
		Intro: "Dit interview stelt de vragen voor de verordening jobcoaching en schrijft de antwoorden in één bestand. " +
			"Bij elke vraag staat een standaardwaarde met haar bron, als die er is; u kunt altijd stoppen en een concept bewaren om later verder te gaan.",
	},
}

func ptr[T any](v T) *T { return &v }

// session is one interview in progress.
type session struct {
	cfg     Config
	ui      UI
	order   []*question.Question // the gemeente question, then the questionnaire
	values  map[string]any       // answers given, in this session or in the file resumed
	done    map[string]bool      // answered or skipped: not to be asked again
	history []string             // questions asked in this session, for going back
	intro   map[*question.Section]bool
	help    bool // show help at the next prompt
}

func newSession(cfg Config) *session {
	s := &session{cfg: cfg, ui: cfg.UI, values: map[string]any{}, done: map[string]bool{},
		intro: map[*question.Section]bool{}}
	s.order = append([]*question.Question{GemeenteQuestion}, cfg.Questions.Questions...)
	if ex := cfg.Existing; ex != nil {
		if ex.Gemeente != "" {
			s.values[answer.GemeenteKey] = ex.Gemeente
		}
		for id, v := range ex.Values {
			s.values[id] = v
		}
		if !cfg.All {
			for id := range s.values {
				s.done[id] = true
			}
		}
	}
	return s
}

// run asks every question that applies, then holds the review until the
// user saves or stops.
func (s *session) run() (*Result, error) {
	for {
		if stopped, err := s.askAll(); err != nil || stopped != nil {
			return stopped, err
		}
		res, err := s.review()
		if err != nil || res != nil {
			return res, err
		}
	}
}

// plan returns the questions whose condition holds, in order, evaluating
// each condition with the answers so far and, for questions not yet
// answered, the value on offer.
func (s *session) plan() []*question.Question {
	env := make(map[string]any, len(s.order))
	for _, q := range s.order {
		env[q.ID] = question.Zero(q.Type)
	}
	var out []*question.Question
	for _, q := range s.order {
		if ok, err := q.When.Eval(env); !ok || err != nil {
			continue
		}
		out = append(out, q)
		if v, _ := s.offer(q); v != nil {
			env[q.ID] = v
		}
	}
	return out
}

// offer returns the value Enter takes for q and where it comes from.
func (s *session) offer(q *question.Question) (any, Offer) {
	if v, ok := s.values[q.ID]; ok {
		return v, OfferAnswer
	}
	if q.Default != nil && !s.done[q.ID] {
		return q.Default, OfferDefault
	}
	return nil, NoOffer
}

// next returns the first question that applies and is still to be asked.
func (s *session) next() *question.Question {
	for _, q := range s.plan() {
		if !s.done[q.ID] {
			return q
		}
	}
	return nil
}

// askAll asks questions until none is left. A non-nil Result means the user
// stopped.
func (s *session) askAll() (*Result, error) {
	for q := s.next(); q != nil; q = s.next() {
		act, err := s.ask(q, len(s.history) > 0)
		if err != nil {
			return nil, err
		}
		switch act {
		case Back:
			s.back()
		case Stop:
			if res, err := s.stop(); err != nil || res != nil {
				return res, err
			}
		default:
			s.history = append(s.history, q.ID)
		}
	}
	return nil, nil
}

// back reopens the last question asked in this session that still
// applies; questions that no longer apply are passed over.
func (s *session) back() {
	applies := s.plan()
	for len(s.history) > 0 {
		last := s.history[len(s.history)-1]
		s.history = s.history[:len(s.history)-1]
		if slices.ContainsFunc(applies, func(q *question.Question) bool { return q.ID == last }) {
			delete(s.done, last)
			return
		}
	}
}

// ask puts q until the user answers, skips, goes back or stops, and
// returns that action; an answer or skip is recorded.
func (s *session) ask(q *question.Question, canBack bool) (Action, error) {
	msg := ""
	for {
		p := s.prompt(q, canBack, msg)
		r, err := s.ui.Ask(p)
		if err != nil {
			return 0, err
		}
		msg = ""
		switch r.Action {
		case Help:
			s.help = !p.ShowHelp
		case Back:
			if canBack {
				return Back, nil
			}
			msg = "Dit is de eerste vraag; er is geen vorige vraag."
		case Skip:
			if q.Optional {
				s.record(q, nil)
				return Skip, nil
			}
			msg = "Deze vraag moet worden beantwoord; alleen vragen die open mogen blijven, kunt u overslaan."
		case Stop:
			return Stop, nil
		default:
			if msg = s.take(q, p, r.Text); msg == "" {
				return Answer, nil
			}
		}
	}
}

// take checks and records a typed answer; it returns a message when the
// answer cannot be taken.
func (s *session) take(q *question.Question, p *Prompt, text string) string {
	if strings.TrimSpace(text) == "" {
		switch {
		case p.Offered != nil:
			s.record(q, p.Offered)
		case q.Optional:
			s.record(q, nil)
		default:
			return "Deze vraag heeft geen standaardwaarde; typ een antwoord."
		}
		return ""
	}
	v, msg := Parse(q, text)
	if msg != "" {
		return "Dit antwoord kan niet: " + msg + "."
	}
	if q == GemeenteQuestion {
		v = strings.TrimSpace(v.(string))
	}
	s.record(q, v)
	return ""
}

// record stores an answer (nil: left open) and marks q as done.
func (s *session) record(q *question.Question, v any) {
	if v == nil {
		delete(s.values, q.ID)
	} else {
		s.values[q.ID] = v
	}
	s.done[q.ID] = true
}

// prompt builds the prompt for q.
func (s *session) prompt(q *question.Question, canBack bool, msg string) *Prompt {
	p := &Prompt{Question: q, CanBack: canBack, ShowHelp: s.help, Message: msg}
	s.help = false
	p.Offered, p.Offer = s.offer(q)
	p.N, p.M = s.progress(q)
	if !s.intro[q.Section] {
		s.intro[q.Section] = true
		p.Intro = q.Section.Intro != ""
	}
	return p
}

// progress returns q's place among the questions of its section that this
// session asks.
func (s *session) progress(q *question.Question) (n, m int) {
	for _, x := range s.plan() {
		if x.Section != q.Section || !(x == q || !s.done[x.ID] || slices.Contains(s.history, x.ID)) {
			continue
		}
		m++
		if x == q {
			n = m
		}
	}
	return n, m
}

// stop asks what to do on stopping; a nil Result means go on.
func (s *session) stop() (*Result, error) {
	c, err := s.ui.Stop(s.cfg.Draft)
	if err != nil || c == Continue {
		return nil, err
	}
	res := s.result()
	res.Keep = c == SaveDraft
	return res, nil
}

// review shows every answer until the user saves (a complete Result),
// stops (an incomplete one) or changes an answer (nil: ask again).
func (s *session) review() (*Result, error) {
	items := s.items()
	i, err := s.ui.Review(items)
	switch {
	case err != nil:
		return nil, err
	case i == ReviewSave:
		res := s.result()
		res.Complete = true
		return res, nil
	case i == ReviewStop:
		return s.stop()
	case i < 0 || i >= len(items):
		return nil, nil
	}
	q := items[i].Question
	act, err := s.ask(q, true)
	if err == nil && act == Stop {
		return s.stop()
	}
	if err == nil && act != Back {
		s.history = append(s.history, q.ID)
	}
	return nil, err
}

// items lists every question that applies with its answer.
func (s *session) items() []ReviewItem {
	var out []ReviewItem
	for _, q := range s.plan() {
		out = append(out, ReviewItem{Question: q, Value: s.values[q.ID]})
	}
	return out
}

// result collects the answers to the questions that apply. A value equal
// to the question's default is marked as such, so the file says where it
// comes from.
func (s *session) result() *Result {
	res := &Result{Values: map[string]answer.Value{}}
	if g, ok := s.values[answer.GemeenteKey].(string); ok {
		res.Gemeente = g
	}
	for _, q := range s.plan() {
		v, ok := s.values[q.ID]
		if !ok || q == GemeenteQuestion {
			continue
		}
		res.Values[q.ID] = answer.Value{V: v, Default: q.Default != nil && reflect.DeepEqual(v, q.Default)}
	}
	return res
}
