package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"time"
	"unicode/utf8"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/tooltest"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"

	"verordening/internal/answer"
	"verordening/internal/interview"
	"verordening/internal/question"
)

// interviewScript is piped input for a whole interview and what it leads to.
type interviewScript struct {
	input   string
	prompts int      // questions put, re-asks included
	ids     []string // the questions that apply, "gemeente" first: the review's numbering
}

// makeScript answers every question that applies, in order: the text in
// given for the ids it names (several lines to answer a re-ask or go
// back; the last line is the answer that stands), an empty line (the
// default) for the others, and a made-up value where there is no default.
// Keys in skip are questions whose answer in an existing file means they
// are not asked.
func makeScript(t *testing.T, qs *question.Questionnaire, given map[string]string, skip map[string]any) interviewScript {
	t.Helper()
	var s interviewScript
	var lines []string
	env := map[string]any{}
	for _, q := range qs.Questions {
		env[q.ID] = question.Zero(q.Type)
	}
	if _, ok := skip["gemeente"]; !ok {
		lines = append(lines, "Proefdam")
		s.prompts++
	}
	s.ids = append(s.ids, "gemeente")
	for _, q := range qs.Questions {
		if ok, err := q.When.Eval(env); err != nil || !ok {
			continue
		}
		s.ids = append(s.ids, q.ID)
		if v, ok := skip[q.ID]; ok {
			env[q.ID] = v
			continue
		}
		text, ok := given[q.ID]
		if !ok && q.Default == nil && !q.Optional {
			text = map[question.Type]string{question.Tekst: "Proefregio", question.Datum: "2027-01-01"}[q.Type]
		}
		steps := strings.Split(text, "\n")
		lines = append(lines, steps...)
		s.prompts += len(steps)
		if v := scriptValue(t, q, steps[len(steps)-1]); v != nil {
			env[q.ID] = v
		}
	}
	s.input = strings.Join(lines, "\n") + "\n"
	return s
}

func scriptValue(t *testing.T, q *question.Question, last string) any {
	if last == "" || last == "-" {
		return q.Default
	}
	v, msg := interview.Parse(q, last)
	if msg != "" {
		t.Fatalf("script: %s: %s", q.ID, msg)
	}
	return v
}

func runInterviewCLI(input string, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(&env{strings.NewReader(input), &o, &e}, append([]string{"interview"}, args...))
	return code, o.String(), e.String()
}

func decodeFile(t *testing.T, path string) *answer.Answers {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := pipelinetest.Content(t).Decode(path, data)
	if err != nil {
		t.Fatalf("%s does not decode: %v\n%s", path, err, data)
	}
	return a
}

// TestInterviewFullRun: piped answers, mostly the defaults, give a file
// that decodes, carries the question texts as comments and passes check.
func TestInterviewFullRun(t *testing.T) {
	s := makeScript(t, pipelinetest.Content(t).Questions, map[string]string{"inwerkingtreding": "2027-01-01"}, nil)
	path := filepath.Join(t.TempDir(), "antwoorden.yaml")
	code, stdout, stderr := runInterviewCLI(s.input+"opslaan\n", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, tail(stdout))
	}
	if got := strings.Count(stdout, "\nVraag "); got != s.prompts {
		t.Errorf("%d questions put, want %d", got, s.prompts)
	}
	if !strings.Contains(stdout, "verordening build --answers "+path) {
		t.Errorf("the build command is not printed:\n%s", tail(stdout))
	}
	a := decodeFile(t, path)
	if a.Gemeente != "Proefdam" || a.Get("regio_naam") != "Proefregio" || a.Get("inwerkingtreding") != "2027-01-01" {
		t.Errorf("answers: gemeente %q, regio_naam %v, inwerkingtreding %v", a.Gemeente, a.Get("regio_naam"), a.Get("inwerkingtreding"))
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{"# Hoe lang kan jobcoaching ten hoogste worden toegekend", "Standaardwaarde, bron: het Protocol Jobcoaching 2016 van UWV"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q:\n%s", want, data)
		}
	}
	if code, stdout, stderr := runCLI("check", "--answers", path); code != 0 {
		t.Errorf("check: exit %d\n%s%s", code, tail(stdout), stderr)
	}
}

// TestInterviewInvalidAnswersAskedAgain: a wrong answer gets a Dutch
// message and the question again; Dutch numbers and dates are read.
func TestInterviewInvalidAnswersAskedAgain(t *testing.T) {
	s := makeScript(t, pipelinetest.Content(t).Questions, map[string]string{
		"regionale_afspraken":   "9\nlokaal",
		"maximale_duur_maanden": "200\n24",
		"inwerkingtreding":      "morgen\n1-7-2027",
		"afstemming":            "1,1\n1,2",
		"uren_jaar1_pct":        "7,5",
	}, nil)
	path := filepath.Join(t.TempDir(), "a.yaml")
	code, stdout, stderr := runInterviewCLI(s.input+"opslaan\n", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, tail(stdout))
	}
	for _, want := range []string{
		"Dit antwoord kan niet: er is geen keuze 9; typ een nummer van 1 tot en met 3",
		"Dit antwoord kan niet: 200 valt buiten het bereik van 6 tot en met 120 maanden.",
		"Dit antwoord kan niet: verwacht een datum als JJJJ-MM-DD",
		"staat dubbel in de lijst",
	} {
		if !strings.Contains(flat(stdout), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if got := strings.Count(stdout, "\nVraag "); got != s.prompts {
		t.Errorf("%d questions put, want %d", got, s.prompts)
	}
	a := decodeFile(t, path)
	if a.Get("regionale_afspraken") != "lokaal" || a.Get("maximale_duur_maanden") != 24.0 ||
		a.Get("inwerkingtreding") != "2027-07-01" || a.Get("uren_jaar1_pct") != 7.5 ||
		!slices.Equal(a.Get("afstemming").([]string), []string{"gemeenten", "uwv"}) {
		t.Errorf("answers not taken: %v", a.Values)
	}
	if _, ok := a.Values["regio_naam"]; ok {
		t.Error("regio_naam was answered, but does not apply to a lokale regeling")
	}
}

// TestInterviewEndOfInput: input that ends early, even at the review,
// writes nothing and exits 1; defaults are never filled in silently.
func TestInterviewEndOfInput(t *testing.T) {
	s := makeScript(t, pipelinetest.Content(t).Questions, nil, nil)
	for name, input := range map[string]string{
		"empty":       "",
		"after three": "Proefdam\n\n\n",
		"at review":   s.input,
		"at stop":     "Proefdam\nstop\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.yaml")
			code, _, stderr := runInterviewCLI(input, "--out", path)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, "de invoer hield op voordat het interview klaar was; er is niets geschreven") {
				t.Errorf("stderr: %s", stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("%s was written", entries[0].Name())
			}
		})
	}
}

// TestInterviewResume: with --answers only the open questions are asked,
// and the answers in the file are kept; --all asks everything.
func TestInterviewResume(t *testing.T) {
	qs := pipelinetest.Content(t).Questions
	path := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(path, []byte("gemeente: Hervatdam\nregionale_afspraken: lokaal\nmaximale_duur_maanden: 24\ninwerkingtreding: 2028-01-01\n"), 0o644)
	known := map[string]any{"gemeente": "Hervatdam", "regionale_afspraken": "lokaal", "maximale_duur_maanden": 24.0, "inwerkingtreding": "2028-01-01"}
	s := makeScript(t, qs, nil, known)
	code, stdout, stderr := runInterviewCLI(s.input+"opslaan\n", "--answers", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, tail(stdout))
	}
	if got := strings.Count(stdout, "\nVraag "); got != s.prompts || s.prompts != len(s.ids)-len(known) {
		t.Errorf("%d questions put, want %d (%d apply, %d answered)", got, s.prompts, len(s.ids), len(known))
	}
	asked, _, _ := strings.Cut(stdout, "== Overzicht")
	if strings.Contains(asked, "Wat is de naam van de gemeente?") || strings.Contains(asked, "Hoe lang kan jobcoaching ten hoogste") {
		t.Error("a question answered in the file was asked")
	}
	a := decodeFile(t, path)
	if a.Gemeente != "Hervatdam" || a.Get("maximale_duur_maanden") != 24.0 || a.Get("inwerkingtreding") != "2028-01-01" {
		t.Errorf("existing answers not kept: %v", a.Values)
	}
	// --all asks every question again, offering the answers as they are.
	code, stdout, _ = runInterviewCLI(strings.Repeat("\n", len(s.ids))+"opslaan\n", "--answers", path, "--all")
	if code != 0 || strings.Count(stdout, "\nVraag ") != len(s.ids) {
		t.Errorf("--all: exit %d, %d questions put, want %d", code, strings.Count(stdout, "\nVraag "), len(s.ids))
	}
	if !strings.Contains(stdout, "[huidig antwoord: 24 maanden]") {
		t.Error("--all does not offer the existing answer")
	}
	if a := decodeFile(t, path); a.Get("maximale_duur_maanden") != 24.0 {
		t.Error("--all with Enter changed an answer")
	}
}

// TestInterviewBackAndSkip: "<" returns to the previous question, "-"
// leaves an optional question open and is refused for a required one.
func TestInterviewBackAndSkip(t *testing.T) {
	s := makeScript(t, pipelinetest.Content(t).Questions, map[string]string{
		"regionale_afspraken": "lokaal\n<\ng4_uwv",
		"doelgroep":           "-\n1",
		"citeertitel":         "-",
		"vaststelling_datum":  "2026-12-15",
	}, nil)
	path := filepath.Join(t.TempDir(), "a.yaml")
	code, stdout, stderr := runInterviewCLI(s.input+"opslaan\n", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, tail(stdout))
	}
	if !strings.Contains(flat(stdout), "Deze vraag moet worden beantwoord; alleen vragen die open mogen blijven, kunt u overslaan.") {
		t.Error("skipping a required question is not refused")
	}
	a := decodeFile(t, path)
	if a.Get("regionale_afspraken") != "g4_uwv" || a.Get("doelgroep") != "breed" || a.Get("vaststelling_datum") != "2026-12-15" {
		t.Errorf("answers: %v", a.Values)
	}
	if _, ok := a.Values["citeertitel"]; ok {
		t.Error("the skipped citeertitel was written")
	}
}

// TestInterviewReview: at the review a number changes that answer; a
// change that makes a question apply asks it.
func TestInterviewReview(t *testing.T) {
	s := makeScript(t, pipelinetest.Content(t).Questions, nil, nil)
	n := func(id string) string { return strconv.Itoa(slices.Index(s.ids, id) + 1) }
	review := n("gemeente") + "\nNieuwdam\n" + n("kostenplafond") + "\nja\n12000\nzeven\nopslaan\n"
	path := filepath.Join(t.TempDir(), "a.yaml")
	code, stdout, stderr := runInterviewCLI(s.input+review, "--out", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, tail(stdout))
	}
	if strings.Count(stdout, "== Overzicht van uw antwoorden ==") != 3 {
		t.Error("the review is not shown after each change")
	}
	if !strings.Contains(stdout, "Dat is geen keuze") {
		t.Error("a wrong choice at the review is not refused")
	}
	a := decodeFile(t, path)
	if a.Gemeente != "Nieuwdam" || a.Get("kostenplafond") != true || a.Get("kostenplafond_bedrag") != 12000.0 {
		t.Errorf("review changes not taken: %q %v", a.Gemeente, a.Values)
	}
}

// TestInterviewStopDraft: "stop" offers a draft, marked as such, under
// another name; the interview goes on from it later. Without a draft
// nothing is written.
func TestInterviewStopDraft(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "antwoorden.yaml")
	code, _, stderr := runInterviewCLI("Proefdam\n\nstop\nnee\n", "--out", out)
	if entries, _ := os.ReadDir(dir); code != 1 || len(entries) > 0 {
		t.Fatalf("stop without draft: exit %d, %d files\n%s", code, len(entries), stderr)
	}
	code, _, stderr = runInterviewCLI("Proefdam\n\n\n\n3\nstop\nja\n", "--out", out)
	draft := filepath.Join(dir, "antwoorden.concept.yaml")
	data, err := os.ReadFile(draft)
	if code != 1 || err != nil {
		t.Fatalf("stop with draft: exit %d, %v\n%s", code, err, stderr)
	}
	if !strings.HasPrefix(string(data), "# ONVOLLEDIG CONCEPT") || !strings.Contains(string(data), "regionale_afspraken: lokaal") {
		t.Errorf("draft:\n%s", data)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the final answers file was written on stop")
	}
	s := makeScript(t, pipelinetest.Content(t).Questions, nil, map[string]any{"gemeente": "Proefdam", "regionale_afspraken": "lokaal"})
	code, stdout, stderr := runInterviewCLI(s.input+"opslaan\n", "--answers", draft)
	if code != 0 {
		t.Fatalf("resume from draft: exit %d\n%s\n%s", code, stderr, tail(stdout))
	}
	if a := decodeFile(t, out); a.Gemeente != "Proefdam" || a.Get("regionale_afspraken") != "lokaal" {
		t.Errorf("resumed answers: %v", a.Values)
	}
}

// TestInterviewRefusesOverwrite: an existing file is kept unless it is the
// one resumed or --force is given.
func TestInterviewRefusesOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(path, []byte("iets\n"), 0o644)
	code, _, stderr := runInterviewCLI("", "--out", path)
	if code != 2 || !strings.Contains(stderr, "bestaat al en wordt niet overschreven") || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, want 2\n%s", code, stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != "iets\n" {
		t.Error("the file was changed")
	}
	s := makeScript(t, pipelinetest.Content(t).Questions, nil, nil)
	if code, _, stderr := runInterviewCLI(s.input+"opslaan\n", "--out", path, "--force"); code != 0 {
		t.Errorf("--force: exit %d\n%s", code, stderr)
	}
	if code, _, _ := runInterviewCLI("", "--all"); code != 2 {
		t.Errorf("--all without --answers: exit %d, want 2", code)
	}
}

// flat joins the words of s with single spaces, undoing line wrapping.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// buildBinary compiles the command into a temporary folder; it needs the go
// tool (tooltest.Need fails under CI when it is missing).
func buildBinary(t *testing.T) string {
	t.Helper()
	goTool := tooltest.Need(t, "go")
	bin := filepath.Join(t.TempDir(), "verordening")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestInterviewBinaryPiped: the real program, its standard input a pipe
// written all at once, takes every answer.
func TestInterviewBinaryPiped(t *testing.T) {
	bin := buildBinary(t)
	s := makeScript(t, pipelinetest.Content(t).Questions, nil, nil)
	dir := t.TempDir()
	cmd := exec.Command(bin, "interview")
	cmd.Dir, cmd.Stdin = dir, strings.NewReader(s.input+"opslaan\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, tail(string(out)))
	}
	if a := decodeFile(t, filepath.Join(dir, "antwoorden.yaml")); a.Gemeente != "Proefdam" {
		t.Errorf("gemeente %q", a.Gemeente)
	}
}

// vtScreen is a terminal emulator fed with a pseudo-terminal's output.
type vtScreen struct {
	mu      sync.Mutex
	vt      vt10x.Terminal
	pending []byte // the start of a character split between two reads
}

func (s *vtScreen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data := append(s.pending, p...)
	n := len(data)
	for n > 0 && n > len(data)-utf8.UTFMax && !utf8.FullRune(data[lastStart(data[:n]):n]) {
		n = lastStart(data[:n])
	}
	s.vt.Write(data[:n])
	s.pending = append([]byte(nil), data[n:]...)
	return len(p), nil
}

// lastStart is the index of the last character start in b.
func lastStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	return max(i, 0)
}

func (s *vtScreen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.vt.String()
}

// ptyRun is the command running on a pseudo-terminal.
type ptyRun struct {
	t      *testing.T
	pty    *os.File
	screen *vtScreen
}

// waitFor waits until the screen shows every text (whitespace and line
// breaks aside).
func (r *ptyRun) waitFor(texts ...string) {
	r.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		scr := flat(r.screen.String())
		ok := true
		for _, x := range texts {
			ok = ok && strings.Contains(scr, flat(x))
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("the screen does not show %q:\n%s", texts, r.screen.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (r *ptyRun) send(keys string) {
	r.t.Helper()
	if _, err := r.pty.Write([]byte(keys)); err != nil {
		r.t.Fatal(err)
	}
}

// startPty runs bin on a pseudo-terminal of 200 by 60 in dir.
func startPty(t *testing.T, bin, dir string, args ...string) (*ptyRun, *exec.Cmd) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 60, Cols: 200})
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("geen pseudoterminal: %v", err)
		}
		t.Skipf("geen pseudoterminal: %v", err)
	}
	t.Cleanup(func() { f.Close(); cmd.Process.Kill() })
	r := &ptyRun{t: t, pty: f, screen: &vtScreen{vt: vt10x.New(vt10x.WithSize(200, 60))}}
	go io.Copy(r.screen, f)
	return r, cmd
}

// TestInterviewTerminal drives the forms on a pseudo-terminal through the
// first section with key presses: typing, Enter for a default, ? for help,
// Esc to go back, x to untick an option, Ctrl-U to clear an input; then
// Ctrl-C and "keep a draft". The draft holds exactly those answers.
func TestInterviewTerminal(t *testing.T) {
	bin := buildBinary(t)
	qs := pipelinetest.Content(t).Questions
	dir := t.TempDir()
	r, cmd := startPty(t, bin, dir, "interview")

	r.waitFor("Vraag 1 van 1 — De gemeente", "Wat is de naam van de gemeente?")
	r.send("Ptydam\r")
	s := makeScript(t, qs, nil, nil)
	var section []*question.Question
	for _, id := range s.ids {
		if q := qs.Lookup(id); q != nil && q.Section == qs.Sections[0] {
			section = append(section, q)
		}
	}
	at := func(i int) {
		r.waitFor(fmt.Sprintf("Vraag %d van %d — %s", i+1, len(section), section[i].Section.Title), section[i].Text)
	}
	for i, q := range section {
		at(i)
		switch q.ID {
		case "regio_naam":
			r.send("Ptyregio\r")
		case "afstemming":
			r.send("?")
			r.waitFor("Toelichting: "+strings.Join(strings.Fields(q.Help)[:5], " "), q.Text)
			r.send("\x1b") // Esc: back to regio_naam, which keeps its answer
			at(i - 1)
			r.waitFor("> Ptyregio")
			r.send("\r")
			at(i)
			r.send("x\r") // untick the first option (gemeenten)
		case "maximale_duur_maanden":
			r.send("\x1524\r") // Ctrl-U clears the 36 on offer
		case "reintegratieverordening":
			r.send("Re-integratieverordening Ptydam 2023\r")
		case "vervallen_artikelen":
			r.send("12, 13a\r")
		case "doelgroep_eigen":
			r.send("mensen met niet-aangeboren hersenletsel\r")
		default:
			r.send("\r")
		}
	}
	next := qs.Sections[1]
	r.waitFor("Vraag 1 van", next.Questions[0].Text)
	r.send("\x03") // Ctrl-C
	r.waitFor("U stopt voordat het interview klaar is.", "Stoppen zonder iets te bewaren")
	r.send("\x1b[B\r") // ↓ to "keep a draft", Enter
	if err := cmd.Wait(); err == nil || cmd.ProcessState.ExitCode() != 1 {
		t.Errorf("exit %v, want 1", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "antwoorden.yaml")); err == nil {
		t.Error("the answers file was written although the interview was stopped")
	}
	data, err := os.ReadFile(filepath.Join(dir, "antwoorden.concept.yaml"))
	if err != nil {
		t.Fatalf("no draft: %v\n%s", err, r.screen.String())
	}
	ex, err := interview.ReadExisting("concept", data, qs)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"reintegratieverordening": "Re-integratieverordening Ptydam 2023", "vervallen_artikelen": "12, 13a", "doelgroep_eigen": "mensen met niet-aangeboren hersenletsel", "regio_naam": "Ptyregio", "afstemming": []string{"uwv", "clientenraad"}, "maximale_duur_maanden": 24.0, "regionale_afspraken": "regionaal"}
	for id, v := range want {
		if !reflect.DeepEqual(ex.Values[id], v) {
			t.Errorf("%s: %#v, want %#v", id, ex.Values[id], v)
		}
	}
	if ex.Gemeente != "Ptydam" || len(ex.Values) != len(section) {
		t.Errorf("draft: gemeente %q, %d answers, want %d\n%s", ex.Gemeente, len(ex.Values), len(section), data)
	}
}
