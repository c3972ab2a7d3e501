// Command gen writes internal/web/assets/nds.css and the licence texts
// beside it from internal/web/nds/node_modules (run "npm ci" there
// first). Run it with go generate ./internal/web.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"verordening/internal/output"
	"verordening/internal/web/nds"
)

func main() {
	if err := run("nds", "assets"); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, dst string) error {
	css, err := nds.Build(src)
	if err != nil {
		return fmt.Errorf("%v (voer eerst \"npm ci\" uit in %s)", err, src)
	}
	if err := output.WriteFile(filepath.Join(dst, "nds.css"), css); err != nil {
		return err
	}
	for _, l := range nds.Licences {
		data, err := nds.Licence(src, l.Package, l.File)
		if err != nil {
			return err
		}
		if err := output.WriteFile(filepath.Join(dst, l.Name), data); err != nil {
			return err
		}
	}
	return nil
}
