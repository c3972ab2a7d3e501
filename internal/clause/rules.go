package clause

import (
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/condition"
	"verordening/internal/question"
	"verordening/internal/source"
)

// A Need is what the answers must give a requirement before it counts as
// covered: a clause that covers it is not enough when the answers leave it
// without substance (a borging article without a single measure).
type Need struct {
	When    *condition.Cond // must hold for the requirement to be met
	Ask     []string        // the questions whose answers would meet it
	Message string          // what to do, in Dutch; {question_id} shows that answer
	Pos     source.Pos
}

// A Rule is a consistency rule between answers, from clauses/samenhang.yaml:
// When describes the inconsistency. With Forbid, the rule is broken only
// when one of its texts also occurs in the articles of document In; with
// Require, only when none of its texts does. Toelichting widens the search
// to the toelichting.
type Rule struct {
	ID          string
	When        *condition.Cond
	Ask         []string
	Message     string
	Forbid      []string // lower case, spaces collapsed
	Require     []string // lower case, spaces collapsed
	In          string   // the document Forbid and Require are checked against
	Toelichting bool
	Pos         source.Pos
}

// RulesFile holds the consistency rules. It is optional: a content pack
// without it has no rules.
const RulesFile = "clauses/samenhang.yaml"

var (
	needKeys = []string{"when", "ask", "message"}
	ruleKeys = []string{"id", "when", "ask", "message", "forbid", "require", "in", "toelichting"}
)

type rawNeed struct {
	When    yaml.Node   `yaml:"when"`
	Ask     []yaml.Node `yaml:"ask"`
	Message string      `yaml:"message"`
}

// loadNeeds reads the needs of one requirement.
func (l *Library) loadNeeds(name, req string, n *yaml.Node, errs *source.ErrorList) []*Need {
	if n.Kind == 0 {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		errs.Add(question.At(name, n), "eis %s: needs is een lijst van voorwaarden met when, ask en message", req)
		return nil
	}
	var out []*Need
	for _, item := range n.Content {
		pos := question.At(name, item)
		if !mapKeys(name, item, needKeys, errs) {
			continue
		}
		var r rawNeed
		if err := item.Decode(&r); err != nil {
			errs.Append(pos, question.YAMLError(name, err))
			continue
		}
		nd := &Need{Pos: pos, Message: strings.TrimSpace(r.Message)}
		nd.When = l.compileRequired(name, "eis "+req, pos, &r.When, errs)
		nd.Ask = l.askList(name, "eis "+req, pos, r.Ask, errs)
		l.checkMessage(name, "eis "+req, pos, nd.Message, errs)
		out = append(out, nd)
	}
	return out
}

type rawRule struct {
	ID          string      `yaml:"id"`
	When        yaml.Node   `yaml:"when"`
	Ask         []yaml.Node `yaml:"ask"`
	Message     string      `yaml:"message"`
	Forbid      yaml.Node   `yaml:"forbid"`
	Require     yaml.Node   `yaml:"require"`
	In          string      `yaml:"in"`
	Toelichting bool        `yaml:"toelichting"`
}

// loadRules reads clauses/samenhang.yaml.
func (l *Library) loadRules(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, RulesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return question.YAMLError(RulesFile, err)
	}
	doc := docNode(&root)
	if doc == nil {
		return nil // an empty file: no rules
	}
	if doc.Kind != yaml.SequenceNode {
		return &source.Error{Pos: source.Pos{File: RulesFile, Line: 1, Col: 1}, Msg: "verwacht een lijst van regels met id, when, ask en message"}
	}
	var errs source.ErrorList
	seen := map[string]bool{}
	for _, n := range doc.Content {
		if r := l.loadRule(n, seen, &errs); r != nil {
			l.Rules = append(l.Rules, r)
		}
	}
	return errs.Err()
}

func (l *Library) loadRule(n *yaml.Node, seen map[string]bool, errs *source.ErrorList) *Rule {
	const name = RulesFile
	pos := question.At(name, n)
	if !mapKeys(name, n, ruleKeys, errs) {
		return nil
	}
	var r rawRule
	if err := n.Decode(&r); err != nil {
		errs.Append(pos, question.YAMLError(name, err))
		return nil
	}
	if !validID(r.ID) || seen[r.ID] {
		errs.Add(pos, "regel zonder geldige id of met een dubbele id %q: gebruik kleine letters, cijfers en -", r.ID)
	}
	seen[r.ID] = true
	what := "regel " + r.ID
	rule := &Rule{ID: r.ID, Pos: pos, Message: strings.TrimSpace(r.Message), In: r.In}
	rule.When = l.compileRequired(name, what, pos, &r.When, errs)
	rule.Ask = l.askList(name, what, pos, r.Ask, errs)
	l.checkMessage(name, what, pos, rule.Message, errs)
	rule.Forbid = textList(name, what, "forbid", &r.Forbid, errs)
	rule.Require = textList(name, what, "require", &r.Require, errs)
	rule.Toelichting = r.Toelichting
	if rule.In == "" {
		rule.In = "verordening"
	}
	texts := len(rule.Forbid) > 0 || len(rule.Require) > 0
	switch {
	case !slices.Contains(Documents, rule.In):
		errs.Add(pos, "%s: in noemt onbekend document %q (kies uit: %s)", what, rule.In, strings.Join(Documents, ", "))
	case len(rule.Forbid) > 0 && len(rule.Require) > 0:
		errs.Add(pos, "%s: geef forbid of require, niet allebei; maak er twee regels van", what)
	case (r.In != "" || r.Toelichting) && !texts:
		errs.Add(pos, "%s: in en toelichting gelden alleen samen met forbid of require; haal ze weg of voeg forbid of require toe", what)
	}
	return rule
}

// compileRequired compiles a when that must be present.
func (l *Library) compileRequired(name, what string, pos source.Pos, n *yaml.Node, errs *source.ErrorList) *condition.Cond {
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
		errs.Add(pos, "%s: when ontbreekt; geef een voorwaarde over de antwoorden, zoals len(borging) > 0", what)
		return nil
	}
	return l.compileWhen(name, n, errs)
}

// askList checks that ask names known questions, at least one.
func (l *Library) askList(name, what string, pos source.Pos, nodes []yaml.Node, errs *source.ErrorList) []string {
	if len(nodes) == 0 {
		errs.Add(pos, "%s: ask ontbreekt; noem de vragen waarvan het antwoord moet veranderen, zoals ask: [borging]", what)
	}
	var ids []string
	for i := range nodes {
		n := &nodes[i]
		if l.Questions.Lookup(n.Value) == nil {
			errs.Add(question.At(name, n), "%s: ask noemt onbekende vraag %q (zie questions/)", what, n.Value)
			continue
		}
		ids = append(ids, n.Value)
	}
	return ids
}

// placeholder is a {question_id} in a message.
var placeholder = regexp.MustCompile(`\{([a-z0-9_]+)\}`)

func (l *Library) checkMessage(name, what string, pos source.Pos, msg string, errs *source.ErrorList) {
	if msg == "" {
		errs.Add(pos, "%s: message ontbreekt; zeg in het Nederlands wat de gemeente moet doen", what)
	}
	for _, m := range placeholder.FindAllStringSubmatch(msg, -1) {
		if l.Questions.Lookup(m[1]) == nil {
			errs.Add(pos, "%s: message noemt onbekende vraag {%s} (zie questions/)", what, m[1])
		}
	}
}

// Fill replaces each {question_id} in msg by show(id).
func Fill(msg string, show func(id string) string) string {
	return placeholder.ReplaceAllStringFunc(msg, func(m string) string {
		return show(m[1 : len(m)-1])
	})
}

// textList reads forbid or require: one text or a list of texts.
func textList(name, what, key string, n *yaml.Node, errs *source.ErrorList) []string {
	var nodes []*yaml.Node
	switch n.Kind {
	case 0:
		return nil
	case yaml.ScalarNode:
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		errs.Add(question.At(name, n), "%s: %s is een tekst of een lijst van teksten", what, key)
		return nil
	}
	var out []string
	for _, t := range nodes {
		s := NormalizeText(t.Value)
		if t.Kind != yaml.ScalarNode || s == "" {
			errs.Add(question.At(name, t), "%s: %s bevat een lege tekst", what, key)
			continue
		}
		out = append(out, s)
	}
	return out
}

// mapKeys reports whether n is a mapping and adds an error for each key
// not in allowed.
func mapKeys(name string, n *yaml.Node, allowed []string, errs *source.ErrorList) bool {
	if n.Kind != yaml.MappingNode {
		errs.Add(question.At(name, n), "verwacht een map met de sleutels %s", strings.Join(allowed, ", "))
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i]; !slices.Contains(allowed, k.Value) {
			errs.Add(question.At(name, k), "onbekende sleutel %q (toegestaan: %s)", k.Value, strings.Join(allowed, ", "))
		}
	}
	return true
}
