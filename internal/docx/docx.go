// Package docx writes a document.Document as a WordprocessingML (.docx) file.
//
// The package writes the OOXML parts by hand with archive/zip. No Go library
// writes documents of this kind well: one is AGPL-licensed, one needs a paid
// licence key and the others only fill in existing files. WordprocessingML is
// plain XML, and the few parts a regulation needs are small enough to write
// directly.
//
// The output uses real Word structure so that gemeente juristen can edit it
// and publish it through KOOP's DROP, which imports Word made on the
// template "OP Stijl Compleet Besluit": the built-in styles Title and
// Heading1–Heading6 (Word shows them as Titel and Kop 1–Kop 6) with outline
// levels, paragraph styles for leden and onderdelen, tables in the Table
// Grid style with a repeated header row, and leden, onderdelen and lists
// as automatic numbering (numbering.xml) that restarts per article, so
// that they renumber when a jurist inserts one. The numbers Word shows are
// the model's: references in the text cite them as text, never as fields.
// The fields are a table of contents after the title, which Word updates
// on opening, and PAGE and NUMPAGES in the footer. The page header says
// "Concept", as do the document properties.
//
// Options.DROP chooses between the two ways of heading an article. The
// default, for editing, makes article headings Word headings, so that the
// navigation pane and the table of contents show the articles. DROP wants
// only the opschrift and the chapter and paragraph headings as Titel and
// Kop styles and an article heading as bold text; with DROP set, articles
// are bold body text without an outline level, and the document has no
// table of contents, which is no part of a besluit.
//
// The output is deterministic: the same Document gives a byte-identical file.
package docx

import (
	"archive/zip"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"

	"verordening/internal/document"
)

// Options for one document.
type Options struct {
	Language string // BCP 47 language tag for spelling and hyphenation; default "nl-NL"
	DROP     bool   // for upload to DROP: articles bold body text, no table of contents
}

// Write writes d as a .docx file to w with the default options.
func Write(w io.Writer, d *document.Document) error {
	return Options{}.Write(w, d)
}

// Write writes d as a .docx file to w.
func (o Options) Write(w io.Writer, d *document.Document) error {
	if d == nil {
		return errors.New("docx: nil document")
	}
	lang := o.language()
	b := body{drop: o.DROP}
	b.document(d)
	return writeZip(w, packageParts(d, lang, &b))
}

// packageParts are the parts of the package whose body b holds.
func packageParts(d *document.Document, lang string, b *body) []part {
	return []part{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", coreXML(d, lang)},
		{"docProps/app.xml", appXML(d)},
		{"docProps/custom.xml", []byte(customXML)},
		{"word/document.xml", []byte(b.String())},
		{"word/_rels/document.xml.rels", []byte(documentRels)},
		{"word/styles.xml", stylesXML(lang)},
		{"word/numbering.xml", b.num.numberingXML()},
		{"word/settings.xml", settingsXML(lang)},
		{"word/header1.xml", headerXML(d)},
		{"word/footer1.xml", []byte(footerXML)},
	}
}

func (o Options) language() string {
	if o.Language == "" {
		return "nl-NL"
	}
	return o.Language
}

// A part is one file of the OOXML package.
type part struct {
	name string
	data []byte
}

// modTime is the modification time of every zip entry, fixed so that the
// output does not depend on the clock.
var modTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZip writes the parts in the given order.
// flateWriters pools fast deflate compressors: allocating one costs far
// more than compressing a part of a few kilobytes, and a region build
// writes thousands of parts. Output depends only on level and input, so
// pooling keeps the files byte-identical.
var flateWriters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

type pooledWriter struct{ *flate.Writer }

func (p pooledWriter) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

func pooledDeflate(out io.Writer) (io.WriteCloser, error) {
	fw := flateWriters.Get().(*flate.Writer)
	fw.Reset(out)
	return pooledWriter{fw}, nil
}

// storeBelow is the size under which a part is stored, not deflated: for
// the small fixed parts (relationships, settings, properties) setting up
// and flushing a compressor costs more than the bytes it saves.
const storeBelow = 4 << 10

func method(data []byte) uint16 {
	if len(data) < storeBelow {
		return zip.Store
	}
	return zip.Deflate
}

func writeZip(w io.Writer, parts []part) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, pooledDeflate)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{
			Name:     p.name,
			Method:   method(p.data),
			Modified: modTime,
		})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
