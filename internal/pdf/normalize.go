package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Normalize makes Chromium's PDF the same bytes for the same page: the
// creation and modification dates in the document information, the only
// parts that depend on the clock, are replaced by date (or blanked when
// date is zero), and the trailer gets an /ID that is a hash of the file.
// The information's /Creator, Chromium's user agent, becomes creator, the
// program that made the document, as in the properties of a Word file;
// an empty creator leaves it as it is.
//
// The edit is written here rather than done with a PDF library: the dates
// and the creator are replaced by text of the same length (an entry may
// end in spaces, which a PDF dictionary ignores) and the /ID goes into the
// trailer after the cross-reference table, so that every object and every
// offset stays as Chromium wrote it; a library such as pdfcpu would write
// the whole file anew.
func Normalize(b []byte, date time.Time, creator string) ([]byte, error) {
	out := bytes.Clone(b)
	tr, err := lastTrailer(out)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(out[tr.start:tr.end], []byte("/ID")) {
		return nil, errors.New("het PDF-bestand van Chromium heeft al een /ID; het kan niet vast worden gemaakt")
	}
	if m := infoRef.FindSubmatch(out[tr.start:tr.end]); m != nil {
		if err := fixInfo(out, string(m[1]), date, creator); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(out)
	id := hex.EncodeToString(sum[:16])
	entry := []byte("\n/ID [<" + id + "> <" + id + ">]")
	return bytes.Join([][]byte{out[:tr.end], entry, out[tr.end:]}, nil), nil
}

// A trailer is the position of the last trailer dictionary's contents:
// from after "<<" to before its closing ">>".
type trailer struct{ start, end int }

var (
	infoRef      = regexp.MustCompile(`/Info (\d+) 0 R`)
	dateEntry    = regexp.MustCompile(`/(?:CreationDate|ModDate) \((D:[^)]*)\)`)
	creatorEntry = regexp.MustCompile(`/Creator \((?:[^()\\]|\\.)*\)`)
)

// lastTrailer finds the last trailer dictionary. Chromium (Skia) writes a
// classic cross-reference table with one trailer and no nested
// dictionaries in it.
func lastTrailer(b []byte) (trailer, error) {
	i := bytes.LastIndex(b, []byte("\ntrailer"))
	if i < 0 {
		return trailer{}, errors.New("het PDF-bestand van Chromium heeft geen trailer")
	}
	open := bytes.Index(b[i:], []byte("<<"))
	end := bytes.Index(b[i:], []byte(">>"))
	if open < 0 || end < open {
		return trailer{}, errors.New("de trailer van het PDF-bestand van Chromium is niet te lezen")
	}
	return trailer{start: i + open + 2, end: i + end}, nil
}

// fixInfo replaces the dates and the creator in the information
// dictionary, object num, in place. A date becomes date when it fits in
// the same bytes (Skia writes "D:YYYYMMDDHHmmSS+HH'mm'"), else spaces,
// which drop the entry. The creator becomes creator, followed by spaces,
// when it is no longer than Chromium's.
func fixInfo(b []byte, num string, date time.Time, creator string) error {
	head := []byte("\n" + num + " 0 obj\n")
	i := bytes.Index(b, head)
	if i < 0 {
		return fmt.Errorf("object %s (de documentinformatie) ontbreekt in het PDF-bestand van Chromium", num)
	}
	end := bytes.Index(b[i:], []byte("endobj"))
	if end < 0 {
		return fmt.Errorf("object %s (de documentinformatie) is niet afgesloten", num)
	}
	obj := b[i : i+end]
	s := pdfDate(date)
	for _, m := range dateEntry.FindAllSubmatchIndex(obj, -1) {
		if len(s) == m[3]-m[2] {
			copy(obj[m[2]:m[3]], s)
		} else {
			copy(obj[m[0]:m[1]], bytes.Repeat([]byte(" "), m[1]-m[0]))
		}
	}
	if creator != "" {
		entry := "/Creator (" + pdfString(creator) + ")"
		if m := creatorEntry.FindIndex(obj); m != nil && len(entry) <= m[1]-m[0] {
			copy(obj[m[0]:m[1]], entry+strings.Repeat(" ", m[1]-m[0]-len(entry)))
		}
	}
	return nil
}

// pdfString is s as the contents of a PDF literal string: a backslash and
// the parentheses escaped. Only ASCII is kept, since a literal string is
// read in PDFDocEncoding; another letter becomes a question mark.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '(' || r == ')':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= ' ' && r <= '~':
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// pdfDate is date as a PDF date string in UTC; empty for a zero date.
func pdfDate(date time.Time) string {
	if date.IsZero() {
		return ""
	}
	return "D:" + date.UTC().Format("20060102150405") + "+00'00'"
}
