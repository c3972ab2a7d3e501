package pipeline_test

import (
	"strings"
	"testing"

	"verordening/internal/pipeline/pipelinetest"
)

// TestOpenItemsNameTheReintegratieverordening: while the citeertitel of
// the re-integratieverordening is not given, build and check say so and
// name the placeholder the documents show; once it is given, they do not.
func TestOpenItemsNameTheReintegratieverordening(t *testing.T) {
	c := pipelinetest.Content(t)
	base := "gemeente: Openstad\nregionale_afspraken: lokaal\ninwerkingtreding: 2027-01-01\nuurtarief: 80\n"
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{base, true},
		{base + "reintegratieverordening: Re-integratieverordening Participatiewet Openstad 2023\n", false},
	} {
		ans, _, err := c.Decode("a.yaml", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		got := c.OpenItems(ans).Error()
		named := strings.Contains(got, "reintegratieverordening is nog niet ingevuld") && strings.Contains(got, c.Form.Placeholder)
		if named != tc.want {
			t.Errorf("answers %q: open items %q, want the re-integratieverordening named: %v", tc.in, got, tc.want)
		}
	}
}
