package amend

import (
	"bytes"
	"html"
	"html/template"
	"io/fs"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"verordening/internal/document"
	"verordening/internal/format"
	"verordening/internal/version"
)

// A rblock is one block of a regulation's text, for the redline.
type rblock struct {
	kind   string // titel, p, hoofdstuk, artikel, lid, onderdeel, subonderdeel
	marker string // a lid's number or an onderdeel's letter, with its dot ("2.", "b."); "" for none
	text   string // inline Markdown, after the marker
}

// full is the block as it reads: its marker, a space, its text.
func (b rblock) full() string {
	if b.marker == "" {
		return b.text
	}
	return b.marker + " " + b.text
}

// regulationBlocks lists the text of a regulation as the Markdown shows
// it: title, aanhef, chapter and article headings, leden, onderdelen,
// ondertekening. The toelichting is not part of the regulation.
func regulationBlocks(d *document.Document) []rblock {
	out := []rblock{{kind: "titel", text: md(d.Title)}}
	frame := func(blocks []document.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *document.Paragraph:
				out = append(out, rblock{kind: "p", text: md(b.Text)})
			case *document.Heading:
				out = append(out, rblock{kind: "p", text: md(b.Text)})
			case *document.List:
				for _, it := range b.Items {
					out = append(out, rblock{kind: "onderdeel", text: md(it)})
				}
			case *document.Table:
				out = append(out, tableBlocks(b)...)
			}
		}
	}
	frame(d.Intro)
	for _, ch := range d.Chapters {
		if ch.Number != "" {
			out = append(out, rblock{kind: "hoofdstuk", text: md(ch.Heading())})
		}
		for _, a := range ch.Articles {
			out = append(out, rblock{kind: "artikel", text: md(a.Heading())})
			for _, l := range a.Leden {
				b := rblock{kind: "lid", text: md(l.Text)}
				if l.Number != "" {
					b.marker = l.Number + "."
				}
				out = append(out, b)
				var items func(items []*document.Item, kind string)
				items = func(its []*document.Item, kind string) {
					for _, it := range its {
						b := rblock{kind: kind, text: md(it.Text)}
						if it.Marker != "" && it.Marker != "-" {
							b.marker = it.Marker
						}
						out = append(out, b)
						items(it.Items, "subonderdeel")
					}
				}
				items(l.Items, "onderdeel")
				frame(l.Blocks)
			}
		}
	}
	frame(d.Closing)
	return out
}

func tableBlocks(t *document.Table) []rblock {
	out := []rblock{{kind: "p", text: strings.Join(mds(t.Header), " | ")}}
	for _, r := range t.Rows {
		out = append(out, rblock{kind: "p", text: strings.Join(mds(r), " | ")})
	}
	return out
}

// plain is inline Markdown as text: escapes resolved, emphasis marks left
// out (the redline shows words, not their style).
func plain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && format.IsPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i++
		case s[i] == '*':
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// A rpara is one paragraph of the redline: a block of the regulation as
// it will read, one that goes, or one that comes, and its text in
// stretches that both, only the old or only the new text has. The HTML
// and the Word redline both write these.
type rpara struct {
	kind string                   // as rblock.kind
	text string                   // the block's inline Markdown, for anchors
	mark diffmatchpatch.Operation // DiffInsert or DiffDelete for a whole block that comes or goes
	segs []seg
	// old and new are the blocks compared: nil for the side that has
	// none, and the same block for one that stays as it was.
	old, new *rblock
}

// A seg is a stretch of a redline paragraph's text, as plain text.
type seg struct {
	kind diffmatchpatch.Operation
	text string
}

// redlineParas compares two regulations. It aligns blocks first
// (headings, leden, onderdelen), so that a change stays inside the block
// it belongs to; blocks that only one side has are shown whole, struck
// through or marked as inserted, and a changed block that still resembles
// its old form is compared word by word.
func redlineParas(old, new *document.Document) []rpara {
	ob, nb := regulationBlocks(old), regulationBlocks(new)
	key := func(b rblock) string { return b.kind + "\x00" + plain(b.full()) }
	var ok, nk []string
	for _, b := range ob {
		ok = append(ok, key(b))
	}
	for _, b := range nb {
		nk = append(nk, key(b))
	}
	like := func(o, n int) bool { return ob[o].kind == nb[n].kind && similar(ob[o].full(), nb[n].full()) }
	whole := func(b rblock, op diffmatchpatch.Operation) rpara {
		p := rpara{kind: b.kind, text: b.full(), mark: op, segs: []seg{{op, plain(b.full())}}}
		switch op {
		case diffmatchpatch.DiffDelete:
			p.old = &b
		case diffmatchpatch.DiffInsert:
			p.new = &b
		default:
			p.old, p.new = &b, &b
		}
		return p
	}
	var out []rpara
	for _, s := range align(ok, nk, like, false) {
		switch {
		case s.o < 0:
			out = append(out, whole(nb[s.n], diffmatchpatch.DiffInsert))
		case s.n < 0:
			out = append(out, whole(ob[s.o], diffmatchpatch.DiffDelete))
		case ok[s.o] == nk[s.n]:
			out = append(out, whole(nb[s.n], diffmatchpatch.DiffEqual))
		default:
			o, n := ob[s.o], nb[s.n]
			out = append(out, rpara{kind: n.kind, text: n.full(), mark: diffmatchpatch.DiffEqual, segs: wordDiff(o.full(), n.full()), old: &o, new: &n})
		}
	}
	return out
}

// redlineBody writes the redline paragraphs as HTML with <ins> and <del>.
func redlineBody(old, new *document.Document, chapters bool) string {
	var out strings.Builder
	ids := map[string]bool{}
	for _, p := range redlineParas(old, new) {
		var body strings.Builder
		for _, s := range p.segs {
			text := html.EscapeString(s.text)
			switch s.kind {
			case diffmatchpatch.DiffInsert:
				body.WriteString("<ins>" + text + "</ins>")
			case diffmatchpatch.DiffDelete:
				body.WriteString("<del>" + text + "</del>")
			default:
				body.WriteString(text)
			}
		}
		mark := ""
		switch p.mark {
		case diffmatchpatch.DiffInsert:
			mark = "nieuw"
		case diffmatchpatch.DiffDelete:
			mark = "vervallen"
		}
		writeBlock(&out, p.kind, body.String(), mark, chapters, ids, p.text)
	}
	return out.String()
}

// similar reports whether two texts share at least half their words, so
// that a word-by-word comparison helps the reader.
func similar(a, b string) bool {
	ta, tb := fineTokens(plain(a)), fineTokens(plain(b))
	same := 0
	for _, o := range diffTokens(ta, tb, false) {
		if o.Kind == diffmatchpatch.DiffEqual {
			for _, t := range o.Tokens {
				if strings.TrimSpace(t) != "" {
					same++
				}
			}
		}
	}
	count := func(ts []string) int {
		n := 0
		for _, t := range ts {
			if strings.TrimSpace(t) != "" {
				n++
			}
		}
		return n
	}
	total := count(ta) + count(tb)
	return total > 0 && 4*same >= total
}

// wordDiff compares two texts word by word.
func wordDiff(a, b string) []seg {
	var out []seg
	for _, o := range diffTokens(fineTokens(plain(a)), fineTokens(plain(b)), true) {
		out = append(out, seg{o.Kind, strings.Join(o.Tokens, "")})
	}
	return out
}

func writeBlock(out *strings.Builder, kind, body, mark string, chapters bool, ids map[string]bool, text string) {
	tag, class := blockTag(kind, chapters)
	if mark != "" {
		class = strings.TrimSpace(class + " " + mark)
	}
	out.WriteString("<" + tag)
	if id := headingID(kind, text); id != "" && !ids[id] {
		ids[id] = true
		out.WriteString(` id="` + id + `"`)
	}
	if class != "" {
		out.WriteString(` class="` + class + `"`)
	}
	out.WriteString(">" + body + "</" + tag + ">\n")
}

// blockTag gives the element and class of a block kind. The page's h1 is
// its own title and the text sits under an h2, so the regulation's title
// is a paragraph and its headings start at h3.
// headingID is the anchor of an article heading: "artikel-15a".
func headingID(kind, text string) string {
	if kind != "artikel" {
		return ""
	}
	f := strings.Fields(plain(text))
	if len(f) < 2 {
		return ""
	}
	return articleID(strings.TrimSuffix(f[1], "."))
}

func articleID(number string) string { return "artikel-" + strings.ToLower(number) }

func blockTag(kind string, chapters bool) (tag, class string) {
	switch kind {
	case "titel":
		return "p", "titel"
	case "hoofdstuk":
		return "h3", ""
	case "artikel":
		if chapters {
			return "h4", ""
		}
		return "h3", ""
	case "onderdeel":
		return "p", "onderdeel"
	case "subonderdeel":
		return "p", "subonderdeel"
	}
	return "p", ""
}

const redlineCSS = `
ins { background: #dcf1e0; color: #0b4f1d; text-decoration: underline; text-decoration-color: #1a7f37; }
del { background: #fbe3e3; color: #7d1414; text-decoration: line-through; }
.nieuw { border-left: 3px solid #1a7f37; padding-left: .6rem; }
.vervallen { border-left: 3px solid #b42318; padding-left: .6rem; }
p.titel { font-size: 1.2rem; font-weight: bold; }
p.onderdeel { margin: .2rem 0 .2rem 1.5rem; }
p.subonderdeel { margin: .2rem 0 .2rem 3.25rem; }
.legenda { border: 1px solid var(--lijn); padding: .4rem .75rem; }
@media print {
  ins, del, .nieuw, .vervallen { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h3, h4 { break-after: avoid; }
}
`

var redlinePage = template.Must(template.New("wijzigingen").Parse(`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{ .Generator }}">
<title>{{ .Title }}</title>
<style>
{{ .CSS }}
</style>
</head>
<body class="doc-wijzigingen">
<header class="kop"><span class="gemeente">{{ .Gemeente }}</span><span class="soort">Doorlopende tekst met wijzigingen</span></header>
<main>
<h1>{{ .Title }}</h1>
<nav class="inhoud" aria-labelledby="inhoud-kop">
<h2 id="inhoud-kop">Inhoud</h2>
<ol>
<li><a href="#overzicht">Overzicht van de wijzigingen</a></li>
<li><a href="#tekst">Doorlopende tekst</a></li>
</ol>
</nav>
<p>Dit is de tekst van de {{ .Citeertitel }} zoals die luidt na de {{ .Wijziging }}. De artikelen houden hun nummer; een nieuw artikel heeft het nummer van het artikel waarna het komt, met een letter.</p>
<p class="legenda">Legenda: <ins>tekst die wordt toegevoegd</ins> · <del>tekst die vervalt</del></p>
<h2 id="overzicht">Overzicht van de wijzigingen</h2>
<ul>
{{- range .Changes }}
<li><a href="#{{ .ID }}">{{ .Text }}</a></li>
{{- end }}
</ul>
<h2 id="tekst">Doorlopende tekst</h2>
{{ .Body }}</main>
<footer class="voet">Opgesteld met verordening. Dit is een concept: laat het toetsen door een jurist voordat het aan het bestuur wordt voorgelegd.</footer>
</body>
</html>
`))

// Redline writes wijzigingen.html: the consolidated text after the
// amendment, with what is inserted and what goes marked word by word. The
// page takes the stylesheet of the content pack's HTML pages.
func (a *Amendment) Redline(fsys fs.FS) ([]byte, error) {
	css, err := fs.ReadFile(fsys, "templates/html/style.css")
	if err != nil {
		return nil, err
	}
	chapters := len(a.Amended.Chapters) > 0 && a.Amended.Chapters[0].Number != ""
	type link struct{ ID, Text string }
	var changes []link
	for _, c := range a.Changes {
		s := plain(c.Summary())
		if len(a.Changes) > 1 {
			s = c.Letter + ". " + s
		}
		arts := c.New
		if len(arts) == 0 {
			arts = c.Old
		}
		changes = append(changes, link{articleID(arts[0].Number), s})
	}
	var buf bytes.Buffer
	err = redlinePage.Execute(&buf, map[string]any{
		"Title":       "Wijzigingen in de " + plain(a.Citeertitel),
		"Citeertitel": plain(a.Citeertitel),
		"Wijziging":   plain(a.Title()),
		"Gemeente":    a.Gemeente,
		"Generator":   version.Generator(),
		"CSS":         template.CSS(string(css) + redlineCSS),
		"Changes":     changes,
		"Body":        template.HTML(redlineBody(a.Old, a.Amended, chapters)),
	})
	return buf.Bytes(), err
}
