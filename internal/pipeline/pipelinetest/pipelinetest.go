// Package pipelinetest loads the embedded content pack and its examples
// for tests.
package pipelinetest

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"testing"
	"testing/fstest"

	"verordening"
	"verordening/internal/answer"
	"verordening/internal/pipeline"
)

// Content loads the embedded content pack.
func Content(t testing.TB) *pipeline.Content {
	t.Helper()
	c, err := pipeline.Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Example loads the content pack and decodes the named example's answers.
func Example(t testing.TB, name string) (*pipeline.Content, *answer.Answers) {
	t.Helper()
	c := Content(t)
	ans, err := c.ExampleAnswers(name)
	if err != nil {
		t.Fatal(err)
	}
	return c, ans
}

// DocxBody returns word/document.xml of a DOCX file.
func DocxBody(t testing.TB, data []byte) string {
	t.Helper()
	return string(ZipPart(t, data, "word/document.xml"))
}

// ZipPart returns one file of a zip package (DOCX, ODT).
func ZipPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("no " + name)
	return nil
}

// Overlay loads the embedded content pack with files replaced or added
// (path → content), for tests of a changed clause or frame.
func Overlay(t testing.TB, files map[string]string) *pipeline.Content {
	t.Helper()
	c, err := pipeline.Load(OverlayFS(t, files))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// OverlayFS is the embedded content pack with files replaced or added
// (path → content), not yet loaded: for tests of what Load refuses.
func OverlayFS(t testing.TB, files map[string]string) fstest.MapFS {
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
