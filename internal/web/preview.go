package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"verordening/internal/answer"
	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/pipeline"
	"verordening/internal/render"
	"verordening/internal/source"
)

// built is what the current answers give: the decoded answers and the
// assembled documents, or the messages that stop them.
type built struct {
	key      string        // the answers file the rest was built from
	ready    chan struct{} // closed when the build is done
	ans      *answer.Answers
	out      *pipeline.Output
	messages []message
	empty    bool // there are no answers yet: messages says where to begin

	mu    sync.Mutex
	pages map[pageKey]*rendered // rendered previews, by tab and form
}

// pageKey names a rendered preview: the tab, whole page or fragment.
type pageKey struct {
	tab      string
	fragment bool
}

// rendered is a preview page as sent: its bytes and an entity tag. A page
// is rendered once per build; the script asks for it every two seconds,
// and with the tag the browser's repeated asks for an unchanged page cost
// a 304 and no body. (Gzip was tried and dropped: on loopback the
// client's inflating of 125 kB cost more than the bytes it saved; it took
// two thirds of the CPU profile of BenchmarkPreview, and p99 doubled.)
type rendered struct {
	raw  []byte
	etag string
}

func newRendered(page []byte) *rendered {
	sum := sha256.Sum256(page)
	return &rendered{raw: page, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// serve writes the page with its length, so that the body goes out
// unchunked; a client that has this version already gets 304 Not Modified.
func (p *rendered) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache") // always ask again: the answers change
	h.Set("ETag", p.etag)
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, p.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(p.raw)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(p.raw)
	}
}

// A message is one problem with the answers, linked to its question when
// it names one.
type message struct {
	Text string
	Link string // "/stap/<section>#<id>", or ""
}

// builtFor returns the documents for the answers file data. Assembly is
// a pure function of the file's bytes, so the last builds are kept: going
// back to an earlier answer costs nothing, and clients asking for the same
// answers at once wait for one build. It takes s.bmu, never s.mu, so a
// build does not hold up the other requests.
func (s *Server) builtFor(data []byte) *built {
	s.bmu.Lock()
	if b, ok := s.builds[string(data)]; ok { // the conversion does not copy
		s.bmu.Unlock()
		<-b.ready
		return b
	}
	key := string(data)
	b := &built{key: key, ready: make(chan struct{}), pages: map[pageKey]*rendered{}}
	if s.builds == nil {
		s.builds = map[string]*built{}
	}
	s.builds[key] = b
	s.order = append(s.order, key)
	if len(s.order) > maxBuilds {
		delete(s.builds, s.order[0])
		s.order = s.order[1:]
	}
	s.bmu.Unlock()
	defer close(b.ready)
	if len(bytes.TrimSpace(data)) == 0 {
		b.messages = []message{{Text: noAnswersYet, Link: "/stap/" + gemeenteSection + "#" + answer.GemeenteKey}}
		b.empty = true
		return b
	}
	ans, _, err := s.c.Decode(s.name, data)
	if err == nil {
		b.ans = ans
		b.out, err = s.c.Build(ans, nil)
	}
	if err != nil {
		b.messages = s.buildMessages(err)
	}
	return b
}

// buildMessages are the messages that stop a build of the wizard's
// answers, each linked to its question. A position in the wizard's own
// answers file is left out: it names a line of a file the user never saw.
func (s *Server) buildMessages(err error) []message {
	list, ok := err.(source.ErrorList)
	if !ok {
		m := messages(err)[0]
		return []message{{Text: m, Link: s.linkOf(m)}}
	}
	var out []message
	for _, e := range list {
		m := e.Error()
		text := m
		if e.Pos.File == s.name {
			text = strings.TrimPrefix(m, e.Pos.String()+": ")
		}
		out = append(out, message{Text: text, Link: s.linkOf(m)})
	}
	return out
}

// noAnswersYet is what the preview and the review say before the first
// answer.
const noAnswersYet = "Er zijn nog geen antwoorden. Begin bij de eerste stap: de naam van de gemeente."

// maxBuilds is how many builds builtFor keeps (each some hundred kB).
const maxBuilds = 16

// current is builtFor the current answers; the caller holds s.mu.
func (s *Server) current() *built { return s.builtFor(s.st.bytes()) }

// questionInMsg finds the question a CLI message is about: "file:1:2: id: …"
// or "… de vraag id is niet beantwoord".
var questionInMsg = regexp.MustCompile(`^\S+:\d+:\d+: ([a-z0-9_]+): |de vraag ([a-z0-9_]+) `)

func (s *Server) linkOf(msg string) string {
	m := questionInMsg.FindStringSubmatch(msg)
	if m == nil {
		if strings.Contains(msg, "gemeente") {
			return "/stap/" + gemeenteSection + "#" + answer.GemeenteKey
		}
		return ""
	}
	id := m[1] + m[2]
	return s.questionLink(id)
}

func (s *Server) questionLink(id string) string {
	if q := s.c.Questions.Lookup(id); q != nil && q.Section != nil {
		return "/stap/" + q.Section.ID + "#" + id
	}
	return ""
}

// tabs are the preview's documents, by the name in the address.
var tabs = []struct{ Name, Label string }{
	{"verordening", "Verordening"},
	{"beleidsregels", "Beleidsregels"},
	{"informatieblad", "Informatieblad"},
	{"dekking", "Dekkingsoverzicht"},
}

func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	s.servePreview(w, r, false)
}

// previewFragment is the preview's document alone, for the script that
// refreshes it without a page load.
func (s *Server) previewFragment(w http.ResponseWriter, r *http.Request) {
	s.servePreview(w, r, true)
}

// servePreview renders a tab once per build and serves the bytes after.
func (s *Server) servePreview(w http.ResponseWriter, r *http.Request, fragment bool) {
	tab := r.PathValue("doc")
	b := s.builtFor(*s.shown.Load())
	key := pageKey{tab, fragment}
	b.mu.Lock()
	page, ok := b.pages[key]
	b.mu.Unlock()
	if ok {
		page.serve(w, r)
		return
	}
	fields, code := s.previewData(b, tab)
	fields["Fragment"] = fragment
	rec := httptest.NewRecorder()
	s.render(rec, "preview", code, fields)
	if rec.Code != http.StatusOK {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
		return
	}
	page = newRendered(rec.Body.Bytes())
	b.mu.Lock()
	b.pages[key] = page
	b.mu.Unlock()
	page.serve(w, r)
}

func (s *Server) previewData(b *built, name string) (map[string]any, int) {
	data := map[string]any{"Title": "Voorbeeld", "Tabs": tabs, "Tab": name, "Current": "voorbeeld/verordening", "Messages": b.messages, "Empty": b.empty}
	if b.out == nil {
		return data, http.StatusOK
	}
	d := docOf(b.out, name)
	if d == nil {
		data["Missing"] = true
		return data, http.StatusNotFound
	}
	data["Title"] = "Voorbeeld: " + d.Title.Plain()
	if name == "dekking" {
		data["Coverage"] = s.coverageRows(b)
	}
	data["Doc"] = s.withTrace(d, b)
	return data, http.StatusOK
}

func docOf(out *pipeline.Output, name string) *document.Document {
	for _, d := range out.Docs {
		if string(d.Kind) == name {
			return d
		}
	}
	return nil
}

// A trace says why an article is there.
type trace struct {
	Clause   *clause.Clause
	Reason   string
	Answers  []traceAnswer
	Covers   []*clause.Requirement
	Basis    []string
	ArticleN string
}

type traceAnswer struct {
	ID, Text, Value, Link string
	Default               bool
}

// withTrace renders d's body as "build" does and puts, after each
// article's heading, a disclosure with its trace.
func (s *Server) withTrace(d *document.Document, b *built) template.HTML {
	body := render.Body(d)
	if d.Kind == "dekking" {
		return template.HTML(body)
	}
	var out bytes.Buffer
	for _, a := range d.Articles() {
		c := s.c.Library.Lookup(a.ID)
		if c == nil || a.Number == "" {
			continue
		}
		open := []byte(`<h3 id="artikel-` + a.Number + `">`)
		i := bytes.Index(body, open)
		if i < 0 {
			continue
		}
		j := bytes.Index(body[i:], []byte("</h3>"))
		if j < 0 {
			continue
		}
		cut := i + j + len("</h3>")
		out.Write(body[:cut])
		s.pages["preview"].ExecuteTemplate(&out, "trace", s.traceOf(c, a, b.ans))
		body = body[cut:]
	}
	out.Write(body)
	return template.HTML(out.String()) // render.Body escapes; the trace is html/template's
}

func (s *Server) traceOf(c *clause.Clause, a *document.Article, ans *answer.Answers) trace {
	t := trace{Clause: c, Reason: "Vaste bepaling: dit artikel staat in elke verordening.", ArticleN: a.Number}
	if c.When != nil && c.When.Src != "" {
		t.Reason = "Gekozen omdat geldt: " + c.When.Src
		for _, id := range c.When.Uses {
			q := s.c.Questions.Lookup(id)
			if q == nil {
				continue
			}
			v, ok := ans.Values[id]
			ta := traceAnswer{ID: id, Text: q.Text, Link: s.questionLink(id), Default: v.Default}
			if ok {
				ta.Value = plain(q.Show(v.V))
			} else {
				ta.Value = "niet gevraagd"
			}
			t.Answers = append(t.Answers, ta)
		}
	}
	for _, id := range c.Covers {
		if r := s.c.Library.Requirement(id); r != nil {
			t.Covers = append(t.Covers, r)
		}
	}
	for _, ref := range c.Basis {
		t.Basis = append(t.Basis, ref.String())
	}
	return t
}

// plain drops the Markdown escapes question.Show adds for free text.
func plain(s string) string { return document.ParseMarkdown(s).Plain() }

// A coverageRow is one legal requirement and the articles that meet it.
type coverageRow struct {
	Req      *clause.Requirement
	Basis    string
	Articles []articleLink
	Covered  bool
}

type articleLink struct{ Number, Link string }

func (s *Server) coverageRows(b *built) []coverageRow {
	var out []coverageRow
	for _, r := range b.out.Result.Coverage.Rows {
		row := coverageRow{Req: r.Req, Basis: r.Req.Basis.String(), Covered: r.Covered()}
		for _, a := range r.Articles {
			if a != nil && a.Number != "" {
				row.Articles = append(row.Articles, articleLink{a.Number, "/voorbeeld/verordening#artikel-" + a.Number})
			}
		}
		out = append(out, row)
	}
	return out
}
