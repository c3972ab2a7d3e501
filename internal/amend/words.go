package amend

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// An op is one stretch of a token diff: tokens both sides share, or that
// only the old or only the new side has.
type op struct {
	Kind   diffmatchpatch.Operation // DiffEqual, DiffDelete or DiffInsert
	Tokens []string
}

// diffTokens diffs two token sequences with diffmatchpatch. Each distinct
// token becomes one rune, the DiffLinesToRunes trick applied to words, so
// the library's character diff works on whole tokens and an edit never
// splits a word. semantic runs the library's semantic cleanup, which folds
// short shared stretches (a lone space between two changed words) into the
// edits around them, the way a reader groups a change.
//
// There is no time limit: a limited diff may give up differently on a
// slower machine, and the output must be the same byte for byte.
func diffTokens(a, b []string, semantic bool) []op {
	index := map[string]rune{}
	var tokens []string
	encode := func(ts []string) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := index[t]
			if !ok {
				r = tokenRune(len(tokens))
				index[t] = r
				tokens = append(tokens, t)
			}
			out[i] = r
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	if semantic {
		diffs = dmp.DiffCleanupSemantic(diffs)
	}
	var out []op
	for _, d := range diffs {
		var ts []string
		for _, r := range d.Text {
			ts = append(ts, tokens[runeIndex(r)])
		}
		if len(ts) == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Kind == d.Type {
			out[n-1].Tokens = append(out[n-1].Tokens, ts...)
			continue
		}
		out = append(out, op{Kind: d.Type, Tokens: ts})
	}
	return out
}

// tokenRune and runeIndex map token numbers to runes and back, skipping
// the surrogate range: the library turns runes into strings, and a
// surrogate would not survive that.
const runeBase = 0x100

func tokenRune(i int) rune {
	r := rune(runeBase + i)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func runeIndex(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r - runeBase)
}

// words splits text at spaces: the units a replacement formula quotes.
func words(s string) []string { return strings.Fields(s) }

// fineTokens splits text into runs of letters and digits, runs of white
// space, and single other characters: the redline marks "10" → "15" in
// "10%" rather than the whole word.
func fineTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		class := charClass(r)
		j := i + size
		if class != 0 {
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if charClass(r2) != class {
					break
				}
				j += size2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// charClass is 1 for letters and digits, 2 for white space and 0 for
// anything else (a token of its own).
func charClass(r rune) int {
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return 1
	case unicode.IsSpace(r):
		return 2
	}
	return 0
}

// A span is a changed stretch of a word diff: old words [OldFrom, OldTo)
// become new words [NewFrom, NewTo).
type span struct {
	OldFrom, OldTo, NewFrom, NewTo int
}

// spans returns the changed stretches between two word lists, joining
// stretches that only gap words of shared text apart.
func spans(a, b []string, gap int) []span {
	var out []span
	i, j := 0, 0
	var cur *span
	for _, o := range diffTokens(a, b, false) {
		n := len(o.Tokens)
		switch o.Kind {
		case diffmatchpatch.DiffEqual:
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			if cur == nil {
				cur = &span{i, i, j, j}
			}
			i += n
			cur.OldTo = i
		case diffmatchpatch.DiffInsert:
			if cur == nil {
				cur = &span{i, i, j, j}
			}
			j += n
			cur.NewTo = j
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	// Join stretches that are only a few shared words apart: one
	// replacement reads better than two next to each other.
	var joined []span
	for _, s := range out {
		if n := len(joined); n > 0 && s.OldFrom-joined[n-1].OldTo <= gap {
			joined[n-1].OldTo, joined[n-1].NewTo = s.OldTo, s.NewTo
			continue
		}
		joined = append(joined, s)
	}
	return joined
}
