package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const manifestHead = "# verordening: de bestanden en mappen die verordening in deze map heeft gemaakt.\n" +
	"# Alleen die worden bij een volgende opdracht vervangen of verwijderd; laat dit bestand staan.\n"

const manifestVersion = "versie 1"

// A manifest lists the files and folders (slash-separated, relative to the
// output folder) that the tool made there.
type manifest struct {
	files, dirs map[string]bool
	found       bool // the folder has a manifest
}

func (m *manifest) encode() []byte {
	var b bytes.Buffer
	b.WriteString(manifestHead)
	b.WriteString(manifestVersion + "\n")
	for _, d := range sortedKeys(m.dirs) {
		fmt.Fprintf(&b, "map %s\n", d)
	}
	for _, f := range sortedKeys(m.files) {
		fmt.Fprintf(&b, "bestand %s\n", f)
	}
	return b.Bytes()
}

// readManifest reads dir's manifest; a folder without one has none of
// the tool's files.
func readManifest(dir string) (*manifest, error) {
	m := &manifest{files: map[string]bool{}, dirs: map[string]bool{}}
	p := filepath.Join(dir, ManifestName)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kan %s niet lezen: %v", p, unwrapPath(err))
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	version := false
	for sc.Scan() {
		line := sc.Text()
		kind, rel, _ := strings.Cut(line, " ")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == manifestVersion:
			version = true
		case strings.HasPrefix(line, "versie "):
			return nil, fmt.Errorf("%s komt van een andere versie van verordening (%s); gebruik die versie of kies een andere map met --out", p, line)
		case !validRel(rel):
			// Never act on a name that leaves the folder.
		case kind == "bestand":
			m.files[rel] = true
		case kind == "map":
			m.dirs[rel] = true
		}
	}
	if sc.Err() != nil {
		return nil, fmt.Errorf("kan %s niet lezen: %v", p, sc.Err())
	}
	if !version {
		return nil, fmt.Errorf("%s is niet door verordening geschreven; verplaats het of kies een andere map met --out", p)
	}
	m.found = true
	return m, nil
}
