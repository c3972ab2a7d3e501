package assemble

import (
	"fmt"
	"slices"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/source"
)

// A Finding is a need of a requirement that the answers do not meet, or a
// consistency rule they break.
type Finding struct {
	ID      string   // the requirement or rule id
	Message string   // with the answers filled in
	Ask     []string // the questions whose answers should change
}

// Errors places the finding at each answer it asks to change, where that
// answer was written. The answers taken from a default share one message
// at line 1 of the answers file, as do findings whose questions are none
// of them asked.
func (f Finding) Errors(ans *answer.Answers, sev source.Severity) source.ErrorList {
	var out source.ErrorList
	var defaults []string
	for _, id := range f.Ask {
		v, asked := ans.Values[id]
		switch {
		case !asked:
		case v.Default:
			defaults = append(defaults, id)
		default:
			out = append(out, &source.Error{Pos: v.Pos, Severity: sev,
				Msg: fmt.Sprintf("%s: %s (%s)", f.ID, f.Message, id)})
		}
	}
	top := source.Pos{File: ans.File, Line: 1, Col: 1}
	switch {
	case len(defaults) == 1:
		out = append(out, &source.Error{Pos: top, Severity: sev,
			Msg: fmt.Sprintf("%s: %s (%s staat op de standaardwaarde; voeg \"%s: …\" toe om die te wijzigen)", f.ID, f.Message, defaults[0], defaults[0])})
	case len(defaults) > 1:
		out = append(out, &source.Error{Pos: top, Severity: sev,
			Msg: fmt.Sprintf("%s: %s (%s staan op de standaardwaarde; voeg ze toe om ze te wijzigen)", f.ID, f.Message, strings.Join(defaults, ", "))})
	case len(out) == 0:
		out = append(out, &source.Error{Pos: top, Severity: sev, Msg: f.ID + ": " + f.Message})
	}
	return out
}

// judge evaluates the needs of every requirement row and the library's
// consistency rules. docs holds the assembled documents by name, for the
// rules with forbidden texts; without docs those rules are not judged.
func (c *Coverage) judge(lib *clause.Library, ans *answer.Answers, docs map[string]*document.Document) {
	env := ans.Env()
	show := func(id string) string {
		return ans.Questionnaire().Lookup(id).Show(ans.Get(id))
	}
	for i := range c.Rows {
		row := &c.Rows[i]
		for _, n := range row.Req.Needs {
			ok, err := n.When.Eval(env)
			if ok {
				continue
			}
			f := Finding{ID: row.Req.ID, Message: clause.Fill(n.Message, show), Ask: n.Ask}
			if err != nil {
				f.Message += " (" + err.Error() + ")"
			}
			row.Unmet = append(row.Unmet, f)
		}
	}
	idx := newTextIndex(docs)
	for _, r := range lib.Rules {
		if f, broken := idx.judge(r, env, show); broken {
			c.Conflicts = append(c.Conflicts, f)
		}
	}
}

func judgeRule(r *clause.Rule, env map[string]any, show func(string) string, docs map[string]*document.Document) (Finding, bool) {
	return newTextIndex(docs).judge(r, env, show)
}

// A textIndex holds the normalised text of each built document, by
// article and by toelichting, made once per build however many rules
// search it: searching the text anew for each rule cost more than the
// rest of the build.
type textIndex struct {
	docs  map[string]*document.Document
	texts map[string]*docText
}

// docText is a document's normalised text: its articles, their
// toelichting and the general toelichting, each with where it stands.
// The toelichting is made only when a rule searches it.
type docText struct {
	articles, notes []textPart
	general         *textPart
	// all and allNotes join the articles, and the articles with all
	// toelichting, so that a text found in no part costs one search
	// instead of one per part (most rules find nothing). A hit that only
	// spans two parts is searched again part by part.
	all, allNotes string
}

type textPart struct{ where, body string }

func newTextIndex(docs map[string]*document.Document) *textIndex {
	return &textIndex{docs: docs, texts: map[string]*docText{}}
}

func (x *textIndex) judge(r *clause.Rule, env map[string]any, show func(string) string) (Finding, bool) {
	broken := func(extra string) (Finding, bool) {
		return Finding{ID: r.ID, Message: clause.Fill(r.Message, show) + extra, Ask: r.Ask}, true
	}
	holds, err := r.When.Eval(env)
	if err != nil {
		return broken(" (" + err.Error() + ")")
	}
	if !holds {
		return Finding{}, false
	}
	if len(r.Forbid) == 0 && len(r.Require) == 0 {
		return broken("")
	}
	if x.docs[r.In] == nil {
		return Finding{}, false // the document was not built: nothing to judge
	}
	if len(r.Require) > 0 {
		if where, _ := x.find(r.In, r.Require, r.Toelichting); where != "" {
			return Finding{}, false
		}
		return broken(fmt.Sprintf(" (de %s noemt geen van: %s)", r.In, strings.Join(r.Require, "; ")))
	}
	where, text := x.find(r.In, r.Forbid, r.Toelichting)
	if where == "" {
		return Finding{}, false
	}
	return broken(fmt.Sprintf(" (%s: %q)", where, text))
}

// find looks for the first of texts in the articles of document doc, and
// with notes also in their toelichting and the general toelichting, and
// returns the article's heading and the text found. The parts are
// searched in reading order: an article, its toelichting, the next
// article, and the general toelichting last.
func (x *textIndex) find(doc string, texts []string, notes bool) (where, found string) {
	t := x.text(doc, notes)
	all := t.all
	if notes {
		all = t.allNotes
	}
	if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(all, s) }) {
		return "", ""
	}
	search := func(p textPart) bool {
		for _, s := range texts {
			if strings.Contains(p.body, s) {
				where, found = p.where, s
				return true
			}
		}
		return false
	}
	for i, p := range t.articles {
		if search(p) || notes && search(t.notes[i]) {
			return where, found
		}
	}
	if notes && t.general != nil && search(*t.general) {
		return where, found
	}
	return "", ""
}

// text returns the normalised text of doc, with the toelichting when
// notes is set.
func (x *textIndex) text(doc string, notes bool) *docText {
	t := x.texts[doc]
	d := x.docs[doc]
	if t == nil {
		t = &docText{}
		for _, a := range d.Articles() {
			t.articles = append(t.articles, textPart{a.Heading().Plain(), searchText(articleText(a))})
		}
		t.all = joinParts(t.articles)
		x.texts[doc] = t
	}
	if notes && t.notes == nil {
		t.notes = make([]textPart, 0, len(t.articles))
		for _, a := range d.Articles() {
			t.notes = append(t.notes, textPart{"toelichting bij " + a.Heading().Plain(), searchText(blocksText(a.Note))})
		}
		var parts []textPart
		for i := range t.articles {
			parts = append(parts, t.articles[i], t.notes[i])
		}
		if d.Notes != nil {
			t.general = &textPart{"algemene toelichting", searchText(blocksText(d.Notes.General))}
			parts = append(parts, *t.general)
		}
		t.allNotes = joinParts(parts)
	}
	return t
}

func joinParts(parts []textPart) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.body)
		b.WriteByte('\n')
	}
	return b.String()
}

// searchStripper removes the answer markers and Markdown escapes, in one
// pass: each is a single byte, so removing them together gives what
// removing them one after the other gives.
var searchStripper = strings.NewReplacer(answerOpen, "", answerClose, "", `\`, "")

// searchText is text as the rules search it: without answer markers and
// Markdown escapes, lowered, its white space collapsed.
func searchText(text string) string {
	return clause.NormalizeText(searchStripper.Replace(text))
}

// blocksText joins the text of paragraphs, headings, lists and tables.
func blocksText(blocks []document.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch x := bl.(type) {
		case *document.Paragraph:
			b.WriteString(textOf(x.Text) + "\n")
		case *document.Heading:
			b.WriteString(textOf(x.Text) + "\n")
		case *document.List:
			b.WriteString(strings.Join(texts(x.Items), "\n") + "\n")
		case *document.Table:
			for _, row := range x.Rows {
				b.WriteString(strings.Join(texts(row), " ") + "\n")
			}
		}
	}
	return b.String()
}

// Findings returns the unmet needs, by requirement, then the broken
// consistency rules.
func (c *Coverage) Findings() []Finding {
	var out []Finding
	for _, r := range c.Rows {
		out = append(out, r.Unmet...)
	}
	return append(out, c.Conflicts...)
}

// Problems places every finding at the answers to change, sorted by
// position, with the given severity: errors for check, warnings for build.
func (c *Coverage) Problems(ans *answer.Answers, sev source.Severity) source.ErrorList {
	var out source.ErrorList
	for _, f := range c.Findings() {
		out = append(out, f.Errors(ans, sev)...)
	}
	out.Sort()
	return out
}
