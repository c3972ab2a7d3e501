package region

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"verordening/internal/answer"
	"verordening/internal/document"
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

// Build builds every gemeente with two workers per CPU and
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
	// Twice as many workers as CPUs: while one waits for the disk, another
	// builds. Memory stays bounded by the number of workers.
	for range 2 * runtime.GOMAXPROCS(0) {
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
	r := &Result{Gemeente: g, Slug: pipeline.Slug(g.Name), Missing: out.Result.Coverage.Missing()}
	r.Equal, r.Total = compare(f.Basis, g.Answers)
	r.Articles = articleHashes(out.Result.Verordening, g.Name, f.Regio)
	if emit != nil {
		if err := emit(r.Slug, out.Files); err != nil {
			return nil, err
		}
	}
	return r, nil
}

var articleRef = regexp.MustCompile(`\bartikel(?:en)? [0-9]+[a-z]?\b`)

// articleHashes hashes each article's text with the names of the region
// and the gemeente blanked out and every article number replaced by the clause id
// it stands for, so that only real differences count: an extra article in
// one gemeente renumbers the articles after it without changing them.
func articleHashes(d *document.Document, gemeente, regio string) map[string][32]byte {
	ids := map[string]string{}
	for _, a := range d.Articles() {
		ids[a.Number] = a.ID
	}
	out := map[string][32]byte{}
	for _, a := range d.Articles() {
		// The region's name first: a gemeente's name may be part of it
		// ("Waterland" in "Zaanstreek-Waterland").
		text := strings.ReplaceAll(render.ArticleMarkdown(a), format.EscapeMarkdown(regio), "\x00")
		text = strings.ReplaceAll(text, format.EscapeMarkdown(gemeente), "\x00")
		text = articleRef.ReplaceAllStringFunc(text, func(m string) string {
			word, num, _ := strings.Cut(m, " ")
			if id, ok := ids[num]; ok {
				return word + " " + id
			}
			return m
		})
		out[a.ID] = sha256.Sum256([]byte(a.ID + "\x00" + text))
	}
	return out
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
