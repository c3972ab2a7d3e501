// Package document is the document model every renderer walks: a Document of
// chapters, articles, leden and onderdelen, numbered and with every reference
// already resolved. It does no I/O and knows no output format.
package document

// Kind names a document type. The file name of a rendered document is its
// kind plus the format's extension (verordening.md, dekking.html).
type Kind string

const (
	Verordening           Kind = "verordening"
	Beleidsregels         Kind = "beleidsregels"
	Informatieblad        Kind = "informatieblad"
	Dekking               Kind = "dekking"
	Wijzigingsverordening Kind = "wijzigingsverordening"
	Harmonisatie          Kind = "harmonisatie"
	WasWordt              Kind = "waswordt" // the was-wordt-tabel beside a wijzigingsverordening
)

// A Document is one assembled document.
//
// Inline content is typed (Text): renderers walk it and parse nothing.
type Document struct {
	Kind        Kind
	Title       Text   // the single top-level heading
	Citeertitel string // the short title as plain text, for page headers
	Gemeente    string // the municipality, as creator
	Subject     string // one line for document properties

	Intro    []Block    // aanhef, or an introduction, before the first chapter
	Chapters []*Chapter // at least one; see Chapter
	Closing  []Block    // ondertekening, or a closing block

	// Notes is the toelichting: a general part, then one note per article
	// (Article.Note) in article order. Nil when the document has none.
	Notes *Notes
}

// A Chapter groups articles. A document without chapters has exactly one
// Chapter whose Number and Title are empty; renderers then print no chapter
// heading and move the article headings one level up.
type Chapter struct {
	Number   string // "1", "2", …; empty for the implicit chapter
	Title    Text
	Articles []*Article
}

// An Article is an article of a regulation or, with an empty Number, a
// plain section of a document such as the informatieblad.
type Article struct {
	ID     string // the clause id it came from; used for diffs and references
	Number string // "1", "9a"; empty for an unnumbered section
	Title  Text
	Leden  []*Lid
	Note   []Block // its part of the toelichting (artikelsgewijs)
}

// Heading returns the article's heading text: "Artikel 3. Aanvraag", or
// just the title for an unnumbered section.
func (a *Article) Heading() Text {
	if a.Number == "" {
		return a.Title
	}
	if a.Title.IsEmpty() {
		return Plain("Artikel " + a.Number)
	}
	return append(Text{Str("Artikel " + a.Number + ". ")}, a.Title...).join()
}

// Heading returns the chapter's heading text: "Hoofdstuk 2. Aanvraag".
func (c *Chapter) Heading() Text {
	return append(Text{Str("Hoofdstuk " + c.Number + ". ")}, c.Title...).join()
}

// A Lid is a numbered paragraph of an article. Number is empty when the
// article has a single lid (Aanwijzingen: leden are numbered only when there
// are several) and in unnumbered sections.
type Lid struct {
	Number string // "1", "2", …, without the trailing dot; "A", "B", … for a change (IsChange)
	Label  string // the clause author's label, for references; not printed
	Text   Text
	Items  []*Item // onderdelen, printed after Text
	Blocks []Block // tables or paragraphs after the items
}

// IsChange reports whether the lid is a change of a wijzigingsartikel,
// lettered A, B, … (Aanwijzing 6.15): its letter stands on a line of its
// own, without a dot, and its text follows below it.
func (l *Lid) IsChange() bool {
	if l.Number == "" {
		return false
	}
	for _, r := range l.Number {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// An Item is an onderdeel ("a.", "b."), a sub-onderdeel ("1°.", "2°.") or,
// with Marker "-", a bullet in an unnumbered section. Definitions in the
// begripsbepalingen have an empty Marker: they are listed without letters.
type Item struct {
	Marker string
	Label  string
	Text   Text // ends in ";" or "." (or ":" when Items follow) already
	Items  []*Item
}

// Notes is a toelichting.
type Notes struct {
	Title   Text    // "Toelichting"
	General []Block // the algemeen deel
}

// A Block is a paragraph-level element: *Paragraph, *Table, *Heading,
// *List or *Quote.
type Block interface{ block() }

// A Paragraph is one paragraph.
type Paragraph struct{ Text Text }

// A Heading is a heading inside a block sequence, such as the sections of
// the general toelichting. Level 1 is the highest level available inside
// that sequence; renderers map it to the right absolute level.
type Heading struct {
	Level int
	Text  Text
}

// A List is a bulleted or numbered list.
type List struct {
	Ordered bool
	Items   []Text
}

// A Table has a header row and data rows. Caption, when set, is printed
// above the table.
type Table struct {
	Caption Text
	Header  []Text
	Rows    [][]Text
}

// A Quote is text quoted in full, laid out as in the regulation itself:
// the articles a wijzigingsverordening inserts or gives a new wording.
type Quote struct{ Lines []QuoteLine }

// A QuoteLine is one line of a Quote: a heading, a lid, an onderdeel or
// a table.
type QuoteLine struct {
	Heading bool
	Marker  string // lid number ("1") or onderdeel marker ("a.", "1°.")
	Depth   int    // 0 for a lid, 1 for an onderdeel, 2 for a sub-onderdeel
	Text    Text
	Table   *Table
}

func (*Quote) block()     {}
func (*Paragraph) block() {}
func (*Heading) block()   {}
func (*List) block()      {}
func (*Table) block()     {}

// Articles returns every article of the document in order.
func (d *Document) Articles() []*Article {
	var out []*Article
	for _, c := range d.Chapters {
		out = append(out, c.Articles...)
	}
	return out
}

// Article returns the article made from the clause id, or nil.
func (d *Document) Article(id string) *Article {
	for _, c := range d.Chapters {
		for _, a := range c.Articles {
			if a.ID == id {
				return a
			}
		}
	}
	return nil
}
