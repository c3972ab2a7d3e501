package document

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/text"
)

func TestPlaceholderHighlight(t *testing.T) {
	tests := []struct{ md, want string }{
		{"Den Haag, [datum]", `<p>Den Haag, <mark class="plaatshouder">[datum]</mark></p>`},
		{`tarief [uurtarief\_x: in te vullen] per uur`, `<p>tarief <mark class="plaatshouder">[uurtarief_x: in te vullen]</mark> per uur</p>`},
		{`geen \[plaatshouder\]`, `<p>geen [plaatshouder]</p>`},
		{"een [link](a.html)", `<p>een <a href="a.html">link</a></p>`},
		{"*[x]* en **[&lt;y&gt;]**", `<p><em><mark class="plaatshouder">[x]</mark></em> en <strong><mark class="plaatshouder">[&lt;y&gt;]</mark></strong></p>`},
		{"[<b>]", `<p><mark class="plaatshouder">[&lt;b&gt;]</mark></p>`},
		{"[1] en [a][b]", `<p>[1] en [a][b]</p>`},
	}
	md := Goldmark()
	for _, tt := range tests {
		var buf bytes.Buffer
		src := []byte(tt.md)
		if err := md.Renderer().Render(&buf, src, md.Parser().Parse(text.NewReader(src))); err != nil {
			t.Fatal(err)
		}
		if got := string(bytes.TrimSpace(buf.Bytes())); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.md, got, tt.want)
		}
	}
}
