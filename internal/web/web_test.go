package web

import (
	"archive/zip"
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/question"
	"verordening/internal/region"
)

func loadContent(t testing.TB) *pipeline.Content { return pipelinetest.Content(t) }

// client drives a server through its handler, as a browser would.
type client struct {
	t    testing.TB
	h    http.Handler
	host string
}

func newClient(t testing.TB, cfg Config) *client {
	t.Helper()
	cfg.Content = loadContent(t)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &client{t: t, h: s, host: "127.0.0.1:8080"}
}

func (c *client) do(r *http.Request) (int, string, http.Header) {
	r.Host = c.host
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, r)
	return w.Code, w.Body.String(), w.Header()
}

func (c *client) get(path string) (int, string) {
	code, body, _ := c.do(httptest.NewRequest("GET", path, nil))
	return code, body
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// token reads the CSRF token from a page, as a browser sends it back.
func (c *client) token() string {
	_, body := c.get("/stap/gemeente")
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatal("no csrf field on /stap/gemeente")
	}
	return m[1]
}

func (c *client) post(path string, form url.Values) (int, string, http.Header) {
	if form.Get("csrf") == "" && form.Has("csrf") {
		form.Del("csrf")
	} else if !form.Has("csrf") {
		form.Set("csrf", c.token())
	}
	r := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(r)
}

func (c *client) upload(name string, data []byte, token bool) (int, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if token {
		mw.WriteField("csrf", c.token())
	}
	fw, _ := mw.CreateFormFile("bestand", name)
	fw.Write(data)
	mw.Close()
	r := httptest.NewRequest("POST", "/bestanden", &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	code, body, _ := c.do(r)
	return code, body
}

// complete answers what the embedded questionnaire needs beyond defaults.
func (c *client) complete() {
	c.t.Helper()
	for _, step := range []struct {
		path string
		form url.Values
	}{
		{"/stap/gemeente", url.Values{"gemeente": {"Testdorp"}}},
		{"/stap/slot", url.Values{"inwerkingtreding": {"2027-01-01"}}},
	} {
		if code, body, _ := c.post(step.path, step.form); code != http.StatusSeeOther {
			c.t.Fatalf("POST %s: %d\n%s", step.path, code, body)
		}
	}
	if _, body := c.get("/overzicht"); strings.Contains(body, "Nog niet klaar") {
		c.t.Fatalf("answers not complete:\n%s", body)
	}
}

func TestEveryPage(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	paths := []string{"/overzicht", "/bestanden", "/antwoorden.yaml", "/documenten.zip", "/assets/wizard.css", "/assets/app.js"}
	for _, sec := range c.h.(*Server).sections() {
		paths = append(paths, "/stap/"+sec.ID)
	}
	for _, tab := range tabs {
		paths = append(paths, "/voorbeeld/"+tab.Name, "/voorbeeld/"+tab.Name+"/fragment")
	}
	for _, p := range paths {
		code, _, h := c.do(httptest.NewRequest("GET", p, nil))
		if code != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", p, code)
		}
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
	}
	if code, _ := c.get("/stap/bestaat-niet"); code != http.StatusNotFound {
		t.Errorf("unknown section: %d, want 404", code)
	}
	if code, _, h := c.do(httptest.NewRequest("GET", "/", nil)); code != http.StatusSeeOther || h.Get("Location") != "/stap/gemeente" {
		t.Errorf("GET /: %d %s", code, h.Get("Location"))
	}
}

func TestSafety(t *testing.T) {
	c := newClient(t, Config{Host: "wizard.lan"})
	tests := []struct {
		name string
		req  func() *http.Request
		host string
		want int
	}{
		{"wrong host", func() *http.Request { return httptest.NewRequest("GET", "/stap/gemeente", nil) }, "evil.example:8080", http.StatusMisdirectedRequest},
		{"rebinding name", func() *http.Request { return httptest.NewRequest("GET", "/overzicht", nil) }, "127.0.0.1.evil.example", http.StatusMisdirectedRequest},
		{"listen host", func() *http.Request { return httptest.NewRequest("GET", "/overzicht", nil) }, "wizard.lan:8080", http.StatusOK},
		{"localhost", func() *http.Request { return httptest.NewRequest("GET", "/overzicht", nil) }, "localhost:8080", http.StatusOK},
		{"ipv6 loopback", func() *http.Request { return httptest.NewRequest("GET", "/overzicht", nil) }, "[::1]:8080", http.StatusOK},
		{"no csrf", func() *http.Request {
			r := httptest.NewRequest("POST", "/stap/gemeente", strings.NewReader("gemeente=Testdorp"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}, "127.0.0.1:8080", http.StatusForbidden},
		{"wrong csrf", func() *http.Request {
			r := httptest.NewRequest("POST", "/stap/gemeente", strings.NewReader("gemeente=Testdorp&csrf=00"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}, "127.0.0.1:8080", http.StatusForbidden},
		{"oversized form", func() *http.Request {
			r := httptest.NewRequest("POST", "/stap/gemeente", strings.NewReader("gemeente="+strings.Repeat("a", maxBody+1)))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}, "127.0.0.1:8080", http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.host = tt.host
			if code, body, _ := c.do(tt.req()); code != tt.want {
				t.Errorf("%d, want %d\n%s", code, tt.want, body)
			}
		})
	}
	c.host = "127.0.0.1:8080"
	if _, body := c.get("/overzicht"); strings.Contains(body, "Testdorp") {
		t.Error("a refused POST changed the answers")
	}
}

func TestOversizedUpload(t *testing.T) {
	c := newClient(t, Config{})
	code, body := c.upload("groot.yaml", bytes.Repeat([]byte("# x\n"), MaxUpload/4+1024), true)
	if code != http.StatusRequestEntityTooLarge {
		t.Fatalf("%d, want 413\n%s", code, body)
	}
	code, _ = c.upload("a.yaml", []byte("gemeente: Testdorp\n"), false)
	if code != http.StatusForbidden {
		t.Errorf("upload without csrf: %d, want 403", code)
	}
}

func TestBadUploadShowsPositions(t *testing.T) {
	c := newClient(t, Config{})
	code, body := c.upload("mijn.yaml", []byte("gemeente: Testdorp\ndoelgroep: [lks, onzin]\nonbekend: 1\n"), true)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("%d, want 422", code)
	}
	for _, want := range []string{`role="alert"`, "mijn.yaml:2:", "mijn.yaml:3:1: onbekende vraag"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q\n%s", want, body)
		}
	}
	if _, yaml := c.get("/antwoorden.yaml"); yaml != "" {
		t.Errorf("a refused upload changed the answers:\n%s", yaml)
	}
}

func TestHostileAnswersEscaped(t *testing.T) {
	c := newClient(t, Config{})
	hostile := `Test<script>alert(1)</script>"'&`
	code, body, _ := c.post("/stap/gemeente", url.Values{"gemeente": {hostile}})
	if code != http.StatusSeeOther {
		t.Fatalf("the name was refused: %d\n%s", code, body)
	}
	c.post("/stap/slot", url.Values{"inwerkingtreding": {"2027-01-01"}})
	for _, p := range []string{"/stap/gemeente", "/overzicht", "/voorbeeld/verordening", "/voorbeeld/informatieblad"} {
		_, body = c.get(p)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s shows the script unescaped", p)
		}
	}
	if !strings.Contains(body, "Test&lt;script&gt;") {
		t.Errorf("the name is not shown escaped")
	}
}

func TestValidationMessage(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	code, body, _ := c.post("/stap/slot", url.Values{"inwerkingtreding": {"2027-13-01"}})
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("%d, want 422", code)
	}
	for _, want := range []string{
		`role="alert"`,
		`href="#inwerkingtreding"`,
		`id="inwerkingtreding-fout">Fout: verwacht een datum die bestaat`,
		`aria-describedby="inwerkingtreding-hulp inwerkingtreding-fout" aria-invalid="true"`,
		`value="2027-13-01"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if _, yaml := c.get("/antwoorden.yaml"); !strings.Contains(yaml, "2027-01-01") {
		t.Errorf("a wrong value replaced the answer:\n%s", yaml)
	}
}

func TestConditionalAndDefaults(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	q := loadContent(t).Questions
	// A question with a condition is shown only when it applies.
	for _, sec := range q.Sections {
		_, body := c.get("/stap/" + sec.ID)
		s := c.h.(*Server)
		_, asked, _ := s.values(s.st)
		for _, qq := range sec.Questions {
			shown := strings.Contains(body, `data-question="`+qq.ID+`"`)
			if shown != asked[qq.ID] {
				t.Errorf("%s: shown %v, applies %v", qq.ID, shown, asked[qq.ID])
			}
		}
	}
	_, body := c.get("/overzicht")
	for _, want := range []string{"gegeven antwoord", "standaardwaarde", "Bestuurlijke keuzes die nog open staan", `href="/stap/slot#inwerkingtreding"`} {
		if !strings.Contains(body, want) {
			t.Errorf("review lacks %q", want)
		}
	}
}

func TestTrace(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	_, body := c.get("/voorbeeld/verordening")
	for _, want := range []string{"<details class=\"trace\">", "Waarom staat dit hier?", "Gekozen omdat geldt:", "Berust op: artikel", "Wettelijke eisen die het dekt:", "Vaste bepaling"} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	_, body = c.get("/voorbeeld/dekking")
	if !regexp.MustCompile(`href="/voorbeeld/verordening#artikel-\d+">artikel \d+</a>`).MatchString(body) {
		t.Error("dekkingsoverzicht does not link requirements to articles")
	}
}

func TestAnswersFileKeepsComments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "antwoorden.yaml")
	initial := "# Onze antwoorden\ngemeente: Testdorp # zo heet zij\ninwerkingtreding: 2027-01-01\n"
	c := newClient(t, Config{AnswersFile: path, Initial: []byte(initial)})
	if code, body, _ := c.post("/stap/slot", url.Values{"inwerkingtreding": {"2028-01-01"}}); code != http.StatusSeeOther {
		t.Fatalf("%d\n%s", code, body)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Onze antwoorden", "# zo heet zij", "inwerkingtreding: 2028-01-01"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("file lacks %q:\n%s", want, got)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the answers file", len(entries))
	}
	if _, err := New(Config{Content: loadContent(t), Initial: []byte("gemeente: X\nonzin: 1\n"), AnswersFile: "a.yaml"}); err == nil || !strings.Contains(err.Error(), "a.yaml:2:1:") {
		t.Errorf("bad initial file: %v", err)
	}
}

func TestZip(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	_, body := c.get("/documenten.zip")
	zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		if f.Modified.Year() != 2000 {
			t.Errorf("%s: date %v, want the fixed date", f.Name, f.Modified)
		}
		rc, _ := f.Open()
		n, _ := io.Copy(io.Discard, rc)
		if n == 0 {
			t.Errorf("%s is empty", f.Name)
		}
	}
	for _, want := range []string{"verordening.md", "verordening.html", "verordening.docx", "dekking.docx", "antwoorden.yaml"} {
		if !names[want] {
			t.Errorf("zip lacks %s (has %v)", want, names)
		}
	}
	if _, again := c.get("/documenten.zip"); again != body {
		t.Error("the same answers give a different zip")
	}
}

func TestRegion(t *testing.T) {
	c := loadContent(t)
	name, data, err := c.RegionExample("zaanstreek-waterland")
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := region.Parse(name, data, c.Questions)
	if err != nil {
		t.Fatal(err)
	}
	cl := newClient(t, Config{Region: f})
	code, body := cl.get("/regio")
	if code != http.StatusOK || !strings.Contains(body, "Regio "+f.Regio) {
		t.Fatalf("/regio: %d\n%s", code, body)
	}
	links := regexp.MustCompile(`href="(/regio/[^"/]+/verordening)"`).FindAllStringSubmatch(body, -1)
	if len(links) != len(f.Gemeenten) {
		t.Fatalf("%d gemeenten linked, want %d", len(links), len(f.Gemeenten))
	}
	for _, l := range links[:2] {
		for _, tab := range tabs {
			p := strings.TrimSuffix(l[1], "verordening") + tab.Name
			if code, body := cl.get(p); code != http.StatusOK || !strings.Contains(body, `<article class="document">`) {
				t.Errorf("%s: %d", p, code)
			}
		}
	}
	if code, _ := cl.get("/regio/bestaat-niet/verordening"); code != http.StatusNotFound {
		t.Errorf("unknown gemeente: %d", code)
	}
}

// TestMeerkeuzeDefault: a list question keeps its default while the
// "standaardwaarde" box is ticked, and takes the options ticked otherwise.
func TestMeerkeuzeDefault(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	var mq *question.Question
	for _, q := range loadContent(t).Questions.Questions {
		if q.Type == question.Meerkeuze && q.Default != nil && q.When == nil {
			mq = q
			break
		}
	}
	if mq == nil {
		t.Skip("the questionnaire has no list question with a default that is always asked")
	}
	path := "/stap/" + mq.Section.ID
	tests := []struct {
		form  url.Values
		given bool
		want  string
	}{
		{url.Values{mq.ID + ".standaard": {"1"}, mq.ID: {mq.Options[0].Value}}, false, ""},
		{url.Values{mq.ID: {mq.Options[0].Value}}, true, mq.ID + ": [" + mq.Options[0].Value + "]"},
		{url.Values{mq.ID + ".standaard": {"1"}}, false, ""},
	}
	for i, tt := range tests {
		if code, body, _ := c.post(path, tt.form); code != http.StatusSeeOther {
			t.Fatalf("%d: %d\n%s", i, code, body)
		}
		_, yaml := c.get("/antwoorden.yaml")
		if got := strings.Contains(yaml, mq.ID+":"); got != tt.given || !strings.Contains(yaml, tt.want) {
			t.Errorf("%d: answers file\n%s\nwant given %v, %q", i, yaml, tt.given, tt.want)
		}
	}
}

// TestPreviewCaching: a preview is sent with its length and an entity
// tag; asking again with the tag gives 304 until an answer changes it.
func TestPreviewCaching(t *testing.T) {
	c := newClient(t, Config{})
	c.complete()
	get := func(path, etag string) (int, string, http.Header) {
		r := httptest.NewRequest("GET", path, nil)
		if etag != "" {
			r.Header.Set("If-None-Match", etag)
		}
		return c.do(r)
	}
	for _, path := range []string{"/voorbeeld/verordening", "/voorbeeld/dekking/fragment"} {
		code, body, h := get(path, "")
		etag := h.Get("ETag")
		if code != http.StatusOK || etag == "" || h.Get("Content-Length") != strconv.Itoa(len(body)) || h.Get("Cache-Control") != "no-cache" {
			t.Fatalf("GET %s: %d, ETag %q, Content-Length %q for %d bytes, Cache-Control %q", path, code, etag, h.Get("Content-Length"), len(body), h.Get("Cache-Control"))
		}
		if code, body, _ := get(path, etag); code != http.StatusNotModified || body != "" {
			t.Errorf("GET %s with its tag: %d, %d bytes; want 304 without a body", path, code, len(body))
		}
		if code, _, _ := get(path, `"ander"`); code != http.StatusOK {
			t.Errorf("GET %s with another tag: %d, want 200", path, code)
		}
	}
	_, before, h := get("/voorbeeld/verordening", "")
	if code, body, _ := c.post("/stap/gemeente", url.Values{"gemeente": {"Anderdorp"}}); code != http.StatusSeeOther {
		t.Fatalf("%d %s", code, body)
	}
	code, after, _ := get("/voorbeeld/verordening", h.Get("ETag"))
	if code != http.StatusOK || after == before || !strings.Contains(after, "Anderdorp") {
		t.Errorf("after a change, the old tag gives %d and the page %s Anderdorp", code, map[bool]string{true: "names", false: "does not name"}[strings.Contains(after, "Anderdorp")])
	}
}

// TestPreviewBeforeAnswers: before the first answer the preview and the
// review say where to begin, linked to the gemeente's name, instead of
// the CLI's message about an empty file; a message about the wizard's own
// answers names no line of a file the user never saw, and links to its
// question.
func TestPreviewBeforeAnswers(t *testing.T) {
	c := newClient(t, Config{})
	for _, path := range []string{"/voorbeeld/verordening", "/overzicht"} {
		_, body := c.get(path)
		if !strings.Contains(body, `<a class="utrecht-link" href="/stap/gemeente#gemeente">`+noAnswersYet+`</a>`) {
			t.Errorf("%s does not say where to begin:\n%s", path, body)
		}
		if strings.Contains(body, `role="alert"`) || strings.Contains(body, "utrecht-alert--error") {
			t.Errorf("%s shows no answers yet as an error", path)
		}
		if strings.Contains(body, "moet een lijst") {
			t.Errorf("%s shows the message about an empty file", path)
		}
	}
	if code, body, _ := c.post("/stap/gemeente", url.Values{"gemeente": {"Testdorp"}}); code != http.StatusSeeOther {
		t.Fatalf("POST /stap/gemeente: %d\n%s", code, body)
	}
	_, body := c.get("/voorbeeld/verordening")
	if !strings.Contains(body, "Het voorbeeld kan nog niet worden gemaakt") {
		t.Fatalf("with only the name, the preview is made:\n%s", body)
	}
	if m := regexp.MustCompile(`<li><a class="utrecht-link" href="/stap/[^"]+">[^<]*\.yaml:\d+:\d+: `).FindString(body); m != "" {
		t.Errorf("a message names a position in the wizard's file: %s", m)
	}
	if !strings.Contains(body, `href="/stap/slot#`) {
		t.Errorf("no message links to the question that is missing:\n%s", body)
	}
}
