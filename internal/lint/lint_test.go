package lint

import "testing"

func TestCompare(t *testing.T) {
	agree := []string{
		"# Titel\n\n1\\. Het college beslist:\n\n- a. eerste;\n- b. tweede.\n",
		"| Eis | Artikel |\n| --- | --- |\n| `pw10-5` | artikel 9 |\n",
		"Stad \\<script\\> \\& \\*Co\\*\n",
	}
	for _, md := range agree {
		if f := Compare([]byte(md)); f != nil {
			t.Errorf("%q: %s", md, f)
		}
	}
	// Strikethrough is an extension only gomarkdown enables here: the two
	// readers see different documents, and the lint must say so.
	disagree := []string{
		"Dit is ~~doorgehaald~~ en dit niet.\n",
		"Term\n: definitie in de stijl van PHP Markdown Extra\n\n<div>ruwe html</div>\n",
	}
	for _, md := range disagree {
		if f := Compare([]byte(md)); f == nil {
			t.Errorf("%q: no finding", md)
		}
	}
}
