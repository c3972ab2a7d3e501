package assemble_test

import (
	"regexp"
	"strings"
	"testing"

	"verordening/internal/assemble"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/render"
)

// TestFixedNumbers: an article given a number by Options.Numbers has it,
// and every reference to it, in the verordening and in the beleidsregels,
// names that number; the other articles keep theirs.
func TestFixedNumbers(t *testing.T) {
	c, ans := pipelinetest.Example(t, "zaanstreek-waterland")
	plain, err := assemble.Build(c.Library, ans)
	if err != nil {
		t.Fatal(err)
	}
	// The article the beleidsregels name most often.
	refs := regexp.MustCompile(`artikel (\d+) van de verordening`).FindAllStringSubmatch(string(render.Markdown(plain.Beleidsregels)), -1)
	if len(refs) == 0 {
		t.Fatal("the beleidsregels name no article of the verordening")
	}
	num := refs[0][1]
	var id string
	for _, a := range plain.Verordening.Articles() {
		if a.Number == num {
			id = a.ID
		}
	}
	fixed, err := assemble.BuildWith(c.Library, ans, assemble.Options{Numbers: map[string]string{id: num + "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := fixed.Verordening.Article(id).Number; got != num+"a" {
		t.Fatalf("%s has number %s, want %sa", id, got, num)
	}
	for i, a := range fixed.Verordening.Articles() {
		if a.ID != id && a.Number != plain.Verordening.Articles()[i].Number {
			t.Errorf("%s changed from %s to %s", a.ID, plain.Verordening.Articles()[i].Number, a.Number)
		}
	}
	before := strings.Count(string(render.Markdown(plain.Beleidsregels)), "artikel "+num+" van de verordening")
	after := strings.Count(string(render.Markdown(fixed.Beleidsregels)), "artikel "+num+"a van de verordening")
	if before == 0 || after != before {
		t.Errorf("the beleidsregels name artikel %s %d times, and artikel %sa %d times after renumbering", num, before, num, after)
	}
}
