package question

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/source"
)

// NormsFile holds the dated reference figures questions may take their
// default from.
const NormsFile = "questions/normen/normen.yaml"

// A Norm is a reference figure with its year and source: an amount, a
// percentage or a number that a gemeente may follow.
type Norm struct {
	ID        string   `yaml:"id"`
	Value     *float64 `yaml:"value"` // nil only for status onbekend
	Unit      string   `yaml:"unit"`
	Year      int      `yaml:"year"`
	Title     string   `yaml:"title"`
	Certainty string   `yaml:"certainty"` // zeker, waarschijnlijk or onzeker
	Status    Status   `yaml:"status"`
	Note      string   `yaml:"note"`
	Pos       source.Pos
}

// Status says whether a figure is the one in force today.
type Status string

const (
	// Geldend: the figure stands in law in force (the Reïntegratiebesluit).
	Geldend Status = "geldend"
	// Historisch: the figure comes from an expired or superseded regime
	// (a withdrawn protocol, an old agreement). A document may offer it
	// as a choice but presents it as history, never as current practice.
	Historisch Status = "historisch"
	// Voorbeeld: a figure another gemeente or region chose in its own
	// rules: an example, not a norm that binds anyone.
	Voorbeeld Status = "voorbeeld"
	// Onbekend: the figure is indexed (yearly) and its current value is
	// not known here. It is never a default: the gemeente fills it in.
	Onbekend Status = "onbekend"
)

var statuses = []Status{Geldend, Historisch, Voorbeeld, Onbekend}

// Source returns the norm as the source of a default.
func (n *Norm) Source() *Source {
	return &Source{Year: n.Year, Title: n.Title, Certainty: n.Certainty, Status: n.Status}
}

var certainties = []string{"zeker", "waarschijnlijk", "onzeker"}

func loadNorms(fsys fs.FS) (map[string]*Norm, []*Norm, error) {
	data, err := fs.ReadFile(fsys, NormsFile)
	if err != nil {
		return map[string]*Norm{}, nil, nil // a content pack without norms is valid
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, YAMLError(NormsFile, err)
	}
	doc := docNode(&root)
	if doc == nil || doc.Kind != yaml.SequenceNode {
		return nil, nil, &source.Error{Pos: source.Pos{File: NormsFile, Line: 1, Col: 1}, Msg: "verwacht een lijst van normen"}
	}
	var errs source.ErrorList
	byID := map[string]*Norm{}
	var list []*Norm
	for _, n := range doc.Content {
		var nm Norm
		if err := n.Decode(&nm); err != nil {
			errs.Append(At(NormsFile, n), YAMLError(NormsFile, err))
			continue
		}
		nm.Pos = At(NormsFile, n)
		switch {
		case nm.ID == "" || byID[nm.ID] != nil:
			errs.Add(nm.Pos, "norm zonder id of met een dubbele id %q", nm.ID)
		case nm.Year < 1990 || nm.Year > 2100 || strings.TrimSpace(nm.Title) == "":
			errs.Add(nm.Pos, "norm %s: een norm heeft een jaar (year) en een bron (title)", nm.ID)
		case !containsString(certainties, nm.Certainty):
			errs.Add(nm.Pos, "norm %s: certainty moet zeker, waarschijnlijk of onzeker zijn", nm.ID)
		case !slices.Contains(statuses, nm.Status):
			errs.Add(nm.Pos, "norm %s: status moet geldend, historisch, voorbeeld of onbekend zijn (voeg \"status: …\" toe)", nm.ID)
		case nm.Value == nil && nm.Status != Onbekend:
			errs.Add(nm.Pos, "norm %s: een norm met status %s heeft een waarde (value)", nm.ID, nm.Status)
		}
		byID[nm.ID] = &nm
		list = append(list, &nm)
	}
	return byID, list, errs.Err()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// applyNorm gives q the norm's value as default and the norm as source.
// A norm whose current value is unknown is never a default.
func (q *Question) applyNorm(n *Norm, pos source.Pos, errs *source.ErrorList) {
	if q.Type != Getal && q.Type != Bedrag && q.Type != Percentage {
		errs.Add(pos, "vraag %s: alleen een getal, bedrag of percentage kan een norm als standaardwaarde hebben", q.ID)
		return
	}
	if n.Status == Onbekend || n.Value == nil {
		errs.Add(pos, "vraag %s: norm %s heeft status onbekend (het actuele cijfer is niet bekend) en kan geen standaardwaarde zijn; haal \"norm: %s\" weg en zet \"invullen: true\", zodat de gemeente het cijfer zelf invult (zie %s)", q.ID, n.ID, n.ID, n.Pos)
		return
	}
	v, msg := q.ParseText(strconv.FormatFloat(*n.Value, 'f', -1, 64), "!!float")
	if msg != "" {
		errs.Add(pos, "vraag %s: norm %s past niet: %s", q.ID, n.ID, msg)
		return
	}
	q.Default, q.Source, q.Norm = v, n.Source(), n
}

// String names a norm with its value for messages.
func (n *Norm) String() string {
	return fmt.Sprintf("%s (%s, %d)", n.ID, n.Title, n.Year)
}
