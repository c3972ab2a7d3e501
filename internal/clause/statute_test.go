package clause

import (
	"bytes"
	"strings"
	"testing"
)

// testLaws are the laws of clauses/wetten.yaml.
var testLaws = Laws{"Participatiewet": "Participatiewet", "Gemeentewet": "Gemeentewet",
	"Awb": "Algemene wet bestuursrecht", "Bekendmakingswet": "Bekendmakingswet"}

func refs(t *testing.T, ss ...string) []StatuteRef {
	var out []StatuteRef
	for _, s := range ss {
		r, err := ParseStatuteRef(s, testLaws)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		out = append(out, r)
	}
	return out
}

// divisions is the division of the Participatiewet articles as
// clauses/wetten.yaml records it.
var divisions = Divisions{
	"Participatiewet/8a": 2, "Participatiewet/8a/1": 5, "Participatiewet/8a/2": 7,
	"Participatiewet/8a/2/e": 2, "Participatiewet/8a/2/g": 2,
	"Participatiewet/10": 6, "Participatiewet/10/3": 2,
}

func TestGeletOp(t *testing.T) {
	all10 := []string{"Participatiewet/10/1", "Participatiewet/10/2", "Participatiewet/10/3/a", "Participatiewet/10/3/b",
		"Participatiewet/10/4", "Participatiewet/10/5", "Participatiewet/10/6"}
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"whole article", []string{"Participatiewet/10"}, "artikel 10 van de Participatiewet"},
		{"one lid", []string{"Participatiewet/10/4"}, "artikel 10, vierde lid, van de Participatiewet"},
		{"lid and onderdeel", []string{"Participatiewet/8a/1/a"}, "artikel 8a, eerste lid, aanhef en onderdeel a, van de Participatiewet"},
		{"onderdelen of one lid", []string{"Participatiewet/8a/2/e", "Participatiewet/8a/2/a"},
			"artikel 8a, tweede lid, aanhef en onderdelen a en e, van de Participatiewet"},
		{"sub-onderdeel", []string{"Participatiewet/8a/2/g/2"},
			"artikel 8a, tweede lid, aanhef en onderdeel g, onder 2°, van de Participatiewet"},
		{"sub-onderdeel last in a list", []string{"Participatiewet/8a/2/a", "Participatiewet/8a/2/e", "Participatiewet/8a/2/g/2"},
			"artikel 8a, tweede lid, aanhef en onderdelen a, e en g, onder 2°, van de Participatiewet"},
		{"sub-onderdeel inside a list", []string{"Participatiewet/8a/2/a", "Participatiewet/8a/2/e/1", "Participatiewet/8a/2/g"},
			"artikel 8a, tweede lid, aanhef en onderdelen a, e, onder 1°, en g, van de Participatiewet"},
		{"all sub-onderdelen give the onderdeel", []string{"Participatiewet/8a/2/e/1", "Participatiewet/8a/2/e/2"},
			"artikel 8a, tweede lid, aanhef en onderdeel e, van de Participatiewet"},
		{"whole leden", []string{"Participatiewet/10/5", "Participatiewet/10/4"}, "artikel 10, vierde en vijfde lid, van de Participatiewet"},
		{"whole leden and a lid with onderdelen", []string{"Participatiewet/10/1", "Participatiewet/10/3/a", "Participatiewet/10/4", "Participatiewet/10/5"},
			"artikel 10, eerste lid, derde lid, aanhef en onderdeel a, en vierde en vijfde lid, van de Participatiewet"},
		{"every lid gives the article", all10, "artikel 10 van de Participatiewet"},
		{"the whole article absorbs its parts", []string{"Participatiewet/10/4", "Participatiewet/10"}, "artikel 10 van de Participatiewet"},
		{"several articles", append([]string{"Participatiewet/10da", "Participatiewet/8a/2/g", "Participatiewet/8a/2/e/1",
			"Participatiewet/8a/2/e/2", "Participatiewet/8a/1/a", "Participatiewet/8a/2/a", "Participatiewet/7a"}, all10...),
			"de artikelen 7a, 8a, eerste lid, aanhef en onderdeel a, en tweede lid, aanhef en onderdelen a, e en g, 10 en 10da van de Participatiewet"},
		{"several articles, the last subdivided", []string{"Participatiewet/7a", "Participatiewet/8a/2/e"},
			"de artikelen 7a en 8a, tweede lid, aanhef en onderdeel e, van de Participatiewet"},
		{"three articles, the middle one subdivided", []string{"Participatiewet/7a", "Participatiewet/8a/2/e", "Participatiewet/10da"},
			"de artikelen 7a, 8a, tweede lid, aanhef en onderdeel e, en 10da van de Participatiewet"},
		{"several laws", []string{"Participatiewet/10da", "Participatiewet/8a/2/g", "Gemeentewet/156"},
			"de artikelen 8a, tweede lid, aanhef en onderdeel g, en 10da van de Participatiewet en artikel 156 van de Gemeentewet"},
		{"three laws", []string{"Awb/4:81", "Participatiewet/10/4", "Gemeentewet/147", "Gemeentewet/149"},
			"artikel 4:81 van de Algemene wet bestuursrecht, artikel 10, vierde lid, van de Participatiewet en de artikelen 147 en 149 van de Gemeentewet"},
		{"every onderdeel gives the lid", []string{"Participatiewet/10/3/a", "Participatiewet/10/3/b"}, "artikel 10, derde lid, van de Participatiewet"},
	}
	for _, tt := range tests {
		if got := GeletOpWith(refs(t, tt.in...), divisions); got != tt.want {
			t.Errorf("%s: GeletOpWith(%v)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
	// Without a recorded division the parts cited are listed.
	if got, want := GeletOp(refs(t, "Participatiewet/8a/2/e/1", "Participatiewet/8a/2/e/2")),
		"artikel 8a, tweede lid, aanhef en onderdeel e, onder 1° en 2°, van de Participatiewet"; got != want {
		t.Errorf("GeletOp without divisions\n got %q\nwant %q", got, want)
	}
}

func TestStatuteRefString(t *testing.T) {
	r := refs(t, "Participatiewet/8a/2/e/1")[0]
	if got, want := r.String(), "artikel 8a, tweede lid, onderdeel e, onder 1°, van de Participatiewet"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, bad := range []string{"Participatiewet", "Onbekendewet/1", "Participatiewet/8a/twee", "Participatiewet/8a/2/ee", "Participatiewet//2"} {
		if _, err := ParseStatuteRef(bad, testLaws); err == nil {
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
