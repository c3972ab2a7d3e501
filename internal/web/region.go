package web

import (
	"html/template"
	"net/http"
	"sync"

	"verordening/internal/pipeline"
	"verordening/internal/region"
	"verordening/internal/render"
)

// regionView is a region file made browsable: the harmonisatie overview
// and each gemeente's documents, built when first asked for.
type regionView struct {
	file     *region.File
	overview template.HTML
	results  []*region.Result

	mu    sync.Mutex
	built map[string]*pipeline.Output // by slug
}

func (s *Server) loadRegion(f *region.File) error {
	o, err := region.Build(s.c, f, nil, nil)
	if err != nil {
		return err
	}
	d, err := o.Document()
	if err != nil {
		return err
	}
	s.region = &regionView{file: f, overview: template.HTML(render.Body(d)), results: o.Results, built: map[string]*pipeline.Output{}}
	return nil
}

func (s *Server) regionPage(w http.ResponseWriter, r *http.Request) {
	if s.region == nil {
		s.notFound(w)
		return
	}
	s.render(w, "region", http.StatusOK, map[string]any{
		"Title": "Regio " + s.region.file.Regio, "Current": "regio",
		"Results": s.region.results, "Doc": s.region.overview,
	})
}

func (s *Server) regionDoc(w http.ResponseWriter, r *http.Request) {
	rv := s.region
	if rv == nil {
		s.notFound(w)
		return
	}
	slug, name := r.PathValue("slug"), r.PathValue("doc")
	var res *region.Result
	for _, x := range rv.results {
		if x.Slug == slug {
			res = x
		}
	}
	if res == nil {
		s.notFound(w)
		return
	}
	out, err := rv.output(s.c, res)
	if err != nil {
		s.render(w, "problem", http.StatusOK, map[string]any{"Title": res.Gemeente.Name, "Messages": messages(err)})
		return
	}
	d := docOf(out, name)
	if d == nil {
		s.notFound(w)
		return
	}
	s.render(w, "region", http.StatusOK, map[string]any{
		"Title": d.Title.Plain(), "Current": "regio", "Gemeente": res, "Tabs": tabs, "Tab": name,
		"Results": rv.results, "Doc": template.HTML(render.Body(d)),
	})
}

func (rv *regionView) output(c *pipeline.Content, res *region.Result) (*pipeline.Output, error) {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	if out := rv.built[res.Slug]; out != nil {
		return out, nil
	}
	out, err := c.Build(res.Gemeente.Answers, nil)
	if err != nil {
		return nil, err
	}
	rv.built[res.Slug] = out
	return out, nil
}
