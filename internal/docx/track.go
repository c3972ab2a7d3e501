package docx

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"verordening/internal/document"
)

// A Revision says whether text is kept, inserted or deleted in a document
// with tracked changes.
type Revision int

const (
	Kept Revision = iota
	Inserted
	Deleted
)

// A ParaKind says how a tracked paragraph is laid out; the writer takes
// the style the regulation itself has for it.
type ParaKind int

const (
	BodyPara       ParaKind = iota // Normal
	TitlePara                      // the regulation's title (Title)
	HeadingPara                    // a chapter or article heading (Heading1–6 by Level)
	LidPara                        // a lid (Lid)
	ItemPara                       // an onderdeel at depth Level (Onderdeel, Subonderdeel, …)
	DefinitionPara                 // a definition in the begripsbepalingen (Begrip)
)

// A Span is a stretch of a tracked paragraph's text: plain text, in which
// a tab is the tab after a typed number ("1.\tDe aanvraag …").
type Span struct {
	Text string
	Rev  Revision
}

// A TrackedPara is one paragraph of a document with tracked changes. Rev
// Inserted or Deleted marks the whole paragraph, its paragraph mark too,
// so that accepting or rejecting the change removes the paragraph itself;
// its spans then carry the same revision.
type TrackedPara struct {
	Kind  ParaKind
	Level int
	Rev   Revision
	Spans []Span
}

// Tracked is the body of a document with tracked changes, as a word
// processor shows a comparison of two versions: the revisions are
// attributed to Author on Date.
type Tracked struct {
	Author string // the name Word shows as the author of every revision
	Date   string // "2027-01-01T00:00:00Z", or empty: then revisions have no date
	Paras  []TrackedPara
}

// WriteTracked writes a .docx file whose body is t: paragraphs whose
// insertions and deletions are Word revisions (w:ins, w:del), which a
// jurist accepts or rejects in Word. d gives the document properties and
// the page header; its body is not written. Styles, header, footer and
// properties are those of Write.
func (o Options) WriteTracked(w io.Writer, d *document.Document, t Tracked) error {
	if d == nil {
		return errors.New("docx: nil document")
	}
	lang := o.language()
	b := body{drop: o.DROP}
	b.tracked(t)
	return writeZip(w, packageParts(d, lang, &b))
}

// tracked writes the body of a document with tracked changes. Every
// revision has its own id, in document order, as Word numbers them.
func (b *body) tracked(t Tracked) {
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	id := 0
	mark := func(tag string) string {
		id++
		s := `<w:` + tag + ` w:id="` + strconv.Itoa(id) + `" w:author="` + escape(t.Author) + `"`
		if t.Date != "" {
			s += ` w:date="` + escape(t.Date) + `"`
		}
		return s
	}
	for _, p := range t.Paras {
		b.WriteString(`<w:p><w:pPr>`)
		if s := trackedStyle(p); s != "" {
			b.WriteString(`<w:pStyle w:val="` + s + `"/>`)
		}
		if p.Kind == HeadingPara || p.Kind == TitlePara {
			b.WriteString("<w:keepNext/>")
		}
		switch p.Rev {
		case Inserted:
			b.WriteString(`<w:rPr>` + mark("ins") + `/></w:rPr>`)
		case Deleted:
			b.WriteString(`<w:rPr>` + mark("del") + `/></w:rPr>`)
		}
		b.WriteString(`</w:pPr>`)
		for _, s := range p.Spans {
			switch s.Rev {
			case Inserted:
				b.WriteString(mark("ins") + `>`)
				writeTabbed(&b.Builder, s.Text, false)
				b.WriteString(`</w:ins>`)
			case Deleted:
				b.WriteString(mark("del") + `>`)
				writeTabbed(&b.Builder, s.Text, true)
				b.WriteString(`</w:del>`)
			default:
				writeTabbed(&b.Builder, s.Text, false)
			}
		}
		b.WriteString(`</w:p>`)
	}
	b.sectPr(false)
	b.WriteString(`</w:body></w:document>`)
}

func trackedStyle(p TrackedPara) string {
	switch p.Kind {
	case TitlePara:
		return "Title"
	case HeadingPara:
		return headingStyle(p.Level)
	case LidPara:
		return "Lid"
	case ItemPara:
		return itemStyle(max(p.Level, 1))
	case DefinitionPara:
		return "Begrip"
	}
	return ""
}

// writeTabbed writes plain text as runs, with a w:tab for each tab. Deleted
// text is in w:delText, as Word wants it inside w:del: the runs are
// written as writeText writes them and their w:t elements renamed, which
// is safe because escaped text holds no "<".
func writeTabbed(b *strings.Builder, s string, deleted bool) {
	var runs strings.Builder
	for i, part := range strings.Split(s, "\t") {
		if i > 0 {
			runs.WriteString("<w:r><w:tab/></w:r>")
		}
		writeText(&runs, []run{{text: part}})
	}
	out := runs.String()
	if deleted {
		out = strings.ReplaceAll(out, "<w:t ", "<w:delText ")
		out = strings.ReplaceAll(out, "</w:t>", "</w:delText>")
	}
	b.WriteString(out)
}
