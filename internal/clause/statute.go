package clause

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"verordening/internal/format"
)

// A StatuteRef points into a statute: "Participatiewet/8a/2/e/1" is
// artikel 8a, tweede lid, onderdeel e, onder 1°, of the Participatiewet.
// Lid, Onderdeel and Sub may be empty.
type StatuteRef struct {
	Law       string // the short name used in front matter, "Awb"
	Title     string // the name printed, "Algemene wet bestuursrecht"
	Article   string
	Lid       int
	Onderdeel string
	Sub       int
}

// Laws maps the short names of the laws that references may cite to the
// names printed; clauses/wetten.yaml lists them under wetten.
type Laws map[string]string

// ParseStatuteRef reads "Law/article[/lid[/onderdeel[/sub]]]", where Law
// is one of laws.
func ParseStatuteRef(s string, laws Laws) (StatuteRef, error) {
	parts := strings.Split(s, "/")
	var r StatuteRef
	if len(parts) < 2 || len(parts) > 5 {
		return r, fmt.Errorf("schrijf wet/artikel[/lid[/onderdeel[/sub]]], bijvoorbeeld Participatiewet/8a/2/e")
	}
	title, ok := laws[parts[0]]
	if !ok {
		return r, fmt.Errorf("onbekende wet %q (bekend: %s; een andere wet voegt u toe onder wetten in %s)", parts[0], strings.Join(laws.names(), ", "), statutesFile)
	}
	r.Law, r.Title, r.Article = parts[0], title, parts[1]
	if r.Article == "" {
		return r, fmt.Errorf("het artikelnummer ontbreekt")
	}
	var err error
	if len(parts) > 2 {
		if r.Lid, err = strconv.Atoi(parts[2]); err != nil || r.Lid < 1 {
			return r, fmt.Errorf("lid %q is geen getal", parts[2])
		}
	}
	if len(parts) > 3 {
		r.Onderdeel = parts[3]
		if len(r.Onderdeel) != 1 || r.Onderdeel[0] < 'a' || r.Onderdeel[0] > 'z' {
			return r, fmt.Errorf("onderdeel %q is geen letter", parts[3])
		}
	}
	if len(parts) > 4 {
		if r.Sub, err = strconv.Atoi(parts[4]); err != nil || r.Sub < 1 {
			return r, fmt.Errorf("subonderdeel %q is geen getal", parts[4])
		}
	}
	return r, nil
}

func (laws Laws) names() []string {
	var out []string
	for k := range laws {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// String renders the reference in Aanwijzingen wording: "artikel 8a,
// tweede lid, onderdeel e, onder 1°, van de Participatiewet".
func (r StatuteRef) String() string {
	s := "artikel " + r.Article
	if r.Lid > 0 {
		s += ", " + format.Ordinal(r.Lid) + " lid"
	}
	if r.Onderdeel != "" {
		s += ", onderdeel " + r.Onderdeel
	}
	if r.Sub > 0 {
		s += fmt.Sprintf(", onder %d°", r.Sub)
	}
	if r.Lid == 0 {
		return s + " van de " + r.Title
	}
	return s + ", van de " + r.Title
}

// GeletOp renders the statute references of the aanhef without knowing
// how the cited articles are divided; see GeletOpWith.
func GeletOp(refs []StatuteRef) string { return GeletOpWith(refs, nil) }

// GeletOp renders the aanhef's references with the division of the cited
// articles that clauses/wetten.yaml records.
func (l *Library) GeletOp(refs []StatuteRef) string {
	var d Divisions
	if l.Statutes != nil {
		d = l.Statutes.Divisions
	}
	return GeletOpWith(refs, d)
}

// Divisions records how many parts a statute article, lid or onderdeel
// has, by its reference without the law's parts below it:
// "Participatiewet/8a" → 2 leden, "Participatiewet/8a/2" → 7 onderdelen
// (a to g), "Participatiewet/8a/2/e" → 2 sub-onderdelen.
type Divisions map[string]int

// GeletOpWith renders the statute references of the aanhef in the form of
// Aanwijzingen 3.29 and 4.9: grouped by law in the order first used,
// articles in natural order, one article "artikel 10", several "de
// artikelen 7a, 8a, … en 10da"; onderdelen of a lid as "aanhef en
// onderdeel a" or "aanhef en onderdelen a, e en g, onder 2°"; a part that
// has subdivisions is closed by a comma when more text follows:
//
//	gelet op de artikelen 7a, 8a, eerste lid, aanhef en onderdeel a, en
//	tweede lid, aanhef en onderdelen a, e en g, onder 2°, 10 en 10da van
//	de Participatiewet en artikel 147 van de Gemeentewet
//
// A part all of whose parts are cited is cited as a whole, as far as div
// records the division: every lid of artikel 10 gives "10", sub-onderdelen
// 1° and 2° of onderdeel e give "onderdeel e". Without a recorded division
// the parts cited are listed.
func GeletOpWith(refs []StatuteRef, div Divisions) string {
	var lawOrder []StatuteRef
	laws := map[string]*part{}
	for _, r := range refs {
		if laws[r.Law] == nil {
			laws[r.Law] = &part{}
			lawOrder = append(lawOrder, r)
		}
		laws[r.Law].add(r.path())
	}
	var out []string
	for _, law := range lawOrder {
		p := laws[law.Law]
		p.fold(law.Law, div)
		out = append(out, lawPhrase(law.Title, p))
	}
	return format.Join(out, "en")
}

// path is the reference's parts below the law: article, lid, onderdeel, sub.
func (r StatuteRef) path() []string {
	p := []string{r.Article}
	if r.Lid > 0 {
		p = append(p, strconv.Itoa(r.Lid))
		if r.Onderdeel != "" {
			p = append(p, r.Onderdeel)
			if r.Sub > 0 {
				p = append(p, strconv.Itoa(r.Sub))
			}
		}
	}
	return p
}

// A part is an article, lid, onderdeel or sub-onderdeel as cited: whole,
// or by some of its parts.
type part struct {
	whole bool
	kids  map[string]*part
}

func (p *part) add(path []string) {
	if p.whole {
		return
	}
	if len(path) == 0 {
		p.whole, p.kids = true, nil
		return
	}
	if p.kids == nil {
		p.kids = map[string]*part{}
	}
	k := p.kids[path[0]]
	if k == nil {
		k = &part{}
		p.kids[path[0]] = k
	}
	k.add(path[1:])
}

// fold marks a part whole when all its recorded parts are cited whole.
func (p *part) fold(key string, div Divisions) {
	for label, k := range p.kids {
		k.fold(key+"/"+label, div)
	}
	n, ok := div[key]
	if !ok || p.whole || len(p.kids) != n {
		return
	}
	for i := range n {
		label := strconv.Itoa(i + 1)
		if strings.Count(key, "/") == 2 { // a lid: its onderdelen are letters
			label = string(rune('a' + i))
		}
		if k := p.kids[label]; k == nil || !k.whole {
			return
		}
	}
	p.whole, p.kids = true, nil
}

func lawPhrase(title string, p *part) string {
	var items []phrase
	for _, a := range sortedArticles(p.kids) {
		items = append(items, articlePhrase(a, p.kids[a]))
	}
	list := joinClosed(items)
	lead := "artikel "
	if len(items) > 1 {
		lead = "de artikelen "
	}
	return lead + list.text + list.close() + " van de " + title
}

// A phrase is a piece of a citation; closed phrases name a subdivision
// and take a comma when more text follows.
type phrase struct {
	text   string
	closed bool
}

func (p phrase) close() string {
	if p.closed {
		return ","
	}
	return ""
}

// joinClosed lists phrases as "a, b en c", closing each closed phrase
// with a comma before what follows: "8a, tweede lid, en 10". The result
// is closed when its last phrase is.
func joinClosed(items []phrase) phrase {
	var b strings.Builder
	for i, p := range items {
		b.WriteString(p.text)
		if i == len(items)-1 {
			break
		}
		b.WriteString(p.close())
		if i == len(items)-2 {
			b.WriteString(" en ")
			continue
		}
		if !p.closed {
			b.WriteString(",")
		}
		b.WriteString(" ")
	}
	if len(items) == 0 {
		return phrase{}
	}
	return phrase{b.String(), items[len(items)-1].closed}
}

// articlePhrase is "10", "10, vierde en vijfde lid" or "8a, eerste lid,
// aanhef en onderdeel a, en tweede lid".
func articlePhrase(article string, p *part) phrase {
	if p.whole {
		return phrase{text: article}
	}
	var nums []int
	for k := range p.kids {
		n, _ := strconv.Atoi(k)
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var items []phrase
	var run []string // consecutive whole leden: "tweede en derde lid"
	flush := func() {
		if len(run) > 0 {
			items = append(items, phrase{text: format.Join(run, "en") + " lid"})
			run = nil
		}
	}
	for _, n := range nums {
		lid := p.kids[strconv.Itoa(n)]
		if lid.whole {
			run = append(run, format.Ordinal(n))
			continue
		}
		flush()
		items = append(items, lidPhrase(n, lid))
	}
	flush()
	return phrase{article + ", " + joinClosed(items).text, true}
}

// lidPhrase is "tweede lid, aanhef en onderdeel e" or "tweede lid, aanhef
// en onderdelen a, e en g, onder 2°".
func lidPhrase(n int, p *part) phrase {
	var letters []string
	for k := range p.kids {
		letters = append(letters, k)
	}
	sort.Strings(letters)
	var items []phrase
	for _, o := range letters {
		items = append(items, onderdeelPhrase(o, p.kids[o]))
	}
	word := "onderdeel "
	if len(items) > 1 {
		word = "onderdelen "
	}
	return phrase{format.Ordinal(n) + " lid, aanhef en " + word + joinClosed(items).text, true}
}

// onderdeelPhrase is "e" or "e, onder 1° en 2°".
func onderdeelPhrase(letter string, p *part) phrase {
	if p.whole {
		return phrase{text: letter}
	}
	var nums []int
	for k := range p.kids {
		n, _ := strconv.Atoi(k)
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var subs []string
	for _, n := range nums {
		subs = append(subs, strconv.Itoa(n)+"°")
	}
	return phrase{letter + ", onder " + format.Join(subs, "en"), true}
}

// sortedArticles orders article numbers naturally: 8a before 10 before 10a.
func sortedArticles(m map[string]*part) []string {
	var out []string
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		ni, si := splitArticle(out[i])
		nj, sj := splitArticle(out[j])
		if ni != nj {
			return ni < nj
		}
		return si < sj
	})
	return out
}

func splitArticle(a string) (int, string) {
	i := 0
	for i < len(a) && a[i] >= '0' && a[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(a[:i])
	return n, a[i:]
}
