package clause

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"verordening/internal/format"
	"verordening/internal/question"
	"verordening/internal/source"
)

// Statutes is clauses/wetten.yaml: how the cited statute articles are
// divided, for the aanhef, and the known changes of their text, so that a
// clause checked against an older text is flagged for a later
// inwerkingtreding.
type Statutes struct {
	Laws      Laws
	Divisions Divisions
	Changes   []*Change
}

// A Change is a known change of statute text on a date.
type Change struct {
	Date      string       // the date the changed text takes effect, "2027-01-01"
	Act       string       // the act that changes it
	Certainty string       // zeker, waarschijnlijk or onzeker (wetgeving.md's markers)
	Refs      []StatuteRef // the articles, leden or onderdelen changed
	What      string       // what changes
	Pos       source.Pos
}

// Certainties are the allowed values of a change's zekerheid.
var Certainties = []string{"zeker", "waarschijnlijk", "onzeker"}

const statutesFile = "clauses/wetten.yaml"

var statuteKeys = []string{"wetten", "indeling", "wijzigingen"}
var changeKeys = []string{"datum", "wet", "zekerheid", "artikelen", "wijziging"}

// loadStatutes reads clauses/wetten.yaml, before anything that cites a
// law.
func (l *Library) loadStatutes(fsys fs.FS) error {
	l.Statutes = &Statutes{}
	data, err := fs.ReadFile(fsys, statutesFile)
	if err != nil {
		return fmt.Errorf("%s ontbreekt: %v; het bestand noemt onder wetten de wetten waarnaar de clausules verwijzen", statutesFile, source.Reason(err))
	}
	st, err := ParseStatutes(statutesFile, data)
	l.Statutes = st
	return err
}

// ParseStatutes reads the text of clauses/wetten.yaml; every error names
// its line and column.
func ParseStatutes(name string, data []byte) (*Statutes, error) {
	st := &Statutes{Laws: Laws{}, Divisions: Divisions{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return st, question.YAMLError(name, err)
	}
	doc := docNode(&root)
	if doc == nil {
		return st, nil
	}
	var errs source.ErrorList
	if doc.Kind != yaml.MappingNode {
		errs.Add(question.At(name, doc), "verwacht de sleutels %s", strings.Join(statuteKeys, " en "))
		return st, errs.Err()
	}
	// The laws come first: the other sections cite them.
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if k, v := doc.Content[i], doc.Content[i+1]; k.Value == "wetten" {
			st.readLaws(name, v, &errs)
		}
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch k.Value {
		case "wetten":
		case "indeling":
			st.readDivisions(name, v, &errs)
		case "wijzigingen":
			st.readChanges(name, v, &errs)
		default:
			errs.Add(question.At(name, k), "onbekende sleutel %q (toegestaan: %s)", k.Value, strings.Join(statuteKeys, ", "))
		}
	}
	return st, errs.Err()
}

// readLaws reads "Awb: Algemene wet bestuursrecht": the short name used
// in references and the name printed.
func (st *Statutes) readLaws(name string, n *yaml.Node, errs *source.ErrorList) {
	if n.Kind != yaml.MappingNode {
		errs.Add(question.At(name, n), "wetten: verwacht per wet de korte naam en de naam die wordt gedrukt, bijvoorbeeld \"Awb: Algemene wet bestuursrecht\"")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Value == "" || strings.ContainsAny(k.Value, "/ "):
			errs.Add(question.At(name, k), "wetten: %q is geen korte naam; gebruik één woord zonder / of spatie, zoals Awb", k.Value)
		case v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "":
			errs.Add(question.At(name, v), "wetten: %s heeft geen naam; schrijf de naam zoals die in de tekst komt, zoals Algemene wet bestuursrecht", k.Value)
		default:
			st.Laws[k.Value] = strings.TrimSpace(v.Value)
		}
	}
}

// readDivisions reads "Participatiewet/8a: 2" (leden of an article),
// "Participatiewet/8a/2: g" (onderdelen a to g of a lid) and
// "Participatiewet/8a/2/e: 2" (sub-onderdelen of an onderdeel).
func (st *Statutes) readDivisions(name string, n *yaml.Node, errs *source.ErrorList) {
	if n.Kind != yaml.MappingNode {
		errs.Add(question.At(name, n), "indeling: verwacht per artikel, lid of onderdeel het aantal delen, bijvoorbeeld \"Participatiewet/10: 6\"")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ref, err := ParseStatuteRef(k.Value, st.Laws)
		if err != nil {
			errs.Add(question.At(name, k), "indeling %q: %v", k.Value, err)
			continue
		}
		if ref.Sub > 0 {
			errs.Add(question.At(name, k), "indeling %q: een subonderdeel heeft geen delen; noem het artikel, het lid of het onderdeel", k.Value)
			continue
		}
		count, ok := divisionCount(ref, v.Value)
		if !ok {
			want := "een aantal (1 of meer)"
			if ref.Lid > 0 && ref.Onderdeel == "" {
				want = "de letter van het laatste onderdeel, bijvoorbeeld g voor de onderdelen a tot en met g"
			}
			errs.Add(question.At(name, v), "indeling %q: %q is geen geldige indeling; schrijf %s", k.Value, v.Value, want)
			continue
		}
		st.Divisions[strings.Join(append([]string{ref.Law}, ref.path()...), "/")] = count
	}
}

func divisionCount(ref StatuteRef, v string) (int, bool) {
	if ref.Lid > 0 && ref.Onderdeel == "" {
		if len(v) != 1 || v[0] < 'a' || v[0] > 'z' {
			return 0, false
		}
		return int(v[0]-'a') + 1, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 1
}

func (st *Statutes) readChanges(name string, n *yaml.Node, errs *source.ErrorList) {
	if n.Kind != yaml.SequenceNode {
		errs.Add(question.At(name, n), "wijzigingen: verwacht een lijst van wijzigingen")
		return
	}
	for _, item := range n.Content {
		if c := st.readChange(name, item, errs); c != nil {
			st.Changes = append(st.Changes, c)
		}
	}
}

func (st *Statutes) readChange(name string, n *yaml.Node, errs *source.ErrorList) *Change {
	pos := question.At(name, n)
	if n.Kind != yaml.MappingNode {
		errs.Add(pos, "een wijziging is een map met de sleutels %s", strings.Join(changeKeys, ", "))
		return nil
	}
	c := &Change{Pos: pos}
	before := len(*errs)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		seen[k.Value] = true
		switch k.Value {
		case "datum":
			c.Date = v.Value
			if !ValidDate(v.Value) {
				errs.Add(question.At(name, v), "datum %q: schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01", v.Value)
			}
		case "wet":
			c.Act = strings.TrimSpace(v.Value)
		case "zekerheid":
			c.Certainty = v.Value
			if !slices.Contains(Certainties, v.Value) {
				errs.Add(question.At(name, v), "zekerheid %q: kies uit %s", v.Value, strings.Join(Certainties, ", "))
			}
		case "artikelen":
			c.Refs = st.readRefs(name, v, errs)
		case "wijziging":
			c.What = strings.TrimSpace(v.Value)
		default:
			errs.Add(question.At(name, k), "onbekende sleutel %q (toegestaan: %s)", k.Value, strings.Join(changeKeys, ", "))
		}
	}
	for _, key := range changeKeys {
		if !seen[key] {
			errs.Add(pos, "de wijziging mist de sleutel %s; voeg \"%s: …\" toe", key, key)
		}
	}
	if len(*errs) > before {
		return nil
	}
	return c
}

func (st *Statutes) readRefs(name string, n *yaml.Node, errs *source.ErrorList) []StatuteRef {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		errs.Add(question.At(name, n), "artikelen: verwacht een lijst als [Participatiewet/8a/1/b]")
		return nil
	}
	var out []StatuteRef
	for _, item := range n.Content {
		ref, err := ParseStatuteRef(item.Value, st.Laws)
		if err != nil {
			errs.Add(question.At(name, item), "artikel %q: %v", item.Value, err)
			continue
		}
		out = append(out, ref)
	}
	return out
}

// ValidDate reports whether s is a date written JJJJ-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// contains reports whether r cites o or a part of it, or o a part of r:
// a change of artikel 8a, eerste lid, touches a clause that cites
// artikel 8a, eerste lid, onderdeel b, and one that cites artikel 8a.
func (r StatuteRef) overlaps(o StatuteRef) bool {
	if r.Law != o.Law {
		return false
	}
	a, b := r.path(), o.path()
	n := min(len(a), len(b))
	return slices.Equal(a[:n], b[:n])
}

// StatuteWarnings warns for each clause whose condition holds for env and
// that cites an article changed between the date of the text the clause
// was checked against (its wettekst) and inForce, the date the regulation
// takes effect: after wettekst and on or before inForce, or, when inForce
// comes first, after inForce and on or before wettekst (the clause then
// cites a text not yet in force). With inForce empty (the date left open)
// every known change after wettekst counts: the regulation may take
// effect after it. Each warning points at the clause's wettekst line.
func (l *Library) StatuteWarnings(env map[string]any, inForce string) source.ErrorList {
	var warns source.ErrorList
	if l.Statutes == nil {
		return nil
	}
	for _, c := range append(slices.Clone(l.Clauses), l.Definitions...) {
		if len(c.Basis) == 0 || c.Wettekst == "" {
			continue
		}
		if ok, err := c.When.Eval(env); err != nil || !ok {
			continue
		}
		for _, ch := range l.Statutes.Changes {
			if !between(ch.Date, c.Wettekst, inForce) {
				continue
			}
			if cited := citedBy(c.Basis, ch.Refs); len(cited) > 0 {
				warns.Warn(c.WettekstPos, "%s", changeWarning(c, ch, cited, inForce))
			}
		}
	}
	warns.Sort()
	return warns
}

// between reports whether a change on date makes the text in force on
// inForce differ from the text of wettekst: it falls after wettekst and on
// or before inForce, or, for a regulation that takes effect before the
// text its clauses were checked against, after inForce and on or before
// wettekst. An open inForce ("") lies after every date.
func between(date, wettekst, inForce string) bool {
	if inForce == "" || inForce >= wettekst {
		return date > wettekst && (inForce == "" || date <= inForce)
	}
	return date > inForce && date <= wettekst
}

// citedBy gives the clause's references that a change touches.
func citedBy(basis, changed []StatuteRef) []string {
	var out []string
	for _, b := range basis {
		for _, r := range changed {
			if b.overlaps(r) && !slices.Contains(out, b.String()) {
				out = append(out, b.String())
			}
		}
	}
	return out
}

func changeWarning(c *Clause, ch *Change, cited []string, inForce string) string {
	when := "de tekst die geldt op " + format.Datum(inForce)
	lead := ""
	if inForce == "" {
		lead = "datum van inwerkingtreding onbekend; "
		when = "de tekst die geldt op de dag van inwerkingtreding"
	}
	var changed []string
	for _, r := range ch.Refs {
		changed = append(changed, r.String())
	}
	verb := " wijzigt per "
	if inForce != "" && inForce < c.Wettekst {
		verb = " wijzigt pas per "
	}
	return lead + "controleer " + format.Join(cited, "en") + " tegen " + when + ": de " + ch.Act +
		verb + format.Datum(ch.Date) + " " + format.Join(changed, "en") +
		" (" + ch.What + "; zekerheid: " + ch.Certainty + "), en " + c.ID + " is getoetst aan de tekst van " +
		format.Datum(c.Wettekst) + ". Pas zo nodig de clausule aan en zet wettekst op de datum van de tekst waaraan u toetste."
}
