package web

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"verordening/internal/answer"
	"verordening/internal/output"
	"verordening/internal/question"
	"verordening/internal/source"
)

// commit makes next the current answers and, with --answers, writes them
// to that file atomically. It is the only place the server writes.
func (s *Server) commit(next *state) error {
	if s.cfg.AnswersFile != "" {
		if err := output.WriteFile(s.cfg.AnswersFile, next.bytes()); err != nil {
			return err
		}
	}
	s.st = next
	s.publish()
	return nil
}

// publish makes s.st the answers the preview shows; the caller holds s.mu.
func (s *Server) publish() {
	data := s.st.bytes()
	s.shown.Store(&data)
}

// read reads a whole answers file as the state that would replace the
// current one, checked by the CLI's decoder for drafts: unknown keys,
// duplicates and wrong values refuse it, at their file:line:col; questions
// left open do not.
func (s *Server) read(name string, data []byte) (*state, error) {
	if _, err := answer.DecodePartial(name, data, s.c.Questions); err != nil {
		return nil, err
	}
	root, err := question.ParseYAML(name, data)
	if err != nil {
		return nil, err
	}
	next := newState(s.c.Questions, s.name)
	if err := next.load(root); err != nil {
		return nil, err
	}
	return next, nil
}

// messages returns the lines the CLI prints for err.
func messages(err error) []string {
	if list, ok := err.(source.ErrorList); ok {
		var out []string
		for _, e := range list {
			out = append(out, e.Error())
		}
		return out
	}
	return []string{source.OSError(err).Error()}
}

func (s *Server) filesPage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.showFiles(w, nil, "", http.StatusOK)
}

func (s *Server) showFiles(w http.ResponseWriter, errs []string, done string, code int) {
	b := s.current()
	s.render(w, "files", code, map[string]any{
		"Title": "Bestanden", "Current": "bestanden", "Errors": errs, "Done": done,
		"Ready": b.out != nil, "PDF": s.cfg.PDF, "AnswersFile": s.cfg.AnswersFile,
	})
}

// upload replaces the answers by an uploaded file.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, hdr, err := r.FormFile("bestand")
	if err != nil {
		s.showFiles(w, []string{"Kies een antwoordbestand (YAML) om te uploaden."}, "", http.StatusUnprocessableEntity)
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxUpload+1))
	if err != nil {
		s.showFiles(w, []string{"Het bestand kan niet worden gelezen; probeer het opnieuw."}, "", http.StatusBadRequest)
		return
	}
	if len(data) > MaxUpload {
		http.Error(w, "Het bestand is te groot.", http.StatusRequestEntityTooLarge)
		return
	}
	name := filepath.Base(strings.ReplaceAll(hdr.Filename, `\`, "/"))
	next, err := s.read(name, data)
	if err != nil {
		s.showFiles(w, messages(err), "", http.StatusUnprocessableEntity)
		return
	}
	if err := s.commit(next); err != nil {
		s.showFiles(w, []string{err.Error()}, "", http.StatusInternalServerError)
		return
	}
	s.showFiles(w, nil, "De antwoorden uit "+name+" zijn geladen.", http.StatusOK)
}

func (s *Server) downloadAnswers(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	data := s.st.bytes()
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="antwoorden.yaml"`)
	w.Write(data)
}

var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// zipFormats are the formats in the zip; PDF needs Chromium (see Config.PDF).
var zipFormats = []string{"md", "html", "docx"}

func (s *Server) downloadZip(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	b := s.current()
	s.mu.Unlock()
	if b.out == nil {
		http.Redirect(w, r, "/overzicht", http.StatusSeeOther)
		return
	}
	fmts := zipFormats
	if s.cfg.PDF && s.c.Printer != nil {
		fmts = append(fmts[:len(fmts):len(fmts)], "pdf")
	}
	out, err := s.c.Build(b.ans, fmts)
	if err != nil {
		http.Error(w, strings.Join(messages(err), "\n"), http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range out.Files {
		// A fixed, valid date: the same answers give the same zip.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: zipTime})
		if err == nil {
			_, err = fw.Write(f.Data)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	if err := zw.Close(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="documenten.zip"`)
	w.Write(buf.Bytes())
}
