package interview

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"verordening/internal/question"
)

const testQuestions = `
section: {id: een, title: Eerste deel, order: 1, intro: Over het begin.}
questions:
  - id: soort
    text: Welke soort?
    help: Uitleg over de soort.
    type: keuze
    options: [{value: klein, label: Klein}, {value: groot, label: Groot}]
    default: klein
  - id: naam
    text: Welke naam?
    help: Alleen bij groot.
    type: tekst
    when: soort == "groot"
  - id: aantal
    text: Hoeveel?
    help: Een aantal.
    type: getal
    unit: weken
    min: 1
    max: 10
    default: 5
    source: {year: 2020, title: Bron}
`

const testQuestions2 = `
section: {id: twee, title: Tweede deel, order: 2}
questions:
  - id: kleuren
    text: Welke kleuren?
    help: Kies er een paar.
    type: meerkeuze
    options: [{value: rood, label: Rood}, {value: blauw, label: Blauw}, {value: groen, label: Groen}]
    default: [rood]
  - id: datum
    text: Welke datum?
    help: Mag open blijven.
    type: datum
    optional: true
  - id: akkoord
    text: Akkoord?
    help: Ja of nee.
    type: janee
    default: true
`

func testQS(t *testing.T) *question.Questionnaire {
	t.Helper()
	qs, err := question.Load(fstest.MapFS{
		"questions/01.yaml": {Data: []byte(testQuestions)},
		"questions/02.yaml": {Data: []byte(testQuestions2)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// fakeUI replays replies and records the prompts.
type fakeUI struct {
	replies []string // "?" help, "<" back, "-" skip, "stop", else an answer
	reviews []int
	stops   []StopChoice
	prompts []*Prompt
}

var errDone = errors.New("script ended")

func (f *fakeUI) Ask(p *Prompt) (Reply, error) {
	f.prompts = append(f.prompts, p)
	if len(f.replies) == 0 {
		return Reply{}, errDone
	}
	s := f.replies[0]
	f.replies = f.replies[1:]
	return lineReply(s), nil
}

func (f *fakeUI) Review([]ReviewItem) (int, error) {
	if len(f.reviews) == 0 {
		return 0, errDone
	}
	i := f.reviews[0]
	f.reviews = f.reviews[1:]
	return i, nil
}

func (f *fakeUI) Stop(string) (StopChoice, error) {
	if len(f.stops) == 0 {
		return 0, errDone
	}
	c := f.stops[0]
	f.stops = f.stops[1:]
	return c, nil
}

func (f *fakeUI) ids() string {
	var ids []string
	for _, p := range f.prompts {
		ids = append(ids, p.Question.ID)
	}
	return strings.Join(ids, " ")
}

func TestInterviewConditionsAndBack(t *testing.T) {
	ui := &fakeUI{replies: []string{"Stad", "2", "Noord", "<", "<", "1", "", "", "", "", ""}, reviews: []int{ReviewSave}}
	res, err := Run(Config{Questions: testQS(t), UI: ui})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ui.ids(), "gemeente soort naam aantal naam soort aantal kleuren datum akkoord"; got != want {
		t.Errorf("asked %s\nwant  %s", got, want)
	}
	// Going back offers the answer given before.
	if p := ui.prompts[4]; p.Offer != OfferAnswer || p.Offered != "Noord" {
		t.Errorf("back to naam offers %v (%v)", p.Offered, p.Offer)
	}
	if !res.Complete || res.Gemeente != "Stad" || res.Values["soort"].V != "klein" {
		t.Errorf("result %+v", res)
	}
	if _, ok := res.Values["naam"]; ok {
		t.Error("naam kept although it no longer applies")
	}
	if _, ok := res.Values["datum"]; ok {
		t.Error("the open datum was written")
	}
	if v := res.Values["aantal"]; v.V != 5.0 || !v.Default {
		t.Errorf("aantal %+v, want the default, marked", v)
	}
}

func TestInterviewProgressAndIntro(t *testing.T) {
	ui := &fakeUI{replies: []string{"Stad", "groot", "Noord", "3"}}
	Run(Config{Questions: testQS(t), UI: ui})
	type pos struct{ n, m int }
	var got []pos
	for _, p := range ui.prompts {
		got = append(got, pos{p.N, p.M})
	}
	// soort is 1 of 2 while naam does not apply, naam 2 of 3 once it does.
	want := []pos{{1, 1}, {1, 2}, {2, 3}, {3, 3}, {1, 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("progress %v, want %v", got, want)
	}
	if !ui.prompts[1].Intro || ui.prompts[2].Intro || ui.prompts[4].Intro {
		t.Error("the intro is not shown once, at the first question of a section with one")
	}
}

func TestInterviewHelpSkipAndMessages(t *testing.T) {
	ui := &fakeUI{replies: []string{"<", "Stad", "?", "", "-", "11", "", "geen", "-", "nee"}, reviews: []int{ReviewSave}}
	res, err := Run(Config{Questions: testQS(t), UI: ui})
	if err != nil {
		t.Fatal(err)
	}
	msgs := map[string]string{}
	for _, p := range ui.prompts {
		msgs[p.Question.ID] += p.Message
	}
	if !strings.Contains(msgs["gemeente"], "eerste vraag") {
		t.Errorf("back at the first question: %q", msgs["gemeente"])
	}
	if !ui.prompts[3].ShowHelp || ui.prompts[4].ShowHelp {
		t.Error("help is not shown once after ?")
	}
	if !strings.Contains(msgs["aantal"], "alleen vragen die open mogen blijven") {
		t.Errorf("skipping a required question: %q", msgs["aantal"])
	}
	if !reflect.DeepEqual(res.Values["kleuren"].V, []string{}) || res.Values["akkoord"].V != false {
		t.Errorf("values %+v", res.Values)
	}
	if v := res.Values["aantal"]; v.V != 5.0 {
		t.Errorf("aantal %v: 11 is out of range and must be refused", v.V)
	}
}

func TestInterviewResume(t *testing.T) {
	ex := &Existing{Gemeente: "Stad", Values: map[string]any{"soort": "groot", "aantal": 7.0}}
	ui := &fakeUI{replies: []string{"Noord", "", "", ""}, reviews: []int{ReviewSave}}
	res, err := Run(Config{Questions: testQS(t), UI: ui, Existing: ex})
	if err != nil {
		t.Fatal(err)
	}
	if got := ui.ids(); got != "naam kleuren datum akkoord" {
		t.Errorf("asked %s", got)
	}
	if res.Values["aantal"].V != 7.0 || res.Values["aantal"].Default {
		t.Errorf("aantal %+v", res.Values["aantal"])
	}
	ui = &fakeUI{replies: []string{"", "", "Noord", "", "", "", ""}, reviews: []int{ReviewSave}}
	if _, err := Run(Config{Questions: testQS(t), UI: ui, Existing: ex, All: true}); err != nil {
		t.Fatal(err)
	}
	if got := ui.ids(); got != "gemeente soort naam aantal kleuren datum akkoord" {
		t.Errorf("--all asked %s", got)
	}
	if p := ui.prompts[3]; p.Offered != 7.0 || p.Offer != OfferAnswer {
		t.Errorf("--all offers %v (%v) for aantal", p.Offered, p.Offer)
	}
}

func TestInterviewReviewChange(t *testing.T) {
	// Review item 1 is soort; changing it to groot asks naam.
	ui := &fakeUI{replies: []string{"Stad", "", "", "", "", "", "groot", "Zuid"}, reviews: []int{1, ReviewSave}}
	res, err := Run(Config{Questions: testQS(t), UI: ui})
	if err != nil {
		t.Fatal(err)
	}
	if res.Values["naam"].V != "Zuid" || res.Values["soort"].V != "groot" {
		t.Errorf("values %+v", res.Values)
	}
}

func TestInterviewStop(t *testing.T) {
	ui := &fakeUI{replies: []string{"Stad", "stop", "groot", "stop"}, stops: []StopChoice{Continue, SaveDraft}}
	res, err := Run(Config{Questions: testQS(t), UI: ui})
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete || !res.Keep || res.Gemeente != "Stad" || res.Values["soort"].V != "groot" || len(res.Values) != 1 {
		t.Errorf("result %+v", res)
	}
	ui = &fakeUI{replies: []string{"Stad"}}
	if _, err := Run(Config{Questions: testQS(t), UI: ui}); !errors.Is(err, errDone) {
		t.Errorf("the UI's error is not returned: %v", err)
	}
}

func TestInterviewParse(t *testing.T) {
	qs := testQS(t)
	for _, c := range []struct {
		id, text string
		want     any
		msg      string
	}{
		{"soort", "2", "groot", ""},
		{"soort", "Groot", "groot", ""},
		{"soort", "3", nil, "er is geen keuze 3"},
		{"soort", "middel", nil, "onbekende keuze"},
		{"kleuren", "1, 3", []string{"rood", "groen"}, ""},
		{"kleuren", "blauw,1", []string{"blauw", "rood"}, ""},
		{"kleuren", "geen", []string{}, ""},
		{"kleuren", "1,1", nil, "dubbel"},
		{"aantal", "7,5", 7.5, ""},
		{"aantal", "8 weken", 8.0, ""},
		{"aantal", "11", nil, "buiten het bereik"},
		{"aantal", "veel", nil, "verwacht een getal"},
		{"datum", "1-7-2027", "2027-07-01", ""},
		{"datum", "2027-07-01", "2027-07-01", ""},
		{"datum", "31-2-2027", nil, "verwacht een datum"},
		{"akkoord", "Ja", true, ""},
		{"akkoord", "n", false, ""},
	} {
		got, msg := Parse(qs.Lookup(c.id), c.text)
		if c.msg != "" {
			if !strings.Contains(msg, c.msg) {
				t.Errorf("%s %q: message %q, want %q", c.id, c.text, msg, c.msg)
			}
			continue
		}
		if msg != "" || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q: %#v %q, want %#v", c.id, c.text, got, msg, c.want)
		}
	}
	bedrag := &question.Question{ID: "b", Type: question.Bedrag}
	if v, msg := Parse(bedrag, "€ 8.600,50"); v != 8600.5 {
		t.Errorf("€ 8.600,50: %v %s", v, msg)
	}
}

func TestInterviewReadExisting(t *testing.T) {
	qs := testQS(t)
	ex, err := ReadExisting("a.yaml", []byte("# concept\ngemeente: Stad\nsoort: groot\nkleuren: [rood]\n"), qs)
	if err != nil || ex.Gemeente != "Stad" || ex.Values["soort"] != "groot" || len(ex.Values) != 2 {
		t.Fatalf("%+v %v", ex, err)
	}
	if ex, err := ReadExisting("a.yaml", nil, qs); err != nil || len(ex.Values) != 0 {
		t.Errorf("empty file: %+v %v", ex, err)
	}
	_, err = ReadExisting("a.yaml", []byte("gemeente: Stad\nsort: groot\naantal: 99\n"), qs)
	for _, want := range []string{`a.yaml:2:1: onbekende vraag "sort"`, "a.yaml:3:9: aantal: 99 valt buiten het bereik"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

func TestInterviewFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := WriteFile(path, []byte("x: 1\n")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1 (no temporary file left)", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "nee", "a.yaml"), nil); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	if DraftPath("d/antwoorden.yaml") != "d/antwoorden.concept.yaml" || FinalPath("d/antwoorden.concept.yaml") != "d/antwoorden.yaml" || FinalPath("a.yaml") != "" {
		t.Error("draft names")
	}
	if Quote("a b.yaml") != "'a b.yaml'" || Quote("d/a.yaml") != "d/a.yaml" {
		t.Error("quoting")
	}
	res := &Result{Gemeente: "Stad"}
	draft := string(EncodeDraft(res, testQS(t), "a.concept.yaml", "a.yaml"))
	if !strings.HasPrefix(draft, "# ONVOLLEDIG CONCEPT") || !strings.Contains(draft, "--answers a.concept.yaml --out a.yaml") {
		t.Errorf("draft:\n%s", draft)
	}
}
