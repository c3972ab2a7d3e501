package interview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"verordening/internal/answer"
	"verordening/internal/question"
	"verordening/internal/source"
)

// Existing holds the answers read from a file to resume. Unlike a file for
// "build", it may be incomplete.
type Existing struct {
	File     string
	Gemeente string         // "" when not given
	Values   map[string]any // by question id, typed as question.Zero
}

// ReadExisting reads an answers file that may leave questions open. Every
// value is checked as the answers decoder does (question.Parse); unknown
// keys and wrong values are errors at their file:line:col.
func ReadExisting(name string, data []byte, qs *question.Questionnaire) (*Existing, error) {
	ex := &Existing{File: name, Values: map[string]any{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, question.YAMLError(name, err)
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	var errs source.ErrorList
	if doc.Kind == 0 {
		return ex, nil // an empty file: nothing answered yet
	}
	if doc.Kind != yaml.MappingNode {
		errs.Add(source.Pos{File: name, Line: 1, Col: 1}, "het antwoordbestand moet een lijst van sleutels met waarden zijn, te beginnen met \"gemeente: <naam>\"")
		return nil, errs
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		ex.read(name, doc.Content[i], doc.Content[i+1], qs, &errs)
	}
	errs.Sort()
	return ex, errs.Err()
}

func (ex *Existing) read(name string, k, v *yaml.Node, qs *question.Questionnaire, errs *source.ErrorList) {
	if k.Value == answer.GemeenteKey {
		if v.Kind != yaml.ScalarNode {
			errs.Add(question.At(name, v), "gemeente: vul de naam van de gemeente in, bijvoorbeeld \"gemeente: Zaanstad\"")
			return
		}
		ex.Gemeente = strings.TrimSpace(v.Value)
		return
	}
	q := qs.Lookup(k.Value)
	if q == nil {
		errs.Add(question.At(name, k), "onbekende vraag %q; zie \"verordening questions\" voor alle vragen", k.Value)
		return
	}
	val, msg := q.Parse(v)
	if msg != "" {
		errs.Add(question.At(name, v), "%s: %s", q.ID, msg)
		return
	}
	ex.Values[q.ID] = val
}

// Encode writes the answers file: each value under its question's text,
// values equal to a default marked with their source.
func Encode(res *Result, qs *question.Questionnaire) []byte {
	return answer.Encode(res.Gemeente, res.Values, qs)
}

// EncodeDraft writes an incomplete answers file whose first line says it
// is a draft and how to go on with it.
func EncodeDraft(res *Result, qs *question.Questionnaire, draft, out string) []byte {
	head := "# ONVOLLEDIG CONCEPT: nog niet alle vragen zijn beantwoord; dit bestand is niet klaar voor \"build\".\n" +
		fmt.Sprintf("# Ga verder met: verordening interview --answers %s --out %s\n", Quote(draft), Quote(out))
	return append([]byte(head), Encode(res, qs)...)
}

// DraftPath is where the draft for out goes: antwoorden.yaml →
// antwoorden.concept.yaml.
func DraftPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".concept.yaml"
}

// FinalPath is the answers file a draft belongs to, or "" when name is not
// a draft.
func FinalPath(name string) string {
	if !strings.HasSuffix(name, ".concept.yaml") {
		return ""
	}
	return strings.TrimSuffix(name, ".concept.yaml") + ".yaml"
}

// WriteFile writes data to path atomically: to a temporary file in the
// same folder, which is then renamed to path. A reader never sees half a
// file, and on failure nothing is left behind.
func WriteFile(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("kan niet schrijven in %s: %v", filepath.Dir(path), err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	for _, e := range []error{werr, serr, cerr, os.Chmod(tmp.Name(), 0o644)} {
		if e != nil {
			return fmt.Errorf("kan %s niet schrijven: %v", path, e)
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("kan %s niet plaatsen: %v", path, err)
	}
	return nil
}

// Quote returns a path as it can be pasted into a shell.
func Quote(path string) string {
	if path != "" && strings.IndexFunc(path, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./+,:@", r))
	}) < 0 {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
