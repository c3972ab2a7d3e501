package interview

import (
	"fmt"
	"path/filepath"
	"strings"

	"verordening/internal/answer"
	"verordening/internal/output"
	"verordening/internal/question"
)

// Existing holds the answers read from a file to resume. Unlike a file for
// "build", it may be incomplete.
type Existing struct {
	File     string
	Gemeente string         // "" when not given
	Values   map[string]any // by question id, typed as question.Zero
}

// ReadExisting reads an answers file that may leave questions open, with
// the answers decoder's own rules (answer.DecodePartial): unknown keys,
// duplicates and wrong values are errors at their file:line:col.
func ReadExisting(name string, data []byte, qs *question.Questionnaire) (*Existing, error) {
	p, err := answer.DecodePartial(name, data, qs)
	if err != nil {
		return nil, err
	}
	ex := &Existing{File: name, Gemeente: p.Gemeente, Values: make(map[string]any, len(p.Values))}
	for id, v := range p.Values {
		ex.Values[id] = v.V
	}
	return ex, nil
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

// WriteFile writes data to path atomically (output.WriteFile): a reader
// never sees half a file, and on failure nothing is left behind.
func WriteFile(path string, data []byte) error {
	return output.WriteFile(path, data)
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
