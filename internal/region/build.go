package region

import (
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"sync"

	"verordening/internal/answer"
	"verordening/internal/pipeline"
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
	// Conflicts names the consistency rules the answers break; Problems
	// places every unmet need and broken rule at the answers to change.
	Conflicts []string
	Problems  source.ErrorList
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

// HeapLimit is the soft memory limit that TuneGC sets.
const HeapLimit = 150 << 20

// TuneGC sets the garbage collector for a process that builds a region,
// and returns the function that restores the settings. The region command
// calls it; a library function never changes the process's settings.
//
// The collector then lets the heap grow to five times the live data
// instead of twice, under a soft limit of [HeapLimit]: a gemeente's build
// is mostly short-lived garbage, and collecting it less often saves time
// (BenchmarkRegion runs with these settings, as the command does). Peak memory for 342 gemeenten stays far
// below the 200 MB the region command may use.
func TuneGC() (restore func()) {
	percent := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(HeapLimit)
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// Build builds every gemeente with two workers per CPU and
// returns the results in the order of the file. With emit nil, documents
// are built and checked but not rendered. The content's cache
// (pipeline.Content.Cache) carries what the gemeenten share.
func Build(c *pipeline.Content, f *File, formats []string, emit Emit) (*Overview, error) {
	if err := checkSlugs(f); err != nil {
		return nil, err
	}
	base, err := c.Build(f.Basis, nil)
	if err != nil {
		return nil, fmt.Errorf("de basis van de regio: %w", err)
	}
	ov := &Overview{File: f, Base: base.Result.Verordening, Results: make([]*Result, len(f.Gemeenten)), Library: c.Library}
	if emit != nil {
		ov.Formats = formats
	}
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
	cov := out.Result.Coverage
	r := &Result{Gemeente: g, Slug: pipeline.Slug(g.Name), Missing: cov.Missing(),
		Problems: cov.Problems(g.Answers, source.SevError)}
	for _, f := range cov.Conflicts {
		r.Conflicts = append(r.Conflicts, f.ID)
	}
	r.Equal, r.Total = compare(f.Basis, g.Answers)
	r.Articles = articleHashes(out.Result.Verordening, g.Name, f.Regio)
	if emit != nil {
		if err := emit(r.Slug, out.Files); err != nil {
			return nil, err
		}
	}
	return r, nil
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
