package render

import "verordening/internal/document"

// EachText calls f for every text of d in the order the renderers write
// them (headings, leden, onderdelen, paragraphs, list items, table
// captions and cells, quoted lines), for consumers that read the model's
// inline nodes rather than rendered bytes.
func EachText(d *document.Document, f func(document.Text)) {
	(&walker{e: textEmitter(f)}).document(d)
}

// textEmitter is the emitter that hands each text to a function.
type textEmitter func(document.Text)

func (f textEmitter) heading(_ int, text document.Text, _ string) { f(text) }
func (f textEmitter) lid(_ string, text document.Text)            { f(text) }
func (f textEmitter) para(text document.Text)                     { f(text) }

func (f textEmitter) items(items []*document.Item) {
	for _, it := range items {
		f(it.Text)
		f.items(it.Items)
	}
}

func (f textEmitter) list(l *document.List) {
	for _, it := range l.Items {
		f(it)
	}
}

func (f textEmitter) table(t *document.Table) {
	f(t.Caption)
	f.cells(t)
}

// cells hands over a table's header and rows; a quoted table has no
// caption.
func (f textEmitter) cells(t *document.Table) {
	for _, c := range t.Header {
		f(c)
	}
	for _, r := range t.Rows {
		for _, c := range r {
			f(c)
		}
	}
}

func (f textEmitter) quote(q *document.Quote) {
	for _, l := range q.Lines {
		if l.Table != nil {
			f.cells(l.Table)
		} else {
			f(l.Text)
		}
	}
}
