package clause

import (
	"bytes"
	"errors"
)

// SplitFrontMatter separates a clause file into its YAML front matter and
// its body. The front matter sits between a first line "---" and the next
// line "---". The body keeps its place in the file: the front matter lines
// are replaced by empty lines, so that line numbers in template errors
// point at the right line of the file.
func SplitFrontMatter(data []byte) (front, body []byte, err error) {
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, nil, errors.New("het bestand begint niet met een regel \"---\" (front matter ontbreekt)")
	}
	rest := data[bytes.IndexByte(data, '\n')+1:]
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if end >= 0 {
			line = rest[off : off+end]
		}
		if string(bytes.TrimRight(line, "\r \t")) == "---" {
			front = rest[:off]
			n := bytes.Count(data[:len(data)-len(rest)+off], []byte("\n")) + 1
			if end < 0 {
				return front, nil, nil
			}
			body = append(bytes.Repeat([]byte("\n"), n), rest[off+end+1:]...)
			return front, body, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return nil, nil, errors.New("de front matter wordt niet afgesloten met een regel \"---\"")
}
