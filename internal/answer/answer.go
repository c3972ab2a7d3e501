// Package answer decodes a gemeente's answers file against the
// questionnaire: every value typed and checked, every problem reported at
// its file:line:col, and every value kept with the place it came from.
package answer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"gopkg.in/yaml.v3"

	"verordening/internal/question"
	"verordening/internal/source"
)

// GemeenteKey is the top-level key that holds the municipality's name.
const GemeenteKey = "gemeente"

// A Value is one answer as used.
type Value struct {
	V       any        // string, []string, float64 or bool, as question.Zero
	Pos     source.Pos // where it was written; the question's file for a default
	Default bool       // taken from the question's default, not from the file
}

// Answers is a decoded, complete answers file.
type Answers struct {
	File     string
	Gemeente string
	Values   map[string]Value // only the questions that were asked
	// Open lists, in questionnaire order, the asked questions marked
	// invullen that the file leaves unanswered: figures the gemeente
	// still has to give. They are not in Values.
	Open []string
	// OpenBecause holds, for an open question that is not an open figure,
	// the ids of the defaulted answers that made it asked: a question the
	// gemeente need not answer until it makes those choices itself.
	OpenBecause map[string][]string
	qs          *question.Questionnaire
}

// IsOpen reports whether question id is an open figure (see Open).
func (a *Answers) IsOpen(id string) bool { return slices.Contains(a.Open, id) }

// Questionnaire returns the questionnaire the answers were checked against.
func (a *Answers) Questionnaire() *question.Questionnaire { return a.qs }

// Get returns the value of question id, or the zero value of its type when
// the question was not asked or left open.
func (a *Answers) Get(id string) any {
	if v, ok := a.Values[id]; ok {
		return v.V
	}
	if q := a.qs.Lookup(id); q != nil {
		return question.Zero(q.Type)
	}
	return nil
}

// Env returns every question id with its value (or zero value): the
// variables for conditions.
func (a *Answers) Env() map[string]any {
	env := make(map[string]any, len(a.qs.Questions))
	for _, q := range a.qs.Questions {
		env[q.ID] = a.Get(q.ID)
	}
	return env
}

// Decode reads an answers file. The returned error is a source.ErrorList
// holding every problem; warnings alone do not make it non-nil but are
// returned as the second value.
func Decode(name string, data []byte, qs *question.Questionnaire) (*Answers, source.ErrorList, error) {
	root, err := question.ParseYAML(name, data)
	if err != nil {
		return nil, nil, err
	}
	return DecodeNode(name, root, qs)
}

// DecodeNode is Decode for a parsed YAML mapping (or document) whose node
// positions lie in file name: a region file merges its basis and a
// gemeente's deviations into one mapping and decodes that, so every
// message points into the region file.
func DecodeNode(name string, root *yaml.Node, qs *question.Questionnaire) (*Answers, source.ErrorList, error) {
	var errs source.ErrorList
	a := &Answers{File: name, Values: map[string]Value{}, qs: qs}
	given, failed := a.readTop(name, root, &errs, true)
	a.resolve(name, given, failed, &errs)
	errs.Sort()
	if errs.HasErrors() {
		return nil, nil, errs
	}
	return a, errs.Warnings(), nil
}

// A Partial is an answers file that may leave questions open, and the
// name of the gemeente out: a draft the interview resumes.
type Partial struct {
	File     string
	Gemeente string           // "" when not given
	Values   map[string]Value // the values given, by question id
}

// DecodePartial reads an answers file that may be incomplete. Every value
// given is read as Decode reads it, and every problem Decode reports about
// a given key or value is an error here too; what is missing is not.
// Conditions are not applied: a value given for a question that is not
// asked is kept, for the interview to pass over.
func DecodePartial(name string, data []byte, qs *question.Questionnaire) (*Partial, error) {
	p := &Partial{File: name, Values: map[string]Value{}}
	root, err := question.ParseYAML(name, data)
	if err != nil {
		return nil, err
	}
	if root.Kind == 0 || root.Kind == yaml.DocumentNode && (len(root.Content) == 0 || root.Content[0].Kind == 0) {
		return p, nil // an empty file: nothing answered yet
	}
	var errs source.ErrorList
	a := &Answers{File: name, qs: qs}
	given, _ := a.readTop(name, root, &errs, false)
	errs.Sort()
	if errs.HasErrors() {
		return nil, errs
	}
	p.Gemeente, p.Values = a.Gemeente, given
	return p, nil
}

// readTop checks the top-level mapping and parses every given value; it
// returns the parsed values by question id, and the ids whose value was
// given but wrong. A missing gemeente is an error when needGemeente.
func (a *Answers) readTop(name string, root *yaml.Node, errs *source.ErrorList, needGemeente bool) (given map[string]Value, failed map[string]bool) {
	given, failed = map[string]Value{}, map[string]bool{}
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "het antwoordbestand moet een lijst van sleutels met waarden zijn, te beginnen met \"gemeente: <naam>\"")
		return given, failed
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			errs.Add(question.At(name, k), "%s staat al op regel %d; laat één antwoord over", question.Shorten(k.Value), line)
			failed[k.Value] = true
			continue
		}
		seen[k.Value] = k.Line
		if k.Value == GemeenteKey {
			a.readGemeente(name, v, errs)
			continue
		}
		q := a.qs.Lookup(k.Value)
		if q == nil {
			errs.Add(question.At(name, k), "onbekende vraag %s%s", question.Quote(k.Value), a.suggest(k.Value))
			continue
		}
		val, msg := q.Parse(v)
		if msg != "" {
			errs.Add(question.At(name, v), "%s: %s", q.ID, msg)
			failed[q.ID] = true
			continue
		}
		given[q.ID] = Value{V: val, Pos: question.At(name, v)}
	}
	if needGemeente && a.Gemeente == "" && !hasKey(doc, GemeenteKey) {
		errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "de naam van de gemeente ontbreekt; voeg bovenaan \"gemeente: <naam>\" toe")
	}
	return given, failed
}

func (a *Answers) readGemeente(name string, v *yaml.Node, errs *source.ErrorList) {
	if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
		errs.Add(question.At(name, v), "gemeente: vul de naam van de gemeente in, bijvoorbeeld \"gemeente: Zaanstad\"")
		return
	}
	if msg := question.CheckName(v.Value); msg != "" {
		errs.Add(question.At(name, v), "gemeente: %s", msg)
		return
	}
	a.Gemeente = strings.TrimSpace(v.Value)
}

// resolve walks the questions in order, evaluating each condition with the
// values decided so far: an asked question takes its given value or its
// default; a missing required answer is an error; an answer to a question
// that is not asked is a warning and is not used.
//
// A question whose condition reads a value that failed to parse is passed
// over: its fate is unknown until that value is mended.
func (a *Answers) resolve(name string, given map[string]Value, failed map[string]bool, errs *source.ErrorList) {
	env := map[string]any{}
	for _, q := range a.qs.Questions {
		env[q.ID] = question.Zero(q.Type)
	}
	for _, q := range a.qs.Questions {
		asked, err := q.When.Eval(env)
		if err != nil {
			errs.Append(q.Pos, err)
		}
		g, answered := given[q.ID]
		switch {
		case failed[q.ID] || dependsOn(q, failed):
			continue
		case !asked && answered:
			errs.Warn(g.Pos, "het antwoord op %s wordt niet gebruikt: de vraag geldt alleen als %s", q.ID, q.When.Src)
			continue
		case !asked:
			continue
		case answered:
			a.Values[q.ID] = g
		case q.Default != nil:
			a.Values[q.ID] = Value{V: q.Default, Pos: q.Pos, Default: true}
		case !q.Optional:
			// Asked only because of defaults the gemeente accepted: not
			// required yet; the documents show a placeholder until the
			// gemeente chooses (see OpenBecause).
			if by := a.defaultedUses(q); len(by) > 0 && canStayOpen(q.Type) {
				a.Open = append(a.Open, q.ID)
				if a.OpenBecause == nil {
					a.OpenBecause = map[string][]string{}
				}
				a.OpenBecause[q.ID] = by
				continue
			}
			because, at := a.askedBecause(name, q)
			errs.Add(at, "de vraag %s is niet beantwoord: %s%s Voeg \"%s: …\" toe.", q.ID, q.Text, because, q.ID)
			continue
		default:
			if q.Invullen {
				a.Open = append(a.Open, q.ID)
			}
			continue
		}
		env[q.ID] = a.Values[q.ID].V
	}
}

func dependsOn(q *question.Question, failed map[string]bool) bool {
	if q.When == nil {
		return false
	}
	for _, id := range q.When.Uses {
		if failed[id] {
			return true
		}
	}
	return false
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// maxSuggest is the longest key for which suggest looks for a near
// question id: ids are short, and the edit distance of a long key to every
// id costs time in proportion to its length (2 MB took 14 s).
const maxSuggest = 64

// suggest names the nearest question id, for a mistyped key.
func (a *Answers) suggest(key string) string {
	if len(key) > maxSuggest {
		return "; zie \"verordening questions\" voor alle vragen"
	}
	best, bestD := "", 1<<30
	for _, id := range append(a.qs.IDs(), GemeenteKey) {
		if d := levenshtein.ComputeDistance(key, id); d < bestD {
			best, bestD = id, d
		}
	}
	if bestD <= max(2, len(key)/3) {
		return fmt.Sprintf("; bedoelt u %q?", best)
	}
	return "; zie \"verordening questions\" voor alle vragen"
}

// Sorted returns the ids of the values in questionnaire order.
func (a *Answers) Sorted() []string {
	var ids []string
	for _, q := range a.qs.Questions {
		if _, ok := a.Values[q.ID]; ok {
			ids = append(ids, q.ID)
		}
	}
	return ids
}
