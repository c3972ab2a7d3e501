package assemble

import (
	"strings"
	"testing"

	"verordening/internal/document"
)

func TestLetter(t *testing.T) {
	for i, want := range map[int]string{0: "a.", 1: "b.", 25: "z.", 26: "aa.", 27: "ab."} {
		if got := letter(i); got != want {
			t.Errorf("letter(%d) = %q, want %q", i, got, want)
		}
	}
}

// show prints leden as a jurist reads them, one line each.
func show(leden []*document.Lid) string {
	var b strings.Builder
	var items func([]*document.Item, string)
	items = func(its []*document.Item, ind string) {
		for _, it := range its {
			b.WriteString(ind + it.Marker + " " + md(it.Text) + "\n")
			items(it.Items, ind+"  ")
		}
	}
	for _, l := range leden {
		if l.Number != "" {
			b.WriteString(l.Number + ". ")
		}
		b.WriteString(md(l.Text) + "\n")
		items(l.Items, "  ")
	}
	return b.String()
}

func TestNumbering(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            string
	}{
		{name: "enkel lid krijgt geen nummer",
			in:   "Het college beslist.",
			want: "Het college beslist.\n"},
		{name: "twee leden genummerd",
			in:   "Het college beslist.\n\nHet besluit is schriftelijk.",
			want: "1. Het college beslist.\n2. Het besluit is schriftelijk.\n"},
		{name: "onderdelen met ; en laatste .",
			in:   "Het college let op:\n- de aard\n- de duur;\n- de intensiteit.",
			want: "Het college let op:\n  a. de aard;\n  b. de duur;\n  c. de intensiteit.\n"},
		{name: "subonderdelen en ; en",
			in:   "Eisen:\n- aan de organisatie:\n  - een keurmerk\n  - een klachtenregeling; en\n- aan de jobcoach",
			want: "Eisen:\n  a. aan de organisatie:\n    1°. een keurmerk;\n    1°. een klachtenregeling; en\n  b. aan de jobcoach.\n"},
		{name: "opsomming in tweede lid",
			in:   "Eerste lid.\n\nTweede lid:\n- x\n- y",
			want: "1. Eerste lid.\n2. Tweede lid:\n  a. x;\n  b. y.\n"},
		{name: "label wordt niet getoond",
			in:   "{#termijn} Binnen acht weken.\n- {#a} iets",
			want: "Binnen acht weken.\n  a. iets.\n"},
		{name: "begrippenlijst zonder letters, alfabetisch",
			in:   "{#begrippen} " + defListMarker + "In deze regels wordt verstaan onder:\n- verordening: de verordening\n- *arbeidsduur*: de uren per week\n- klantmanager: de medewerker\n\nAndere begrippen:\n- z\n- y",
			want: "1. In deze regels wordt verstaan onder:\n   *arbeidsduur*: de uren per week;\n   klantmanager: de medewerker;\n   verordening: de verordening.\n2. Andere begrippen:\n  a. z;\n  b. y.\n"},
		{name: "opsomming zonder inleiding", in: "- x", err: "zonder inleidende zin"},
		{name: "leeg", in: "\n\n", err: "geen tekst"},
		{name: "subonderdeel zonder onderdeel", in: "Tekst:\n  - x", err: "subonderdeel zonder onderdeel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leden, err := parseArticle(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			numberLegal(leden)
			got := show(leden)
			// sub-onderdelen are numbered 1°, 2°: fix the expectation's second 1°.
			want := strings.Replace(tt.want, "    1°. een klachtenregeling", "    2°. een klachtenregeling", 1)
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func art(num string, leden ...*document.Lid) *document.Article {
	return &document.Article{Number: num, Leden: leden}
}

func TestWording(t *testing.T) {
	single := art("7", &document.Lid{Label: "enig", Items: []*document.Item{{Marker: "a.", Label: "x"}, {Marker: "b.", Label: "y"}}})
	multi := art("9",
		&document.Lid{Number: "1", Label: "een", Items: []*document.Item{{Marker: "a."}, {Marker: "b.", Label: "bron",
			Items: []*document.Item{{Marker: "1°."}, {Marker: "2°.", Label: "sub"}}}}},
		&document.Lid{Number: "2", Label: "twee"})
	other := art("3")
	tests := []struct {
		from, to   *document.Article
		lid, item  string
		want, fail string
	}{
		{from: other, to: single, want: "artikel 7"},
		{from: other, to: single, lid: "enig", want: "artikel 7"},
		{from: other, to: single, item: "y", want: "artikel 7, onderdeel b"},
		{from: other, to: multi, lid: "twee", want: "artikel 9, tweede lid"},
		{from: other, to: multi, lid: "een", item: "bron", want: "artikel 9, eerste lid, onderdeel b"},
		{from: other, to: multi, lid: "een", item: "sub", want: "artikel 9, eerste lid, onderdeel b, onder 2°"},
		{from: multi, to: multi, lid: "twee", want: "het tweede lid"},
		{from: multi, to: multi, lid: "een", item: "bron", want: "het eerste lid, onderdeel b"},
		{from: single, to: single, item: "x", want: "onderdeel a"},
		{from: other, to: multi, lid: "drie", fail: "geen lid met label"},
		{from: other, to: multi, item: "zz", fail: "geen onderdeel met label"},
	}
	for _, tt := range tests {
		got, err := Wording(tt.from, tt.to, tt.lid, tt.item)
		if tt.fail != "" {
			if err == nil || !strings.Contains(err.Error(), tt.fail) {
				t.Errorf("Wording(%s,%s,%q,%q) err = %v, want %q", tt.from.Number, tt.to.Number, tt.lid, tt.item, err, tt.fail)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Wording(%s,%s,%q,%q) = %q, %v; want %q", tt.from.Number, tt.to.Number, tt.lid, tt.item, got, err, tt.want)
		}
	}
}

func containsTerm(text, term string) bool { return newTermTable([]string{term}).find(text)[term] }

func TestContainsTerm(t *testing.T) {
	tests := []struct {
		text, term string
		want       bool
	}{
		{"De jobcoaches werken.", "jobcoach", true},
		{"De jobcoachorganisatie werkt.", "jobcoach", false},
		{"Werkgevers vragen aan.", "werkgever", true},
		{"volgens de Algemene wet bestuursrecht", "wet", false},
		{"artikel 10 van de wet", "wet", true},
		{"wettelijk minimumloon", "wet", false},
		{"Het College beslist", "college", true},
	}
	for _, tt := range tests {
		if got := containsTerm(tt.text, tt.term); got != tt.want {
			t.Errorf("containsTerm(%q, %q) = %v, want %v", tt.text, tt.term, got, tt.want)
		}
	}
}

func TestArticleList(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"7"}, "artikel 7"},
		{[]string{"8", "20"}, "de artikelen 8 en 20"},
		{[]string{"28", "26", "27"}, "de artikelen 26 tot en met 28"},
		{[]string{"8", "20", "21", "23"}, "de artikelen 8, 20, 21 en 23"},
		{[]string{"3", "4", "5", "9", "10", "11", "12"}, "de artikelen 3 tot en met 5 en 9 tot en met 12"},
		{[]string{"5", "5"}, "artikel 5"},
		{[]string{"22a"}, "artikel 22a"},
		{[]string{"8", "20", "21", "22a"}, "de artikelen 8, 20, 21 en 22a"},
		{[]string{"23", "22a", "22", "21", "20"}, "de artikelen 20 tot en met 22, 22a en 23"},
		{[]string{"22b", "22a", "22"}, "de artikelen 22, 22a en 22b"},
		{[]string{"16aa", "16z", "16ab"}, "de artikelen 16z, 16aa en 16ab"},
		{[]string{"II", "3"}, "de artikelen 3 en II"},
	}
	for _, tt := range tests {
		if got := ArticleList(tt.in); got != tt.want {
			t.Errorf("ArticleList(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
