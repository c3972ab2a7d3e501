package clause

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"sync"
	"text/template"
	"text/template/parse"

	"gopkg.in/yaml.v3"

	"verordening/internal/question"
	"verordening/internal/source"
)

// Texts are the clause files and frames of a content pack, read and
// parsed: the part of loading that needs no questionnaire. Each file is
// read on its own, side by side with the others, and pipeline reads them
// while the questions load; Load then takes them in order. Parsing the
// templates and their front matter is most of the time a run needs to
// start.
type Texts struct {
	dirs []textDir
	// frames are the document frames (templates/<document>/*.md.tmpl):
	// they join the clauses' template set under their paths.
	frames []*textFile
	// framesErr is the first error reading templates/.
	framesErr error
	funcs     template.FuncMap
}

// A textDir is one folder of clauses/.
type textDir struct {
	name  string
	files []*clauseFile
	err   error // reading the folder failed
}

// A textFile is one template file, parsed on its own.
type textFile struct {
	name, text string
	trees      map[string]*parse.Tree // by template name; nil when the text does not parse
	in         *Inspection            // of the file's own template
	errs       source.ErrorList
}

// A clauseFile is one clause file: its front matter and its text.
type clauseFile struct {
	textFile
	dir string
	raw rawClause
	ok  bool // the front matter could be read: the file is a clause
}

// ReadTexts reads and parses the clause files and frames of fsys.
func ReadTexts(fsys fs.FS) *Texts {
	t := &Texts{funcs: parseFuncs()}
	var wg sync.WaitGroup
	for _, dir := range append(slices.Clone(Documents), definitionsDir) {
		d := textDir{name: dir}
		names, _ := fs.Glob(fsys, "clauses/"+dir+"/*.md")
		sort.Strings(names)
		// The goroutines fill files; d.files is cut short below only
		// after the last of them has started, and they do not read it.
		files := make([]*clauseFile, len(names))
		d.files = files
		for i, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				d.err, d.files = err, files[:i]
				break
			}
			data = lf(data)
			wg.Go(func() { files[i] = t.readClause(name, dir, data) })
		}
		t.dirs = append(t.dirs, d)
	}
	for _, doc := range append(slices.Clone(Documents), ReportFrames...) {
		names, _ := fs.Glob(fsys, "templates/"+doc+"/*.md.tmpl")
		sort.Strings(names)
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				t.framesErr = err
				break
			}
			data = lf(data)
			f := &textFile{}
			t.frames = append(t.frames, f)
			wg.Go(func() { t.parseText(f, name, string(data)) })
		}
		if t.framesErr != nil {
			break
		}
	}
	wg.Wait()
	return t
}

// readClause reads one clause file: it decodes the front matter and
// parses the text. What it finds wrong is in the file's errs.
func (t *Texts) readClause(name, dir string, data []byte) *clauseFile {
	f := &clauseFile{dir: dir}
	f.name = name
	front, body, err := SplitFrontMatter(data)
	if err != nil {
		f.errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "%s", err)
		return f
	}
	var node yaml.Node
	if err := yaml.Unmarshal(front, &node); err != nil {
		f.errs.Append(source.Pos{File: name, Line: 1, Col: 1}, shiftLines(question.YAMLError(name, err), 1))
		return f
	}
	if doc := docNode(&node); doc != nil {
		shiftNode(doc, 1)
		checkKeys(name, doc, &f.errs)
		if err := doc.Decode(&f.raw); err != nil {
			f.errs.Append(source.Pos{File: name, Line: 2, Col: 1}, question.YAMLError(name, err))
			return f
		}
	}
	f.ok = true
	t.parseText(&f.textFile, name, string(body))
	if f.trees != nil {
		checkBody(name, f.text, f.in.Texts, &f.errs)
	}
	return f
}

// parseText parses text as the template name, as the set's Parse would,
// but without the set, so that files can be parsed side by side (the set
// is not safe for that); add puts the trees in the set afterwards.
func (t *Texts) parseText(f *textFile, name, text string) {
	f.name, f.text = name, text
	trees, err := parse.Parse(name, text, "", "", t.funcs, builtinNames)
	if err != nil {
		f.errs.Append(source.Pos{File: name}, ParseError(name, text, err))
		return
	}
	f.trees = trees
	f.in = Inspect(trees[name])
}

// lf turns CRLF line ends into LF, so that a clause or frame saved on
// Windows reads as the same text: without it, "## Toelichting\r" did not
// start the toelichting. Lines and columns stay as they were; only the
// last byte of a line goes.
func lf(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r\n")) {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

// builtinNames are text/template's own functions, for parse.Parse, which
// only asks whether a function of the name exists.
var builtinNames = func() map[string]any {
	m := map[string]any{}
	for _, name := range builtins {
		m[name] = true
	}
	return m
}()

// add puts the file's template into the library's set. A {{ define }} or
// {{ block }} is refused and left out: a template defined in a file would
// join the set under its own name and could replace another clause's or
// frame's text.
func (l *Library) add(f *textFile, errs *source.ErrorList) {
	errs.Append(source.Pos{File: f.name}, f.errs.Err())
	if f.trees == nil {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(f.trees)) {
		if name != f.name {
			errs.Add(lineCol(f.name, f.text, int(f.trees[name].Root.Pos)), "{{ define }} en {{ block }} zijn niet toegestaan (hier %q); schrijf de tekst in de clausule zelf", name)
		}
	}
	if _, err := l.set.AddParseTree(f.name, f.trees[f.name]); err != nil {
		errs.Add(source.Pos{File: f.name}, "%v", err)
		return
	}
	l.inspected[f.name] = f.in
}
