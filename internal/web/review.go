package web

import (
	"net/http"

	"verordening/internal/answer"
	"verordening/internal/question"
)

// A navItem is one entry of the menu.
type navItem struct {
	Href, Label string
	Current     bool
}

func (s *Server) nav(data map[string]any) []navItem {
	cur, _ := data["Current"].(string)
	var out []navItem
	for _, sec := range s.sections() {
		out = append(out, navItem{"/stap/" + sec.ID, sec.Title, cur == "stap/"+sec.ID})
	}
	items := []navItem{{"/overzicht", "Overzicht", false}, {"/voorbeeld/verordening", "Voorbeeld", false}, {"/bestanden", "Bestanden", false}}
	if s.region != nil {
		items = append(items, navItem{"/regio", "Regio " + s.region.file.Regio, false})
	}
	for _, it := range items {
		it.Current = cur == it.Href[1:]
		out = append(out, it)
	}
	return out
}

// A reviewRow is one answer on the review page.
type reviewRow struct {
	Q     *question.Question
	Value string
	Given bool
	Open  bool // an open figure: the documents show a placeholder
	Link  string
}

type reviewSection struct {
	Section *question.Section
	Rows    []reviewRow
}

func (s *Server) review(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.current()
	data := map[string]any{"Title": "Overzicht van de antwoorden", "Current": "overzicht", "Messages": b.messages, "Empty": b.empty}
	p, asked, err := s.values(s.st)
	if err != nil {
		data["Messages"] = []message{{Text: err.Error()}}
		s.render(w, "review", http.StatusOK, data)
		return
	}
	var secs []reviewSection
	for _, sec := range s.sections() {
		rs := reviewSection{Section: sec}
		for _, q := range sec.Questions {
			if !asked[q.ID] {
				continue
			}
			row := reviewRow{Q: q, Given: s.st.given(q.ID), Link: "/stap/" + sec.ID + "#" + q.ID}
			switch {
			case q.ID == answer.GemeenteKey:
				row.Value = p.Gemeente
			case b.ans != nil:
				if v, ok := b.ans.Values[q.ID]; ok {
					row.Value = plain(q.Show(v.V))
				} else {
					row.Open = true
				}
			default:
				if v, ok := p.Values[q.ID]; ok {
					row.Value = plain(q.Show(v.V))
				} else if q.Default != nil {
					row.Value = plain(q.Show(q.Default))
				} else {
					row.Open = true
				}
			}
			rs.Rows = append(rs.Rows, row)
		}
		secs = append(secs, rs)
	}
	data["Sections"] = secs
	if b.ans != nil {
		bestuurlijk, _ := b.ans.DefaultChoices()
		var open []reviewRow
		for _, c := range bestuurlijk {
			open = append(open, reviewRow{Q: c.Q, Value: plain(c.Q.Show(b.ans.Values[c.Q.ID].V)), Link: s.questionLink(c.Q.ID)})
		}
		data["OpenChoices"] = open
		var figures []reviewRow
		for _, id := range b.ans.Open {
			q := s.c.Questions.Lookup(id)
			figures = append(figures, reviewRow{Q: q, Open: true, Link: s.questionLink(id)})
		}
		data["OpenFigures"] = figures
	}
	s.render(w, "review", http.StatusOK, data)
}
