// Package web serves the questionnaire as a local web wizard: one page per
// section, a review, and a live preview of the documents with, beside each
// article, why it is there. It edits one answers file and renders with the
// same pipeline as "verordening build".
package web

//go:generate go run ./nds/gen

import (
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"verordening/internal/pipeline"
	"verordening/internal/region"
	"verordening/internal/source"
)

//go:embed templates/*.html assets/app.js assets/wizard.css assets/nds.css assets/LICENSE-*.md
var files embed.FS

// Limits on what a client may send.
const (
	MaxForm   = 256 << 10         // a section's form
	MaxUpload = source.MaxFile    // an uploaded answers file, as the CLI reads
	maxBody   = MaxUpload + 8<<10 // the multipart envelope around it
)

// Config says what a Server edits.
type Config struct {
	Content *pipeline.Content
	// AnswersFile, when set, receives every change, written atomically;
	// Initial holds its contents when it exists.
	AnswersFile string
	Initial     []byte
	// Host is the host part of the listen address: the Host header a
	// request must carry (besides localhost and 127.0.0.1).
	Host string
	// Region, when set, is browsable under /regio: the harmonisatie
	// overview and each gemeente's documents.
	Region *region.File
	// PDF reports whether the zip of documents can hold PDF (Chromium
	// found); the page says so when it cannot.
	PDF bool
}

// Server is the wizard. Its methods are safe for concurrent use.
type Server struct {
	cfg   Config
	c     *pipeline.Content
	csrf  string
	pages map[string]*template.Template
	mux   *http.ServeMux

	mu sync.Mutex // guards st and the memo of values
	st *state
	// shown is st.bytes() as last committed: the preview reads it without
	// s.mu, so that it does not queue behind the posts of other tabs.
	shown atomic.Pointer[[]byte]

	memo map[string]*decoded // by answers file; see values
	// name is the file name the answers' messages give.
	name string

	region *regionView // nil without Config.Region

	bmu    sync.Mutex // guards builds and order
	builds map[string]*built
	order  []string // keys of builds, oldest first
}

// New makes a server for cfg. An Initial file that cannot be read is
// refused with the CLI's positioned messages.
func New(cfg Config) (*Server, error) {
	tok := make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	name := cfg.AnswersFile
	if name == "" {
		name = "antwoorden.yaml"
	}
	s := &Server{cfg: cfg, c: cfg.Content, csrf: hex.EncodeToString(tok), st: newState(cfg.Content.Questions, name), name: name, memo: map[string]*decoded{}}
	if len(cfg.Initial) > 0 {
		st, err := s.read(name, cfg.Initial)
		if err != nil {
			return nil, err
		}
		s.st = st
	}
	s.publish()
	if cfg.Region != nil {
		if err := s.loadRegion(cfg.Region); err != nil {
			return nil, err
		}
	}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) parseTemplates() error {
	s.pages = map[string]*template.Template{}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return err
	}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html", n)
		if err != nil {
			return err
		}
		s.pages[strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")] = t
	}
	return nil
}

var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("GET /stap/{id}", s.sectionPage)
	m.HandleFunc("POST /stap/{id}", s.sectionPost)
	m.HandleFunc("GET /overzicht", s.review)
	m.HandleFunc("GET /voorbeeld/{doc}", s.preview)
	m.HandleFunc("GET /voorbeeld/{doc}/fragment", s.previewFragment)
	m.HandleFunc("GET /bestanden", s.filesPage)
	m.HandleFunc("GET /regio", s.regionPage)
	m.HandleFunc("GET /regio/{slug}/{doc}", s.regionDoc)
	m.HandleFunc("POST /bestanden", s.upload)
	m.HandleFunc("GET /antwoorden.yaml", s.downloadAnswers)
	m.HandleFunc("GET /documenten.zip", s.downloadZip)
	assets, _ := fs.Sub(files, "assets")
	m.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(assets)))
	s.mux = m
}

// ServeHTTP checks the Host header, the size of the request and, on a
// POST, the CSRF token, and sets the security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if !s.hostAllowed(r.Host) {
		http.Error(w, "Onbekende host in het verzoek; open de wizard via het adres dat \"verordening serve\" toont.", http.StatusMisdirectedRequest)
		return
	}
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if !s.tokenOK(w, r) {
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// hostAllowed accepts the listen host, localhost and the loopback
// addresses, with any port: a page of another site that a DNS name
// rebinds to 127.0.0.1 carries its own name and is refused.
func (s *Server) hostAllowed(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(host, "[]")
	switch strings.ToLower(host) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return s.cfg.Host != "" && strings.EqualFold(host, strings.Trim(s.cfg.Host, "[]"))
}

// tokenOK checks the form's CSRF token. It reads the form, so a body over
// the limit gives 413 here.
func (s *Server) tokenOK(w http.ResponseWriter, r *http.Request) bool {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		err = r.ParseMultipartForm(MaxForm)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		if _, big := err.(*http.MaxBytesError); big || strings.Contains(err.Error(), "too large") {
			http.Error(w, fmt.Sprintf("Het verzoek is te groot: ten hoogste %d kB.", MaxUpload>>10), http.StatusRequestEntityTooLarge)
			return false
		}
		http.Error(w, "Het formulier kan niet worden gelezen; laad de pagina opnieuw.", http.StatusBadRequest)
		return false
	}
	got := r.PostFormValue("csrf")
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.csrf)) != 1 {
		http.Error(w, "Het formulier is verlopen of komt niet van deze wizard; laad de pagina opnieuw en probeer het nog eens.", http.StatusForbidden)
		return false
	}
	return true
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/stap/"+gemeenteSection, http.StatusSeeOther)
}

// render executes a page template with the common data.
func (s *Server) render(w http.ResponseWriter, name string, code int, data map[string]any) {
	t := s.pages[name]
	data["CSRF"] = s.csrf
	data["Nav"] = s.nav(data)
	var b strings.Builder
	var err error
	if data["Fragment"] == true {
		err = t.ExecuteTemplate(&b, "document", data)
	} else {
		err = t.Execute(&b, data)
	}
	if err != nil {
		http.Error(w, "Interne fout bij het maken van de pagina: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprint(w, b.String())
}
