package amend

import (
	"strings"

	"verordening/internal/format"
)

// Quotation marks of amending texts.
const (
	lq = "“"
	rq = "”"
)

func quote(s string) string { return lq + s + rq }

// A where says how a sentence names its place: in full ("artikel 21,
// eerste lid"), in full with the regulation ("artikel 21, eerste lid, van
// de Verordening …", when Artikel I holds a single change), or relative to
// an article whose changes are numbered ("het eerste lid").
type where struct {
	of  string // the citeertitel, for a single change
	rel bool
}

// target names the place; comma reports whether a comma must close it
// before the verb ("In artikel 21, eerste lid, wordt").
func (w where) target(l loc) (text string, comma bool) {
	parts := l.parts()
	if w.rel {
		var t string
		switch {
		case len(parts) == 0:
			// The article itself: name it in full after all.
		case l.lid >= 0 && l.leden > 1:
			t = "het " + strings.Join(parts, ", ")
		case len(parts) == 1 && parts[0] == "aanhef":
			t = "de aanhef"
		default:
			t = strings.Join(parts, ", ")
		}
		if t != "" {
			return t, strings.Contains(t, ",")
		}
	}
	t := "artikel " + l.art
	if len(parts) > 0 {
		t += ", " + strings.Join(parts, ", ")
	}
	comma = len(parts) > 0
	if w.of != "" {
		if comma {
			t += ","
		}
		t += " van de " + w.of
		comma = false
	}
	return t, comma
}

// in writes "In <place>[,] " before a verb.
func (w where) in(l loc) string {
	t, comma := w.target(l)
	if comma {
		t += ","
	}
	return "In " + t + " "
}

// subject writes "<Place>[,] " as the subject of a sentence.
func (w where) subject(l loc) string {
	t, comma := w.target(l)
	if comma {
		t += ","
	}
	return capitalize(t) + " "
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	if strings.HasPrefix(s, "het ") {
		return "Het " + s[4:]
	}
	if strings.HasPrefix(s, "de ") {
		return "De " + s[3:]
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence words an edit. A lid that comes to read differently is
// followed by the quoted lid (see quoteLid).
func (w where) sentence(e edit) string {
	switch e.kind {
	case editReplace:
		var rs []string
		for _, p := range e.pairs {
			rs = append(rs, "wordt "+quote(p.old)+" vervangen door "+quote(p.new))
		}
		body := strings.Join(rs, " en ")
		if e.loc.term != "" {
			l := e.loc
			l.term = ""
			t, comma := w.target(l)
			if comma {
				t += ","
			}
			return "In de begripsomschrijving van " + quote(e.loc.term) + " in " + t + " " + body + "."
		}
		return w.in(e.loc) + body + "."
	case editLid:
		return w.subject(e.loc) + "komt te luiden:"
	case editDefAdd:
		return w.in(e.loc) + "wordt in de alfabetische volgorde een begripsomschrijving ingevoegd, luidende: " + quote(e.text) + "."
	case editLidAdd:
		what := "wordt een lid toegevoegd"
		if n := len(e.leden); n > 1 {
			what = "worden " + format.Woord(float64(n)) + " leden toegevoegd"
		}
		if w.rel {
			return "Er " + what + ", luidende:"
		}
		t, _ := w.target(e.loc)
		return "Aan " + t + " " + what + ", luidende:"
	case editLidRemove:
		return w.subject(e.loc) + "vervalt."
	case editDefRemove:
		return w.in(e.loc) + "vervalt de begripsomschrijving van " + quote(e.loc.term) + "."
	case editDefReplace:
		return w.in(e.loc) + "wordt de begripsomschrijving van " + quote(e.loc.term) + " vervangen door " + quote(e.text) + "."
	}
	return ""
}

// lead words the first sentence of a change. Changes with several edits
// end in ":" and are followed by their numbered edits; changes that give
// articles in full end in ":" and are followed by the quoted articles.
func (c *Change) lead(of string) string {
	ofPart := ""
	if of != "" {
		ofPart = " van de " + of
	}
	w := where{of: of}
	switch c.Kind {
	case Modified:
		switch {
		case len(c.Edits) == 1:
			return w.sentence(c.Edits[0])
		case len(c.Edits) > 1:
			return "Artikel " + c.New[0].Number + ofPart + " wordt als volgt gewijzigd:"
		}
		return "Artikel " + c.New[0].Number + ofPart + " komt te luiden:"
	case Replaced:
		return "Artikel " + c.New[0].Number + ofPart + " komt te luiden:"
	case Inserted:
		what := "wordt een artikel ingevoegd"
		if n := len(c.New); n > 1 {
			what = "worden " + format.Woord(float64(n)) + " artikelen ingevoegd"
		}
		if c.After == "" {
			return "Voor artikel 1" + ofPart + " " + what + ", luidende:"
		}
		return "Na artikel " + c.After + ofPart + " " + what + ", luidende:"
	case Removed:
		verb := " vervalt."
		if len(c.Old) > 1 {
			verb = " vervallen."
		}
		return capitalize(articleNumbers(c.Old)) + ofPart + verb
	}
	return ""
}

// Summary says in one line what a change does, for the toelichting and
// the redline.
func (c *Change) Summary() string {
	switch c.Kind {
	case Modified:
		return "Artikel " + c.New[0].Number + " (" + md(c.New[0].Title) + ") wordt gewijzigd."
	case Replaced:
		return "Artikel " + c.New[0].Number + " (" + md(c.Old[0].Title) + ") wordt vervangen door een andere regeling."
	case Inserted:
		var names []string
		for _, n := range c.New {
			names = append(names, "artikel "+n.Number+" ("+md(n.Title)+")")
		}
		where := "Na artikel " + c.After
		if c.After == "" {
			where = "Voor artikel 1"
		}
		verb := " wordt "
		if len(names) > 1 {
			verb = " worden "
		}
		return where + verb + format.Join(names, "en") + " ingevoegd."
	case Removed:
		var names []string
		for _, o := range c.Old {
			names = append(names, "artikel "+o.Number+" ("+md(o.Title)+")")
		}
		verb := " vervalt."
		if len(names) > 1 {
			verb = " vervallen."
		}
		return capitalize(format.Join(names, "en")) + verb
	}
	return ""
}
