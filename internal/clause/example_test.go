package clause_test

import (
	"fmt"

	"verordening/internal/clause"
)

func ExampleGeletOp() {
	var refs []clause.StatuteRef
	for _, s := range []string{"Participatiewet/8a/1/a", "Participatiewet/8a/2/e/1", "Participatiewet/8a/2/a", "Participatiewet/10/4", "Participatiewet/10/5"} {
		r, _ := clause.ParseStatuteRef(s, clause.Laws{"Participatiewet": "Participatiewet"})
		refs = append(refs, r)
	}
	fmt.Println("gelet op " + clause.GeletOp(refs) + ";")
	// Output:
	// gelet op de artikelen 8a, eerste lid, aanhef en onderdeel a, en tweede lid, aanhef en onderdelen a en e, onder 1°, en 10, vierde en vijfde lid, van de Participatiewet;
}
