package clause_test

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"verordening"
	"verordening/internal/clause"
	"verordening/internal/question"
	"verordening/internal/source"
)

// overlay copies the embedded content pack and replaces or adds files.
func overlay(t testing.TB, files map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(verordening.Content, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(verordening.Content, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

func load(t *testing.T, files map[string]string) (*clause.Library, error) {
	t.Helper()
	fsys := overlay(t, files)
	qs, err := question.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return clause.Load(fsys, qs)
}

// TestRuleLoadErrors: every mistake in clauses/samenhang.yaml is reported
// at its line and column, saying what to do.
func TestRuleLoadErrors(t *testing.T) {
	const head = "- id: regel-a\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"syntax", head + "  when: kostenplafond &&\n  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:2:"},
		{"unknown question in when", head + "  when: onbekend > 0\n  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:2:8: voorwaarde \"onbekend > 0\": onbekende vraag onbekend"},
		{"option that does not exist", head + "  when: urennorm == \"uren\"\n  ask: [urennorm]\n  message: m\n",
			"clauses/samenhang.yaml:2:20: voorwaarde: \"uren\" is geen mogelijke waarde van urennorm"},
		{"not a condition", head + "  when: kostenplafond_bedrag + 1\n  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:2:"},
		{"unknown question in ask", head + "  when: kostenplafond\n  ask: [kostenplafond, plafond]\n  message: m\n",
			"clauses/samenhang.yaml:3:24: regel regel-a: ask noemt onbekende vraag \"plafond\""},
		{"no ask", head + "  when: kostenplafond\n  message: m\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: ask ontbreekt"},
		{"no when", head + "  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: when ontbreekt"},
		{"no message", head + "  when: kostenplafond\n  ask: [kostenplafond]\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: message ontbreekt"},
		{"unknown placeholder", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: \"te laag: {plafond}\"\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: message noemt onbekende vraag {plafond}"},
		{"unknown key", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n  wanneer: x\n",
			"clauses/samenhang.yaml:5:3: onbekende sleutel \"wanneer\""},
		{"duplicate id", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n" + head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:5:3: regel zonder geldige id of met een dubbele id \"regel-a\""},
		{"bad id", "- id: Regel A\n  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:1:3: regel zonder geldige id"},
		{"unknown document", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n  forbid: x\n  in: brief\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: in noemt onbekend document \"brief\""},
		{"in without forbid", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n  in: informatieblad\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: in en toelichting gelden alleen samen met forbid of require"},
		{"empty forbid", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n  forbid: [\"  \"]\n",
			"clauses/samenhang.yaml:5:12: regel regel-a: forbid bevat een lege tekst"},
		{"block scalar", head + "  when: >-\n    kostenplafond\n    && onbekend > 0\n  ask: [kostenplafond]\n  message: m\n",
			"clauses/samenhang.yaml:3: voorwaarde \"kostenplafond && onbekend > 0\": onbekende vraag onbekend"},
		{"forbid and require", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n  forbid: x\n  require: y\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: geef forbid of require, niet allebei"},
		{"toelichting without texts", head + "  when: kostenplafond\n  ask: [kostenplafond]\n  message: m\n  toelichting: true\n",
			"clauses/samenhang.yaml:1:3: regel regel-a: in en toelichting gelden alleen samen met forbid of require"},
		{"not a list", "id: regel-a\n", "clauses/samenhang.yaml:1:1: verwacht een lijst van regels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, map[string]string{clause.RulesFile: tc.yaml})
			if err == nil {
				t.Fatalf("loaded without error; want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

// TestNeedLoadErrors: the needs of a requirement are checked like rules.
func TestNeedLoadErrors(t *testing.T) {
	data, err := fs.ReadFile(verordening.Content, "clauses/eisen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := string(data)
	lines := strings.Count(base, "\n")
	req := "- id: eis-test\n  basis: Participatiewet/10/4\n  description: d\n"
	tests := []struct {
		name, yaml string
		line       int // of the error, counted from the requirement
		want       string
	}{
		{"unknown question", req + "  needs:\n    - when: len(borgen) > 0\n      ask: [borging]\n      message: m\n",
			5, ": voorwaarde \"len(borgen) > 0\": onbekende vraag borgen"},
		{"unknown ask", req + "  needs:\n    - when: len(borging) > 0\n      ask: [borgen]\n      message: m\n",
			6, ": eis eis-test: ask noemt onbekende vraag \"borgen\""},
		{"not a list", req + "  needs: len(borging) > 0\n",
			4, ": eis eis-test: needs is een lijst"},
		{"unknown key", req + "  needs:\n    - when: len(borging) > 0\n      ask: [borging]\n      message: m\n      vraag: x\n",
			8, ": onbekende sleutel \"vraag\""},
		{"elders", req + "  scope: elders\n  needs:\n    - when: len(borging) > 0\n      ask: [borging]\n      message: m\n",
			1, ": eis eis-test: een eis die elders wordt geregeld, heeft geen needs"},
		{"unknown requirement key", req + "  need: []\n", 4, ": onbekende sleutel \"need\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, map[string]string{"clauses/eisen.yaml": base + "\n" + tc.yaml})
			if err == nil {
				t.Fatal("loaded without error")
			}
			want := "clauses/eisen.yaml:" + strconv.Itoa(lines+1+tc.line) + ":"
			found := false
			for _, l := range strings.Split(err.Error(), "\n") {
				if strings.HasPrefix(l, want) && strings.Contains(l, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("error:\n%v\nwant a line %s…%s", err, want, tc.want)
			}
		})
	}
}

// TestRulesLoad: the embedded rules and needs load, and a pack without
// samenhang.yaml has none.
func TestRulesLoad(t *testing.T) {
	lib, err := load(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Rules) == 0 {
		t.Error("no rules loaded from clauses/samenhang.yaml")
	}
	if r := lib.Requirement("pw8a-2e2-borging"); r == nil || len(r.Needs) == 0 {
		t.Error("pw8a-2e2-borging has no needs")
	}
	m := overlay(t, nil).(fstest.MapFS)
	delete(m, clause.RulesFile)
	qs, err := question.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	lib, err = clause.Load(m, qs)
	if err != nil || len(lib.Rules) != 0 {
		t.Errorf("without %s: %d rules, error %v; want none", clause.RulesFile, len(lib.Rules), err)
	}
}

func TestFill(t *testing.T) {
	got := clause.Fill("van {a} tot {b_c}, niet {Hoofd}", func(id string) string { return "<" + id + ">" })
	if want := "van <a> tot <b_c>, niet {Hoofd}"; got != want {
		t.Errorf("Fill = %q, want %q", got, want)
	}
}

// FuzzRulesFile: any clauses/samenhang.yaml loads or fails without a
// panic, and every error about it lies within the file.
func FuzzRulesFile(f *testing.F) {
	data, err := fs.ReadFile(verordening.Content, clause.RulesFile)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{string(data), "- id: a\n  when: kostenplafond &&\n", "- {id: a, when: \"(\", ask: [x], message: \"{y}\"}\n", "- id: a\n  when: >-\n    x\n    y\n", "[", "- forbid: {a: b}\n"} {
		f.Add(s)
	}
	qs, err := question.Load(verordening.Content)
	if err != nil {
		f.Fatal(err)
	}
	base := overlay(f, nil).(fstest.MapFS)
	f.Fuzz(func(t *testing.T, src string) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m[clause.RulesFile] = &fstest.MapFile{Data: []byte(src)}
		_, err := clause.Load(m, qs)
		list, _ := err.(source.ErrorList)
		lines := strings.Count(src, "\n") + 1
		for _, e := range list {
			if e.Pos.File == clause.RulesFile && e.Pos.Line > lines+1 {
				t.Errorf("%s: line %d beyond the file's %d lines", e, e.Pos.Line, lines)
			}
		}
	})
}
