package amend

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/tools/txtar"

	"verordening/internal/document"
	"verordening/internal/pipeline/pipelinetest"
	"verordening/internal/tooltest"
)

// scenarioAmendments compares the answer pairs of the CLI's amend
// scenarios (cmd/verordening/testdata/amend) that give a change.
func scenarioAmendments(t *testing.T) map[string]*Amendment {
	t.Helper()
	c := pipelinetest.Content(t)
	files, _ := filepath.Glob("../../cmd/verordening/testdata/amend/*.txtar")
	out := map[string]*Amendment{}
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data := map[string][]byte{}
		for _, af := range ar.Files {
			data[af.Name] = af.Data
		}
		if data["oud.yaml"] == nil || data["nieuw.yaml"] == nil {
			continue
		}
		oldAns, _, err1 := c.Decode("oud.yaml", data["oud.yaml"])
		newAns, _, err2 := c.Decode("nieuw.yaml", data["nieuw.yaml"])
		if err1 != nil || err2 != nil {
			continue // a scenario of bad input
		}
		am, err := Compare(c, oldAns, newAns)
		if err != nil || am.Same() {
			continue
		}
		out[strings.TrimSuffix(filepath.Base(f), ".txtar")] = am
	}
	if len(out) < 5 {
		t.Fatalf("%d amend scenarios with changes, want at least 5", len(out))
	}
	return out
}

// revisedText reads word/document.xml as Word shows it after accepting
// every change (accept) or rejecting every change: the text of w:ins is
// kept and w:del dropped, or the other way round. A paragraph whose mark
// is dropped and that keeps no text is left out. One line per paragraph,
// white space collapsed.
func revisedText(t *testing.T, docXML []byte, accept bool) []string {
	t.Helper()
	drop := "del"
	if !accept {
		drop = "ins"
	}
	var lines []string
	var cur strings.Builder
	dropped := 0      // depth inside a dropped w:ins or w:del
	inText := false   // inside w:t or w:delText
	inRPr := false    // inside a paragraph's w:pPr/w:rPr
	markGone := false // the paragraph mark is dropped
	eachToken(t, docXML, func(tok xml.Token) {
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "p":
				cur.Reset()
				markGone = false
			case "pPr":
			case "rPr":
				inRPr = true
			case "ins", "del":
				if inRPr {
					markGone = markGone || tok.Name.Local == drop
				} else if tok.Name.Local == drop || dropped > 0 {
					dropped++
				}
			case "t", "delText":
				inText = true
			case "tab":
				if dropped == 0 {
					cur.WriteString(" ")
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				line := strings.Join(strings.Fields(cur.String()), " ")
				if line != "" || !markGone {
					lines = append(lines, line)
				}
			case "rPr":
				inRPr = false
			case "ins", "del":
				if !inRPr && dropped > 0 {
					dropped--
				}
			case "t", "delText":
				inText = false
			}
		case xml.CharData:
			if inText && dropped == 0 {
				cur.Write(tok)
			}
		}
	})
	return lines
}

// modelText is the text of a regulation as the model holds it, one line
// per block, white space collapsed.
func modelText(d *document.Document) []string {
	var out []string
	for _, b := range regulationBlocks(d) {
		out = append(out, strings.Join(strings.Fields(plain(b.full())), " "))
	}
	return out
}

// compareArticles compares two texts article by article and reports the
// first article that differs.
func compareArticles(t *testing.T, what string, got, want []string) {
	t.Helper()
	split := func(lines []string) (heads []string, bodies []string) {
		heads, bodies = []string{"(begin)"}, []string{""}
		for _, l := range lines {
			if strings.HasPrefix(l, "Artikel ") {
				heads, bodies = append(heads, l), append(bodies, "")
			}
			bodies[len(bodies)-1] += l + "\n"
		}
		return heads, bodies
	}
	gh, gb := split(got)
	wh, wb := split(want)
	if len(gh) != len(wh) {
		t.Errorf("%s: %d articles, want %d:\n%q\nwant\n%q", what, len(gh)-1, len(wh)-1, gh, wh)
		return
	}
	for i := range gh {
		if gb[i] != wb[i] {
			t.Errorf("%s: %s reads\n%s\nwant\n%s", what, wh[i], gb[i], wb[i])
		}
	}
}

// TestAmendRedlineDocxAcceptReject: accepting every tracked change of
// wijzigingen.docx gives the verordening as it will read, rejecting them
// gives the verordening as it reads now, in every scenario.
func TestAmendRedlineDocxAcceptReject(t *testing.T) {
	for name, am := range scenarioAmendments(t) {
		t.Run(name, func(t *testing.T) {
			data, err := am.RedlineDocx()
			if err != nil {
				t.Fatal(err)
			}
			doc := []byte(pipelinetest.DocxBody(t, data))
			if !bytes.Contains(doc, []byte("<w:ins ")) && !bytes.Contains(doc, []byte("<w:del ")) {
				t.Fatal("no tracked changes")
			}
			compareArticles(t, "accepted", revisedText(t, doc, true), modelText(am.Amended))
			compareArticles(t, "rejected", revisedText(t, doc, false), modelText(am.Old))
		})
	}
}

// TestAmendRedlineDocxPandoc: pandoc, an independent reader of Word's
// tracked changes, reads the new text with --track-changes=accept and the
// old one with reject. Pandoc takes the Title paragraph as metadata, so
// the comparison starts after the title.
func TestAmendRedlineDocxPandoc(t *testing.T) {
	pandoc := tooltest.Need(t, "pandoc")
	dir := t.TempDir()
	for name, am := range scenarioAmendments(t) {
		t.Run(name, func(t *testing.T) {
			path := writeRedline(t, dir, name, am)
			for _, tc := range []struct {
				mode string
				want *document.Document
			}{{"accept", am.Amended}, {"reject", am.Old}} {
				out, err := exec.Command(pandoc, "--track-changes="+tc.mode, "-t", "plain", "--wrap=none", path).Output()
				if err != nil {
					t.Fatalf("pandoc --track-changes=%s: %v", tc.mode, err)
				}
				var got []string
				for _, l := range strings.Split(strings.ReplaceAll(string(out), "\u00a0", " "), "\n") {
					if l = strings.Join(strings.Fields(l), " "); l != "" {
						got = append(got, l)
					}
				}
				want := modelText(tc.want)[1:]
				compareArticles(t, "pandoc "+tc.mode, got, want)
			}
		})
	}
}

// TestAmendRedlineDocxLibreOffice: LibreOffice, a second independent
// reader, imports the tracked changes of wijzigingen.docx as its own. An
// OpenDocument file keeps the text that is deleted apart from the body,
// in text:tracked-changes, so the body of the ODT that soffice converts
// to is the text with every change accepted: the verordening as it will
// read. The deletions it records hold the text that goes.
func TestAmendRedlineDocxLibreOffice(t *testing.T) {
	soffice := tooltest.Need(t, "soffice")
	dir := t.TempDir()
	ams := scenarioAmendments(t)
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profiel"), "--convert-to", "odt", "--outdir", dir}
	for name, am := range ams {
		args = append(args, writeRedline(t, dir, name, am))
	}
	// One soffice for every file: starting it costs more than converting.
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for name, am := range ams {
		t.Run(name, func(t *testing.T) {
			odt, err := os.ReadFile(filepath.Join(dir, name+".odt"))
			if err != nil {
				t.Fatalf("soffice made no ODT: %v", err)
			}
			body, deleted := odtText(t, pipelinetest.ZipPart(t, odt, "content.xml"))
			compareArticles(t, "LibreOffice", body, modelText(am.Amended))
			var want strings.Builder
			for _, p := range redlineParas(am.Old, am.Amended) {
				segs, _ := wordSegs(p)
				for _, s := range segs {
					if s.kind == diffmatchpatch.DiffDelete {
						want.WriteString(s.text)
					}
				}
			}
			if got, w := strings.Join(strings.Fields(deleted), ""), strings.Join(strings.Fields(want.String()), ""); got != w {
				t.Errorf("LibreOffice records as deleted\n%s\nwant\n%s", got, w)
			}
		})
	}
}

// odtText reads the content.xml of an ODT: the body's paragraphs and
// headings, one line each with white space collapsed, and the text of the
// deletions recorded in text:tracked-changes.
func odtText(t *testing.T, content []byte) (lines []string, deleted string) {
	t.Helper()
	var cur, del strings.Builder
	// Depths inside text:tracked-changes, text:deletion and its
	// office:change-info (author and date), and of paragraph nesting.
	tracked, inDel, info, depth := 0, 0, 0, 0
	eachToken(t, content, func(tok xml.Token) {
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tracked-changes":
				tracked++
			case "deletion":
				inDel++
			case "change-info":
				info++
			case "p", "h":
				if tracked == 0 {
					if depth == 0 {
						cur.Reset()
					}
					depth++
				}
			case "tab", "s", "line-break":
				if tracked == 0 {
					cur.WriteString(" ")
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "tracked-changes":
				tracked--
			case "deletion":
				inDel--
			case "change-info":
				info--
			case "p", "h":
				if tracked == 0 {
					if depth--; depth == 0 {
						if l := strings.Join(strings.Fields(cur.String()), " "); l != "" {
							lines = append(lines, l)
						}
					}
				}
			}
		case xml.CharData:
			switch {
			case tracked == 0 && depth > 0:
				cur.Write(tok)
			case inDel > 0 && info == 0:
				del.Write(tok)
			}
		}
	})
	return lines, del.String()
}

// eachToken calls f with every token of an XML document.
func eachToken(t *testing.T, data []byte, f func(xml.Token)) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		f(tok)
	}
}

// writeRedline writes wijzigingen.docx of am as dir/name.docx.
func writeRedline(t *testing.T, dir, name string, am *Amendment) string {
	t.Helper()
	data, err := am.RedlineDocx()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
