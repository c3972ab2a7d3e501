package assemble

import (
	"fmt"
	"strings"
	"sync"
	"text/template"

	"verordening/internal/clause"
	"verordening/internal/format"
	"verordening/internal/source"
)

// The documents laid out from data rather than clauses (the
// dekkingsoverzicht, the vragenlijst and, in package region, the
// harmonisatieoverzicht) take their prose from frame templates in
// templates/<folder>/ (clause.ReportFrames), which load with the
// verordening's frames: parsed into the library's set, with the same
// checks on functions and names.

// RequiredFrames are the frame templates those documents cannot do
// without; CheckFrames reports any that is missing when the content pack
// loads, rather than when a document first needs it.
var RequiredFrames = []string{
	"templates/dekking/titel.md.tmpl",
	"templates/dekking/onderwerp.md.tmpl",
	"templates/dekking/inleiding.md.tmpl",
	"templates/dekking/eisen.md.tmpl",
	"templates/dekking/elders.md.tmpl",
	"templates/dekking/samenhang.md.tmpl",
	"templates/vragenlijst/titel.md.tmpl",
	"templates/vragenlijst/onderwerp.md.tmpl",
	"templates/vragenlijst/inleiding.md.tmpl",
	"templates/vragenlijst/onderdeel.md.tmpl",
	"templates/vragenlijst/vraag.md.tmpl",
	"templates/harmonisatie/titel.md.tmpl",
	"templates/harmonisatie/onderwerp.md.tmpl",
	"templates/harmonisatie/inleiding.md.tmpl",
	"templates/harmonisatie/samenvatting.md.tmpl",
	"templates/harmonisatie/afwijkingen.md.tmpl",
	"templates/harmonisatie/in-te-vullen.md.tmpl",
	"templates/harmonisatie/artikelen.md.tmpl",
	"templates/index/titel.md.tmpl",
	"templates/index/inleiding.md.tmpl",
}

// CheckFrames reports each of the RequiredFrames the library lacks, at its
// file.
func CheckFrames(lib *clause.Library) error {
	var errs source.ErrorList
	for _, name := range RequiredFrames {
		if !lib.HasTemplate(name) {
			errs.Add(source.Pos{File: name}, "dit documentkader ontbreekt; zet het bestand terug (de ingebouwde versie staat in templates/ van het project)")
		}
	}
	return errs.Err()
}

// Frames runs the frame templates of one document laid out from data. It
// keeps the first error, so that a document can be laid out in one go and
// checked once with Err.
type Frames struct {
	r    *clause.Runner
	err  error
	pool *sync.Pool // where r goes back on Release; nil for NewFrames
}

// NewFrames binds the formatting functions of the clauses; the functions
// that depend on a gemeente's build fail when called.
func NewFrames(lib *clause.Library) *Frames {
	return &Frames{r: framesRunner(lib)}
}

// framesRunner is a runner of lib's templates with the functions of the
// frames. Making one clones the whole template set.
func framesRunner(lib *clause.Library) *clause.Runner {
	fm := pureFuncs()
	for _, name := range clause.BuildFuncs {
		fm[name] = func(...any) (string, error) {
			return "", fmt.Errorf("de functie %s hoort bij de clausules van een gemeente en werkt niet in dit documentkader", name)
		}
	}
	return lib.NewRunner(fm, clause.DefaultLimits)
}

// Frames is NewFrames for the library of c, with a runner that earlier
// frames of c used and gave back with Release: each build lays out its
// dekkingsoverzicht and index page from frames, and cloning the template
// set for each took a fourteenth of a region build. A nil c makes a new
// runner.
func (c *Cache) Frames(lib *clause.Library) *Frames {
	if c == nil {
		return NewFrames(lib)
	}
	c.check(lib)
	r, _ := c.runners.Get().(*clause.Runner)
	if r == nil {
		r = framesRunner(lib)
	}
	return &Frames{r: r, pool: &c.runners}
}

// Release gives the runner back to the cache it came from; f is not used
// after.
func (f *Frames) Release() {
	if f.pool != nil {
		f.pool.Put(f.r)
		f.r, f.pool = nil, nil
	}
}

// Err is the first error a frame gave.
func (f *Frames) Err() error { return f.err }

// Text runs frame name on data and returns its Markdown, trimmed.
func (f *Frames) Text(name string, data any) string {
	if f.err != nil {
		return ""
	}
	out, err := f.r.Execute(name, data)
	f.err = err
	return strings.TrimSpace(out)
}

// Section runs a frame that holds one section: its first line is the
// heading ("## Eisen aan de verordening"), the rest the text.
func (f *Frames) Section(name string, data any) (title, text string) {
	out := f.Text(name, data)
	if f.err != nil {
		return "", ""
	}
	head, rest, _ := strings.Cut(out, "\n")
	title, ok := strings.CutPrefix(head, "## ")
	if !ok {
		f.err = &source.Error{Pos: source.Pos{File: name, Line: 1}, Msg: `de eerste regel van dit documentkader moet het opschrift van het onderdeel zijn, zoals "## Samenvatting per gemeente"`}
		return "", ""
	}
	return strings.TrimSpace(title), strings.TrimSpace(rest)
}

// List runs a frame that writes a list, one item a line starting with
// "- " (a line that does not continues the item before it), and returns
// the items' Markdown.
func (f *Frames) List(name string, data any) []string {
	var items []string
	for line := range strings.SplitSeq(f.Text(name, data), "\n") {
		if item, ok := strings.CutPrefix(line, "- "); ok {
			items = append(items, item)
		} else if len(items) > 0 {
			items[len(items)-1] += "\n" + line
		} else if strings.TrimSpace(line) != "" && f.err == nil {
			f.err = &source.Error{Pos: source.Pos{File: name, Line: 1}, Msg: `dit documentkader schrijft een opsomming; begin elke regel met "- "`}
		}
	}
	return items
}

// pureFuncs are the template functions that format numbers, dates and
// lists (clause.PureFuncs).
func pureFuncs() template.FuncMap {
	return template.FuncMap{
		"bedrag":  num(format.Bedrag),
		"procent": num(format.Procent),
		"getal":   num(format.Getal),
		"woord":   num(format.Woord),
		"datum":   format.Datum,
		"lijst":   func(items []string) string { return format.Join(items, "en") },
		"lijstof": func(items []string) string { return format.Join(items, "of") },
	}
}
