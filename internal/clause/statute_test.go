package clause

import (
	"bytes"
	"strings"
	"testing"
)

func refs(t *testing.T, ss ...string) []StatuteRef {
	var out []StatuteRef
	for _, s := range ss {
		r, err := ParseStatuteRef(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		out = append(out, r)
	}
	return out
}

func TestGeletOp(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"Participatiewet/10"}, "artikel 10 van de Participatiewet"},
		{[]string{"Participatiewet/8a/2/e/1", "Participatiewet/8a/2/e/2"},
			"artikel 8a, tweede lid, onderdeel e, van de Participatiewet"},
		{[]string{"Participatiewet/8a/2/e", "Participatiewet/8a/1/a", "Participatiewet/8a/2/a", "Participatiewet/10/4", "Participatiewet/10"},
			"artikel 8a, eerste lid, onderdeel a, en tweede lid, onderdelen a en e, en artikel 10 van de Participatiewet"},
		{[]string{"Participatiewet/10da", "Participatiewet/8a/2/g", "Gemeentewet/147"},
			"artikel 8a, tweede lid, onderdeel g, en artikel 10da van de Participatiewet en artikel 147 van de Gemeentewet"},
		{[]string{"Participatiewet/10/5", "Participatiewet/10/4"}, "artikel 10, vierde en vijfde lid, van de Participatiewet"},
	}
	for _, tt := range tests {
		if got := GeletOp(refs(t, tt.in...)); got != tt.want {
			t.Errorf("GeletOp(%v)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestStatuteRefString(t *testing.T) {
	r := refs(t, "Participatiewet/8a/2/e/1")[0]
	if got, want := r.String(), "artikel 8a, tweede lid, onderdeel e, onder 1°, van de Participatiewet"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, bad := range []string{"Participatiewet", "Onbekendewet/1", "Participatiewet/8a/twee", "Participatiewet/8a/2/ee", "Participatiewet//2"} {
		if _, err := ParseStatuteRef(bad); err == nil {
			t.Errorf("ParseStatuteRef(%q): no error", bad)
		}
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		in, front, body, err string
	}{
		{in: "---\nid: x\n---\nTekst\n", front: "id: x\n", body: "\n\n\nTekst\n"},
		{in: "---\r\nid: x\r\n---\r\nTekst", front: "id: x\r\n", body: "\n\n\nTekst"},
		{in: "---\n---\n", front: "", body: "\n\n"},
		{in: "id: x\n", err: "begint niet"},
		{in: "---\nid: x\n", err: "niet afgesloten"},
	}
	for _, tt := range tests {
		f, b, err := SplitFrontMatter([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || string(f) != tt.front || string(b) != tt.body {
			t.Errorf("%q: got %q, %q, %v", tt.in, f, b, err)
		}
	}
}

// FuzzSplitFrontMatter: never panics, and the body keeps its lines in
// place, so a template error's line number is the file's line number.
func FuzzSplitFrontMatter(f *testing.F) {
	f.Add([]byte("---\nid: x\n---\nTekst\n"))
	f.Add([]byte("---\n---"))
	f.Add([]byte("---\r\na: b\r\n---\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, body, err := SplitFrontMatter(data)
		if err != nil || body == nil {
			return
		}
		// body must be N newlines followed by the rest of the file, where
		// N is the number of lines the rest starts after.
		for n := 0; n <= len(body); n++ {
			rest := body[n:]
			if bytes.HasSuffix(data, rest) && bytes.Count(body[:n], []byte("\n")) == n &&
				bytes.Count(data[:len(data)-len(rest)], []byte("\n")) == n {
				return
			}
		}
		t.Fatalf("body %q does not keep the lines of %q", body, data)
	})
}
