// Package question loads the questionnaire (questions/*.yaml) and knows
// how an answer of each question type is read and checked.
package question

import (
	"fmt"
	"io/fs"
	"sync"

	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/condition"
	"verordening/internal/source"
)

// Type is a question type.
type Type string

const (
	Keuze      Type = "keuze"      // one option
	Meerkeuze  Type = "meerkeuze"  // a list of options
	Getal      Type = "getal"      // a number
	Bedrag     Type = "bedrag"     // an amount in euros
	Percentage Type = "percentage" // a percentage, 7.5 for 7,5%
	Tekst      Type = "tekst"      // free text
	Datum      Type = "datum"      // a date, YYYY-MM-DD
	JaNee      Type = "janee"      // yes or no
)

var types = []Type{Keuze, Meerkeuze, Getal, Bedrag, Percentage, Tekst, Datum, JaNee}

// An Option is one value of a keuze or meerkeuze question.
type Option struct {
	Value string `yaml:"value"`
	Label string `yaml:"label"`
}

// Source says where a default value comes from.
type Source struct {
	Year      int    `yaml:"year"`
	Title     string `yaml:"title"`
	Certainty string `yaml:"certainty"` // empty, or as a Norm's
	Status    Status `yaml:"status"`    // empty, or as a Norm's
}

// String is "title, year", with a warning when the figure is not certain:
// an unconfirmed figure is never shown as settled.
func (s *Source) String() string {
	if s == nil {
		return ""
	}
	out := fmt.Sprintf("%s, %d", s.Title, s.Year)
	switch s.Certainty {
	case "onzeker":
		out += "; niet bevestigd, controleer dit bedrag"
	case "waarschijnlijk":
		out += "; uit een secundaire bron"
	}
	if s.Status == Historisch {
		out += "; een historisch cijfer, niet het cijfer dat nu geldt"
	}
	return out
}

// A Question is one question of the questionnaire.
type Question struct {
	ID       string
	Section  *Section
	Text     string
	Help     string
	Type     Type
	Options  []Option
	Default  any     // typed like an answer; nil when there is none
	Source   *Source // where Default comes from; nil when unknown
	When     *condition.Cond
	Optional bool // may stay unanswered
	// Invullen marks a figure only the gemeente can give (its current
	// value is not known to the library): there is no default, the
	// question may stay open (Optional is set), and until it is answered
	// every document shows a placeholder and build and check list it.
	Invullen bool
	Example  any      // invullen: a value to show in the message that asks for it; nil when none
	Min, Max *float64 // numbers: range; tekst: Max is the length
	Unit     string
	Norm     *Norm // the norm the default comes from, if any
	// Accept and Reject check a tekst answer (see Rule); nil and empty
	// when the question has none.
	Accept *Rule
	Reject []*Rule
	Pos    source.Pos
}

// OptionValues returns the values of the options.
func (q *Question) OptionValues() []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Value
	}
	return out
}

// Label returns the label of an option value, or the value itself.
func (q *Question) Label(value string) string {
	for _, o := range q.Options {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

// A Section groups questions.
type Section struct {
	ID        string
	Title     string
	Order     int
	Intro     string
	Questions []*Question
}

// Questionnaire is the loaded questionnaire.
type Questionnaire struct {
	Norms     []*Norm // the reference figures, in file order
	Sections  []*Section
	Questions []*Question // in order: by section, then as written
	byID      map[string]*Question
	env       *condition.Env
}

// Lookup returns the question with the id, or nil.
func (qs *Questionnaire) Lookup(id string) *Question { return qs.byID[id] }

// Env returns the typed environment for conditions over the answers.
func (qs *Questionnaire) Env() *condition.Env { return qs.env }

// IDs returns every question id in order.
func (qs *Questionnaire) IDs() []string {
	ids := make([]string, len(qs.Questions))
	for i, q := range qs.Questions {
		ids[i] = q.ID
	}
	return ids
}

// Zero returns the zero value of the Go type that holds an answer of type t.
func Zero(t Type) any {
	switch t {
	case Meerkeuze:
		return []string{}
	case Getal, Bedrag, Percentage:
		return 0.0
	case JaNee:
		return false
	}
	return ""
}

// Load reads every questions/*.yaml file of fsys (not subfolders) and
// checks the questionnaire as a whole: unique ids, valid types and
// defaults, and conditions that only use earlier questions.
func Load(fsys fs.FS) (*Questionnaire, error) {
	names, err := fs.Glob(fsys, "questions/*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("questions/: geen vragenbestanden (*.yaml) gevonden")
	}
	sort.Strings(names)
	// The files are parsed side by side, and the norms beside them: YAML
	// parsing is most of the time it takes to start a run. Their errors
	// are told in the order of the files.
	type parsed struct {
		f       *rawFile
		err     error
		readErr error
	}
	out := make([]parsed, len(names))
	var norms map[string]*Norm
	var normList []*Norm
	var normErr error
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				out[i].readErr = err
				return
			}
			out[i].f, out[i].err = parseFile(name, data)
		})
	}
	wg.Go(func() { norms, normList, normErr = loadNorms(fsys) })
	wg.Wait()
	var errs source.ErrorList
	var files []*rawFile
	for i, name := range names {
		if out[i].readErr != nil {
			return nil, out[i].readErr
		}
		errs.Append(source.Pos{File: name}, out[i].err)
		if out[i].f != nil {
			files = append(files, out[i].f)
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].section.Order < files[j].section.Order })
	errs.Append(source.Pos{File: NormsFile}, normErr)
	qs := build(files, norms, &errs)
	qs.Norms = normList
	errs.Sort()
	return qs, errs.Err()
}

// build turns the parsed files into a questionnaire, compiling each
// condition in an environment holding only the questions before it.
func build(files []*rawFile, norms map[string]*Norm, errs *source.ErrorList) *Questionnaire {
	qs := &Questionnaire{byID: map[string]*Question{}}
	// One environment grows by each question: building a new one for
	// every question made loading quadratic in their number.
	env := condition.NewEnv(nil)
	for _, f := range files {
		sec := f.section.toSection()
		qs.Sections = append(qs.Sections, sec)
		for _, r := range f.questions {
			q, ok := r.toQuestion(sec, env, norms, errs)
			if !ok {
				continue
			}
			if prev := qs.byID[q.ID]; prev != nil {
				errs.Add(q.Pos, "vraag %q bestaat al (%s); kies een andere id", q.ID, prev.Pos)
				continue
			}
			qs.byID[q.ID] = q
			qs.Questions = append(qs.Questions, q)
			sec.Questions = append(sec.Questions, q)
			env.Add(condition.Var{Name: q.ID, Zero: Zero(q.Type), Options: optionsOrNil(q)})
		}
	}
	qs.env = env
	return qs
}

func optionsOrNil(q *Question) []string {
	if q.Type == Keuze || q.Type == Meerkeuze {
		return q.OptionValues()
	}
	return nil
}

// rawFile is one questions file as written.
type rawFile struct {
	section   rawSection
	questions []rawQuestion
}

type rawSection struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Order int    `yaml:"order"`
	Intro string `yaml:"intro"`
}

func (r rawSection) toSection() *Section {
	return &Section{ID: r.ID, Title: r.Title, Order: r.Order, Intro: strings.TrimSpace(r.Intro)}
}

type rawQuestion struct {
	ID       string    `yaml:"id"`
	Text     string    `yaml:"text"`
	Help     string    `yaml:"help"`
	Type     Type      `yaml:"type"`
	Options  []Option  `yaml:"options"`
	Default  yaml.Node `yaml:"default"`
	Source   *Source   `yaml:"source"`
	When     yaml.Node `yaml:"when"`
	Optional bool      `yaml:"optional"`
	Min      *float64  `yaml:"min"`
	Max      *float64  `yaml:"max"`
	Unit     string    `yaml:"unit"`
	Norm     yaml.Node `yaml:"norm"`
	Invullen bool      `yaml:"invullen"`
	Example  yaml.Node `yaml:"example"`
	Accept   *rawRule  `yaml:"accept"`
	Reject   []rawRule `yaml:"reject"`
	pos      source.Pos
}

var questionKeys = []string{"id", "text", "help", "type", "options", "default", "source", "norm", "when", "optional", "invullen", "example", "min", "max", "unit", "accept", "reject"}

func parseFile(name string, data []byte) (*rawFile, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, YAMLError(name, err)
	}
	var errs source.ErrorList
	doc := docNode(&root)
	if doc == nil || doc.Kind != yaml.MappingNode {
		errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "verwacht een map met de sleutels section en questions")
		return nil, errs
	}
	f := &rawFile{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch k.Value {
		case "section":
			if err := v.Decode(&f.section); err != nil {
				errs.Append(At(name, v), YAMLError(name, err))
			}
		case "questions":
			f.questions = decodeQuestions(name, v, &errs)
		default:
			errs.Add(At(name, k), "onbekende sleutel %q (verwacht section of questions)", k.Value)
		}
	}
	if f.section.ID == "" {
		errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "de sectie heeft geen id")
	}
	return f, errs.Err()
}

func decodeQuestions(name string, v *yaml.Node, errs *source.ErrorList) []rawQuestion {
	if v.Kind != yaml.SequenceNode {
		errs.Add(At(name, v), "questions moet een lijst zijn")
		return nil
	}
	var out []rawQuestion
	for _, n := range v.Content {
		checkKeys(name, n, questionKeys, errs)
		checkRuleKeys(name, n, errs)
		var r rawQuestion
		if err := n.Decode(&r); err != nil {
			errs.Append(At(name, n), YAMLError(name, err))
			continue
		}
		r.pos = At(name, n)
		out = append(out, r)
	}
	return out
}

// checkRuleKeys reports unknown keys in the accept and reject rules of
// question node n.
func checkRuleKeys(name string, n *yaml.Node, errs *source.ErrorList) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch v := n.Content[i+1]; n.Content[i].Value {
		case "accept":
			checkKeys(name, v, ruleKeys, errs)
		case "reject":
			for _, r := range v.Content {
				checkKeys(name, r, ruleKeys, errs)
			}
		}
	}
}

// checkKeys reports keys of mapping n that are not in allowed.
func checkKeys(name string, n *yaml.Node, allowed []string, errs *source.ErrorList) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(allowed, k.Value) {
			errs.Add(At(name, k), "onbekende sleutel %q (toegestaan: %s)", k.Value, strings.Join(allowed, ", "))
		}
	}
}

func (r rawQuestion) toQuestion(sec *Section, env *condition.Env, norms map[string]*Norm, errs *source.ErrorList) (*Question, bool) {
	n := len(*errs)
	q := &Question{ID: r.ID, Section: sec, Text: strings.TrimSpace(r.Text), Help: strings.TrimSpace(r.Help),
		Type: r.Type, Options: r.Options, Source: r.Source, Optional: r.Optional || r.Invullen,
		Invullen: r.Invullen, Min: r.Min, Max: r.Max, Unit: r.Unit, Pos: r.pos}
	r.checkShape(errs)
	r.compileRules(q, errs)
	if r.When.Kind == yaml.ScalarNode {
		c, err := condition.Compile(r.When.Value, scalarStart(r.pos.File, &r.When), env)
		if err != nil {
			errs.Append(r.pos, err)
		}
		q.When = c
	}
	if r.Default.Kind != 0 && len(*errs) == n {
		v, msg := q.Parse(&r.Default)
		if msg != "" {
			errs.Add(At(r.pos.File, &r.Default), "standaardwaarde van %s: %s", q.ID, msg)
		}
		q.Default = v
	}
	if r.Norm.Value != "" && len(*errs) == n {
		pos := At(r.pos.File, &r.Norm)
		switch nm := norms[r.Norm.Value]; {
		case nm == nil:
			errs.Add(pos, "vraag %s: onbekende norm %q (zie %s)", q.ID, r.Norm.Value, NormsFile)
		case r.Default.Kind != 0 || r.Source != nil:
			errs.Add(pos, "vraag %s: geef default en source, of norm, niet allebei", q.ID)
		default:
			q.applyNorm(nm, pos, errs)
		}
	}
	if r.Source != nil && r.Source.Status != "" && (!slices.Contains(statuses, r.Source.Status) || r.Source.Status == Onbekend) {
		errs.Add(r.pos, "vraag %s: source.status moet geldend, historisch of voorbeeld zijn; een cijfer met status onbekend is geen standaardwaarde (gebruik invullen: true)", q.ID)
	}
	switch {
	case r.Invullen && len(*errs) == n:
		r.checkInvullen(q, errs)
	case !r.Invullen && r.Example.Kind != 0:
		errs.Add(At(r.pos.File, &r.Example), "vraag %s: example hoort alleen bij een vraag met invullen: true", q.ID)
	}
	return q, len(*errs) == n
}

// compileRules compiles the accept and reject rules, which only a tekst
// question can have.
func (r rawQuestion) compileRules(q *Question, errs *source.ErrorList) {
	if r.Accept == nil && len(r.Reject) == 0 {
		return
	}
	if r.Type != Tekst {
		errs.Add(r.pos, "vraag %s: accept en reject gelden alleen voor een tekstvraag, niet voor type %s", r.ID, r.Type)
		return
	}
	if r.Accept != nil {
		q.Accept = r.Accept.compile(r.ID, r.pos, true, errs)
	}
	for _, rr := range r.Reject {
		if c := rr.compile(r.ID, r.pos, false, errs); c != nil {
			q.Reject = append(q.Reject, c)
		}
	}
}

// checkInvullen checks a figure the gemeente must fill in: it has no
// default to fall back on, and its example must be a valid answer.
func (r rawQuestion) checkInvullen(q *Question, errs *source.ErrorList) {
	switch {
	case r.Default.Kind != 0 || r.Norm.Value != "":
		errs.Add(r.pos, "vraag %s: een vraag met invullen: true heeft geen standaardwaarde; haal default of norm weg", q.ID)
		return
	case q.Type != Getal && q.Type != Bedrag && q.Type != Percentage:
		errs.Add(r.pos, "vraag %s: invullen geldt alleen voor een getal, bedrag of percentage", q.ID)
		return
	}
	if r.Example.Kind != 0 {
		v, msg := q.Parse(&r.Example)
		if msg != "" {
			errs.Add(At(r.pos.File, &r.Example), "voorbeeld van %s: %s", q.ID, msg)
		}
		q.Example = v
	}
}

func (r rawQuestion) checkShape(errs *source.ErrorList) {
	switch {
	case !validID(r.ID):
		errs.Add(r.pos, "ongeldige id %q: gebruik kleine letters, cijfers en _ (begin met een letter)", r.ID)
	case !slices.Contains(types, r.Type):
		errs.Add(r.pos, "vraag %s: onbekend type %q (kies uit: %s)", r.ID, r.Type, typeList())
	case strings.TrimSpace(r.Text) == "":
		errs.Add(r.pos, "vraag %s heeft geen vraagtekst (text)", r.ID)
	case strings.TrimSpace(r.Help) == "":
		errs.Add(r.pos, "vraag %s heeft geen hulptekst (help)", r.ID)
	case (r.Type == Keuze || r.Type == Meerkeuze) && len(r.Options) < 2:
		errs.Add(r.pos, "vraag %s is een %s-vraag maar heeft minder dan twee opties", r.ID, r.Type)
	case r.Type != Keuze && r.Type != Meerkeuze && len(r.Options) > 0:
		errs.Add(r.pos, "vraag %s is van type %s en kan geen opties hebben", r.ID, r.Type)
	}
	seen := map[string]bool{}
	for _, o := range r.Options {
		if !validID(o.Value) || seen[o.Value] {
			errs.Add(r.pos, "vraag %s: ongeldige of dubbele optie %q", r.ID, o.Value)
		}
		seen[o.Value] = true
	}
}

func validID(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func typeList() string {
	s := make([]string, len(types))
	for i, t := range types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// At returns the position of a YAML node in file name.
func At(name string, n *yaml.Node) source.Pos {
	return source.Pos{File: name, Line: n.Line, Col: n.Column}
}

// scalarStart returns the position of the first character of a scalar's
// value, past an opening quote.
func scalarStart(name string, n *yaml.Node) source.Pos {
	p := At(name, n)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		p.Col++
	}
	p.Col-- // condition columns count from 1
	return p
}

func docNode(root *yaml.Node) *yaml.Node {
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		return root.Content[0]
	}
	return nil
}
