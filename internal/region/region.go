// Package region reads a region file — one harmonised basis, the questions
// a gemeente may deviate on, and each gemeente's deviations — builds every
// gemeente's documents in parallel, and compares them in a harmonisation
// overview.
package region

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/answer"
	"verordening/internal/question"
	"verordening/internal/source"
)

// The top-level keys of a region file.
const (
	keyRegio     = "regio"
	keyBasis     = "basis"
	keyFree      = "afwijkbaar"
	keyGemeenten = "gemeenten"
)

// File is a parsed region file.
type File struct {
	Name      string // the file, for messages
	Regio     string
	Free      []string // question ids a gemeente may deviate on
	Basis     *answer.Answers
	Gemeenten []*Gemeente
}

// A Gemeente is one member of the region with its answers (basis plus its
// deviations) and the ids it deviates on.
type Gemeente struct {
	Name       string
	Answers    *answer.Answers
	Deviations []string
	Pos        source.Pos
}

// Parse reads a region file and decodes every gemeente's answers against
// the questionnaire. It reports every problem at once: structure, unknown
// or locked questions, and each gemeente's answers as the answers decoder
// reports them, all positioned in the region file.
func Parse(name string, data []byte, qs *question.Questionnaire) (*File, source.ErrorList, error) {
	var errs source.ErrorList
	root, err := question.ParseYAML(name, data)
	if err != nil {
		return nil, nil, err
	}
	f := &File{Name: name}
	top := f.readTop(name, root, qs, &errs)
	if errs.HasErrors() {
		errs.Sort()
		return nil, nil, errs
	}
	warns := f.decode(name, top, qs, &errs)
	errs.Sort()
	if errs.HasErrors() {
		return nil, nil, errs
	}
	warns.Sort()
	return f, warns, nil
}

type topNodes struct {
	basis, gemeenten *yaml.Node
}

func (f *File) readTop(name string, root *yaml.Node, qs *question.Questionnaire, errs *source.ErrorList) topNodes {
	var t topNodes
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "een regiobestand is een map met de sleutels regio, afwijkbaar, basis en gemeenten")
		return t
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			errs.Add(question.At(name, k), "%s staat al op regel %d; een regiobestand noemt elke sleutel één keer: voeg de twee samen", question.Shorten(k.Value), line)
			continue
		}
		seen[k.Value] = k.Line
		switch k.Value {
		case keyRegio:
			f.readRegio(name, v, errs)
		case keyFree:
			f.readFree(name, v, qs, errs)
		case keyBasis:
			t.basis = v
		case keyGemeenten:
			t.gemeenten = v
		default:
			errs.Add(question.At(name, k), "onbekende sleutel %s (verwacht: regio, afwijkbaar, basis, gemeenten)", question.Quote(k.Value))
		}
	}
	pos := source.Pos{File: name, Line: 1, Col: 1}
	switch {
	case f.Regio == "" && (seen[keyRegio] == 0 || !errs.HasErrors()):
		errs.Add(pos, "de naam van de regio ontbreekt; voeg \"regio: <naam>\" toe")
	case t.basis == nil || t.basis.Kind != yaml.MappingNode:
		errs.Add(pos, "de gemeenschappelijke antwoorden ontbreken; voeg \"basis:\" toe met de antwoorden van de regio")
	case t.gemeenten == nil || t.gemeenten.Kind != yaml.MappingNode || len(t.gemeenten.Content) == 0:
		errs.Add(pos, "de gemeenten ontbreken; voeg \"gemeenten:\" toe met per gemeente haar afwijkingen (of {} voor geen)")
	}
	return t
}

func (f *File) readRegio(name string, v *yaml.Node, errs *source.ErrorList) {
	if v.Kind != yaml.ScalarNode {
		errs.Add(question.At(name, v), "regio: geef de naam van de regio als tekst, bijvoorbeeld \"regio: Zaanstreek-Waterland\"")
		return
	}
	if msg := question.CheckName(v.Value); msg != "" {
		errs.Add(question.At(name, v), "regio: %s", msg)
		return
	}
	f.Regio = strings.TrimSpace(v.Value)
}

func (f *File) readFree(name string, v *yaml.Node, qs *question.Questionnaire, errs *source.ErrorList) {
	if v.Kind != yaml.SequenceNode {
		errs.Add(question.At(name, v), "afwijkbaar is een lijst van vraag-id's, zoals [uurtarief, kostenplafond_bedrag]")
		return
	}
	for _, n := range v.Content {
		if qs.Lookup(n.Value) == nil {
			errs.Add(question.At(name, n), "afwijkbaar noemt onbekende vraag %s", question.Quote(n.Value))
			continue
		}
		f.Free = append(f.Free, n.Value)
	}
}

// decode builds each gemeente's answers: the basis mapping with the
// gemeente's name and deviations merged in, decoded as one answers file.
func (f *File) decode(name string, t topNodes, qs *question.Questionnaire, errs *source.ErrorList) source.ErrorList {
	var warns source.ErrorList
	// Every gemeente decodes the basis again: a message about the basis
	// would come once per gemeente. Each distinct message is kept once.
	once := map[string]bool{}
	add := func(pos source.Pos, err error, w source.ErrorList) {
		var l source.ErrorList
		l.Append(pos, err)
		for _, e := range append(l, w...) {
			if key := e.Error(); !once[key] {
				once[key] = true
				if e.Severity == source.SevWarning {
					warns = append(warns, e)
				} else {
					*errs = append(*errs, e)
				}
			}
		}
	}
	basis, w, err := answer.DecodeNode(name, merged(t.basis, scalarPair(answer.GemeenteKey, f.Regio, t.basis), nil), qs)
	add(question.At(name, t.basis), err, w)
	f.Basis = basis
	seen := map[string]bool{}
	for i := 0; i+1 < len(t.gemeenten.Content); i += 2 {
		k, v := t.gemeenten.Content[i], t.gemeenten.Content[i+1]
		g := &Gemeente{Name: strings.TrimSpace(k.Value), Pos: question.At(name, k)}
		if g.Name == "" || seen[g.Name] {
			errs.Add(g.Pos, "gemeente zonder naam of dubbel genoemd: %s", question.Quote(k.Value))
			continue
		}
		if msg := question.CheckName(k.Value); msg != "" {
			errs.Add(g.Pos, "gemeente: %s", msg)
			continue
		}
		seen[g.Name] = true
		dev := f.deviations(name, g, v, qs, errs)
		if dev == nil {
			continue
		}
		ans, w, err := answer.DecodeNode(name, merged(t.basis, scalarPair(answer.GemeenteKey, g.Name, k), dev), qs)
		add(g.Pos, err, w)
		g.Answers = ans
		f.Gemeenten = append(f.Gemeenten, g)
	}
	return warns
}

// deviations checks a gemeente's mapping: only questions named in
// afwijkbaar may be overridden.
// An unknown key is left to the answers decoder, which suggests the
// nearest question id.
func (f *File) deviations(name string, g *Gemeente, v *yaml.Node, qs *question.Questionnaire, errs *source.ErrorList) *yaml.Node {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || v.Value == "") {
		return &yaml.Node{Kind: yaml.MappingNode}
	}
	if v.Kind != yaml.MappingNode {
		errs.Add(question.At(name, v), "%s: geef de afwijkingen als map (vraag: waarde), of {} voor geen", g.Name)
		return nil
	}
	// Refused keys are reported and left out; the rest is still decoded,
	// so that every problem of the file shows at once.
	kept := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		switch {
		case k.Value == answer.GemeenteKey:
			errs.Add(question.At(name, k), "%s: de naam van de gemeente staat al als sleutel onder gemeenten", g.Name)
			continue
		case slices.Contains(f.Free, k.Value):
			g.Deviations = append(g.Deviations, k.Value)
		case qs.Lookup(k.Value) != nil:
			errs.Add(question.At(name, k), "%s: %s ligt vast in de regio en staat niet onder afwijkbaar; haal de afwijking weg of spreek in de regio af dat gemeenten hierop mogen afwijken", g.Name, k.Value)
			continue
		}
		kept.Content = append(kept.Content, k, v.Content[i+1])
	}
	sort.Strings(g.Deviations)
	return kept
}

func scalarPair(key, value string, at *yaml.Node) []*yaml.Node {
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: at.Line, Column: at.Column}
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Line: at.Line, Column: at.Column}
	return []*yaml.Node{k, v}
}

// merged is one mapping: the name pair, the basis pairs not overridden,
// then the deviations. Nodes are shared, not copied: decoding only reads.
func merged(basis *yaml.Node, name []*yaml.Node, dev *yaml.Node) *yaml.Node {
	over := map[string]bool{}
	if dev != nil {
		for i := 0; i < len(dev.Content); i += 2 {
			over[dev.Content[i].Value] = true
		}
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: slices.Clone(name)}
	for i := 0; i+1 < len(basis.Content); i += 2 {
		if k := basis.Content[i].Value; !over[k] && k != answer.GemeenteKey {
			m.Content = append(m.Content, basis.Content[i], basis.Content[i+1])
		}
	}
	if dev != nil {
		m.Content = append(m.Content, dev.Content...)
	}
	return m
}

// String names the file and its size, for messages.
func (f *File) String() string {
	return fmt.Sprintf("%s (%s, %d gemeenten)", f.Name, f.Regio, len(f.Gemeenten))
}
