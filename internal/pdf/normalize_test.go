package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// skiaPDF builds a small PDF as Chromium's Skia writes one: objects, a
// classic cross-reference table with correct offsets, and a trailer with
// /Info and no /ID. info is the information dictionary.
func skiaPDF(info string) []byte {
	objs := []string{
		info,
		"<</Type /Catalog\n/Pages 3 0 R>>",
		"<</Type /Pages\n/Count 0\n/Kids []>>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF", len(objs)+1, xref)
	return b.Bytes()
}

const skiaInfo = "<</Title (Verordening)\n/Creator (Mozilla/5.0 \\(X11; Linux x86_64\\) AppleWebKit/537.36 \\(KHTML, like Gecko\\) HeadlessChrome/156.0.0.0 Safari/537.36)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261202075934+01'00')\n/ModDate (D:20261202075935+01'00')>>"

func TestNormalize(t *testing.T) {
	date := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	const creator = "verordening v1.2.0 (devel)"
	tests := []struct {
		name    string
		info    string
		date    time.Time
		creator string
		want    []string // in the normalized information dictionary
		gone    []string // no longer anywhere in the file
	}{
		{"dates replaced", skiaInfo, date, creator,
			[]string{"/CreationDate (D:20270101000000+00'00')", "/ModDate (D:20270101000000+00'00')", "/Title (Verordening)"},
			[]string{"20261202"}},
		{"zero date: no date", skiaInfo, time.Time{}, creator,
			[]string{"/Title (Verordening)", "/Producer (Skia/PDF m156)"},
			[]string{"/CreationDate", "/ModDate", "20261202"}},
		{"a date of another length is dropped", "<</CreationDate (D:2026)>>", date, creator,
			nil, []string{"/CreationDate"}},
		{"no dates", "<</Title (x)>>", date, creator, []string{"/Title (x)"}, nil},
		{"the creator is the program", skiaInfo, date, creator,
			[]string{`/Creator (verordening v1.2.0 \(devel\))`, "/Producer (Skia/PDF m156)"},
			[]string{"Mozilla", "HeadlessChrome"}},
		{"no creator given: Chromium's stays", skiaInfo, date, "",
			[]string{"HeadlessChrome/156"}, nil},
		{"a creator longer than Chromium's: Chromium's stays", "<</Creator (Skia)>>", date, creator,
			[]string{"/Creator (Skia)"}, []string{"verordening"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := skiaPDF(tt.info)
			out, err := Normalize(in, tt.date, tt.creator)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !bytes.Contains(out, []byte(w)) {
					t.Errorf("%q missing from\n%s", w, out)
				}
			}
			for _, g := range tt.gone {
				if bytes.Contains(out, []byte(g)) {
					t.Errorf("%q still in\n%s", g, out)
				}
			}
			checkXref(t, out)
			checkID(t, out)
		})
	}
}

// checkXref checks that every offset of the cross-reference table, and
// startxref, still point where they must.
func checkXref(t *testing.T, b []byte) {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF$`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no startxref at the end:\n%s", b)
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(b[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	for i, e := range regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(b[xref:], -1) {
		off, _ := strconv.Atoi(string(e[1]))
		if head := fmt.Sprintf("%d 0 obj\n", i+1); !bytes.HasPrefix(b[off:], []byte(head)) {
			t.Errorf("offset %d of object %d points at %q", off, i+1, b[off:min(off+12, len(b))])
		}
	}
}

// checkID checks that the trailer's /ID is the hash of the file without it.
func checkID(t *testing.T, b []byte) {
	t.Helper()
	m := regexp.MustCompile(`\n/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]>>\nstartxref`).FindSubmatchIndex(b)
	if m == nil {
		t.Fatalf("no /ID in the trailer:\n%s", b)
	}
	id := string(b[m[2]:m[3]])
	if id != string(b[m[4]:m[5]]) {
		t.Error("the two parts of /ID differ")
	}
	without := append(bytes.Clone(b[:m[0]]), b[m[5]+len(">]"):]...)
	sum := sha256.Sum256(without)
	if want := hex.EncodeToString(sum[:16]); id != want {
		t.Errorf("/ID %s, want the hash of the file %s", id, want)
	}
}

func TestNormalizeDeterministic(t *testing.T) {
	a, err := Normalize(skiaPDF(skiaInfo), time.Time{}, "verordening")
	if err != nil {
		t.Fatal(err)
	}
	later := strings.ReplaceAll(skiaInfo, "20261202075934", "20300606121212")
	b, err := Normalize(skiaPDF(later), time.Time{}, "verordening")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("PDFs printed at different times differ after Normalize:\n%s\n---\n%s", a, b)
	}
}

func TestNormalizeErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no trailer", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "geen trailer"},
		{"unreadable trailer", "%PDF-1.4\ntrailer\n/Size 1", "niet te lezen"},
		{"already an ID", "%PDF-1.4\ntrailer\n<</Size 1\n/ID [<00> <00>]>>\n", "al een /ID"},
		{"info object missing", "%PDF-1.4\ntrailer\n<</Size 1\n/Info 7 0 R>>\n", "object 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Normalize([]byte(tt.in), time.Time{}, "verordening")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Normalize: %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestHeaderTemplateEscapes(t *testing.T) {
	got := headerTemplate(`Regels <b>&</b> "zo"`)
	if strings.Contains(got, "<b>") || !strings.Contains(got, "Regels &lt;b&gt;&amp;&lt;/b&gt; &#34;zo&#34;") {
		t.Errorf("header not escaped: %s", got)
	}
}
