package assemble_test

import (
	"fmt"

	"verordening/internal/assemble"
	"verordening/internal/document"
)

func ExampleWording() {
	besluit := &document.Article{Number: "13", Leden: []*document.Lid{
		{Number: "1", Label: "noodzaak", Items: []*document.Item{{Marker: "a."}, {Marker: "b.", Label: "duur"}}},
		{Number: "2", Label: "termijn"},
	}}
	herbeoordeling := &document.Article{Number: "32"}
	w1, _ := assemble.Wording(herbeoordeling, besluit, "noodzaak", "duur")
	w2, _ := assemble.Wording(besluit, besluit, "termijn", "")
	fmt.Println(w1)
	fmt.Println(w2)
	// Output:
	// artikel 13, eerste lid, onderdeel b
	// het tweede lid
}
