package amend

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"testing/fstest"

	"verordening/internal/clause"
	"verordening/internal/document"
	"verordening/internal/pipeline"
)

// The amended regulation keeps the old article numbers, so references in
// the new texts must name those numbers too. The assembler resolves a
// reference into plain text ("artikel 21, eerste lid") and keeps no trace
// of where it stood, and the texts also cite the statute ("artikel 10
// van de wet"), which must stay as it is.
//
// To tell the two apart without reaching into the assembler, the new
// answers are assembled a second time from a library with one extra
// article in front of all others. Every article number moves up by one,
// so every reference to an article of the verordening reads one higher,
// and nothing else in the text changes. Where the two texts differ, a
// reference stands; there the number is replaced by the amended one.

// shiftID is the id of the extra article; clause ids are [a-z0-9-], so a
// library cannot hold it by accident unless it uses this very name.
const shiftID = "wijziging-verschuiving"

// shiftedLibrary loads the content's clause library with the extra
// article at the head of the verordening.
func shiftedLibrary(c *pipeline.Content) (*clause.Library, error) {
	mfs := fstest.MapFS{}
	err := fs.WalkDir(c.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(c.FS, p)
		if err != nil {
			return err
		}
		mfs[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		return nil, err
	}
	chapter, order := "", 0
	if chs := c.Library.Chapters["verordening"]; len(chs) > 0 {
		chapter = chs[0].ID
	}
	first := true
	for _, cl := range c.Library.Document("verordening") {
		if cl.Chapter == chapter && (first || cl.Order < order) {
			order, first = cl.Order, false
		}
	}
	src := "---\nid: " + shiftID + "\ndocument: verordening\nchapter: " + chapter +
		"\norder: " + strconv.Itoa(order-1) + "\nkind: vast\ntitle: Verschuiving\nuses: []\n---\n" +
		"Tijdelijk.\n\n## Toelichting\n\nTijdelijk.\n"
	mfs["clauses/verordening/"+shiftID+".md"] = &fstest.MapFile{Data: []byte(src), Mode: 0o644}
	return clause.Load(mfs, c.Questions)
}

// texts returns a pointer to every text of a document that can hold a
// reference, in a fixed order: the frame, then per article (found by
// clause id, so the extra article of a shifted build is passed over) its
// leden, onderdelen, blocks and note.
func texts(d *document.Document, ids []string) []*string {
	var out []*string
	out = blockTexts(out, d.Intro)
	for _, id := range ids {
		a := d.Article(id)
		if a == nil {
			continue
		}
		for _, l := range a.Leden {
			out = append(out, &l.Text)
			out = itemTexts(out, l.Items)
			out = blockTexts(out, l.Blocks)
		}
		out = blockTexts(out, a.Note)
	}
	out = blockTexts(out, d.Closing)
	if d.Notes != nil {
		out = blockTexts(out, d.Notes.General)
	}
	return out
}

func itemTexts(out []*string, items []*document.Item) []*string {
	for _, it := range items {
		out = append(out, &it.Text)
		out = itemTexts(out, it.Items)
	}
	return out
}

func blockTexts(out []*string, blocks []document.Block) []*string {
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			out = append(out, &b.Text)
		case *document.Heading:
			out = append(out, &b.Text)
		case *document.List:
			for i := range b.Items {
				out = append(out, &b.Items[i])
			}
		case *document.Table:
			out = append(out, &b.Caption)
			for i := range b.Header {
				out = append(out, &b.Header[i])
			}
			for _, r := range b.Rows {
				for i := range r {
					out = append(out, &r[i])
				}
			}
		}
	}
	return out
}

// renumber rewrites the references to verordening articles in d, using
// shifted (the same document from the shifted build) to find them, and
// number to give the amended number for a number of the new verordening.
func renumber(d, shifted *document.Document, number func(string) (string, bool)) error {
	var ids []string
	for _, a := range d.Articles() {
		ids = append(ids, a.ID)
	}
	ts, ss := texts(d, ids), texts(shifted, ids)
	if len(ts) != len(ss) {
		return fmt.Errorf("%s: de tweede opbouw heeft een andere indeling (%d en %d teksten)", d.Kind, len(ts), len(ss))
	}
	for i := range ts {
		s, err := renumberText(*ts[i], *ss[i], number)
		if err != nil {
			return fmt.Errorf("%s: %v", d.Kind, err)
		}
		*ts[i] = s
	}
	return nil
}

// renumberText replaces the numbers in s that read one higher in shifted.
func renumberText(s, shifted string, number func(string) (string, bool)) (string, error) {
	if s == shifted {
		return s, nil
	}
	a, b := digitRuns(s), digitRuns(shifted)
	if len(a) != len(b) {
		return "", fmt.Errorf("verwijzingen niet te herkennen in %q", s)
	}
	out := slices.Clone(a)
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		n, err1 := strconv.Atoi(a[i])
		m, err2 := strconv.Atoi(b[i])
		if err1 != nil || err2 != nil || m != n+1 {
			return "", fmt.Errorf("verwijzingen niet te herkennen in %q", s)
		}
		to, ok := number(a[i])
		if !ok {
			return "", fmt.Errorf("verwijzing naar artikel %s, dat de nieuwe verordening niet heeft", a[i])
		}
		out[i] = to
	}
	return concat(out), nil
}

// digitRuns splits s into runs of ASCII digits and runs of anything else.
func digitRuns(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		digit := isDigit(s[i])
		j := i + 1
		for j < len(s) && isDigit(s[j]) == digit {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func concat(parts []string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return string(b)
}
