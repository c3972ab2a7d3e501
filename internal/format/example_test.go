package format_test

import (
	"fmt"

	"verordening/internal/format"
)

func Example() {
	fmt.Println(format.Bedrag(2700), format.Bedrag(75.82), format.Procent(7.5))
	fmt.Println(format.Datum("2026-07-01"), "—", "binnen", format.Woord(8), "weken")
	fmt.Println(format.Join([]string{"licht", "midden", "zwaar"}, "of"))
	// Output:
	// € 2.700 € 75,82 7,5%
	// 1 juli 2026 — binnen acht weken
	// licht, midden of zwaar
}
