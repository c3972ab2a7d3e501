package assemble

import (
	"io/fs"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/answer"
	"verordening/internal/clause"
	"verordening/internal/condition"
	"verordening/internal/format"
	"verordening/internal/question"
	"verordening/internal/source"
)

// FormFile says how the verordening stands beside the re-integratieverordening
// of the gemeente (see the comments in the file).
const FormFile = "clauses/paragraaf.yaml"

// Form is FormFile loaded: which answers name the re-integratieverordening
// and the articles of it that go, and when the verordening is a paragraph
// inserted into it by a wijzigingsverordening rather than a verordening of
// its own.
type Form struct {
	Amended string // question id: the citeertitel of the re-integratieverordening
	// Placeholder stands for that citeertitel while it is not answered,
	// visibly, in every document.
	Placeholder string
	Repealed    string // question id: its articles that the new rules replace
	Paragraph   *ParagraphForm
}

// ParagraphForm is the form in which the rules are a paragraph of the
// re-integratieverordening.
type ParagraphForm struct {
	When  *condition.Cond
	After string     // question id: the article the paragraph follows
	Omit  []Omission // clauses of a separate verordening left out
}

// An Omission is a clause of the verordening that has no place in an
// inserted paragraph, with why.
type Omission struct {
	ID, Reason string
	Pos        source.Pos
}

type rawForm struct {
	Amended     string `yaml:"amended"`
	Placeholder string `yaml:"placeholder"`
	Repealed    string `yaml:"repealed"`
	Paragraph   struct {
		When  yaml.Node `yaml:"when"`
		After string    `yaml:"after"`
		Omit  []struct {
			ID     string    `yaml:"id"`
			Reason string    `yaml:"reason"`
			Node   yaml.Node `yaml:"-"`
		} `yaml:"omit"`
	} `yaml:"paragraph"`
}

// LoadForm reads FormFile and checks it against the library: the answers
// it names are tekst questions, its condition compiles, and every clause
// it leaves out is a clause of the verordening. A pack without the file
// has only the separate form (nil).
func LoadForm(fsys fs.FS, lib *clause.Library) (*Form, error) {
	data, err := fs.ReadFile(fsys, FormFile)
	if err != nil {
		return nil, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, question.YAMLError(FormFile, err)
	}
	var raw rawForm
	var errs source.ErrorList
	if err := root.Decode(&raw); err != nil {
		return nil, question.YAMLError(FormFile, err)
	}
	at := func(key string) source.Pos { return keyPos(&root, key) }
	f := &Form{Amended: raw.Amended, Placeholder: strings.TrimSpace(raw.Placeholder), Repealed: raw.Repealed}
	if f.Placeholder == "" {
		errs.Add(at("amended"), "placeholder ontbreekt; schrijf wat de documenten tonen zolang de citeertitel van de re-integratieverordening niet is ingevuld")
	}
	qs := lib.Questions
	textQuestion := func(key, id string) {
		if q := qs.Lookup(id); q == nil || q.Type != question.Tekst {
			errs.Add(at(key), "%s: %q is geen tekstvraag van de vragenlijst; noem de vraag die dit antwoord bevat", key, id)
		}
	}
	textQuestion("amended", f.Amended)
	textQuestion("repealed", f.Repealed)
	p := raw.Paragraph
	if p.When.Kind == yaml.ScalarNode {
		pf := &ParagraphForm{After: p.After}
		textQuestion("after", p.After)
		c, err := condition.Compile(p.When.Value, source.Pos{File: FormFile, Line: p.When.Line, Col: p.When.Column - 1}, qs.Env())
		errs.Append(at("paragraph"), err)
		pf.When = c
		omits := omitNodes(&root)
		for i, o := range p.Omit {
			pos := at("omit")
			if i < len(omits) {
				pos = source.Pos{File: FormFile, Line: omits[i].Line, Col: omits[i].Column}
			}
			if cl := lib.Lookup(o.ID); cl == nil || cl.Document != "verordening" {
				errs.Add(pos, "omit: %q is geen clausule van de verordening; noem een id uit clauses/verordening/", o.ID)
			}
			if strings.TrimSpace(o.Reason) == "" {
				errs.Add(pos, "omit: %s heeft geen reason; schrijf waarom de clausule niet in de paragraaf hoort", o.ID)
			}
			pf.Omit = append(pf.Omit, Omission{ID: o.ID, Reason: strings.TrimSpace(o.Reason), Pos: pos})
		}
		f.Paragraph = pf
	}
	errs.Sort()
	return f, errs.Err()
}

// keyPos finds the position of a key anywhere in the file, or the file's
// first line.
func keyPos(n *yaml.Node, key string) source.Pos {
	var found *yaml.Node
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if found != nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					found = n.Content[i]
					return
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	if found == nil {
		return source.Pos{File: FormFile, Line: 1, Col: 1}
	}
	return source.Pos{File: FormFile, Line: found.Line, Col: found.Column}
}

// omitNodes returns the entries of paragraph.omit, for their positions.
func omitNodes(root *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "omit" && n.Content[i+1].Kind == yaml.SequenceNode {
					out = n.Content[i+1].Content
					return
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return out
}

// InParagraph reports whether the answers choose the paragraph form.
func (f *Form) InParagraph(ans *answer.Answers) bool {
	if f == nil || f.Paragraph == nil {
		return false
	}
	ok, err := f.Paragraph.When.Eval(ans.Env())
	return err == nil && ok
}

// omitted reports whether the paragraph form leaves the clause out.
func (p *ParagraphForm) omitted(id string) bool {
	for _, o := range p.Omit {
		if o.ID == id {
			return true
		}
	}
	return false
}

// AmendedTitle is the citeertitel of the re-integratieverordening, as
// answered (not escaped), or the placeholder while it is not answered; ""
// without a form.
func (f *Form) AmendedTitle(ans *answer.Answers) string {
	if f == nil {
		return ""
	}
	if s, _ := ans.Get(f.Amended).(string); strings.TrimSpace(s) != "" {
		return strings.TrimSpace(s)
	}
	return f.Placeholder
}

var articleNumber = regexp.MustCompile(`^[1-9][0-9]*[a-z]?$`)

// Repeals lists the article numbers of the re-integratieverordening that
// the new rules replace, in the order given, without repeats. The
// questionnaire has checked the answer's shape; a part that is no article
// number is left out.
func (f *Form) Repeals(ans *answer.Answers) []string {
	if f == nil {
		return nil
	}
	s, _ := ans.Get(f.Repealed).(string)
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if articleNumber.MatchString(p) && !contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// after is the number of the article the paragraph follows.
func (f *Form) after(ans *answer.Answers) string {
	s, _ := ans.Get(f.Paragraph.After).(string)
	return strings.TrimSpace(s)
}

// InsertedNumber is the number of the n-th inserted article (from 1)
// after article after: 12a … 12z, then 12aa, 12ab, … as the letters run
// out.
func InsertedNumber(after string, n int) string {
	var suffix []byte
	for n > 0 {
		n--
		suffix = append([]byte{byte('a' + n%26)}, suffix...)
		n /= 26
	}
	return after + string(suffix)
}

// articleList words article numbers: "artikel 12", "de artikelen 12 en
// 13a".
func articleList(nums []string) string {
	if len(nums) == 1 {
		return "artikel " + nums[0]
	}
	return "de artikelen " + format.Join(nums, "en")
}
