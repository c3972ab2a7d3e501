package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// lineOf returns the 1-based number of the line of file that starts with prefix.
func lineOf(t *testing.T, file, prefix string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s: no line starts with %q", file, prefix)
	return 0
}

// TestStatuteChangeWarns: a --content pack that records a change of
// artikel 10, vierde lid, after the text the clauses were checked against
// makes check and build warn at the wettekst line of a clause citing it;
// a change after the inwerkingtreding does not.
func TestStatuteChangeWarns(t *testing.T) {
	dir := copyContent(t)
	wetten := filepath.Join(dir, "clauses", "wetten.yaml")
	data, err := os.ReadFile(wetten)
	if err != nil {
		t.Fatal(err)
	}
	extra := `
  - datum: 2026-10-01
    wet: Testwet
    zekerheid: zeker
    artikelen: [Participatiewet/10/4]
    wijziging: het onderzoek wordt anders geregeld
  - datum: 2027-06-01
    wet: Latere testwet
    zekerheid: zeker
    artikelen: [Participatiewet/10/5]
    wijziging: de aanvraag wordt anders geregeld
`
	if err := os.WriteFile(wetten, append(data, extra...), 0o644); err != nil {
		t.Fatal(err)
	}
	clauseFile := filepath.Join(dir, "clauses", "verordening", "30-onderzoek.md")
	want := "clauses/verordening/30-onderzoek.md:" + strconv.Itoa(lineOf(t, clauseFile, "wettekst:")) + ":11: waarschuwing: controleer artikel 10, vierde lid, van de Participatiewet tegen de tekst die geldt op 1 januari 2027: de Testwet wijzigt per 1 oktober 2026"
	code, _, stderr := runCLI("check", "--example", "uwv-protocol", "--content", dir)
	if !strings.Contains(stderr, want) {
		t.Errorf("check (exit %d): stderr lacks\n%s\ngot:\n%s", code, want, stderr)
	}
	if strings.Contains(stderr, "Latere testwet") {
		t.Errorf("check warns about a change after the inwerkingtreding:\n%s", stderr)
	}
	_, _, stderr = runCLI("build", "--example", "uwv-protocol", "--content", dir, "--format", "md", "--out", t.TempDir())
	if !strings.Contains(stderr, want) {
		t.Errorf("build: stderr lacks\n%s\ngot:\n%s", want, stderr)
	}
}

// TestWettekstRequired: a clause with a basis but no wettekst, or with a
// wettekst that is no date, stops loading with the file and line.
func TestWettekstRequired(t *testing.T) {
	for _, tt := range []struct{ replace, want string }{
		{"", "30-onderzoek.md:2:1: onderzoek: de clausule heeft een basis maar geen wettekst"},
		{"wettekst: juli 2026\n", ":11: onderzoek: wettekst \"juli 2026\" is geen datum"},
	} {
		dir := copyContent(t)
		file := filepath.Join(dir, "clauses", "verordening", "30-onderzoek.md")
		data, _ := os.ReadFile(file)
		text := strings.Replace(string(data), "wettekst: 2026-07-01\n", tt.replace, 1)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCLI("check", "--example", "uwv-protocol", "--content", dir)
		if code != exitInput || !strings.Contains(stderr, tt.want) {
			t.Errorf("wettekst %q: exit %d, stderr:\n%s\nwant it to contain %q", tt.replace, code, stderr, tt.want)
		}
	}
}

// TestOpenInwerkingtreding: an answers file without a date of
// inwerkingtreding builds; the verordening follows the statutory default
// of artikel 10, tweede lid, van de Bekendmakingswet, the beleidsregels
// state their own date, and no document prints an empty or zero date.
func TestOpenInwerkingtreding(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "antwoorden.yaml")
	base := "gemeente: Openstad\nregionale_afspraken: lokaal\n"
	os.WriteFile(answers, []byte(base), 0o644)
	code, _, stderr := runCLI("check", "--answers", answers)
	if want := "de vraag beleidsregels_inwerkingtreding is niet beantwoord"; code != exitInput || !strings.Contains(stderr, want) {
		t.Errorf("without any date: exit %d, stderr:\n%s\nwant %q", code, stderr, want)
	}

	os.WriteFile(answers, []byte(base+"beleidsregels_inwerkingtreding: 2027-03-01\nvaststelling_datum: 2026-11-12\nkostenplafond: true\n"), 0o644)
	out := filepath.Join(dir, "uit")
	code, _, stderr = runCLI("build", "--answers", answers, "--format", "md", "--out", out)
	if code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	v, br, ib := read("verordening.md"), read("beleidsregels.md"), read("informatieblad.md")
	for _, want := range []string{
		"Deze verordening treedt in werking met ingang van de achtste dag na de dag van uitgifte van het gemeenteblad waarin zij wordt bekendgemaakt.",
		"(artikel 10, tweede lid, van de Bekendmakingswet)",
		"besluit vast te stellen de volgende verordening: Verordening jobcoaching Openstad 2026.",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("verordening.md lacks %q", want)
		}
	}
	for _, want := range []string{
		"Deze beleidsregels treden in werking met ingang van 1 maart 2027, maar niet eerder dan de dag na die van hun bekendmaking en niet eerder dan de dag waarop de Verordening jobcoaching Openstad 2026 in werking treedt.",
		"gelden met ingang van 1 maart 2027.",
		"Beleidsregels jobcoaching Openstad 2027.",
	} {
		if !strings.Contains(br, want) {
			t.Errorf("beleidsregels.md lacks %q", want)
		}
	}
	if want := "De informatie geldt vanaf 1 maart 2027."; !strings.Contains(ib, want) {
		t.Errorf("informatieblad.md lacks %q", want)
	}
	for name, text := range map[string]string{"verordening.md": v, "beleidsregels.md": br, "informatieblad.md": ib} {
		for _, bad := range []string{"met ingang van .", "met ingang van ,", "vanaf .", "op .", "0001", "januari 1 ", "in werking op ."} {
			if strings.Contains(text, bad) {
				t.Errorf("%s prints an empty date: %q", name, bad)
			}
		}
	}
	_, _, stderr = runCLI("check", "--answers", answers)
	if !strings.Contains(stderr, "voor de vaststelling op 12 november 2026") {
		t.Errorf("stale figures are not checked against the vaststelling date:\n%s", stderr)
	}
}

// TestStatutesFileRequired: the laws a basis may cite live in
// clauses/wetten.yaml; without it the pack does not load, and a basis
// citing a law the file does not list is an error at the clause.
func TestStatutesFileRequired(t *testing.T) {
	dir := copyContent(t)
	os.Remove(filepath.Join(dir, "clauses", "wetten.yaml"))
	code, _, stderr := runCLI("check", "--example", "uwv-protocol", "--content", dir)
	if code != exitInput || !strings.Contains(stderr, "clauses/wetten.yaml ontbreekt") {
		t.Errorf("without wetten.yaml: exit %d\n%s", code, stderr)
	}

	dir = copyContent(t)
	file := filepath.Join(dir, "clauses", "verordening", "30-onderzoek.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(data), "  - Participatiewet/10/4\n", "  - Wmo/2.3.5\n", 1)), 0o644)
	code, _, stderr = runCLI("check", "--example", "uwv-protocol", "--content", dir)
	if want := `30-onderzoek.md:11:5: basis "Wmo/2.3.5": onbekende wet "Wmo"`; code != exitInput || !strings.Contains(stderr, want) {
		t.Errorf("unknown law: exit %d\n%s\nwant %q", code, stderr, want)
	}
}
