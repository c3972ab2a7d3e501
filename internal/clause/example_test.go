package clause_test

import (
	"fmt"

	"verordening/internal/clause"
)

func ExampleGeletOp() {
	var refs []clause.StatuteRef
	for _, s := range []string{"Participatiewet/8a/1/a", "Participatiewet/8a/2/e/1", "Participatiewet/8a/2/a", "Participatiewet/10/4", "Participatiewet/10/5"} {
		r, _ := clause.ParseStatuteRef(s)
		refs = append(refs, r)
	}
	fmt.Println("gelet op " + clause.GeletOp(refs) + ";")
	// Output:
	// gelet op artikel 8a, eerste lid, onderdeel a, en tweede lid, onderdelen a en e, en artikel 10, vierde en vijfde lid, van de Participatiewet;
}
