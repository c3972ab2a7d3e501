package region

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"verordening"
	"verordening/internal/pdf"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/tooltest"
)

const small = `regio: Testregio
afwijkbaar: [kostenplafond_bedrag, nazorg]
basis:
  regionale_afspraken: regionaal
  regio_naam: Testregio
  kostenplafond: true
  kostenplafond_bedrag: 8600
  inwerkingtreding: 2027-01-01
gemeenten:
`

func TestParseErrors(t *testing.T) {
	c := pipelinetest.Content(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"vastliggende vraag", small + "  Ahoy:\n    doelgroep: voorrang\n",
			[]string{"r.yaml:11:5: Ahoy: doelgroep ligt vast in de regio en staat niet onder afwijkbaar; haal de afwijking weg of spreek in de regio af dat gemeenten hierop mogen afwijken"}},
		{"onbekende vraag in afwijking", small + "  Ahoy:\n    kostenplafond_bedrg: 9000\n",
			[]string{`r.yaml:11:5: onbekende vraag "kostenplafond_bedrg"; bedoelt u "kostenplafond_bedrag"?`}},
		{"waarde buiten bereik", small + "  Ahoy:\n    kostenplafond_bedrag: 10\n",
			[]string{"r.yaml:11:27: kostenplafond_bedrag: 10 valt buiten het bereik van 500 tot en met 50000"}},
		{"onbekende afwijkbare vraag", strings.Replace(small, "[kostenplafond_bedrag, nazorg]", "[kostenplafond_bedrag, kleur]", 1) + "  Ahoy: {}\n",
			[]string{`r.yaml:2:36: afwijkbaar noemt onbekende vraag "kleur"`}},
		{"geen gemeenten", small,
			[]string{`r.yaml:1:1: de gemeenten ontbreken; voeg "gemeenten:" toe met per gemeente haar afwijkingen (of {} voor geen)`}},
		{"dezelfde map", small + "  Den Haag: {}\n  Den-Haag: {}\n",
			nil}, // parses; Build refuses (see TestSlugClash)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("r.yaml", []byte(tt.in), c.Questions)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSlugClash(t *testing.T) {
	c := pipelinetest.Content(t)
	f, _, err := Parse("r.yaml", []byte(small+"  Den Haag: {}\n  Den-Haag: {}\n"), c.Questions)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(c, f, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "Den-Haag krijgt dezelfde map (den-haag) als Den Haag") {
		t.Errorf("err = %v", err)
	}
}

func TestExampleRegion(t *testing.T) {
	c := pipelinetest.Content(t)
	names := c.RegionExamples()
	if len(names) < 2 {
		t.Fatalf("example regions %v, want at least two", names)
	}
	for _, name := range names {
		file, data, _ := c.RegionExample(name)
		f, warns, err := Parse(file, data, c.Questions)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range warns {
			t.Errorf("%s: %v", name, w)
		}
		if got := f.Basis.Get("regio_naam"); got != f.Regio {
			t.Errorf("%s: basis names the region %v, the file %q", name, got, f.Regio)
		}
		if pipeline.Slug(f.Regio) != name {
			t.Errorf("%s: region %q, want a file named after it (%s.yaml)", name, f.Regio, pipeline.Slug(f.Regio))
		}
		if len(f.Gemeenten) < 5 {
			t.Errorf("%s: %d gemeenten, want at least 5", name, len(f.Gemeenten))
		}
		ov, err := Build(c, f, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range ov.Results {
			if len(r.Missing) > 0 {
				t.Errorf("%s/%s: uncovered %v", name, r.Gemeente.Name, r.Missing)
			}
			if len(r.Gemeente.Deviations) == 0 && r.Share() != 100 {
				t.Errorf("%s: no deviations but %.1f%% equal", r.Gemeente.Name, r.Share())
			}
		}
		md := string(pipelineRender(t, c, ov))
		for _, g := range f.Gemeenten {
			if !strings.Contains(md, g.Name) {
				t.Errorf("overview does not name %s", g.Name)
			}
		}
	}
}

// TestReadmeRegionFile: the sample region file in README.md passes
// "region --check" as it stands: it parses without errors or warnings, and
// every gemeente covers every legal requirement without contradicting
// answers. So the README and the code cannot drift apart.
func TestReadmeRegionFile(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regionBlocks(readme)
	if len(blocks) != 1 {
		t.Fatalf("README.md has %d yaml blocks starting with \"regio:\", want 1", len(blocks))
	}
	c := pipelinetest.Content(t)
	f, warns, err := Parse("README.md", blocks[0], c.Questions)
	if err != nil {
		t.Fatalf("README region file:\n%v", err)
	}
	for _, w := range warns {
		t.Errorf("README region file: %v", w)
	}
	ov, err := Build(c, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ov.Results {
		if len(r.Missing) > 0 || len(r.Conflicts) > 0 {
			t.Errorf("%s: uncovered %v, conflicts %v", r.Gemeente.Name, r.Missing, r.Conflicts)
		}
	}
}

// regionBlocks returns the fenced yaml code blocks of a Markdown text
// whose first line starts a region file.
func regionBlocks(md []byte) [][]byte {
	var blocks [][]byte
	doc := goldmark.New().Parser().Parse(text.NewReader(md))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fc, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || string(fc.Language(md)) != "yaml" {
			return ast.WalkContinue, nil
		}
		var b []byte
		lines := fc.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b = append(b, seg.Value(md)...)
		}
		if strings.HasPrefix(string(b), keyRegio+":") {
			blocks = append(blocks, b)
		}
		return ast.WalkSkipChildren, nil
	})
	return blocks
}

// TestOverviewMarksArticleDifferences: a gemeente that deviates on the
// amount differs in exactly the article holding the amount, and a gemeente
// that adds an article is listed for that article only; numbering shifts
// do not count.
func TestOverviewMarksArticleDifferences(t *testing.T) {
	c := pipelinetest.Content(t)
	in := small + "  Alfa: {}\n  Beta:\n    kostenplafond_bedrag: 9000\n  Gamma:\n    nazorg: false\n"
	f, _, err := Parse("r.yaml", []byte(in), c.Questions)
	if err != nil {
		t.Fatal(err)
	}
	ov, err := Build(c, f, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	md := string(pipelineRender(t, c, ov))
	for _, want := range []string{"Maximale kosten | **Beta** |", "Nazorg | **Gamma (vervalt)** |", "| Alfa | 100% | geen |"} {
		if !strings.Contains(md, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if n := strings.Count(md, "**Beta**"); n != 1 {
		t.Errorf("Beta marked in %d article rows, want 1", n)
	}
}

// TestOverviewOpenFigures: the overview lists every figure left open and
// the gemeenten whose documents show its placeholder, and has no such
// section when every figure is filled in.
func TestOverviewOpenFigures(t *testing.T) {
	c := pipelinetest.Content(t)
	withTariff := strings.Replace(small, "  inwerkingtreding:", "  uurtarief: 84\n  inwerkingtreding:", 1)
	deviable := strings.Replace(small, "[kostenplafond_bedrag, nazorg]", "[kostenplafond_bedrag, nazorg, uurtarief]", 1)
	tests := []struct {
		name, in string
		want     string // the row of uurtarief; "" for no section
	}{
		{"open in de basis", small + "  Alfa: {}\n  Beta: {}\n", "| alle gemeenten |"},
		{"ingevuld in de basis", withTariff + "  Alfa: {}\n  Beta: {}\n", ""},
		{"ingevuld bij een gemeente", deviable + "  Alfa: {}\n  Beta:\n    uurtarief: 90\n  Gamma: {}\n", "| Alfa, Gamma |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, err := Parse("r.yaml", []byte(tt.in), c.Questions)
			if err != nil {
				t.Fatal(err)
			}
			ov, err := Build(c, f, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			md := string(pipelineRender(t, c, ov))
			row := "(`uurtarief`) | \\[uurtarief: in te vullen door de gemeente\\] " + tt.want
			switch {
			case tt.want == "" && strings.Contains(md, "Nog in te vullen"):
				t.Errorf("overview lists open figures, though none is open:\n%s", md)
			case tt.want != "" && !strings.Contains(md, row):
				t.Errorf("overview lacks %q:\n%s", row, md)
			}
		})
	}
}

func pipelineRender(t *testing.T, c *pipeline.Content, ov *Overview) []byte {
	doc, err := ov.Document()
	if err != nil {
		t.Fatal(err)
	}
	files, err := c.Render(doc, []string{"md"})
	if err != nil {
		t.Fatal(err)
	}
	return files[0].Data
}

// generate makes a region of n gemeenten, every seventh deviating on the
// amount and every eleventh on nazorg.
func generate(n int) []byte {
	var b strings.Builder
	b.WriteString(small)
	for i := range n {
		fmt.Fprintf(&b, "  Gemeente %03d:", i+1)
		switch {
		case i%7 == 3:
			fmt.Fprintf(&b, "\n    kostenplafond_bedrag: %d\n", 8000+i)
		case i%11 == 5:
			b.WriteString("\n    nazorg: false\n")
		default:
			b.WriteString(" {}\n")
		}
	}
	return []byte(b.String())
}

// BenchmarkRegion builds every gemeente's documents (verordening,
// beleidsregels, informatieblad and the coverage report) in md, html and
// docx, for regions of 10, 100 and 342 gemeenten: "disk" writes every file
// as the region command does, "memory" renders every file and only counts
// its bytes, which separates the build from this machine's disk. It
// reports the peak of live heap memory sampled during the run.
func BenchmarkRegion(b *testing.B) {
	for _, n := range []int{10, 100, 342} {
		for _, sink := range []string{"disk", "memory"} {
			b.Run(fmt.Sprintf("gemeenten=%d/%s", n, sink), func(b *testing.B) {
				benchRegion(b, nil, n, sink == "disk", []string{"md", "html", "docx"})
			})
		}
	}
}

// BenchmarkRegionPDF builds the region of BenchmarkRegion with pdf added
// to md, html and docx, printed by one Chromium for the whole run as the
// region command does. The region of 342 gemeenten takes minutes a run:
// run it with -benchtime 1x.
func BenchmarkRegionPDF(b *testing.B) {
	if _, err := pdf.Find(); err != nil {
		tooltest.Missing(b, "chromium")
	}
	p, err := pdf.Start(context.Background(), pdf.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, n := range []int{10, 100, 342} {
		b.Run(fmt.Sprintf("gemeenten=%d", n), func(b *testing.B) {
			benchRegion(b, p, n, false, []string{"md", "html", "docx", "pdf"})
		})
	}
}

// Each run loads the content pack and reads the region file afresh, as the
// region command does, so that no cache of clause texts or HTML sections
// carries over from one run to the next.
func benchRegion(b *testing.B, printer *pdf.Printer, n int, disk bool, formats []string) {
	src := generate(n)
	dir := b.TempDir()
	var written atomic.Int64
	run := 0
	emit := func(slug string, files []pipeline.File) error {
		for _, file := range files {
			written.Add(int64(len(file.Data)))
		}
		if !disk {
			return nil
		}
		// A new folder for every run, as the command builds into a new
		// staging folder.
		d := filepath.Join(dir, fmt.Sprint(run), slug)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		for _, file := range files {
			if err := os.WriteFile(filepath.Join(d, file.Name), file.Data, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	defer TuneGC()() // as the region command does
	peak := sampleHeap()
	for b.Loop() {
		run++
		c, err := pipeline.Load(verordening.Content)
		if err != nil {
			b.Fatal(err)
		}
		c.Printer = printer
		f, _, err := Parse("gen.yaml", src, c.Questions)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Build(c, f, formats, emit); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(n), "ms/gemeente")
	b.ReportMetric(float64(written.Load())/float64(b.N)/(1<<20), "MB-output")
}

// sampleHeap samples the live heap every millisecond until the returned
// function is called, which returns the peak in bytes.
func sampleHeap() func() uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	runtime.GC()
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				metrics.Read(s)
				if v := s[0].Value.Uint64(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	return func() uint64 {
		close(stop)
		wg.Wait()
		return peak.Load()
	}
}
