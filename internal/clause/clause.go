// Package clause loads the clause library (clauses/): the articles as
// templates with their front matter, the definitions, the chapters and the
// catalogue of legal requirements, all checked against the questionnaire
// when they load.
package clause

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"text/template"

	"gopkg.in/yaml.v3"

	"verordening/internal/condition"
	"verordening/internal/question"
	"verordening/internal/source"
)

// Kind is the VNG kind of a clause.
type Kind string

const (
	Vast        Kind = "vast"        // always chosen
	Variant     Kind = "variant"     // one of the alternatives of a group
	Facultatief Kind = "facultatief" // chosen when its condition holds
	Invul       Kind = "invul"       // always chosen, filled in from the answers
)

// Documents that clauses may belong to, and the folder for definitions.
var Documents = []string{"verordening", "beleidsregels", "informatieblad"}

const definitionsDir = "begrippen"

// ReportFrames are the folders of templates/ that hold the frames of the
// documents laid out from data rather than clauses: the dekkingsoverzicht,
// the vragenlijst, the harmonisatieoverzicht and the index page of an
// output folder. They load like the documents' frames.
var ReportFrames = []string{"dekking", "vragenlijst", "harmonisatie", "index"}

// A Clause is one article (or, in begrippen/, one definition) of a document.
type Clause struct {
	ID          string
	Document    string
	Chapter     string
	Order       int
	Kind        Kind
	Group       string
	Title       string
	When        *condition.Cond
	Covers      []string
	Defines     string // the term, for a definition
	Uses        []string
	Basis       []StatuteRef
	Wettekst    string     // the date of the statute text the basis was checked against
	WettekstPos source.Pos // where wettekst is written
	Path        string     // the file, also the template's name
	Pos         source.Pos
}

// IsDefinition reports whether the clause defines a term.
func (c *Clause) IsDefinition() bool { return c.Defines != "" }

// A Chapter is a chapter of a document.
type Chapter struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

// A Requirement is a legal requirement a document must meet.
type Requirement struct {
	ID          string
	Basis       StatuteRef
	Text        string // the statute text it comes from
	Description string
	Scope       string // "jobcoaching", or "elders" when another regulation meets it
	Note        string
	Needs       []*Need // what the answers must give it, besides a clause that covers it
	Pos         source.Pos
}

// Required reports whether the verordening must cover the requirement.
func (r *Requirement) Required() bool { return r.Scope != "elders" }

// Library is the loaded clause library.
type Library struct {
	Clauses      []*Clause // articles, by document, chapter, order
	Definitions  []*Clause // by term
	Requirements []*Requirement
	Rules        []*Rule // consistency rules between answers (clauses/samenhang.yaml)
	Chapters     map[string][]Chapter
	Questions    *question.Questionnaire
	Warnings     source.ErrorList // findings that do not stop loading
	Statutes     *Statutes        // clauses/wetten.yaml
	set          *template.Template
	byID         map[string]*Clause
	inspected    map[string]*Inspection // template name → its inspection
	deps         map[string]*Deps       // template name → what its output depends on
	refPos       map[string]source.Pos  // where each ref with constant arguments is written (see RefPos)
}

// Lookup returns the clause with id, or nil.
func (l *Library) Lookup(id string) *Clause { return l.byID[id] }

// Templates returns a copy of the parsed template set whose functions the
// caller binds for one build (see Funcs). Cloning is cheap: the parse trees
// are shared.
func (l *Library) Templates() *template.Template {
	t, err := l.set.Clone()
	if err != nil {
		// Clone fails only after the set has been executed, which the
		// library never does.
		panic(err)
	}
	return t
}

// Document returns the clauses of one document in order.
func (l *Library) Document(doc string) []*Clause {
	var out []*Clause
	for _, c := range l.Clauses {
		if c.Document == doc {
			out = append(out, c)
		}
	}
	return out
}

// Load reads clauses/ and templates/ from fsys and checks them against the
// questionnaire.
func Load(fsys fs.FS, qs *question.Questionnaire) (*Library, error) {
	return ReadTexts(fsys).Load(fsys, qs)
}

// Load checks the texts against the questionnaire and makes the library,
// with what else clauses/ holds in fsys.
func (t *Texts) Load(fsys fs.FS, qs *question.Questionnaire) (*Library, error) {
	l := &Library{Questions: qs, byID: map[string]*Clause{}, Chapters: map[string][]Chapter{}, inspected: map[string]*Inspection{}}
	l.set = template.New("").Option("missingkey=error").Funcs(t.funcs)
	var errs source.ErrorList
	errs.Append(source.Pos{File: statutesFile}, l.loadStatutes(fsys))
	errs.Append(source.Pos{File: "clauses/hoofdstukken.yaml"}, l.loadChapters(fsys))
	errs.Append(source.Pos{File: "clauses/eisen.yaml"}, l.loadRequirements(fsys))
	errs.Append(source.Pos{File: RulesFile}, l.loadRules(fsys))
	for _, d := range t.dirs {
		errs.Append(source.Pos{File: "clauses/" + d.name}, l.loadDir(d))
	}
	for _, f := range t.frames {
		l.add(f, &errs)
	}
	errs.Append(source.Pos{File: "templates"}, t.framesErr)
	l.inspect()
	l.checkLinks(&errs)
	for _, t := range l.set.Templates() {
		if t.Tree != nil {
			instrument(t.Tree)
		}
	}
	l.sort()
	errs.Sort()
	l.Warnings = errs.Warnings()
	return l, errs.Err()
}

func (l *Library) loadDir(d textDir) error {
	var errs source.ErrorList
	for _, f := range d.files {
		c := l.linkClause(f, &errs)
		if c == nil {
			continue
		}
		if prev := l.byID[c.ID]; prev != nil {
			errs.Add(c.Pos, "clausule %q bestaat al in %s; kies een andere id", c.ID, prev.Path)
			continue
		}
		l.byID[c.ID] = c
		if c.IsDefinition() {
			l.Definitions = append(l.Definitions, c)
		} else {
			l.Clauses = append(l.Clauses, c)
		}
	}
	if d.err != nil {
		return d.err
	}
	return errs.Err()
}

type rawClause struct {
	ID       string    `yaml:"id"`
	Document string    `yaml:"document"`
	Chapter  string    `yaml:"chapter"`
	Order    int       `yaml:"order"`
	Kind     Kind      `yaml:"kind"`
	Group    string    `yaml:"group"`
	Title    string    `yaml:"title"`
	When     yaml.Node `yaml:"when"`
	Covers   []string  `yaml:"covers"`
	Defines  []string  `yaml:"defines"`
	Uses     []string  `yaml:"uses"`
	Basis    yaml.Node `yaml:"basis"`
	Wettekst yaml.Node `yaml:"wettekst"`
}

var clauseKeys = []string{"id", "document", "chapter", "order", "kind", "group", "title", "when", "covers", "defines", "uses", "basis", "wettekst"}

// linkClause makes the clause of a file read by ReadTexts, checked
// against the questionnaire and the library; it is nil when the file's
// front matter could not be read.
func (l *Library) linkClause(f *clauseFile, errs *source.ErrorList) *Clause {
	if !f.ok {
		errs.Append(source.Pos{File: f.name, Line: 1, Col: 1}, f.errs.Err())
		return nil
	}
	r, name := f.raw, f.name
	c := &Clause{ID: r.ID, Document: r.Document, Chapter: r.Chapter, Order: r.Order, Kind: r.Kind,
		Group: r.Group, Title: r.Title, Covers: r.Covers, Uses: r.Uses, Path: name,
		Pos: source.Pos{File: name, Line: 2, Col: 1}}
	var own source.ErrorList
	l.checkClause(c, r, f.dir, &own)
	c.When = l.compileWhen(name, &r.When, &own)
	l.readBasis(c, name, &r.Basis, &own)
	readWettekst(c, name, &r.Wettekst, &own)
	l.add(&f.textFile, &own)
	errs.Append(source.Pos{File: name, Line: 1, Col: 1}, own.Err())
	return c
}

// readBasis reads the statute references of basis, each error at its
// entry.
func (l *Library) readBasis(c *Clause, name string, n *yaml.Node, errs *source.ErrorList) {
	switch n.Kind {
	case 0:
		return
	case yaml.SequenceNode:
	default:
		errs.Add(question.At(name, n), "%s: basis is een lijst, bijvoorbeeld [Participatiewet/8a/2/e]", c.ID)
		return
	}
	for _, item := range n.Content {
		ref, err := ParseStatuteRef(item.Value, l.Statutes.Laws)
		if err != nil {
			errs.Add(question.At(name, item), "basis %q: %v", item.Value, err)
			continue
		}
		c.Basis = append(c.Basis, ref)
	}
}

// readWettekst reads the date of the statute text a clause's basis was
// checked against; a clause with a basis must give it.
func readWettekst(c *Clause, name string, n *yaml.Node, errs *source.ErrorList) {
	if n.Kind == 0 {
		if len(c.Basis) > 0 {
			errs.Add(c.Pos, "%s: de clausule heeft een basis maar geen wettekst; voeg na basis de regel \"wettekst: JJJJ-MM-DD\" toe met de datum van de geconsolideerde wettekst waaraan u de verwijzingen toetste", c.ID)
		}
		return
	}
	c.WettekstPos = question.At(name, n)
	if n.Kind != yaml.ScalarNode || !ValidDate(n.Value) {
		errs.Add(c.WettekstPos, "%s: wettekst %q is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-07-01", c.ID, n.Value)
		return
	}
	c.Wettekst = n.Value
}

func (l *Library) compileWhen(name string, n *yaml.Node, errs *source.ErrorList) *condition.Cond {
	if n.Kind != yaml.ScalarNode {
		return nil
	}
	pos := question.At(name, n)
	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		pos.Col++
	case n.Style&(yaml.FoldedStyle|yaml.LiteralStyle) != 0:
		// A block scalar starts on the next line; its lines are joined,
		// so a column within it cannot be told: name the line only.
		pos.Line, pos.Col = pos.Line+1, 1
	}
	pos.Col--
	c, err := condition.Compile(n.Value, pos, l.Questions.Env())
	errs.Append(pos, err)
	return c
}

func (l *Library) checkClause(c *Clause, r rawClause, dir string, errs *source.ErrorList) {
	when := r.When.Kind == yaml.ScalarNode && strings.TrimSpace(r.When.Value) != ""
	switch {
	case !validID(c.ID):
		errs.Add(c.Pos, "ongeldige id %q: gebruik kleine letters, cijfers en -", c.ID)
	case !slices.Contains(Documents, c.Document):
		errs.Add(c.Pos, "%s: onbekend document %q (kies uit: %s)", c.ID, c.Document, strings.Join(Documents, ", "))
	case !slices.Contains([]Kind{Vast, Variant, Facultatief, Invul}, c.Kind):
		errs.Add(c.Pos, "%s: onbekende soort %q (kies uit: vast, variant, facultatief, invul)", c.ID, c.Kind)
	case c.Kind == Vast && when:
		errs.Add(c.Pos, "%s: een vaste clausule heeft geen voorwaarde (when); maak haar facultatief of variant", c.ID)
	case (c.Kind == Variant || c.Kind == Facultatief) && !when:
		errs.Add(c.Pos, "%s: een clausule van soort %s heeft een voorwaarde (when) nodig", c.ID, c.Kind)
	case c.Kind == Variant && c.Group == "":
		errs.Add(c.Pos, "%s: een variant hoort bij een groep (group)", c.ID)
	}
	if dir == definitionsDir {
		if len(r.Defines) != 1 {
			errs.Add(c.Pos, "%s: een begrip definieert precies één term (defines)", c.ID)
		} else {
			c.Defines = r.Defines[0]
		}
		return
	}
	if c.Document != dir {
		errs.Add(c.Pos, "%s: staat in clauses/%s/ maar hoort bij document %q", c.ID, dir, c.Document)
	}
	if len(r.Defines) > 0 {
		errs.Add(c.Pos, "%s: begrippen horen in clauses/begrippen/, niet bij een artikel", c.ID)
	}
	if strings.TrimSpace(c.Title) == "" {
		errs.Add(c.Pos, "%s: het artikel heeft geen titel (title)", c.ID)
	}
}

func validID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func checkKeys(name string, n *yaml.Node, errs *source.ErrorList) {
	if n.Kind != yaml.MappingNode {
		errs.Add(question.At(name, n), "de front matter moet een map van sleutels zijn")
		return
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i]; !slices.Contains(clauseKeys, k.Value) {
			errs.Add(question.At(name, k), "onbekende sleutel %q (toegestaan: %s)", k.Value, strings.Join(clauseKeys, ", "))
		}
	}
}

// shiftNode moves node positions down by n lines: front matter starts on
// line 2 of the file.
func shiftNode(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		shiftNode(c, lines)
	}
}

func shiftLines(err error, lines int) error {
	if l, ok := err.(source.ErrorList); ok {
		for _, e := range l {
			e.Pos.Line += lines
		}
	}
	return err
}

func docNode(root *yaml.Node) *yaml.Node {
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		return root.Content[0]
	}
	return nil
}

func (l *Library) sort() {
	chapterIndex := func(c *Clause) int {
		for i, ch := range l.Chapters[c.Document] {
			if ch.ID == c.Chapter {
				return i
			}
		}
		return len(l.Chapters[c.Document])
	}
	docIndex := func(c *Clause) int { return slices.Index(Documents, c.Document) }
	sort.SliceStable(l.Clauses, func(i, j int) bool {
		a, b := l.Clauses[i], l.Clauses[j]
		if da, db := docIndex(a), docIndex(b); da != db {
			return da < db
		}
		if ca, cb := chapterIndex(a), chapterIndex(b); ca != cb {
			return ca < cb
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.ID < b.ID
	})
	sort.SliceStable(l.Definitions, func(i, j int) bool {
		return strings.ToLower(l.Definitions[i].Defines) < strings.ToLower(l.Definitions[j].Defines)
	})
}

func (l *Library) loadChapters(fsys fs.FS) error {
	const name = "clauses/hoofdstukken.yaml"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("%s ontbreekt: %v", name, source.Reason(err))
	}
	if err := yaml.Unmarshal(data, &l.Chapters); err != nil {
		return question.YAMLError(name, err)
	}
	return nil
}

type rawRequirement struct {
	ID          string    `yaml:"id"`
	Basis       string    `yaml:"basis"`
	Text        string    `yaml:"text"`
	Description string    `yaml:"description"`
	Scope       string    `yaml:"scope"`
	Note        string    `yaml:"note"`
	Needs       yaml.Node `yaml:"needs"`
}

var requirementKeys = []string{"id", "basis", "text", "description", "scope", "note", "needs"}

func (l *Library) loadRequirements(fsys fs.FS) error {
	const name = "clauses/eisen.yaml"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("%s ontbreekt: %v", name, source.Reason(err))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return question.YAMLError(name, err)
	}
	doc := docNode(&root)
	if doc == nil || doc.Kind != yaml.SequenceNode {
		return &source.Error{Pos: source.Pos{File: name, Line: 1, Col: 1}, Msg: "verwacht een lijst van eisen"}
	}
	var errs source.ErrorList
	seen := map[string]bool{}
	for _, n := range doc.Content {
		var r rawRequirement
		pos := question.At(name, n)
		if !mapKeys(name, n, requirementKeys, &errs) {
			continue
		}
		if err := n.Decode(&r); err != nil {
			errs.Append(pos, question.YAMLError(name, err))
			continue
		}
		ref, err := ParseStatuteRef(r.Basis, l.Statutes.Laws)
		if err != nil {
			errs.Add(pos, "eis %s: basis %q: %v", r.ID, r.Basis, err)
		}
		if r.ID == "" || seen[r.ID] {
			errs.Add(pos, "eis zonder id of met een dubbele id %q", r.ID)
		}
		if r.Scope == "" {
			r.Scope = "jobcoaching"
		}
		if r.Scope != "jobcoaching" && r.Scope != "elders" {
			errs.Add(pos, "eis %s: scope moet jobcoaching of elders zijn, niet %q", r.ID, r.Scope)
		}
		seen[r.ID] = true
		needs := l.loadNeeds(name, r.ID, &r.Needs, &errs)
		if len(needs) > 0 && r.Scope == "elders" {
			errs.Add(pos, "eis %s: een eis die elders wordt geregeld, heeft geen needs", r.ID)
		}
		l.Requirements = append(l.Requirements, &Requirement{ID: r.ID, Basis: ref, Text: strings.TrimSpace(r.Text),
			Description: strings.TrimSpace(r.Description), Scope: r.Scope, Note: strings.TrimSpace(r.Note),
			Needs: needs, Pos: pos})
	}
	return errs.Err()
}

// Requirement returns the requirement with id, or nil.
func (l *Library) Requirement(id string) *Requirement {
	for _, r := range l.Requirements {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// HasTemplate reports whether the set holds a template of that name.
func (l *Library) HasTemplate(name string) bool { return l.set.Lookup(name) != nil }
