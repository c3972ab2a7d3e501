package amend

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"verordening"
	"verordening/internal/answer"
	"verordening/internal/document"
	"verordening/internal/pipeline"
)

// TestDiffTokens: the word diff works on whole tokens, never inside one,
// and the result spells both texts back.
func TestAmendDiffTokens(t *testing.T) {
	a := fineTokens("ten hoogste 10% van de werktijd in het eerste jaar")
	b := fineTokens("ten hoogste 15% van de werktijd in het eerste en tweede jaar")
	ops := diffTokens(a, b, false)
	var old, new []string
	for _, o := range ops {
		if o.Kind != diffmatchpatch.DiffInsert {
			old = append(old, o.Tokens...)
		}
		if o.Kind != diffmatchpatch.DiffDelete {
			new = append(new, o.Tokens...)
		}
	}
	if !slices.Equal(old, a) || !slices.Equal(new, b) {
		t.Fatalf("the diff does not spell the texts back:\n%q\n%q", old, new)
	}
	var changed []string
	for _, o := range ops {
		if o.Kind != diffmatchpatch.DiffEqual {
			changed = append(changed, o.Kind.String()+":"+strings.Join(o.Tokens, ""))
		}
	}
	want := []string{"Delete:10", "Insert:15", "Insert: en tweede"}
	if !slices.Equal(changed, want) {
		t.Errorf("changes %q, want %q", changed, want)
	}
}

// TestDiffTokensManyTokens: more distinct tokens than fit below the
// surrogate range still round-trip.
func TestAmendDiffTokensManyTokens(t *testing.T) {
	var a, b []string
	for i := range 60000 {
		a = append(a, "w"+strings.Repeat("x", i%7)+strconv.Itoa(i))
	}
	b = append(b, a[:30000]...)
	b = append(b, "nieuw")
	b = append(b, a[30001:]...)
	ops := diffTokens(a, b, false)
	n := 0
	for _, o := range ops {
		if o.Kind != diffmatchpatch.DiffEqual {
			n += len(o.Tokens)
		}
	}
	if n != 2 {
		t.Errorf("%d tokens changed, want 2", n)
	}
}

func TestAmendFineTokens(t *testing.T) {
	got := fineTokens("€ 8.600, of 7,5%; Reïntegratiebesluit")
	want := []string{"€", " ", "8", ".", "600", ",", " ", "of", " ", "7", ",", "5", "%", ";", " ", "Reïntegratiebesluit"}
	if !slices.Equal(got, want) {
		t.Errorf("fineTokens = %q, want %q", got, want)
	}
}

// TestReplacements: the quoted fragments are whole words, occur once in
// the old text, and turn it into the new one.
func TestAmendReplacements(t *testing.T) {
	tests := []struct {
		old, new string
		want     []pair // nil: too large for a replacement
	}{
		{
			"De kosten bedragen ten hoogste € 8.600, exclusief omzetbelasting.",
			"De kosten bedragen ten hoogste € 9.500, exclusief omzetbelasting.",
			[]pair{{"€ 8.600", "€ 9.500"}},
		},
		{
			"10% van de werktijd van de werknemer in het eerste jaar van de jobcoaching;",
			"15% van de werktijd van de werknemer in het eerste jaar van de jobcoaching;",
			[]pair{{"10%", "15%"}},
		},
		{
			// "de" and "en de" ("binnen de") occur more than once: the
			// fragment grows until it is unique.
			"het college beslist binnen de termijn en de werknemer wacht",
			"het college beslist binnen de termijn en een werknemer wacht",
			[]pair{{"termijn en de", "termijn en een"}},
		},
		{
			// An insertion quotes the word before it.
			"afwijken van de artikelen 8, 20 en 21, als toepassing",
			"afwijken van de artikelen 8, 20, 21 en 22a, als toepassing",
			[]pair{{"20 en 21", "20, 21 en 22a"}},
		},
		{
			// A reference takes its "artikel" along.
			"het aantal uren, bedoeld in artikel 21, vierde lid;",
			"het aantal uren, bedoeld in artikel 21;",
			[]pair{{"artikel 21, vierde lid", "artikel 21"}},
		},
		{
			// Two changes far apart: two replacements.
			"Het college beslist binnen acht weken na ontvangst van de aanvraag en zendt het besluit aan de werknemer en de werkgever.",
			"Het college beslist binnen zes weken na ontvangst van de aanvraag en zendt het besluit aan de werknemer en de werkgever, met een afschrift aan de jobcoach.",
			[]pair{{"acht", "zes"}, {"werkgever", "werkgever, met een afschrift aan de jobcoach"}},
		},
		{
			// Everything new: not a replacement.
			"Het college stelt het aantal uren vast per geval naar de noodzaak.",
			"De jobcoach rapporteert eenmaal per zes maanden aan het college over de voortgang van de begeleiding die hij geeft en over wat er nog nodig is.",
			nil,
		},
		{
			// Emphasis would be cut in half.
			"zie de *Algemene wet bestuursrecht* en de wet",
			"zie de *Algemene regels* en de wet",
			nil,
		},
	}
	for _, tt := range tests {
		got, ok := replacements(tt.old, tt.new)
		if tt.want == nil {
			if ok {
				t.Errorf("replacements(%q) = %q, want none", tt.old, got)
			}
			continue
		}
		if !ok || !slices.Equal(got, tt.want) {
			t.Errorf("replacements(%q, %q) = %q, %v; want %q", tt.old, tt.new, got, ok, tt.want)
		}
	}
}

func TestAmendLetters(t *testing.T) {
	for i, want := range map[int]string{0: "a", 1: "b", 25: "z", 26: "aa"} {
		if got := suffix(i); got != want {
			t.Errorf("suffix(%d) = %q, want %q", i, got, want)
		}
	}
	for i, want := range map[int]string{0: "A", 2: "C", 25: "Z", 26: "AA", 27: "BB"} {
		if got := changeLetter(i); got != want {
			t.Errorf("changeLetter(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestWording: places are named as Ar 3.29 names them, in full or
// relative to the article.
func TestAmendWording(t *testing.T) {
	e := edit{kind: editReplace, loc: loc{art: "9", lid: 0, leden: 2, items: []string{"a.", "1°."}}, pairs: []pair{{"x", "y"}}}
	tests := []struct {
		w    where
		e    edit
		want string
	}{
		{where{}, e, "In artikel 9, eerste lid, onderdeel a, onder 1°, wordt “x” vervangen door “y”."},
		{where{of: "Verordening X"}, e, "In artikel 9, eerste lid, onderdeel a, onder 1°, van de Verordening X wordt “x” vervangen door “y”."},
		{where{rel: true}, e, "In het eerste lid, onderdeel a, onder 1°, wordt “x” vervangen door “y”."},
		{where{}, edit{kind: editReplace, loc: loc{art: "23", lid: 0, leden: 1}, pairs: []pair{{"a", "b"}}}, "In artikel 23 wordt “a” vervangen door “b”."},
		{where{rel: true}, edit{kind: editReplace, loc: loc{art: "3", lid: 0, leden: 1, aanhef: true}, pairs: []pair{{"a", "b"}}}, "In de aanhef wordt “a” vervangen door “b”."},
		{where{}, edit{kind: editLid, loc: loc{art: "28", lid: 1, leden: 3}}, "Artikel 28, tweede lid, komt te luiden:"},
		{where{rel: true}, edit{kind: editLid, loc: loc{art: "28", lid: 1, leden: 3}}, "Het tweede lid komt te luiden:"},
		{where{}, edit{kind: editLidAdd, loc: loc{art: "28", lid: -1, leden: 4}, leden: make([]*document.Lid, 2)}, "Aan artikel 28 worden twee leden toegevoegd, luidende:"},
		{where{rel: true}, edit{kind: editLidRemove, loc: loc{art: "28", lid: 2, leden: 3}}, "Het derde lid vervalt."},
		{where{}, edit{kind: editDefRemove, loc: loc{art: "1", lid: 0, leden: 2, term: "strippenkaart"}}, "In artikel 1, eerste lid, vervalt de begripsomschrijving van “strippenkaart”."},
	}
	for _, tt := range tests {
		if got := tt.w.sentence(tt.e); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// TestCompareNumbering: an inserted article takes the number before it
// with a letter, references in new text use it, and the articles after it
// keep their numbers.
func TestAmendCompareNumbering(t *testing.T) {
	c, err := pipeline.Load(verordening.Content)
	if err != nil {
		t.Fatal(err)
	}
	decode := func(s string) *answer.Answers {
		ans, _, err := c.Decode("a.yaml", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	base := "gemeente: Utrecht\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\n"
	am, err := Compare(c, decode(base), decode(base+"kostenplafond: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	var ins *Change
	for _, ch := range am.Changes {
		if ch.Kind == Inserted {
			ins = ch
		}
	}
	if ins == nil || len(ins.New) != 1 || ins.New[0].Number != ins.After+"a" {
		t.Fatalf("no inserted article numbered after its predecessor: %+v", am.Changes)
	}
	_ = ins.New[0].Number
	for i, o := range am.Old.Articles() {
		n := am.Amended.Article(o.ID)
		if n != nil && n.Number != o.Number {
			t.Errorf("article %d (%s) is numbered %s after the amendment", i+1, o.ID, n.Number)
		}
	}
	lks := "artikel " + am.Old.Article("aanspraak-lks").Number + "."
	if got := am.Amended.Article("kostenplafond").Leden[1].Text.Markdown(); !strings.HasSuffix(got, lks) {
		t.Errorf("the new article does not refer to %s: %s", lks, got)
	}
}
