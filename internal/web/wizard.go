package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/interview"
	"verordening/internal/question"
)

// gemeenteSection is the first page: the gemeente's name, which is not a
// question of the questionnaire (interview.GemeenteQuestion).
const gemeenteSection = "gemeente"

// sections returns the pages in order: the gemeente, then every section.
func (s *Server) sections() []*question.Section {
	g := *interview.GemeenteQuestion.Section
	g.Questions = []*question.Question{interview.GemeenteQuestion}
	return append([]*question.Section{&g}, s.c.Questions.Sections...)
}

func (s *Server) section(id string) (int, *question.Section) {
	for i, sec := range s.sections() {
		if sec.ID == id {
			return i, sec
		}
	}
	return -1, nil
}

// values returns the answers the file gives, typed, read by the CLI's own
// decoder for drafts (answer.DecodePartial), and the ids of the questions
// that apply. The last results are kept (callers hold s.mu): a page asks
// for them more than once, and a user goes back and forth between a few
// answers.
func (s *Server) values(st *state) (*answer.Partial, map[string]bool, error) {
	data := st.bytes()
	if m, ok := s.memo[string(data)]; ok {
		return m.p, m.asked, nil
	}
	p, err := answer.DecodePartial(st.name, data, s.c.Questions)
	if err != nil {
		return nil, nil, err
	}
	if len(s.memo) >= maxBuilds {
		clear(s.memo)
	}
	m := &decoded{p: p, asked: s.evalAsked(p)}
	s.memo[string(data)] = m
	return m.p, m.asked, nil
}

// decoded is what values keeps for one answers file.
type decoded struct {
	p     *answer.Partial
	asked map[string]bool
}

// evalAsked returns the ids of the questions that apply: each condition is
// evaluated, in order, with the answers given or else the defaults, as
// "build" decides them.
func (s *Server) evalAsked(p *answer.Partial) map[string]bool {
	env := map[string]any{}
	for _, q := range s.c.Questions.Questions {
		env[q.ID] = question.Zero(q.Type)
	}
	out := map[string]bool{answer.GemeenteKey: true}
	for _, q := range s.c.Questions.Questions {
		if ok, err := q.When.Eval(env); !ok || err != nil {
			continue
		}
		out[q.ID] = true
		if v, ok := p.Values[q.ID]; ok {
			env[q.ID] = v.V
		} else if q.Default != nil {
			env[q.ID] = q.Default
		}
	}
	return out
}

// A field is one question on a page.
type field struct {
	Q        *question.Question
	Input    string // text, number, date, radio, checkbox, textarea
	Value    string
	Options  []option
	Given    bool   // the file answers it
	Default  string // the default as a reader reads it; "" when none
	Source   string // where the default comes from
	Error    string
	Optional bool
}

type option struct {
	Value, Label string
	Checked      bool
}

func (s *Server) fields(sec *question.Section, st *state, p *answer.Partial, asked map[string]bool, posted map[string][]string, errs map[string]string) []field {
	var out []field
	for _, q := range sec.Questions {
		if !asked[q.ID] {
			continue
		}
		f := field{Q: q, Given: st.given(q.ID), Error: errs[q.ID], Optional: q.Optional}
		if q.Default != nil {
			f.Default = q.Show(q.Default)
			f.Source = q.Source.String()
		}
		var cur []string
		switch {
		case posted != nil:
			cur = posted[q.ID]
		case q.ID == answer.GemeenteKey:
			if p.Gemeente != "" {
				cur = []string{p.Gemeente}
			}
		default:
			if v, ok := p.Values[q.ID]; ok {
				cur = formValues(v.V)
			}
		}
		f.Input, f.Options = inputOf(q, cur)
		if len(cur) > 0 {
			f.Value = cur[0]
		}
		out = append(out, f)
	}
	return out
}

// formValues writes a typed value as a form sends it.
func formValues(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []string:
		return x
	case bool:
		if x {
			return []string{"ja"}
		}
		return []string{"nee"}
	case float64:
		return []string{strconv.FormatFloat(x, 'f', -1, 64)}
	}
	return nil
}

func inputOf(q *question.Question, cur []string) (string, []option) {
	switch q.Type {
	case question.Keuze, question.JaNee:
		opts := q.Options
		if q.Type == question.JaNee {
			opts = []question.Option{{Value: "ja", Label: "Ja"}, {Value: "nee", Label: "Nee"}}
		}
		var out []option
		for _, o := range opts {
			out = append(out, option{o.Value, o.Label, slices.Contains(cur, o.Value)})
		}
		return "radio", out
	case question.Meerkeuze:
		var out []option
		for _, o := range q.Options {
			out = append(out, option{o.Value, o.Label, slices.Contains(cur, o.Value)})
		}
		return "checkbox", out
	case question.Getal, question.Bedrag, question.Percentage:
		return "number", nil
	case question.Datum:
		// A text field, not type=date: the browser would refuse a wrong
		// date itself, in its own words, and the CLI's message is the
		// one to read.
		return "datum", nil
	}
	if q.Max == nil || *q.Max > 200 {
		return "textarea", nil
	}
	return "text", nil
}

func (s *Server) sectionPage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.showSection(w, r.PathValue("id"), s.st, nil, nil, http.StatusOK)
}

func (s *Server) showSection(w http.ResponseWriter, id string, st *state, posted map[string][]string, errs map[string]string, code int) {
	i, sec := s.section(id)
	if sec == nil {
		s.notFound(w)
		return
	}
	p, asked, err := s.values(st)
	if err != nil {
		// The file holds a value the form cannot show: say where.
		s.render(w, "problem", http.StatusOK, map[string]any{"Title": "Het antwoordbestand heeft fouten", "Messages": messages(err)})
		return
	}
	fs := s.fields(sec, st, p, asked, posted, errs)
	var summary []field
	for _, f := range fs {
		if f.Error != "" {
			summary = append(summary, f)
		}
	}
	secs := s.sections()
	data := map[string]any{
		"Title":    sec.Title,
		"Section":  sec,
		"Fields":   fs,
		"Summary":  summary,
		"Step":     i + 1,
		"Steps":    len(secs),
		"Progress": s.progress(st, asked),
		"Current":  "stap/" + sec.ID,
	}
	if i+1 < len(secs) {
		data["Next"] = secs[i+1]
	}
	if i > 0 {
		data["Prev"] = secs[i-1]
	}
	s.render(w, "section", code, data)
}

// progress counts the questions that apply and how many the file answers.
func (s *Server) progress(st *state, asked map[string]bool) map[string]int {
	n, given := 0, 0
	for _, sec := range s.sections() {
		for _, q := range sec.Questions {
			if asked[q.ID] {
				n++
				if st.given(q.ID) {
					given++
				}
			}
		}
	}
	pct := 0
	if n > 0 {
		pct = given * 100 / n
	}
	return map[string]int{"Given": given, "Total": n, "Percent": pct}
}

// sectionPost applies a section's form: every value is read by the CLI's
// parser (question.ParseText); an empty field takes the default. When
// a value is wrong nothing changes and the page shows the messages.
func (s *Server) sectionPost(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := r.PathValue("id")
	i, sec := s.section(id)
	if sec == nil {
		s.notFound(w)
		return
	}
	_, asked, err := s.values(s.st)
	if err != nil {
		http.Redirect(w, r, "/stap/"+id, http.StatusSeeOther)
		return
	}
	next := s.st.clone()
	errs := map[string]string{}
	posted := map[string][]string{}
	for _, q := range sec.Questions {
		if !asked[q.ID] {
			continue
		}
		vals := slices.DeleteFunc(slices.Clone(r.PostForm[q.ID]), func(v string) bool { return v == "" && q.Type == question.Meerkeuze })
		posted[q.ID] = vals
		if q.Type == question.Meerkeuze && q.Default != nil && r.PostFormValue(q.ID+".standaard") != "" {
			next.del(q.ID)
			continue
		}
		if q.Type == question.Meerkeuze && len(vals) == 0 && q.Default == nil && !next.given(q.ID) {
			continue // nothing ticked, nothing answered before: still open
		}
		if msg := s.apply(next, q, vals); msg != "" {
			errs[q.ID] = msg
		}
	}
	if len(errs) > 0 {
		s.showSection(w, id, s.st, posted, errs, http.StatusUnprocessableEntity)
		return
	}
	if err := s.commit(next); err != nil {
		s.render(w, "problem", http.StatusInternalServerError, map[string]any{"Title": "Opslaan is mislukt", "Messages": []string{err.Error()}})
		return
	}
	// A question the answers just made applicable is asked on the same page.
	if _, nowAsked, err := s.values(s.st); err == nil {
		for _, q := range sec.Questions {
			if nowAsked[q.ID] && !asked[q.ID] && q.Default == nil && !s.st.given(q.ID) {
				http.Redirect(w, r, "/stap/"+id+"#"+q.ID, http.StatusSeeOther)
				return
			}
		}
	}
	to := "/overzicht"
	if secs := s.sections(); i+1 < len(secs) && r.PostFormValue("ga") != "overzicht" {
		to = "/stap/" + secs[i+1].ID
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// apply sets q's answer in st from the form values; it returns the
// parser's message when a value is wrong.
func (s *Server) apply(st *state, q *question.Question, vals []string) string {
	var text string
	if q.Type == question.Meerkeuze {
		text = strings.Join(vals, ",")
	} else if len(vals) > 0 {
		text = vals[0]
	}
	if strings.TrimSpace(text) == "" && q.Type != question.Meerkeuze {
		if q.ID == answer.GemeenteKey {
			return "vul de naam van de gemeente in, bijvoorbeeld \"Zaanstad\""
		}
		st.del(q.ID) // the default, or an open figure
		return ""
	}
	if q.ID == answer.GemeenteKey {
		if msg := question.CheckName(text); msg != "" {
			return msg
		}
		st.set(q.ID, answer.ValueNode(q, strings.TrimSpace(text)))
		return ""
	}
	v, msg := q.ParseText(text, "")
	if msg != "" {
		return msg
	}
	st.set(q.ID, answer.ValueNode(q, v))
	return ""
}

func (s *Server) notFound(w http.ResponseWriter) {
	s.render(w, "problem", http.StatusNotFound, map[string]any{"Title": "Pagina niet gevonden", "Messages": []string{"Deze pagina bestaat niet; kies een onderdeel in het menu."}})
}
