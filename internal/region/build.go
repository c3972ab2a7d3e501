package region

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
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

// HeapLimit is the soft memory limit while a region builds; see Build.
const HeapLimit = 150 << 20

// Build builds every gemeente with two workers per CPU and
// returns the results in the order of the file. With emit nil, documents
// are built and checked but not rendered.
//
// While it runs, the garbage collector lets the heap grow to five times
// the live data instead of twice, under a soft limit of [HeapLimit]: a
// gemeente's build is mostly short-lived garbage, and collecting it less
// often saves about a quarter of the time. Peak memory for 342 gemeenten
// stays far below the 200 MB the region command may use. The settings are
// the process's: work running beside Build shares them until it returns.
func Build(c *pipeline.Content, f *File, formats []string, emit Emit) (*Overview, error) {
	if err := checkSlugs(f); err != nil {
		return nil, err
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(HeapLimit))
	base, err := c.Build(f.Basis, nil)
	if err != nil {
		return nil, fmt.Errorf("de basis van de regio: %w", err)
	}
	ov := &Overview{File: f, Base: base.Result.Verordening, Results: make([]*Result, len(f.Gemeenten))}
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
		text = replaceArticleRefs(text, ids)
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

// replaceArticleRefs replaces the number in every "artikel N" and
// "artikelen N" of s (N digits with an optional lowercase letter, as in
// "22a") by ids[N], where ids has it. It is the regular expression
// \bartikel(?:en)? [0-9]+[a-z]?\b written out: the regexp engine took a
// twentieth of a region build for it.
func replaceArticleRefs(s string, ids map[string]string) string {
	const word = "artikel"
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			break
		}
		start := i + j
		i = start + 1
		if start > 0 && isWordByte(s[start-1]) {
			continue
		}
		k := start + len(word)
		if strings.HasPrefix(s[k:], "en") {
			k += 2
		}
		if k >= len(s) || s[k] != ' ' {
			continue
		}
		k++
		numStart := k
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k == numStart {
			continue
		}
		if k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
			k++
		}
		if k < len(s) && isWordByte(s[k]) {
			continue
		}
		id, ok := ids[s[numStart:k]]
		if !ok {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 64)
		}
		b.WriteString(s[last:numStart])
		b.WriteString(id)
		last, i = k, k
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isWordByte reports whether c is an ASCII word character, as \b in Go's
// regular expressions counts them.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
