// Package crossdoc holds what keeps the documents of one gemeente together.
// Its tests build every embedded example and prove that the beleidsregels
// and the informatieblad say what the answers say and what the verordening
// says: every amount and percentage comes from an answer or from a rule the
// beleidsregels write out; changing one amount changes it everywhere and
// nowhere else; every "artikel N van de verordening" names the number that
// article really has; and the informatieblad reads at B1 level.
//
// This file holds the readability measure the last test uses.
package crossdoc

import (
	"strings"
	"unicode"
)

// Readability is the Flesch-Douma reading ease of a text and what it is
// computed from.
type Readability struct {
	Sentences, Words, Syllables int
}

// WordsPerSentence is the average sentence length in words.
func (r Readability) WordsPerSentence() float64 {
	if r.Sentences == 0 {
		return 0
	}
	return float64(r.Words) / float64(r.Sentences)
}

// SyllablesPerWord is the average word length in syllables.
func (r Readability) SyllablesPerWord() float64 {
	if r.Words == 0 {
		return 0
	}
	return float64(r.Syllables) / float64(r.Words)
}

// FleschDouma is Douma's Dutch adaptation (1960) of Flesch's reading ease:
// 206,835 − 0,93 × (words per sentence) − 77 × (syllables per word). Higher
// is easier; 60 to 70 is plain language for a broad public.
func (r Readability) FleschDouma() float64 {
	return 206.835 - 0.93*r.WordsPerSentence() - 77*r.SyllablesPerWord()
}

// Measure adds up the sentences, words and syllables of units of text. A
// unit is a paragraph or a bullet: it holds one or more sentences, and it
// ends a sentence even without a full stop, as a bullet or a lead-in
// ending in a colon does.
func Measure(units []string) Readability {
	var r Readability
	for _, u := range units {
		for _, s := range Sentences(u) {
			words := Words(s)
			if len(words) == 0 {
				continue
			}
			r.Sentences++
			r.Words += len(words)
			for _, w := range words {
				r.Syllables += Syllables(w)
			}
		}
	}
	return r
}

// Sentences splits a unit of text at ".", "!" and "?" followed by a space
// or the end. A full stop between digits ("1.152") or inside a word
// ("e.g") does not end a sentence.
func Sentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i, c := range rs {
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			continue
		}
		if s := strings.TrimSpace(string(rs[start : i+1])); s != "" {
			out = append(out, s)
		}
		start = i + 1
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// Words returns the words of a sentence: the runs between spaces that hold a
// letter or a digit, stripped of the punctuation around them. "€" alone is
// no word; "hbo-niveau", "collega's" and "75,82" are one word each.
func Words(sentence string) []string {
	var out []string
	for _, f := range strings.Fields(sentence) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Syllables counts the syllables of a Dutch word by its vowel groups.
//
// Why by hand, and not with a library: neither the standard library nor
// any module this repository already depends on counts Dutch syllables,
// and the one reliable alternative, hyphenation with the Dutch TeX
// patterns, means a new dependency plus a pattern file to vet and keep for
// a single test. Counting vowel groups is the method Flesch-Douma is
// usually computed with, and it is exact for almost all Dutch words.
//
// The rules: every vowel unit is a syllable. A unit is one of the Dutch
// vowel combinations that sound as one vowel (aa ee oo uu ie oe ou au ei ij
// ui eu, and the three-letter ones ieu eeu aai ooi oei uui), else a single
// vowel (a e i o u y, with or without accent). Two vowels that form no such
// combination are two syllables ("the-a-ter", "ja-nu-a-ri"), and a vowel
// with a diaeresis always starts a new one ("tweeën", "reïntegratie"). Two
// loan combinations are added because the texts use them often: "oa" as in
// "coach" and "eau" as in "niveau". A number is read aloud as several syllables; we count one per
// digit, a rough but conservative estimate. A word without vowels, such as
// an abbreviation, counts as one.
func Syllables(word string) int {
	w := []rune(strings.ToLower(word))
	digits, n := 0, 0
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case unicode.IsDigit(c):
			digits++
			i++
		case isDiaeresis(c):
			n++
			i++
		case isVowel(c):
			n++
			i += unitLength(w[i:])
		default:
			i++
		}
	}
	if n == 0 && digits > 0 {
		return digits
	}
	return max(n+digits, 1)
}

var vowelUnits = []string{
	"ieu", "eeu", "aai", "ooi", "oei", "uui", "eau",
	"aa", "ee", "oo", "uu", "ie", "oe", "ou", "au", "ei", "ij", "ui", "eu", "oa",
}

// unitLength returns the length of the vowel unit that starts w.
func unitLength(w []rune) int {
	for _, u := range vowelUnits {
		ur := []rune(u)
		if len(w) < len(ur) {
			continue
		}
		match := true
		for k := range ur {
			if plain(w[k]) != ur[k] || isDiaeresis(w[k]) {
				match = false
				break
			}
		}
		if match {
			return len(ur)
		}
	}
	return 1
}

func isVowel(c rune) bool { return strings.ContainsRune("aeiouy", plain(c)) }

func isDiaeresis(c rune) bool { return strings.ContainsRune("äëïöüÿ", c) }

// plain drops an accent: é, è, ê, ë → e, and so on.
func plain(c rune) rune {
	switch c {
	case 'á', 'à', 'â', 'ä':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö':
		return 'o'
	case 'ú', 'ù', 'û', 'ü':
		return 'u'
	case 'ÿ':
		return 'y'
	}
	return c
}
