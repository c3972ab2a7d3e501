package amend

import "github.com/sergi/go-diff/diffmatchpatch"

// A step pairs a block of the old text with one of the new, by their
// places in the two lists; o or n is -1 for a block that only one side
// has.
type step struct{ o, n int }

// align pairs the blocks of two texts, given by their keys. Blocks with
// equal keys pair as the longest common run; in each stretch between such
// runs, each old block pairs, in order, with the first later new block
// that it is like. Between pairs, the old blocks that go come before the
// new blocks that come; with side, as many of them as both texts have
// stand side by side instead, in order, as a was-wordt-tabel shows a
// lid that is replaced. The redline and the was-wordt-tabel both pair
// their blocks so.
func align(ok, nk []string, like func(o, n int) bool, side bool) []step {
	var out []step
	i, j := 0, 0
	var dels, inss []int
	flush := func() {
		out = alignStretch(out, dels, inss, like, side)
		dels, inss = nil, nil
	}
	for _, op := range diffTokens(ok, nk, false) {
		n := len(op.Tokens)
		switch op.Kind {
		case diffmatchpatch.DiffEqual:
			flush()
			for k := range n {
				out = append(out, step{i + k, j + k})
			}
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			for k := range n {
				dels = append(dels, i+k)
			}
			i += n
		case diffmatchpatch.DiffInsert:
			for k := range n {
				inss = append(inss, j+k)
			}
			j += n
		}
	}
	flush()
	return out
}

// alignStretch adds the steps of a stretch where the texts differ: dels
// are the old blocks in it, inss the new ones.
func alignStretch(out []step, dels, inss []int, like func(o, n int) bool, side bool) []step {
	type match struct{ d, k int }
	var pairs []match
	next := 0
	for d := range dels {
		for k := next; k < len(inss); k++ {
			if like(dels[d], inss[k]) {
				pairs = append(pairs, match{d, k})
				next = k + 1
				break
			}
		}
	}
	d, k := 0, 0
	gap := func(dTo, kTo int) {
		for ; side && d < dTo && k < kTo; d, k = d+1, k+1 {
			out = append(out, step{dels[d], inss[k]})
		}
		for ; d < dTo; d++ {
			out = append(out, step{dels[d], -1})
		}
		for ; k < kTo; k++ {
			out = append(out, step{-1, inss[k]})
		}
	}
	for _, p := range pairs {
		gap(p.d, p.k)
		out = append(out, step{dels[p.d], inss[p.k]})
		d, k = p.d+1, p.k+1
	}
	gap(len(dels), len(inss))
	return out
}
