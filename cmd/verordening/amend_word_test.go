package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"verordening/internal/pipeline/pipelinetest"
)

// golden compares got with testdata/name, or rewrites it with -update.
func amendGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; write it with go test -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; rewrite it with -update and read the diff", name, path)
	}
}

// TestAmendWordRedlineGolden: word/document.xml of wijzigingen.docx, the
// tracked changes of the scenario variant (a variant of an article
// replaces another: leden go, come and change word by word). The golden file has a line break after every paragraph, so
// that its diff can be read.
func TestAmendWordRedlineGolden(t *testing.T) {
	dir, oldFile, newFile := amendFiles(t, "variant")
	out := filepath.Join(dir, "uit")
	if code, _, stderr := runCLI("amend", "--from", oldFile, "--to", newFile, "--out", out, "--format", "docx"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "wijzigingen.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc := []byte(pipelinetest.DocxBody(t, data))
	amendGolden(t, "amend-wijzigingen-document.xml", bytes.ReplaceAll(doc, []byte("</w:p>"), []byte("</w:p>\n")))
}
