package region

import (
	"crypto/sha256"
	"hash"
	"strings"

	"verordening/internal/document"
)

// articleHashes hashes each article of d as the model holds it, with the
// names of the region and the gemeente blanked out, and every reference
// hashed by the clause it names rather than by its number, so that only
// real differences count: an extra article in one gemeente renumbers
// the articles after it without changing them.
func articleHashes(d *document.Document, gemeente, regio string) map[string][32]byte {
	// The region's name first: a gemeente's name may be part of it
	// ("Waterland" in "Zaanstreek-Waterland").
	blank := strings.NewReplacer(regio, "\x00", gemeente, "\x00")
	if regio == gemeente {
		blank = strings.NewReplacer(regio, "\x00")
	}
	out := map[string][32]byte{}
	for _, a := range d.Articles() {
		h := &hasher{h: sha256.New(), blank: blank}
		h.str(a.ID)
		for _, l := range a.Leden {
			h.lid(l)
		}
		var sum [32]byte
		h.h.Sum(sum[:0])
		out[a.ID] = sum
	}
	return out
}

// A hasher writes the parts of an article into a hash, each part tagged
// and ended, so that no two different articles write the same bytes.
type hasher struct {
	h     hash.Hash
	blank *strings.Replacer
}

func (h *hasher) str(s string) {
	h.h.Write([]byte(s))
	h.h.Write([]byte{0xff})
}

func (h *hasher) lid(l *document.Lid) {
	h.str("lid " + l.Number)
	h.text(l.Text)
	h.items(l.Items)
	for _, b := range l.Blocks {
		if t, ok := b.(*document.Table); ok {
			h.str("tabel")
			h.text(t.Caption)
			for _, c := range t.Header {
				h.text(c)
			}
			for _, r := range t.Rows {
				h.str("rij")
				for _, c := range r {
					h.text(c)
				}
			}
		}
	}
}

func (h *hasher) items(items []*document.Item) {
	for _, it := range items {
		h.str("onderdeel " + it.Marker)
		h.text(it.Text)
		h.items(it.Items)
	}
	h.str("einde")
}

// text writes inline content; a reference is written as the clause, lid
// and onderdeel it names, without the numbers of its wording.
func (h *hasher) text(t document.Text) {
	for _, n := range t {
		switch n := n.(type) {
		case document.Str:
			h.str(h.blank.Replace(string(n)))
		case *document.Emph:
			if n.Strong {
				h.str("**")
			} else {
				h.str("*")
			}
			h.text(n.Body)
			h.str("/")
		case document.Code:
			h.str("`" + string(n))
		case *document.Link:
			h.str("[" + n.Dest)
			h.text(n.Body)
			h.str("/")
		case document.Placeholder:
			h.str("[" + h.blank.Replace(string(n)))
		case *document.Ref:
			capital := ""
			if p := n.Body.Plain(); p != "" && p[0] >= 'A' && p[0] <= 'Z' {
				capital = "^"
			}
			h.str("ref" + capital + " " + string(n.Doc) + " " + n.ID + " " + n.Lid + " " + n.Onderdeel)
		}
	}
	h.str("")
}
