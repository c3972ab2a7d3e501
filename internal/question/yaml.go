package question

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"verordening/internal/source"
)

// ParseYAML parses an input file (answers, region) that must hold exactly
// one YAML document. Every problem is a source.ErrorList of Dutch messages
// at the real line and column: bytes that are no text (NUL, invalid
// UTF-8, invisible control characters) before yaml.v3 sees them, syntax
// errors at the line where the construct goes wrong, and a second
// document ("---") at its separator. An empty file gives an empty node.
func ParseYAML(name string, data []byte) (*yaml.Node, error) {
	if err := checkBytes(name, data); err != nil {
		return nil, err
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if err == io.EOF {
			return &root, nil
		}
		return nil, YAMLErrorIn(name, data, err)
	}
	var next yaml.Node
	for {
		next = yaml.Node{}
		err := dec.Decode(&next)
		if err == io.EOF {
			return &root, nil
		}
		if err != nil {
			return nil, YAMLErrorIn(name, data, err)
		}
		if !emptyDocument(&next) {
			break
		}
	}
	var errs source.ErrorList
	errs.Add(secondDocument(name, data, &next), "hier begint een tweede YAML-document (na ---); het bestand mag er één bevatten: haal de regel --- en wat volgt weg, of voeg de antwoorden samen tot één document")
	return nil, errs
}

// emptyDocument reports whether n is a document with nothing in it, as a
// closing "---" gives: harmless, and not a second set of answers.
func emptyDocument(n *yaml.Node) bool {
	if len(n.Content) == 0 {
		return true
	}
	c := n.Content[0]
	return len(n.Content) == 1 && c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Value == ""
}

// checkBytes reports the first byte that cannot be in a text file: it is
// not UTF-8, or it is a control or invisible format character (see
// Invisible). A byte order mark at the very start is allowed.
func checkBytes(name string, data []byte) error {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		pos := source.Pos{File: name, Line: line, Col: col}
		switch {
		case r == utf8.RuneError && n <= 1:
			return errorAt(pos, "hier staat een byte (0x%02X) die geen UTF-8-tekst is; sla het bestand op als UTF-8-tekst", data[i])
		case r == '\n':
			line, col = line+1, 0
		case r == '\ufeff' && i == 0:
		case r != '\t' && r != '\r':
			if invisible(r) {
				return errorAt(pos, "hier staat een onzichtbaar stuurteken (U+%04X); haal het weg: zulke tekens laten een tekst anders lezen dan hij er staat", r)
			}
		}
		i += n
		col++
	}
	return nil
}

func errorAt(pos source.Pos, format string, args ...any) error {
	var errs source.ErrorList
	errs.Add(pos, format, args...)
	return errs
}

var separator = regexp.MustCompile(`^(---|\.\.\.)(\s|$)`)

// secondDocument finds the separator before the second document: the
// first "---" or "..." line after the first line of content.
func secondDocument(name string, data []byte, next *yaml.Node) source.Pos {
	content := false
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case separator.MatchString(l) && content:
			return source.Pos{File: name, Line: i + 1, Col: 1}
		case t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "%") && !separator.MatchString(l):
			content = true
		}
	}
	return source.Pos{File: name, Line: max(next.Line, 1), Col: 1}
}

// YAMLErrorIn is YAMLError for an error of parsing data: yaml.v3 reports
// the line of a parser error one too early and no column at all, so the
// line is found again as the shortest prefix of data that fails with the
// same message, and the column and advice from that line.
func YAMLErrorIn(name string, data []byte, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return YAMLError(name, err)
	}
	line, msg := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
	if l := failingLine(data, msg); l > 0 {
		line = l
	}
	line = max(line, 1)
	text := lineText(data, line)
	col, advice := yamlAdvice(msg, text, lineText(data, prevContent(data, line)))
	var errs source.ErrorList
	errs.Add(source.Pos{File: name, Line: line, Col: col}, "YAML-syntaxfout: %s", advice)
	return errs
}

// failingLine is the smallest n such that the first n lines of data fail
// to parse with message msg, or 0. A parser stops at its first error, so
// once a prefix holds the error every longer one does: a binary search
// finds n in a few parses even for a file at the size limit.
func failingLine(data []byte, msg string) int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	prefix := func(n int) []byte {
		if n >= len(starts) {
			return data
		}
		return data[:starts[n]]
	}
	fails := func(n int) bool {
		var root yaml.Node
		err := yaml.Unmarshal(prefix(n), &root)
		if err == nil {
			return false
		}
		_, m := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
		return m == msg
	}
	lo, hi := 1, len(starts)
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func lineText(data []byte, n int) string {
	lines := strings.SplitN(string(data), "\n", n+1)
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// prevContent is the number of the last line before line n that holds
// more than a comment or blanks, or 0.
func prevContent(data []byte, n int) int {
	for i := n - 1; i >= 1; i-- {
		if t := strings.TrimSpace(lineText(data, i)); t != "" && !strings.HasPrefix(t, "#") {
			return i
		}
	}
	return 0
}

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

var keyValue = regexp.MustCompile(`^\s*[^\s#:][^:]*:\s+\S`)

// yamlAdvice gives the column of the problem on line text and the Dutch
// message with what to do; prev is the line of content above.
func yamlAdvice(msg, text, prev string) (int, string) {
	col := indent(text) + 1
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		if indent(text) > indent(prev) && keyValue.MatchString(prev) {
			return col, "deze regel springt verder in dan de regel erboven, die al een waarde heeft; laat de sleutel even ver inspringen als de sleutel erboven (of zet de waarde erboven op een eigen regel)"
		}
		if i := strings.Index(text, ": "); i >= 0 {
			if j := strings.Index(text[i+2:], ":"); j >= 0 {
				col = utf8.RuneCountInString(text[:i+2+j]) + 1
			}
		}
		return col, "een dubbele punt staat in een waarde; zet de hele waarde tussen aanhalingstekens, bijvoorbeeld sleutel: \"a: b\""
	case strings.HasPrefix(msg, "found a tab character"):
		if i := strings.IndexByte(text, '\t'); i >= 0 {
			col = utf8.RuneCountInString(text[:i]) + 1
		}
	case strings.HasPrefix(msg, "found character that cannot start any token"):
		if i := strings.Index(text, ": "); i >= 0 {
			rest := text[i+2:]
			col = utf8.RuneCountInString(text[:i+2]) + indent(rest) + 1
		}
	}
	return col, dutchYAML(msg)
}
