package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"verordening/internal/lint"
	"verordening/internal/tooltest"
)

// TestAmendScenarios runs testdata/amend/*.txtar like the scenarios in
// testdata/scenarios (see TestScenarios): old and new answers, the
// command line, and the expected exit code, output and
// wijzigingsverordening.md. Rewrite them with -update and read the diff.
func TestAmendScenarios(t *testing.T) {
	files, _ := filepath.Glob("testdata/amend/*.txtar")
	if len(files) < 6 {
		t.Fatalf("%d amend scenarios, want at least 6", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runScenario(t, file)
		})
	}
}

// amendFiles writes a scenario's answer files into a fresh folder and
// returns the paths of the old and new file.
func amendFiles(t *testing.T, scenario string) (dir, oldFile, newFile string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "amend", scenario+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".yaml") {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir, filepath.Join(dir, "oud.yaml"), filepath.Join(dir, "nieuw.yaml")
}

// TestAmendDeterministic: two runs write the same bytes, in every format.
func TestAmendDeterministic(t *testing.T) {
	dir, oldFile, newFile := amendFiles(t, "variant")
	var outs []string
	for i := range 2 {
		out := filepath.Join(dir, "uit"+amendItoa(i))
		if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--format", "md,html,docx"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		outs = append(outs, out)
	}
	entries, _ := os.ReadDir(outs[0])
	if len(entries) != 9 {
		t.Errorf("%d files written, want 9 (wijzigingsverordening and waswordt in md, html and docx, wijzigingen.html and .docx, and the manifest .verordening)", len(entries))
	}
	for _, e := range entries {
		a, _ := os.ReadFile(filepath.Join(outs[0], e.Name()))
		b, _ := os.ReadFile(filepath.Join(outs[1], e.Name()))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", e.Name())
		}
	}
}

func amendItoa(i int) string { return string(rune('0' + i)) }

// TestAmendPages: the wijzigingsverordening's page passes the checks every
// page passes, the Markdown reads the same in both parsers, and the
// redline is a page of its own with a legend and marked changes.
func TestAmendPages(t *testing.T) {
	dir, oldFile, newFile := amendFiles(t, "variant")
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(out, "wijzigingsverordening.html"))
	checkPage(t, "wijzigingsverordening.html", page, true)
	md, _ := os.ReadFile(filepath.Join(out, "wijzigingsverordening.md"))
	if d := lint.Compare(md); d != nil {
		t.Errorf("wijzigingsverordening.md: %s", d)
	}
	if !bytes.Contains(page, []byte("<blockquote>")) {
		t.Error("the article that comes to read differently is not quoted")
	}
	red, _ := os.ReadFile(filepath.Join(out, "wijzigingen.html"))
	checkPage(t, "wijzigingen.html", red, true)
	for _, want := range []string{`class="legenda"`, "<ins>", "<del>", `href="#artikel-15"`, `id="artikel-15"`} {
		if !bytes.Contains(red, []byte(want)) {
			t.Errorf("wijzigingen.html lacks %s", want)
		}
	}
}

// TestAmendEscapes: a gemeente name with markup stays text in both pages.
func TestAmendEscapes(t *testing.T) {
	dir := t.TempDir()
	base := "gemeente: \"Stad <img src=x onerror=alert(1)> & Co\"\nregionale_afspraken: lokaal\n"
	oldFile, newFile := filepath.Join(dir, "oud.yaml"), filepath.Join(dir, "nieuw.yaml")
	os.WriteFile(oldFile, []byte(base+"inwerkingtreding: 2027-01-01\n"), 0o644)
	os.WriteFile(newFile, []byte(base+"nazorg: false\ninwerkingtreding: 2028-01-01\n"), 0o644)
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"wijzigingsverordening.html", "wijzigingen.html"} {
		page, _ := os.ReadFile(filepath.Join(out, name))
		if bytes.Contains(page, []byte("<img")) {
			t.Errorf("%s: markup from the answers became an element", name)
		}
		if !bytes.Contains(page, []byte("&lt;img")) {
			t.Errorf("%s: the gemeente's name is not shown as text", name)
		}
	}
}

// TestAmendDocx: with --format docx the wijzigingsverordening is written in
// Word, and LibreOffice, as an independent reader, converts it.
func TestAmendDocx(t *testing.T) {
	dir, oldFile, newFile := amendFiles(t, "ingevoegd")
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--format", "md,html,docx"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docx := filepath.Join(out, "wijzigingsverordening.docx")
	if st, err := os.Stat(docx); err != nil || st.Size() == 0 {
		t.Fatal("wijzigingsverordening.docx not written")
	}
	pdf := tooltest.ToPDF(t, t.TempDir(), docx)[0]
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		t.Fatal("LibreOffice did not convert wijzigingsverordening.docx")
	}
}

// amendContent is a copy of the content pack with a beleidsregels article
// and a definition that follow the answer beslisser, which the text of the
// built-in verordening does not use: so a change of that answer changes
// only what these two add.
func amendContent(t *testing.T, beleidsregels, definition bool) string {
	dir := copyContent(t)
	if beleidsregels {
		chapters := filepath.Join(dir, "clauses", "hoofdstukken.yaml")
		data, _ := os.ReadFile(chapters)
		chapter := "amendtest"
		if i := bytes.Index(data, []byte("\nbeleidsregels:\n")); i >= 0 {
			rest := string(data[i+len("\nbeleidsregels:\n"):])
			_, after, _ := strings.Cut(rest, "id: ")
			chapter, _, _ = strings.Cut(after, "\n")
			chapter = strings.TrimSpace(chapter)
		} else {
			data = append(data, "beleidsregels:\n  - id: amendtest\n    title: Mandaat\n"...)
			os.WriteFile(chapters, data, 0o644)
		}
		os.MkdirAll(filepath.Join(dir, "clauses", "beleidsregels"), 0o755)
		clause := "---\nid: amendtest-mandaat\ndocument: beleidsregels\nchapter: " + chapter +
			"\norder: 9999\nkind: vast\ntitle: Mandaat bij het besluit\n---\n" +
			"Het besluit over duur en intensiteit op een aanvraag als bedoeld in {{ ref \"aanvraag\" }} neemt {{ label \"beslisser\" .A.beslisser }}.\n\n## Toelichting\n\nZo weet iedereen wie beslist.\n"
		os.WriteFile(filepath.Join(dir, "clauses", "beleidsregels", "99-amendtest.md"), []byte(clause), 0o644)
	}
	if definition {
		def := "---\nid: begrip-college\ndocument: verordening\nkind: vast\ndefines: [college]\nuses: []\n---\n" +
			"college van burgemeester en wethouders{{ if eq .A.beslisser \"teammanager\" }}, dat bij het besluit over duur en intensiteit beslist op voorstel van de klantmanager{{ end }}\n\n## Toelichting\n\nHet college voert de verordening uit.\n"
		os.WriteFile(filepath.Join(dir, "clauses", "begrippen", "college.md"), []byte(def), 0o644)
	}
	return dir
}

// writeAnswers writes an old and a new answers file that differ in the
// given lines of the new one.
func writeAnswers(t *testing.T, extra string) (oldFile, newFile string) {
	dir := t.TempDir()
	base := "gemeente: Utrecht\nregionale_afspraken: lokaal\n"
	oldFile, newFile = filepath.Join(dir, "oud.yaml"), filepath.Join(dir, "nieuw.yaml")
	os.WriteFile(oldFile, []byte(base+"beslisser: teammanager\ninwerkingtreding: 2027-01-01\n"), 0o644)
	os.WriteFile(newFile, []byte(base+extra+"inwerkingtreding: 2028-01-01\n"), 0o644)
	return oldFile, newFile
}

// TestAmendOnlyBeleidsregels: a choice that only the beleidsregels use
// changes no verordening; the command says which document changes and
// writes nothing.
func TestAmendOnlyBeleidsregels(t *testing.T) {
	content := amendContent(t, true, false)
	oldFile, newFile := writeAnswers(t, "beslisser: klantmanager\n")
	out := filepath.Join(t.TempDir(), "uit")
	code, stdout, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--content", content)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"De verordening verandert niet", "De beleidsregels veranderen wel: het college stelt gewijzigde beleidsregels vast.", "Er is niets geschreven."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a folder was written")
	}
	// Both change: the wijzigingsverordening is written and the
	// beleidsregels are named.
	oldFile, newFile = writeAnswers(t, "beslisser: klantmanager\nnazorg: false\n")
	code, stdout, stderr = runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--content", content)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "De beleidsregels veranderen ook") {
		t.Errorf("stdout does not name the beleidsregels:\n%s", stdout)
	}
	md, _ := os.ReadFile(filepath.Join(out, "wijzigingsverordening.md"))
	if !bytes.Contains(md, []byte("#### Beleidsregels")) {
		t.Error("the toelichting does not say that the beleidsregels change")
	}
	// An article inserted before the one the beleidsregels cite moves that
	// article in a fresh build, but not in the amended regulation: the
	// beleidsregels do not change.
	oldFile, newFile = writeAnswers(t, "beslisser: teammanager\novergang_onderwijs_werk: true\n")
	os.WriteFile(oldFile, []byte("gemeente: Utrecht\nregionale_afspraken: lokaal\nbeslisser: teammanager\novergang_onderwijs_werk: false\ninwerkingtreding: 2027-01-01\n"), 0o644)
	code, stdout, stderr = runCLI("amend", "--from", oldFile, "--to", newFile, "--out", filepath.Join(t.TempDir(), "uit"), "--content", content)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "ingevoegd") || strings.Contains(stdout, "beleidsregels") {
		t.Errorf("want an inserted article and no change to the beleidsregels:\n%s", stdout)
	}
}

// TestAmendChangedDefinition: a definition whose text follows an answer
// changes within artikel 1 as a replacement in that definition.
func TestAmendChangedDefinition(t *testing.T) {
	content := amendContent(t, false, true)
	oldFile, newFile := writeAnswers(t, "beslisser: klantmanager\n")
	out := filepath.Join(t.TempDir(), "uit")
	code, stdout, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--content", content)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "wijzigingsverordening.md"))
	for _, want := range []string{
		"In de begripsomschrijving van “college” in artikel 1, eerste lid, van de Verordening jobcoaching Utrecht 2027 wordt “wethouders, dat bij het besluit over duur en intensiteit beslist op voorstel van de klantmanager” vervangen door “wethouders”.",
		"De begripsomschrijving van “college” verandert. Dat volgt uit het gewijzigde antwoord op de vraag “Wie neemt namens het college het besluit over duur en intensiteit?”",
	} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("wijzigingsverordening.md lacks\n%s\n%s", want, md)
		}
	}
}
