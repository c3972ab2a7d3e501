package assemble_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/question"
	"verordening/internal/render"
)

// TestCacheMatchesFreshBuild builds every example, and every example with
// one answer changed, twice: with one assemble.Cache (warm from all builds
// before it) and with none, which runs every template and parses every
// text. The texts and errors must be the same. A dependency that
// clause.Deps misses shows here as a stale text.
func TestCacheMatchesFreshBuild(t *testing.T) {
	c := pipelinetest.Content(t)
	cache := assemble.NewCache(c.Library)
	builds, built := 0, 0
	for _, name := range c.Examples() {
		base, err := c.ExampleAnswers(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range variants(base) {
			warm := snapshot(c, v.ans, cache)
			cold := snapshot(c, v.ans, nil)
			builds++
			if warm != cold {
				t.Errorf("%s, %s: the build from the cache differs from a fresh build", name, v.change)
				continue
			}
			if !strings.HasPrefix(warm, "fout: ") {
				built++
			}
		}
	}
	if built < builds/2 {
		t.Errorf("only %d of %d variants built; the test does not test much", built, builds)
	}
	t.Logf("%d variants compared, %d of them built", builds, built)
}

type variant struct {
	change string
	ans    *answer.Answers
}

// variants returns the answers, and for each question the answers with that
// question changed to another value of its type.
func variants(base *answer.Answers) []variant {
	out := []variant{{"ongewijzigd", base}}
	for _, q := range base.Questionnaire().Questions {
		for _, v := range otherValues(q, base.Get(q.ID)) {
			a := *base
			a.Values = maps.Clone(base.Values)
			a.Values[q.ID] = answer.Value{V: v}
			out = append(out, variant{fmt.Sprintf("%s = %v", q.ID, v), &a})
		}
	}
	return out
}

func otherValues(q *question.Question, cur any) []any {
	switch q.Type {
	case question.Keuze:
		var out []any
		for _, o := range q.OptionValues() {
			if o != cur {
				out = append(out, o)
			}
		}
		return out
	case question.Meerkeuze:
		opts := q.OptionValues()
		if len(opts) < 2 {
			return nil
		}
		return []any{opts[:1], opts[1:]}
	case question.Getal, question.Bedrag, question.Percentage:
		f, _ := cur.(float64)
		return []any{f + 1}
	case question.JaNee:
		b, _ := cur.(bool)
		return []any{!b}
	case question.Tekst:
		return []any{"Anders *dan* eerst"}
	case question.Datum:
		return []any{"2031-07-01"}
	}
	return nil
}

// snapshot renders every document of a build as Markdown, frames
// included, in the form the content pack gives (so that the paragraph
// form's frames are compared too), with the findings of the consistency
// rules; or returns "" and the errors' text when the build fails.
func snapshot(c *pipeline.Content, ans *answer.Answers, cache *assemble.Cache) string {
	res, err := assemble.BuildWith(c.Library, ans, assemble.Options{Form: c.Form, Cache: cache})
	if err != nil {
		return "fout: " + err.Error()
	}
	var out []byte
	docs := res.Documents()
	if res.Amending != nil {
		docs = append(docs, res.Amending.Document())
	}
	report, err := res.Coverage.Report(res.Verordening)
	if err != nil {
		return "fout: " + err.Error()
	}
	docs = append(docs, report)
	for _, d := range docs {
		out = append(out, render.Markdown(d)...)
	}
	for _, f := range res.Coverage.Findings() {
		out = fmt.Appendf(out, "%s: %s %v\n", f.ID, f.Message, f.Ask)
	}
	return string(slices.Clip(out))
}
