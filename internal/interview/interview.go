// Package interview walks a gemeente through the questionnaire and writes its answers file.
//
// The interview logic (order, conditions, validation, going back,
// skipping, the review) lives here and talks to the user only through the
// UI interface; Line asks in plain text lines, Terminal with forms.
package interview

import (
	"errors"

	"verordening/internal/answer"
	"verordening/internal/question"
)

// Action is what the user asks for at a prompt.
type Action int

const (
	Answer Action = iota // Reply.Text holds the answer; "" takes the value on offer
	Back                 // go to the previous question
	Skip                 // leave an optional question open
	Help                 // show or hide the question's help
	Stop                 // stop the interview
)

// Offer tells where the value offered at a prompt comes from.
type Offer int

const (
	NoOffer      Offer = iota // nothing is offered
	OfferDefault              // the questionnaire's default
	OfferAnswer               // an earlier answer: from the file resumed, or given before going back
)

// A Prompt is one question as put to the user.
type Prompt struct {
	Question *question.Question
	Intro    bool // first question shown of its section: show the section's intro
	N, M     int  // question N of M in this section
	Offered  any  // the value Enter takes; nil when none
	Offer    Offer
	CanBack  bool
	ShowHelp bool
	Message  string // why the last reply was not taken; empty when it was
}

// A Reply is the user's response to a prompt.
type Reply struct {
	Action Action
	Text   string
}

// A ReviewItem is one answer in the review.
type ReviewItem struct {
	Question *question.Question
	Value    any // nil: left open
}

// Review results other than the index of the item to change.
const (
	ReviewSave = -1 // save the answers
	ReviewStop = -2 // stop without finishing
)

// StopChoice is what the user wants when stopping early.
type StopChoice int

const (
	Continue  StopChoice = iota // go on with the interview
	SaveDraft                   // keep an incomplete draft and stop
	Discard                     // stop and keep nothing
)

// UI is how the interview talks to the user. An implementation returns
// ErrEndOfInput when its input ends.
type UI interface {
	// Ask puts one question.
	Ask(p *Prompt) (Reply, error)
	// Review lists every answer; it returns the index of the item to
	// change, ReviewSave or ReviewStop.
	Review(items []ReviewItem) (int, error)
	// Stop asks what to do on stopping early; draft is where a draft goes.
	Stop(draft string) (StopChoice, error)
}

// ErrEndOfInput: the input ended before the interview was complete.
var ErrEndOfInput = errors.New("de invoer hield op voordat het interview klaar was")

// Config is what an interview needs.
type Config struct {
	Questions *question.Questionnaire
	UI        UI
	Existing  *Existing // answers to resume from; nil for a fresh start
	All       bool      // ask every question, also those Existing answers
	Draft     string    // where a draft would be written, for the stop question
}

// Result is the outcome of an interview.
type Result struct {
	Gemeente string
	Values   map[string]answer.Value // only questions that apply and were answered
	Complete bool                    // false when the user stopped early
	Keep     bool                    // stopped early and wants a draft kept
}

// Run holds the interview. It returns an error only when the UI fails or
// its input ends; a user who stops gets a Result with Complete false.
func Run(cfg Config) (*Result, error) {
	return newSession(cfg).run()
}
