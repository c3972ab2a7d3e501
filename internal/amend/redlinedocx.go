package amend

import (
	"bytes"
	"regexp"

	"github.com/sergi/go-diff/diffmatchpatch"

	"verordening/internal/document"
	"verordening/internal/docx"
)

// RevisionAuthor is the author of the tracked changes in wijzigingen.docx.
const RevisionAuthor = "verordening"

// RedlineDocx writes wijzigingen.docx: the verordening as it reads now,
// with the amendment as Word tracked changes, word by word inside a
// changed lid and whole paragraphs for what comes or goes. Accepting all
// changes in Word gives the text as it will read, rejecting them the text
// as it reads now. The changes are dated on the new date of entry into
// force, not on the clock, so that the file is the same on every run.
func (a *Amendment) RedlineDocx() ([]byte, error) {
	chapters := len(a.Amended.Chapters) > 0 && a.Amended.Chapters[0].Number != ""
	t := docx.Tracked{Author: RevisionAuthor, Date: a.revisionDate()}
	for _, p := range redlineParas(a.Old, a.Amended) {
		tp := docx.TrackedPara{Rev: revision(p.mark)}
		switch p.kind {
		case "titel":
			tp.Kind = docx.TitlePara
		case "hoofdstuk":
			tp.Kind, tp.Level = docx.HeadingPara, 1
		case "artikel":
			tp.Kind, tp.Level = docx.HeadingPara, 1
			if chapters {
				tp.Level = 2
			}
		case "lid":
			tp.Kind = docx.LidPara
		case "onderdeel":
			tp.Kind, tp.Level = docx.ItemPara, 1
		case "subonderdeel":
			tp.Kind, tp.Level = docx.ItemPara, 2
		}
		segs, typed := wordSegs(p)
		if !typed && tp.Kind == docx.ItemPara {
			tp.Kind = docx.DefinitionPara // an onderdeel without a letter
		}
		for _, s := range segs {
			tp.Spans = append(tp.Spans, docx.Span{Text: s.text, Rev: revision(s.kind)})
		}
		t.Paras = append(t.Paras, tp)
	}
	title := "Wijzigingen in de " + plain(a.Citeertitel)
	d := &document.Document{
		Kind:        "wijzigingen",
		Title:       document.Plain(title),
		Citeertitel: title,
		Gemeente:    a.Gemeente,
		Subject:     "Doorlopende tekst met wijzigingen",
	}
	var buf bytes.Buffer
	if err := (docx.Options{}).WriteTracked(&buf, d, t); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func revision(op diffmatchpatch.Operation) docx.Revision {
	switch op {
	case diffmatchpatch.DiffInsert:
		return docx.Inserted
	case diffmatchpatch.DiffDelete:
		return docx.Deleted
	}
	return docx.Kept
}

// revisionDate is the date of the tracked changes: the day the amendment
// takes effect, or else the day it is adopted, from the new answers; ""
// when neither is known.
func (a *Amendment) revisionDate() string {
	for _, id := range []string{"inwerkingtreding", "vaststelling_datum"} {
		if s := a.date(id); isoDate.MatchString(s) {
			return s + "T00:00:00Z"
		}
	}
	return ""
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// wordSegs are the stretches of a redline paragraph for Word: the
// marker (a lid's number, an onderdeel's letter) and a tab, which puts the
// text on the hanging indent of the Lid and Onderdeel styles as in the
// verordening itself, then the text, compared word by word. A marker that
// changes (a lid renumbered) goes and comes whole. typed reports whether
// either side has a marker.
func wordSegs(p rpara) (segs []seg, typed bool) {
	add := func(s seg) {
		if n := len(segs); n > 0 && segs[n-1].kind == s.kind {
			segs[n-1].text += s.text // one change, not two side by side
			return
		}
		segs = append(segs, s)
	}
	lead := func(op diffmatchpatch.Operation, b *rblock) {
		if b != nil && b.marker != "" {
			add(seg{op, b.marker + "\t"})
		}
	}
	if p.old == nil || p.new == nil || p.old == p.new {
		b := p.new
		if b == nil {
			b = p.old
		}
		lead(p.mark, b)
		add(seg{p.mark, plain(b.text)})
		return segs, b.marker != ""
	}
	if p.old.marker == p.new.marker {
		lead(diffmatchpatch.DiffEqual, p.new)
	} else {
		lead(diffmatchpatch.DiffDelete, p.old)
		lead(diffmatchpatch.DiffInsert, p.new)
	}
	for _, s := range wordDiff(p.old.text, p.new.text) {
		add(s)
	}
	return segs, p.old.marker != "" || p.new.marker != ""
}
