package render

import (
	"bytes"

	"github.com/yuin/goldmark/text"

	"verordening/internal/document"
)

// BodyBothWays renders d's page body section by section, as HTML does,
// and with goldmark on the whole Markdown at once, and returns both with
// their headings as "level id text" lines.
func (p *Page) BodyBothWays(d *document.Document) (sectioned, whole []byte, hs, hw []string) {
	w := markdownForHTML(d)
	defer w.free()
	md := w.b
	sectioned, headings, err := p.body(md, w.sections)
	if err != nil {
		panic(err)
	}
	s, err := p.render(md)
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	doc := p.md.Parser().Parse(text.NewReader(md))
	_ = p.md.Renderer().Render(&buf, md, doc)
	if !bytes.Equal(buf.Bytes(), s.html) {
		panic("render differs from goldmark")
	}
	return sectioned, s.html, lines(headings), lines(s.headings)
}

func lines(hs []heading) []string {
	var out []string
	for _, h := range hs {
		out = append(out, itoa(h.level)+" "+h.id+" "+h.text)
	}
	return out
}

// SetFastTOC switches tocHTML on or off.
func SetFastTOC(on bool) { useFastTOC = on }
