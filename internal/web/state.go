package web

import (
	"bytes"
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"verordening/internal/answer"
	"verordening/internal/question"
)

// state is the answers file being edited, as a YAML tree: setting a value
// changes one node, so the comments of an uploaded or --answers file stay
// where yaml.v3 keeps them (head, line and foot comments of its nodes).
type state struct {
	qs   *question.Questionnaire
	name string     // the file name messages give
	doc  *yaml.Node // a mapping
	enc  []byte     // bytes() of doc, or nil when not yet encoded
}

func newState(qs *question.Questionnaire, name string) *state {
	return &state{qs: qs, name: name, doc: &yaml.Node{Kind: yaml.MappingNode}}
}

// load replaces the tree by a parsed file; a file that is empty gives an
// empty mapping.
func (s *state) load(root *yaml.Node) error {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	switch doc.Kind {
	case 0, yaml.DocumentNode:
		doc = &yaml.Node{Kind: yaml.MappingNode}
	case yaml.MappingNode:
	default:
		return fmt.Errorf("%s:1:1: het antwoordbestand moet een lijst van sleutels met waarden zijn", s.name)
	}
	s.doc, s.enc = doc, nil
	return nil
}

// bytes encodes the tree as the answers file.
func (s *state) bytes() []byte {
	if s.enc != nil || len(s.doc.Content) == 0 && s.doc.HeadComment == "" {
		return s.enc
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(s.doc); err != nil {
		// The tree holds only nodes that yaml.v3 parsed or ValueNode made.
		panic(err)
	}
	enc.Close()
	s.enc = buf.Bytes()
	return s.enc
}

// clone copies the tree's top level, so that a change can be tried and
// dropped; value nodes are replaced, never changed in place.
func (s *state) clone() *state {
	d := *s.doc
	d.Content = slices.Clone(s.doc.Content)
	return &state{qs: s.qs, name: s.name, doc: &d}
}

// index returns the position of key's key node in the mapping, or -1.
func (s *state) index(key string) int {
	for i := 0; i+1 < len(s.doc.Content); i += 2 {
		if s.doc.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// set gives key the value node v: in place when the key is there (its
// comments stay), else inserted in questionnaire order.
func (s *state) set(key string, v *yaml.Node) {
	if i := s.index(key); i >= 0 {
		old := s.doc.Content[i+1]
		v.LineComment, v.HeadComment, v.FootComment = old.LineComment, old.HeadComment, old.FootComment
		s.doc.Content[i+1] = v
		s.enc = nil
		return
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	at := s.insertAt(key)
	s.doc.Content = slices.Insert(s.doc.Content, at, k, v)
	s.enc = nil
}

// insertAt is where a new key goes: before the first key that comes later
// in the questionnaire; gemeente first.
func (s *state) insertAt(key string) int {
	rank := s.rank(key)
	for i := 0; i+1 < len(s.doc.Content); i += 2 {
		if s.rank(s.doc.Content[i].Value) > rank {
			return i
		}
	}
	return len(s.doc.Content)
}

func (s *state) rank(key string) int {
	if key == answer.GemeenteKey {
		return -1
	}
	for i, q := range s.qs.Questions {
		if q.ID == key {
			return i
		}
	}
	return len(s.qs.Questions) // unknown keys stay at the end
}

// del removes key, so that its default applies.
func (s *state) del(key string) {
	if i := s.index(key); i >= 0 {
		s.doc.Content = slices.Delete(s.doc.Content, i, i+2)
		s.enc = nil
	}
}

// given reports whether the file answers key.
func (s *state) given(key string) bool { return s.index(key) >= 0 }
