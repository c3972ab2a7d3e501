package assemble

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"verordening/internal/document"
	"verordening/internal/format"
)

// A reference is written into the text as a placeholder while templates
// run, because numbers are known only once every chosen article has been
// parsed; resolveRefs replaces it afterwards. The markers are control
// characters, which EscapeMarkdown removes from answers, so an answer can
// never forge a reference.
const (
	refOpen  = "\x1e"
	refSep   = "\x1f"
	refClose = "\x1d"
)

var refRe = regexp.MustCompile(refOpen + `([^` + refClose + `]*)` + refClose)

func refPlaceholder(capital bool, args ...string) (string, error) {
	if len(args) == 0 || len(args) > 3 {
		return "", fmt.Errorf("ref verwacht een clausule-id en eventueel een lid- en onderdeellabel")
	}
	for len(args) < 3 {
		args = append(args, "")
	}
	c := "0"
	if capital {
		c = "1"
	}
	return refOpen + strings.Join(append(args, c), refSep) + refClose, nil
}

// refsPlaceholder stands for a list of articles; the clause ids are joined
// by commas in the target field.
func refsPlaceholder(ids ...string) (string, error) {
	if len(ids) < 2 {
		return "", fmt.Errorf("refs verwacht twee of meer clausule-id's; gebruik ref voor één artikel")
	}
	return refPlaceholder(false, strings.Join(ids, ","))
}

// a ref is a parsed placeholder.
type ref struct {
	target, lid, item string
	capital           bool
}

func parseRef(s string) ref {
	p := strings.Split(s, refSep)
	return ref{target: p[0], lid: p[1], item: p[2], capital: p[3] == "1"}
}

// Wording renders a reference in Aanwijzingen wording. from is the article
// the reference stands in; to is the target.
func Wording(from, to *document.Article, lidLabel, itemLabel string) (string, error) {
	var parts []string
	same := from == to
	if !same {
		parts = append(parts, "artikel "+to.Number)
	}
	lidIdx := -1
	if lidLabel != "" {
		lidIdx = findLid(to, lidLabel)
		if lidIdx < 0 {
			return "", fmt.Errorf("artikel %s heeft geen lid met label %q", to.Number, lidLabel)
		}
		if len(to.Leden) > 1 {
			lid := format.Ordinal(lidIdx+1) + " lid"
			if same {
				lid = "het " + lid
			}
			parts = append(parts, lid)
		}
	}
	if itemLabel != "" {
		path, ok := findItem(to, lidIdx, itemLabel)
		if !ok {
			return "", fmt.Errorf("artikel %s heeft geen onderdeel met label %q", to.Number, itemLabel)
		}
		parts = append(parts, path)
	}
	if len(parts) == 0 {
		return "dit artikel", nil
	}
	return strings.Join(parts, ", "), nil
}

func findLid(a *document.Article, label string) int {
	for i, l := range a.Leden {
		if l.Label == label {
			return i
		}
	}
	return -1
}

// findItem finds an item by label in lid lidIdx (or in any lid when -1)
// and returns "onderdeel b" or "onderdeel b, onder 2°".
func findItem(a *document.Article, lidIdx int, label string) (string, bool) {
	for i, l := range a.Leden {
		if lidIdx >= 0 && i != lidIdx {
			continue
		}
		for _, it := range l.Items {
			if it.Label == label {
				return "onderdeel " + strings.TrimSuffix(it.Marker, "."), true
			}
			for _, sub := range it.Items {
				if sub.Label == label {
					return "onderdeel " + strings.TrimSuffix(it.Marker, ".") + ", onder " + strings.TrimSuffix(sub.Marker, "."), true
				}
			}
		}
	}
	return "", false
}

// resolveRefs replaces every placeholder in the document's text and drops
// the answer markers: after it, the text is what renderers print. A
// reference to a clause of another document (the beleidsregels citing the
// verordening) names that document: "artikel 9, tweede lid, van de
// verordening". Placeholders in the frame (aanhef, toelichting) stand in no
// article.
// name gives the words for another document's kind ("verordening").
func resolveRefs(d *document.Document, docs map[string]*document.Document, name func(kind string) string, fail func(art *document.Article, r ref, msg string)) {
	resolver := func(art *document.Article) func(string) string {
		return func(s string) string {
			s = unmark(s)
			if !strings.Contains(s, refOpen) {
				return s
			}
			return refRe.ReplaceAllStringFunc(s, func(m string) string {
				r := parseRef(m[len(refOpen) : len(m)-len(refClose)])
				w, kind, num, target, err := resolveOne(d, docs, name, art, r)
				if err != nil {
					fail(art, r, err.Error())
					return "[verwijzing]"
				}
				r.target = target
				return resolvedRef(kind, r, num, w)
			})
		}
	}
	for _, art := range d.Articles() {
		walkText(art, resolver(art))
	}
	frame := resolver(nil)
	walkBlocks(d.Intro, frame)
	walkBlocks(d.Closing, frame)
	if d.Notes != nil {
		walkBlocks(d.Notes.General, frame)
	}
}

// resolveOne returns the wording of reference r, and the kind of the
// document and the number of the article it refers to.
func resolveOne(d *document.Document, docs map[string]*document.Document, name func(string) string, from *document.Article, r ref) (w, kind, num, target string, err error) {
	if strings.Contains(r.target, ",") {
		var chosen []string
		w, kind, chosen, err = resolveList(d, docs, name, strings.Split(r.target, ","))
		r.target = strings.Join(chosen, ",")
		return w, kind, "", r.target, err
	}
	to, other := from, ""
	if r.target != "" && (from == nil || r.target != from.ID) {
		to = d.Article(r.target)
		if to == nil {
			for kind, od := range docs {
				if od != d && od.Article(r.target) != nil {
					to, other = od.Article(r.target), kind
				}
			}
		}
	}
	if to == nil {
		return "", "", "", "", fmt.Errorf("verwijzing naar clausule %q, die voor deze antwoorden niet is gekozen; zet de verwijzing binnen {{ if selected %q }}", r.target, r.target)
	}
	w, err = Wording(from, to, r.lid, r.item)
	if err != nil {
		return "", "", "", "", err
	}
	if other != "" {
		if strings.Contains(w, ",") {
			w += ","
		}
		w += " van de " + name(other)
	}
	if r.capital {
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	return w, other, to.Number, to.ID, nil
}

// lookup finds the article of a clause in d or, failing that, in another
// document, whose kind it returns.
func lookup(d *document.Document, docs map[string]*document.Document, id string) (*document.Article, string) {
	if a := d.Article(id); a != nil {
		return a, ""
	}
	for kind, od := range docs {
		if od != d && od.Article(id) != nil {
			return od.Article(id), kind
		}
	}
	return nil, ""
}

// resolveList renders the chosen articles among ids: "artikel 8", "de
// artikelen 8 en 20", "de artikelen 26 tot en met 28". Clauses not chosen
// for these answers are left out, which is what a list of optional
// articles wants.
// It also returns the kind of the document the articles are in, and the
// ids of the chosen ones.
func resolveList(d *document.Document, docs map[string]*document.Document, name func(string) string, ids []string) (w, kind string, chosen []string, err error) {
	var nums []string
	for _, id := range ids {
		a, k := lookup(d, docs, id)
		if a == nil {
			continue
		}
		if _, _, ok := splitNumber(a.Number); !ok {
			return "", "", nil, fmt.Errorf("refs: artikel %s heeft geen nummer als 12 of 12a", a.Number)
		}
		nums, kind, chosen = append(nums, a.Number), k, append(chosen, id)
	}
	if len(nums) == 0 {
		return "", "", nil, fmt.Errorf("refs: geen van de clausules %s is gekozen voor deze antwoorden", strings.Join(ids, ", "))
	}
	w = ArticleList(nums)
	if kind != "" {
		w += " van de " + name(kind)
	}
	return w, kind, chosen, nil
}

// splitNumber splits an article number such as "22a" into 22 and "a".
func splitNumber(num string) (n int, letters string, ok bool) {
	i := 0
	for i < len(num) && num[i] >= '0' && num[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(num[:i])
	if err != nil {
		return 0, "", false
	}
	for j := i; j < len(num); j++ {
		if num[j] < 'a' || num[j] > 'z' {
			return 0, "", false
		}
	}
	return n, num[i:], true
}

// ArticleList words a set of article numbers as the Aanwijzingen do: runs
// of three or more as "tot en met". An inserted article ("22a") is named
// on its own, never as the end of a run, so that a reader sees it.
// Numbers that are not of that form are listed as they are, at the end.
func ArticleList(nums []string) string {
	type num struct {
		n       int
		letters string
		text    string
		ok      bool
	}
	var ns []num
	for _, s := range nums {
		n, l, ok := splitNumber(s)
		ns = append(ns, num{n, l, s, ok})
	}
	slices.SortStableFunc(ns, func(a, b num) int {
		switch {
		case a.ok != b.ok:
			if a.ok {
				return -1
			}
			return 1
		case a.n != b.n:
			return a.n - b.n
		case len(a.letters) != len(b.letters):
			// Inserted numbers run 12z, 12aa, 12ab: a shorter suffix
			// comes first.
			return len(a.letters) - len(b.letters)
		}
		return strings.Compare(a.letters, b.letters)
	})
	ns = slices.CompactFunc(ns, func(a, b num) bool { return a.text == b.text })
	if len(ns) == 1 {
		return "artikel " + ns[0].text
	}
	plain := func(i int) bool { return ns[i].ok && ns[i].letters == "" }
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for plain(i) && j+1 < len(ns) && plain(j+1) && ns[j+1].n == ns[j].n+1 {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, ns[i].text+" tot en met "+ns[j].text)
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, ns[k].text)
			}
		}
		i = j + 1
	}
	return "de artikelen " + format.Join(parts, "en")
}

// walkText applies f to the Markdown of every text of the article, its
// leden, items, tables and note.
func walkText(a *document.Article, f func(string) string) {
	for _, l := range a.Leden {
		l.Text = apply(f, l.Text)
		walkItems(l.Items, f)
		walkBlocks(l.Blocks, f)
	}
	walkBlocks(a.Note, f)
}

// apply applies f to the Markdown of a text still being assembled.
func apply(f func(string) string, t document.Text) document.Text {
	if t == nil {
		return nil
	}
	return src(f(md(t)))
}

func walkItems(items []*document.Item, f func(string) string) {
	for _, it := range items {
		it.Text = apply(f, it.Text)
		walkItems(it.Items, f)
	}
}

func walkBlocks(blocks []document.Block, f func(string) string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			b.Text = apply(f, b.Text)
		case *document.Heading:
			b.Text = apply(f, b.Text)
		case *document.List:
			for i := range b.Items {
				b.Items[i] = apply(f, b.Items[i])
			}
		case *document.Table:
			for _, row := range b.Rows {
				for i := range row {
					row[i] = apply(f, row[i])
				}
			}
		}
	}
}

// stripRefs removes placeholders, for checks on the words of a text.
func stripRefs(s string) string { return refRe.ReplaceAllString(s, " ") }
