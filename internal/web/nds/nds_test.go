package nds

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// needModules skips without node_modules, and fails under CI, where
// .ci/run has run "npm ci" in this folder.
func needModules(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("node_modules"); err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal("node_modules is missing in internal/web/nds; .ci/run must run npm ci there")
	}
	t.Skip("no node_modules; run npm ci in internal/web/nds")
}

// TestAssetIsFresh: the committed asset and licences equal a fresh build
// from the packages the lock file pins (go generate ./internal/web).
func TestAssetIsFresh(t *testing.T) {
	needModules(t)
	want, err := Build(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "assets", "nds.css"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("assets/nds.css differs from a fresh build (%d bytes, want %d); run go generate ./internal/web", len(got), len(want))
	}
	for _, l := range Licences {
		want, err := Licence(".", l.Package, l.File)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "assets", l.Name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("assets/%s is missing or stale; run go generate ./internal/web", l.Name)
		}
	}
}

// TestLockPinsParts: every package the asset is built from is pinned in
// package-lock.json with an integrity hash.
func TestLockPinsParts(t *testing.T) {
	lock, err := os.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Parts {
		if !bytes.Contains(lock, []byte(`"node_modules/`+p.Package+`": {`)) {
			t.Errorf("package-lock.json does not pin %s", p.Package)
		}
	}
	if bytes.Contains(lock, []byte(`"node_modules/@utrecht/design-tokens"`)) {
		t.Error("package-lock.json holds @utrecht/design-tokens, whose licence reserves its rights; use the voorbeeld theme")
	}
}
