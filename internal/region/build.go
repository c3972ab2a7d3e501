package region

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"verordening/internal/answer"
	"verordening/internal/format"
	"verordening/internal/pipeline"
	"verordening/internal/render"
	"verordening/internal/source"
)

// A Result is what the overview needs of one gemeente's build; the
// documents themselves are handed to emit and not kept, so memory stays
// bounded by the number of workers, not the number of gemeenten.
type Result struct {
	Gemeente *Gemeente
	Slug     string
	Equal    int                 // answers equal to the basis
	Total    int                 // answers asked in the gemeente or the basis
	Articles map[string][32]byte // clause id → hash of the article text
	Missing  []string            // uncovered requirements
}

// Share is the share of answers equal to the basis, in percent.
func (r *Result) Share() float64 {
	if r.Total == 0 {
		return 100
	}
	return 100 * float64(r.Equal) / float64(r.Total)
}

// Emit receives one gemeente's files; it is called from several
// goroutines at once.
type Emit func(slug string, files []pipeline.File) error

// Build builds every gemeente with as many workers as there are CPUs and
// returns the results in the order of the file. With emit nil, documents
// are built and checked but not rendered.
func Build(c *pipeline.Content, f *File, formats []string, emit Emit) (*Overview, error) {
	if err := checkSlugs(f); err != nil {
		return nil, err
	}
	base, err := c.Build(f.Basis, nil)
	if err != nil {
		return nil, fmt.Errorf("de basis van de regio: %w", err)
	}
	ov := &Overview{File: f, Base: base.Result.Verordening, Results: make([]*Result, len(f.Gemeenten))}
	jobs := make(chan int)
	errs := make([]error, len(f.Gemeenten))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				ov.Results[i], errs[i] = buildOne(c, f, f.Gemeenten[i], formats, emit)
			}
		}()
	}
	for i := range f.Gemeenten {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var list source.ErrorList
	for i, err := range errs {
		if err != nil {
			list.Append(f.Gemeenten[i].Pos, fmt.Errorf("%s: %w", f.Gemeenten[i].Name, err))
		}
	}
	return ov, list.Err()
}

func buildOne(c *pipeline.Content, f *File, g *Gemeente, formats []string, emit Emit) (*Result, error) {
	if emit == nil {
		formats = nil
	}
	out, err := c.Build(g.Answers, formats)
	if err != nil {
		return nil, err
	}
	r := &Result{Gemeente: g, Slug: pipeline.Slug(g.Name), Articles: map[string][32]byte{}, Missing: out.Result.Coverage.Missing()}
	r.Equal, r.Total = compare(f.Basis, g.Answers)
	for _, a := range out.Result.Verordening.Articles() {
		r.Articles[a.ID] = articleHash(a.ID, render.ArticleMarkdown(a), g.Name, f.Regio)
	}
	if emit != nil {
		if err := emit(r.Slug, out.Files); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// articleHash hashes an article's text with the gemeente's name put back
// to the region's, so that only real differences count.
func articleHash(id, text, gemeente, regio string) [32]byte {
	text = strings.ReplaceAll(text, format.EscapeMarkdown(gemeente), format.EscapeMarkdown(regio))
	return sha256.Sum256([]byte(id + "\x00" + text))
}

// compare counts the questions asked in either answer set and those with
// equal values.
func compare(basis, g *answer.Answers) (equal, total int) {
	for _, q := range basis.Questionnaire().Questions {
		bv, inB := basis.Values[q.ID]
		gv, inG := g.Values[q.ID]
		if !inB && !inG {
			continue
		}
		total++
		if inB && inG && reflect.DeepEqual(bv.V, gv.V) {
			equal++
		}
	}
	return equal, total
}

func checkSlugs(f *File) error {
	var errs source.ErrorList
	seen := map[string]string{}
	for _, g := range f.Gemeenten {
		s := pipeline.Slug(g.Name)
		if prev, ok := seen[s]; ok {
			errs.Add(g.Pos, "%s krijgt dezelfde map (%s) als %s; geef de gemeenten verschillende namen", g.Name, s, prev)
		}
		seen[s] = g.Name
	}
	return errs.Err()
}
