package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verordening/internal/lint"
)

func answersFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "antwoorden.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCheckBorgingEmpty: with borging: [] check exits 1 and names
// pw8a-2e2-borging at the line and column of the borging answer; build
// still writes the documents, warns the same and exits 0.
func TestCheckBorgingEmpty(t *testing.T) {
	p := answersFile(t, "gemeente: Proefstad\nregionale_afspraken: lokaal\nborging: []\ninwerkingtreding: 2027-01-01\n")
	code, stdout, stderr := runCLI("check", "--answers", p)
	if code != 1 {
		t.Errorf("check: exit %d, want 1", code)
	}
	if want := p + ":3:10: pw8a-2e2-borging: zet borging op ten minste één maatregel"; !strings.Contains(stderr, want) {
		t.Errorf("check stderr:\n%s\nwant %q", stderr, want)
	}
	if !strings.Contains(stdout, "Niet gedekt: pw8a-2e2-borging") {
		t.Errorf("check stdout does not list pw8a-2e2-borging as not covered:\n%s", stdout)
	}
	out := t.TempDir()
	code, _, stderr = runCLI("build", "--answers", p, "--out", out, "--format", "md")
	if code != 0 {
		t.Errorf("build: exit %d, want 0\n%s", code, stderr)
	}
	if want := p + ":3:10: waarschuwing: pw8a-2e2-borging: "; !strings.Contains(stderr, want) {
		t.Errorf("build stderr:\n%s\nwant %q", stderr, want)
	}
	dekking, err := os.ReadFile(filepath.Join(out, "dekking.md"))
	if err != nil || !strings.Contains(string(dekking), "| niet gedekt: zet borging op ten minste één maatregel") {
		t.Errorf("dekking.md does not show pw8a-2e2-borging as niet gedekt with the message (%v)", err)
	}
}

// TestCheckKostenplafondBelowNorms: a kostenplafond below what the hour
// norms and the tariff grant in the first two years makes check exit 1,
// naming the amount and every norm answer at its place.
func TestCheckKostenplafondBelowNorms(t *testing.T) {
	p := answersFile(t, `gemeente: Proefstad
regionale_afspraken: lokaal
urennorm: percentage_werktijd
uren_jaar1_pct: 10
uren_jaar2_pct: 5
minimale_contracturen: 12
uurtarief: 80
kostenplafond: true
kostenplafond_bedrag: 6000
inwerkingtreding: 2027-01-01
`)
	code, stdout, stderr := runCLI("check", "--answers", p)
	if code != 1 {
		t.Errorf("check: exit %d, want 1", code)
	}
	for _, want := range []string{
		p + ":9:23: kostenplafond-onder-uurnorm: het maximum van € 6.000",
		p + ":4:17: kostenplafond-onder-uurnorm: ", // uren_jaar1_pct
		p + ":5:17: kostenplafond-onder-uurnorm: ", // uren_jaar2_pct
		p + ":6:24: kostenplafond-onder-uurnorm: ", // minimale_contracturen
		p + ":7:12: kostenplafond-onder-uurnorm: ", // uurtarief
		p + ":1:1: kostenplafond-onder-uurnorm: ",  // werkweken_per_jaar, a default
		"(werkweken_per_jaar staat op de standaardwaarde",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check stderr:\n%s\nwant %q", stderr, want)
		}
	}
	if !strings.Contains(stdout, "De antwoorden spreken elkaar tegen: kostenplafond-onder-uurnorm") {
		t.Errorf("check stdout:\n%s\nwant the broken rule named", stdout)
	}
	// build writes the documents, warns, and the dekkingsoverzicht lists
	// the broken rule in Markdown that both parsers read alike.
	out := t.TempDir()
	if code, _, stderr := runCLI("build", "--answers", p, "--out", out, "--format", "md"); code != 0 ||
		!strings.Contains(stderr, p+":9:23: waarschuwing: kostenplafond-onder-uurnorm: ") {
		t.Errorf("build: exit %d, want 0 and a warning at kostenplafond_bedrag\n%s", code, stderr)
	}
	dekking, err := os.ReadFile(filepath.Join(out, "dekking.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(dekking), "## Antwoorden die elkaar tegenspreken") ||
		!strings.Contains(string(dekking), "| `kostenplafond-onder-uurnorm` | het maximum van € 6.000") {
		t.Errorf("dekking.md does not list the broken rule:\n%s", dekking)
	}
	if d := lint.Compare(dekking); d != nil {
		t.Errorf("dekking.md: %s", d)
	}
	// Raised to what the norms grant, the answers agree.
	p = answersFile(t, strings.Replace(mustRead(t, p), "kostenplafond_bedrag: 6000", "kostenplafond_bedrag: 6912", 1))
	if code, _, stderr := runCLI("check", "--answers", p); code != 0 {
		t.Errorf("check with kostenplafond_bedrag 6912: exit %d\n%s", code, stderr)
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRegionCheckFindings: region --check names each gemeente's unmet
// needs and broken rules at the lines of the region file and exits 1.
func TestRegionCheckFindings(t *testing.T) {
	p := filepath.Join(t.TempDir(), "regio.yaml")
	os.WriteFile(p, []byte(`regio: Proefregio
afwijkbaar: [kostenplafond_bedrag]
basis:
  regionale_afspraken: lokaal
  uurtarief: 80
  kostenplafond: true
  kostenplafond_bedrag: 9000
  inwerkingtreding: 2027-01-01
gemeenten:
  Hoogdorp: {}
  Laagdorp:
    kostenplafond_bedrag: 4000
`), 0o644)
	code, stdout, stderr := runCLI("region", "--region", p, "--check")
	if code != 1 {
		t.Errorf("region --check: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	if want := "Laagdorp: " + p + ":12:27: kostenplafond-onder-uurnorm: "; !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant %q", stderr, want)
	}
	if strings.Contains(stderr, "Hoogdorp:") {
		t.Errorf("Hoogdorp reported, though its kostenplafond is high enough:\n%s", stderr)
	}
	// Building the region writes every gemeente and warns the same.
	code, _, stderr = runCLI("region", "--region", p, "--out", t.TempDir(), "--format", "md")
	if want := "Laagdorp: " + p + ":12:27: waarschuwing: kostenplafond-onder-uurnorm: "; code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("region build: exit %d, want 0 and %q in stderr:\n%s", code, want, stderr)
	}
}
