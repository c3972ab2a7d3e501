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
	Law       string
	Article   string
	Lid       int
	Onderdeel string
	Sub       int
}

// laws maps the short names used in front matter to the names printed.
var laws = map[string]string{
	"Participatiewet":  "Participatiewet",
	"Gemeentewet":      "Gemeentewet",
	"Awb":              "Algemene wet bestuursrecht",
	"Bekendmakingswet": "Bekendmakingswet",
}

// ParseStatuteRef reads "Law/article[/lid[/onderdeel[/sub]]]".
func ParseStatuteRef(s string) (StatuteRef, error) {
	parts := strings.Split(s, "/")
	var r StatuteRef
	if len(parts) < 2 || len(parts) > 5 {
		return r, fmt.Errorf("schrijf wet/artikel[/lid[/onderdeel[/sub]]], bijvoorbeeld Participatiewet/8a/2/e")
	}
	if _, ok := laws[parts[0]]; !ok {
		return r, fmt.Errorf("onbekende wet %q (bekend: %s)", parts[0], strings.Join(lawNames(), ", "))
	}
	r.Law, r.Article = parts[0], parts[1]
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

func lawNames() []string {
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
		return s + " van de " + laws[r.Law]
	}
	return s + ", van de " + laws[r.Law]
}

// GeletOp renders the statute references of the aanhef: grouped by law in
// the order first used, articles in natural order, leden and onderdelen
// merged — "artikel 8a, eerste lid, onderdeel a, en tweede lid, onderdelen
// a en e, en artikel 10 van de Participatiewet". Sub-onderdelen are folded
// into their onderdeel: the aanhef names the power, not each item.
func GeletOp(refs []StatuteRef) string {
	var lawOrder []string
	arts := map[string]map[string]map[int][]string{} // law → article → lid → onderdelen; lid 0 = whole article
	for _, r := range refs {
		if arts[r.Law] == nil {
			arts[r.Law] = map[string]map[int][]string{}
			lawOrder = append(lawOrder, r.Law)
		}
		if arts[r.Law][r.Article] == nil {
			arts[r.Law][r.Article] = map[int][]string{}
		}
		leden := arts[r.Law][r.Article]
		if r.Lid == 0 || r.Onderdeel == "" {
			if _, ok := leden[r.Lid]; !ok {
				leden[r.Lid] = nil
			}
			if r.Lid > 0 {
				leden[r.Lid] = append(leden[r.Lid], "")
			}
			continue
		}
		leden[r.Lid] = append(leden[r.Lid], r.Onderdeel)
	}
	var parts []string
	for _, law := range lawOrder {
		var phrases []string
		var subdivided []bool
		for _, a := range sortedArticles(arts[law]) {
			p, sub := articlePhrase(a, arts[law][a])
			phrases = append(phrases, p)
			subdivided = append(subdivided, sub)
		}
		parts = append(parts, joinPhrases(phrases, subdivided)+" van de "+laws[law])
	}
	return format.Join(parts, "en")
}

// joinPhrases lists article phrases; a phrase naming a lid or onderdeel is
// closed by a comma when more text follows (Aanwijzing 3.29: "artikel 5,
// tweede lid, van de wet").
func joinPhrases(phrases []string, subdivided []bool) string {
	var b strings.Builder
	for i, p := range phrases {
		b.WriteString(p)
		if subdivided[i] {
			b.WriteString(",")
		}
		switch {
		case i < len(phrases)-2:
			if !subdivided[i] {
				b.WriteString(",")
			}
			b.WriteString(" ")
		case i == len(phrases)-2:
			b.WriteString(" en ")
		}
	}
	return b.String()
}

// articlePhrase renders one article with its leden and onderdelen, and
// reports whether it names any.
func articlePhrase(article string, leden map[int][]string) (string, bool) {
	if _, whole := leden[0]; whole {
		return "artikel " + article, false
	}
	var nums []int
	wholeLeden := true
	for n, o := range leden {
		nums = append(nums, n)
		if lidPhrase(n, o) != format.Ordinal(n)+" lid" {
			wholeLeden = false
		}
	}
	sort.Ints(nums)
	if wholeLeden {
		var ords []string
		for _, n := range nums {
			ords = append(ords, format.Ordinal(n))
		}
		return "artikel " + article + ", " + format.Join(ords, "en") + " lid", true
	}
	var lids []string
	for _, n := range nums {
		lids = append(lids, lidPhrase(n, leden[n]))
	}
	last := len(lids) - 1
	if last == 0 {
		return "artikel " + article + ", " + lids[0], true
	}
	return "artikel " + article + ", " + strings.Join(lids[:last], ", ") + ", en " + lids[last], true
}

// lidPhrase is "tweede lid" or "tweede lid, onderdelen a en e". An empty
// onderdeel in the list means the whole lid is cited.
func lidPhrase(n int, onderdelen []string) string {
	s := format.Ordinal(n) + " lid"
	seen := map[string]bool{}
	var letters []string
	for _, o := range onderdelen {
		if o == "" {
			return s
		}
		if !seen[o] {
			seen[o] = true
			letters = append(letters, o)
		}
	}
	sort.Strings(letters)
	switch len(letters) {
	case 0:
		return s
	case 1:
		return s + ", onderdeel " + letters[0]
	}
	return s + ", onderdelen " + format.Join(letters, "en")
}

// sortedArticles orders article numbers naturally: 8a before 10 before 10a.
func sortedArticles(m map[string]map[int][]string) []string {
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
