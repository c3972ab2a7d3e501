package render_test

import (
	"testing"

	"verordening"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/render"
)

// BenchmarkHTML renders the Zaanstad verordening as a page: "koud" with a
// new Page every time, so that every section goes through goldmark;
// "warm" with one Page, whose sections come from its cache after the
// first run.
func BenchmarkHTML(b *testing.B) {
	c, ans := pipelinetest.Example(b, "zaanstreek-waterland")
	out, err := c.Build(ans, nil)
	if err != nil {
		b.Fatal(err)
	}
	d := out.Result.Verordening
	for _, warm := range []bool{false, true} {
		name := "koud"
		if warm {
			name = "warm"
		}
		b.Run(name, func(b *testing.B) {
			p, err := render.NewPage(verordening.Content)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if !warm {
					b.StopTimer()
					p, _ = render.NewPage(verordening.Content)
					b.StartTimer()
				}
				if _, err := p.HTML(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
