package answer

import (
	"bytes"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/question"
)

// Encode writes answers as a reviewable YAML file: the gemeente first, then
// every value in questionnaire order under a comment with the question's
// text, defaults marked with their source. The output decodes back to the
// same answers.
func Encode(gemeente string, values map[string]Value, qs *question.Questionnaire) []byte {
	return encode(gemeente, values, nil, qs)
}

// encode is Encode; the open figures, if any, are listed in a closing
// comment with the line to add for each.
func encode(gemeente string, values map[string]Value, open []string, qs *question.Questionnaire) []byte {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	doc.HeadComment = "Antwoorden voor de verordening jobcoaching. Wijzig een waarde en bouw opnieuw met\n\"verordening build --answers <dit bestand>\"."
	doc.Content = append(doc.Content, scalar(GemeenteKey), scalar(gemeente))
	var section *question.Section
	for _, q := range qs.Questions {
		v, ok := values[q.ID]
		if !ok {
			continue
		}
		key := scalar(q.ID)
		key.HeadComment = comment(q, v)
		if q.Section != section {
			section = q.Section
			key.HeadComment = "== " + section.Title + " ==\n\n" + key.HeadComment
		}
		doc.Content = append(doc.Content, key, node(q, v.V))
	}
	if len(open) > 0 {
		lines := []string{"Nog in te vullen door de gemeente (de documenten tonen hier een plaatshouder):"}
		for _, id := range open {
			lines = append(lines, id+": …    # "+qs.Lookup(id).Text)
		}
		doc.FootComment = strings.Join(lines, "\n")
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		// Encoding nodes built here cannot fail; a failure is a bug.
		panic(err)
	}
	enc.Close()
	return buf.Bytes()
}

func comment(q *question.Question, v Value) string {
	c := q.Text
	if q.Unit != "" {
		c += " (" + q.Unit + ")"
	}
	if v.Default {
		c += "\nStandaardwaarde"
		if q.Source != nil {
			c += ", bron: " + q.Source.String()
		}
		c += "."
	}
	return c
}

func scalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func node(q *question.Question, v any) *yaml.Node {
	switch x := v.(type) {
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range x {
			n.Content = append(n.Content, scalar(s))
		}
		return n
	case float64:
		tag := "!!float"
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			tag = "!!int"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}
	case string:
		if q.Type == question.Datum {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: x}
		}
		return scalar(x)
	}
	return scalar("")
}

// Encode writes the answers as used, defaults included.
func (a *Answers) Encode() []byte { return encode(a.Gemeente, a.Values, a.Open, a.qs) }

// ValueNode returns the YAML node Encode writes for the value v of q: the
// web wizard sets single values in a user's file with it, keeping the
// file's comments.
func ValueNode(q *question.Question, v any) *yaml.Node { return node(q, v) }
