package crossdoc

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"verordening"
	"verordening/internal/answer"
	"verordening/internal/assemble"
	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/pipeline"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/question"
)

// ---------------------------------------------------------------------------
// Building the examples

var (
	loadOnce sync.Once
	loaded   *pipeline.Content
	loadErr  error
)

// content loads the embedded content pack once for all tests.
func content(t testing.TB) *pipeline.Content {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = pipeline.Load(verordening.Content) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

// A build is one gemeente's documents, from one answers file.
type build struct {
	ans *answer.Answers
	out *pipeline.Output
	md  map[document.Kind]string // the Markdown of every document
}

func (b *build) beleidsregels() *document.Document  { return b.out.Result.Beleidsregels }
func (b *build) informatieblad() *document.Document { return b.out.Result.Informatieblad }
func (b *build) verordening() *document.Document    { return b.out.Result.Verordening }

// buildAnswers decodes an answers file and builds its documents as Markdown.
func buildAnswers(t testing.TB, c *pipeline.Content, name string, data []byte) *build {
	t.Helper()
	ans, _, err := c.Decode(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out, err := c.Build(ans, []string{"md"})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if out.Result.Beleidsregels == nil || out.Result.Informatieblad == nil {
		t.Fatalf("%s: beleidsregels built: %v, informatieblad built: %v; both need clauses in clauses/beleidsregels/ and clauses/informatieblad/ (see clauses/_informatieblad/README.md)",
			name, out.Result.Beleidsregels != nil, out.Result.Informatieblad != nil)
	}
	b := &build{ans: ans, out: out, md: map[document.Kind]string{}}
	for _, d := range out.Docs {
		b.md[d.Kind] = string(renderMD(t, c, d))
	}
	return b
}

func renderMD(t testing.TB, c *pipeline.Content, d *document.Document) []byte {
	t.Helper()
	files, err := c.Render(d, []string{"md"})
	if err != nil || len(files) != 1 {
		t.Fatalf("%s: render: %v", d.Kind, err)
	}
	return files[0].Data
}

// example returns the answers file of an embedded example.
func example(t testing.TB, c *pipeline.Content, name string) (string, []byte) {
	t.Helper()
	file, data, err := c.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	return file, data
}

func buildExample(t testing.TB, c *pipeline.Content, name string) *build {
	t.Helper()
	file, data := example(t, c, name)
	return buildAnswers(t, c, file, data)
}

// A testCase is an answers file the cross-document tests run on.
type testCase struct{ name, file string }

// cases returns the seven embedded examples and the answer sets in
// testdata/, which cover regimes no example uses (three levels with hours
// per case, no levels with percentages, maximum amounts next to
// percentages with a low kostenplafond).
func cases(t testing.TB, c *pipeline.Content) []testCase {
	t.Helper()
	var out []testCase
	for _, name := range c.Examples() {
		out = append(out, testCase{name: name})
	}
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no answer sets in testdata/: %v", err)
	}
	for _, f := range files {
		out = append(out, testCase{name: "testdata/" + strings.TrimSuffix(filepath.Base(f), ".yaml"), file: f})
	}
	return out
}

// answers returns the file name and contents of a case.
func (tc testCase) answers(t testing.TB, c *pipeline.Content) (string, []byte) {
	t.Helper()
	if tc.file == "" {
		return example(t, c, tc.name)
	}
	data, err := os.ReadFile(tc.file)
	if err != nil {
		t.Fatal(err)
	}
	return tc.file, data
}

func (tc testCase) build(t testing.TB, c *pipeline.Content) *build {
	t.Helper()
	file, data := tc.answers(t, c)
	return buildAnswers(t, c, file, data)
}

// ---------------------------------------------------------------------------
// Every example builds all three documents

// TestExamplesBuildThreeDocuments: each embedded example gives a
// verordening, beleidsregels and an informatieblad, covers every legal
// requirement (what check demands), and the beleidsregels are numbered
// from 1 on, apart from the verordening.
func TestExamplesBuildThreeDocuments(t *testing.T) {
	c := content(t)
	if len(c.Examples()) != 9 {
		t.Errorf("%d examples, want 9", len(c.Examples()))
	}
	for _, name := range c.Examples() {
		t.Run(name, func(t *testing.T) {
			b := buildExample(t, c, name)
			if b.beleidsregels() == nil || b.informatieblad() == nil {
				t.Fatalf("beleidsregels %v, informatieblad %v: want both", b.beleidsregels() != nil, b.informatieblad() != nil)
			}
			if m := b.out.Result.Coverage.Missing(); len(m) > 0 {
				t.Errorf("requirements not covered: %v", m)
			}
			for i, a := range b.beleidsregels().Articles() {
				if a.Number != strconv.Itoa(i+1) {
					t.Errorf("beleidsregels article %d is numbered %q", i+1, a.Number)
				}
			}
			for _, a := range b.informatieblad().Articles() {
				if a.Number != "" {
					t.Errorf("informatieblad section %q has a number", a.Title.Plain())
				}
			}
			// Nadere regels rest on the verordening, beleidsregels on Awb 4:81.
			cites := strings.Contains(blocksText(b.beleidsregels().Intro), "artikel 4:81 van de Algemene wet bestuursrecht")
			if nadere := b.ans.Get("tweede_document") == "nadere_regels"; len(b.beleidsregels().Intro) == 0 || cites == nadere {
				t.Errorf("the aanhef of the second document cites artikel 4:81 of the Awb: %v, with nadere regels: %v", cites, nadere)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// (a) Every amount and percentage comes from an answer

var (
	amountRe  = regexp.MustCompile(`€ \d{1,3}(?:\.\d{3})*(?:,\d{2})?`)
	percentRe = regexp.MustCompile(`(?:^|[^\d,.])(\d+(?:,\d+)?%)`)
)

// figures returns every amount ("€ 1.400") and percentage ("7,5%") in text,
// in order.
func figures(text string) []string {
	type hit struct {
		at int
		s  string
	}
	var hits []hit
	for _, m := range amountRe.FindAllStringIndex(text, -1) {
		hits = append(hits, hit{m[0], text[m[0]:m[1]]})
	}
	for _, m := range percentRe.FindAllStringSubmatchIndex(text, -1) {
		hits = append(hits, hit{m[2], text[m[2]:m[3]]})
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.s
	}
	return out
}

func num(ans *answer.Answers, id string) float64 {
	f, _ := ans.Get(id).(float64)
	return f
}

// answerFigures returns the formatted value of every amount and percentage
// the gemeente answered or took as a default, with the question it came from.
func answerFigures(ans *answer.Answers) map[string][]string {
	out := map[string][]string{}
	for id, v := range ans.Values {
		q := ans.Questionnaire().Lookup(id)
		f, ok := v.V.(float64)
		if !ok {
			continue
		}
		switch q.Type {
		case question.Bedrag:
			out[format.Bedrag(f)] = append(out[format.Bedrag(f)], id)
		case question.Percentage:
			out[format.Procent(f)] = append(out[format.Procent(f)], id)
		}
	}
	return out
}

// derivedAmounts recomputes, independently of the templates, the amounts
// the beleidsregels compute from the answers, by the rules they write out:
//
//   - the strippenkaart costs at most its hours times the uurtarief
//     (beleidsregels, Strippenkaart);
//   - the worked example of "Uren en bedrag in het besluit": a werknemer of
//     24 hours a week at the level midden (or, without levels, at the
//     maximum); per year the percentage of 24 × werkweken_per_jaar hours,
//     times the uurtarief, then no more than the maximum amount for that
//     year when the gemeente has one, then no more than what is left of
//     the kostenplafond after the earlier years.
func derivedAmounts(ans *answer.Answers) map[string]string {
	out := map[string]string{}
	a := func(id string) float64 { return num(ans, id) }
	tarief := a("uurtarief")
	if b, _ := ans.Get("nazorg").(bool); b {
		out[format.Bedrag(a("nazorg_uren")*tarief)] = "strippenkaart"
	}
	niveaus := ans.Get("begeleidingsniveaus") != "geen"
	pct := ans.Get("urennorm") == "percentage_werktijd"
	tabel := niveaus && ans.Get("bekostiging") == "normbedragen" || !pct
	if ans.Get("urennorm") == "uurbanden" {
		// the table of "Uurband en uren per jaar" and the worked example:
		// the hours of each band times the uurtarief
		for _, id := range []string{"uurband_1_uren", "uurband_2_uren", "uurband_3_uren"} {
			if a(id) > 0 {
				out[format.Bedrag(a(id)*tarief)] = "uurband " + id
			}
		}
	}
	if !pct {
		return out
	}
	p := []float64{a("uren_jaar1_pct"), a("uren_jaar2_pct"), a("uren_jaar3_pct")}
	if ans.Get("begeleidingsniveaus") == "licht_midden_zwaar" {
		p = []float64{a("midden_jaar1_pct"), a("midden_jaar2_pct"), a("midden_jaar3_pct")}
	}
	m := []float64{a("bedrag_midden_jaar1"), a("bedrag_midden_jaar2"), a("bedrag_midden_jaar3")}
	plafond, _ := ans.Get("kostenplafond").(bool)
	werktijd := 24 * a("werkweken_per_jaar")
	totaal := 0.0
	for i := range 3 {
		uren := p[i] / 100 * werktijd
		b := uren * tarief
		out[format.Bedrag(b)] = fmt.Sprintf("rekenvoorbeeld, jaar %d", i+1)
		if tabel && b > m[i] {
			b = m[i]
		}
		if plafond {
			rest := a("kostenplafond_bedrag") - totaal
			switch {
			case rest <= 0:
				b = 0
			case b > rest:
				b = rest
				out[format.Bedrag(b)] = fmt.Sprintf("rekenvoorbeeld, jaar %d, rest van het maximum", i+1)
			}
			totaal += b
		}
	}
	return out
}

// TestFiguresComeFromAnswers: every amount and percentage in the
// beleidsregels and the informatieblad is the formatted value of an answer
// of type bedrag or percentage, or an amount the beleidsregels compute by a
// rule they write out (recomputed here).
func TestFiguresComeFromAnswers(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.build(t, c)
			fromAnswers := answerFigures(b.ans)
			derived := derivedAmounts(b.ans)
			for _, kind := range []document.Kind{document.Beleidsregels, document.Informatieblad} {
				seen := 0
				for n, line := range strings.Split(b.md[kind], "\n") {
					for _, f := range figures(line) {
						seen++
						if fromAnswers[f] == nil && derived[f] == "" {
							t.Errorf("%s.md:%d: %s is no answer and no computed amount: %s", kind, n+1, f, line)
						}
					}
				}
				if seen == 0 {
					t.Errorf("%s.md holds no amount or percentage", kind)
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// (b) One amount changed changes everywhere, and nowhere else

// setAnswer replaces or adds a top-level answer in an answers file.
func setAnswer(data []byte, id, value string) []byte {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(l, id+":") {
			continue
		}
		out = append(out, l)
	}
	out = append(out, id+": "+value)
	return []byte(strings.Join(out, "\n") + "\n")
}

// changedLines returns the lines of a and of b outside their longest
// common subsequence of lines.
func changedLines(a, b []string) (onlyA, onlyB []int) {
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			onlyA = append(onlyA, i)
			i++
		default:
			onlyB = append(onlyB, j)
			j++
		}
	}
	for ; i < n; i++ {
		onlyA = append(onlyA, i)
	}
	for ; j < m; j++ {
		onlyB = append(onlyB, j)
	}
	return onlyA, onlyB
}

var numberRe = regexp.MustCompile(`\d[\d.,]*`)

// recomputed reports whether a changed line that does not hold the changed
// value is a line of a worked example that carries a result from an
// earlier line, such as the rest of the kostenplafond after the first year:
// its counterpart on the other side has the same words and differs only in
// numbers, and the line holds an amount the beleidsregels compute by a
// written rule (see derivedAmounts), recomputed here for its own answers.
func recomputed(line string, other []string, otherChanged []int, derived map[string]string) bool {
	hasDerived := false
	for _, f := range figures(line) {
		if derived[f] != "" {
			hasDerived = true
		}
	}
	if !hasDerived {
		return false
	}
	shape := numberRe.ReplaceAllString(line, "#")
	for _, k := range otherChanged {
		if numberRe.ReplaceAllString(other[k], "#") == shape {
			return true
		}
	}
	return false
}

func count(figs []string, f string) int {
	n := 0
	for _, x := range figs {
		if x == f {
			n++
		}
	}
	return n
}

// TestChangedAmountChangesEverywhere: for every amount and percentage an
// example uses, a build with that one answer changed differs from the
// original only in lines that hold the new value, and the new value
// appears exactly where the old one came from this answer: as often as
// the old value disappeared. Nothing else in any document changes, with
// one documented exception: a line of a worked example that carries a
// computed result from an earlier line (the rest of the kostenplafond) may
// change its numbers, provided its words stay the same and its amount is
// the one the written rule gives for the changed answers.
func TestChangedAmountChangesEverywhere(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		name := tc.name
		file, data := tc.answers(t, c)
		orig := buildAnswers(t, c, file, data)
		var ids []string
		for id, v := range orig.ans.Values {
			q := c.Questions.Lookup(id)
			if _, ok := v.V.(float64); ok && (q.Type == question.Bedrag || q.Type == question.Percentage) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		if len(ids) == 0 {
			t.Errorf("%s: no amounts or percentages to change", name)
		}
		for _, id := range ids {
			t.Run(name+"/"+id, func(t *testing.T) {
				q := c.Questions.Lookup(id)
				old := orig.ans.Values[id].V.(float64)
				// An odd change keeps the order of the figures (so no
				// condition on them flips) and cannot collide with another.
				nv := math.Round((old+0.37)*100) / 100
				show := format.Procent
				if q.Type == question.Bedrag {
					show = format.Bedrag
				}
				oldS, newS := show(old), show(nv)
				changed := buildAnswers(t, c, file, setAnswer(data, id, strconv.FormatFloat(nv, 'f', -1, 64)))
				if got := changed.ans.Values[id].V.(float64); got != nv {
					t.Fatalf("the changed answer reads %v, want %v", got, nv)
				}
				// The old value may still appear only where another answer,
				// or an amount computed from the answers, has the same value.
				stillUsed := len(answerFigures(changed.ans)[oldS]) > 0 || derivedAmounts(changed.ans)[oldS] != ""
				// A change may break a consistency rule (licht above the
				// maximum, where both were equal): the dekkingsoverzicht
				// then lists it, which is not a figure changing.
				ruleBroken := len(changed.out.Result.Coverage.Findings()) != len(orig.out.Result.Coverage.Findings())
				total := 0
				for kind, before := range orig.md {
					if kind == document.Dekking && ruleBroken {
						continue
					}
					after, ok := changed.md[kind]
					if !ok {
						t.Errorf("%s: document missing after the change", kind)
						continue
					}
					la, lb := strings.Split(before, "\n"), strings.Split(after, "\n")
					onlyA, onlyB := changedLines(la, lb)
					for _, i := range onlyA {
						if !slices.Contains(figures(la[i]), oldS) && !recomputed(la[i], lb, onlyB, derivedAmounts(orig.ans)) {
							t.Errorf("%s.md: a line without %s changed:\n  %s", kind, oldS, la[i])
						}
					}
					for _, j := range onlyB {
						if !slices.Contains(figures(lb[j]), newS) && !recomputed(lb[j], la, onlyA, derivedAmounts(changed.ans)) {
							t.Errorf("%s.md: a changed line does not hold %s:\n  %s", kind, newS, lb[j])
						}
					}
					fa, fb := figures(before), figures(after)
					gone := count(fa, oldS) - count(fb, oldS)
					if count(fb, newS) != gone {
						t.Errorf("%s.md: %s appears %d times after the change, but %s disappeared %d times", kind, newS, count(fb, newS), oldS, gone)
					}
					total += count(fb, newS)
					if !stillUsed {
						for n, l := range lb {
							if slices.Contains(figures(l), oldS) {
								t.Errorf("%s.md:%d: %s still appears after the answer changed to %s:\n  %s", kind, n+1, oldS, newS, l)
							}
						}
					}
				}
				if total == 0 {
					t.Errorf("%s (%s) appears in no document", id, oldS)
				}
			})
		}
	}
}

// ---------------------------------------------------------------------------
// (c) References to the verordening name the article it really is

var (
	// "artikel 20, derde lid, van de verordening", "artikel 9, eerste lid,
	// onderdeel b, van de verordening", "artikel 25 van de verordening"
	singleRefRe = regexp.MustCompile(`[Aa]rtikel (\d+[a-z]*)((?:, [a-z]+ lid)?(?:, onderdeel [a-z]+(?:, onder \d+°)?)?),? van de verordening`)
	// "de artikelen 25 en 26 van de verordening", "de artikelen 26 tot en met 28 van de verordening"
	listRefRe = regexp.MustCompile(`[Dd]e artikelen ((?:\d+[a-z]*(?:, | en | tot en met ))+\d+[a-z]*) van de verordening`)
	lidRe     = regexp.MustCompile(`, ([a-z]+) lid`)
	itemRe    = regexp.MustCompile(`, onderdeel ([a-z]+)`)
	brRefRe   = regexp.MustCompile(`[Aa]rtikel (\d+[a-z]*)(?:, [a-z]+ lid)?,? van de beleidsregels`)
	srcRefRe  = regexp.MustCompile(`\b(ref|Ref|refs)((?:\s+"[^"]*")+)`)
	quotedRe  = regexp.MustCompile(`"([^"]*)"`)
)

// A mention is one reference to the verordening in a text.
type mention struct {
	number string
	lid    string // "tweede"; empty when none
	item   string // "b"; empty when none
	text   string
}

func mentions(text string) []mention {
	var out []mention
	for _, m := range singleRefRe.FindAllStringSubmatch(text, -1) {
		mn := mention{number: m[1], text: m[0]}
		if l := lidRe.FindStringSubmatch(m[2]); l != nil {
			mn.lid = l[1]
		}
		if it := itemRe.FindStringSubmatch(m[2]); it != nil {
			mn.item = it[1]
		}
		out = append(out, mn)
	}
	for _, m := range listRefRe.FindAllStringSubmatch(text, -1) {
		for _, n := range expandList(m[1]) {
			out = append(out, mention{number: n, text: m[0]})
		}
	}
	return out
}

// expandList reads "25 en 26" or "26 tot en met 28" as article numbers.
func expandList(s string) []string {
	var out []string
	parts := regexp.MustCompile(`, | en `).Split(s, -1)
	for _, p := range parts {
		if from, to, ok := strings.Cut(p, " tot en met "); ok {
			a, _ := strconv.Atoi(from)
			b, _ := strconv.Atoi(to)
			for n := a; n <= b; n++ {
				out = append(out, strconv.Itoa(n))
			}
			continue
		}
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

var ordinals = []string{"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
	"elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"}

// checkMention reports what is wrong with a mention: the article must
// exist in the verordening, a lid it names must exist (and the article must
// have more than one), and an onderdeel it names must exist in that lid.
func checkMention(v *document.Document, mn mention) string {
	var art *document.Article
	for _, a := range v.Articles() {
		if a.Number == mn.number {
			art = a
		}
	}
	if art == nil {
		return fmt.Sprintf("%q: the verordening has no artikel %s", mn.text, mn.number)
	}
	lid := -1
	if mn.lid != "" {
		lid = slices.Index(ordinals, mn.lid)
		if lid < 0 || lid >= len(art.Leden) || len(art.Leden) < 2 {
			return fmt.Sprintf("%q: artikel %s (%s) has %d leden", mn.text, art.Number, art.Title.Plain(), len(art.Leden))
		}
	}
	if mn.item != "" {
		found := false
		for i, l := range art.Leden {
			if lid >= 0 && i != lid {
				continue
			}
			for _, it := range l.Items {
				if it.Marker == mn.item+"." {
					found = true
				}
			}
		}
		if !found {
			return fmt.Sprintf("%q: artikel %s (%s) has no onderdeel %s", mn.text, art.Number, art.Title.Plain(), mn.item)
		}
	}
	return ""
}

// refTargets returns the clause ids a template names in ref, Ref and refs.
func refTargets(src string) []string {
	var out []string
	for _, m := range srcRefRe.FindAllStringSubmatch(src, -1) {
		args := quotedRe.FindAllStringSubmatch(m[2], -1)
		if m[1] == "refs" {
			for _, a := range args {
				out = append(out, a[1])
			}
		} else if len(args) > 0 {
			out = append(out, args[0][1])
		}
	}
	return out
}

// articleText is everything printed for an article: its leden, onderdelen,
// tables and toelichting.
func articleText(a *document.Article) string {
	return leden(a) + blocksText(a.Note)
}

func blocksText(blocks []document.Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			sb.WriteString(b.Text.Markdown() + "\n")
		case *document.Heading:
			sb.WriteString(b.Text.Markdown() + "\n")
		case *document.List:
			for _, it := range b.Items {
				sb.WriteString(it.Markdown() + "\n")
			}
		case *document.Table:
			for _, row := range b.Rows {
				for i, c := range row {
					if i > 0 {
						sb.WriteString(" | ")
					}
					sb.WriteString(c.Markdown())
				}
				sb.WriteString("\n")
			}
		}
	}
	return sb.String()
}

// TestReferencesNameTheRealArticle: every "artikel N van de verordening" in
// the beleidsregels and the informatieblad names an article, lid and
// onderdeel the verordening has; and N is the number of an article the
// clause refers to by id, so no number is typed in by hand.
func TestReferencesNameTheRealArticle(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.build(t, c)
			v := b.verordening()
			total := 0
			check := func(where, text, src string) {
				numbers := map[string]bool{}
				for _, id := range refTargets(src) {
					if a := v.Article(id); a != nil {
						numbers[a.Number] = true
					}
				}
				for _, mn := range mentions(text) {
					total++
					if msg := checkMention(v, mn); msg != "" {
						t.Errorf("%s: %s", where, msg)
					}
					if !numbers[mn.number] {
						t.Errorf("%s: %q names artikel %s, but the clause refers to no article with that number", where, mn.text, mn.number)
					}
				}
			}
			for _, d := range []*document.Document{b.beleidsregels(), b.informatieblad()} {
				for _, a := range d.Articles() {
					cl := c.Library.Lookup(a.ID)
					src, err := fs.ReadFile(c.FS, cl.Path)
					if err != nil {
						t.Fatal(err)
					}
					check(cl.Path, articleText(a), string(src))
				}
				var frame strings.Builder
				names, _ := fs.Glob(c.FS, "templates/"+string(d.Kind)+"/*.md.tmpl")
				for _, n := range names {
					src, _ := fs.ReadFile(c.FS, n)
					frame.Write(src)
				}
				text := blocksText(d.Intro) + blocksText(d.Closing)
				if d.Notes != nil {
					text += blocksText(d.Notes.General)
				}
				check("templates/"+string(d.Kind), text, frame.String())
			}
			if total == 0 {
				t.Error("the beleidsregels and the informatieblad refer to no article of the verordening")
			}
			// The informatieblad may also point into the beleidsregels.
			br := b.beleidsregels()
			for _, a := range b.informatieblad().Articles() {
				cl := c.Library.Lookup(a.ID)
				src, _ := fs.ReadFile(c.FS, cl.Path)
				numbers := map[string]bool{}
				for _, id := range refTargets(string(src)) {
					if ba := br.Article(id); ba != nil {
						numbers[ba.Number] = true
					}
				}
				for _, m := range brRefRe.FindAllStringSubmatch(articleText(a), -1) {
					if !numbers[m[1]] {
						t.Errorf("%s: %q names artikel %s of the beleidsregels, but the section refers to no article with that number", cl.Path, m[0], m[1])
					}
				}
			}
			// The aanhef names the article of the verordening that asks
			// for these beleidsregels.
			want := "artikel " + v.Article("beleidsregels").Number + " van de verordening"
			if b.ans.Get("tweede_document") == "nadere_regels" {
				want = "artikel " + v.Article("beleidsregels").Number + ", eerste lid, van de verordening"
			}
			if !strings.Contains(blocksText(b.beleidsregels().Intro), want) {
				t.Errorf("the aanhef does not name %q", want)
			}
		})
	}
}

// shiftedContent is the content pack with one extra article at the start
// of the verordening, so that every article of the verordening moves up
// one number.
func shiftedContent(t testing.TB) *pipeline.Content {
	t.Helper()
	return pipelinetest.Overlay(t, map[string]string{"clauses/verordening/00-aaa-crossdoc.md": `---
id: crossdoc-verschuiving
document: verordening
chapter: algemeen
order: -1
kind: vast
title: Verschuiving
---
Dit artikel staat er alleen om de nummering te verschuiven.

## Toelichting

Alleen voor een test.
`})
}

// TestReferencesFollowRenumbering: with one article added at the start of
// the verordening, every reference to the verordening in the beleidsregels
// and the informatieblad names a number one higher, with the same lid and
// onderdeel, and the beleidsregels keep their own numbering.
func TestReferencesFollowRenumbering(t *testing.T) {
	c := content(t)
	shifted := shiftedContent(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			file, data := tc.answers(t, c)
			a := buildAnswers(t, c, file, data)
			b := buildAnswers(t, shifted, file, data)
			if b.verordening().Articles()[0].ID != "crossdoc-verschuiving" {
				t.Fatal("the extra article is not the first of the verordening")
			}
			for _, kind := range []document.Kind{document.Beleidsregels, document.Informatieblad} {
				ma, mb := mentions(a.md[kind]), mentions(b.md[kind])
				if len(ma) != len(mb) {
					t.Fatalf("%s: %d references before, %d after renumbering", kind, len(ma), len(mb))
				}
				for i := range ma {
					want := nextNumber(ma[i].number)
					if mb[i].number != want || ma[i].lid != mb[i].lid || ma[i].item != mb[i].item {
						t.Errorf("%s: %q became %q, want artikel %s", kind, ma[i].text, mb[i].text, want)
					}
				}
			}
			for i, art := range b.beleidsregels().Articles() {
				if art.Number != a.beleidsregels().Articles()[i].Number {
					t.Errorf("beleidsregels artikel %s renumbered to %s", a.beleidsregels().Articles()[i].Number, art.Number)
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// (d) The informatieblad reads at B1 level

const (
	minReadingEase      = 60
	maxWordsPerSentence = 15
)

var markup = strings.NewReplacer(`\`, "", "**", "", "*", "")

// bodyUnits returns the paragraphs and bullets of the informatieblad:
// the text of every section except the contact block, and the
// introduction and closing; no headings and no tables.
func bodyUnits(d *document.Document) []string {
	var units []string
	add := func(s string) { units = append(units, markup.Replace(s)) }
	var items func([]*document.Item)
	items = func(its []*document.Item) {
		for _, it := range its {
			add(it.Text.Markdown())
			items(it.Items)
		}
	}
	blocks := func(bs []document.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *document.Paragraph:
				add(b.Text.Markdown())
			case *document.List:
				for _, it := range b.Items {
					add(it.Markdown())
				}
			}
		}
	}
	blocks(d.Intro)
	for _, a := range d.Articles() {
		if a.ID == "info-contact" {
			continue
		}
		for _, l := range a.Leden {
			add(l.Text.Markdown())
			items(l.Items)
			blocks(l.Blocks)
		}
	}
	blocks(d.Closing)
	return units
}

// TestInformatiebladReadability: the body text of every example's
// informatieblad has a Flesch-Douma reading ease of at least 60 and at
// most 15 words per sentence.
func TestInformatiebladReadability(t *testing.T) {
	c := content(t)
	for _, tc := range cases(t, c) {
		t.Run(tc.name, func(t *testing.T) {
			name := tc.name
			b := tc.build(t, c)
			r := Measure(bodyUnits(b.informatieblad()))
			t.Logf("%s: Flesch-Douma %.1f, %.1f words per sentence, %.2f syllables per word (%d sentences, %d words, %d syllables)",
				name, r.FleschDouma(), r.WordsPerSentence(), r.SyllablesPerWord(), r.Sentences, r.Words, r.Syllables)
			if r.FleschDouma() < minReadingEase {
				t.Errorf("reading ease %.1f, want at least %d", r.FleschDouma(), minReadingEase)
			}
			if r.WordsPerSentence() > maxWordsPerSentence {
				t.Errorf("%.1f words per sentence, want at most %d", r.WordsPerSentence(), maxWordsPerSentence)
			}
		})
	}
}

func TestSyllables(t *testing.T) {
	tests := map[string]int{
		"de": 1, "werk": 1, "jobcoach": 2, "gemeente": 3, "organisatie": 5, "nieuw": 1,
		"uur": 1, "theater": 3, "januari": 4, "tweeën": 2, "reïntegratie": 5, "mooi": 1,
		"rijen": 2, "btw": 1, "hbo-niveau": 3, "collega's": 3, "2027": 4, "werkgever": 3,
	}
	for w, want := range tests {
		if got := Syllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestSentencesAndWords(t *testing.T) {
	s := Sentences("Dit is een zin. Kost het € 1.152? Ja! Een rest zonder punt")
	if len(s) != 4 {
		t.Fatalf("%d sentences: %q", len(s), s)
	}
	if w := Words("De gemeente betaalt € 75,82 per uur."); len(w) != 6 {
		t.Errorf("words %q, want 6", w)
	}
	r := Measure([]string{"Dit is kort.", "een opsomming zonder punt"})
	if r.Sentences != 2 || r.Words != 7 {
		t.Errorf("Measure: %+v", r)
	}
}

// nextNumber is the number after an article number: 7 → 8, and for an
// article inserted into another regulation (the paragraph form) 12c →
// 12d, 12z → 12aa.
func nextNumber(num string) string {
	i := strings.IndexFunc(num, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		n, _ := strconv.Atoi(num)
		return strconv.Itoa(n + 1)
	}
	n := 0
	for _, r := range num[i:] {
		n = n*26 + int(r-'a') + 1
	}
	return assemble.InsertedNumber(num[:i], n+1)
}
